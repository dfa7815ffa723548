"""The API v3 upload sessions as plain functions: signed multipart, resumable and token uploads.

A session (``v3_uploads``) moves ``uploading → completing → completed`` (or ``aborted``); a
completion that finds a checksum wrong goes back to ``uploading`` so the client can resend.
Initiating with an ``Idempotency-Key`` the caller used before answers the same session; content
the dataset already stores (same SHA-256, verified) answers ``state: completed`` with
``existing_file`` and no session; another file of the same name answers 409 ``filename_exists``.

Functions raise :class:`UploadError` (an HTTP status, a ``detail`` and headers); the routes turn
it into the answer. They never hold the database lock across file I/O.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field
from typing import Any

from pycrucible.testing._db import Database, Row
from pycrucible.testing._ids import new_token
from pycrucible.testing._v3_blobs import Blobs
from pycrucible.testing._v3_records import (
    etag_of,
    file_out,
    file_row,
    stored_with_hash,
)
from pycrucible.testing._v3_records import stored_with_name as stored_named

DEFAULT_PART_SIZE = 64 * 1024 * 1024
MAX_PARTS = 10_000
PARTS_PAGE = 1000
MULTIPART_DISABLED = "New multipart uploads are disabled"
TOKEN_LIFETIME = 900


@dataclass
class UploadError(Exception):
    """An upload call that cannot go on: the HTTP status, ``detail`` and headers to answer."""

    status: int
    detail: Any
    headers: dict[str, str] = field(default_factory=dict)


def field_error(location: str, message: str) -> UploadError:
    """Return a 422 naming one body field, in FastAPI's validation-list shape."""
    return UploadError(
        422, [{"type": "value_error", "loc": ["body", location], "msg": message, "input": None}]
    )


# -- settings (kept in the database: they survive restarts) -------------------------------------


def multipart_enabled(db: Database) -> bool:
    """Whether new signed multipart uploads are accepted (503 otherwise)."""
    return db.get_setting("v3_multipart_enabled") != "0"


def part_size(db: Database) -> int:
    """The part size new signed multipart sessions get, in bytes."""
    value = db.get_setting("v3_part_size")
    return DEFAULT_PART_SIZE if value is None else int(value)


def configure(db: Database, *, enabled: bool | None = None, size: int | None = None) -> None:
    """Switch new signed multipart uploads on or off and/or set the part size (bytes, >= 1).

    Raises:
        ValueError: A part size below 1 byte.
    """
    if enabled is not None:
        db.set_setting("v3_multipart_enabled", "1" if enabled else "0")
    if size is not None:
        if size < 1:
            raise ValueError("the part size must be at least 1 byte")
        db.set_setting("v3_part_size", str(size))


# -- sessions ------------------------------------------------------------------------------------


def session_row(db: Database, upload_id: str, dataset_mfid: str) -> Row:
    """Return an upload session of a dataset.

    Raises:
        UploadError: 404 when the dataset has no such session.
    """
    row = db.one(
        "SELECT * FROM v3_uploads WHERE upload_id = ? AND dataset_mfid = ?",
        [upload_id, dataset_mfid],
    )
    if row is None:
        raise UploadError(404, "Upload session not found")
    return row


def acknowledged_parts(db: Database, upload_id: str, after: int = 0) -> list[Row]:
    """Return the acknowledged parts of a session with a number above ``after``, in order."""
    return db.all(
        "SELECT part_number, size, crc32c FROM v3_upload_parts WHERE upload_id = ? "
        "AND part_number > ? ORDER BY part_number",
        [upload_id, after],
    )


def session_out(db: Database, row: Row) -> dict[str, Any]:
    """Return a signed multipart session as the contract's ``MultipartUploadSession``."""
    result = None
    if row["result_file_mfid"]:
        stored = file_row(db, row["result_file_mfid"])
        result = None if stored is None else file_out(stored)
    return {
        "upload_id": row["upload_id"],
        "state": "completed" if row["state"] == "completed" else "uploading",
        "part_size": row["part_size"],
        "part_count": row["part_count"],
        "parts": acknowledged_parts(db, row["upload_id"])[:PARTS_PAGE],
        "existing_file": result,
    }


