"""Async v3 resumable sessions: the route an upload takes when multipart uploads are off.

The twin of `pycrucible._transfers.resumable_v3` (its helpers imported: the chunk granule and
default, the `Range` reading, the file range reader; the resume state is the same file, so a
session the sync client began is resumed here and the other way round). Chunks are sent one
after another, as the protocol needs; a lost chunk resumes from what the session holds.
"""

from __future__ import annotations

import asyncio
import hashlib
from pathlib import Path
from typing import Any

import httpx
from crucible_openapi.v3 import AuthenticatedClient
from crucible_openapi.v3.api.uploads import complete_upload, initiate_resumable_upload
from crucible_openapi.v3.models import (
    FileRecord,
    ResumableUploadSession,
    UploadComplete,
    UploadInitiate,
)

from pycrucible._async._calls import MultipartSettings, upload_call
from pycrucible._async._disk import file_blocks
from pycrucible._http import translate_errors
from pycrucible._redact import get_logger
from pycrucible._transfers.digest_v3 import READ_BLOCK
from pycrucible._transfers.io import ProgressMeter
from pycrucible._transfers.resumable_v3 import (
    CHUNK_GRANULE,
    DEFAULT_CHUNK,
    range_end,
)
from pycrucible._transfers.state_v3 import drop_state, load_state, save_state, state_path
from pycrucible.errors import (
    APIConnectionError,
    APIStatusError,
    TransferError,
    UnexpectedResponseError,
)

__all__ = ["upload_file_resumable"]

log = get_logger("transfers")


def _sha256(local: Path) -> str:
    sha = hashlib.sha256()
    with local.open("rb") as handle:
        while chunk := handle.read(READ_BLOCK):
            sha.update(chunk)
    return sha.hexdigest()


async def upload_file_resumable(
    api: AuthenticatedClient,
    storage: httpx.AsyncClient,
    dataset_mfid: str,
    local: Path,
    name: str,
    settings: MultipartSettings,
) -> FileRecord:
    """Uploads one file through a v3 resumable session, resuming one an earlier run began
    (see the sync `upload_file_resumable`)."""
    stat = local.stat()
    size = stat.st_size
    digest = await asyncio.to_thread(_sha256, local)
    api_url = str(api.get_async_httpx_client().base_url)
    state_file = state_path(settings.state_dir, "resumable", api_url, dataset_mfid, local)
    saved = load_state(state_file, size, stat.st_mtime_ns, digest)
    start = await _resume_offset(storage, saved, name, size)
    if saved is not None and start is not None:
        uri, upload_id, chunk_size = saved["uri"], saved["upload_id"], saved["chunk_size"]
        log.info("%s: resuming a session that holds %d of %d bytes", name, start, size)
    else:
        body = UploadInitiate(filename=name, size=size, sha256_hash=digest)
        session = (
            await upload_call(
                settings,
                initiate_resumable_upload.asyncio_detailed,
                dataset_mfid,
                client=api,
                body=body,
            )
        ).parsed
        if not isinstance(session, ResumableUploadSession):
            raise UnexpectedResponseError(f"{name}: initiate answered no resumable session")
        if isinstance(session.existing_file, FileRecord):
            drop_state(state_file)
            ProgressMeter(settings.progress, name, size).update(size)
            return session.existing_file
        uri, upload_id = session.resumable_uri, session.upload_id
        if not isinstance(uri, str) or not isinstance(upload_id, str):
            raise UnexpectedResponseError(f"{name}: initiate answered no session URI")
        hint = session.chunk_size_hint
        wanted = settings.chunk_size or (hint if isinstance(hint, int) else DEFAULT_CHUNK)
        chunk_size = max(CHUNK_GRANULE, wanted // CHUNK_GRANULE * CHUNK_GRANULE)
        start = 0
        save_state(
            state_file,
            dataset=dataset_mfid,
            filename=name,
            size=size,
            mtime_ns=stat.st_mtime_ns,
            sha256=digest,
            upload_id=upload_id,
            uri=uri,
            chunk_size=chunk_size,
        )
    meter = ProgressMeter(settings.progress, name, size)
    try:
        await _send(
            storage, uri, local, size, chunk_size, max(1, settings.part_attempts), start, meter
        )
        done = UploadComplete(upload_id=upload_id, sha256_hash=digest)
        record = (
            await upload_call(
                settings, complete_upload.asyncio_detailed, dataset_mfid, client=api, body=done
            )
        ).parsed
    except APIConnectionError:
        raise  # the session and its state stay: the next run goes on from what it holds
    except (APIStatusError, TransferError):
        drop_state(state_file)
        raise
    drop_state(state_file)
    meter.finish()
    if not isinstance(record, FileRecord):
        raise UnexpectedResponseError(f"{name}: completion answered no file record")
    return record


async def _resume_offset(
    storage: httpx.AsyncClient, saved: dict[str, Any] | None, name: str, size: int
) -> int | None:
    """Bytes the saved session holds; None when there is none to resume (or it is gone)."""
    if saved is None:
        return None
    uri, upload_id, chunk_size = saved.get("uri"), saved.get("upload_id"), saved.get("chunk_size")
    if not (isinstance(uri, str) and isinstance(upload_id, str) and isinstance(chunk_size, int)):
        return None
    try:
        return await _held(storage, uri, size)
    except APIStatusError as exc:
        log.info("%s: the saved session is gone (%s); starting a new one", name, exc.status_code)
        return None


async def _send(
    storage: httpx.AsyncClient,
    uri: str,
    local: Path,
    size: int,
    chunk_size: int,
    attempts: int,
    offset: int,
    meter: ProgressMeter,
) -> None:
    meter.update(offset)
    if size and offset >= size:
        return  # the session holds every byte already
    failures = 0
    while offset < size or size == 0:
        end = min(offset + chunk_size, size)
        headers = {
            "Content-Range": f"bytes {offset}-{end - 1}/{size}" if size else f"bytes */{size}"
        }
        try:
            with translate_errors():
                answer = await storage.put(
                    uri, content=file_blocks(local, offset, end - offset), headers=headers
                )
        except APIConnectionError:
            failures += 1
            if failures >= attempts:
                raise
            offset = await _held(storage, uri, size)
            continue
        if answer.status_code in (200, 201):
            meter.update(size)
            return
        offset = range_end(answer) if answer.status_code == 308 else end
        meter.update(offset)
        if size == 0:
            return


async def _held(storage: httpx.AsyncClient, uri: str, size: int) -> int:
    with translate_errors():
        answer = await storage.put(uri, headers={"Content-Range": f"bytes */{size}"})
    return size if answer.status_code in (200, 201) else range_end(answer)
