"""Users: find (ORCID, MFID, username, email), create, update, roles, keys, groups, projects."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Request

from pycrucible.testing._db import Database, Row
from pycrucible.testing._enforce import json_body, query_params
from pycrucible.testing.v3.access import find_record, role_on
from pycrucible.testing.v3.auth import BackendDep, ElevatedDep, Principal, PrincipalDep
from pycrucible.testing.v3.db import PLATFORM_ROLES, now_iso
from pycrucible.testing.v3.errors import unprocessable
from pycrucible.testing.v3.ids import mint_mfid
from pycrucible.testing.v3.listing import offset_page
from pycrucible.testing.v3.records import (
    find_project,
    find_user,
    group_ids,
    key_status,
    public_user,
    user_read,
)

router = APIRouter()

USERNAME_CHARS = set("abcdefghijklmnopqrstuvwxyz0123456789_-")
SEARCH_CAP = 50


def _visible_ids(db: Database, principal: Principal) -> set[int] | None:
    """Users a normal caller may list: those sharing a project with them (None: all)."""
    if principal.elevated:
        return None
    rows = db.all(
        "SELECT DISTINCT b.user_id FROM v3_project_members a JOIN v3_project_members b "
        "ON a.project_mfid = b.project_mfid WHERE a.user_id = ?",
        [principal.user_id],
    )
    return {principal.user_id, *(r["user_id"] for r in rows)}


def user_or_404(db: Database, ref: str) -> Row:
    """Return a user by reference, or raise 404."""
    row = find_user(db, ref)
    if row is None:
        raise HTTPException(404, f"User {ref} not found")
    return row


def _check_username(db: Database, username: str, user_id: int | None) -> str:
    name = username.strip().lower()
    if not (3 <= len(name) <= 24) or not set(name) <= USERNAME_CHARS or not name[0].isalpha():
        raise unprocessable(
            f"Invalid username {username!r}: 3-24 lowercase letters, digits, _ or -"
        )
    taken = db.scalar("SELECT id FROM v3_users WHERE username = ?", [name])
    if taken is not None and taken != user_id:
        raise unprocessable(f"Username {name} is taken", "body", "username", value=name)
    return name


def apply_user_update(
    db: Database, principal: Principal, user_id: int, body: dict[str, Any]
) -> dict[str, Any]:
    """Apply a partial user update (names, email, username) and return the user."""
    values: dict[str, Any] = {}
    with db.transaction():
        for name in ("first_name", "last_name", "email"):
            if name in body:
                values[name] = body[name]
        if "username" in body:
            values["username"] = (
                None if body["username"] is None else _check_username(db, body["username"], user_id)
            )
        db.update("v3_users", user_id, values)
        row = db.one("SELECT * FROM v3_users WHERE id = ?", [user_id])
    assert row is not None
    return user_read(row, principal)


@router.get("/users")
def list_users(request: Request, backend: BackendDep, principal: PrincipalDep) -> dict[str, Any]:
    """Users the caller may see, filtered, offset-paged."""
    query = query_params(request)
    db = backend.db
    if not principal.elevated and (query.get("platform_role") or query.get("sort") == "email"):
        raise HTTPException(
            403, "Not authorized: platform_role filters and email sort are for administrators"
        )
    rows = db.all("SELECT * FROM v3_users ORDER BY unique_id")
    visible = _visible_ids(db, principal)
    exact = query.get("permissive") is False

    def keep(row: Row) -> bool:
        if visible is not None and row["id"] not in visible:
            return False
        for name in ("first_name", "last_name"):
            wanted = query.get(name)
            value = str(row[name] or "").casefold()
            if wanted is not None and (
                value != wanted.casefold() if exact else wanted.casefold() not in value
            ):
                return False
        for name in ("username", "unique_id"):
            if query.get(name) is not None and row[name] != query[name]:
                return False
        if (
            query.get("email") is not None
            and str(row["email"] or "").casefold() != query["email"].casefold()
        ):
            return False
        if (
            query.get("is_service_account") is not None
            and bool(row["is_service_account"]) != query["is_service_account"]
        ):
            return False
        if query.get("platform_role") and row["platform_role"] not in query["platform_role"]:
            return False
        if query.get("q"):
            fields = query.get("search_fields") or [
                "first_name",
                "last_name",
                "username",
                "unique_id",
            ]
            text = query["q"].casefold()
            if not any(text in str(row.get(f) or "").casefold() for f in fields):
                return False
        return True

    found = [row for row in rows if keep(row)]
    sort = query.get("sort")
    if sort:

        def sort_key(row: Row) -> str:
            if sort == "name":
                return f"{row['last_name'] or ''} {row['first_name'] or ''}".casefold()
            return str(row.get(sort) or "").casefold()

        found.sort(key=sort_key, reverse=query.get("direction") == "desc")
    page = offset_page(found, limit=query.get("limit"), offset=query.get("offset"))
    page["items"] = [user_read(row, principal) for row in page["items"]]
    return page


@router.get("/users/search")
def search_users(request: Request, backend: BackendDep, principal: PrincipalDep) -> dict[str, Any]:
    """Users whose username or name contains ``q``, public fields only, at most 50."""
    query = query_params(request)
    text = str(query["q"]).casefold()
    limit = min(int(query.get("limit") or 20), SEARCH_CAP)
    rows = [
        row
        for row in backend.db.all("SELECT * FROM v3_users ORDER BY username, unique_id")
        if any(
            text in str(row[f] or "").casefold() for f in ("username", "first_name", "last_name")
        )
    ]
    return {"items": [public_user(row) for row in rows[:limit]]}


@router.post("/users")
def create_user(request: Request, backend: BackendDep, principal: ElevatedDep) -> dict[str, Any]:
    """Create or update (by ORCID or username) a human user; elevated admins only."""
    body = json_body(request) or {}
    info = body["user_info"]
    db = backend.db
    with db.transaction():
        existing = None
        if info.get("orcid"):
            existing = db.one("SELECT * FROM v3_users WHERE unique_id = ?", [info["orcid"]])
        if existing is None:
            existing = db.one(
                "SELECT * FROM v3_users WHERE username = ?", [info["username"].strip().lower()]
            )
        user_id = None if existing is None else int(existing["id"])
        username = _check_username(db, info["username"], user_id)
        values = {
            "username": username,
            "first_name": info["first_name"],
            "last_name": info["last_name"],
            "email": info.get("email"),
        }
        if user_id is None:
            user_id = db.insert(
                "v3_users",
                {
                    **values,
                    "unique_id": info.get("orcid") or mint_mfid(),
                    "creation_time": now_iso(),
                },
            )
        else:
            db.update("v3_users", user_id, values)
        for slug in body.get("project_ids") or []:
            project = find_project(db, slug)
            if project is not None:
                db.execute(
                    "INSERT OR IGNORE INTO v3_project_members VALUES (?, ?, 'contributor')",
                    [project["unique_id"], user_id],
                )
        row = db.one("SELECT * FROM v3_users WHERE id = ?", [user_id])
    assert row is not None
    return user_read(row, principal, admin_view=True)


@router.post("/users/resolve")
def resolve_users(request: Request, backend: BackendDep, principal: PrincipalDep) -> dict[str, Any]:
    """Map each given id, username or email to its public user (or null)."""
    body = json_body(request) or {}
    answer: dict[str, Any] = {}
    for key in ("orcids", "usernames", "emails"):
        for ref in body.get(key) or []:
            answer[ref] = public_user(find_user(backend.db, ref))
    return answer


@router.get("/users/{user_id}")
def get_user(user_id: str, backend: BackendDep, principal: PrincipalDep) -> dict[str, Any]:
    """One user by ORCID or MFID."""
    return user_read(user_or_404(backend.db, user_id), principal)


def _self_or_elevated(principal: Principal, row: Row) -> None:
    if row["id"] != principal.user_id and not principal.elevated:
        raise HTTPException(403, "Not authorized for another user's account")


@router.patch("/users/{user_id}")
def update_user(
    user_id: str, request: Request, backend: BackendDep, principal: PrincipalDep
) -> dict[str, Any]:
    """Change a user's names, email or username (the user themself or an elevated admin)."""
    row = user_or_404(backend.db, user_id)
    _self_or_elevated(principal, row)
    return apply_user_update(backend.db, principal, row["id"], json_body(request) or {})


