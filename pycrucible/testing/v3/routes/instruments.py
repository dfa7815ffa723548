"""Instruments: slugs, lifecycle status, maintainers (grants) and bound service accounts."""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter, HTTPException, Request

from pycrucible.testing._db import Database, Row
from pycrucible.testing._enforce import json_body, query_params
from pycrucible.testing.v3.access import capabilities, rank
from pycrucible.testing.v3.auth import BackendDep, Principal, PrincipalDep
from pycrucible.testing.v3.db import dump_doc, load_doc, now_iso
from pycrucible.testing.v3.errors import unprocessable
from pycrucible.testing.v3.ids import mint_mfid
from pycrucible.testing.v3.listing import offset_page
from pycrucible.testing.v3.records import find_instrument, find_user, public_user
from pycrucible.testing.v3.routes.projects import SLUG, member_view

router = APIRouter()

STATUSES = ("active", "maintenance", "decommissioned")
DOC_FIELDS = (
    "location",
    "manufacturer",
    "model",
    "description",
    "instrument_type",
    "other_id",
    "other_id_source",
)
SEARCH_CAP = 50


def instrument_role(db: Database, principal: Principal, row: Row) -> str | None:
    """The caller's role on an instrument: owner, a maintainer grant, or none."""
    if principal.elevated:
        return "platform_admin"
    if row["owner_id"] == principal.user_id:
        return "owner"
    role = db.scalar(
        "SELECT role FROM v3_grants "
        "WHERE resource_mfid = ? AND principal_type = 'user' AND principal_id = ?",
        [row["unique_id"], principal.unique_id],
    )
    return None if role is None else str(role)


def instrument_view(
    db: Database,
    principal: Principal,
    row: Row,
    *,
    include_owner: bool = True,
    include_members: bool = False,
    include_metadata: bool = False,
) -> dict[str, Any]:
    """Return the API view of an instrument."""
    role = instrument_role(db, principal, row)
    owner = (
        None
        if row["owner_id"] is None
        else db.one("SELECT * FROM v3_users WHERE id = ?", [row["owner_id"]])
    )
    view: dict[str, Any] = {
        **{name: None for name in DOC_FIELDS},
        **load_doc(row),
        "unique_id": row["unique_id"],
        "instrument_id": row["instrument_id"],
        "instrument_name": row["instrument_name"],
        "status": row["status"],
        "owner_orcid": None if owner is None else owner["unique_id"],
        "public": True,
        "role": None if role == "platform_admin" else role,
        "creation_time": row["creation_time"],
        "modification_time": row["modification_time"],
        "resource_type": "instrument",
        "capabilities": {
            **capabilities(principal, role),
            "can_change_status": rank(role) >= rank("admin"),
        },
    }
    if include_owner:
        view["owner"] = public_user(owner)
    if include_metadata:
        body = db.scalar("SELECT body FROM v3_metadata WHERE resource_mfid = ?", [row["unique_id"]])
        view["scientific_metadata"] = None if body is None else json.loads(body)
    if include_members:
        members = None
        if role is not None:
            members = (
                []
                if owner is None
                else [
                    {
                        "principal_id": owner["unique_id"],
                        "principal_type": "user",
                        "permission": "owner",
                    }
                ]
            )
            members += [
                {
                    "principal_id": g["principal_id"],
                    "principal_type": g["principal_type"],
                    "permission": g["role"],
                }
                for g in db.all(
                    "SELECT * FROM v3_grants WHERE resource_mfid = ?", [row["unique_id"]]
                )
            ]
        view["members"] = members
    return view


def instrument_or_404(db: Database, mfid: str) -> Row:
    """Return an instrument by MFID, or raise 404 ``Instrument not found``."""
    row = db.one("SELECT * FROM v3_instruments WHERE unique_id = ?", [mfid])
    if row is None:
        raise HTTPException(404, "Instrument not found")
    return row


def _require(db: Database, principal: Principal, row: Row, role: str) -> None:
    if rank(instrument_role(db, principal, row)) < rank(role):
        raise HTTPException(403, "Not authorized for this instrument")


