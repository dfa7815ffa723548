"""API v3 resumable-session uploads, and the choice between them and signed multipart.

The resumable route is the fallback: `upload_file_v3` tries signed multipart first and uses a
resumable session when the server answers 503 "New multipart uploads are disabled". A session
sends the file in chunks (`PUT <resumable_uri>` with `Content-Range: bytes a-b/total`, no key;
308 means "go on"), and after a lost chunk asks the session how much it holds
(`Content-Range: bytes */total`) and goes on from there. The session is kept in the resume
state (`state_v3`) until it completes, so a later run on the unchanged file, also in a new
process, goes on with it instead of sending every byte again.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Sequence
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

from pycrucible._http import translate_errors
from pycrucible._redact import get_logger
from pycrucible._transfers.calls_v3 import (
    MULTIPART_DISABLED,
    MultipartSettings,
    is_multipart_disabled,
    upload_call,
)
from pycrucible._transfers.digest_v3 import READ_BLOCK
from pycrucible._transfers.io import ProgressMeter
from pycrucible._transfers.multipart_v3 import upload_file_multipart
from pycrucible._transfers.parts_v3 import read_range
from pycrucible._transfers.state_v3 import drop_state, load_state, save_state, state_path
from pycrucible.errors import (
    APIConnectionError,
    APIStatusError,
    TransferError,
    UnexpectedResponseError,
)

__all__ = [
    "CHUNK_GRANULE",
    "DEFAULT_CHUNK",
    "MULTIPART_DISABLED",
    "range_end",
    "upload_file_resumable",
    "upload_file_v3",
    "upload_files_v3",
]

log = get_logger("transfers")

CHUNK_GRANULE = 256 * 1024
"""Resumable chunks are a multiple of this many bytes (the protocol's granule)."""
DEFAULT_CHUNK = 16 * 1024 * 1024
"""Bytes per resumable chunk when neither the caller nor the server names a size."""


def upload_files_v3(
    api: AuthenticatedClient,
    storage: httpx.Client,
    dataset_mfid: str,
    paths: Sequence[Path],
    *,
    settings: MultipartSettings | None = None,
) -> list[FileRecord]:
    """Uploads several files into a dataset, one after the other (`upload_file_v3` each).

    The async twin (`pycrucible._async._uploads.upload_files_v3`) runs up to
    `settings.workers` files at once instead.

    Returns:
        The file records, in the order of `paths`.
    """
    return [upload_file_v3(api, storage, dataset_mfid, p, settings=settings) for p in paths]


def upload_file_v3(
    api: AuthenticatedClient,
    storage: httpx.Client,
    dataset_mfid: str,
    path: str | os.PathLike[str],
    *,
    filename: str | None = None,
    settings: MultipartSettings | None = None,
) -> FileRecord:
    """Uploads one file: signed multipart, or a resumable session when multipart is off or
    the file is empty.

    Args:
        api: The v3 generated client (carries the key; raises on error statuses).
        storage: The key-less client for signed URLs and session URIs.
        dataset_mfid: The dataset's MFID.
        path: The local file.
        filename: Name in the dataset (may contain folders); the file's own name by default.
        settings: Settings of the multipart route.

    Returns:
        The file record.
    """
    if _is_empty(path):
        # A multipart upload of 0 bytes has no part to sign: empty files always use a session.
        return upload_file_resumable(
            api, storage, dataset_mfid, path, filename=filename, settings=settings
        )
    try:
        return upload_file_multipart(
            api, storage, dataset_mfid, path, filename=filename, settings=settings
        )
    except APIStatusError as exc:
        if not is_multipart_disabled(exc):
            raise
        log.info("multipart uploads are disabled on this server: using a resumable session")
    return upload_file_resumable(
        api, storage, dataset_mfid, path, filename=filename, settings=settings
    )


def _is_empty(path: str | os.PathLike[str]) -> bool:
    try:
        return Path(path).stat().st_size == 0
    except OSError:
        return False  # the chosen route reports the unreadable file


def upload_file_resumable(
    api: AuthenticatedClient,
    storage: httpx.Client,
    dataset_mfid: str,
    path: str | os.PathLike[str],
    *,
    filename: str | None = None,
    settings: MultipartSettings | None = None,
) -> FileRecord:
    """Uploads one file through a v3 resumable session, resuming one an earlier run began.

    With a `state_dir`, the session is remembered until it completes: a later run (also in a
    new process) on the unchanged file asks the session how much it holds and sends the rest.

    Args:
        api: The v3 generated client.
        storage: The key-less client for the session URI.
        dataset_mfid: The dataset's MFID.
        path: The local file.
        filename: Name in the dataset; the file's own name by default.
        settings: `chunk_size` (None: the server's hint), `part_attempts` (tries per
            chunk: a lost chunk is resumed from what the session holds), `state_dir`, and
            the retries of the upload-route calls.

    Returns:
        The file record (the existing one when the server already held this content).
    """
    settings = settings or MultipartSettings()
    local = Path(path).resolve()
    if not local.is_file():
        raise TransferError(f"{local} is not a readable file; nothing was sent")
    name = filename or local.name
    stat = local.stat()
    size = stat.st_size
    sha = hashlib.sha256()
    with local.open("rb") as handle:
        while chunk := handle.read(READ_BLOCK):
            sha.update(chunk)
    digest = sha.hexdigest()
    api_url = str(api.get_httpx_client().base_url)
    state_file = state_path(settings.state_dir, "resumable", api_url, dataset_mfid, local)
    saved = load_state(state_file, size, stat.st_mtime_ns, digest)
    start = _resume_offset(storage, saved, name, size)
    if saved is not None and start is not None:
        uri, upload_id, chunk_size = saved["uri"], saved["upload_id"], saved["chunk_size"]
        log.info("%s: resuming a session that holds %d of %d bytes", name, start, size)
    else:
        session = _initiate(api, dataset_mfid, name, size, digest, settings)
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
        _send(storage, uri, local, size, chunk_size, max(1, settings.part_attempts), start, meter)
        done = UploadComplete(upload_id=upload_id, sha256_hash=digest)
        record = upload_call(
            settings, complete_upload.sync_detailed, dataset_mfid, client=api, body=done
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


def _initiate(
    api: AuthenticatedClient,
    dataset: str,
    name: str,
    size: int,
    digest: str,
    settings: MultipartSettings,
) -> ResumableUploadSession:
    body = UploadInitiate(filename=name, size=size, sha256_hash=digest)
    session = upload_call(
        settings, initiate_resumable_upload.sync_detailed, dataset, client=api, body=body
    ).parsed
    if not isinstance(session, ResumableUploadSession):
        raise UnexpectedResponseError(f"{name}: initiate answered no resumable session")
    return session


def _resume_offset(
    storage: httpx.Client, saved: dict[str, Any] | None, name: str, size: int
) -> int | None:
    """Bytes the saved session holds; None when there is none to resume (or it is gone)."""
    if saved is None:
        return None
    uri, upload_id, chunk_size = saved.get("uri"), saved.get("upload_id"), saved.get("chunk_size")
    if not (isinstance(uri, str) and isinstance(upload_id, str) and isinstance(chunk_size, int)):
        return None
    try:
        return _held(storage, uri, size)
    except APIStatusError as exc:
        log.info("%s: the saved session is gone (%s); starting a new one", name, exc.status_code)
        return None


def _send(
    storage: httpx.Client,
    uri: str,
    local: Path,
    size: int,
    chunk_size: int,
    attempts: int,
    offset: int = 0,
    meter: ProgressMeter | None = None,
) -> None:
    meter = meter or ProgressMeter(None, "", size)
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
                answer = storage.put(
                    uri, content=read_range(local, offset, end - offset), headers=headers
                )
        except APIConnectionError:
            failures += 1
            if failures >= attempts:
                raise
            offset = _held(storage, uri, size)
            continue
        if answer.status_code in (200, 201):
            meter.update(size)
            return
        offset = range_end(answer) if answer.status_code == 308 else end
        meter.update(offset)
        if size == 0:
            return


def _held(storage: httpx.Client, uri: str, size: int) -> int:
    with translate_errors():
        answer = storage.put(uri, headers={"Content-Range": f"bytes */{size}"})
    return size if answer.status_code in (200, 201) else range_end(answer)


def range_end(answer: httpx.Response) -> int:
    """The bytes a resumable session holds, from a 308 answer's `Range` header (0 when absent).

    Args:
        answer: The storage's answer to a chunk or a status query.

    Returns:
        The count of bytes stored, i.e. the offset of the next chunk.
    """
    match = re.fullmatch(r"bytes=0-(\d+)", answer.headers.get("Range", ""))
    return int(match.group(1)) + 1 if match else 0
