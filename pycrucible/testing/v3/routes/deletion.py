"""Deletion: request (hides the record from lists at once), review, hard delete, audit."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Request

from pycrucible.testing._db import Database, Row
from pycrucible.testing._enforce import query_params
from pycrucible.testing.v3.access import require_role
from pycrucible.testing.v3.auth import BackendDep, Principal, PrincipalDep
from pycrucible.testing.v3.db import load_doc, now_iso
from pycrucible.testing.v3.errors import unprocessable
from pycrucible.testing.v3.listing import offset_page
from pycrucible.testing.v3.records import RESOURCE_TYPES, public_user

router = APIRouter()


def _user(db: Database, user_id: int | None) -> Row | None:
    return None if user_id is None else db.one("SELECT * FROM v3_users WHERE id = ?", [user_id])


def _project_slug(db: Database, mfid: str | None) -> str | None:
    if mfid is None:
        return None
    slug = db.scalar("SELECT project_id FROM v3_projects WHERE unique_id = ?", [mfid])
    return None if slug is None else str(slug)


def _common(db: Database, row: Row) -> dict[str, Any]:
    requester = _user(db, row["requester_id"])
    reviewer = _user(db, row["reviewer_id"])
    return {
        "id": row["id"],
        "resource_type": row["resource_type"],
        "resource_id": row["resource_mfid"],
        "resource_name": row["resource_name"],
        "project_id": _project_slug(db, row["project_mfid"]),
        "project_mfid": row["project_mfid"],
        "requester_id": None if requester is None else requester["unique_id"],
        "requester": public_user(requester),
        "reason": row["reason"],
        "request_time": row["request_time"],
        "review_time": row["review_time"],
        "reviewer_id": None if reviewer is None else reviewer["unique_id"],
        "reviewer": public_user(reviewer),
        "reviewer_notes": row["reviewer_notes"],
    }


def request_view(db: Database, principal: Principal, row: Row) -> dict[str, Any]:
    """Return the API view of a deletion request."""
    view = _common(db, row)
    view["status"] = row["status"]
    view["capabilities"] = {"can_review": principal.elevated and row["status"] == "pending"}
    return view


@router.post("/resources/{mfid}/delete")
def request_resource_deletion(
    mfid: str, request: Request, backend: BackendDep, principal: PrincipalDep
) -> dict[str, Any]:
    """Ask for a record's deletion (editor role); it leaves every list at once."""
    db = backend.db
    with db.transaction():
        table, row = require_role(db, principal, mfid, "editor")
        if row["deletion_request_id"] is not None:
            raise HTTPException(409, "A deletion request for this resource is pending")
        doc = load_doc(row)
        request_id = db.insert(
            "v3_deletion_requests",
            {
                "resource_mfid": mfid,
                "resource_type": RESOURCE_TYPES[table],
                "resource_name": doc.get("dataset_name") or doc.get("sample_name"),
                "project_mfid": row["project_mfid"],
                "requester_id": principal.user_id,
                "reason": query_params(request).get("reason"),
                "status": "pending",
                "request_time": now_iso(),
            },
        )
        db.update(table, row["id"], {"deletion_request_id": request_id})
        stored = db.one("SELECT * FROM v3_deletion_requests WHERE id = ?", [request_id])
    assert stored is not None
    return request_view(db, principal, stored)


@router.get("/deletion_requests")
def list_deletion_requests(
    request: Request, backend: BackendDep, principal: PrincipalDep
) -> dict[str, Any]:
    """Deletion requests: one's own (``submitted``), or all for elevated admins."""
    query = query_params(request)
    db = backend.db
    scope = query.get("scope") or "accessible"
    if scope == "reviewable" and not principal.elevated:
        raise HTTPException(403, "Not authorized: reviewing needs elevated mode")
    sql = "SELECT * FROM v3_deletion_requests WHERE 1"
    params: list[Any] = []
    if scope == "submitted" or not principal.elevated:
        sql += " AND requester_id = ?"
        params.append(principal.user_id)
    if scope == "reviewable":
        sql += " AND status = 'pending'"
    if query.get("status"):
        sql += " AND status = ?"
        params.append(query["status"])
    if query.get("project_mfid"):
        sql += " AND project_mfid = ?"
        params.append(query["project_mfid"])
    order = "ASC" if query.get("direction") == "asc" else "DESC"
    rows = db.all(f"{sql} ORDER BY id {order}", params)
    page = offset_page(rows, limit=query.get("limit"), offset=query.get("offset"))
    page["items"] = [request_view(db, principal, row) for row in page["items"]]
    return page


def _request_for_admin(db: Database, principal: Principal, request_id: int) -> Row:
    if not principal.elevated:
        raise HTTPException(403, "Not authorized: platform administrators only (elevated mode)")
    row = db.one("SELECT * FROM v3_deletion_requests WHERE id = ?", [request_id])
    if row is None:
        raise HTTPException(404, f"Deletion request {request_id} not found")
    return row


@router.get("/deletion_requests/{request_id}")
def get_deletion_request(
    request_id: int, backend: BackendDep, principal: PrincipalDep
) -> dict[str, Any]:
    """One deletion request (elevated admins)."""
    return request_view(
        backend.db, principal, _request_for_admin(backend.db, principal, request_id)
    )


