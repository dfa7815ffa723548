"""The caller's own account: account, profile, API key, verify, project sync, join requests."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Request

from pycrucible.testing._enforce import json_body, query_params
from pycrucible.testing.v3.auth import BackendDep, PrincipalDep
from pycrucible.testing.v3.listing import offset_page
from pycrucible.testing.v3.records import group_ids, key_status, user_read
from pycrucible.testing.v3.routes.groups import join_request_view
from pycrucible.testing.v3.routes.users import apply_user_update

router = APIRouter()


@router.get("/account")
def get_account(backend: BackendDep, principal: PrincipalDep) -> dict[str, Any]:
    """Who the key belongs to, and their access groups."""
    row = backend.db.one("SELECT * FROM v3_users WHERE id = ?", [principal.user_id])
    assert row is not None
    return {
        "user_unique_id": principal.unique_id,
        "access_group_ids": group_ids(backend.db, principal.user_id),
        "user_info": user_read(row, principal),
    }


@router.get("/account/profile")
def get_account_profile(backend: BackendDep, principal: PrincipalDep) -> dict[str, Any]:
    """The caller's profile with platform role, privilege mode and capabilities."""
    row = backend.db.one("SELECT * FROM v3_users WHERE id = ?", [principal.user_id])
    assert row is not None
    human = not principal.is_service_account
    admin = principal.elevated
    return {
        "unique_id": row["unique_id"],
        "username": row["username"],
        "first_name": row["first_name"],
        "last_name": row["last_name"],
        "email": row["email"],
        "is_service_account": principal.is_service_account,
        "authorization": {
            "platform_role": principal.platform_role,
            "effective_privilege_mode": "elevated" if admin else "normal",
            "can_elevate": principal.can_elevate,
        },
        "capabilities": {
            "can_manage_service_accounts": admin,
            "can_manage_users": admin,
            "can_create_project": human,
            "can_register_instrument": human,
            "can_create_sample": True,
            "can_create_dataset": True,
            "can_create_for_others": admin,
        },
    }


@router.patch("/account/profile")
def update_account_profile(
    request: Request, backend: BackendDep, principal: PrincipalDep
) -> dict[str, Any]:
    """Change one's own names, email or username (``username: null`` clears it)."""
    return apply_user_update(backend.db, principal, principal.user_id, json_body(request) or {})


@router.get("/account/apikey")
def get_account_apikey(backend: BackendDep, principal: PrincipalDep) -> dict[str, Any]:
    """The caller's API key; 404 when the account has none."""
    db = backend.db
    key = db.scalar(
        "SELECT api_key FROM v3_keys WHERE user_id = ? ORDER BY rowid DESC LIMIT 1",
        [principal.user_id],
    )
    if key is None:
        key = db.scalar(
            "SELECT k.api_key FROM api_keys k JOIN users u ON u.id = k.user_id WHERE u.orcid = ? "
            "ORDER BY k.rowid LIMIT 1",
            [principal.unique_id],
        )
    if key is None:
        raise HTTPException(404, "No API key; use the web interface to generate one")
    return {"api_key": str(key)}


@router.get("/account/verify")
def verify_account_apikey(backend: BackendDep, principal: PrincipalDep) -> dict[str, Any]:
    """Whether the caller's key is valid, with its dates."""
    return key_status(backend.db, principal.user_id)


@router.post("/account/sync-projects")
def sync_account_projects(backend: BackendDep, principal: PrincipalDep) -> dict[str, Any]:
    """Refresh memberships from the proposal system (none here: nothing changes)."""
    projects = backend.db.all(
        "SELECT p.project_id FROM v3_project_members m JOIN v3_projects p "
        "ON p.unique_id = m.project_mfid WHERE m.user_id = ?",
        [principal.user_id],
    )
    return {
        "orcid": principal.unique_id,
        "projects_added": [],
        "projects_already_member": [p["project_id"] for p in projects],
        "projects_not_found": [],
    }


@router.get("/account/join_requests")
def list_account_join_requests(
    request: Request, backend: BackendDep, principal: PrincipalDep
) -> dict[str, Any]:
    """The caller's own join requests, most recent first."""
    query = query_params(request)
    sql = "SELECT * FROM v3_join_requests WHERE requester_id = ?"
    params: list[Any] = [principal.user_id]
    if query.get("status"):
        sql += " AND status = ?"
        params.append(query["status"])
    rows = backend.db.all(sql + " ORDER BY id DESC", params)
    page = offset_page(rows, limit=query.get("limit"), offset=query.get("offset"))
    page["items"] = [join_request_view(backend.db, row) for row in page["items"]]
    return page
