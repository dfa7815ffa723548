"""Finishing API v3 uploads: claim the session, check the bytes, store the file, or abort.

Completion moves a session ``uploading → completing`` (a second completion meanwhile answers
503 with ``Retry-After``), reads the stored bytes once (assembling parts and hashing in the same
pass; memory stays flat), checks size, SHA-256 and CRC32C, and stores the file: a new record,
or new content for the record a replace session targets. A check that fails puts the session
back to ``uploading`` so the client can resend; a repeat after success answers the same file.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from pycrucible.testing._crc32c import same_crc32c
from pycrucible.testing._db import Database, Row
from pycrucible.testing._ids import new_mfid
from pycrucible.testing._v3_blobs import TOKEN_BUCKET, Blobs, concatenate, digest_file
from pycrucible.testing._v3_records import GCS, file_row, stored_with_hash
from pycrucible.testing._v3_records import stored_with_name as stored_named
from pycrucible.testing._v3_uploads import UploadError, acknowledged_parts, field_error


def _claim(db: Database, session: Row) -> Row | None:
    """Move a session to ``completing``; return the finished file when it completed before."""
    with db.transaction():
        row = db.one("SELECT * FROM v3_uploads WHERE upload_id = ?", [session["upload_id"]])
        if row is None or row["state"] == "aborted":
            raise UploadError(404, "Upload session not found")
        if row["state"] == "completed":
            done = file_row(db, row["result_file_mfid"] or "")
            if done is None:
                raise UploadError(404, "The uploaded file was deleted since")
            return done
        if row["state"] == "completing":
            raise UploadError(503, "The upload is being completed", {"Retry-After": "1"})
        db.execute(
            "UPDATE v3_uploads SET state = 'completing' WHERE upload_id = ?", [row["upload_id"]]
        )
    return None


def _release(db: Database, upload_id: str) -> None:
    db.execute(
        "UPDATE v3_uploads SET state = 'uploading' WHERE upload_id = ? AND state = 'completing'",
        [upload_id],
    )


def complete_multipart(db: Database, blobs: Blobs, session: Row, sha256: str, crc32c: str) -> Row:
    """Assemble the parts, check the whole-object SHA-256 and CRC32C and store the file.

    A repeat after success answers the same file. Memory stays flat: one pass over the parts.

    Raises:
        UploadError: 422 for missing parts or a checksum that differs (the session stays
            open), 503 while another completion of the session runs.
    """
    done = _claim(db, session)
    if done is not None:
        return done
    upload_id = session["upload_id"]
    temp = blobs.temp_path(upload_id)
    try:
        parts = acknowledged_parts(db, upload_id)
        have = {part["part_number"] for part in parts}
        missing = [n for n in range(1, session["part_count"] + 1) if n not in have]
        if missing:
            raise field_error("upload_id", f"Parts not uploaded yet: {missing[:20]}")
        paths = [blobs.part_path(upload_id, p["part_number"]) for p in parts]
        size, actual_sha, actual_crc = concatenate(paths, temp)
        _check(session, size, actual_sha, sha256)
        if not same_crc32c(crc32c, actual_crc):
            raise field_error("crc32c", f"CRC32C mismatch: the parts give {actual_crc}")
        return _store(db, blobs, session, temp, sha256, actual_crc)
    except BaseException:
        temp.unlink(missing_ok=True)
        _release(db, upload_id)
        raise


def _check(session: Row, size: int, actual_sha: str, sent_sha: str) -> None:
    if size != session["size"]:
        raise field_error("upload_id", f"{size} bytes stored, {session['size']} announced")
    if sent_sha != session["sha256_hash"]:
        raise field_error("sha256_hash", "Differs from the SHA-256 given at initiate")
    if actual_sha != sent_sha:
        raise field_error("sha256_hash", "SHA-256 mismatch: the stored bytes differ")


def _store(db: Database, blobs: Blobs, session: Row, source: Any, sha: str, crc: str) -> Row:
    """Move checked bytes into storage and record them; close the session."""
    dataset_mfid = session["dataset_mfid"]
    with db.transaction():
        target = file_row(db, session["file_mfid"]) if session["file_mfid"] else None
        if target is None:
            other = stored_with_hash(db, dataset_mfid, sha) or stored_named(
                db, dataset_mfid, session["filename"]
            )
            if other is not None and other["sha256_hash"] != sha:
                raise field_error("upload_id", "filename_exists: a file of this name was stored")
            if other is not None:
                result = other
            else:
                file_mfid = new_mfid()
                key = blobs.stored_key(dataset_mfid, file_mfid)
                db.insert(
                    "v3_files",
                    {
                        "mfid": file_mfid,
                        "dataset_mfid": dataset_mfid,
                        "filename": session["filename"],
                        "storage_path": f"{TOKEN_BUCKET}/{dataset_mfid}/_files/{file_mfid}",
                        "storage_backend": GCS,
                        "size": session["size"],
                        "sha256_hash": sha,
                        "crc32c": crc,
                        "stored_key": key,
                        "generation": 1,
                        "creation_time": datetime.now(UTC).isoformat(),
                    },
                )
                blobs.adopt(source, key)
                result = file_row(db, file_mfid) or {}
        else:
            key = target["stored_key"] or blobs.stored_key(dataset_mfid, target["mfid"])
            blobs.adopt(source, key)
            db.update(
                "v3_files",
                target["id"],
                {
                    "size": session["size"],
                    "sha256_hash": sha,
                    "crc32c": crc,
                    "stored_key": key,
                    "storage_backend": GCS,
                    "storage_path": f"{TOKEN_BUCKET}/{dataset_mfid}/_files/{target['mfid']}",
                    "generation": target["generation"] + 1,
                },
            )
            result = file_row(db, target["mfid"]) or {}
        db.execute(
            "UPDATE v3_uploads SET state = 'completed', result_file_mfid = ? WHERE upload_id = ?",
            [result["mfid"], session["upload_id"]],
        )
        db.execute("DELETE FROM v3_upload_parts WHERE upload_id = ?", [session["upload_id"]])
    blobs.discard_session(session["upload_id"])
    return result


def abort(db: Database, blobs: Blobs, session: Row) -> None:
    """Abandon a session and delete its parts (a completed session stays as it is)."""
    with db.transaction():
        if session["state"] in ("completed", "completing"):
            return
        db.execute(
            "UPDATE v3_uploads SET state = 'aborted' WHERE upload_id = ?", [session["upload_id"]]
        )
        db.execute("DELETE FROM v3_upload_parts WHERE upload_id = ?", [session["upload_id"]])
    blobs.discard_session(session["upload_id"])


def complete_simple(db: Database, blobs: Blobs, session: Row, sha256: str) -> Row:
    """Finish a resumable or token upload: check size and SHA-256, then store the file.

    Raises:
        UploadError: 422 for missing bytes or a SHA-256 that differs (the bytes are kept
            for a resend), 503 while another completion runs.
    """
    done = _claim(db, session)
    if done is not None:
        return done
    content = blobs.content_path(session["upload_id"])
    try:
        size, actual_sha, actual_crc = digest_file(content)
        _check(session, size, actual_sha, sha256)
        return _store(db, blobs, session, content, sha256, actual_crc)
    except BaseException:
        _release(db, session["upload_id"])
        raise
