"""The storage stand-in of API v3 uploads and downloads, plus the upload test control.

These routes play the object store's part; they are not API routes and need no API key (the
signed URL, resumable session URI or storage token is the credential). They live under
``/storage/``, so the storage request log records each call and whether it carried an
``Authorization`` header:

- ``PUT /storage/v3-parts/<upload_id>/<n>?crc32c=&expires=&signature=``: one part of a signed
  multipart upload. Refused with 403 when the signature is wrong or expired, 400 when the size
  or the CRC32C of the bytes differs from what was signed (or from an ``x-goog-hash`` header).
- ``PUT /storage/v3-resumable/<upload_id>?expires=&signature=``: a chunk of a resumable upload
  with ``Content-Range: bytes a-b/total``, or the probe ``bytes */total``; 308 with ``Range``
  while bytes are missing, 200 with the object's ``crc32c`` once all arrived.
- ``PUT /storage/v3-objects/<bucket>/<object>``: the whole object of a token upload, with
  ``Authorization: Bearer <access_token>`` (a storage token, valid here only, never an API key).
- ``GET /storage/v3/<dataset>/<file>?disposition=&expires=&signature=``: a signed download
  (HTTP Range requests honoured).

``GET``/``PUT /_control/uploads`` (admin key) reads or sets whether new signed multipart uploads
are accepted and their part size.
"""

from __future__ import annotations

import asyncio
import re
import time
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Header, HTTPException, Query, Request
from fastapi.responses import FileResponse, JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field

from pycrucible.testing._auth import AdminDep, BackendDep
from pycrucible.testing._crc32c import extend, from_b64, to_b64
from pycrucible.testing._state import Backend
from pycrucible.testing._v3_blobs import (
    Blobs,
    TooLargeError,
    download_signing_key,
    part_signing_key,
    receive_to,
    resumable_signing_key,
)
from pycrucible.testing._v3_records import file_row
from pycrucible.testing._v3_uploads import (
    UploadError,
    acknowledge_part,
    configure,
    multipart_enabled,
    part_size,
    part_span,
)

router = APIRouter(include_in_schema=False)

_CONTENT_RANGE = re.compile(r"bytes (?:(\d+)-(\d+)|\*)/(\d+)")
_locks: dict[str, asyncio.Lock] = {}


def blobs_of(backend: Backend) -> Blobs:
    """Return the v3 file contents of a server's data directory."""
    return Blobs(backend.data_dir)


def _check_signature(backend: Backend, key: str, expires: str | None, signature: str) -> None:
    refusal = backend.signer.check(key, expires, signature)
    if refusal is not None:
        raise HTTPException(403, refusal)


def _session(backend: Backend, upload_id: str, kind: str) -> dict[str, Any]:
    row = backend.db.one(
        "SELECT * FROM v3_uploads WHERE upload_id = ? AND kind = ?", [upload_id, kind]
    )
    if row is None or row["state"] == "aborted":
        raise HTTPException(404, "No such upload session")
    if row["state"] != "uploading":
        raise HTTPException(409, "The upload session is closed")
    return row


def _header_crc(request: Request) -> int | bool | None:
    """The CRC32C an ``x-goog-hash`` header announces; True when the header is malformed."""
    for item in request.headers.getlist("x-goog-hash"):
        for piece in item.split(","):
            name, _, value = piece.strip().partition("=")
            if name.lower() == "crc32c":
                decoded = from_b64(value)
                return True if decoded is None else decoded
    return None


