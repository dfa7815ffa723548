"""Partial download files: fresh, exclusive, private to one download call.

Every `download_dataset` call makes one hidden folder of its own in the output folder (a fresh
name from `tempfile.mkdtemp`, mode 0700, never the first segment of a path in the dataset), and
every file it fetches gets a new randomly named file in there, created with `O_EXCL` (and
`O_NOFOLLOW`): an existing name, a planted link or another download's file is never opened.
The file stays open for all the attempts of its download; retries resume through that handle,
never by reopening a name. A verified file is renamed into place; the folder and whatever is
left in it are removed when the call ends, successful or not.

`DownloadAttempts` keeps the score of one file's attempts: progress counts only past the
furthest offset ever reached, and a restart from zero is allowed once.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import secrets
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path

import attrs

from pycrucible.errors import TransferError

__all__ = ["MAX_ATTEMPTS", "DownloadAttempts", "PartialFile", "make_workdir", "remove_workdir"]

MAX_ATTEMPTS = 4
"""Interrupted attempts in a row without a byte past the furthest offset before giving up."""

_WORKDIR_PREFIX = ".crucible-download-"


def make_workdir(root: Path, taken: Iterable[str]) -> Path:
    """Creates this call's hidden folder for partial files inside `root`.

    Args:
        root: The output folder (it exists).
        taken: First path segments of every file of the dataset; the folder never has one of
            these names.

    Returns:
        The new, empty folder (mode 0700).
    """
    names = set(taken)
    while True:
        path = Path(tempfile.mkdtemp(prefix=_WORKDIR_PREFIX, dir=root))
        if path.name not in names:
            return path
        path.rmdir()  # astronomically unlikely; pick another name


def remove_workdir(path: Path) -> None:
    """Removes a folder made by `make_workdir` and any partial file still in it."""
    shutil.rmtree(path, ignore_errors=True)


class PartialFile:
    """One download's temporary file: created exclusively under a fresh name, kept open.

    It hashes what is written, so a resumed attempt continues the hash without reading back.

    Args:
        workdir: The folder from `make_workdir`.
    """

    def __init__(self, workdir: Path) -> None:
        flags = os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
        while True:
            path = workdir / f"{secrets.token_hex(12)}.part"
            try:
                fd = os.open(path, flags, 0o666)
            except FileExistsError:
                continue
            break
        self.path = path
        self._handle = os.fdopen(fd, "r+b")
        self._digest = hashlib.sha256()
        self._moved = False
        self.length = 0

    def write(self, block: bytes) -> None:
        """Appends `block` and adds it to the hash."""
        self._handle.write(block)
        self._digest.update(block)
        self.length += len(block)

    def restart(self) -> None:
        """Empties the file, for a server that sends the whole file again."""
        self._handle.seek(0)
        self._handle.truncate()
        self._digest = hashlib.sha256()
        self.length = 0

    def flush(self) -> None:
        """Hands the buffered bytes to the operating system (after an interrupted attempt)."""
        self._handle.flush()

    def sync(self) -> None:
        """Flushes and `fsync`s the file."""
        self._handle.flush()
        os.fsync(self._handle.fileno())

    def hexdigest(self) -> str:
        """The SHA-256 of everything written so far."""
        return self._digest.hexdigest()

    def move_to(self, dest: Path) -> None:
        """Closes the file and renames it to `dest` (replacing what is there)."""
        self._handle.close()
        os.replace(self.path, dest)
        self._moved = True

    def discard(self) -> None:
        """Closes and deletes the file; harmless after `move_to`."""
        with contextlib.suppress(OSError):
            self._handle.close()
        if not self._moved:
            with contextlib.suppress(FileNotFoundError):
                self.path.unlink()


@attrs.define
class DownloadAttempts:
    """How one file's download went so far, over all its attempts in this call."""

    name: str
    best: int = 0
    failures: int = 0
    restarts: int = 0

    def restart(self) -> None:
        """Counts a restart from zero; the second one raises (the server ignores ranges)."""
        self.restarts += 1
        if self.restarts > 1:
            raise TransferError(
                f"download of {self.name}: the server does not honour range requests (it sent "
                "the file from the start again); nothing was written"
            )

    def interrupted(self, reached: int, cause: BaseException | None) -> None:
        """Counts an interrupted attempt that got to byte `reached`; raises after too many."""
        if reached > self.best:
            self.best, self.failures = reached, 1
        else:
            self.failures += 1
        if self.failures >= MAX_ATTEMPTS:
            raise TransferError(
                f"download of {self.name} broke off {self.failures} times in a row without "
                f"getting past byte {self.best}; nothing was written, run it again"
            ) from cause
