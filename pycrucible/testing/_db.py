"""SQLite storage of the local server's records.

One connection serves every thread; a re-entrant lock serialises access (uvicorn runs the sync
endpoints in a thread pool, and the simulated workers run in their own thread). Statements are
short, so the lock is never held across network or large file I/O.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

INT64_MAX = 2**63 - 1

Row = dict[str, Any]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS users (
    id INTEGER PRIMARY KEY, orcid TEXT NOT NULL UNIQUE, first_name TEXT, last_name TEXT,
    email TEXT, lbl_email TEXT, employee_number TEXT, is_admin INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS api_keys (api_key TEXT PRIMARY KEY, user_id INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS access_groups (group_name TEXT PRIMARY KEY, kind TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS group_members (
    group_name TEXT NOT NULL, user_id INTEGER NOT NULL, PRIMARY KEY (group_name, user_id));
CREATE TABLE IF NOT EXISTS projects (
    id INTEGER PRIMARY KEY, project_id TEXT NOT NULL UNIQUE, organization TEXT, title TEXT,
    status TEXT, project_lead_email TEXT, project_lead_name TEXT);
CREATE TABLE IF NOT EXISTS instruments (
    id INTEGER PRIMARY KEY, unique_id TEXT NOT NULL UNIQUE, instrument_name TEXT NOT NULL,
    location TEXT, owner TEXT, manufacturer TEXT, model TEXT, description TEXT,
    instrument_type TEXT);
CREATE TABLE IF NOT EXISTS datasets (
    id INTEGER PRIMARY KEY, unique_id TEXT NOT NULL UNIQUE, dataset_name TEXT,
    public INTEGER NOT NULL DEFAULT 0, owner_user_id INTEGER, owner_orcid TEXT, project_id TEXT,
    instrument_id INTEGER, instrument_name TEXT, measurement TEXT, session_name TEXT,
    creation_time TEXT, data_format TEXT, file_to_upload TEXT, size INTEGER,
    sha256_hash_file_to_upload TEXT, source_folder TEXT, json_link TEXT);
CREATE TABLE IF NOT EXISTS dataset_grants (
    dataset_id INTEGER NOT NULL, group_name TEXT NOT NULL, can_read INTEGER NOT NULL,
    can_write INTEGER NOT NULL, PRIMARY KEY (dataset_id, group_name));
CREATE TABLE IF NOT EXISTS dataset_keywords (
    dataset_id INTEGER NOT NULL, keyword TEXT NOT NULL, PRIMARY KEY (dataset_id, keyword));
CREATE TABLE IF NOT EXISTS scientific_metadata (dataset_id INTEGER PRIMARY KEY, body TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS thumbnails (
    id INTEGER PRIMARY KEY, dataset_id INTEGER NOT NULL, thumbnail_name TEXT NOT NULL,
    thumbnail_b64str TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files (
    id INTEGER PRIMARY KEY, dataset_id INTEGER NOT NULL, filename TEXT NOT NULL, size INTEGER,
    sha256_hash TEXT, stored_name TEXT, UNIQUE (dataset_id, filename));
CREATE TABLE IF NOT EXISTS dataset_links (
    parent_id INTEGER NOT NULL, child_id INTEGER NOT NULL, PRIMARY KEY (parent_id, child_id));
CREATE TABLE IF NOT EXISTS samples (
    id INTEGER PRIMARY KEY, unique_id TEXT NOT NULL UNIQUE, sample_name TEXT, owner_orcid TEXT,
    owner_user_id INTEGER, description TEXT, date_created TEXT, project_id TEXT,
    sample_type TEXT);
CREATE TABLE IF NOT EXISTS sample_links (
    parent_id INTEGER NOT NULL, child_id INTEGER NOT NULL, PRIMARY KEY (parent_id, child_id));
CREATE TABLE IF NOT EXISTS dataset_samples (
    dataset_id INTEGER NOT NULL, sample_id INTEGER NOT NULL, PRIMARY KEY (dataset_id, sample_id));
CREATE TABLE IF NOT EXISTS sample_metadata (
    sample_id INTEGER NOT NULL, sample_type TEXT NOT NULL, body TEXT NOT NULL,
    PRIMARY KEY (sample_id, sample_type));
CREATE TABLE IF NOT EXISTS requests (
    id INTEGER PRIMARY KEY, kind TEXT NOT NULL, dataset_id INTEGER NOT NULL, status TEXT NOT NULL,
    ingestion_class TEXT, file_to_upload TEXT, time_requested TEXT, time_completed TEXT,
    error_message TEXT, due REAL);
CREATE TABLE IF NOT EXISTS drive_locations (
    id INTEGER PRIMARY KEY, dataset_id INTEGER NOT NULL, folder_path_in_drive TEXT NOT NULL,
    status TEXT, drive_name TEXT, url TEXT);
CREATE TABLE IF NOT EXISTS upload_sessions (
    upload_id TEXT PRIMARY KEY, dataset_id INTEGER NOT NULL, filename TEXT NOT NULL,
    size INTEGER NOT NULL, sha256_hash TEXT NOT NULL);
"""


