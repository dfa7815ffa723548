"""API v3 file records, ingestion requests and thumbnails: tables and JSON shapes.

Every uploaded or registered file is a record of its own (``v3_files``), addressed by its MFID.
A file is *stored* when Crucible holds its bytes (``stored_key`` set, backend ``gcs``) and
*ingested* once an ingestion request for it completed; only ingested files get download links.
Ingestion requests live in the simulated workers' ``requests`` table (kind ``v3_ingest``, so the
workers' timing, freezing and restart behaviour apply) with their v3 fields in
``v3_ingestion``; their integer ids are the ``requests`` ids.
"""

from __future__ import annotations

from typing import Any

from pycrucible.testing._db import Database, Row

INGEST_KIND = "v3_ingest"
GCS = "gcs"

_TABLES = (
    """CREATE TABLE IF NOT EXISTS v3_files (
        id INTEGER PRIMARY KEY, mfid TEXT NOT NULL UNIQUE, dataset_mfid TEXT NOT NULL,
        filename TEXT NOT NULL, storage_path TEXT, storage_backend TEXT, access_note TEXT,
        size INTEGER, sha256_hash TEXT, crc32c TEXT, stored_key TEXT,
        generation INTEGER NOT NULL DEFAULT 0, ingested INTEGER NOT NULL DEFAULT 0,
        creation_time TEXT)""",
    "CREATE INDEX IF NOT EXISTS v3_files_dataset ON v3_files (dataset_mfid, filename)",
    "CREATE INDEX IF NOT EXISTS v3_files_sha ON v3_files (sha256_hash)",
    """CREATE TABLE IF NOT EXISTS v3_uploads (
        upload_id TEXT PRIMARY KEY, kind TEXT NOT NULL, dataset_mfid TEXT NOT NULL,
        file_mfid TEXT, filename TEXT, size INTEGER NOT NULL, sha256_hash TEXT NOT NULL,
        part_size INTEGER, part_count INTEGER, state TEXT NOT NULL, owner TEXT NOT NULL,
        idempotency_key TEXT, result_file_mfid TEXT, access_token TEXT, token_expires REAL,
        received INTEGER NOT NULL DEFAULT 0, running_crc INTEGER NOT NULL DEFAULT 0,
        created REAL NOT NULL)""",
    """CREATE UNIQUE INDEX IF NOT EXISTS v3_uploads_idempotency
        ON v3_uploads (owner, idempotency_key) WHERE idempotency_key IS NOT NULL""",
    """CREATE TABLE IF NOT EXISTS v3_upload_parts (
        upload_id TEXT NOT NULL, part_number INTEGER NOT NULL, size INTEGER NOT NULL,
        crc32c TEXT NOT NULL, PRIMARY KEY (upload_id, part_number))""",
    """CREATE TABLE IF NOT EXISTS v3_ingestion (
        request_id INTEGER PRIMARY KEY, file_mfid TEXT NOT NULL, dataset_mfid TEXT NOT NULL,
        ingestion_githash TEXT)""",
    """CREATE TABLE IF NOT EXISTS v3_thumbnails (
        id INTEGER PRIMARY KEY, dataset_mfid TEXT NOT NULL, dataset_id INTEGER,
        thumbnail_name TEXT NOT NULL, thumbnail_b64str TEXT NOT NULL, mime_type TEXT)""",
)


def ensure_tables(db: Database) -> None:
    """Create the v3 file tables when missing (idempotent)."""
    with db.transaction():
        for statement in _TABLES:
            db.execute(statement)


def etag_of(row: Row) -> str | None:
    """Return a file's entity tag: changes whenever its stored content changes."""
    if row["sha256_hash"] is None:
        return None
    return f'"{row["generation"]}-{row["sha256_hash"][:16]}"'


def file_out(row: Row) -> dict[str, Any]:
    """Return a ``v3_files`` row as the contract's ``FileRecord``."""
    return {
        "mfid": row["mfid"],
        "dataset_mfid": row["dataset_mfid"],
        "filename": row["filename"],
        "storage_path": row["storage_path"],
        "storage_backend": row["storage_backend"],
        "access_note": row["access_note"],
        "size": row["size"],
        "sha256_hash": row["sha256_hash"],
        "etag": etag_of(row),
    }


def file_row(db: Database, file_mfid: str) -> Row | None:
    """Return a file record by MFID, or None."""
    return db.one("SELECT * FROM v3_files WHERE mfid = ?", [file_mfid])


def stored_with_hash(db: Database, dataset_mfid: str, sha256: str) -> Row | None:
    """Return the dataset's first stored file with this content (what deduplication answers)."""
    return db.one(
        "SELECT * FROM v3_files WHERE dataset_mfid = ? AND sha256_hash = ? "
        "AND stored_key IS NOT NULL ORDER BY id LIMIT 1",
        [dataset_mfid, sha256],
    )


def stored_with_name(db: Database, dataset_mfid: str, filename: str) -> Row | None:
    """Return the dataset's stored file of this display name, or None."""
    return db.one(
        "SELECT * FROM v3_files WHERE dataset_mfid = ? AND filename = ? "
        "AND stored_key IS NOT NULL ORDER BY id LIMIT 1",
        [dataset_mfid, filename],
    )


def ingestion_out(row: Row) -> dict[str, Any]:
    """Return a joined ``requests``/``v3_ingestion`` row as an ``IngestionRequest``."""
    return {
        "id": row["id"],
        "status": row["status"],
        "ingestion_class": row["ingestion_class"],
        "file_mfid": row["file_mfid"],
        "dataset_mfid": row["dataset_mfid"],
        "time_created": row["time_requested"],
        "time_completed": row["time_completed"],
        "error_message": row["error_message"],
        "ingestion_githash": row["ingestion_githash"],
    }


INGESTION_SELECT = (
    "SELECT r.*, v.file_mfid, v.dataset_mfid, v.ingestion_githash FROM requests r "
    "JOIN v3_ingestion v ON v.request_id = r.id"
)


def ingestion_row(db: Database, request_id: int) -> Row | None:
    """Return one v3 ingestion request (joined), or None."""
    return db.one(f"{INGESTION_SELECT} WHERE r.id = ?", [request_id])


def thumbnail_out(row: Row) -> dict[str, Any]:
    """Return a ``v3_thumbnails`` row as the contract's ``Thumbnail``."""
    return {
        "id": row["id"],
        "dataset_id": row["dataset_id"],
        "thumbnail_name": row["thumbnail_name"],
        "thumbnail_b64str": row["thumbnail_b64str"],
        "mime_type": row["mime_type"],
    }
