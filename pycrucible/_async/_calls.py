"""The async upload-route calls and settings: `MultipartSettings` and `upload_call`.

The twins of `pycrucible._transfers.calls_v3`'s, with the busy-answer decision (`busy_retry`)
shared and the pause awaited.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import ParamSpec, TypeVar

import attrs

from pycrucible._async._http import ainvoke
from pycrucible._transfers.calls_v3 import busy_retry
from pycrucible._transport import idempotent_calls, status_retries_by_caller
from pycrucible._types import ProgressCallback
from pycrucible.errors import APIStatusError

__all__ = ["MultipartSettings", "upload_call"]

P = ParamSpec("P")
R = TypeVar("R")


@attrs.frozen
class MultipartSettings:
    """How the async v3 uploads run (the sync `MultipartSettings`, with an awaited `sleep`).

    Attributes:
        workers: Parts sent at the same time; with several files (`upload_files_v3`), also
            the files uploaded at once, and the bound on parts across all of them.
        part_attempts: Tries per part before the upload fails.
        state_dir: Folder of resume state; None keeps no state.
        guess_part_size: Part size (bytes) assumed while hashing.
        chunk_size: Bytes per chunk of a resumable session (rounded down to a multiple of
            256 KiB); None takes the server's hint.
        call_attempts: Tries per upload-route call answered 429/502/503/504.
        progress: Called with (file name, bytes sent, total) as an upload goes.
        sleep: Awaited to pause for the given seconds.
        clock: Unix time in seconds (signed URLs about to expire are signed again first).
    """

    workers: int = 8
    part_attempts: int = 3
    state_dir: Path | None = None
    guess_part_size: int = 64 * 1024 * 1024
    chunk_size: int | None = None
    call_attempts: int = 6
    progress: ProgressCallback | None = None
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep
    clock: Callable[[], float] = time.time


async def upload_call(
    settings: MultipartSettings,
    operation: Callable[P, Awaitable[R]],
    /,
    *args: P.args,
    **kwargs: P.kwargs,
) -> R:
    """Awaits a generated upload-route operation, retrying busy answers (see `calls_v3`)."""
    attempt = 1
    while True:
        try:
            with status_retries_by_caller(), idempotent_calls():
                return await ainvoke(operation, *args, **kwargs)
        except APIStatusError as exc:
            pause = busy_retry(exc, attempt, settings.call_attempts)
            if pause is None:
                raise
            await settings.sleep(pause)
            attempt += 1