@router.patch("/users/{user_id}/platform_role")
def set_user_platform_role(
    user_id: str, request: Request, backend: BackendDep, principal: ElevatedDep
) -> dict[str, Any]:
    """Set a human user's platform role (not one's own; never the last admin away)."""
    role = str((json_body(request) or {})["platform_role"])
    db = backend.db
    if role not in PLATFORM_ROLES:
        raise unprocessable(f"Unknown platform role {role!r}; use none, contributor or admin")
    with db.transaction():
        row = user_or_404(db, user_id)
        if row["is_service_account"]:
            raise HTTPException(409, "Service accounts change role through /service_accounts")
        if row["id"] == principal.user_id:
            raise HTTPException(409, "Administrators cannot change their own platform role")
        db.update("v3_users", row["id"], {"platform_role": role})
        fresh = db.one("SELECT * FROM v3_users WHERE id = ?", [row["id"]])
    assert fresh is not None
    return user_read(fresh, principal, admin_view=True)


@router.delete("/users/{user_id}/apikey")
def revoke_user_apikey(user_id: str, backend: BackendDep, principal: ElevatedDep) -> dict[str, Any]:
    """Revoke every API key of a user (both versions)."""
    db = backend.db
    with db.transaction():
        row = user_or_404(db, user_id)
        db.execute("DELETE FROM v3_keys WHERE user_id = ?", [row["id"]])
        db.execute(
            "DELETE FROM api_keys WHERE user_id IN (SELECT id FROM users WHERE orcid = ?)",
            [row["unique_id"]],
        )
    return {"detail": f"API keys of {row['unique_id']} revoked"}


