"""Disk work of the async transfers, done in worker threads so the event loop keeps going.

Reading a 1 MiB block, writing it and hashing it take about a millisecond each; done on the
loop, every other task of the program (other transfers, heartbeats, a web server's requests)
would stall for that long per block. `off_loop` runs one such step in a thread
(`asyncio.to_thread`); `file_blocks` reads a range of a file that way, a block at a time.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import ParamSpec, TypeVar

from pycrucible._transfers.parts_v3 import read_range

__all__ = ["file_blocks", "off_loop"]

P = ParamSpec("P")
R = TypeVar("R")


async def off_loop(call: Callable[P, R], /, *args: P.args, **kwargs: P.kwargs) -> R:
    """Runs `call` in a worker thread and returns its result.

    A cancelled caller still waits for the thread to end before the cancellation goes on, so
    the caller's cleanup (closing or deleting the file) never runs under a step in progress.
    """
    job = asyncio.ensure_future(asyncio.to_thread(call, *args, **kwargs))
    try:
        return await asyncio.shield(job)
    except asyncio.CancelledError:
        with contextlib.suppress(BaseException):
            await asyncio.wait([job])
        raise


async def file_blocks(local: Path, offset: int, size: int) -> AsyncIterator[bytes]:
    """The bytes `offset:offset + size` of a file, read a block (1 MiB) at a time in a thread.

    Args:
        local: The file.
        offset: Where the range starts, in bytes.
        size: The range's length, in bytes.

    Raises:
        TransferError: The file ended before the range did.
    """
    blocks = read_range(local, offset, size)
    try:
        while (block := await off_loop(_next, blocks)) is not None:
            yield block
    finally:
        blocks.close()  # closes the file


def _next(blocks: Iterator[bytes]) -> bytes | None:
    return next(blocks, None)
