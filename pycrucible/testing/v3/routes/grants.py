"""Access to a dataset or sample: role grants to users and projects, public as a grant."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Request

from pycrucible.testing._db import Database, Row
from pycrucible.testing._enforce import json_body, query_params
from pycrucible.testing.v3.access import rank, require_role, role_on
from pycrucible.testing.v3.auth import BackendDep, Principal, PrincipalDep
from pycrucible.testing.v3.db import ROLES, now_iso
from pycrucible.testing.v3.errors import unprocessable
from pycrucible.testing.v3.records import find_project, find_user
from pycrucible.testing.v3.routes.instruments import instrument_role

router = APIRouter()

GRANT_KINDS = {"users": "user", "projects": "project"}


def _grant_view(db: Database, principal_type: str, principal_id: str, role: str) -> dict[str, Any]:
    display = None
    slug = None
    if principal_type == "user":
        user = db.one("SELECT * FROM v3_users WHERE unique_id = ?", [principal_id])
        if user is not None:
            display = " ".join(x for x in (user["first_name"], user["last_name"]) if x) or None
            slug = user["username"]
            principal_type = "service_account" if user["is_service_account"] else "user"
    elif principal_type == "project":
        project = db.one("SELECT * FROM v3_projects WHERE unique_id = ?", [principal_id])
        if project is not None:
            slug, display = project["project_id"], project["title"]
    elif principal_type == "public":
        principal_id = "public"
    return {
        "principal_id": principal_id,
        "principal_type": principal_type,
        "permission": role,
        "slug": slug,
        "display_name": display,
    }


@router.get("/resources/{mfid}/access")
def list_resource_access(
    mfid: str, backend: BackendDep, principal: PrincipalDep
) -> list[dict[str, Any]]:
    """Every grant of the record, the owner first."""
    db = backend.db
    _, row = require_role(db, principal, mfid, "viewer")
    owner = db.scalar("SELECT unique_id FROM v3_users WHERE id = ?", [row["owner_id"]])
    grants = [_grant_view(db, "user", str(owner), "owner")]
    for grant in db.all(
        "SELECT * FROM v3_grants WHERE resource_mfid = ? ORDER BY principal_type, principal_id",
        [mfid],
    ):
        grants.append(
            _grant_view(db, grant["principal_type"], grant["principal_id"], grant["role"])
        )
    return grants


def _require_manager(
    db: Database, principal: Principal, mfid: str, wanted: str | None, *, records_only: bool = False
) -> tuple[str, Row]:
    """Require ``admin`` on the record, and (for a grant) a role strictly below the caller's.

    The record is a dataset, a sample or (for maintainer grants) an instrument.
    """
    instrument = db.one("SELECT * FROM v3_instruments WHERE unique_id = ?", [mfid])
    if instrument is not None and not records_only:
        table, row, mine = "v3_instruments", instrument, instrument_role(db, principal, instrument)
        if rank(mine) < rank("admin"):
            raise HTTPException(403, "Not authorized for this instrument")
    else:
        table, row = require_role(db, principal, mfid, "admin")
        mine = role_on(db, principal, row)
    if wanted is not None:
        if wanted not in ROLES[:4]:
            raise unprocessable(
                f"Unknown permission {wanted!r}; use viewer, contributor, editor or admin"
            )
        if mine != "platform_admin" and ROLES.index(wanted) >= ROLES.index(str(mine)):
            raise HTTPException(403, "Not authorized to grant a role as high as your own")
    return table, row


@router.put("/resources/{mfid}/access/public")
def make_resource_public(mfid: str, backend: BackendDep, principal: PrincipalDep) -> dict[str, Any]:
    """Grant ``viewer`` to everybody (public as a grant)."""
    db = backend.db
    with db.transaction():
        table, row = _require_manager(db, principal, mfid, None, records_only=True)
        db.execute("INSERT OR REPLACE INTO v3_grants VALUES (?, 'public', '*', 'viewer')", [mfid])
        db.update(table, row["id"], {"public": 1, "modification_time": now_iso()})
    return _grant_view(db, "public", "*", "viewer")


@router.delete("/resources/{mfid}/access/public")
def make_resource_private(
    mfid: str, backend: BackendDep, principal: PrincipalDep
) -> dict[str, Any]:
    """Remove the public grant."""
    db = backend.db
    with db.transaction():
        table, row = _require_manager(db, principal, mfid, None, records_only=True)
        db.execute(
            "DELETE FROM v3_grants WHERE resource_mfid = ? AND principal_type = 'public'", [mfid]
        )
        db.update(table, row["id"], {"public": 0, "modification_time": now_iso()})
    return {"detail": "removed"}


def _principal_of(db: Database, kind: str, ref: str) -> tuple[str, str]:
    principal_type = GRANT_KINDS.get(kind)
    if principal_type is None:
        raise unprocessable(f"Unknown principal kind {kind!r}; use users or projects")
    if principal_type == "user":
        user = find_user(db, ref)
        if user is None:
            raise HTTPException(404, f"User {ref} not found")
        return "user", str(user["unique_id"])
    project = find_project(db, ref)
    if project is None:
        raise HTTPException(404, f"Project {ref} not found")
    return "project", str(project["unique_id"])


@router.put("/resources/{mfid}/access/{kind}/{principal}")
def grant_resource_access(
    mfid: str,
    kind: str,
    principal: str,
    request: Request,
    backend: BackendDep,
    caller: PrincipalDep,
) -> dict[str, Any]:
    """Grant a role to a user or project (below the caller's own role)."""
    wanted = str((json_body(request) or {}).get("permission"))
    db = backend.db
    with db.transaction():
        _require_manager(db, caller, mfid, wanted)
        principal_type, principal_id = _principal_of(db, kind, principal)
        db.execute(
            "INSERT OR REPLACE INTO v3_grants VALUES (?, ?, ?, ?)",
            [mfid, principal_type, principal_id, wanted],
        )
    return _grant_view(db, principal_type, principal_id, wanted)


@router.delete("/resources/{mfid}/access/{kind}/{principal}")
def revoke_resource_access(
    mfid: str, kind: str, principal: str, backend: BackendDep, caller: PrincipalDep
) -> dict[str, Any]:
    """Remove a user's or project's grant."""
    db = backend.db
    with db.transaction():
        _require_manager(db, caller, mfid, None)
        principal_type, principal_id = _principal_of(db, kind, principal)
        db.execute(
            "DELETE FROM v3_grants "
            "WHERE resource_mfid = ? AND principal_type = ? AND principal_id = ?",
            [mfid, principal_type, principal_id],
        )
    return {"detail": "removed"}


@router.get("/resources/{mfid}/access_groups")
def list_resource_access_groups(
    mfid: str, backend: BackendDep, principal: PrincipalDep
) -> list[dict[str, Any]]:
    """Deprecated view of the grants as access-group names (project slugs, user ids)."""
    groups = []
    for grant in list_resource_access(mfid, backend, principal):
        name = grant["slug"] if grant["principal_type"] == "project" else grant["principal_id"]
        groups.append({"group_name": name, "permission": grant["permission"]})
    return groups


@router.post("/resources/{mfid}/access_groups")
def add_resource_access_group(
    mfid: str, request: Request, backend: BackendDep, principal: PrincipalDep
) -> dict[str, Any]:
    """Deprecated: grant a project (by slug) or user group read (viewer) or write (editor)."""
    if not principal.elevated:
        raise HTTPException(403, "Not authorized: platform administrators only (elevated mode)")
    query = query_params(request)
    group = str(query["group_name"])
    role = "editor" if query.get("write") else "viewer"
    db = backend.db
    require_role(db, principal, mfid, "viewer")
    project = find_project(db, group)
    user = None if project is not None else find_user(db, group)
    if project is None and user is None:
        raise HTTPException(404, f"Access group {group} not found")
    principal_type, principal_id = (
        ("project", project["unique_id"]) if project is not None else ("user", user["unique_id"])  # type: ignore[index]
    )
    db.execute(
        "INSERT OR REPLACE INTO v3_grants VALUES (?, ?, ?, ?)",
        [mfid, principal_type, principal_id, role],
    )
    return {"group_name": group, "permission": role}
