"""One file's download: streamed into a partial file, resumed, verified, renamed into place.

The file is streamed into a fresh partial file of the call's own hidden folder (see
`pycrucible._transfers.partial`) while being hashed; the bytes actually written are checked against
`Content-Length` and against the dataset's associated-file records (SHA-256 and size), then the
file is renamed into place with `os.replace`. A compressed answer (`Content-Encoding` other than
the `identity` the client asks for) is refused, and a body is never written past the recorded
size. An interrupted body is resumed in the same call with `Range: bytes=N-`; the download
gives up after `MAX_ATTEMPTS` interruptions in a row that brought no byte past the furthest
offset reached so far, and a server that answers a range request with the whole file (200) is
followed from the start only once. Whatever fails, the partial file is removed and an existing
destination file is only ever replaced by a verified download.

`pycrucible._transfers.downloads` decides which files to fetch and from where.
"""

from __future__ import annotations

import contextlib
import re
from pathlib import Path, PurePosixPath

import attrs
import httpx

from pycrucible._http import translate_errors
from pycrucible._limits import TRANSFER
from pycrucible._redact import get_logger, redact_url
from pycrucible._transfers.io import ProgressMeter, sha256_file
from pycrucible._transfers.partial import DownloadAttempts, PartialFile
from pycrucible._transport import RetryPolicy
from pycrucible._types import ProgressCallback
from pycrucible.errors import APIStatusError, TransferError, UnexpectedResponseError

__all__ = ["Target", "fetch"]

log = get_logger("transfers")

_CONTENT_RANGE = re.compile(r"^\s*bytes\s+(\d+)-(\d+)/(\d+|\*)\s*$")


@attrs.frozen
class Target:
    """One file to fetch: where from, where to, what it must hash to."""

    relative: PurePosixPath
    dest: Path
    method: str
    url: str
    client: httpx.Client
    hashes: frozenset[str]
    sizes: frozenset[int]


class _InterruptedError(Exception):
    """The connection broke while the body was being read; the partial file keeps the bytes."""


class _RestartError(Exception):
    """The server answered a range request with the wrong range: start from zero."""


def fetch(
    target: Target,
    workdir: Path,
    overwrite_existing: bool,
    progress: ProgressCallback | None,
    policy: RetryPolicy,
    timeout: httpx.Timeout,
) -> Path:
    """Downloads one file, resuming and retrying an interrupted body; see the module docstring."""
    dest, name = target.dest, str(target.relative)
    if dest.is_dir():
        raise TransferError(f"cannot download {name}: {dest} is a folder")
    if dest.exists():
        if not overwrite_existing:
            log.info("%s exists; keeping it (overwrite_existing=False)", dest)
            return dest
        if target.hashes and sha256_file(dest) in target.hashes:
            log.info("%s is already up to date", dest)
            return dest
    dest.parent.mkdir(parents=True, exist_ok=True)
    part = PartialFile(workdir)
    try:
        _download_into(target, part, progress, policy, timeout)
        part.sync()
        _verify(target, part.hexdigest(), part.length)
        part.move_to(dest)
    finally:
        part.discard()
    log.info("downloaded %s (%d bytes) to %s", name, part.length, dest)
    return dest


def _download_into(
    target: Target,
    part: PartialFile,
    progress: ProgressCallback | None,
    policy: RetryPolicy,
    timeout: httpx.Timeout,
) -> None:
    """Fills `part` with the whole file, attempt after attempt, within the limits above."""
    attempts = DownloadAttempts(str(target.relative))
    while True:
        try:
            _stream_into(target, part, attempts, progress, timeout)
            return
        except _RestartError:
            attempts.restart()
            part.restart()
        except _InterruptedError as exc:
            part.flush()
            attempts.interrupted(part.length, exc.__cause__)
            log.info("download of %s interrupted at byte %d; resuming", attempts.name, part.length)
            policy.sleep(policy.backoff(attempts.failures))


