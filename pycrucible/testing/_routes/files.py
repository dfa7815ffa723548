"""Dataset files: multipart upload, resumable upload, direct download and signed links."""

from __future__ import annotations

import asyncio
import hashlib
import re
from typing import Annotated, Any

from fastapi import APIRouter, File, Header, HTTPException, Query, Request, UploadFile
from fastapi.responses import FileResponse, JSONResponse, Response

from pycrucible.testing._auth import BackendDep, CallerDep, dataset_for
from pycrucible.testing._db import Database, Row
from pycrucible.testing._files import base_name, safe_file_name, sha256_of
from pycrucible.testing._ids import new_token
from pycrucible.testing._models import UploadComplete, UploadInitiate
from pycrucible.testing._records import file_out, find_stored_file, record_file
from pycrucible.testing._state import Backend

router = APIRouter(tags=["files"])

UPLOAD_PREFIX = "api-uploads"
_SHA256 = re.compile(r"[0-9a-fA-F]{64}")
_CONTENT_RANGE = re.compile(r"bytes (?:(\d+)-(\d+)|\*)/(\d+)")
_upload_locks: dict[str, asyncio.Lock] = {}
# SHA-256 of each session's stored bytes, kept up to date as chunks arrive, so completing a
# large upload does not read it all again. Lost on restart: completion then hashes the file.
_running_hashes: dict[str, Any] = {}


def base_url(request: Request) -> str:
    """Return the server's base URL as the client reached it, without a trailing slash."""
    return str(request.base_url).rstrip("/")


def upload_path(name: str) -> str:
    """Return the server path recorded for an uploaded file: flat, ``api-uploads/<name>``.

    As in the real API's records. The path names the file within its dataset: the same name
    uploaded to two datasets gives the same path in each, while the bytes are kept apart (stored
    per dataset, and downloaded through each dataset's own links), so neither upload replaces the
    other. Uploading the same name again to the same dataset replaces that dataset's file.
    """
    return f"{UPLOAD_PREFIX}/{name}"


def store_file_record(db: Database, dataset: Row, name: str, size: int, sha256: str) -> Row:
    """Record a file stored as ``<dsid>/<name>``; it becomes the main file when there is none.

    It is recorded under :func:`upload_path` (merging with a record of the same path added
    earlier through ``associated_files``). When the dataset's main file already names a file
    with this base name, its size and hash are set from the stored bytes.
    """
    stored_name = f"{dataset['unique_id']}/{name}"
    path = upload_path(name)
    with db.transaction():
        entry = record_file(db, dataset["id"], path, size, sha256, stored_name)
        main = db.scalar("SELECT file_to_upload FROM datasets WHERE id = ?", [dataset["id"]])
        if main is None or base_name(main) == name:
            db.update(
                "datasets",
                dataset["id"],
                {
                    "file_to_upload": main or path,
                    "size": size,
                    "sha256_hash_file_to_upload": sha256,
                },
            )
    return entry


@router.post("/datasets/{dsid}/upload")
def upload_files(
    dsid: str,
    files: Annotated[list[UploadFile], File()],
    caller: CallerDep,
    backend: BackendDep,
) -> list[str]:
    """Store each part named ``files`` with the dataset; answer the server paths."""
    dataset = dataset_for(backend.db, caller, dsid, write=True)
    names = [safe_file_name(upload.filename or "") for upload in files]
    if None in names:
        raise HTTPException(400, "Every uploaded part needs a usable file name")
    paths = []
    for upload, name in zip(files, names, strict=True):
        assert name is not None
        size, sha256 = backend.files.write_from(f"{dsid}/{name}", upload.file)
        entry = store_file_record(backend.db, dataset, name, size, sha256)
        paths.append(entry["filename"])
    return paths


@router.post("/datasets/{dsid}/upload/initiate")
def initiate_upload(
    dsid: str, body: UploadInitiate, request: Request, caller: CallerDep, backend: BackendDep
) -> dict[str, Any]:
    """Open a resumable upload, or point at the stored file with the same SHA-256."""
    db = backend.db
    dataset = dataset_for(db, caller, dsid, write=True)
    if safe_file_name(body.filename) != body.filename:
        raise HTTPException(400, "filename must be a plain file name without directories")
    if not _SHA256.fullmatch(body.sha256_hash):
        raise HTTPException(400, "sha256_hash must be 64 hexadecimal digits")
    upload_id = new_token()
    answer: dict[str, Any] = {
        "upload_id": upload_id,
        "resumable_uri": None,
        "chunk_size_hint": backend.chunk_size_hint,
        "existing_file": None,
    }
    existing = db.one(
        "SELECT * FROM files WHERE dataset_id = ? AND sha256_hash = ? AND stored_name IS NOT NULL "
        "ORDER BY id",
        [dataset["id"], body.sha256_hash.lower()],
    )
    if existing is not None:
        answer["existing_file"] = file_out(existing)
        return answer
    db.insert(
        "upload_sessions",
        {
            "upload_id": upload_id,
            "dataset_id": dataset["id"],
            "filename": body.filename,
            "size": body.size,
            "sha256_hash": body.sha256_hash.lower(),
        },
    )
    backend.files.part_path(upload_id).touch()
    answer["resumable_uri"] = f"{base_url(request)}/uploads/{upload_id}"
    return answer


def _progress(upload_id: str, received: int, size: int) -> Response:
    if received >= size:
        body = {"upload_id": upload_id, "received": received, "size": size, "complete": True}
        return JSONResponse(body)
    headers = {"Range": f"bytes=0-{received - 1}"} if received else {}
    return Response(status_code=308, headers=headers)


