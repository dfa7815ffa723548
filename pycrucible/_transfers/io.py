"""Streaming building blocks of transfers: hashing, a hashing file wrapper, progress throttling.

Nothing here holds more than one read block (1 MiB) of a file in memory.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import BinaryIO

import attrs
import httpx

from pycrucible._transport import RetryPolicy, RetryTransport
from pycrucible._types import ProgressCallback
from pycrucible.errors import TransferError

__all__ = [
    "BLOCK_SIZE",
    "PROGRESS_STEP",
    "HashingReader",
    "LocalFile",
    "ProgressMeter",
    "hash_of_prefix",
    "retry_policy_of",
    "sha256_file",
    "size_and_sha256",
]

BLOCK_SIZE = 1024 * 1024
"""Bytes per read when hashing or streaming a file (1 MiB)."""

PROGRESS_STEP = 1024 * 1024
"""Progress callbacks fire at most once per this many bytes (1 MiB), plus start and end."""


def sha256_file(path: Path, *, start_bytes: int | None = None) -> str:
    """Hashes a file (or its first `start_bytes` bytes) in 1 MiB reads.

    Args:
        path: The file.
        start_bytes: Only hash this many leading bytes; the whole file when None.

    Returns:
        The lowercase hex SHA-256.
    """
    return _hash_prefix(path, start_bytes)[0].hexdigest()


def size_and_sha256(path: Path) -> tuple[int, str]:
    """Returns (bytes read, lowercase hex SHA-256) of a whole file, in 1 MiB reads."""
    digest, size = _hash_prefix(path, None)
    return size, digest.hexdigest()


def _hash_prefix(path: Path, limit: int | None) -> tuple[hashlib._Hash, int]:
    digest = hashlib.sha256()
    remaining = limit
    read = 0
    with path.open("rb") as handle:
        while remaining is None or remaining > 0:
            size = BLOCK_SIZE if remaining is None else min(BLOCK_SIZE, remaining)
            block = handle.read(size)
            if not block:
                break
            digest.update(block)
            read += len(block)
            if remaining is not None:
                remaining -= len(block)
    return digest, read


def hash_of_prefix(path: Path, length: int) -> hashlib._Hash:
    """Returns a running SHA-256 fed with the first `length` bytes of `path` (to resume into)."""
    return _hash_prefix(path, length)[0]


class ProgressMeter:
    """Reports the progress of one file, throttled to one call per `step` bytes.

    Args:
        callback: The user's callback, or None to report nothing.
        name: The file name passed to the callback.
        total: Total bytes, or None when unknown.
        step: Least number of bytes between two calls (the last call always happens).
    """

    def __init__(
        self,
        callback: ProgressCallback | None,
        name: str,
        total: int | None,
        step: int = PROGRESS_STEP,
    ) -> None:
        self._callback = callback
        self.name = name
        self.total = total
        self._step = step
        self.done = 0
        self._reported: int | None = None

    def update(self, done: int) -> None:
        """Sets the bytes done so far; calls back when it moved by a step or reached the end."""
        self.done = done
        if self._callback is None:
            return
        last = self._reported
        at_end = self.total is not None and done >= self.total
        if last is None or abs(done - last) >= self._step or (at_end and done != last):
            self._reported = done
            self._callback(self.name, done, self.total)

    def advance(self, count: int) -> None:
        """Adds `count` bytes to the progress."""
        self.update(self.done + count)

    def finish(self) -> None:
        """Makes sure the final value was reported."""
        if self._callback is not None and self._reported != self.done:
            self._reported = self.done
            self._callback(self.name, self.done, self.total)


class HashingReader:
    """A read-only file wrapper that hashes and counts what is read through it.

    httpx streams a multipart part from any object with `read`; this one feeds every block to
    SHA-256 on the way. Rewinding to the start (httpx does that before each attempt, so a retried
    request is hashed again from scratch) resets the hash.

    Args:
        handle: A binary file opened for reading, positioned at 0.
        meter: Progress meter to advance, or None.
    """

    def __init__(self, handle: BinaryIO, meter: ProgressMeter | None = None) -> None:
        self._handle = handle
        self._meter = meter
        self._digest = hashlib.sha256()
        self.bytes_read = 0
        self.reads = 0
        self._in_order = True

    def read(self, size: int = -1) -> bytes:
        """Reads up to `size` bytes (httpx asks for 64 KiB at a time) and hashes them."""
        block = self._handle.read(size)
        self.reads += 1
        if block:
            self._digest.update(block)
            self.bytes_read += len(block)
            if self._meter is not None:
                self._meter.update(self.bytes_read)
        return block

    def seek(self, offset: int, whence: int = os.SEEK_SET) -> int:
        """Moves in the file; a rewind to 0 restarts the hash."""
        position = self._handle.seek(offset, whence)
        if position == 0:
            self._digest = hashlib.sha256()
            self.bytes_read = 0
            self._in_order = True
        elif position != self.bytes_read:
            self._in_order = False
        return position

    def tell(self) -> int:
        """Returns the current position."""
        return self._handle.tell()

    def fileno(self) -> int:
        """Returns the OS file descriptor (httpx uses it to learn the length up front)."""
        return self._handle.fileno()

    def hexdigest(self) -> str | None:
        """Returns the hex SHA-256 of everything read from 0, or None if reads skipped around."""
        return self._digest.hexdigest() if self._in_order else None


def retry_policy_of(client: httpx.Client) -> RetryPolicy:
    """Returns the retry policy of the client's `RetryTransport` (the default policy otherwise).

    The resumable logic retries chunks itself and uses the same backoff and sleep function, so
    tests that zero the sleeps of the transport zero these too.
    """
    transport = getattr(client, "_transport", None)
    if isinstance(transport, RetryTransport):
        return transport.policy
    return RetryPolicy()


@attrs.frozen
class LocalFile:
    """A checked local file to upload.

    Attributes:
        path: Absolute path.
        name: The name it gets on the server (its base name).
        size: Size in bytes when checked.
        mtime_ns: Modification time in nanoseconds when checked.
    """

    path: Path
    name: str
    size: int
    mtime_ns: int

    def check_unchanged(self) -> None:
        """Raises `TransferError` if the file's size or mtime differ from when it was checked."""
        stat = self.path.stat()
        if (stat.st_size, stat.st_mtime_ns) != (self.size, self.mtime_ns):
            raise TransferError(f"{self.path} changed while it was being uploaded")
