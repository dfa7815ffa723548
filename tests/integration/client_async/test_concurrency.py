"""Async transfers over HTTP: several files at once within `upload_workers`, and an event loop
that keeps running while a large file is written and hashed."""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import itertools
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

from pycrucible import AsyncCrucibleClient, FilenameExistsError
from pycrucible.testing import LocalCrucible

Connect = Callable[..., AsyncCrucibleClient]  # the `connect` fixture (conftest.py)

PART = 64 * 1024
BLOCK = 1024 * 1024  # what a download writes at a time


@pytest.fixture
def small_parts(server: LocalCrucible) -> Iterator[None]:
    """Small parts; the server's settings are restored after."""
    with httpx.Client(base_url=server.url, timeout=10) as control:
        control.headers["Authorization"] = f"Bearer {server.admin_key}"
        before = control.get("/_control/uploads").json()
        control.put("/_control/uploads", json={"multipart_enabled": True, "part_size": PART})
        yield
        control.put("/_control/uploads", json=before)


class PartCounter(httpx.AsyncBaseTransport):
    """A real HTTP transport that counts the part uploads in flight.

    The first part uploads wait (at most `patience` seconds) until `gather` of them are in
    flight together, so files that do go at once are seen at once, whatever the scheduling.
    """

    def __init__(self, gather: int, patience: float = 5.0) -> None:
        self.inner = httpx.AsyncHTTPTransport()
        self.gather, self.patience = gather, patience
        self.in_flight = self.most = self.parts = 0
        self.full = asyncio.Event()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if request.method != "PUT" or "/v3-parts/" not in request.url.path:
            return await self.inner.handle_async_request(request)
        self.in_flight += 1
        self.parts += 1
        self.most = max(self.most, self.in_flight)
        try:
            if self.in_flight >= self.gather:
                self.full.set()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.full.wait(), self.patience)
            return await self.inner.handle_async_request(request)
        finally:
            self.in_flight -= 1

    async def aclose(self) -> None:
        await self.inner.aclose()


def test_several_files_go_at_once_within_upload_workers(
    connect: Connect, server: LocalCrucible, tmp_path: Path, small_parts: None
) -> None:
    sources = tmp_path / "sources"
    sources.mkdir()
    # one part each: parts in flight together belong to different files
    contents = {f"f{i}.bin": os.urandom(1000 + 997 * i) for i in range(7)}
    for name, data in contents.items():
        (sources / name).write_bytes(data)
    server.clear_storage_log()

    async def body() -> PartCounter:
        counter = PartCounter(gather=3)
        async with connect(upload_workers=3, transport=counter) as client:
            dsid = (await client.create_dataset(dataset_name="files at once")).unique_id
            records = await client.upload_dataset(dsid, sorted(sources.iterdir()))
            assert [r.filename for r in records] == sorted(contents)  # the order given
            for record in records:
                expected = hashlib.sha256(contents[str(record.filename)]).hexdigest()
                assert record.sha256_hash == expected
            made = await client.request_ingestion(dsid, wait_for_response=True)
            assert {r.status for r in made} == {"complete"}
            out = await client.download_dataset(dsid, output_dir=tmp_path / "out")
            assert {p.name: p.read_bytes() for p in out} == contents
        return counter

    counter = asyncio.run(body())
    assert counter.parts == len(contents)  # every file's one part, once
    assert counter.most == 3  # three files at once, never more than upload_workers
    parts = [r for r in server.storage_log if "/v3-parts/" in r.path]
    assert len([r for r in parts if r.status == 200]) == len(contents)


def test_the_parts_of_one_file_stay_within_upload_workers(
    connect: Connect, tmp_path: Path, small_parts: None
) -> None:
    data = os.urandom(PART * 9 + 123)
    (tmp_path / "many.bin").write_bytes(data)

    async def body() -> PartCounter:
        counter = PartCounter(gather=4)
        async with connect(upload_workers=4, transport=counter) as client:
            dsid = (await client.create_dataset(dataset_name="parts at once")).unique_id
            record = (await client.upload_dataset(dsid, tmp_path / "many.bin"))[0]
            assert record.sha256_hash == hashlib.sha256(data).hexdigest()
        return counter

    counter = asyncio.run(body())
    assert counter.parts == 10
    assert counter.most == 4


