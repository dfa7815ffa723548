"""Async v3 downloads: a dataset's files at once (bounded by `download_workers`), or one file.

The decisions are those of the sync engine, `pycrucible._transfers.downloads_v3` (imported):
which files to fetch and where, every name checked before any byte (`plan_downloads`), what is
kept (`present`), the size and SHA-256 check (`verify`), and `PartialFile`, so a partial or
failed download never replaces a good file. Only the I/O differs: signed links are streamed
with the key-less `httpx.AsyncClient`, files fetched under an `asyncio.Semaphore` instead of a
thread pool, and the disk work (writing and hashing each block, checking a file already there,
the final fsync and rename) runs in worker threads (`_disk.off_loop`), never on the event loop.
"""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

import httpx
from crucible_openapi.v3 import AuthenticatedClient
from crucible_openapi.v3.api.files import (
    get_dataset_download_links,
    get_file,
    get_file_download_link,
    list_dataset_files,
)
from crucible_openapi.v3.models import DownloadLink, DownloadLinks, FileRecord

from pycrucible._async._disk import off_loop
from pycrucible._async._http import ainvoke
from pycrucible._http import translate_errors
from pycrucible._redact import get_logger
from pycrucible._transfers.downloads_v3 import plan_downloads, present, target_of, verify
from pycrucible._transfers.io import ProgressMeter
from pycrucible._transfers.partial import PartialFile, make_workdir, remove_workdir
from pycrucible._types import ProgressCallback
from pycrucible.errors import (
    APIConnectionError,
    NotFoundError,
    PermissionDeniedError,
    UnexpectedResponseError,
)

__all__ = ["download_dataset_v3", "download_file_v3"]

log = get_logger("transfers")
_BLOCK = 1024 * 1024


async def download_dataset_v3(
    api: AuthenticatedClient,
    storage: httpx.AsyncClient,
    dataset_mfid: str,
    output_dir: str | os.PathLike[str],
    *,
    file_name: str | None = None,
    overwrite_existing: bool = True,
    workers: int = 4,
    attempts: int = 3,
    progress: ProgressCallback | None = None,
) -> list[Path]:
    """Downloads every ingested file of a dataset, `workers` at a time (see the sync
    `download_dataset_v3` for the arguments and errors)."""
    try:
        answer = await ainvoke(
            get_dataset_download_links.asyncio_detailed, dataset_mfid, client=api
        )
    except NotFoundError:
        if file_name is not None:
            raise NotFoundError(
                f"{file_name!r} is not an ingested file of dataset {dataset_mfid}",
                status_code=404,
                detail="not ingested",
            ) from None
        return []  # the API's answer when no file of the dataset is ingested
    links = answer.parsed
    if not isinstance(links, DownloadLinks):
        raise UnexpectedResponseError(f"dataset {dataset_mfid}: no download links")
    records = (await ainvoke(list_dataset_files.asyncio_detailed, dataset_mfid, client=api)).parsed
    jobs, workdir = plan_downloads(dataset_mfid, links, records, output_dir, file_name)
    if workdir is None:
        return []
    gate = asyncio.Semaphore(max(1, workers))

    async def one(record: FileRecord, url: str, target: Path) -> Path:
        async with gate:
            if await off_loop(present, record, target, overwrite_existing):  # may hash it
                return target
            return await _fetch_relinking(
                api, storage, url, record, target, workdir, attempts, progress
            )

    try:
        tasks = [asyncio.ensure_future(one(*job)) for job in jobs]
        try:
            return list(await asyncio.gather(*tasks))
        except BaseException:
            for task in tasks:  # one failure stops the others before their folder goes
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            raise
    finally:
        remove_workdir(workdir)


async def download_file_v3(
    api: AuthenticatedClient,
    storage: httpx.AsyncClient,
    file_mfid: str,
    dest: str | os.PathLike[str],
    *,
    into_folder: bool = True,
    attempts: int = 3,
    progress: ProgressCallback | None = None,
) -> Path:
    """Downloads one file by its file MFID through its own signed link (see the sync
    `download_file_v3`)."""
    record = (await ainvoke(get_file.asyncio_detailed, file_mfid, client=api)).parsed
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
    url = await _link(api, file_mfid)
    workdir = make_workdir(root, {first})
    try:
        return await _fetch_relinking(
            api, storage, url, record, target, workdir, attempts, progress
        )
    finally:
        remove_workdir(workdir)


async def _fetch_relinking(
    api: AuthenticatedClient,
    storage: httpx.AsyncClient,
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
        return await _fetch(storage, url, record, target, workdir, attempts, progress)
    except PermissionDeniedError as refusal:
        log.info("%s: download link refused (%s); asking for a new one", record.mfid, refusal)
        url = await _link(api, record.mfid)
        return await _fetch(storage, url, record, target, workdir, attempts, progress)


async def _link(api: AuthenticatedClient, file_mfid: str) -> str:
    link = (await ainvoke(get_file_download_link.asyncio_detailed, file_mfid, client=api)).parsed
    if not isinstance(link, DownloadLink):
        raise UnexpectedResponseError(f"file {file_mfid}: no download link")
    return link.url


async def _fetch(
    storage: httpx.AsyncClient,
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
            await off_loop(partial.restart)
            meter.update(0)
            try:
                with translate_errors():
                    async with storage.stream("GET", url) as answer:
                        async for block in answer.aiter_bytes(_BLOCK):
                            await off_loop(partial.write, block)  # writes and hashes
                            meter.advance(len(block))
                break
            except APIConnectionError:
                if attempt >= attempts:
                    raise
                log.info("%s: interrupted, trying again", record.mfid)
        verify(record, partial)
        await off_loop(_put_in_place, partial, target)
        meter.finish()
        return target
    finally:
        await off_loop(partial.discard)


def _put_in_place(partial: PartialFile, target: Path) -> None:
    """Flushes a verified file to disk and renames it to `target` (in a worker thread)."""
    partial.sync()
    target.parent.mkdir(parents=True, exist_ok=True)
    partial.move_to(target)
