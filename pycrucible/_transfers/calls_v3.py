"""How the API v3 upload engines call the upload routes: settings, retries and their errors.

The upload routes (initiate, sign parts, list parts, complete, abort) may answer 429, 502, 503
or 504 when the server is busy. `upload_call` retries those itself, waiting what the server's
`Retry-After` asks, clamped to `[RETRY_AFTER_MIN, RETRY_AFTER_MAX]` seconds (`RETRY_AFTER_DEFAULT`
when it names none), instead of leaving them to the transport's shorter policy. The one 503
that is not retried is "multipart uploads are disabled": it is raised at once, so the caller
switches to a resumable session without waiting.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

import attrs

from pycrucible._http import invoke
from pycrucible._redact import get_logger
from pycrucible._transfers.digest_v3 import Digest
from pycrucible._transport import idempotent_calls, retry_after_seconds, status_retries_by_caller
from pycrucible._types import ProgressCallback
from pycrucible.errors import (
    APIStatusError,
    EtagMismatchError,
    FilenameExistsError,
    TransferError,
)

__all__ = [
    "MULTIPART_DISABLED",
    "REOPENS",
    "RETRY_AFTER_DEFAULT",
    "RETRY_AFTER_MAX",
    "RETRY_AFTER_MIN",
    "EtagMismatchError",
    "FilenameExistsError",
    "MultipartSettings",
    "busy_retry",
    "busy_wait",
    "idempotency_key",
    "is_about_upload",
    "is_multipart_disabled",
    "local_file",
    "structured_detail",
    "upload_call",
]

log = get_logger("transfers")
P = ParamSpec("P")
R = TypeVar("R")

MULTIPART_DISABLED = "multipart uploads are disabled"
"""Text of the 503 answer (lower case) that switches an upload to the resumable route."""
RETRY_AFTER_MIN = 1.0
"""Shortest wait (seconds) before repeating a refused upload call."""
RETRY_AFTER_MAX = 60.0
"""Longest wait (seconds): a longer `Retry-After` is waited for this long."""
RETRY_AFTER_DEFAULT = 5.0
"""Wait (seconds) when a busy answer names no `Retry-After`."""
_BUSY = frozenset({429, 502, 503, 504})
REOPENS = 3
"""Most closed sessions an upload steps past (each found again by its Idempotency-Key)."""


@attrs.frozen
class MultipartSettings:
    """How the v3 uploads run.

    Attributes:
        workers: Parts sent at the same time (threads).
        part_attempts: Tries per part before the upload fails.
        state_dir: Folder of resume state; None keeps no state (no cross-process resume).
        guess_part_size: Part size (bytes) assumed while hashing; the server's real size is
            used when it differs (one more read of the file).
        chunk_size: Bytes per chunk of a resumable session (rounded down to a multiple of
            256 KiB); None takes the server's `chunk_size_hint` (16 MiB when it gives none).
        call_attempts: Tries per upload-route call answered 429/502/503/504.
        progress: Called with (file name, bytes sent, total) as an upload goes (see
            `pycrucible.ProgressCallback`); None reports nothing.
        sleep: Pauses for the given seconds (tests pass a recorder).
        clock: Unix time in seconds (signed URLs about to expire are signed again first).
    """

    workers: int = 8
    part_attempts: int = 3
    state_dir: Path | None = None
    guess_part_size: int = 64 * 1024 * 1024
    chunk_size: int | None = None
    call_attempts: int = 6
    progress: ProgressCallback | None = None
    sleep: Callable[[float], None] = time.sleep
    clock: Callable[[], float] = time.time


def structured_detail(exc: APIStatusError) -> dict[str, Any]:
    """The object form of an error's `detail` (`{"code": ..., ...}`), or {} for other forms."""
    try:
        body = exc.response.json() if exc.response is not None else {}
    except ValueError:
        return {}
    detail = body.get("detail") if isinstance(body, dict) else None
    return detail if isinstance(detail, dict) else {}


def is_multipart_disabled(exc: APIStatusError) -> bool:
    """Whether an error is the 503 "multipart uploads are disabled"."""
    return exc.status_code == 503 and MULTIPART_DISABLED in exc.detail.lower()


def busy_wait(exc: APIStatusError) -> float:
    """Seconds to wait after a busy answer: its `Retry-After`, clamped, or the default."""
    asked = retry_after_seconds(exc.response) if exc.response is not None else None
    if asked is None:
        return RETRY_AFTER_DEFAULT
    return min(RETRY_AFTER_MAX, max(RETRY_AFTER_MIN, asked))


def upload_call(
    settings: MultipartSettings, operation: Callable[P, R], /, *args: P.args, **kwargs: P.kwargs
) -> R:
    """Calls a generated upload-route operation, retrying busy answers (see the module doc).

    Every upload route is safe to repeat (initiate carries an `Idempotency-Key`, completion of
    a completed session answers the same file), so the requests are marked idempotent.

    Args:
        settings: `call_attempts` and `sleep`.
        operation: The generated `sync_detailed` function.
        *args: Its positional arguments.
        **kwargs: Its keyword arguments, including `client`.

    Returns:
        The generated `Response`.

    Raises:
        APIStatusError: An error answer that is not busy, the disabled 503, or a busy answer
            after `call_attempts` tries.
    """
    attempt = 1
    while True:
        try:
            with status_retries_by_caller(), idempotent_calls():
                return invoke(operation, *args, **kwargs)
        except APIStatusError as exc:
            pause = busy_retry(exc, attempt, settings.call_attempts)
            if pause is None:
                raise
            settings.sleep(pause)
            attempt += 1


def busy_retry(exc: APIStatusError, attempt: int, call_attempts: int) -> float | None:
    """Seconds to wait before trying an upload-route call again, None to raise `exc`
    (shared by the sync and async upload engines).

    Args:
        exc: The error answer.
        attempt: Tries made so far (1 after the first).
        call_attempts: Most tries.
    """
    if exc.status_code not in _BUSY or is_multipart_disabled(exc) or attempt >= call_attempts:
        return None
    pause = busy_wait(exc)
    log.info(
        "upload call answered %d; trying again in %.0f s (%d/%d)",
        exc.status_code,
        pause,
        attempt,
        call_attempts,
    )
    return pause


def local_file(path: str | os.PathLike[str]) -> Path:
    """The absolute path of a file to upload; TransferError (before any request) if unreadable."""
    local = Path(path).resolve()
    if not local.is_file():
        raise TransferError(f"{local} is not a readable file; nothing was sent")
    return local


def idempotency_key(dataset: str, filename: str, digest: Digest) -> str:
    """The initiate's key (32 hex digits): the same dataset, name and content give the same key,
    so a repeated initiate finds the same session."""
    return hashlib.sha256(
        f"{dataset}\0{filename}\0{digest.sha256}\0{digest.size}".encode()
    ).hexdigest()[:32]


def is_about_upload(exc: APIStatusError, upload_id: str) -> bool:
    """Whether an error answered a request about the upload session `upload_id`."""
    response = exc.response
    return response is not None and upload_id in response.request.url.path