@router.get("/users/{user_id}/apikey/verify")
def verify_user_apikey(
    user_id: str, backend: BackendDep, principal: PrincipalDep
) -> dict[str, Any]:
    """Key status of a user (themself or an elevated admin)."""
    row = user_or_404(backend.db, user_id)
    _self_or_elevated(principal, row)
    return key_status(backend.db, row["id"])


@router.get("/users/{user_id}/access_groups")
def list_user_access_groups(
    user_id: str, backend: BackendDep, principal: PrincipalDep
) -> list[str]:
    """A user's access groups (own id, project slugs, instrument MFIDs)."""
    row = user_or_404(backend.db, user_id)
    _self_or_elevated(principal, row)
    return group_ids(backend.db, row["id"])


@router.post("/users/{user_id}/access_groups/{group_name}")
def add_user_access_group(
    user_id: str, group_name: str, backend: BackendDep, principal: ElevatedDep
) -> dict[str, Any]:
    """Deprecated: add a user to a project's group (as contributor)."""
    db = backend.db
    row = user_or_404(db, user_id)
    project = find_project(db, group_name)
    if project is None:
        raise HTTPException(404, f"Access group {group_name} not found")
    db.execute(
        "INSERT OR IGNORE INTO v3_project_members VALUES (?, ?, 'contributor')",
        [project["unique_id"], row["id"]],
    )
    return {"group_name": group_name}


@router.delete("/users/{user_id}/access_groups/{group_name}")
def remove_user_access_group(
    user_id: str, group_name: str, backend: BackendDep, principal: ElevatedDep
) -> dict[str, Any]:
    """Deprecated: remove a user from a project's group."""
    db = backend.db
    row = user_or_404(db, user_id)
    project = find_project(db, group_name)
    if project is None:
        raise HTTPException(404, f"Access group {group_name} not found")
    db.execute(
        "DELETE FROM v3_project_members WHERE project_mfid = ? AND user_id = ?",
        [project["unique_id"], row["id"]],
    )
    return {"detail": f"{row['unique_id']} removed from {group_name}"}


@router.get("/users/{user_id}/projects")
def list_user_projects(
    user_id: str, request: Request, backend: BackendDep, principal: PrincipalDep
) -> dict[str, Any]:
    """Projects a user belongs to, each with that user's role."""
    from pycrucible.testing.v3.routes.projects import project_view

    db = backend.db
    query = query_params(request)
    row = user_or_404(db, user_id)
    _self_or_elevated(principal, row)
    members = db.all(
        "SELECT p.*, m.role AS member_role FROM v3_project_members m JOIN v3_projects p "
        "ON p.unique_id = m.project_mfid WHERE m.user_id = ? ORDER BY p.project_id",
        [row["id"]],
    )
    if query.get("role"):
        members = [m for m in members if m["member_role"] in query["role"]]
    page = offset_page(members, limit=query.get("limit"), offset=query.get("offset"))
    page["items"] = [
        {
            **project_view(db, principal, m, include_metadata=bool(query.get("include_metadata"))),
            "role": m["member_role"],
        }
        for m in page["items"]
    ]
    if query.get("include_total") is False:
        page["total"] = None
    return page


@router.get("/users/{user_ref}/datasets/{dataset_mfid}")
def get_user_dataset_access(
    user_ref: str, dataset_mfid: str, backend: BackendDep, principal: PrincipalDep
) -> dict[str, Any]:
    """A user's effective access to a dataset (others' access: elevated admins only)."""
    db = backend.db
    row = user_or_404(db, user_ref)
    _self_or_elevated(principal, row)
    found = find_record(db, dataset_mfid)
    if found is None or found[0] != "v3_datasets":
        raise HTTPException(404, f"Dataset {dataset_mfid} not found")
    subject = Principal(
        user_id=row["id"],
        unique_id=row["unique_id"],
        username=row["username"],
        platform_role=row["platform_role"],
        is_service_account=bool(row["is_service_account"]),
        elevated=False,
    )
    role = role_on(db, subject, found[1])
    if role is None and row["platform_role"] == "admin" and not row["is_service_account"]:
        role = "platform_admin"
    return {
        "resource_mfid": dataset_mfid,
        "user_id": row["unique_id"],
        "effective_access": role or "none",
    }
