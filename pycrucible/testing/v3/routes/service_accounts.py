"""Service accounts (elevated admins): keys shown once, rotation, platform role."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Request

from pycrucible.testing._db import Database, Row
from pycrucible.testing._enforce import json_body, query_params
from pycrucible.testing.v3.auth import BackendDep, ElevatedDep
from pycrucible.testing.v3.db import PLATFORM_ROLES, now_iso
from pycrucible.testing.v3.errors import unprocessable
from pycrucible.testing.v3.ids import MFID, mint_api_key, mint_mfid
from pycrucible.testing.v3.listing import offset_page
from pycrucible.testing.v3.records import key_status
from pycrucible.testing.v3.routes.users import _check_username

router = APIRouter()


def account_view(db: Database, row: Row) -> dict[str, Any]:
    """Return the admin view of a service account (never its key)."""
    return {
        "unique_id": row["unique_id"],
        "username": row["username"],
        "first_name": row["first_name"],
        "last_name": row["last_name"],
        "email": row["email"],
        "is_service_account": True,
        "platform_role": row["platform_role"],
        "api_key_status": key_status(db, row["id"]),
    }


def new_key(db: Database, row: Row) -> dict[str, Any]:
    """Replace an account's keys by a new one and return it (the only time it is shown)."""
    key = mint_api_key()
    db.execute("DELETE FROM v3_keys WHERE user_id = ?", [row["id"]])
    db.execute("INSERT INTO v3_keys VALUES (?, ?, ?, NULL)", [key, row["id"], now_iso()])
    return {
        "unique_id": row["unique_id"],
        "username": row["username"],
        "is_service_account": True,
        "api_key": key,
    }


def account_or_404(db: Database, sa_mfid: str) -> Row:
    """Return a service account by MFID, or raise 404."""
    row = db.one("SELECT * FROM v3_users WHERE unique_id = ? AND is_service_account = 1", [sa_mfid])
    if row is None:
        raise HTTPException(404, f"Service account {sa_mfid} not found")
    return row


@router.post("/service_accounts")
def create_service_account(
    request: Request, backend: BackendDep, principal: ElevatedDep
) -> dict[str, Any]:
    """Create a service account and return its key once; 409 for a taken username or id."""
    body = json_body(request) or {}
    db = backend.db
    with db.transaction():
        username = body["username"].strip().lower()
        mfid = body.get("unique_id") or mint_mfid()
        if not MFID.match(mfid):
            raise unprocessable("unique_id must be an MFID")
        if db.one("SELECT 1 FROM v3_users WHERE username = ? OR unique_id = ?", [username, mfid]):
            raise HTTPException(409, "A user with this username or unique_id exists")
        _check_username(db, username, None)
        user_id = db.insert(
            "v3_users",
            {
                "unique_id": mfid,
                "username": username,
                "is_service_account": 1,
                "platform_role": "none",
                "creation_time": now_iso(),
            },
        )
        row = db.one("SELECT * FROM v3_users WHERE id = ?", [user_id])
        assert row is not None
        return new_key(db, row)


@router.get("/service_accounts")
def list_service_accounts(
    request: Request, backend: BackendDep, principal: ElevatedDep
) -> dict[str, Any]:
    """Service accounts, optionally whose username contains ``q``."""
    query = query_params(request)
    rows = backend.db.all("SELECT * FROM v3_users WHERE is_service_account = 1 ORDER BY username")
    if query.get("q"):
        rows = [r for r in rows if query["q"].casefold() in str(r["username"]).casefold()]
    page = offset_page(rows, limit=query.get("limit"), offset=query.get("offset"))
    page["items"] = [account_view(backend.db, r) for r in page["items"]]
    return page


@router.get("/service_accounts/{sa_mfid}")
def get_service_account(
    sa_mfid: str, backend: BackendDep, principal: ElevatedDep
) -> dict[str, Any]:
    """One service account."""
    return account_view(backend.db, account_or_404(backend.db, sa_mfid))


@router.patch("/service_accounts/{sa_mfid}")
def update_service_account(
    sa_mfid: str, request: Request, backend: BackendDep, principal: ElevatedDep
) -> dict[str, Any]:
    """Set a service account's platform role (none, contributor or admin)."""
    role = str((json_body(request) or {})["platform_role"])
    if role not in PLATFORM_ROLES:
        raise unprocessable(f"Unknown platform role {role!r}")
    db = backend.db
    row = account_or_404(db, sa_mfid)
    db.update("v3_users", row["id"], {"platform_role": role})
    return account_view(db, account_or_404(db, sa_mfid))


@router.post("/service_accounts/{sa_mfid}/rotate_key")
def rotate_service_account_key(
    sa_mfid: str, backend: BackendDep, principal: ElevatedDep
) -> dict[str, Any]:
    """Replace the key (the old one stops working at once); the new key is shown once."""
    db = backend.db
    with db.transaction():
        return new_key(db, account_or_404(db, sa_mfid))