@router.get("/instruments")
def list_instruments(
    request: Request, backend: BackendDep, principal: PrincipalDep
) -> dict[str, Any]:
    """Instruments (``status`` active by default, every status for a slug lookup)."""
    db = backend.db
    query = query_params(request)
    rows = db.all("SELECT * FROM v3_instruments ORDER BY instrument_id")
    if query.get("instrument_id"):
        rows = [
            r for r in rows if r["instrument_id"].casefold() == query["instrument_id"].casefold()
        ]
    status = query.get("status") or (None if query.get("instrument_id") else "active")
    if status:
        rows = [r for r in rows if r["status"] == status]
    if query.get("instrument_name"):
        rows = [r for r in rows if r["instrument_name"] == query["instrument_name"]]
    for name in DOC_FIELDS:
        if query.get(name) is not None:
            rows = [r for r in rows if load_doc(r).get(name) == query[name]]
    if query.get("owner_id"):
        owner = find_user(db, query["owner_id"])
        rows = [r for r in rows if owner is not None and r["owner_id"] == owner["id"]]
    if query.get("affiliation"):
        wanted = set(query["affiliation"])
        rows = [
            r
            for r in rows
            if ("owner" in wanted and r["owner_id"] == principal.user_id)
            or ("maintainer" in wanted and instrument_role(db, principal, r) in ("editor", "admin"))
        ]
    sort = query.get("sort")
    column = {
        "instrument_id": "instrument_id",
        "name": "instrument_name",
        "created": "creation_time",
        "updated": "modification_time",
    }.get(str(sort), "instrument_id")
    descending = query.get("direction") == "desc" or (
        query.get("direction") is None and sort in ("created", "updated")
    )
    rows.sort(key=lambda r: str(r[column]).casefold(), reverse=descending)
    page = offset_page(rows, limit=query.get("limit"), offset=query.get("offset"))
    page["items"] = [
        {
            **instrument_view(
                db,
                principal,
                r,
                include_owner=bool(query.get("include_owner")),
                include_members=bool(query.get("include_members")),
                include_metadata=bool(query.get("include_metadata")),
            )
        }
        for r in page["items"]
    ]
    return page


@router.get("/instruments/search")
def search_instruments(
    request: Request, backend: BackendDep, principal: PrincipalDep
) -> dict[str, Any]:
    """Instruments whose name, type or manufacturer contains ``q``, at most 50."""
    query = query_params(request)
    text = str(query["q"]).casefold()
    limit = min(int(query.get("limit") or 20), SEARCH_CAP)
    found = []
    for row in backend.db.all("SELECT * FROM v3_instruments ORDER BY instrument_id"):
        doc = load_doc(row)
        haystack = " ".join(
            str(x or "")
            for x in (row["instrument_name"], doc.get("instrument_type"), doc.get("manufacturer"))
        )
        if text in haystack.casefold() and (
            not query.get("status") or row["status"] == query["status"]
        ):
            found.append(row)
    return {
        "items": [
            instrument_view(
                backend.db, principal, r, include_owner=bool(query.get("include_owner"))
            )
            for r in found[:limit]
        ]
    }


@router.get("/instruments/{instrument_mfid}")
def get_instrument(
    instrument_mfid: str, request: Request, backend: BackendDep, principal: PrincipalDep
) -> dict[str, Any]:
    """One instrument (404 ``Instrument not found``)."""
    query = query_params(request)
    return instrument_view(
        backend.db,
        principal,
        instrument_or_404(backend.db, instrument_mfid),
        include_owner=query.get("include_owner", True),
        include_members=bool(query.get("include_members")),
        include_metadata=bool(query.get("include_metadata")),
    )


@router.post("/instruments")
def create_instrument(
    request: Request, backend: BackendDep, principal: PrincipalDep
) -> dict[str, Any]:
    """Register an instrument (humans only); the caller owns it unless an admin names another.

    The slug is unique: a repeat (same ``instrument_id``) returns the existing instrument.
    """
    body = json_body(request) or {}
    db = backend.db
    if principal.is_service_account:
        raise HTTPException(403, "Service accounts cannot create instruments")
    if not SLUG.match(body["instrument_id"]):
        raise unprocessable(
            f"Invalid instrument_id {body['instrument_id']!r}: 3-25 letters, digits, _ or -"
        )
    with db.transaction():
        existing = find_instrument(db, body["instrument_id"])
        if existing is not None:
            return instrument_view(db, principal, existing)
        owner_id = principal.user_id
        ref = body.get("owner") or body.get("owner_orcid")
        if ref is not None:
            owner = find_user(db, ref)
            if owner is None:
                raise unprocessable(f"Unknown owner {ref}")
            if owner["id"] != principal.user_id and not principal.elevated:
                raise HTTPException(403, "Not authorized to register instruments for another user")
            owner_id = owner["id"]
        stamp = now_iso()
        mfid = mint_mfid()
        db.insert(
            "v3_instruments",
            {
                "unique_id": mfid,
                "instrument_id": body["instrument_id"],
                "instrument_name": body["instrument_name"],
                "owner_id": owner_id,
                "status": "active",
                "creation_time": stamp,
                "modification_time": stamp,
                "doc": dump_doc({k: body[k] for k in DOC_FIELDS if body.get(k) is not None}),
            },
        )
        row = instrument_or_404(db, mfid)
    return instrument_view(db, principal, row)


