"""Projects with member roles (viewer, contributor, editor, admin, owner)."""

from __future__ import annotations

import json
import re
from typing import Any

from fastapi import APIRouter, HTTPException, Request

from pycrucible.testing._db import Database, Row
from pycrucible.testing._enforce import json_body, query_params
from pycrucible.testing.v3.access import capabilities, rank
from pycrucible.testing.v3.auth import BackendDep, Principal, PrincipalDep
from pycrucible.testing.v3.db import ROLES, now_iso
from pycrucible.testing.v3.errors import unprocessable
from pycrucible.testing.v3.ids import mint_mfid
from pycrucible.testing.v3.listing import offset_page
from pycrucible.testing.v3.records import find_project, find_user, project_role, public_user

router = APIRouter()

SLUG = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{2,24}$")
LEAD_FIELDS = ("project_lead", "project_lead_orcid", "project_lead_email", "project_lead_username")
SEARCH_CAP = 50


def member_view(row: Row) -> dict[str, Any]:
    """Return a ``ProjectMember`` from a joined user + role row."""
    return {
        "unique_id": row["unique_id"],
        "username": row["username"],
        "first_name": row["first_name"],
        "last_name": row["last_name"],
        "is_service_account": bool(row["is_service_account"]),
        "role": row["role"],
    }


def members_of(db: Database, project_mfid: str) -> list[dict[str, Any]]:
    """Members of a project, the owner first."""
    rows = db.all(
        "SELECT u.*, m.role FROM v3_project_members m JOIN v3_users u ON u.id = m.user_id "
        "WHERE m.project_mfid = ? ORDER BY u.unique_id",
        [project_mfid],
    )
    rows.sort(key=lambda r: -rank(r["role"]))
    return [member_view(r) for r in rows]


def caller_project_role(db: Database, principal: Principal, project: Row) -> str | None:
    """The caller's role in a project (``platform_admin`` when elevated)."""
    if principal.elevated:
        return "platform_admin"
    return project_role(db, principal, project["unique_id"])


def project_view(
    db: Database,
    principal: Principal,
    row: Row,
    *,
    include_metadata: bool = False,
    include_members: bool = False,
) -> dict[str, Any]:
    """Return the API view of a project for the caller."""
    role = caller_project_role(db, principal, row)
    lead = (
        None
        if row["lead_id"] is None
        else db.one("SELECT * FROM v3_users WHERE id = ?", [row["lead_id"]])
    )
    view: dict[str, Any] = {
        "unique_id": row["unique_id"],
        "project_id": row["project_id"],
        "organization": row["organization"],
        "title": row["title"],
        "status": row["status"],
        "lead": public_user(lead),
        "role": None if role == "platform_admin" else role,
        "creation_time": row["creation_time"],
        "modification_time": row["modification_time"],
        "capabilities": capabilities(principal, role),
    }
    if include_metadata:
        body = db.scalar("SELECT body FROM v3_metadata WHERE resource_mfid = ?", [row["unique_id"]])
        view["scientific_metadata"] = None if role is None or body is None else json.loads(body)
    if include_members:
        view["members"] = None if role is None else members_of(db, row["unique_id"])
    return view


def project_or_404(db: Database, ref: str) -> Row:
    """Return a project by slug or MFID, or raise 404."""
    row = find_project(db, ref)
    if row is None:
        raise HTTPException(404, f"Project {ref} not found")
    return row


@router.get("/projects")
def list_projects(request: Request, backend: BackendDep, principal: PrincipalDep) -> dict[str, Any]:
    """Projects the caller belongs to (all for elevated admins), offset-paged."""
    db = backend.db
    query = query_params(request)
    rows = db.all("SELECT * FROM v3_projects ORDER BY project_id")
    if not principal.elevated:
        mine = {
            r["project_mfid"]
            for r in db.all(
                "SELECT project_mfid FROM v3_project_members WHERE user_id = ?", [principal.user_id]
            )
        }
        rows = [r for r in rows if r["unique_id"] in mine]
    if query.get("project_id"):
        rows = [r for r in rows if r["project_id"] == query["project_id"]]
    for ref in query.get("member_ref") or []:
        user = find_user(db, ref)
        wanted = query.get("member_role")
        member_rows = (
            []
            if user is None
            else db.all(
                "SELECT project_mfid, role FROM v3_project_members WHERE user_id = ?", [user["id"]]
            )
        )
        keep = {m["project_mfid"] for m in member_rows if not wanted or m["role"] in wanted}
        rows = [r for r in rows if r["unique_id"] in keep]
    sort = query.get("sort")
    column = {
        "project_id": "project_id",
        "title": "title",
        "created": "creation_time",
        "updated": "modification_time",
    }.get(str(sort), "project_id")
    descending = query.get("direction") == "desc" or (
        query.get("direction") is None and sort in ("created", "updated")
    )
    rows.sort(key=lambda r: str(r[column] or "").casefold(), reverse=descending)
    page = offset_page(rows, limit=query.get("limit"), offset=query.get("offset"))
    page["items"] = [
        project_view(
            db,
            principal,
            r,
            include_metadata=bool(query.get("include_metadata")),
            include_members=bool(query.get("include_members")),
        )
        for r in page["items"]
    ]
    return page


