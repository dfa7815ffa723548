"""Shared pieces of dataset and sample records: users, projects, instruments, responses."""

from __future__ import annotations

import json
from typing import Any

from fastapi import HTTPException

from pycrucible.testing._db import Database, Row
from pycrucible.testing.v3.access import capabilities, role_on
from pycrucible.testing.v3.auth import Principal
from pycrucible.testing.v3.db import load_doc
from pycrucible.testing.v3.errors import unprocessable
from pycrucible.testing.v3.ids import MFID

RESOURCE_TYPES = {"v3_datasets": "dataset", "v3_samples": "sample"}


def find_user(db: Database, ref: str) -> Row | None:
    """Return a v3 user by ORCID, MFID, username or email, or None."""
    return db.one(
        "SELECT * FROM v3_users WHERE unique_id = ? OR username = ? OR "
        "(email IS NOT NULL AND lower(email) = lower(?)) ORDER BY id LIMIT 1",
        [ref, ref.strip().lower(), ref],
    )


def public_user(row: Row | None) -> dict[str, Any] | None:
    """Return the public-safe view of a user (no email)."""
    if row is None:
        return None
    return {
        "unique_id": row["unique_id"],
        "username": row["username"],
        "first_name": row["first_name"],
        "last_name": row["last_name"],
    }


def find_project(db: Database, ref: str) -> Row | None:
    """Return a project by MFID or slug, or None."""
    column = "unique_id" if MFID.match(ref) else "project_id"
    return db.one(f"SELECT * FROM v3_projects WHERE {column} = ?", [ref])


def find_instrument(db: Database, ref: str) -> Row | None:
    """Return an instrument by MFID or slug (slugs case-insensitively), or None."""
    if MFID.match(ref):
        row = db.one("SELECT * FROM v3_instruments WHERE unique_id = ?", [ref])
        if row is not None:
            return row
    return db.one("SELECT * FROM v3_instruments WHERE lower(instrument_id) = lower(?)", [ref])


def project_role(db: Database, principal: Principal, project_mfid: str) -> str | None:
    """Return the caller's member role in a project, or None."""
    role = db.scalar(
        "SELECT role FROM v3_project_members WHERE project_mfid = ? AND user_id = ?",
        [project_mfid, principal.user_id],
    )
    return None if role is None else str(role)


def resolve_project(
    db: Database, principal: Principal, ref: str | None, mfid: str | None
) -> Row | None:
    """Resolve the project of a new record (slug and/or MFID, which must agree).

    Raises:
        HTTPException: 422 for an unknown project or selectors that disagree; 403 when a
            normal caller is not at least a contributor of it.
    """
    if ref is None and mfid is None:
        return None
    rows = [find_project(db, value) for value in (ref, mfid) if value is not None]
    if any(row is None for row in rows) or len({row["unique_id"] for row in rows if row}) > 1:
        raise unprocessable(f"Unknown or mismatched project: {ref or mfid}")
    project = rows[0]
    assert project is not None
    role = project_role(db, principal, project["unique_id"])
    if not principal.elevated and role not in ("contributor", "editor", "admin", "owner"):
        raise HTTPException(403, "Not authorized to add records to this project")
    return project


def resolve_instrument(db: Database, slug: str | None, mfid: str | None) -> Row | None:
    """Resolve an instrument from a slug and/or MFID (which must agree); 422 when unknown."""
    if slug is None and mfid is None:
        return None
    rows = [find_instrument(db, value) for value in (slug, mfid) if value is not None]
    if any(row is None for row in rows) or len({row["unique_id"] for row in rows if row}) > 1:
        raise unprocessable(f"Unknown or mismatched instrument: {slug or mfid}")
    return rows[0]


def resolve_owner(db: Database, principal: Principal, ref: str | None) -> Row:
    """Return the owner of a new record: the caller, or (elevated callers only) another user.

    Raises:
        HTTPException: 422 for an unknown user; 403 for a normal caller naming someone else.
    """
    me = db.one("SELECT * FROM v3_users WHERE id = ?", [principal.user_id])
    assert me is not None
    if ref is None:
        return me
    row = find_user(db, ref)
    if row is None:
        raise unprocessable(f"Unknown owner: {ref}")
    if row["id"] != principal.user_id and not principal.elevated:
        raise HTTPException(403, "Not authorized to create records for another user")
    return row


