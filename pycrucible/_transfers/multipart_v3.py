"""API v3 signed multipart uploads: one local file becomes one file record.

Flow: hash the file once (`digest_v3`), initiate with a stable `Idempotency-Key` (a retried
initiate after a lost answer is the same session; when the key finds an earlier aborted session
again, the next key is derived from that session), stop at once when the server already holds
the content (`existing_file`), send the parts the session lacks (`parts_v3`: signed in batches,
parallel, re-signed when their URLs expire), complete with the SHA-256 and the whole-file
CRC32C, and abort the session on a fatal error. Upload-route calls retry busy answers
(`calls_v3`). The session id is kept on disk (a private file, no key) so an interrupted upload
resumes from the parts the server acknowledged, also from a new process.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path

import httpx
from crucible_openapi.v3 import AuthenticatedClient
from crucible_openapi.v3.api.files import get_file
from crucible_openapi.v3.api.uploads import (
    abort_multipart_upload,
    complete_multipart_upload,
    initiate_multipart_upload,
    initiate_replace_upload,
    list_upload_parts,
)
from crucible_openapi.v3.models import (
    FileRecord,
    MultipartUploadComplete,
    MultipartUploadSession,
    ReplaceUploadInitiate,
    UploadInitiate,
    UploadPartsStatus,
)
from crucible_openapi.v3.types import UNSET

from pycrucible._http import invoke
from pycrucible._redact import get_logger
from pycrucible._transfers.calls_v3 import (
    REOPENS,
    MultipartSettings,
    idempotency_key,
    is_about_upload,
    local_file,
    structured_detail,
    upload_call,
)
from pycrucible._transfers.digest_v3 import Digest, digest_file
from pycrucible._transfers.io import ProgressMeter
from pycrucible._transfers.parts_v3 import SIGN_BATCH, send_parts
from pycrucible._transfers.state_v3 import drop_state, load_state, save_state, state_path
from pycrucible.errors import (
    APIConnectionError,
    APIStatusError,
    ConflictError,
    CrucibleError,
    EtagMismatchError,
    FilenameExistsError,
    NotFoundError,
    TransferError,
    UnexpectedResponseError,
)

__all__ = [
    "SIGN_BATCH",
    "EtagMismatchError",
    "FilenameExistsError",
    "MultipartSettings",
    "digest_file",
    "replace_file_multipart",
    "upload_file_multipart",
]

log = get_logger("transfers")


def _hashing(settings: MultipartSettings, name: str, local: Path) -> Callable[[int], None] | None:
    """The hashing report of a progress callback that listens for it (`hashing` method)."""
    if settings.progress is None or not hasattr(settings.progress, "hashing"):
        return None
    return ProgressMeter(settings.progress, name, local.stat().st_size).hashing


def _state_of(
    api: AuthenticatedClient, settings: MultipartSettings, dataset: str, local: Path
) -> Path | None:
    api_url = str(api.get_httpx_client().base_url)
    return state_path(settings.state_dir, "multipart", api_url, dataset, local)


def upload_file_multipart(
    api: AuthenticatedClient,
    storage: httpx.Client,
    dataset_mfid: str,
    path: str | os.PathLike[str],
    *,
    filename: str | None = None,
    settings: MultipartSettings | None = None,
) -> FileRecord:
    """Uploads one file through the v3 signed multipart route and returns its file record.

    Args:
        api: The v3 generated client (carries the key; raises on error statuses).
        storage: The key-less client for signed part URLs.
        dataset_mfid: The dataset's MFID.
        path: The local file.
        filename: Name in the dataset (may contain folders); the file's own name by default.
        settings: Workers, retries and the resume-state folder.

    Returns:
        The file record (the existing one when the server already held this content).

    Raises:
        FilenameExistsError: Another file of this name is in the dataset (409 `filename_exists`).
        TransferError: A part or the completion failed; the session is aborted unless it may
            be resumed (connection lost).
        ServerError: 503 "New multipart uploads are disabled" (use the resumable route).
    """
    settings = settings or MultipartSettings()
    local = local_file(path)
    name = filename or local.name
    digest = digest_file(local, settings.guess_part_size, _hashing(settings, name, local))
    state_file = _state_of(api, settings, dataset_mfid, local)
    saved = load_state(state_file, digest.size, digest.mtime_ns, digest.sha256)
    key = saved["idempotency_key"] if saved else idempotency_key(dataset_mfid, name, digest)
    return _open_and_finish(
        lambda k: _initiate(api, dataset_mfid, name, digest, k, settings),
        lambda session, k: _finish(
            api, storage, dataset_mfid, local, name, digest, session, k, settings
        ),
        key,
        lambda closed: idempotency_key(dataset_mfid, f"{name}\nafter {closed}", digest),
        name,
    )


def replace_file_multipart(
    api: AuthenticatedClient,
    storage: httpx.Client,
    file_mfid: str,
    path: str | os.PathLike[str],
    *,
    etag: str = "*",
    settings: MultipartSettings | None = None,
) -> FileRecord:
    """Replaces a file record's content with a local file (`If-Match`), signed multipart.

    Args:
        api: The v3 generated client.
        storage: The key-less client for signed part URLs.
        file_mfid: The file record to replace (e.g. `FilenameExistsError.file_mfid`).
        path: The local file with the new content.
        etag: The record's ETag as last seen (`FilenameExistsError.etag`); `*` replaces
            whatever is there.
        settings: Workers, retries and the resume-state folder.

    Returns:
        The file record with the new content.

    Raises:
        EtagMismatchError: 412: the record changed since `etag` was read; nothing changed.
    """
    settings = settings or MultipartSettings()
    local = local_file(path)
    record = invoke(get_file.sync_detailed, file_mfid, client=api).parsed
    if not isinstance(record, FileRecord) or not isinstance(record.dataset_mfid, str):
        raise UnexpectedResponseError(f"file {file_mfid}: no file record")
    name = record.filename if isinstance(record.filename, str) else local.name
    digest = digest_file(local, settings.guess_part_size, _hashing(settings, name, local))
    key = idempotency_key(file_mfid, f"replace:{etag}", digest)
    dataset = record.dataset_mfid
    return _open_and_finish(
        lambda k: _initiate_replace(api, file_mfid, etag, digest, k, settings),
        lambda session, k: _finish(
            api, storage, dataset, local, name, digest, session, k, settings
        ),
        key,
        lambda closed: idempotency_key(file_mfid, f"replace:{etag}\nafter {closed}", digest),
        name,
    )


def _open_and_finish(
    open_session: Callable[[str], MultipartUploadSession],
    finish: Callable[[MultipartUploadSession, str], FileRecord],
    key: str,
    next_key: Callable[[str], str],
    name: str,
) -> FileRecord:
    """Opens a session with an Idempotency-Key and finishes it, stepping past closed sessions.

    When the key finds an earlier, aborted session again (a request about it answers 404), the
    next key is derived from that session (stable, so a lost answer is still found again).
    """
    reopened = 0
    while True:
        session = open_session(key)
        try:
            return finish(session, key)
        except NotFoundError as exc:
            closed = session.upload_id
            if (
                reopened >= REOPENS
                or not isinstance(closed, str)
                or not is_about_upload(exc, closed)
            ):
                raise
            reopened += 1
            log.info("%s: the upload session is closed; opening a new one", name)
            key = next_key(closed)


def _initiate_replace(
    api: AuthenticatedClient,
    file_mfid: str,
    etag: str,
    digest: Digest,
    key: str,
    settings: MultipartSettings,
) -> MultipartUploadSession:
    body = ReplaceUploadInitiate(size=digest.size, sha256_hash=digest.sha256)
    try:
        session = upload_call(
            settings,
            initiate_replace_upload.sync_detailed,
            file_mfid,
            client=api,
            body=body,
            idempotency_key=key,
            if_match=etag,
        ).parsed
    except APIStatusError as exc:
        if exc.status_code != 412:
            raise
        current = structured_detail(exc).get("etag")
        raise EtagMismatchError(
            f"file {file_mfid} changed since its etag {etag!r} was read; nothing was replaced "
            "(read the record again for its current etag)",
            cause=exc,
            file_mfid=file_mfid,
            etag=current if isinstance(current, str) else None,
        ) from exc
    if not isinstance(session, MultipartUploadSession):
        raise UnexpectedResponseError(f"file {file_mfid}: replace answered no upload session")
    return session


def _finish(
    api: AuthenticatedClient,
    storage: httpx.Client,
    dataset_mfid: str,
    local: Path,
    name: str,
    digest: Digest,
    session: MultipartUploadSession,
    key: str,
    settings: MultipartSettings,
) -> FileRecord:
    """Sends what the session lacks and completes it (the part after initiate)."""
    state_file = _state_of(api, settings, dataset_mfid, local)
    meter = ProgressMeter(settings.progress, name, digest.size)
    if isinstance(session.existing_file, FileRecord):
        meter.update(digest.size)
        log.info("%s: content already stored, nothing sent", name)
        drop_state(state_file)
        return session.existing_file
    upload_id = session.upload_id
    part_size = session.part_size
    if not isinstance(upload_id, str) or not isinstance(part_size, int):
        raise UnexpectedResponseError(f"{name}: initiate answered no upload_id or part_size")
    if part_size != digest.part_size:
        digest = digest_file(local, part_size)
    save_state(
        state_file,
        dataset=dataset_mfid,
        path=str(local),
        size=digest.size,
        mtime_ns=digest.mtime_ns,
        sha256=digest.sha256,
        upload_id=upload_id,
        idempotency_key=key,
    )
    try:
        done = _acknowledged(api, dataset_mfid, upload_id, settings)
        missing = [n for n in range(1, len(digest.part_crcs) + 1) if n not in done]
        log.info("%s: %d of %d parts to send", name, len(missing), len(digest.part_crcs))
        to_send = sum(min(part_size, digest.size - (n - 1) * part_size) for n in missing)
        meter.update(digest.size - to_send)  # a resumed upload starts where the server is
        lock = threading.Lock()

        def sent(size: int) -> None:
            with lock:
                meter.advance(size)

        send_parts(api, storage, dataset_mfid, upload_id, local, digest, missing, settings, sent)
        body = MultipartUploadComplete(
            upload_id=upload_id, sha256_hash=digest.sha256, crc32c=digest.crc32c
        )
        record = upload_call(
            settings, complete_multipart_upload.sync_detailed, dataset_mfid, client=api, body=body
        ).parsed
    except APIConnectionError:
        raise  # resumable: keep the session and the state
    except (APIStatusError, TransferError):
        _abort(api, dataset_mfid, upload_id, settings)
        drop_state(state_file)
        raise
    if not isinstance(record, FileRecord):
        raise UnexpectedResponseError(f"{name}: completion answered no file record")
    drop_state(state_file)
    meter.finish()
    return record


def _initiate(
    api: AuthenticatedClient,
    dataset: str,
    name: str,
    digest: Digest,
    key: str,
    settings: MultipartSettings | None = None,
) -> MultipartUploadSession:
    body = UploadInitiate(filename=name, size=digest.size, sha256_hash=digest.sha256)
    try:
        parsed = upload_call(
            settings or MultipartSettings(),
            initiate_multipart_upload.sync_detailed,
            dataset,
            client=api,
            body=body,
            idempotency_key=key,
        ).parsed
    except ConflictError as exc:
        detail = structured_detail(exc)
        if detail.get("code") == "filename_exists":
            mfid, etag = detail.get("file_mfid"), detail.get("etag")
            raise FilenameExistsError(
                f"dataset {dataset} already has another file named {name!r} ({mfid}); replace "
                "it (client.v3.files.replace with its etag) or choose another name",
                cause=exc,
                file_mfid=mfid if isinstance(mfid, str) else None,
                etag=etag if isinstance(etag, str) else None,
            ) from exc
        raise
    if not isinstance(parsed, MultipartUploadSession):
        raise UnexpectedResponseError(f"{name}: initiate answered no upload session")
    return parsed


def _acknowledged(
    api: AuthenticatedClient, dataset: str, upload_id: str, settings: MultipartSettings
) -> set[int]:
    done: set[int] = set()
    marker: int | None = None
    while True:
        parsed = upload_call(
            settings,
            list_upload_parts.sync_detailed,
            dataset,
            upload_id,
            client=api,
            part_number_marker=UNSET if marker is None else marker,
        ).parsed
        if not isinstance(parsed, UploadPartsStatus):
            raise UnexpectedResponseError(f"upload {upload_id}: no parts list")
        done.update(part.part_number for part in parsed.parts)
        following = parsed.next_part_number_marker
        if not isinstance(following, int) or following == marker:
            return done
        marker = following


def _abort(
    api: AuthenticatedClient, dataset: str, upload_id: str, settings: MultipartSettings
) -> None:
    try:
        upload_call(settings, abort_multipart_upload.sync_detailed, dataset, upload_id, client=api)
    except CrucibleError as exc:
        log.warning("%s: aborting the upload session failed (%s)", dataset, exc)
