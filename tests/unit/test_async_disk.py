"""The async transfers' disk helpers: the work runs in a worker thread, never on the loop."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

import pytest

from pycrucible._async._disk import file_blocks, off_loop
from pycrucible.errors import TransferError


def test_off_loop_runs_the_call_in_another_thread_and_returns_its_result() -> None:
    async def body() -> tuple[int, int, int]:
        loop_thread = threading.get_ident()
        worker = await off_loop(threading.get_ident)
        total = await off_loop(sum, [1, 2, 3])
        return loop_thread, worker, total

    loop_thread, worker, total = asyncio.run(body())
    assert worker != loop_thread
    assert total == 6


def test_a_cancelled_caller_waits_for_the_step_in_progress() -> None:
    started, release = threading.Event(), threading.Event()
    finished: list[bool] = []

    def step() -> None:
        started.set()
        release.wait(30)
        finished.append(True)

    async def body() -> None:
        task = asyncio.ensure_future(off_loop(step))
        await asyncio.to_thread(started.wait, 30)
        task.cancel()
        await asyncio.sleep(0)
        assert not task.done()  # still waiting for the thread
        release.set()
        with pytest.raises(asyncio.CancelledError):
            await task
        assert finished == [True]  # the step ended before the cancellation went on

    asyncio.run(body())


def test_file_blocks_reads_a_range_in_blocks(tmp_path: Path) -> None:
    data = bytes(range(256)) * 9000  # 2.2 MiB: three blocks
    path = tmp_path / "data.bin"
    path.write_bytes(data)

    async def body(offset: int, size: int) -> list[bytes]:
        return [block async for block in file_blocks(path, offset, size)]

    blocks = asyncio.run(body(10, len(data) - 20))
    assert b"".join(blocks) == data[10:-10]
    assert [len(b) for b in blocks] == [1024 * 1024, 1024 * 1024, len(data) - 20 - 2 * 1024 * 1024]
    with pytest.raises(TransferError, match="shrank"):
        asyncio.run(body(len(data) - 5, 10))
