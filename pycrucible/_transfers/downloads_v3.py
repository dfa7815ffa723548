"""API v3 downloads: a dataset's files by their file-MFID links, or one file by its own link.

Each file is streamed from its signed URL through the key-less storage client into a fresh,
exclusive partial file (`pycrucible._transfers.partial`), checked against its record (size and
SHA-256 of the bytes written) and only then renamed into place, so a failed or corrupt transfer
never replaces a good file. A file's link refused by storage (expired) is asked for again
once, in whole-dataset downloads too. Names come from the records and pass the same path-safety
checks as on v1 (`pycrucible._transfers.paths`): nothing is written outside the output folder.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import ParamSpec, TypeVar

import httpx
from crucible_openapi.v3 import AuthenticatedClient
from crucible_openapi.v3.api.files import (
    get_dataset_download_links,
    get_file,
    get_file_download_link,
    list_dataset_files,
)
from crucible_openapi.v3.models import DownloadLink, DownloadLinks, FileRecord

from pycrucible._http import translate_errors
from pycrucible._redact import get_logger
from pycrucible._transfers.io import ProgressMeter, sha256_file
from pycrucible._transfers.partial import PartialFile, make_workdir, remove_workdir
from pycrucible._transfers.paths import destination, safe_relative_path
from pycrucible._types import ProgressCallback
from pycrucible.errors import (
    APIConnectionError,
    NotFoundError,
    PermissionDeniedError,
    TransferError,
    UnexpectedResponseError,
)

__all__ = [
    "Job",
    "download_dataset_v3",
    "download_file_v3",
    "plan_downloads",
    "present",
    "target_of",
    "verify",
]

log = get_logger("transfers")
P = ParamSpec("P")
R = TypeVar("R")
_BLOCK = 1024 * 1024


def _call(operation: Callable[P, R], /, *args: P.args, **kwargs: P.kwargs) -> R:
    with translate_errors():
        return operation(*args, **kwargs)


def download_dataset_v3(
    api: AuthenticatedClient,
    storage: httpx.Client,
    dataset_mfid: str,
    output_dir: str | os.PathLike[str],
    *,
    file_name: str | None = None,
    overwrite_existing: bool = True,
    workers: int = 4,
    attempts: int = 3,
    progress: ProgressCallback | None = None,
) -> list[Path]:
    """Downloads every ingested file of a dataset that the server will serve (or one of them).

    Args:
        api: The v3 generated client (carries the key; raises on error statuses).
        storage: The key-less client for signed URLs.
        dataset_mfid: The dataset's MFID.
        output_dir: Folder to write into (created if missing); records' folders are kept.
        file_name: Only the file of this name (as the dataset's records name it).
        overwrite_existing: When False a file already there is kept (not downloaded); when
            True it is replaced unless it already has the record's SHA-256.
        workers: Files fetched at the same time.
        attempts: Tries per file.
        progress: Called with (file name, bytes received, total) per file, from the threads
            that fetch them.

    Returns:
        The written files, in the order of the dataset's records. Empty when nothing is ingested.

    Raises:
        NotFoundError: `file_name` is not among the dataset's ingested files.
        TransferError: A name is unsafe, or a file failed its size or SHA-256 check.
    """
    try:
        links = _call(get_dataset_download_links.sync_detailed, dataset_mfid, client=api).parsed
    except NotFoundError:
        if file_name is not None:
            raise NotFoundError(
                f"{file_name!r} is not an ingested file of dataset {dataset_mfid}",
                status_code=404,
                detail="not ingested",
            ) from None
        return []  # the API's answer when no file of the dataset is ingested
    if not isinstance(links, DownloadLinks):
        raise UnexpectedResponseError(f"dataset {dataset_mfid}: no download links")
    records = _call(list_dataset_files.sync_detailed, dataset_mfid, client=api).parsed
    jobs, workdir = plan_downloads(dataset_mfid, links, records, output_dir, file_name)
    if workdir is None:
        return []
    try:
        with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
            futures = [
                pool.submit(
                    _fetch_unless_present,
                    api,
                    storage,
                    url,
                    record,
                    target,
                    workdir,
                    attempts,
                    overwrite_existing,
                    progress,
                )
                for record, url, target in jobs
            ]
            return [future.result() for future in futures]
    finally:
        remove_workdir(workdir)


Job = tuple[FileRecord, str, Path]
"""One file to fetch: its record, its signed link, and where it goes."""


def plan_downloads(
    dataset_mfid: str,
    links: DownloadLinks,
    records: object,
    output_dir: str | os.PathLike[str],
    file_name: str | None,
) -> tuple[list[Job], Path | None]:
    """Which files a dataset download fetches, every name checked before any byte is sent
    (shared by the sync and async downloads).

    Args:
        dataset_mfid: The dataset's MFID, for messages.
        links: The dataset's signed links by file MFID.
        records: The dataset's file records (the parsed answer).
        output_dir: Folder to write into (created if missing).
        file_name: Only the file of this name.

    Returns:
        The jobs, and the work folder for partial files (None when there is nothing to fetch;
        otherwise the caller removes it with `remove_workdir`).

    Raises:
        NotFoundError: `file_name` is not among the dataset's ingested files.
        TransferError: A name is unsafe.
    """
    if not isinstance(records, list):
        raise UnexpectedResponseError(f"dataset {dataset_mfid}: no file list")
    root = Path(output_dir)
    root.mkdir(parents=True, exist_ok=True)
    root = root.resolve()
    jobs: list[Job] = []
    if file_name is not None:
        records = [r for r in records if r.filename == file_name]
        if not any(r.mfid in links.additional_properties for r in records):
            raise NotFoundError(
                f"{file_name!r} is not an ingested file of dataset {dataset_mfid}",
                status_code=404,
                detail="not ingested",
            )
    for record in records:
        url = links.additional_properties.get(record.mfid)
        if url is None:
            if record.mfid in links.additional_properties:
                log.warning("%s: the server does not serve this file; skipped", record.mfid)
            continue
        jobs.append((record, url, target_of(root, record)))  # every name checked before any byte
    if not jobs:
        return [], None
    workdir = make_workdir(
        root, {str(safe_relative_path(r.filename or "")).split("/")[0] for r, _, _ in jobs}
    )
    return jobs, workdir


def download_file_v3(
    api: AuthenticatedClient,
    storage: httpx.Client,
    file_mfid: str,
    dest: str | os.PathLike[str],
    *,
    into_folder: bool = True,
    attempts: int = 3,
    progress: ProgressCallback | None = None,
) -> Path:
    """Downloads one file by its file MFID through its own signed link.

    Args:
        api: The v3 generated client.
        storage: The key-less client for the signed URL.
        file_mfid: The file's MFID.
        dest: With `into_folder`, the folder to write into (created if missing), under the
            record's name; otherwise the file to write (its folder is created if missing).
        into_folder: Whether `dest` is a folder.
        attempts: Tries.
        progress: Called with (file name, bytes received, total).

    Returns:
        The written file.

    Raises:
        NotFoundError: No such file, or it is not ingested (no link yet).
        TransferError: The name is unsafe, or the bytes failed the size or SHA-256 check.
    """
    record = _call(get_file.sync_detailed, file_mfid, client=api).parsed
    if not isinstance(record, FileRecord):
        raise UnexpectedResponseError(f"file {file_mfid}: no file record")
    if into_folder:
        root = Path(dest)
        root.mkdir(parents=True, exist_ok=True)
        root = root.resolve()
        target = target_of(root, record)
        first = target.relative_to(root).parts[0]
    else:
        target = Path(dest).expanduser().resolve()
        root, first = target.parent, target.name
        root.mkdir(parents=True, exist_ok=True)
    url = _link(api, file_mfid)
    workdir = make_workdir(root, {first})
    try:
        return _fetch_relinking(api, storage, url, record, target, workdir, attempts, progress)
    finally:
        remove_workdir(workdir)


def _fetch_relinking(
    api: AuthenticatedClient,
    storage: httpx.Client,
    url: str,
    record: FileRecord,
    target: Path,
    workdir: Path,
    attempts: int,
    progress: ProgressCallback | None,
) -> Path:
    """Fetches through `url`; a link refused by storage (expired, for example between a cut
    and the retry) is replaced once by a new one."""
    try:
        return _fetch(storage, url, record, target, workdir, attempts, progress)
    except PermissionDeniedError as refusal:
        log.info("%s: download link refused (%s); asking for a new one", record.mfid, refusal)
        url = _link(api, record.mfid)
        return _fetch(storage, url, record, target, workdir, attempts, progress)


def _link(api: AuthenticatedClient, file_mfid: str) -> str:
    link = _call(get_file_download_link.sync_detailed, file_mfid, client=api).parsed
    if not isinstance(link, DownloadLink):
        raise UnexpectedResponseError(f"file {file_mfid}: no download link")
    return link.url


def target_of(root: Path, record: FileRecord) -> Path:
    """Where a file record is written under `root` (`TransferError` for an unsafe name)."""
    name = record.filename if isinstance(record.filename, str) else ""
    return destination(root, safe_relative_path(name))


def _fetch_unless_present(
    api: AuthenticatedClient,
    storage: httpx.Client,
    url: str,
    record: FileRecord,
    target: Path,
    workdir: Path,
    attempts: int,
    overwrite_existing: bool,
    progress: ProgressCallback | None,
) -> Path:
    if present(record, target, overwrite_existing):
        return target
    return _fetch_relinking(api, storage, url, record, target, workdir, attempts, progress)


def _fetch(
    storage: httpx.Client,
    url: str,
    record: FileRecord,
    target: Path,
    workdir: Path,
    attempts: int,
    progress: ProgressCallback | None = None,
) -> Path:
    name = record.filename if isinstance(record.filename, str) else record.mfid
    meter = ProgressMeter(progress, name, record.size if isinstance(record.size, int) else None)
    partial = PartialFile(workdir)
    try:
        for attempt in range(1, max(1, attempts) + 1):
            partial.restart()
            meter.update(0)
            try:
                with translate_errors(), storage.stream("GET", url) as answer:
                    for block in answer.iter_bytes(_BLOCK):
                        partial.write(block)
                        meter.advance(len(block))
                break
            except APIConnectionError:
                if attempt >= attempts:
                    raise
                log.info("%s: interrupted, trying again", record.mfid)
        verify(record, partial)
        partial.sync()
        target.parent.mkdir(parents=True, exist_ok=True)
        partial.move_to(target)
        meter.finish()
        return target
    finally:
        partial.discard()


def verify(record: FileRecord, partial: PartialFile) -> None:
    """Checks a fetched file against its record's size and SHA-256 (`TransferError`)."""
    size, sha = record.size, record.sha256_hash
    if isinstance(size, int) and partial.length != size:
        raise TransferError(f"{record.filename}: got {partial.length} bytes, expected {size}")
    if isinstance(sha, str) and partial.hexdigest() != sha.lower():
        raise TransferError(f"{record.filename}: SHA-256 mismatch; the old file (if any) is kept")


def present(record: FileRecord, target: Path, overwrite_existing: bool) -> bool:
    """Whether `target` is kept as it is: it exists and must not be overwritten, or it
    already has the record's SHA-256.

    Raises:
        TransferError: `target` is a folder.
    """
    if target.is_dir():
        raise TransferError(f"cannot download {record.filename}: {target} is a folder")
    if target.exists():
        if not overwrite_existing:
            log.info("%s exists; keeping it (overwrite_existing=False)", target)
            return True
        if isinstance(record.sha256_hash, str) and sha256_file(target) == record.sha256_hash:
            log.info("%s is already up to date", target)
            return True
    return False
