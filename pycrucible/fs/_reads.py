"""Byte ranges and verified whole files through signed links, for `CrucibleFileSystem`.

Every request goes through the client's key-less `storage` connection (the key never reaches
storage). A link that storage refuses (403, or a 400 saying it expired) is fetched anew from the
API and the request repeated once. Whole files (`get`) go into a fresh partial file beside the
destination (`pycrucible._transfers.partial`), are checked against the record (size and
SHA-256 of the bytes written) and only then renamed into place: a failed or corrupt transfer
never replaces a good file.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

import httpx

from pycrucible._http import translate_errors
from pycrucible._redact import get_logger
from pycrucible._transfers.partial import PartialFile, make_workdir, remove_workdir
from pycrucible.errors import (
    APIConnectionError,
    APIStatusError,
    PermissionDeniedError,
    TransferError,
    UnexpectedResponseError,
)
from pycrucible.fs._links import Link
from pycrucible.fs._sources import Entry

__all__ = ["download_verified", "probe_size", "read_range", "with_fresh_link"]

log = get_logger("fs")
T = TypeVar("T")

_CONTENT_RANGE = re.compile(r"^\s*bytes\s+(\d+)-(\d+)/(\d+|\*)\s*$")
_BLOCK = 1024 * 1024
_ATTEMPTS = 3


def _refused(exc: APIStatusError) -> bool:
    """Whether storage refused the link itself (expired or no longer valid)."""
    if isinstance(exc, PermissionDeniedError):
        return True
    return exc.status_code == 400 and "expire" in str(exc).lower()


def with_fresh_link(
    get_link: Callable[[], Link], forget: Callable[[], None], use: Callable[[str], T]
) -> T:
    """Runs `use(url)`; when storage refuses the link, fetches a new one and runs it once more.

    Args:
        get_link: The cached (or a new) link.
        forget: Drops the cached link.
        use: Does the request with the URL.

    Returns:
        What `use` returns.
    """
    try:
        return use(get_link().url)
    except APIStatusError as exc:
        if not _refused(exc):
            raise
        log.info("storage refused a signed link (%s); asking the API for a new one", exc)
        forget()
        return use(get_link().url)


def read_range(storage: httpx.Client, url: str, start: int, end: int) -> bytes:
    """Bytes `start` to `end` (exclusive) of the file at a signed URL, by HTTP Range.

    Args:
        storage: The key-less storage client.
        url: The signed URL.
        start: First byte (0-based).
        end: One past the last byte; the caller clips it to the file's size.

    Returns:
        The bytes (fewer only when the file is shorter than `end`).

    Raises:
        TransferError: An encoded body, or a range other than the one asked for.
    """
    if end <= start:
        return b""
    headers = {"Range": f"bytes={start}-{end - 1}", "Accept-Encoding": "identity"}
    with translate_errors():
        answer = storage.get(url, headers=headers)
    encoding = answer.headers.get("content-encoding", "").strip().lower()
    if encoding not in ("", "identity"):
        raise TransferError(f"storage sent Content-Encoding {encoding!r}; identity was asked")
    if answer.status_code == 200:
        log.debug("storage ignored the range request; cutting the whole body")
        return answer.content[start:end]
    if answer.status_code != 206:
        raise UnexpectedResponseError(
            f"storage answered {answer.status_code} to a range request", response=answer
        )
    match = _CONTENT_RANGE.match(answer.headers.get("content-range", ""))
    if match is None or int(match.group(1)) != start:
        raise TransferError(
            f"storage sent the range {answer.headers.get('content-range')!r}, "
            f"not bytes {start}-{end - 1}"
        )
    body = answer.content
    if len(body) > end - start:
        raise TransferError(f"storage sent {len(body)} bytes for a {end - start}-byte range")
    return body


@contextmanager
def _workdir_beside(target: Path) -> Iterator[Path]:
    workdir = make_workdir(target.parent, {target.name})
    try:
        yield workdir
    finally:
        remove_workdir(workdir)


def _stream_into(storage: httpx.Client, url: str, partial: PartialFile, name: str) -> None:
    for attempt in range(1, _ATTEMPTS + 1):
        partial.restart()
        try:
            with (
                translate_errors(),
                storage.stream("GET", url, headers={"Accept-Encoding": "identity"}) as answer,
            ):
                for block in answer.iter_raw(_BLOCK):
                    partial.write(block)
            return
        except APIConnectionError:
            if attempt >= _ATTEMPTS:
                raise
            log.info("%s: transfer interrupted; starting it again", name)


def _verify(entry: Entry, partial: PartialFile) -> None:
    name = f"{entry.dsid}/{entry.name}"
    if entry.size is not None and partial.length != entry.size:
        raise TransferError(
            f"{name}: got {partial.length} bytes, the record says {entry.size}; nothing was written"
        )
    if entry.sha256 is not None and partial.hexdigest() != entry.sha256:
        raise TransferError(f"{name}: SHA-256 differs from the record; nothing was written")
    if entry.sha256 is None:
        log.info("%s: no SHA-256 on record; checked the length only", name)


def download_verified(
    storage: httpx.Client,
    entry: Entry,
    lpath: str | os.PathLike[str],
    get_link: Callable[[], Link],
    forget: Callable[[], None],
) -> Path:
    """Writes one file to `lpath`, verified against its record, atomically.

    Args:
        storage: The key-less storage client.
        entry: The file.
        lpath: The local file to write (its folder is created if missing).
        get_link: The file's cached (or a new) signed link.
        forget: Drops the cached link.

    Returns:
        The written path.

    Raises:
        TransferError: The bytes failed the size or SHA-256 check (a file already at `lpath`
            is left as it was).
    """
    target = Path(lpath).expanduser().resolve()
    if target.is_dir():
        raise IsADirectoryError(f"{target} is a folder; give the file to write")
    target.parent.mkdir(parents=True, exist_ok=True)
    with _workdir_beside(target) as workdir:
        partial = PartialFile(workdir)
        try:

            def fetch(url: str) -> None:
                _stream_into(storage, url, partial, entry.name)

            with_fresh_link(get_link, forget, fetch)
            _verify(entry, partial)
            partial.sync()
            partial.move_to(target)
        finally:
            partial.discard()
    log.info("wrote %s/%s (%d bytes) to %s", entry.dsid, entry.name, partial.length, target)
    return target


def probe_size(storage: httpx.Client, url: str) -> int:
    """The size of the file at a signed URL, from a one-byte range request.

    Raises:
        UnexpectedResponseError: Storage did not say the file's size.
    """
    with translate_errors():
        answer = storage.get(url, headers={"Range": "bytes=0-0", "Accept-Encoding": "identity"})
    match = _CONTENT_RANGE.match(answer.headers.get("content-range", ""))
    if answer.status_code == 206 and match is not None and match.group(3) != "*":
        return int(match.group(3))
    if answer.status_code == 200:
        return len(answer.content)
    raise UnexpectedResponseError("storage did not tell the file's size", response=answer)
