"""API v3 signed multipart uploads: one local file becomes one file record.

Flow: hash the file once (SHA-256, whole-file CRC32C and per-part CRC32Cs in the same pass),
initiate with a stable `Idempotency-Key` (a retried initiate after a lost answer is the same
session), stop at once when the server already holds the content (`existing_file`), sign parts
in batches of at most 32, PUT the parts in parallel to their signed URLs through the key-less
storage client, retry a failed part, complete with the SHA-256 and the whole-file CRC32C, and
abort the session on a fatal error. The session id is kept on disk (a private file, no key) so
an interrupted upload resumes from the parts the server acknowledged, also from a new process.

CRC32C comes from `google-crc32c` (C-accelerated), imported here only, when an upload starts.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

import attrs
import httpx
from crucible_openapi.v3 import AuthenticatedClient
from crucible_openapi.v3.api.files import get_file
from crucible_openapi.v3.api.uploads import (
    abort_multipart_upload,
    complete_multipart_upload,
    initiate_multipart_upload,
    initiate_replace_upload,
    list_upload_parts,
    sign_upload_parts,
)
from crucible_openapi.v3.models import (
    FileRecord,
    MultipartUploadComplete,
    MultipartUploadSession,
    PartChecksum,
    PartSignRequest,
    ReplaceUploadInitiate,
    SignedParts,
    UploadInitiate,
    UploadPartsStatus,
)
from crucible_openapi.v3.types import UNSET

from pycrucible._config import write_private_file
from pycrucible._http import translate_errors
from pycrucible._redact import get_logger
from pycrucible.errors import (
    APIConnectionError,
    APIStatusError,
    ConflictError,
    CrucibleError,
    TransferError,
    UnexpectedResponseError,
)

__all__ = [
    "FilenameExistsError",
    "MultipartSettings",
    "replace_file_multipart",
    "upload_file_multipart",
]

log = get_logger("transfers")
P = ParamSpec("P")
R = TypeVar("R")

SIGN_BATCH = 32
"""Most parts signed by one call (the API's limit)."""
_READ = 1024 * 1024
_STATE_VERSION = 1


class FilenameExistsError(CrucibleError):
    """The dataset already holds another file of this name (409 `filename_exists`).

    Attributes:
        file_mfid: MFID of the existing file record.
        etag: Its ETag, to replace it with `If-Match` (`initiate_replace_upload`).
    """

    def __init__(self, message: str, *, file_mfid: str | None, etag: str | None) -> None:
        super().__init__(message)
        self.file_mfid = file_mfid
        self.etag = etag


@attrs.frozen
class MultipartSettings:
    """How a signed multipart upload runs.

    Attributes:
        workers: Parts sent at the same time (threads).
        part_attempts: Tries per part before the upload fails.
        state_dir: Folder of resume state; None keeps no state (no cross-process resume).
        guess_part_size: Part size (bytes) assumed while hashing; the server's real size is
            used when it differs (one more read of the file).
    """

    workers: int = 8
    part_attempts: int = 3
    state_dir: Path | None = None
    guess_part_size: int = 64 * 1024 * 1024


@attrs.frozen
class _Digest:
    size: int
    mtime_ns: int
    sha256: str
    crc32c: str
    part_size: int
    part_crcs: tuple[str, ...]


def _call(operation: Callable[P, R], /, *args: P.args, **kwargs: P.kwargs) -> R:
    """Calls a generated v3 operation with its own typed signature, transport errors translated."""
    with translate_errors():
        return operation(*args, **kwargs)


def _b64(value: int) -> str:
    return base64.b64encode(value.to_bytes(4, "big")).decode("ascii")


def digest_file(path: Path, part_size: int) -> _Digest:
    """Hashes a file in one pass: SHA-256, whole-file CRC32C and each part's CRC32C.

    Args:
        path: The local file.
        part_size: Part size in bytes.

    Returns:
        The digests (CRC32Cs in the storage form: base64 of 4 big-endian bytes).
    """
    import google_crc32c  # the one place the client needs CRC32C

    stat = path.stat()
    sha = hashlib.sha256()
    whole = 0
    parts: list[str] = []
    part = 0
    in_part = 0
    with path.open("rb") as handle:
        while chunk := handle.read(_READ):
            sha.update(chunk)
            whole = int(google_crc32c.extend(whole, chunk))
            view = memoryview(chunk)
            while view:
                take = min(len(view), part_size - in_part)
                part = int(google_crc32c.extend(part, bytes(view[:take])))
                in_part += take
                view = view[take:]
                if in_part == part_size:
                    parts.append(_b64(part))
                    part, in_part = 0, 0
    if in_part or not parts:
        parts.append(_b64(part))
    return _Digest(
        stat.st_size, stat.st_mtime_ns, sha.hexdigest(), _b64(whole), part_size, tuple(parts)
    )


def _state_file(settings: MultipartSettings, api_url: str, dataset: str, path: Path) -> Path | None:
    if settings.state_dir is None:
        return None
    key = hashlib.sha256(f"v3\0{api_url}\0{dataset}\0{path}".encode()).hexdigest()[:32]
    return settings.state_dir / f"v3-multipart-{key}.json"


def _load_state(file: Path | None, digest: _Digest) -> dict[str, Any] | None:
    if file is None or not file.is_file():
        return None
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    same = (data.get("size"), data.get("mtime_ns"), data.get("sha256")) == (
        digest.size,
        digest.mtime_ns,
        digest.sha256,
    )
    return (
        data if isinstance(data, dict) and same and data.get("version") == _STATE_VERSION else None
    )


def _idempotency_key(dataset: str, filename: str, digest: _Digest) -> str:
    """Stable for the same dataset, name and content: a repeated initiate is the same session."""
    return hashlib.sha256(
        f"{dataset}\0{filename}\0{digest.sha256}\0{digest.size}".encode()
    ).hexdigest()[:32]


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
    local = Path(path).resolve()
    if not local.is_file():
        raise TransferError(f"{local} is not a readable file; nothing was sent")
    name = filename or local.name
    digest = digest_file(local, settings.guess_part_size)
    state_file = _state_file(settings, str(api.get_httpx_client().base_url), dataset_mfid, local)
    saved = _load_state(state_file, digest)
    key = saved["idempotency_key"] if saved else _idempotency_key(dataset_mfid, name, digest)
    session = _initiate(api, dataset_mfid, name, digest, key)
    return _finish(api, storage, dataset_mfid, local, name, digest, session, key, settings)


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
            whatever is there. A stale ETag answers 412 and nothing changes.
        settings: Workers, retries and the resume-state folder.

    Returns:
        The file record with the new content.
    """
    settings = settings or MultipartSettings()
    local = Path(path).resolve()
    if not local.is_file():
        raise TransferError(f"{local} is not a readable file; nothing was sent")
    record = _call(get_file.sync_detailed, file_mfid, client=api).parsed
    if not isinstance(record, FileRecord) or not isinstance(record.dataset_mfid, str):
        raise UnexpectedResponseError(f"file {file_mfid}: no file record")
    name = record.filename if isinstance(record.filename, str) else local.name
    digest = digest_file(local, settings.guess_part_size)
    key = _idempotency_key(file_mfid, f"replace:{etag}", digest)
    body = ReplaceUploadInitiate(size=digest.size, sha256_hash=digest.sha256)
    session = _call(
        initiate_replace_upload.sync_detailed,
        file_mfid,
        client=api,
        body=body,
        idempotency_key=key,
        if_match=etag,
    ).parsed
    if not isinstance(session, MultipartUploadSession):
        raise UnexpectedResponseError(f"file {file_mfid}: replace answered no upload session")
    return _finish(api, storage, record.dataset_mfid, local, name, digest, session, key, settings)


def _finish(
    api: AuthenticatedClient,
    storage: httpx.Client,
    dataset_mfid: str,
    local: Path,
    name: str,
    digest: _Digest,
    session: MultipartUploadSession,
    key: str,
    settings: MultipartSettings,
) -> FileRecord:
    """Sends what the session lacks and completes it (the part after initiate)."""
    state_file = _state_file(settings, str(api.get_httpx_client().base_url), dataset_mfid, local)
    if isinstance(session.existing_file, FileRecord):
        log.info("%s: content already stored, nothing sent", name)
        _drop(state_file)
        return session.existing_file
    upload_id = session.upload_id
    part_size = session.part_size
    if not isinstance(upload_id, str) or not isinstance(part_size, int):
        raise UnexpectedResponseError(f"{name}: initiate answered no upload_id or part_size")
    if part_size != digest.part_size:
        digest = digest_file(local, part_size)
    if state_file is not None:
        write_private_file(
            state_file,
            json.dumps(
                {
                    "version": _STATE_VERSION,
                    "dataset": dataset_mfid,
                    "path": str(local),
                    "size": digest.size,
                    "mtime_ns": digest.mtime_ns,
                    "sha256": digest.sha256,
                    "upload_id": upload_id,
                    "idempotency_key": key,
                }
            ),
        )
    try:
        done = _acknowledged(api, dataset_mfid, upload_id)
        missing = [n for n in range(1, len(digest.part_crcs) + 1) if n not in done]
        log.info("%s: %d of %d parts to send", name, len(missing), len(digest.part_crcs))
        _send_parts(api, storage, dataset_mfid, upload_id, local, digest, missing, settings)
        body = MultipartUploadComplete(
            upload_id=upload_id, sha256_hash=digest.sha256, crc32c=digest.crc32c
        )
        record = _call(
            complete_multipart_upload.sync_detailed, dataset_mfid, client=api, body=body
        ).parsed
    except APIConnectionError:
        raise  # resumable: keep the session and the state
    except (APIStatusError, TransferError):
        _abort(api, dataset_mfid, upload_id)
        _drop(state_file)
        raise
    if not isinstance(record, FileRecord):
        raise UnexpectedResponseError(f"{name}: completion answered no file record")
    _drop(state_file)
    return record


def _initiate(
    api: AuthenticatedClient, dataset: str, name: str, digest: _Digest, key: str
) -> MultipartUploadSession:
    body = UploadInitiate(filename=name, size=digest.size, sha256_hash=digest.sha256)
    try:
        parsed = _call(
            initiate_multipart_upload.sync_detailed,
            dataset,
            client=api,
            body=body,
            idempotency_key=key,
        ).parsed
    except ConflictError as exc:
        detail = _structured(exc)
        if detail.get("code") == "filename_exists":
            raise FilenameExistsError(
                f"dataset {dataset} already has another file named {name!r}; replace it with "
                "If-Match (its etag) or choose another name",
                file_mfid=detail.get("file_mfid"),
                etag=detail.get("etag"),
            ) from exc
        raise
    if not isinstance(parsed, MultipartUploadSession):
        raise UnexpectedResponseError(f"{name}: initiate answered no upload session")
    return parsed


def _structured(exc: APIStatusError) -> dict[str, Any]:
    try:
        body = exc.response.json() if exc.response is not None else {}
    except ValueError:
        return {}
    detail = body.get("detail") if isinstance(body, dict) else None
    return detail if isinstance(detail, dict) else {}


def _acknowledged(api: AuthenticatedClient, dataset: str, upload_id: str) -> set[int]:
    done: set[int] = set()
    marker: int | None = None
    while True:
        parsed = _call(
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


def _send_parts(
    api: AuthenticatedClient,
    storage: httpx.Client,
    dataset: str,
    upload_id: str,
    local: Path,
    digest: _Digest,
    missing: list[int],
    settings: MultipartSettings,
) -> None:
    with ThreadPoolExecutor(max_workers=max(1, settings.workers)) as pool:
        for start in range(0, len(missing), SIGN_BATCH):
            batch = missing[start : start + SIGN_BATCH]
            request = PartSignRequest(
                parts=[PartChecksum(part_number=n, crc32c=digest.part_crcs[n - 1]) for n in batch]
            )
            signed = _call(
                sign_upload_parts.sync_detailed, dataset, upload_id, client=api, body=request
            ).parsed
            if not isinstance(signed, SignedParts):
                raise UnexpectedResponseError(f"upload {upload_id}: no signed parts")
            jobs = [
                pool.submit(
                    _put_part,
                    storage,
                    local,
                    part.url,
                    part.offset,
                    part.size,
                    part.headers.to_dict() if part.headers else {},
                    settings.part_attempts,
                )
                for part in signed.parts
            ]
            for job in jobs:
                job.result()


def _put_part(
    storage: httpx.Client,
    local: Path,
    url: str,
    offset: int,
    size: int,
    headers: dict[str, Any],
    attempts: int,
) -> None:
    """PUTs one part, streamed from the file (never the whole part in memory), with retries."""
    sent = {
        k: str(v)
        for k, v in headers.items()
        if k.lower() not in ("content-length", "authorization")
    }
    sent["Content-Length"] = str(size)
    last: Exception | None = None
    for _ in range(max(1, attempts)):
        try:
            with translate_errors():
                storage.put(url, content=_read_range(local, offset, size), headers=sent)
            return
        except APIConnectionError as exc:
            last = exc
        except APIStatusError as exc:
            if exc.status_code < 500:
                raise TransferError(f"part at offset {offset} refused: {exc.detail}") from exc
            last = exc
    if isinstance(last, APIConnectionError):
        raise last  # the session stays open: the upload resumes on the next call
    raise TransferError(
        f"part at offset {offset} failed after {attempts} attempts: {last}"
    ) from last


def _read_range(local: Path, offset: int, size: int) -> Iterator[bytes]:
    with local.open("rb") as handle:
        handle.seek(offset)
        left = size
        while left > 0:
            chunk = handle.read(min(_READ, left))
            if not chunk:
                raise TransferError(f"{local} shrank while it was sent")
            left -= len(chunk)
            yield chunk


def _abort(api: AuthenticatedClient, dataset: str, upload_id: str) -> None:
    try:
        _call(abort_multipart_upload.sync_detailed, dataset, upload_id, client=api)
    except CrucibleError as exc:
        log.warning("upload %s: abort failed (%s)", upload_id, exc)


def _drop(state_file: Path | None) -> None:
    if state_file is not None:
        state_file.unlink(missing_ok=True)
