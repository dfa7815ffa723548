"""Downloads: streamed, verified and atomic.

One named file comes from `GET /datasets/{dsid}/download/{file_name}` (the API, with the key);
all files come from the signed URLs of `get_download_links`, fetched in parallel through the
keyless storage client, so the key never reaches the storage host.

Each file is streamed into a fresh partial file of this call's own hidden folder (see
`pycrucible._transfers.partial`) while being hashed; the bytes actually written are checked against
`Content-Length` and against the dataset's associated-file records (SHA-256 and size), then the
file is renamed into place with `os.replace`. A compressed answer (`Content-Encoding` other than
the `identity` the client asks for) is refused, and a body is never written past the recorded
size. An interrupted body is resumed in the same call with `Range: bytes=N-`; the download
gives up after `MAX_ATTEMPTS` interruptions in a row that brought no byte past the furthest
offset reached so far, and a server that answers a range request with the whole file (200) is
followed from the start only once. Whatever fails, the partial files are removed and existing
destination files are only ever replaced by a verified download.

Server-supplied names are checked before anything is written: `..`, absolute paths, drive
letters, backslashes, NUL and paths that resolve outside the output folder are refused.
"""

from __future__ import annotations

import contextlib
import re
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path, PurePosixPath

import attrs
import httpx
from crucible_openapi.v1 import AuthenticatedClient
from crucible_openapi.v1.api.files import get_download_links, list_associated_files
from crucible_openapi.v1.models import AssociatedFile, DownloadLinks

from pycrucible._checks import check_id
from pycrucible._http import invoke, parse_list, parse_one, translate_errors
from pycrucible._limits import TRANSFER
from pycrucible._redact import get_logger, redact_url
from pycrucible._transfers.io import ProgressMeter, retry_policy_of, sha256_file
from pycrucible._transfers.partial import (
    MAX_ATTEMPTS,
    DownloadAttempts,
    PartialFile,
    make_workdir,
    remove_workdir,
)
from pycrucible._transfers.paths import (
    destination,
    matching_records,
    safe_relative_path,
    strip_dataset_prefix,
)
from pycrucible._transport import RetryPolicy
from pycrucible._types import ProgressCallback
from pycrucible._v1.contract import route
from pycrucible.errors import (
    APIStatusError,
    NotFoundError,
    TransferError,
    UnexpectedResponseError,
)

__all__ = ["MAX_ATTEMPTS", "download_files"]

log = get_logger("transfers")

_CONTENT_RANGE = re.compile(r"^\s*bytes\s+(\d+)-(\d+)/(\d+|\*)\s*$")


@attrs.frozen
class _Target:
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


def download_files(
    api: AuthenticatedClient,
    storage: httpx.Client,
    dsid: str,
    *,
    file_name: str | None,
    output_dir: Path,
    overwrite_existing: bool,
    max_workers: int = 8,
    progress: ProgressCallback | None = None,
) -> list[Path]:
    """Downloads one file or every file of a dataset into `output_dir`.

    Args:
        api: The authenticated generated client (records, links, the named-file route).
        storage: The keyless client for signed URLs.
        dsid: Dataset id.
        file_name: The file to fetch through the API, or None for every file (signed links;
            sub-folders are kept below `output_dir`).
        output_dir: Destination folder, created if missing.
        overwrite_existing: When False an existing file is kept as it is (not downloaded).
            When True it is replaced by a verified download, unless it already has the
            recorded SHA-256 (then it is kept either way).
        max_workers: Parallel downloads when fetching every file.
        progress: Called with (file name, bytes done, total or None), at most about once per MiB;
            from several threads at once when files are fetched in parallel.

    Returns:
        The local path of every file, sorted by its name in the dataset (including skipped ones).

    Raises:
        ValueError: Bad arguments (nothing was sent).
        TransferError: An unsafe server-supplied name (nothing written), or a download that
            stopped short or failed verification (no destination file written or changed).
        APIError: The API refused a request or could not be reached.
    """
    check_id(dsid, "dataset id")
    if isinstance(max_workers, bool) or not isinstance(max_workers, int) or max_workers < 1:
        raise ValueError(f"max_workers must be a positive integer, got {max_workers!r}")
    output_dir = Path(output_dir)
    if output_dir.exists() and not output_dir.is_dir():
        raise ValueError(f"{output_dir} exists and is not a folder")
    root = output_dir.resolve()
    if file_name is not None:
        try:
            relative = safe_relative_path(file_name)
        except TransferError as exc:
            raise ValueError(str(exc)) from None
        destination(root, relative)
        records = _records(api, dsid)
        named = route("download_file")
        path = named.url(dsid=dsid, file_name=str(relative))
        sources = {relative: (named.method, path, api.get_httpx_client())}
    else:
        records = _records(api, dsid)
        try:
            sources = _link_sources(api, storage, dsid, root)
        except NotFoundError:
            if records:
                raise
            sources = {}  # the API answers 404 for a dataset without stored files
    if not sources:
        log.info("dataset %s has no files to download", dsid)
        return []
    targets = _targets(root, sources, records)
    output_dir.mkdir(parents=True, exist_ok=True)
    workdir = make_workdir(root, {t.relative.parts[0] for t in targets})
    try:
        return _fetch_all(targets, workdir, overwrite_existing, max_workers, progress, storage)
    finally:
        remove_workdir(workdir)