def dedup_answer(existing: Row) -> dict[str, Any]:
    """Answer of an initiate whose content is stored already: no session, nothing to send."""
    return {
        "upload_id": None,
        "state": "completed",
        "part_size": None,
        "part_count": 0,
        "parts": [],
        "existing_file": file_out(existing),
    }


def _by_idempotency_key(db: Database, owner: str, key: str | None) -> Row | None:
    if key is None:
        return None
    return db.one("SELECT * FROM v3_uploads WHERE owner = ? AND idempotency_key = ?", [owner, key])


def _same_request(row: Row, dataset_mfid: str, filename: str | None, size: int, sha: str) -> bool:
    return bool(
        row["dataset_mfid"] == dataset_mfid
        and row["filename"] == filename
        and row["size"] == size
        and row["sha256_hash"] == sha
    )


def _new_session(db: Database, values: dict[str, Any]) -> Row:
    values = {"upload_id": new_token(), "state": "uploading", "created": time.time(), **values}
    db.insert("v3_uploads", values)
    row = db.one("SELECT * FROM v3_uploads WHERE upload_id = ?", [values["upload_id"]])
    assert row is not None
    return row


def _multipart_values(db: Database, size: int) -> dict[str, Any]:
    size_of_part = part_size(db)
    count = math.ceil(size / size_of_part)
    if count > MAX_PARTS:
        raise field_error("size", f"A file of {size} bytes needs more than {MAX_PARTS} parts")
    return {"kind": "multipart", "part_size": size_of_part, "part_count": count}


def initiate_multipart(
    db: Database,
    *,
    dataset_mfid: str,
    owner: str,
    filename: str,
    size: int,
    sha256: str,
    idempotency_key: str | None,
) -> dict[str, Any]:
    """Start (or find again) a signed multipart upload of a new file into a dataset.

    Raises:
        UploadError: 503 when multipart uploads are switched off; 409 ``filename_exists``
            for another file of this name; 409 when the key was used for another request.
    """
    if not multipart_enabled(db):
        raise UploadError(503, MULTIPART_DISABLED, {"Retry-After": "60"})
    with db.transaction():
        again = _by_idempotency_key(db, owner, idempotency_key)
        if again is not None:
            if again["file_mfid"] is not None or not _same_request(
                again, dataset_mfid, filename, size, sha256
            ):
                raise UploadError(
                    409,
                    {"code": "idempotency_key_reused", "message": "Key used for another upload"},
                )
            return session_out(db, again)
        existing = stored_with_hash(db, dataset_mfid, sha256)
        if existing is not None:
            return dedup_answer(existing)
        named = stored_named(db, dataset_mfid, filename)
        if named is not None:
            raise UploadError(
                409,
                {
                    "code": "filename_exists",
                    "message": "Filename already exists",
                    "file_mfid": named["mfid"],
                    "etag": _etag(named),
                },
            )
        values = {
            **_multipart_values(db, size),
            "dataset_mfid": dataset_mfid,
            "filename": filename,
            "size": size,
            "sha256_hash": sha256,
            "owner": owner,
            "idempotency_key": idempotency_key,
        }
        return session_out(db, _new_session(db, values))


def _etag(row: Row) -> str:
    return etag_of(row) or '"0"'


def _matches(if_match: str, etag: str) -> bool:
    wanted = [tag.strip().removeprefix("W/") for tag in if_match.split(",")]
    return "*" in wanted or etag in wanted or etag.strip('"') in [t.strip('"') for t in wanted]