async def _append_chunk(
    request: Request, backend: Backend, upload_id: str, start: int, end: int
) -> None:
    """Append the request body's bytes ``start..end`` to the part file, skipping stored ones."""
    part = backend.files.part_path(upload_id)
    received = part.stat().st_size
    if start > received:
        raise HTTPException(400, f"The chunk starts at {start}, after the stored end {received}")
    running = _running_hashes.get(upload_id)
    if running is not None and running[1] != received:
        running = None  # out of step (e.g. after a restart): completion hashes the file
    digest = running[0] if running is not None else (hashlib.sha256() if received == 0 else None)
    position = start
    try:
        with part.open("ab") as out:
            async for piece in request.stream():
                if position > end:
                    break
                piece = piece[: end + 1 - position]
                skip = max(0, received - position)
                if skip < len(piece):
                    fresh = piece[skip:]
                    out.write(fresh)
                    if digest is not None:
                        digest.update(fresh)
                    received += len(fresh)
                position += len(piece)
    finally:
        # Also when the client goes away mid-chunk: the bytes kept so far count, and the
        # running hash stays in step with them.
        if digest is not None:
            _running_hashes[upload_id] = (digest, received)
        else:
            _running_hashes.pop(upload_id, None)


_CHUNK_BODY = {
    "required": False,
    "content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}},
}


@router.put("/uploads/{upload_id}", openapi_extra={"requestBody": _CHUNK_BODY})
async def upload_chunk(
    upload_id: str,
    request: Request,
    content_range: Annotated[str, Header(alias="Content-Range")],
    backend: BackendDep,
) -> Response:
    """Store one chunk of a resumable upload (no API key: the URL is the credential)."""
    session = backend.db.one("SELECT * FROM upload_sessions WHERE upload_id = ?", [upload_id])
    if session is None:
        raise HTTPException(404, "No such upload session")
    match = _CONTENT_RANGE.fullmatch(content_range.strip())
    if match is None:
        raise HTTPException(400, "Malformed Content-Range: expected 'bytes a-b/total'")
    first, last, total = match.groups()
    if int(total) != session["size"]:
        raise HTTPException(400, f"The total {total} differs from the session size")
    if first is not None:
        start, end = int(first), int(last)
        if start > end or end >= session["size"]:
            raise HTTPException(400, "The chunk range is outside the file")
        lock = _upload_locks.setdefault(upload_id, asyncio.Lock())
        async with lock:
            await _append_chunk(request, backend, upload_id, start, end)
    part = backend.files.part_path(upload_id)
    received = part.stat().st_size if part.exists() else 0
    return _progress(upload_id, received, session["size"])


@router.post("/datasets/{dsid}/upload/complete")
def complete_upload(
    dsid: str, body: UploadComplete, caller: CallerDep, backend: BackendDep
) -> dict[str, Any]:
    """Check the bytes and their SHA-256, then record the file with the dataset."""
    db = backend.db
    dataset = dataset_for(db, caller, dsid, write=True)
    session = db.one(
        "SELECT * FROM upload_sessions WHERE upload_id = ? AND dataset_id = ?",
        [body.upload_id, dataset["id"]],
    )
    if session is None:
        raise HTTPException(404, "No such upload session for this dataset")
    part = backend.files.part_path(body.upload_id)
    received = part.stat().st_size if part.exists() else 0
    if received < session["size"]:
        raise HTTPException(409, f"Bytes are missing: {received} of {session['size']} received")
    running = _running_hashes.pop(body.upload_id, None)
    actual = running[0].hexdigest() if running and running[1] == received else sha256_of(part)
    db.execute("DELETE FROM upload_sessions WHERE upload_id = ?", [body.upload_id])
    _upload_locks.pop(body.upload_id, None)
    if actual != session["sha256_hash"] or body.sha256_hash.lower() != actual:
        part.unlink(missing_ok=True)
        raise HTTPException(400, "SHA-256 mismatch: the upload was discarded")
    backend.files.adopt(f"{dsid}/{session['filename']}", part)
    return file_out(store_file_record(db, dataset, session["filename"], received, actual))


@router.get(
    "/datasets/{dsid}/download/{file_name}",
    response_class=FileResponse,
    responses={200: {"content": {"application/octet-stream": {}}}},
)
def download_file(dsid: str, file_name: str, caller: CallerDep, backend: BackendDep) -> Response:
    """Stream one stored file of the dataset (HTTP Range requests are honoured)."""
    dataset = dataset_for(backend.db, caller, dsid)
    entry = find_stored_file(backend.db, dataset["id"], file_name)
    path = None if entry is None else backend.files.stored_path(entry["stored_name"])
    if entry is None or path is None or not path.is_file():
        raise HTTPException(404, f"No stored file named {file_name!r} in this dataset")
    return FileResponse(path, media_type="application/octet-stream", filename=path.name)


@router.get("/datasets/{dsid}/download_links")
def get_download_links(
    dsid: str,
    request: Request,
    caller: CallerDep,
    backend: BackendDep,
    expires_in: Annotated[int | None, Query(ge=1, le=604800)] = None,
) -> dict[str, str]:
    """A signed URL for every stored file of the dataset, keyed ``<dsid>/<path>``."""
    dataset = dataset_for(backend.db, caller, dsid)
    stored = backend.db.all(
        "SELECT stored_name FROM files WHERE dataset_id = ? AND stored_name IS NOT NULL "
        "ORDER BY id",
        [dataset["id"]],
    )
    if not stored:
        raise HTTPException(404, f"No files found for dataset {dsid}")
    lifetime = expires_in or backend.link_lifetime
    base = base_url(request)
    return {
        row["stored_name"]: backend.signer.url(base, row["stored_name"], lifetime) for row in stored
    }