def _fetch_all(
    targets: list[_Target],
    workdir: Path,
    overwrite_existing: bool,
    max_workers: int,
    progress: ProgressCallback | None,
    storage: httpx.Client,
) -> list[Path]:
    policy = retry_policy_of(storage)
    timeout = storage.timeout
    args = (workdir, overwrite_existing, progress, policy, timeout)
    if len(targets) == 1 or max_workers == 1:
        return [_fetch(t, *args) for t in targets]
    with ThreadPoolExecutor(max_workers=min(max_workers, len(targets))) as pool:
        futures = [pool.submit(_fetch, t, *args) for t in targets]
    return _gather(targets, futures)


def _gather(targets: list[_Target], futures: list[Future[Path]]) -> list[Path]:
    """Returns every path, or raises the first failure with the others noted on it."""
    errors = [(t, f.exception()) for t, f in zip(targets, futures, strict=True) if f.exception()]
    if errors:
        first = errors[0][1]
        assert first is not None
        for target, other in errors[1:]:
            first.add_note(f"also failed: {target.relative}: {other}")
        log.warning("%d of %d downloads failed", len(errors), len(targets))
        raise first
    return [f.result() for f in futures]


def _link_sources(
    api: AuthenticatedClient, storage: httpx.Client, dsid: str, root: Path
) -> dict[PurePosixPath, tuple[str, str, httpx.Client]]:
    """Fetches the signed links and checks every name before anything is written."""
    response = invoke(get_download_links.sync_detailed, dsid, client=api)
    links = parse_one(response, DownloadLinks, f"download links of dataset {dsid}")
    base = httpx.URL(str(api.get_httpx_client().base_url).rstrip("/") + "/")
    sources: dict[PurePosixPath, tuple[str, str, httpx.Client]] = {}
    for key in sorted(links.additional_keys):
        url = links[key]
        if not isinstance(url, str) or not url:
            raise UnexpectedResponseError(f"download links of {dsid}: no URL for {key!r}")
        relative = safe_relative_path(strip_dataset_prefix(key, dsid))
        if relative in sources:
            raise TransferError(f"download links of {dsid}: two links for {relative}")
        destination(root, relative)
        sources[relative] = ("GET", str(base.join(url)), storage)  # signed links are plain GETs
    return sources


def _records(api: AuthenticatedClient, dsid: str) -> dict[str, list[AssociatedFile]]:
    """The dataset's associated-file records, by file name."""
    response = invoke(list_associated_files.sync_detailed, dsid, client=api)
    by_name: dict[str, list[AssociatedFile]] = {}
    for record in parse_list(response, AssociatedFile, f"files of dataset {dsid}"):
        by_name.setdefault(record.filename, []).append(record)
    return by_name


def _targets(
    root: Path,
    sources: dict[PurePosixPath, tuple[str, str, httpx.Client]],
    by_name: dict[str, list[AssociatedFile]],
) -> list[_Target]:
    """Attaches the recorded SHA-256 and size to every file."""
    targets = []
    for relative, (method, url, client) in sorted(sources.items()):
        found = [r for n in matching_records(str(relative), by_name) for r in by_name[n]]
        hashes = frozenset(r.sha256_hash.lower() for r in found if isinstance(r.sha256_hash, str))
        sizes = frozenset(r.size for r in found if isinstance(r.size, int))
        dest = destination(root, relative)
        targets.append(_Target(relative, dest, method, url, client, hashes, sizes))
    return targets


def _fetch(
    target: _Target,
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
    target: _Target,
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


def _verify(target: _Target, digest: str, size: int) -> None:
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
    target: _Target,
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
    target: _Target,
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
