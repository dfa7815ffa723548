"""One real call (at least) of every async resource area, over HTTP against the local v3."""

from __future__ import annotations

import asyncio
import secrets
from collections.abc import Callable
from pathlib import Path

import pytest

from pycrucible import AsyncCrucibleClient, PermissionDeniedError, UnsupportedByServerError
from pycrucible.testing import LocalCrucible

Connect = Callable[..., AsyncCrucibleClient]  # the `connect` fixture (conftest.py)

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 40


def test_metadata_resources_and_lineage(connect: Connect) -> None:
    async def body() -> None:
        async with connect() as client:
            parent = (await client.create_dataset(dataset_name="parent")).unique_id
            child = (await client.create_dataset(dataset_name="child")).unique_id
            await client.update_scientific_metadata(parent, {"temperature_K": 300})
            assert await client.get_scientific_metadata(parent) == {"temperature_K": 300}
            assert (await client.metadata.record(parent)) is not None
            await client.link_datasets(parent, child)
            children = await client.list_children_of_dataset(parent)
            assert [d.unique_id for d in children] == [child]
            assert [d.unique_id async for d in client.datasets.parents(child)] == [parent]
            record = await client.resources.get(parent)
            assert record["dataset_name"] == "parent"

    asyncio.run(body())


def test_samples_and_their_links(connect: Connect) -> None:
    async def body() -> None:
        async with connect() as client:
            rock = await client.add_sample(sample_name="rock")
            chip = await client.samples.create(sample_name="chip", parents=[rock.unique_id])
            assert (await client.get_sample(chip.unique_id)).sample_name == "chip"
            kids = await client.list_children_of_sample(rock.unique_id)
            assert [s.unique_id for s in kids] == [chip.unique_id]
            ds = (await client.create_dataset(dataset_name="on a chip")).unique_id
            await client.add_sample_to_dataset(ds, chip.unique_id)
            linked = await client.datasets.list(sample_id=chip.unique_id).to_list()
            assert [d.unique_id for d in linked] == [ds]
            updated = await client.update_sample(chip.unique_id, description="polished")
            assert updated.description == "polished"

    asyncio.run(body())


def test_registry_users_projects_instruments_account(
    connect: Connect, server: LocalCrucible
) -> None:
    async def body() -> None:
        async with connect() as client:
            me = await client.get_user(server.user_orcid)
            assert me["unique_id"] == server.user_orcid
            projects = await client.list_projects()
            assert "LOCAL-DEMO" in [p.project_id for p in projects]
            assert (await client.get_project("LOCAL-DEMO")).project_id == "LOCAL-DEMO"
            assert [u async for u in client.projects.members("LOCAL-DEMO")]
            instruments = await client.list_instruments()
            assert "Demo microscope" in [i.instrument_name for i in instruments]
            found = await client.get_instrument("Demo microscope")
            assert found.instrument_name == "Demo microscope"
            assert (await client.account.profile()).unique_id == server.user_orcid
            assert (await client.health()) is not None

    asyncio.run(body())


def test_access_groups_deletion_and_service_accounts(
    connect: Connect, server: LocalCrucible
) -> None:
    orcid = f"0000-0009-{secrets.randbelow(10_000):04d}-{secrets.randbelow(10_000):04d}"
    other = server.add_user(orcid)

    async def body() -> None:
        async with connect() as client, connect(key=other) as them:
            ds = (await client.create_dataset(dataset_name="shared")).unique_id
            with pytest.raises(PermissionDeniedError):
                await them.get_dataset(ds)
            grant = await client.access.grant(ds, orcid, "viewer")
            assert (grant.principal_id, grant.permission) == (orcid, "viewer")
            assert (await them.get_dataset(ds)).unique_id == ds
            groups = await client.get_user_access_groups(server.user_orcid)
            assert "LOCAL-DEMO" in groups
            asked = await client.deletion.request(ds, reason="a duplicate")
            assert [r.id async for r in client.deletion.list(scope="submitted")] == [asked.id]
            with pytest.raises(UnsupportedByServerError):
                await client.delete_dataset(ds)

    asyncio.run(body())


def test_files_thumbnails_ingestion_and_pipeline(connect: Connect, tmp_path: Path) -> None:
    (tmp_path / "scan.txt").write_bytes(b"scan data")

    async def body() -> None:
        async with connect() as client:
            result = await client.upload_new_dataset(
                [tmp_path / "scan.txt"], dataset_name="pipeline", wait=True, timeout=30
            )
            dsid = result.dataset.unique_id
            assert [r.status for r in result.ingestion] == ["complete"]
            files = await client.get_associated_files(dsid)
            assert [f.filename for f in files] == ["scan.txt"]
            assert [f.filename for f in await client.files.list(dsid)] == ["scan.txt"]
            await client.add_thumbnail(dsid, PNG, "thumb.png")
            assert len(await client.get_thumbnails(dsid)) == 1
            links = await client.get_dataset_download_links(dsid)
            assert list(links) == [files[0].mfid]
            requests = [r async for r in client.ingestion.list(dataset_mfid=dsid)]
            assert requests
            assert requests[0].status == "complete"
            assert await client.ingestion.ingestors()

    asyncio.run(body())