@router.put("/storage/v3-parts/{upload_id}/{part_number}")
async def put_part(
    upload_id: str,
    part_number: int,
    request: Request,
    backend: BackendDep,
    crc32c: Annotated[str, Query()] = "",
    expires: Annotated[str | None, Query()] = None,
    signature: Annotated[str, Query()] = "",
) -> Response:
    """Receive one part: stream it to disk, check size and CRC32C, then acknowledge it."""
    _check_signature(backend, part_signing_key(upload_id, part_number, crc32c), expires, signature)
    session = _session(backend, upload_id, "multipart")
    try:
        _, expected_size = part_span(session, part_number)
    except UploadError as exc:
        raise HTTPException(400, "No such part in this upload") from exc
    signed_crc = from_b64(crc32c)
    announced = _header_crc(request)
    if signed_crc is None or announced is True or (announced not in (None, signed_crc)):
        raise HTTPException(400, "The x-goog-hash header does not match the signed CRC32C")
    blobs = blobs_of(backend)
    temp = blobs.temp_path(upload_id)
    try:
        size, crc = await receive_to(request.stream(), temp, expected_size)
        if size != expected_size:
            raise HTTPException(400, f"Part {part_number} must be {expected_size} bytes")
        if crc != signed_crc:
            raise HTTPException(400, "BadDigest: the part's CRC32C differs from the signed one")
        temp.replace(blobs.part_path(upload_id, part_number))
    except TooLargeError:
        raise HTTPException(400, f"Part {part_number} must be {expected_size} bytes") from None
    finally:
        temp.unlink(missing_ok=True)
    acknowledge_part(backend.db, upload_id, part_number, size, to_b64(crc))
    return Response(status_code=200, headers={"ETag": f'"{crc:08x}"'})


def _resumable_answer(session: dict[str, Any], received: int, crc: int) -> Response:
    if received >= session["size"]:
        body = {"upload_id": session["upload_id"], "size": received, "crc32c": to_b64(crc)}
        return JSONResponse(body)
    headers = {"Range": f"bytes=0-{received - 1}"} if received else {}
    return Response(status_code=308, headers=headers)


@router.put("/storage/v3-resumable/{upload_id}")
async def put_resumable(
    upload_id: str,
    request: Request,
    backend: BackendDep,
    content_range: Annotated[str, Header(alias="Content-Range")],
    expires: Annotated[str | None, Query()] = None,
    signature: Annotated[str, Query()] = "",
) -> Response:
    """Append a chunk to a resumable upload, or answer how much arrived (``bytes */total``)."""
    _check_signature(backend, resumable_signing_key(upload_id), expires, signature)
    session = _session(backend, upload_id, "resumable")
    match = _CONTENT_RANGE.fullmatch(content_range.strip())
    if match is None:
        raise HTTPException(400, "Malformed Content-Range: expected 'bytes a-b/total'")
    first, last, total = match.groups()
    if int(total) != session["size"]:
        raise HTTPException(400, f"The total {total} differs from the session size")
    lock = _locks.setdefault(upload_id, asyncio.Lock())
    async with lock:
        row = backend.db.one(
            "SELECT received, running_crc FROM v3_uploads WHERE upload_id = ?", [upload_id]
        )
        assert row is not None
        received, crc = row["received"], row["running_crc"]
        if first is not None:
            start, end = int(first), int(last)
            if start > end or end >= session["size"]:
                raise HTTPException(400, "The chunk range is outside the file")
            if start > received:
                raise HTTPException(400, f"The chunk starts at {start}, after byte {received}")
            received, crc = await _append(backend, upload_id, request, start, end, received, crc)
    return _resumable_answer(session, received, crc)


async def _append(
    backend: Backend,
    upload_id: str,
    request: Request,
    start: int,
    end: int,
    received: int,
    crc: int,
) -> tuple[int, int]:
    """Append the chunk's bytes not stored yet; keep the running CRC32C in the session row."""
    content = blobs_of(backend).content_path(upload_id)
    position = start
    try:
        with content.open("r+b") as out:
            out.truncate(received)  # bytes beyond the acknowledged end were never counted
            out.seek(received)
            async for piece in request.stream():
                if position > end:
                    break
                piece = piece[: end + 1 - position]
                skip = max(0, received - position)
                if skip < len(piece):
                    fresh = piece[skip:]
                    out.write(fresh)
                    crc = extend(crc, fresh)
                    received += len(fresh)
                position += len(piece)
    finally:
        backend.db.execute(
            "UPDATE v3_uploads SET received = ?, running_crc = ? WHERE upload_id = ?",
            [received, crc, upload_id],
        )
    return received, crc