def initiate_replace(
    db: Database,
    *,
    target: Row,
    owner: str,
    size: int,
    sha256: str,
    if_match: str,
    idempotency_key: str | None,
) -> dict[str, Any]:
    """Start (or find again) a signed multipart upload replacing a stored file's content.

    Raises:
        UploadError: 503 when multipart uploads are switched off; 412 ``etag_mismatch``;
            409 ``replace_in_progress`` while another replacement of the file is open.
    """
    if not multipart_enabled(db):
        raise UploadError(503, MULTIPART_DISABLED, {"Retry-After": "60"})
    with db.transaction():
        again = _by_idempotency_key(db, owner, idempotency_key)
        if again is not None:
            if again["file_mfid"] != target["mfid"] or not _same_request(
                again, target["dataset_mfid"], target["filename"], size, sha256
            ):
                raise UploadError(
                    409,
                    {"code": "idempotency_key_reused", "message": "Key used for another upload"},
                )
            return session_out(db, again)
        current = file_row(db, target["mfid"])
        if current is None:
            raise UploadError(404, "File not found")
        if not _matches(if_match, _etag(current)):
            raise UploadError(412, {"code": "etag_mismatch", "etag": _etag(current)})
        if current["sha256_hash"] == sha256 and current["stored_key"] is not None:
            return dedup_answer(current)
        open_replace = db.one(
            "SELECT upload_id FROM v3_uploads WHERE file_mfid = ? "
            "AND state IN ('uploading', 'completing')",
            [current["mfid"]],
        )
        if open_replace is not None:
            raise UploadError(409, {"code": "replace_in_progress"})
        values = {
            **_multipart_values(db, size),
            "dataset_mfid": current["dataset_mfid"],
            "file_mfid": current["mfid"],
            "filename": current["filename"],
            "size": size,
            "sha256_hash": sha256,
            "owner": owner,
            "idempotency_key": idempotency_key,
        }
        return session_out(db, _new_session(db, values))


def part_span(session: Row, part_number: int) -> tuple[int, int]:
    """Return the byte offset and size of a part of a multipart session.

    Raises:
        UploadError: 422 for a part number outside the session.
    """
    count, size_of_part = session["part_count"], session["part_size"]
    if not 1 <= part_number <= count:
        raise field_error("parts", f"Part {part_number} is outside 1..{count}")
    offset = (part_number - 1) * size_of_part
    return offset, min(size_of_part, session["size"] - offset)


def parts_page(db: Database, session: Row, marker: int) -> dict[str, Any]:
    """Return acknowledged parts after ``marker`` as the contract's ``UploadPartsStatus``."""
    rows = acknowledged_parts(db, session["upload_id"], marker)
    page = rows[:PARTS_PAGE]
    more = len(rows) > PARTS_PAGE
    return {"parts": page, "next_part_number_marker": page[-1]["part_number"] if more else None}


def acknowledge_part(db: Database, upload_id: str, part_number: int, size: int, crc: str) -> None:
    """Record that a part's bytes arrived whole and with the signed CRC32C."""
    db.execute(
        "INSERT INTO v3_upload_parts (upload_id, part_number, size, crc32c) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (upload_id, part_number) DO UPDATE SET size = excluded.size, "
        "crc32c = excluded.crc32c",
        [upload_id, part_number, size, crc],
    )


# -- resumable and token sessions --------------------------------------------------------------


def initiate_simple(
    db: Database,
    blobs: Blobs,
    *,
    kind: str,
    dataset_mfid: str,
    owner: str,
    filename: str,
    size: int,
    sha256: str,
) -> tuple[Row | None, Row | None]:
    """Start a resumable (``kind="resumable"``) or token (``"token"``) upload.

    Returns:
        ``(session, None)``, or ``(None, existing_file)`` when the content is stored already.
    """
    with db.transaction():
        existing = stored_with_hash(db, dataset_mfid, sha256)
        if existing is not None:
            return None, existing
        values: dict[str, Any] = {
            "kind": kind,
            "dataset_mfid": dataset_mfid,
            "filename": filename,
            "size": size,
            "sha256_hash": sha256,
            "owner": owner,
        }
        if kind == "token":
            values["access_token"] = new_token() + new_token()
            values["token_expires"] = time.time() + TOKEN_LIFETIME
        session = _new_session(db, values)
    blobs.content_path(session["upload_id"]).touch()
    return session, None
