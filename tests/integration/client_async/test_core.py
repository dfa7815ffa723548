"""The async client's surface on API v3 over HTTP: datasets, seed names, pages, errors,
concurrency and the API version check."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

from pycrucible import (
    AsyncCrucibleClient,
    NotFoundError,
    PermissionDeniedError,
    UnsupportedByServerError,
)
from pycrucible.testing import LocalCrucible

Connect = Callable[..., AsyncCrucibleClient]  # the `connect` fixture (conftest.py)


def test_datasets_create_get_update_and_keywords(connect: Connect) -> None:
    async def body() -> None:
        async with connect() as client:
            made = await client.datasets.create(
                dataset_name="async one", measurement="XRD", keywords=["alpha"]
            )
            got = await client.datasets.get(made.unique_id)
            assert (got["dataset_name"], got.measurement) == ("async one", "XRD")
            changed = await client.datasets.update(made.unique_id, dataset_name="async two")
            assert changed.dataset_name == "async two"
            words = await client.datasets.keywords(made.unique_id)
            assert [k.keyword for k in words] == ["alpha"]
            # client.v3 is the client itself: code written for client.v3 reads the same
            assert (await client.v3.datasets.get(made.unique_id)).dataset_name == "async two"

    asyncio.run(body())


def test_seed_names_are_coroutines_and_lists_are_lists(connect: Connect) -> None:
    async def body() -> None:
        async with connect() as client:
            made = await client.create_dataset(dataset_name="seed names")
            assert (await client.get_dataset(made.unique_id))["unique_id"] == made.unique_id
            await client.add_dataset_keyword(made.unique_id, "beta")
            assert [k.keyword for k in await client.get_dataset_keywords(made.unique_id)] == [
                "beta"
            ]
            listed = await client.list_datasets(limit=1)
            assert isinstance(listed, list)
            assert len(listed) == 1
            assert (await client.whoami()).user_unique_id

    asyncio.run(body())


def test_pages_async_for_limit_to_list_and_count(connect: Connect) -> None:
    async def body() -> None:
        async with connect() as client:
            name = "paged async"
            made = {(await client.create_dataset(dataset_name=name)).unique_id for _ in range(5)}
            seen = [
                ds.unique_id async for ds in client.datasets.list(dataset_name=name, page_size=2)
            ]
            assert set(seen) == made
            assert len(seen) == 5
            assert len(await client.datasets.list(dataset_name=name, limit=3).to_list()) == 3
            assert await client.datasets.list(dataset_name=name, page_size=1).count() == 5

    asyncio.run(body())


def test_per_call_options_apply_to_every_page(connect: Connect, server: LocalCrucible) -> None:
    """`privilege_mode="elevated"` is refused for a normal user on every page of a list, also
    on pages fetched after the call that made the list returned."""

    async def body() -> None:
        async with connect() as client:
            for _ in range(3):
                await client.create_dataset(dataset_name="options on pages")
            pages = client.datasets.list(
                dataset_name="options on pages", page_size=1, privilege_mode="elevated"
            )
            with pytest.raises(PermissionDeniedError):
                await pages.to_list()
            plain = client.datasets.list(dataset_name="options on pages", page_size=1)
            assert len(await plain.to_list()) == 3

    asyncio.run(body())


def test_errors_are_mapped_and_bad_input_fails_before_the_network(connect: Connect) -> None:
    async def body() -> None:
        async with connect() as client:
            with pytest.raises(NotFoundError):
                await client.datasets.get("0000000000000000000000000z")
            with pytest.raises(ValueError, match="dsid"):
                await client.get_dataset("")
            with pytest.raises(ValueError, match="page_size"):
                client.datasets.list(page_size=0)
            with pytest.raises(ValueError, match="timeout"):
                await client.get_dataset("0000000000000000000000000z", timeout=-1)
            with pytest.raises(TypeError, match="includ_metadata"):
                await client.datasets.get("0000000000000000000000000z", includ_metadata=True)  # type: ignore[call-arg]

    asyncio.run(body())


def test_fifty_concurrent_gets_from_many_tasks(connect: Connect) -> None:
    async def body() -> None:
        async with connect() as client:
            ids = [(await client.create_dataset(dataset_name=f"c{i}")).unique_id for i in range(5)]
            wanted = [ids[i % 5] for i in range(50)]
            got = await asyncio.gather(*(client.get_dataset(dsid) for dsid in wanted))
            assert [ds.unique_id for ds in got] == wanted

    asyncio.run(body())


def test_the_seed_era_api_is_refused_clearly(
    server: LocalCrucible, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(UnsupportedByServerError, match="v3 only"):
        AsyncCrucibleClient(server.url_v3, server.user_key, api_version="v1")
    with pytest.raises(UnsupportedByServerError, match="April 2026"):
        AsyncCrucibleClient(server.url + "/api/v1", server.user_key)

    monkeypatch.delenv("CRUCIBLE_API_VERSION")
    seed_era = AsyncCrucibleClient(server.url, server.user_key, state_dir=tmp_path)

    async def body() -> None:
        # the seed-era API at the server's root: asked once, on entering the client
        with pytest.raises(UnsupportedByServerError, match="v1"):
            async with seed_era:
                pass
        assert seed_era.closed

    asyncio.run(body())


def test_settings_resolve_as_the_sync_clients(
    server: LocalCrucible, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CRUCIBLE_API_URL", server.url_v3)
    monkeypatch.setenv("CRUCIBLE_API_KEY", server.user_key)
    monkeypatch.setenv("CRUCIBLE_DOWNLOAD_WORKERS", "3")
    monkeypatch.delenv("CRUCIBLE_API_VERSION")  # asked of the server on entering
    monkeypatch.setenv("CRUCIBLE_STATE_DIR", str(tmp_path))

    async def body() -> None:
        async with AsyncCrucibleClient(privilege_mode="normal") as client:
            assert client.settings.download_workers == 3
            assert client.api_url == server.url_v3.rstrip("/")
            assert (await client.whoami()).user_unique_id == server.user_orcid
            assert server.user_key not in repr(client)

    asyncio.run(body())


def test_a_callers_async_client_is_used_as_it_is_and_retries_still_apply(
    connect: Connect, server: LocalCrucible
) -> None:
    sent: list[str] = []

    async def note(request: httpx.Request) -> None:
        sent.append(request.url.path)

    async def body() -> bool:
        own = httpx.AsyncClient(trust_env=False, event_hooks={"request": [note]})
        async with connect(http_client=own, sleep=_no_pause) as client:
            dsid = (await client.create_dataset(dataset_name="own client")).unique_id
            before = sent.count(f"/api/v3/datasets/{dsid}")
            server.faults.add("status", status=503, times=1, path_prefix=f"/api/v3/datasets/{dsid}")
            try:
                assert (await client.get_dataset(dsid)).unique_id == dsid
            finally:
                server.faults.clear()
        assert sent.count(f"/api/v3/datasets/{dsid}") - before == 2  # through it, one retry
        still_open = not own.is_closed  # the caller's to close
        await own.aclose()
        return still_open

    assert asyncio.run(body())


def test_http_client_must_be_an_async_client_and_not_with_transport(connect: Connect) -> None:
    with httpx.Client() as sync_client, pytest.raises(ValueError, match=r"httpx\.AsyncClient"):
        connect(http_client=sync_client)

    async def both() -> None:
        async with httpx.AsyncClient() as own:
            with pytest.raises(ValueError, match="not both"):
                connect(http_client=own, transport=httpx.AsyncHTTPTransport())

    asyncio.run(both())


async def _no_pause(seconds: float) -> None:
    return None
