"""Role-based access on API v3: grants, project membership, public as a grant, capabilities.

A caller's role on a dataset or sample is the highest of:

- ``owner`` when they own it;
- the role of a grant to them (``principal_type`` ``user``, their unique_id);
- the role of a grant to a project they belong to (``project``, the project MFID);
- their project role when the record is assigned to their project (project ``owner`` counts
  as ``admin`` on the project's records);
- ``contributor`` for a service account bound to the record's instrument;
- ``viewer`` when the record is public: a grant to ``public`` (``*``), mirrored by the
  ``public`` column for fast lists.

An elevated platform admin has every right (reported as ``platform_admin``). Roles, lowest
first: viewer < contributor < editor < admin < owner.
"""

from __future__ import annotations

from typing import Any, Literal

from fastapi import HTTPException

from pycrucible.testing._db import Database, Row
from pycrucible.testing.v3.auth import Principal
from pycrucible.testing.v3.db import ROLES

RecordTable = Literal["v3_datasets", "v3_samples"]
RECORD_TABLES: tuple[RecordTable, ...] = ("v3_datasets", "v3_samples")
PUBLIC_PRINCIPAL = ("public", "*")


def rank(role: str | None) -> int:
    """Return a role's rank (0 for none, 1 for viewer ... 5 for owner; platform admins 6)."""
    if role == "platform_admin":
        return len(ROLES) + 1
    return ROLES.index(role) + 1 if role in ROLES else 0


def _project_role_as_record_role(role: str) -> str:
    return "admin" if role == "owner" else role


def find_record(db: Database, mfid: str) -> tuple[RecordTable, Row] | None:
    """Return the table and row of a dataset or sample by MFID, or None."""
    for table in RECORD_TABLES:
        row = db.one(f"SELECT * FROM {table} WHERE unique_id = ?", [mfid])
        if row is not None:
            return table, row
    return None


def role_on(db: Database, principal: Principal, row: Row) -> str | None:
    """Return the caller's effective role on a dataset or sample row (None: no access)."""
    if principal.elevated:
        return "platform_admin"
    if row["owner_id"] == principal.user_id:
        return "owner"
    roles: list[str] = []
    grants = db.all(
        "SELECT g.role FROM v3_grants g WHERE g.resource_mfid = ? AND ("
        "(g.principal_type = 'user' AND g.principal_id = ?) OR "
        "(g.principal_type = 'project' AND g.principal_id IN "
        " (SELECT project_mfid FROM v3_project_members WHERE user_id = ?)))",
        [row["unique_id"], principal.unique_id, principal.user_id],
    )
    roles += [g["role"] for g in grants]
    if row.get("project_mfid"):
        member = db.scalar(
            "SELECT role FROM v3_project_members WHERE project_mfid = ? AND user_id = ?",
            [row["project_mfid"], principal.user_id],
        )
        if member is not None:
            roles.append(_project_role_as_record_role(str(member)))
    if row.get("instrument_mfid") and db.one(
        "SELECT 1 FROM v3_instrument_accounts WHERE instrument_mfid = ? AND user_id = ?",
        [row["instrument_mfid"], principal.user_id],
    ):
        roles.append("contributor")
    if row["public"]:
        roles.append("viewer")
    return max(roles, key=rank) if roles else None


def require_role(
    db: Database, principal: Principal, mfid: str, role: str = "viewer"
) -> tuple[RecordTable, Row]:
    """Return a dataset or sample the caller holds at least ``role`` on.

    This is the one access check of the v3 routes.

    Raises:
        HTTPException: 404 when no dataset or sample has this MFID; 403 when the caller's
            role is lower than ``role``.
    """
    found = find_record(db, mfid)
    if found is None:
        raise HTTPException(404, f"Resource {mfid} not found")
    if rank(role_on(db, principal, found[1])) < rank(role):
        raise HTTPException(403, "Not authorized")
    return found


def readable_sql(principal: Principal, alias: str = "r") -> tuple[str, list[Any]]:
    """Return an SQL condition true for rows of a record table the caller may read."""
    if principal.elevated:
        return "1", []
    members = "SELECT project_mfid FROM v3_project_members WHERE user_id = ?"
    bound = "SELECT instrument_mfid FROM v3_instrument_accounts WHERE user_id = ?"
    return (
        f"({alias}.public = 1 OR {alias}.owner_id = ? OR {alias}.project_mfid IN ({members}) "
        f"OR {alias}.instrument_mfid IN ({bound}) "
        f"OR {alias}.unique_id IN (SELECT resource_mfid FROM v3_grants WHERE "
        f"(principal_type = 'user' AND principal_id = ?) OR "
        f"(principal_type = 'project' AND principal_id IN ({members}))))",
        [
            principal.user_id,
            principal.user_id,
            principal.user_id,
            principal.unique_id,
            principal.user_id,
        ],
    )


def capabilities(principal: Principal, role: str | None) -> dict[str, Any]:
    """Return the ``capabilities`` block of a record for the caller's role."""
    level = rank(role)
    grantable = [r for r in ROLES[:4] if rank(r) < level]
    return {
        "can_edit": level >= rank("editor"),
        "can_manage_access": level >= rank("admin"),
        "can_change_status": level >= rank("admin"),
        "can_transfer": level >= rank("owner"),
        "max_grant_role": grantable[-1] if grantable else None,
    }