@router.get("/projects/search")
def search_projects(
    request: Request, backend: BackendDep, principal: PrincipalDep
) -> dict[str, Any]:
    """All projects whose slug or title contains ``q``, at most 50 (no lead, no metadata)."""
    query = query_params(request)
    text = str(query["q"]).casefold()
    limit = min(int(query.get("limit") or 20), SEARCH_CAP)
    rows = [
        r
        for r in backend.db.all("SELECT * FROM v3_projects ORDER BY project_id")
        if text in r["project_id"].casefold() or text in str(r["title"] or "").casefold()
    ]
    items = []
    for r in rows[:limit]:
        view = project_view(backend.db, principal, r)
        view.pop("lead")
        items.append(view)
    return {"items": items}


@router.get("/projects/{project_ref}")
def get_project(
    project_ref: str, request: Request, backend: BackendDep, principal: PrincipalDep
) -> dict[str, Any]:
    """One project by MFID or slug; metadata and members only for members."""
    query = query_params(request)
    return project_view(
        backend.db,
        principal,
        project_or_404(backend.db, project_ref),
        include_metadata=bool(query.get("include_metadata")),
        include_members=bool(query.get("include_members")),
    )


@router.post("/projects")
def create_project(
    request: Request, backend: BackendDep, principal: PrincipalDep
) -> dict[str, Any]:
    """Create a project with exactly one lead selector; the lead owns it."""
    body = json_body(request) or {}
    db = backend.db
    leads = [body[f] for f in LEAD_FIELDS if body.get(f) is not None]
    if len(leads) != 1:
        raise HTTPException(
            400,
            "Give exactly one of project_lead, project_lead_orcid, project_lead_email, "
            "project_lead_username",
        )
    if principal.is_service_account:
        raise HTTPException(403, "Service accounts cannot create projects")
    if not SLUG.match(body["project_id"]):
        raise unprocessable(
            f"Invalid project_id {body['project_id']!r}: 3-25 letters, digits, _ or -"
        )
    with db.transaction():
        lead = find_user(db, str(leads[0]))
        if lead is None:
            raise unprocessable(f"Unknown project lead {leads[0]}")
        if find_project(db, body["project_id"]) is not None:
            raise HTTPException(409, f"Project {body['project_id']} exists")
        stamp = now_iso()
        mfid = mint_mfid()
        db.insert(
            "v3_projects",
            {
                "unique_id": mfid,
                "project_id": body["project_id"],
                "organization": body["organization"],
                "title": body.get("title"),
                "status": body.get("status") or "active",
                "lead_id": lead["id"],
                "creation_time": stamp,
                "modification_time": stamp,
            },
        )
        db.execute("INSERT INTO v3_project_members VALUES (?, ?, 'owner')", [mfid, lead["id"]])
        if lead["id"] != principal.user_id:
            db.execute(
                "INSERT INTO v3_project_members VALUES (?, ?, 'admin')", [mfid, principal.user_id]
            )
        row = db.one("SELECT * FROM v3_projects WHERE unique_id = ?", [mfid])
    assert row is not None
    return project_view(db, principal, row)


def _require_project_role(db: Database, principal: Principal, project: Row, role: str) -> str:
    mine = caller_project_role(db, principal, project)
    if rank(mine) < rank(role):
        raise HTTPException(403, "Not authorized for this project")
    return str(mine)