@router.put("/storage/v3-objects/{bucket}/{object_name:path}")
async def put_object(
    bucket: str, object_name: str, request: Request, backend: BackendDep
) -> Response:
    """Receive the whole object of a token upload (``Authorization: Bearer <storage token>``)."""
    scheme, _, token = (request.headers.get("authorization") or "").partition(" ")
    parts = object_name.split("/", 3)
    if scheme.lower() != "bearer" or not token or len(parts) < 4 or parts[0] != "uploads":
        raise HTTPException(401, "A storage access token is required")
    row = backend.db.one(
        "SELECT * FROM v3_uploads WHERE upload_id = ? AND kind = 'token'", [parts[2]]
    )
    if (
        row is None
        or row["access_token"] != token
        or (row["token_expires"] or 0) < time.time()
        or parts[1] != row["dataset_mfid"]
    ):
        raise HTTPException(403, "The storage token is not valid for this object")
    session = _session(backend, parts[2], "token")
    blobs = blobs_of(backend)
    temp = blobs.temp_path(session["upload_id"])
    try:
        size, crc = await receive_to(request.stream(), temp, session["size"])
        announced = _header_crc(request)
        if announced is True or announced not in (None, crc):
            raise HTTPException(400, "BadDigest: the object's CRC32C differs from x-goog-hash")
        temp.replace(blobs.content_path(session["upload_id"]))
    except TooLargeError:
        raise HTTPException(400, "The object is larger than the announced size") from None
    finally:
        temp.unlink(missing_ok=True)
    return JSONResponse(
        {"bucket": bucket, "name": object_name, "size": size, "crc32c": to_b64(crc)}
    )


@router.api_route("/storage/v3/{dataset_mfid}/{file_mfid}", methods=["GET", "HEAD"])
def read_object(
    dataset_mfid: str,
    file_mfid: str,
    backend: BackendDep,
    disposition: Annotated[str, Query()] = "attachment",
    expires: Annotated[str | None, Query()] = None,
    signature: Annotated[str, Query()] = "",
) -> Response:
    """Serve a stored file through a signed URL, with the signed ``Content-Disposition``."""
    key = f"{dataset_mfid}/{file_mfid}"
    _check_signature(backend, download_signing_key(key, disposition), expires, signature)
    row = file_row(backend.db, file_mfid)
    path = blobs_of(backend).stored_path(key)
    if row is None or path is None or not path.is_file():
        raise HTTPException(404, "No such stored file")
    name = row["filename"].rsplit("/", 1)[-1]
    kind = "inline" if disposition == "inline" else "attachment"
    headers = {"Content-Disposition": f"{kind}; filename*=UTF-8''{quote(name)}"}
    return FileResponse(path, media_type="application/octet-stream", headers=headers)


class UploadSettings(BaseModel):
    """Body of ``PUT /_control/uploads``: fields left out keep their value."""

    model_config = ConfigDict(extra="forbid")

    multipart_enabled: bool | None = None
    part_size: int | None = Field(default=None, ge=1)


@router.get("/_control/uploads")
def get_upload_settings(caller: AdminDep, backend: BackendDep) -> dict[str, Any]:
    """Whether new signed multipart uploads are accepted, and their part size in bytes."""
    return {"multipart_enabled": multipart_enabled(backend.db), "part_size": part_size(backend.db)}


@router.put("/_control/uploads")
def set_upload_settings(
    body: UploadSettings, caller: AdminDep, backend: BackendDep
) -> dict[str, Any]:
    """Switch new signed multipart uploads on or off, or change their part size."""
    configure(backend.db, enabled=body.multipart_enabled, size=body.part_size)
    return get_upload_settings(caller, backend)
