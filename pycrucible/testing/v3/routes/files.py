"""API v3 file records, downloads and thumbnails (contract tag ``files``).

Route function names are the contract's operationIds. Download links are signed URLs on the
storage stand-in and exist only for ingested files (404 otherwise); ``expires_in`` (seconds) and
``disposition`` are returned with each per-file link.
"""

from __future__ import annotations

import base64
import binascii
from datetime import UTC, datetime
from typing import Any

from fastapi import APIRouter, HTTPException, Request

from pycrucible.testing._db import Row
from pycrucible.testing._enforce import json_body, query_params
from pycrucible.testing._routes.v3_storage import blobs_of
from pycrucible.testing._state import Backend
from pycrucible.testing._v3_blobs import effective_disposition, sign_download_url
from pycrucible.testing._v3_records import GCS, file_out, file_row, thumbnail_out
from pycrucible.testing.v3.auth import BackendDep, PrincipalDep
from pycrucible.testing.v3.ids import mint_mfid
from pycrucible.testing.v3.routes._files_access import (
    LARGEST_ROW,
    dataset_int_id,
    dataset_row,
    known_id,
    readable_datasets_sql,
    storable_size,
)
from pycrucible.testing.v3.routes.uploads import base_url, check_filename

router = APIRouter(tags=["files"])


def _file_for(backend: Backend, caller: PrincipalDep, file_mfid: str, need: Any) -> Row:
    row = file_row(backend.db, file_mfid)
    if row is None:
        raise HTTPException(404, "File not found")
    dataset_row(backend, caller, row["dataset_mfid"], need)
    return row


@router.get("/datasets/{dataset_mfid}/files")
def list_dataset_files(
    dataset_mfid: str, caller: PrincipalDep, backend: BackendDep
) -> list[dict[str, Any]]:
    """Every file record of the dataset."""
    dataset_row(backend, caller, dataset_mfid, "viewer")
    rows = backend.db.all(
        "SELECT * FROM v3_files WHERE dataset_mfid = ? ORDER BY id", [dataset_mfid]
    )
    return [file_out(row) for row in rows]


@router.post("/datasets/{dataset_mfid}/files")
def register_dataset_file(
    dataset_mfid: str, request: Request, caller: PrincipalDep, backend: BackendDep
) -> dict[str, Any]:
    """Record a file kept outside Crucible (any backend but ``gcs``)."""
    body = json_body(request)
    dataset_row(backend, caller, dataset_mfid, "editor")
    check_filename(body["filename"])
    storable_size(body.get("size"), "size")
    if body.get("storage_backend").lower() == GCS:
        raise HTTPException(
            422,
            [
                {
                    "type": "value_error",
                    "loc": ["body", "storage_backend"],
                    "msg": "GCS files are created by the upload API",
                    "input": body.get("storage_backend"),
                }
            ],
        )
    mfid = mint_mfid()
    backend.db.insert(
        "v3_files",
        {
            "mfid": mfid,
            "dataset_mfid": dataset_mfid,
            "filename": body.get("filename"),
            "storage_backend": body.get("storage_backend"),
            "access_note": body.get("access_note"),
            "size": body.get("size"),
            "sha256_hash": body.get("sha256_hash"),
            "creation_time": datetime.now(UTC).isoformat(),
        },
    )
    row = file_row(backend.db, mfid)
    assert row is not None
    return file_out(row)


@router.get("/files")
def list_files(request: Request, caller: PrincipalDep, backend: BackendDep) -> dict[str, Any]:
    """Files of every dataset the caller can read, optionally by SHA-256 (offset pages)."""
    query = query_params(request)
    limit, offset = int(query.get("limit", 100)), min(int(query.get("offset", 0)), LARGEST_ROW)
    readable, params = readable_datasets_sql(caller, "dataset_mfid")
    where = [readable]
    if query.get("sha256_hash") is not None:
        where.append("sha256_hash = ?")
        params.append(query["sha256_hash"])
    condition = " AND ".join(where)
    total = backend.db.scalar(f"SELECT COUNT(*) FROM v3_files WHERE {condition}", params)
    rows = backend.db.all(
        f"SELECT * FROM v3_files WHERE {condition} ORDER BY id LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    return {
        "items": [file_out(row) for row in rows],
        "total": int(total),
        "limit": limit,
        "offset": offset,
        "next_cursor": None,
    }