def record_view(
    db: Database,
    principal: Principal,
    table: str,
    row: Row,
    *,
    include_owner: bool = False,
    include_metadata: bool = False,
) -> dict[str, Any]:
    """Return the API view of a dataset or sample row for the caller."""
    doc = load_doc(row)
    owner = db.one("SELECT * FROM v3_users WHERE id = ?", [row["owner_id"]])
    view: dict[str, Any] = {
        **doc,
        "unique_id": row["unique_id"],
        "public": bool(row["public"]),
        "owner_orcid": None if owner is None else owner["unique_id"],
        "creation_time": row["creation_time"],
        "modification_time": row["modification_time"],
        "resource_type": RESOURCE_TYPES[table],
    }
    project = None
    if row["project_mfid"]:
        project = db.one("SELECT * FROM v3_projects WHERE unique_id = ?", [row["project_mfid"]])
    view["project_mfid"] = row["project_mfid"]
    view["project_id"] = None if project is None else project["project_id"]
    view["project"] = (
        None
        if project is None
        else {
            "unique_id": project["unique_id"],
            "project_id": project["project_id"],
            "title": project["title"],
        }
    )
    if table == "v3_datasets":
        instrument = None
        if row["instrument_mfid"]:
            instrument = db.one(
                "SELECT * FROM v3_instruments WHERE unique_id = ?", [row["instrument_mfid"]]
            )
        view["instrument_mfid"] = row["instrument_mfid"]
        view["instrument_id"] = None if instrument is None else instrument["instrument_id"]
        view["instrument_name"] = None if instrument is None else instrument["instrument_name"]
        view["instrument"] = (
            None
            if instrument is None
            else {
                "unique_id": instrument["unique_id"],
                "instrument_id": instrument["instrument_id"],
                "instrument_name": instrument["instrument_name"],
            }
        )
    if include_owner:
        view["owner"] = public_user(owner)
    if include_metadata:
        body = db.scalar("SELECT body FROM v3_metadata WHERE resource_mfid = ?", [row["unique_id"]])
        view["scientific_metadata"] = None if body is None else json.loads(body)
    if row["deletion_request_id"] is not None:
        view["deletion_request"] = {"id": row["deletion_request_id"], "status": "pending"}
    view["capabilities"] = capabilities(principal, role_on(db, principal, row))
    return view


def user_read(row: Row, principal: Principal, *, admin_view: bool = False) -> dict[str, Any]:
    """Return a user record; the email only for the user themself or an elevated admin."""
    view: dict[str, Any] = {
        "unique_id": row["unique_id"],
        "username": row["username"],
        "first_name": row["first_name"],
        "last_name": row["last_name"],
        "is_service_account": bool(row["is_service_account"]),
    }
    if row["id"] == principal.user_id:
        view["id"] = row["id"]
    if row["id"] == principal.user_id or principal.elevated:
        view["email"] = row["email"]
    if admin_view or principal.elevated:
        view["platform_role"] = row["platform_role"]
        view["user_capabilities"] = {
            "can_manage_users": row["platform_role"] == "admin",
            "can_create_project": not row["is_service_account"],
        }
    return view


def key_status(db: Database, user_id: int) -> dict[str, Any]:
    """Return ``{valid, created_at, expires_at}`` of a user's API key."""
    row = db.one(
        "SELECT created_at, expires_at FROM v3_keys WHERE user_id = ? ORDER BY rowid DESC LIMIT 1",
        [user_id],
    )
    if row is not None:
        return {"valid": True, "created_at": row["created_at"], "expires_at": row["expires_at"]}
    orcid = db.scalar("SELECT unique_id FROM v3_users WHERE id = ?", [user_id])
    v1 = db.scalar(
        "SELECT 1 FROM api_keys k JOIN users u ON u.id = k.user_id WHERE u.orcid = ?", [orcid]
    )
    return {"valid": v1 is not None, "created_at": None, "expires_at": None}


def group_ids(db: Database, user_id: int) -> list[str]:
    """Return a user's access groups: their own id, project slugs, bound instruments."""
    own = db.scalar("SELECT unique_id FROM v3_users WHERE id = ?", [user_id])
    projects = db.all(
        "SELECT p.project_id FROM v3_project_members m JOIN v3_projects p "
        "ON p.unique_id = m.project_mfid WHERE m.user_id = ? ORDER BY p.project_id",
        [user_id],
    )
    instruments = db.all(
        "SELECT instrument_mfid FROM v3_instrument_accounts WHERE user_id = ?", [user_id]
    )
    return [
        str(own),
        *(p["project_id"] for p in projects),
        *(i["instrument_mfid"] for i in instruments),
    ]