@router.patch("/projects/{project_ref}")
def update_project(
    project_ref: str, request: Request, backend: BackendDep, principal: PrincipalDep
) -> dict[str, Any]:
    """Rename or change a project (project admins and owners, elevated admins)."""
    body = json_body(request) or {}
    db = backend.db
    with db.transaction():
        project = project_or_404(db, project_ref)
        _require_project_role(db, principal, project, "admin")
        if "project_id" in body and body["project_id"] != project["project_id"]:
            if not SLUG.match(body["project_id"]):
                raise unprocessable(f"Invalid project_id {body['project_id']!r}")
            if find_project(db, body["project_id"]) is not None:
                raise unprocessable(f"Project {body['project_id']} exists")
        db.update("v3_projects", project["id"], {**body, "modification_time": now_iso()})
        row = db.one("SELECT * FROM v3_projects WHERE id = ?", [project["id"]])
    assert row is not None
    return project_view(db, principal, row)


@router.get("/projects/{project_ref}/users")
def list_project_members(
    project_ref: str, request: Request, backend: BackendDep, principal: PrincipalDep
) -> dict[str, Any]:
    """Members with their roles (members and elevated admins)."""
    query = query_params(request)
    project = project_or_404(backend.db, project_ref)
    _require_project_role(backend.db, principal, project, "viewer")
    return offset_page(
        members_of(backend.db, project["unique_id"]),
        limit=query.get("limit"),
        offset=query.get("offset"),
    )


def _grantable(mine: str, role: str) -> None:
    if role not in ROLES[:4]:
        raise unprocessable(f"Unknown role {role!r}; use viewer, contributor, editor or admin")
    if mine != "platform_admin" and rank(role) >= rank(mine):
        raise HTTPException(403, "Not authorized to grant a role as high as your own")


@router.post("/projects/{project_ref}/users/{user_ref}")
def add_project_member(
    project_ref: str, user_ref: str, request: Request, backend: BackendDep, principal: PrincipalDep
) -> list[dict[str, Any]]:
    """Add a member (default contributor; below the caller's own role); 409 if a member."""
    role = str(query_params(request).get("role") or "contributor")
    db = backend.db
    with db.transaction():
        project = project_or_404(db, project_ref)
        mine = _require_project_role(db, principal, project, "editor")
        _grantable(mine, role)
        user = find_user(db, user_ref)
        if user is None:
            raise HTTPException(404, f"User {user_ref} not found")
        if db.one(
            "SELECT 1 FROM v3_project_members WHERE project_mfid = ? AND user_id = ?",
            [project["unique_id"], user["id"]],
        ):
            raise HTTPException(409, "User is already a project member")
        db.execute(
            "INSERT INTO v3_project_members VALUES (?, ?, ?)",
            [project["unique_id"], user["id"], role],
        )
    return members_of(db, project["unique_id"])


@router.patch("/projects/{project_ref}/users/{user_ref}")
def update_project_member(
    project_ref: str, user_ref: str, request: Request, backend: BackendDep, principal: PrincipalDep
) -> list[dict[str, Any]]:
    """Change a member's role (both old and new below the caller's own role)."""
    role = str(query_params(request)["role"])
    db = backend.db
    with db.transaction():
        project = project_or_404(db, project_ref)
        mine = _require_project_role(db, principal, project, "editor")
        _grantable(mine, role)
        user = find_user(db, user_ref)
        current = (
            None
            if user is None
            else project_role(
                db,
                Principal(user["id"], user["unique_id"], None, "none", False, False),
                project["unique_id"],
            )
        )
        if user is None or current is None:
            raise HTTPException(404, f"{user_ref} is not a member of {project['project_id']}")
        if mine != "platform_admin" and rank(current) >= rank(mine):
            raise HTTPException(403, "Not authorized to change a role as high as your own")
        db.execute(
            "UPDATE v3_project_members SET role = ? WHERE project_mfid = ? AND user_id = ?",
            [role, project["unique_id"], user["id"]],
        )
    return members_of(db, project["unique_id"])


@router.delete("/projects/{project_ref}/users/{user_ref}")
def remove_project_member(
    project_ref: str, user_ref: str, backend: BackendDep, principal: PrincipalDep
) -> list[dict[str, Any]]:
    """Remove a member (the project owner, an elevated admin, or the member themself)."""
    db = backend.db
    with db.transaction():
        project = project_or_404(db, project_ref)
        user = find_user(db, user_ref)
        if user is None:
            raise HTTPException(404, f"User {user_ref} not found")
        if user["id"] != principal.user_id:
            _require_project_role(db, principal, project, "owner")
        db.execute(
            "DELETE FROM v3_project_members "
            "WHERE project_mfid = ? AND user_id = ? AND role != 'owner'",
            [project["unique_id"], user["id"]],
        )
    return members_of(db, project["unique_id"])