@router.get("/files/{file_mfid}")
def get_file(file_mfid: str, caller: PrincipalDep, backend: BackendDep) -> dict[str, Any]:
    """One file record, with its ``etag``."""
    return file_out(_file_for(backend, caller, file_mfid, "viewer"))


def _refuse(field: str, message: str, value: Any) -> HTTPException:
    return HTTPException(
        422, [{"type": "value_error", "loc": ["body", field], "msg": message, "input": value}]
    )


@router.patch("/files/{file_mfid}")
def update_file(
    file_mfid: str, request: Request, caller: PrincipalDep, backend: BackendDep
) -> dict[str, Any]:
    """Rename a file or edit its location fields (server-owned for stored GCS files: 422)."""
    row = _file_for(backend, caller, file_mfid, "editor")
    changes = dict(json_body(request) or {})
    storable_size(changes.get("size"), "size")
    if row["storage_backend"] == GCS:
        if "storage_path" in changes:
            raise _refuse(
                "storage_path",
                "storage_path is assigned by the upload API for GCS files",
                changes["storage_path"],
            )
        for name in ("size", "sha256_hash"):
            if name in changes:
                raise _refuse(
                    name,
                    "size and sha256_hash are determined by the stored object for GCS files",
                    changes[name],
                )
    if changes.get("filename") is not None:
        check_filename(changes["filename"])
    changes = {name: value for name, value in changes.items() if value is not None}
    backend.db.update("v3_files", row["id"], changes)
    updated = file_row(backend.db, file_mfid)
    assert updated is not None
    return file_out(updated)


@router.delete("/files/{file_mfid}")
def delete_file(file_mfid: str, caller: PrincipalDep, backend: BackendDep) -> dict[str, Any]:
    """Delete a file record and its stored content."""
    row = _file_for(backend, caller, file_mfid, "editor")
    backend.db.execute("DELETE FROM v3_files WHERE id = ?", [row["id"]])
    blobs_of(backend).remove_stored(row["stored_key"])
    return {"detail": f"File {file_mfid} deleted"}


def _link(request: Request, backend: Backend, row: Row, disposition: str | None) -> str:
    kind = effective_disposition(row["filename"], disposition)
    return sign_download_url(
        backend.signer, base_url(request), row["stored_key"], kind, backend.link_lifetime
    )


@router.get("/files/{file_mfid}/download_link")
def get_file_download_link(
    file_mfid: str,
    request: Request,
    caller: PrincipalDep,
    backend: BackendDep,
) -> dict[str, Any]:
    """A signed URL (no API key needed) for an ingested stored file; 404 otherwise."""
    disposition = query_params(request).get("disposition")
    row = _file_for(backend, caller, file_mfid, "viewer")
    if row["stored_key"] is None or not row["ingested"]:
        raise HTTPException(404, "The file is not ingested")
    return {
        "url": _link(request, backend, row, disposition),
        "expires_in": backend.link_lifetime,
        "disposition": effective_disposition(row["filename"], disposition),
    }


@router.get("/datasets/{dataset_mfid}/download_links")
def get_dataset_download_links(
    dataset_mfid: str,
    request: Request,
    caller: PrincipalDep,
    backend: BackendDep,
) -> dict[str, str | None]:
    """Signed URLs of the dataset's ingested files, keyed by file MFID (404: none ingested)."""
    disposition = query_params(request).get("disposition")
    dataset_row(backend, caller, dataset_mfid, "viewer")
    rows = backend.db.all(
        "SELECT * FROM v3_files WHERE dataset_mfid = ? AND ingested = 1 ORDER BY id",
        [dataset_mfid],
    )
    if not rows:
        raise HTTPException(404, "No ingested files in this dataset")
    return {
        row["mfid"]: (
            None if row["stored_key"] is None else _link(request, backend, row, disposition)
        )
        for row in rows
    }


