"""Async uploads and downloads on API v3 over HTTP: parts and files at once, verified, and a
failed download never replacing a good file."""

from __future__ import annotations

import asyncio
import hashlib
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

from pycrucible import APIConnectionError, AsyncCrucibleClient, TransferError
from pycrucible.testing import LocalCrucible

Connect = Callable[..., AsyncCrucibleClient]  # the `connect` fixture (conftest.py)

PART = 64 * 1024


@pytest.fixture
def small_parts(server: LocalCrucible) -> Iterator[None]:
    """Small parts, so one file is many parts; the server's settings are restored after."""
    with httpx.Client(base_url=server.url, timeout=10) as control:
        control.headers["Authorization"] = f"Bearer {server.admin_key}"
        before = control.get("/_control/uploads").json()
        control.put("/_control/uploads", json={"multipart_enabled": True, "part_size": PART})
        yield
        control.put("/_control/uploads", json=before)


async def _ingested(client: AsyncCrucibleClient, dsid: str) -> None:
    made = await client.request_ingestion(dsid, wait_for_response=True)
    assert {r.status for r in made} == {"complete"}


def test_upload_and_download_round_trip_with_concurrency(
    connect: Connect, server: LocalCrucible, tmp_path: Path, small_parts: None
) -> None:
    sources = tmp_path / "sources"
    sources.mkdir()
    contents = {f"f{i}.bin": os.urandom(PART * 3 + 1000 * i) for i in range(6)}
    for name, data in contents.items():
        (sources / name).write_bytes(data)
    server.clear_storage_log()

    async def body() -> None:
        async with connect(upload_workers=4, download_workers=3) as client:
            dsid = (await client.create_dataset(dataset_name="round trip")).unique_id
            records = await client.upload_dataset(dsid, sorted(sources.iterdir()))
            assert [r.filename for r in records] == sorted(contents)
            for record in records:
                data = contents[str(record.filename)]
                assert record.sha256_hash == hashlib.sha256(data).hexdigest()
            await _ingested(client, dsid)
            out = await client.download_dataset(dsid, output_dir=tmp_path / "out")
            assert sorted(p.name for p in out) == sorted(contents)
            for path in out:
                assert path.read_bytes() == contents[path.name]
            one = await client.files.download_file(records[0].mfid, tmp_path / "one")
            assert one.read_bytes() == contents[str(records[0].filename)]

    asyncio.run(body())
    parts = [r for r in server.storage_log if "/v3-parts/" in r.path]
    expected = sum(-(-len(data) // PART) for data in contents.values())
    assert len([r for r in parts if r.status == 200]) == expected  # every part, once
    assert not any(r.had_authorization for r in server.storage_log)  # the key stays home


def test_a_cut_download_never_replaces_a_good_file(
    connect: Connect, server: LocalCrucible, tmp_path: Path
) -> None:
    (tmp_path / "data.bin").write_bytes(b"new content " * 1000)
    out = tmp_path / "out"
    out.mkdir()
    (out / "data.bin").write_bytes(b"the good old file")

    async def body() -> None:
        async with connect() as client:
            dsid = (await client.create_dataset(dataset_name="cut")).unique_id
            await client.upload_dataset(dsid, tmp_path / "data.bin")
            await _ingested(client, dsid)
            server.faults.add("truncate", after_bytes=100, times=10, path_prefix="/storage/")
            with pytest.raises(APIConnectionError):  # every attempt was cut
                await client.download_dataset(dsid, output_dir=out)

    try:
        asyncio.run(body())
    finally:
        server.faults.clear()
    assert (out / "data.bin").read_bytes() == b"the good old file"
    assert sorted(p.name for p in out.iterdir()) == ["data.bin"]  # no partial file left


def test_a_corrupted_download_fails_its_sha256_check(
    connect: Connect, server: LocalCrucible, tmp_path: Path
) -> None:
    (tmp_path / "data.bin").write_bytes(b"exact bytes " * 100)
    out = tmp_path / "out"

    async def body() -> None:
        async with connect() as client:
            dsid = (await client.create_dataset(dataset_name="corrupted")).unique_id
            await client.upload_dataset(dsid, tmp_path / "data.bin")
            await _ingested(client, dsid)
            server.faults.add("corrupt", offset=5, times=1, path_prefix="/storage/")
            with pytest.raises(TransferError, match="SHA-256"):
                await client.download_dataset(dsid, output_dir=out)

    try:
        asyncio.run(body())
    finally:
        server.faults.clear()
    assert not (out / "data.bin").exists()


def test_with_multipart_off_the_upload_takes_a_resumable_session(
    connect: Connect, server: LocalCrucible, tmp_path: Path
) -> None:
    data = os.urandom(600 * 1024)
    (tmp_path / "big.bin").write_bytes(data)
    server.clear_storage_log()

    async def body() -> None:
        async with connect(upload_chunk_size=256 * 1024) as client:
            dsid = (await client.create_dataset(dataset_name="resumable")).unique_id
            record = (await client.upload_dataset(dsid, tmp_path / "big.bin"))[0]
            assert record.sha256_hash == hashlib.sha256(data).hexdigest()
            await _ingested(client, dsid)
            out = await client.download_dataset(dsid, output_dir=tmp_path / "out")
            assert out[0].read_bytes() == data

    with httpx.Client(base_url=server.url, timeout=10) as control:
        control.headers["Authorization"] = f"Bearer {server.admin_key}"
        before = control.get("/_control/uploads").json()
        control.put("/_control/uploads", json={"multipart_enabled": False})
        try:
            asyncio.run(body())
        finally:
            control.put("/_control/uploads", json=before)
    sessions = [r for r in server.storage_log if "/v3-parts/" not in r.path and r.status]
    assert len([r for r in sessions if "/storage/v3-" in r.path]) >= 3  # 600 KiB in 256 KiB chunks