def _verify(target: Target, digest: str, size: int) -> None:
    """Checks the bytes written against the records."""
    name = target.relative
    problem = None
    if target.sizes and size not in target.sizes:
        problem = f"got {size} bytes, the dataset records {sorted(target.sizes)}"
    elif target.hashes and digest not in target.hashes:
        problem = f"SHA-256 {digest} differs from the recorded {sorted(target.hashes)}"
    elif not target.hashes:
        log.info("%s: no checksum on record; checked the length only", name)
    if problem is not None:
        raise TransferError(f"download of {name} is corrupt: {problem}; nothing was written")


def _stream_into(
    target: Target,
    part: PartialFile,
    attempts: DownloadAttempts,
    progress: ProgressCallback | None,
    timeout: httpx.Timeout,
) -> None:
    """One GET into the partial file, resuming from its length when possible.

    Raises:
        _InterruptedError: The body broke off (the bytes so far are kept).
        _RestartError: A 206 for the wrong range, or a refused range.
        TransferError: An encoded body, more bytes than recorded, or fewer or more bytes than
            `Content-Length`.
    """
    offset = part.length
    headers = {"Accept-Encoding": "identity"}
    if offset:
        headers["Range"] = f"bytes={offset}-"
    name = str(target.relative)
    try:
        with (
            translate_errors(),
            target.client.stream(
                target.method,
                target.url,
                headers=headers,
                timeout=timeout,
                extensions={TRANSFER: True},
            ) as response,
        ):
            _write_body(response, part, attempts, target, progress)
    except APIStatusError as exc:
        if offset and exc.status_code == 416:
            log.info("%s: the server refused the range; downloading from the start", name)
            raise _RestartError from exc
        raise


def _write_body(
    response: httpx.Response,
    part: PartialFile,
    attempts: DownloadAttempts,
    target: Target,
    progress: ProgressCallback | None,
) -> None:
    name, offset, status = attempts.name, part.length, response.status_code
    encoding = response.headers.get("content-encoding", "").strip().lower()
    if encoding not in ("", "identity"):
        raise TransferError(
            f"download of {name}: the server sent Content-Encoding {encoding!r} although "
            "identity was asked for; refused, nothing was written"
        )
    total: int | None = None
    if status == 206 and offset:
        start, total = _content_range(response)
        if start != offset:
            raise _RestartError
    elif status == 200:
        if offset:
            log.info("%s: the server sent the whole file again", name)
            attempts.restart()
            part.restart()
            offset = 0
    else:
        raise UnexpectedResponseError(f"download of {name}: status {status}", response=response)
    length = _int_header(response, "content-length")
    if total is None and length is not None:
        total = offset + length
    limit = max(target.sizes) if target.sizes else None
    if total is None and len(target.sizes) == 1:
        total = limit
    meter = ProgressMeter(progress, name, total)
    meter.update(offset)
    try:
        for block in response.iter_bytes():
            if limit is not None and part.length + len(block) > limit:
                raise TransferError(
                    f"download of {name}: the server sends more than the {limit} bytes the "
                    "dataset records; nothing was written"
                )
            part.write(block)
            meter.update(part.length)
    except httpx.TransportError as exc:
        raise _InterruptedError(name) from exc
    meter.finish()
    received = part.length - offset
    if length is not None and received > length:
        raise TransferError(f"download of {name}: more bytes than Content-Length ({length})")
    if length is not None and received < length:
        raise TransferError(
            f"download of {name} from {redact_url(str(response.url))} stopped short: "
            f"{received} of {length} bytes; nothing was written, run it again"
        )


def _content_range(response: httpx.Response) -> tuple[int, int | None]:
    match = _CONTENT_RANGE.match(response.headers.get("content-range", ""))
    if match is None:
        raise _RestartError
    total = match.group(3)
    return int(match.group(1)), (None if total == "*" else int(total))


def _int_header(response: httpx.Response, name: str) -> int | None:
    with contextlib.suppress(TypeError, ValueError):
        return int(response.headers.get(name))
    return None