_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF8", "image/gif"),
)


def image_mime(b64: Any) -> str | None:
    """The image type of a thumbnail from its first bytes (None when it is none of them)."""
    try:
        head = base64.b64decode(str(b64)[:64], validate=False)
    except (binascii.Error, ValueError):
        return None
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    return next((kind for magic, kind in _SIGNATURES if head.startswith(magic)), None)


@router.get("/datasets/{dataset_mfid}/thumbnails")
def list_dataset_thumbnails(
    dataset_mfid: str, caller: PrincipalDep, backend: BackendDep
) -> list[dict[str, Any]]:
    """Every thumbnail of the dataset."""
    dataset_row(backend, caller, dataset_mfid, "viewer")
    rows = backend.db.all(
        "SELECT * FROM v3_thumbnails WHERE dataset_mfid = ? ORDER BY id", [dataset_mfid]
    )
    return [thumbnail_out(row) for row in rows]


@router.post("/datasets/{dataset_mfid}/thumbnails")
def create_dataset_thumbnail(
    dataset_mfid: str, request: Request, caller: PrincipalDep, backend: BackendDep
) -> dict[str, Any]:
    """Add a thumbnail (raw base64)."""
    body = json_body(request)
    dataset = dataset_row(backend, caller, dataset_mfid, "editor")
    new_id = backend.db.insert(
        "v3_thumbnails",
        {
            "dataset_mfid": dataset_mfid,
            "dataset_id": dataset_int_id(dataset),
            "thumbnail_name": body.get("thumbnail_name"),
            "thumbnail_b64str": body.get("thumbnail_b64str"),
            "mime_type": image_mime(body.get("thumbnail_b64str")),
        },
    )
    return _thumbnail(backend, dataset_mfid, new_id)


def _thumbnail(backend: Backend, dataset_mfid: str, thumbnail_id: int) -> dict[str, Any]:
    row = backend.db.one(
        "SELECT * FROM v3_thumbnails WHERE id = ? AND dataset_mfid = ?",
        [known_id(thumbnail_id), dataset_mfid],
    )
    if row is None:
        raise HTTPException(404, "Thumbnail not found")
    return thumbnail_out(row)


@router.patch("/datasets/{dataset_mfid}/thumbnails/{thumbnail_id}")
def update_dataset_thumbnail(
    dataset_mfid: str,
    thumbnail_id: int,
    request: Request,
    caller: PrincipalDep,
    backend: BackendDep,
) -> dict[str, Any]:
    """Rename a thumbnail or replace its image."""
    dataset_row(backend, caller, dataset_mfid, "editor")
    _thumbnail(backend, dataset_mfid, thumbnail_id)
    changes = dict(json_body(request) or {})
    if not changes:
        raise _refuse("thumbnail_name", "Give at least one field", None)
    if changes.get("thumbnail_b64str") is not None:
        changes["mime_type"] = image_mime(changes["thumbnail_b64str"])
    backend.db.update("v3_thumbnails", thumbnail_id, changes)
    return _thumbnail(backend, dataset_mfid, thumbnail_id)


@router.delete("/datasets/{dataset_mfid}/thumbnails/{thumbnail_id}")
def delete_dataset_thumbnail(
    dataset_mfid: str, thumbnail_id: int, caller: PrincipalDep, backend: BackendDep
) -> dict[str, Any]:
    """Delete a thumbnail."""
    dataset_row(backend, caller, dataset_mfid, "editor")
    _thumbnail(backend, dataset_mfid, thumbnail_id)
    backend.db.execute("DELETE FROM v3_thumbnails WHERE id = ?", [thumbnail_id])
    return {"detail": f"Thumbnail {thumbnail_id} deleted"}