@router.patch("/deletion_requests/{request_id}")
def review_deletion_request(
    request_id: int, request: Request, backend: BackendDep, principal: PrincipalDep
) -> dict[str, Any]:
    """Approve (the record stays hidden) or reject (it comes back) a pending request."""
    query = query_params(request)
    db = backend.db
    with db.transaction():
        row = _request_for_admin(db, principal, request_id)
        if row["status"] != "pending":
            raise unprocessable(
                f"Deletion request {request_id} was reviewed already", "query", "status"
            )
        decision = str(query["status"])
        db.update(
            "v3_deletion_requests",
            request_id,
            {
                "status": decision,
                "review_time": now_iso(),
                "reviewer_id": principal.user_id,
                "reviewer_notes": query.get("reviewer_notes"),
            },
        )
        if decision == "rejected":
            for table in RESOURCE_TYPES:
                db.execute(
                    f"UPDATE {table} SET deletion_request_id = NULL WHERE unique_id = ?",
                    [row["resource_mfid"]],
                )
        fresh = db.one("SELECT * FROM v3_deletion_requests WHERE id = ?", [request_id])
    assert fresh is not None
    return request_view(db, principal, fresh)


def hard_delete(db: Database, table: str, row: Row, request: Row | None) -> None:
    """Remove a record with its links, grants and metadata, and write the audit entry."""
    mfid = row["unique_id"]
    doc = load_doc(row)
    db.insert(
        "v3_deletion_audit",
        {
            "request_id": None if request is None else request["id"],
            "resource_mfid": mfid,
            "resource_type": RESOURCE_TYPES[table],
            "resource_name": doc.get("dataset_name") or doc.get("sample_name"),
            "project_mfid": row["project_mfid"],
            "requester_id": None if request is None else request["requester_id"],
            "reason": None if request is None else request["reason"],
            "request_time": None if request is None else request["request_time"],
            "review_time": None if request is None else request["review_time"],
            "reviewer_id": None if request is None else request["reviewer_id"],
            "reviewer_notes": None if request is None else request["reviewer_notes"],
            "deleted_at": now_iso(),
        },
    )
    db.execute(f"DELETE FROM {table} WHERE id = ?", [row["id"]])
    for sql in (
        "DELETE FROM v3_grants WHERE resource_mfid = ?",
        "DELETE FROM v3_metadata WHERE resource_mfid = ?",
        "DELETE FROM v3_keywords WHERE dataset_mfid = ?",
    ):
        db.execute(sql, [mfid])
    db.execute("DELETE FROM v3_links WHERE parent_mfid = ? OR child_mfid = ?", [mfid, mfid])
    db.execute(
        "DELETE FROM v3_dataset_samples WHERE dataset_mfid = ? OR sample_mfid = ?", [mfid, mfid]
    )


@router.delete("/resources/{mfid}")
def delete_resource(
    mfid: str, request: Request, backend: BackendDep, principal: PrincipalDep
) -> dict[str, Any]:
    """Hard delete (elevated admins): needs an approved request unless ``force=true``."""
    if not principal.elevated:
        raise HTTPException(403, "Not authorized: platform administrators only (elevated mode)")
    db = backend.db
    with db.transaction():
        table, row = require_role(db, principal, mfid, "viewer")
        approved = db.one(
            "SELECT * FROM v3_deletion_requests WHERE resource_mfid = ? AND status = 'approved' "
            "ORDER BY id DESC LIMIT 1",
            [mfid],
        )
        if approved is None and not query_params(request).get("force"):
            raise HTTPException(409, f"Resource {mfid} has no approved deletion request")
        hard_delete(db, table, row, approved)
    return {"detail": f"Resource {mfid} permanently deleted"}


def audit_view(db: Database, row: Row) -> dict[str, Any]:
    """Return the API view of an audit entry."""
    view = _common(db, row)
    view["deleted_at"] = row["deleted_at"]
    return view


@router.get("/deletion_audit")
def list_deletion_audit_logs(
    request: Request, backend: BackendDep, principal: PrincipalDep
) -> dict[str, Any]:
    """Audit entries, newest deletion first (one's own requests unless elevated)."""
    query = query_params(request)
    db = backend.db
    sql = "SELECT a.* FROM v3_deletion_audit a WHERE 1"
    params: list[Any] = []
    if query.get("scope") == "submitted" or not principal.elevated:
        sql += " AND a.requester_id = ?"
        params.append(principal.user_id)
    if query.get("resource_id"):
        sql += " AND a.resource_mfid = ?"
        params.append(query["resource_id"])
    if query.get("project_mfid"):
        sql += " AND a.project_mfid = ?"
        params.append(query["project_mfid"])
    order = "ASC" if query.get("direction") == "asc" else "DESC"
    rows = db.all(f"{sql} ORDER BY a.id {order}", params)
    page = offset_page(rows, limit=query.get("limit"), offset=query.get("offset"))
    page["items"] = [audit_view(db, row) for row in page["items"]]
    return page


@router.get("/deletion_audit/{audit_id}")
def get_deletion_audit_log(
    audit_id: int, backend: BackendDep, principal: PrincipalDep
) -> dict[str, Any]:
    """One audit entry (elevated admins)."""
    if not principal.elevated:
        raise HTTPException(403, "Not authorized: platform administrators only (elevated mode)")
    row = backend.db.one("SELECT * FROM v3_deletion_audit WHERE id = ?", [audit_id])
    if row is None:
        raise HTTPException(404, f"Audit entry {audit_id} not found")
    return audit_view(backend.db, row)