def fits_int64(value: int) -> bool:
    """Tell whether an integer can be stored in an SQLite INTEGER column."""
    return -INT64_MAX - 1 <= value <= INT64_MAX


def _casefold(value: str | None) -> str | None:
    return None if value is None else value.casefold()


class Database:
    """A thread-safe SQLite database holding every record of one server.

    The file is private to its owner (0600): it holds API keys and the signing secret. SQLite
    gives its ``-wal`` and ``-shm`` files the same permissions.

    Args:
        path: The database file; created with its tables when missing.
    """

    def __init__(self, path: Path) -> None:
        os.close(os.open(path, os.O_CREAT | os.O_RDWR, 0o600))
        path.chmod(0o600)
        self._lock = threading.RLock()
        self._depth = 0
        self._conn = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self._conn.row_factory = sqlite3.Row
        self._conn.create_function("casefold", 1, _casefold, deterministic=True)
        with self._lock:
            self._conn.execute("PRAGMA journal_mode=WAL")
            self._conn.execute("PRAGMA synchronous=NORMAL")
            self._conn.executescript(_SCHEMA)

    def close(self) -> None:
        """Close the connection; the database must not be used afterwards."""
        with self._lock:
            self._conn.close()

    @contextmanager
    def transaction(self) -> Iterator[Database]:
        """Run the enclosed statements atomically; nested uses join the outer transaction."""
        with self._lock:
            if self._depth:
                self._depth += 1
                try:
                    yield self
                finally:
                    self._depth -= 1
                return
            self._conn.execute("BEGIN IMMEDIATE")
            self._depth = 1
            try:
                yield self
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            else:
                self._conn.execute("COMMIT")
            finally:
                self._depth = 0

    def execute(self, sql: str, params: Sequence[Any] = ()) -> int:
        """Run one statement; return the new row id of an INSERT (else the changed row count)."""
        with self._lock:
            cursor = self._conn.execute(sql, tuple(params))
            if sql.lstrip().upper().startswith("INSERT"):
                return int(cursor.lastrowid or 0)
            return cursor.rowcount

    def all(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        """Run a query and return every row as a dictionary."""
        with self._lock:
            return [dict(row) for row in self._conn.execute(sql, tuple(params)).fetchall()]

    def one(self, sql: str, params: Sequence[Any] = ()) -> Row | None:
        """Run a query and return its first row as a dictionary, or None."""
        with self._lock:
            row = self._conn.execute(sql, tuple(params)).fetchone()
        return None if row is None else dict(row)

    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """Run a query and return the first column of its first row, or None."""
        row = self.one(sql, params)
        return None if row is None else next(iter(row.values()))

    def insert(self, table: str, values: dict[str, Any]) -> int:
        """Insert one row built from a column → value mapping; return its row id."""
        columns = ", ".join(values)
        marks = ", ".join("?" for _ in values)
        return self.execute(
            f"INSERT INTO {table} ({columns}) VALUES ({marks})", list(values.values())
        )

    def update(self, table: str, row_id: int, values: dict[str, Any]) -> None:
        """Set the given columns of the row with this ``id``."""
        if values:
            assignments = ", ".join(f"{column} = ?" for column in values)
            self.execute(
                f"UPDATE {table} SET {assignments} WHERE id = ?", [*values.values(), row_id]
            )

    def get_setting(self, key: str) -> str | None:
        """Return a stored server setting, or None."""
        value = self.scalar("SELECT value FROM settings WHERE key = ?", [key])
        return None if value is None else str(value)

    def set_setting(self, key: str, value: str) -> None:
        """Store a server setting."""
        self.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [key, value],
        )
