"""Access groups (project slugs) and join requests."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Request

from pycrucible.testing._db import Database, Row
from pycrucible.testing._enforce import json_body, query_params
from pycrucible.testing.v3.auth import BackendDep, Principal, PrincipalDep
from pycrucible.testing.v3.db import now_iso
from pycrucible.testing.v3.listing import offset_page
from pycrucible.testing.v3.records import find_project, project_role

router = APIRouter()


def join_request_view(db: Database, row: Row) -> dict[str, Any]:
    """Return the API view of a join request."""
    requester = db.scalar("SELECT unique_id FROM v3_users WHERE id = ?", [row["requester_id"]])
    reviewer = None
    if row["reviewer_id"] is not None:
        reviewer = db.scalar("SELECT unique_id FROM v3_users WHERE id = ?", [row["reviewer_id"]])
    return {
        "id": row["id"],
        "group_name": row["group_name"],
        "requester_id": requester,
        "reason": row["reason"],
        "status": row["status"],
        "request_time": row["request_time"],
        "review_time": row["review_time"],
        "reviewer_id": reviewer,
        "reviewer_notes": row["reviewer_notes"],
    }


def _leads(db: Database, principal: Principal, group_name: str) -> bool:
    project = find_project(db, group_name)
    return project is not None and project_role(db, principal, project["unique_id"]) in (
        "admin",
        "owner",
    )


@router.post("/access_groups/{group_name}/join")
def join_access_group(
    group_name: str, request: Request, backend: BackendDep, principal: PrincipalDep
) -> dict[str, Any]:
    """Ask to join a project's group; 404 unknown, 409 already a member or pending."""
    db = backend.db
    body = json_body(request) or {}
    with db.transaction():
        project = find_project(db, group_name)
        if project is None:
            raise HTTPException(404, f"Access group {group_name} not found")
        if project_role(db, principal, project["unique_id"]) is not None:
            raise HTTPException(409, "Already a member of this group")
        if db.one(
            "SELECT 1 FROM v3_join_requests "
            "WHERE group_name = ? AND requester_id = ? AND status = 'pending'",
            [project["project_id"], principal.user_id],
        ):
            raise HTTPException(409, "A join request for this group is pending")
        request_id = db.insert(
            "v3_join_requests",
            {
                "group_name": project["project_id"],
                "requester_id": principal.user_id,
                "reason": body.get("reason"),
                "status": "pending",
                "request_time": now_iso(),
            },
        )
        row = db.one("SELECT * FROM v3_join_requests WHERE id = ?", [request_id])
    assert row is not None
    return join_request_view(db, row)


@router.get("/join_requests")
def list_join_requests(
    request: Request, backend: BackendDep, principal: PrincipalDep
) -> dict[str, Any]:
    """Join requests: all for elevated admins, one's own group (``group_name``) for leads."""
    db = backend.db
    query = query_params(request)
    group = query.get("group_name")
    if not principal.elevated and (group is None or not _leads(db, principal, group)):
        raise HTTPException(403, "Not authorized: administrators, or group leads with group_name")
    sql = "SELECT * FROM v3_join_requests WHERE 1"
    params: list[Any] = []
    if group is not None:
        project = find_project(db, group)
        sql += " AND group_name = ?"
        params.append(group if project is None else project["project_id"])
    if query.get("status"):
        sql += " AND status = ?"
        params.append(query["status"])
    if query.get("requester_id"):
        sql += " AND requester_id = (SELECT id FROM v3_users WHERE unique_id = ?)"
        params.append(query["requester_id"])
    rows = db.all(sql + " ORDER BY id DESC", params)
    page = offset_page(rows, limit=query.get("limit"), offset=query.get("offset"))
    page["items"] = [join_request_view(db, r) for r in page["items"]]
    return page


@router.patch("/join_requests/{request_id}")
def review_join_request(
    request_id: int, request: Request, backend: BackendDep, principal: PrincipalDep
) -> dict[str, Any]:
    """Approve (the requester becomes a viewer member) or reject; 409 when reviewed already."""
    db = backend.db
    body = json_body(request) or {}
    with db.transaction():
        row = db.one("SELECT * FROM v3_join_requests WHERE id = ?", [request_id])
        if row is None:
            raise HTTPException(404, f"Join request {request_id} not found")
        if not principal.elevated and not _leads(db, principal, row["group_name"]):
            raise HTTPException(403, "Not authorized to review this join request")
        if row["status"] != "pending":
            raise HTTPException(409, f"Join request {request_id} was reviewed already")
        db.update(
            "v3_join_requests",
            request_id,
            {
                "status": body["status"],
                "review_time": now_iso(),
                "reviewer_id": principal.user_id,
                "reviewer_notes": body.get("reviewer_notes"),
            },
        )
        if body["status"] == "approved":
            project = find_project(db, row["group_name"])
            if project is not None:
                db.execute(
                    "INSERT OR IGNORE INTO v3_project_members VALUES (?, ?, 'viewer')",
                    [project["unique_id"], row["requester_id"]],
                )
        fresh = db.one("SELECT * FROM v3_join_requests WHERE id = ?", [request_id])
    assert fresh is not None
    return join_request_view(db, fresh)
