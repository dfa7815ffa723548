"""Downloads: streamed, verified and atomic.

One named file comes from `GET /datasets/{dsid}/download/{file_name}` (the API, with the key);
all files come from the signed URLs of `get_download_links`, fetched in parallel through the
keyless storage client, so the key never reaches the storage host. Each file is fetched by
`pycrucible._transfers.fetch` (streamed into a partial file, resumed, verified against the
dataset's SHA-256 and size records, renamed into place); whatever fails, the partial files are
removed and existing destination files are only ever replaced by a verified download.

Server-supplied names are checked before anything is written: `..`, absolute paths, drive
letters, backslashes, NUL and paths that resolve outside the output folder are refused.
"""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path, PurePosixPath

import httpx
from crucible_openapi.v1 import AuthenticatedClient
from crucible_openapi.v1.api.files import get_download_links, list_associated_files
from crucible_openapi.v1.models import AssociatedFile, DownloadLinks

from pycrucible._checks import check_id
from pycrucible._http import invoke, parse_list, parse_one
from pycrucible._redact import get_logger
from pycrucible._transfers.fetch import Target, fetch
from pycrucible._transfers.io import retry_policy_of
from pycrucible._transfers.partial import MAX_ATTEMPTS, make_workdir, remove_workdir
from pycrucible._transfers.paths import (
    destination,
    matching_records,
    safe_relative_path,
    strip_dataset_prefix,
)
from pycrucible._types import ProgressCallback
from pycrucible._v1.contract import route
from pycrucible.errors import NotFoundError, TransferError, UnexpectedResponseError

__all__ = ["MAX_ATTEMPTS", "download_files"]

log = get_logger("transfers")


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
    targets: list[Target],
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
        return [fetch(t, *args) for t in targets]
    with ThreadPoolExecutor(max_workers=min(max_workers, len(targets))) as pool:
        futures = [pool.submit(fetch, t, *args) for t in targets]
    return _gather(targets, futures)


def _gather(targets: list[Target], futures: list[Future[Path]]) -> list[Path]:
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
) -> list[Target]:
    """Attaches the recorded SHA-256 and size to every file."""
    targets = []
    for relative, (method, url, client) in sorted(sources.items()):
        found = [r for n in matching_records(str(relative), by_name) for r in by_name[n]]
        hashes = frozenset(r.sha256_hash.lower() for r in found if isinstance(r.sha256_hash, str))
        sizes = frozenset(r.size for r in found if isinstance(r.size, int))
        dest = destination(root, relative)
        targets.append(Target(relative, dest, method, url, client, hashes, sizes))
    return targets