def test_the_loop_keeps_ticking_while_a_large_download_is_written(
    connect: Connect, tmp_path: Path
) -> None:
    data = os.urandom(12 * 1024 * 1024 + 5)
    (tmp_path / "large.bin").write_bytes(data)
    out_dir = tmp_path / "out"

    async def body() -> tuple[list[int], int, int]:
        ticks = unreported_growth = 0
        stop = asyncio.Event()
        seen: list[int] = []  # the heartbeat's count at each progress report (one per block)

        async def heartbeat() -> None:
            nonlocal ticks, unreported_growth
            size, reports = 0, 0
            while not stop.is_set():
                ticks += 1
                now = _partial_bytes(out_dir)
                # The partial file grew by a block since the last tick with no progress report
                # between: a block was written while this task ran, i.e. not on the event loop
                # (there, a block's write and its report happen in one step, with no tick
                # between them).
                if now - size >= BLOCK // 2 and len(seen) == reports:  # not a last flush
                    unreported_growth += 1
                size, reports = now, len(seen)
                await asyncio.sleep(0)

        def progress(name: str, done: int, total: int | None) -> None:
            seen.append(ticks)

        async with connect() as client:
            dsid = (await client.create_dataset(dataset_name="large")).unique_id
            await client.upload_dataset(dsid, tmp_path / "large.bin")
            await client.request_ingestion(dsid, wait_for_response=True)
            beat = asyncio.ensure_future(heartbeat())
            try:
                out = await client.download_dataset(dsid, output_dir=out_dir, progress=progress)
            finally:
                stop.set()
                await beat
            assert out[0].read_bytes() == data
        return seen, ticks, unreported_growth

    seen, ticks, unreported_growth = asyncio.run(body())
    blocks = -(-len(data) // BLOCK)
    assert len(seen) >= blocks  # a report for each block (and the start, and the end)
    between = [later - earlier for earlier, later in itertools.pairwise(seen)]
    # the heartbeat ran between the reports of consecutive blocks: the loop was never held
    # for the whole download, nor for two blocks in a row
    assert sum(1 for gap in between if gap > 0) >= blocks - 1
    assert ticks >= blocks
    assert unreported_growth >= 1  # the loop ran while blocks were being written


def test_a_failing_file_fails_the_call_with_its_own_error(
    connect: Connect, tmp_path: Path, small_parts: None
) -> None:
    first, later = tmp_path / "first", tmp_path / "later"
    first.mkdir()
    later.mkdir()
    (first / "a.bin").write_bytes(b"the first a")
    (later / "a.bin").write_bytes(b"another a, same name")
    for i in range(4):
        (later / f"b{i}.bin").write_bytes(os.urandom(PART * 2))

    async def body() -> None:
        async with connect(upload_workers=3) as client:
            dsid = (await client.create_dataset(dataset_name="one fails")).unique_id
            await client.upload_dataset(dsid, first / "a.bin")
            with pytest.raises(FilenameExistsError) as caught:
                await client.upload_dataset(dsid, sorted(later.iterdir()))
            assert caught.value.file_mfid  # names the file already there
            kept = [f for f in await client.files.list(dsid) if f.filename == "a.bin"]
            assert len(kept) == 1  # the first one, untouched
            assert kept[0].size == len(b"the first a")

    asyncio.run(body())


def _partial_bytes(folder: Path) -> int:
    """The bytes in the partial files of a download into `folder` (one may move meanwhile)."""
    total = 0
    for path in folder.glob(".crucible-download-*/*.part"):
        with contextlib.suppress(FileNotFoundError):
            total += path.stat().st_size
    return total
