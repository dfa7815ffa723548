"""Retries (503, 429 with Retry-After) and bounded waits of the async client, against the
local server's fault injection over HTTP."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

import pytest

from pycrucible import AsyncCrucibleClient, ServerError, WaitTimeoutError
from pycrucible.testing import LocalCrucible

Connect = Callable[..., AsyncCrucibleClient]  # the `connect` fixture (conftest.py)


class Pauses:
    """An async sleep that records the pauses asked for and returns at once."""

    def __init__(self) -> None:
        self.asked: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.asked.append(seconds)


def test_503_and_429_are_retried_honouring_retry_after(
    connect: Connect, server: LocalCrucible
) -> None:
    pauses = Pauses()

    async def body() -> None:
        async with connect(sleep=pauses) as client:
            made = await client.create_dataset(dataset_name="retried")
            path = f"/api/v3/datasets/{made.unique_id}"
            busy = server.faults.add("status", status=503, times=2, path_prefix=path)
            limited = server.faults.add(
                "status", status=429, retry_after=2, times=1, path_prefix=path
            )
            got = await client.get_dataset(made.unique_id)
            assert got.unique_id == made.unique_id
            assert (busy.consumed, limited.consumed) == (2, 1)
            assert 2.0 in pauses.asked  # the server's Retry-After, waited out with the sleep
            assert len(pauses.asked) == 3

    try:
        asyncio.run(body())
    finally:
        server.faults.clear()


def test_retries_are_bounded_and_the_error_is_mapped(
    connect: Connect, server: LocalCrucible
) -> None:
    pauses = Pauses()

    async def body() -> None:
        async with connect(sleep=pauses, max_retries=2) as client:
            made = await client.create_dataset(dataset_name="never answered")
            server.faults.add(
                "status", status=503, times=10, path_prefix=f"/api/v3/datasets/{made.unique_id}"
            )
            with pytest.raises(ServerError):
                await client.get_dataset(made.unique_id)
            assert len(pauses.asked) == 2

    try:
        asyncio.run(body())
    finally:
        server.faults.clear()


def test_an_ingestion_wait_is_bounded_by_its_timeout(
    connect: Connect, server: LocalCrucible, tmp_path: Path
) -> None:
    (tmp_path / "slow.txt").write_bytes(b"waiting")
    pauses = Pauses()
    now = [0.0]

    async def fake_sleep(seconds: float) -> None:
        await pauses(seconds)
        now[0] += seconds

    async def body() -> None:
        async with connect(sleep=fake_sleep, clock=lambda: now[0]) as client:
            ds = (await client.create_dataset(dataset_name="frozen workers")).unique_id
            record = (await client.upload_dataset(ds, tmp_path / "slow.txt"))[0]
            request = await client.ingestion.request(record.mfid)
            with pytest.raises(WaitTimeoutError) as caught:
                await client.ingestion.wait(request.id, timeout=5, poll=1)
            assert caught.value.request is not None
            assert sum(pauses.asked) == pytest.approx(5)  # the fake clock reached the deadline

    delay = server.worker_delay
    server.worker_delay = None  # requests stay "requested"
    try:
        asyncio.run(body())
    finally:
        server.worker_delay = delay


def test_the_seed_wait_follows_a_request_to_completion(connect: Connect, tmp_path: Path) -> None:
    (tmp_path / "done.txt").write_bytes(b"finished")

    async def body() -> None:
        async with connect() as client:
            ds = (await client.create_dataset(dataset_name="waited")).unique_id
            await client.upload_dataset(ds, tmp_path / "done.txt")
            made = await client.request_ingestion(ds)
            final = await client.wait_for_request_completion(
                ds, made["id"], "ingest", sleep_interval=0.05, timeout=30
            )
            assert final["status"] == "complete"

    asyncio.run(body())


def test_an_async_wait_reports_every_poll_to_progress(connect: Connect, tmp_path: Path) -> None:
    (tmp_path / "watched.txt").write_bytes(b"watched")
    seen: list[str] = []

    async def body() -> None:
        async with connect() as client:
            ds = (await client.create_dataset(dataset_name="watched")).unique_id
            record = (await client.upload_dataset(ds, tmp_path / "watched.txt"))[0]
            request = await client.ingestion.request(record.mfid)
            final = await client.ingestion.wait(
                request.id, timeout=30, poll=0.05, progress=lambda r: seen.append(r.status)
            )
            assert final.status == "complete"

    asyncio.run(body())
    assert seen  # at least the final poll
    assert seen[-1] == "complete"  # the last record reported is the one returned