@router.patch("/instruments/{instrument_mfid}")
def update_instrument(
    instrument_mfid: str, request: Request, backend: BackendDep, principal: PrincipalDep
) -> dict[str, Any]:
    """Change an instrument's fields (editor role)."""
    body = json_body(request) or {}
    db = backend.db
    with db.transaction():
        row = instrument_or_404(db, instrument_mfid)
        _require(db, principal, row, "editor")
        values: dict[str, Any] = {"modification_time": now_iso()}
        if "instrument_id" in body and body["instrument_id"] != row["instrument_id"]:
            if (
                not SLUG.match(body["instrument_id"])
                or find_instrument(db, body["instrument_id"]) is not None
            ):
                raise unprocessable(f"instrument_id {body['instrument_id']!r} is invalid or taken")
            values["instrument_id"] = body["instrument_id"]
        if "instrument_name" in body:
            values["instrument_name"] = body["instrument_name"]
        doc = load_doc(row)
        doc.update({k: body[k] for k in DOC_FIELDS if k in body})
        values["doc"] = dump_doc(doc)
        db.update("v3_instruments", row["id"], values)
        fresh = instrument_or_404(db, instrument_mfid)
    return instrument_view(db, principal, fresh)


@router.post("/instruments/{instrument_mfid}/status")
def set_instrument_status(
    instrument_mfid: str, request: Request, backend: BackendDep, principal: PrincipalDep
) -> dict[str, Any]:
    """Set the lifecycle status (admin role): active, maintenance or decommissioned."""
    status = str(query_params(request)["status"])
    if status not in STATUSES:
        raise unprocessable(f"Unknown status {status!r}; use active, maintenance or decommissioned")
    db = backend.db
    row = instrument_or_404(db, instrument_mfid)
    _require(db, principal, row, "admin")
    db.update("v3_instruments", row["id"], {"status": status, "modification_time": now_iso()})
    return instrument_view(db, principal, instrument_or_404(db, instrument_mfid))


def bound_accounts(db: Database, instrument_mfid: str) -> list[dict[str, Any]]:
    """Service accounts bound to an instrument, with the ``operator`` role."""
    rows = db.all(
        "SELECT u.*, 'operator' AS role FROM v3_instrument_accounts a "
        "JOIN v3_users u ON u.id = a.user_id "
        "WHERE a.instrument_mfid = ? ORDER BY u.unique_id",
        [instrument_mfid],
    )
    return [member_view(r) for r in rows]


@router.get("/instruments/{instrument_mfid}/service_accounts")
def list_instrument_service_accounts(
    instrument_mfid: str, backend: BackendDep, principal: PrincipalDep
) -> list[dict[str, Any]]:
    """Bound service accounts."""
    instrument_or_404(backend.db, instrument_mfid)
    return bound_accounts(backend.db, instrument_mfid)


def _service_account(db: Database, sa_mfid: str) -> Row:
    row = db.one("SELECT * FROM v3_users WHERE unique_id = ? AND is_service_account = 1", [sa_mfid])
    if row is None:
        raise HTTPException(404, f"Service account {sa_mfid} not found")
    return row


@router.post("/instruments/{instrument_mfid}/service_accounts/{sa_mfid}")
def bind_instrument_service_account(
    instrument_mfid: str, sa_mfid: str, backend: BackendDep, principal: PrincipalDep
) -> list[dict[str, Any]]:
    """Bind a service account (admin role); it becomes contributor on the instrument's datasets."""
    db = backend.db
    row = instrument_or_404(db, instrument_mfid)
    _require(db, principal, row, "admin")
    account = _service_account(db, sa_mfid)
    db.execute(
        "INSERT OR IGNORE INTO v3_instrument_accounts VALUES (?, ?)",
        [instrument_mfid, account["id"]],
    )
    return bound_accounts(db, instrument_mfid)


@router.delete("/instruments/{instrument_mfid}/service_accounts/{sa_mfid}")
def unbind_instrument_service_account(
    instrument_mfid: str, sa_mfid: str, backend: BackendDep, principal: PrincipalDep
) -> list[dict[str, Any]]:
    """Unbind a service account (admin role)."""
    db = backend.db
    row = instrument_or_404(db, instrument_mfid)
    _require(db, principal, row, "admin")
    account = _service_account(db, sa_mfid)
    db.execute(
        "DELETE FROM v3_instrument_accounts WHERE instrument_mfid = ? AND user_id = ?",
        [instrument_mfid, account["id"]],
    )
    return bound_accounts(db, instrument_mfid)
