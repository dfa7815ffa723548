"""The v3 tables, kept in the same SQLite file as the seed-era ones (prefixed ``v3_``).

Records made through API v1 are not visible through v3, and the other way round: the two
versions have different identities (integer ids against MFIDs) and access models. Accounts are
shared: a v1 API key works on v3 for the same person (matched by ORCID), see
:mod:`pycrucible.testing.v3.auth`.

Datasets and samples keep their queryable columns as columns and everything else as one JSON
object (``doc``), so a new optional field costs no schema change.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from pycrucible.testing._db import Database, Row

V3_SCHEMA = """
CREATE TABLE IF NOT EXISTS v3_users (
    id INTEGER PRIMARY KEY, unique_id TEXT NOT NULL UNIQUE, username TEXT UNIQUE,
    first_name TEXT, last_name TEXT, email TEXT, platform_role TEXT NOT NULL DEFAULT 'none',
    is_service_account INTEGER NOT NULL DEFAULT 0, creation_time TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS v3_keys (
    api_key TEXT PRIMARY KEY, user_id INTEGER NOT NULL, created_at TEXT NOT NULL,
    expires_at TEXT);
CREATE TABLE IF NOT EXISTS v3_datasets (
    id INTEGER PRIMARY KEY, unique_id TEXT NOT NULL UNIQUE, owner_id INTEGER NOT NULL,
    project_mfid TEXT, instrument_mfid TEXT, public INTEGER NOT NULL DEFAULT 0,
    deletion_request_id INTEGER, creation_time TEXT NOT NULL, modification_time TEXT NOT NULL,
    doc TEXT NOT NULL DEFAULT '{}');
CREATE TABLE IF NOT EXISTS v3_samples (
    id INTEGER PRIMARY KEY, unique_id TEXT NOT NULL UNIQUE, owner_id INTEGER NOT NULL,
    project_mfid TEXT, instrument_mfid TEXT, public INTEGER NOT NULL DEFAULT 0,
    deletion_request_id INTEGER, creation_time TEXT NOT NULL, modification_time TEXT NOT NULL,
    doc TEXT NOT NULL DEFAULT '{}');
CREATE TABLE IF NOT EXISTS v3_grants (
    resource_mfid TEXT NOT NULL, principal_type TEXT NOT NULL, principal_id TEXT NOT NULL,
    role TEXT NOT NULL, PRIMARY KEY (resource_mfid, principal_type, principal_id));
CREATE TABLE IF NOT EXISTS v3_projects (
    id INTEGER PRIMARY KEY, unique_id TEXT NOT NULL UNIQUE, project_id TEXT NOT NULL UNIQUE,
    organization TEXT NOT NULL, title TEXT, status TEXT, lead_id INTEGER,
    creation_time TEXT NOT NULL, modification_time TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS v3_project_members (
    project_mfid TEXT NOT NULL, user_id INTEGER NOT NULL, role TEXT NOT NULL,
    PRIMARY KEY (project_mfid, user_id));
CREATE TABLE IF NOT EXISTS v3_instruments (
    id INTEGER PRIMARY KEY, unique_id TEXT NOT NULL UNIQUE, instrument_id TEXT NOT NULL UNIQUE,
    instrument_name TEXT NOT NULL, owner_id INTEGER, status TEXT NOT NULL DEFAULT 'active',
    creation_time TEXT NOT NULL, modification_time TEXT NOT NULL, doc TEXT NOT NULL DEFAULT '{}');
CREATE TABLE IF NOT EXISTS v3_keywords (
    dataset_mfid TEXT NOT NULL, keyword TEXT NOT NULL, PRIMARY KEY (dataset_mfid, keyword));
CREATE TABLE IF NOT EXISTS v3_dataset_samples (
    dataset_mfid TEXT NOT NULL, sample_mfid TEXT NOT NULL, PRIMARY KEY (dataset_mfid, sample_mfid));
CREATE TABLE IF NOT EXISTS v3_links (
    parent_mfid TEXT NOT NULL, child_mfid TEXT NOT NULL, relationship_type TEXT,
    PRIMARY KEY (parent_mfid, child_mfid));
CREATE TABLE IF NOT EXISTS v3_deletion_requests (
    id INTEGER PRIMARY KEY, resource_mfid TEXT NOT NULL, resource_type TEXT NOT NULL,
    resource_name TEXT, project_mfid TEXT, requester_id INTEGER NOT NULL, reason TEXT,
    status TEXT NOT NULL, request_time TEXT NOT NULL, review_time TEXT, reviewer_id INTEGER,
    reviewer_notes TEXT);
CREATE TABLE IF NOT EXISTS v3_deletion_audit (
    id INTEGER PRIMARY KEY, request_id INTEGER, resource_mfid TEXT NOT NULL,
    resource_type TEXT NOT NULL, resource_name TEXT, project_mfid TEXT, requester_id INTEGER,
    reason TEXT, request_time TEXT, review_time TEXT, reviewer_id INTEGER, reviewer_notes TEXT,
    deleted_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS v3_join_requests (
    id INTEGER PRIMARY KEY, group_name TEXT NOT NULL, requester_id INTEGER NOT NULL,
    reason TEXT, status TEXT NOT NULL, request_time TEXT NOT NULL, review_time TEXT,
    reviewer_id INTEGER, reviewer_notes TEXT);
CREATE TABLE IF NOT EXISTS v3_instrument_accounts (
    instrument_mfid TEXT NOT NULL, user_id INTEGER NOT NULL,
    PRIMARY KEY (instrument_mfid, user_id));
CREATE TABLE IF NOT EXISTS v3_processing (
    id INTEGER PRIMARY KEY, dataset_mfid TEXT NOT NULL, kind TEXT NOT NULL,
    status TEXT NOT NULL, time_requested TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS v3_metadata (resource_mfid TEXT PRIMARY KEY, body TEXT NOT NULL);
"""

ROLES = ("viewer", "contributor", "editor", "admin", "owner")
"""Resource roles, lowest first."""

PLATFORM_ROLES = ("none", "contributor", "admin")


def now_iso() -> str:
    """Return the current time as ISO 8601 with a UTC offset."""
    return datetime.now(UTC).isoformat()


def create_v3_tables(db: Database) -> None:
    """Create the v3 tables when missing (idempotent)."""
    with db.transaction():
        for statement in V3_SCHEMA.split(";"):
            if statement.strip():
                db.execute(statement)


def load_doc(row: Row) -> dict[str, Any]:
    """Return the JSON ``doc`` column of a row as a dictionary."""
    value: dict[str, Any] = json.loads(row.get("doc") or "{}")
    return value


def dump_doc(doc: dict[str, Any]) -> str:
    """Serialise a ``doc`` column."""
    return json.dumps(doc, separators=(",", ":"), sort_keys=True)
