"""Any dataset or sample by MFID: record, links, metadata, access, ownership and project."""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter, HTTPException, Request

from pycrucible.testing._db import Database, Row
from pycrucible.testing._enforce import json_body, query_params
from pycrucible.testing._limits import check_metadata_depth
from pycrucible.testing.v3.access import readable_sql, require_role
from pycrucible.testing.v3.auth import BackendDep, Principal, PrincipalDep
from pycrucible.testing.v3.db import load_doc, now_iso
from pycrucible.testing.v3.errors import unprocessable
from pycrucible.testing.v3.records import (
    RESOURCE_TYPES,
    find_project,
    find_user,
    project_role,
    record_view,
)

router = APIRouter()

SEARCH_CAP = 50


def _name(table: str, row: Row) -> str | None:
    doc = load_doc(row)
    value = doc.get("dataset_name" if table == "v3_datasets" else "sample_name")
    return None if value is None else str(value)


def links_of(db: Database, principal: Principal, mfid: str) -> list[dict[str, Any]]:
    """Return the links of a record the caller may see, relative to it.

    Linked records with a deletion request (pending or approved) are left out, as in lists.
    """
    found: list[dict[str, Any]] = []
    rows = db.all(
        "SELECT parent_mfid, child_mfid, relationship_type FROM v3_links "
        "WHERE parent_mfid = ? OR child_mfid = ?",
        [mfid, mfid],
    )
    pairs = [
        (
            r["child_mfid"] if r["parent_mfid"] == mfid else r["parent_mfid"],
            "source" if r["parent_mfid"] == mfid else "target",
            r["relationship_type"],
        )
        for r in rows
    ]
    pairs += [
        (r["other"], "undirected", None)
        for r in db.all(
            "SELECT sample_mfid AS other FROM v3_dataset_samples WHERE dataset_mfid = ? UNION "
            "SELECT dataset_mfid AS other FROM v3_dataset_samples WHERE sample_mfid = ?",
            [mfid, mfid],
        )
    ]
    for other, direction, relationship_type in pairs:
        for table in RESOURCE_TYPES:
            condition, params = readable_sql(principal)
            row = db.one(
                f"SELECT r.* FROM {table} r WHERE r.unique_id = ? AND {condition} "
                "AND r.deletion_request_id IS NULL",  # hidden while a deletion is under way
                [other, *params],
            )
            if row is not None:
                relationship = {"source": "child", "target": "parent"}.get(direction, "associated")
                found.append(
                    {
                        "unique_id": other,
                        "resource_type": RESOURCE_TYPES[table],
                        "name": _name(table, row),
                        "direction": direction,
                        "relationship": relationship,
                        "relationship_type": relationship_type,
                    }
                )
    return found


@router.get("/resources/metadata/search")
def search_resource_metadata(
    request: Request, backend: BackendDep, principal: PrincipalDep
) -> dict[str, Any]:
    """Records whose metadata text contains ``q`` (case-insensitive), at most 50."""
    query = query_params(request)
    limit = min(int(query.get("limit") or 20), SEARCH_CAP)
    items: list[dict[str, Any]] = []
    for table, kind in RESOURCE_TYPES.items():
        condition, params = readable_sql(principal)
        rows = backend.db.all(
            f"SELECT r.*, m.body AS metadata FROM {table} r JOIN v3_metadata m "
            f"ON m.resource_mfid = r.unique_id WHERE {condition} "
            "AND r.deletion_request_id IS NULL AND instr(casefold(m.body), casefold(?)) > 0 "
            "ORDER BY r.unique_id DESC LIMIT ?",
            [*params, str(query["q"]), limit],
        )
        for row in rows:
            owner = backend.db.scalar(
                "SELECT unique_id FROM v3_users WHERE id = ?", [row["owner_id"]]
            )
            items.append(
                {
                    "unique_id": row["unique_id"],
                    "resource_type": kind,
                    "name": _name(table, row),
                    "owner_orcid": owner,
                    "creation_time": row["creation_time"],
                    "modification_time": row["modification_time"],
                    "rank": 1.0,
                    "scientific_metadata": json.loads(row["metadata"]),
                }
            )
    return {"items": items[:limit]}


@router.get("/resources/{mfid}")
def get_resource(
    mfid: str, request: Request, backend: BackendDep, principal: PrincipalDep
) -> dict[str, Any]:
    """Any dataset or sample, with its ``resource_type`` and ``capabilities``."""
    table, row = require_role(backend.db, principal, mfid, "viewer")
    query = query_params(request)
    view = record_view(
        backend.db,
        principal,
        table,
        row,
        include_owner=query.get("include_owner", True),
        include_metadata=bool(query.get("include_metadata")),
    )
    if query.get("include_links"):
        view["links"] = links_of(backend.db, principal, mfid)
    return view


@router.get("/resources/{mfid}/links")
def list_resource_links(
    mfid: str, backend: BackendDep, principal: PrincipalDep
) -> list[dict[str, Any]]:
    """Parents, children and associated records the caller may read."""
    require_role(backend.db, principal, mfid, "viewer")
    return links_of(backend.db, principal, mfid)


def _metadata(db: Database, mfid: str) -> dict[str, Any] | None:
    body = db.scalar("SELECT body FROM v3_metadata WHERE resource_mfid = ?", [mfid])
    return None if body is None else {"unique_id": mfid, "scientific_metadata": json.loads(body)}


def _store_metadata(db: Database, table: str, mfid: str, value: dict[str, Any]) -> None:
    db.execute(
        "INSERT INTO v3_metadata (resource_mfid, body) VALUES (?, ?) "
        "ON CONFLICT (resource_mfid) DO UPDATE SET body = excluded.body",
        [mfid, json.dumps(value)],
    )
    db.execute(f"UPDATE {table} SET modification_time = ? WHERE unique_id = ?", [now_iso(), mfid])


def check_depth(value: dict[str, Any]) -> None:
    """Refuse metadata nested too deeply (422), reusing the seed-era rule."""
    try:
        check_metadata_depth(value)
    except ValueError as exc:
        raise HTTPException(
            422, [{"type": "value_error", "loc": ["body"], "msg": str(exc), "input": None}]
        ) from None


def _metadata_body(request: Request) -> dict[str, Any]:
    body = json_body(request)
    if not isinstance(body, dict):
        raise unprocessable("Metadata must be a JSON object")
    check_depth(body)
    return body


@router.get("/resources/{mfid}/metadata")
def get_resource_metadata(
    mfid: str, backend: BackendDep, principal: PrincipalDep
) -> dict[str, Any] | None:
    """The record's metadata, or 200 with ``null`` when it has none."""
    require_role(backend.db, principal, mfid, "viewer")
    return _metadata(backend.db, mfid)


@router.post("/resources/{mfid}/metadata")
def replace_resource_metadata(
    mfid: str, request: Request, backend: BackendDep, principal: PrincipalDep
) -> dict[str, Any] | None:
    """Store metadata; 409 when some exists unless ``overwrite=true`` (then replaced)."""
    body = _metadata_body(request)
    db = backend.db
    with db.transaction():
        table, _ = require_role(db, principal, mfid, "editor")
        if _metadata(db, mfid) is not None and not query_params(request).get("overwrite"):
            raise HTTPException(409, "Metadata exists; use overwrite=true or PATCH to merge")
        _store_metadata(db, table, mfid, body)
        return _metadata(db, mfid)


def deep_merge(base: dict[str, Any], patch: dict[str, Any]) -> dict[str, Any]:
    """Merge ``patch`` into ``base``: nested objects merge, other values replace."""
    merged = dict(base)
    for key, value in patch.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = deep_merge(merged[key], value)
        else:
            merged[key] = value
    return merged


@router.patch("/resources/{mfid}/metadata")
def merge_resource_metadata(
    mfid: str, request: Request, backend: BackendDep, principal: PrincipalDep
) -> dict[str, Any] | None:
    """Deep-merge metadata into the stored one (created when absent)."""
    body = _metadata_body(request)
    db = backend.db
    with db.transaction():
        table, _ = require_role(db, principal, mfid, "editor")
        current = _metadata(db, mfid)
        stored = {} if current is None else current["scientific_metadata"]
        merged = deep_merge(stored, body)
        check_depth(merged)
        _store_metadata(db, table, mfid, merged)
        return _metadata(db, mfid)


def _user_read(row: Row | None) -> dict[str, Any] | None:
    if row is None:
        return None
    return {
        "unique_id": row["unique_id"],
        "username": row["username"],
        "first_name": row["first_name"],
        "last_name": row["last_name"],
        "is_service_account": bool(row["is_service_account"]),
    }


@router.post("/resources/{mfid}/transfer_ownership")
def transfer_resource_ownership(
    mfid: str, request: Request, backend: BackendDep, principal: PrincipalDep
) -> dict[str, Any]:
    """Preview (default) or, with ``confirm=true``, make another user the owner."""
    db = backend.db
    body = json_body(request) or {}
    with db.transaction():
        table, row = require_role(db, principal, mfid, "owner")
        new_owner = find_user(db, str(body.get("new_owner")))
        if new_owner is None:
            raise HTTPException(404, f"User {body.get('new_owner')} not found")
        previous = db.one("SELECT * FROM v3_users WHERE id = ?", [row["owner_id"]])
        if query_params(request).get("confirm"):
            db.update(
                table, row["id"], {"owner_id": new_owner["id"], "modification_time": now_iso()}
            )
    return {
        "resource_id": mfid,
        "previous_owner": _user_read(previous),
        "new_owner": _user_read(new_owner),
    }


@router.post("/resources/{mfid}/project")
def reassign_resource_project(
    mfid: str, request: Request, backend: BackendDep, principal: PrincipalDep
) -> dict[str, Any]:
    """Preview (default) or, with ``confirm=true``, move the record to another project."""
    db = backend.db
    body = json_body(request) or {}
    refs = [body[key] for key in ("project_mfid", "project_id") if body.get(key)]
    if len(refs) != 1:
        raise unprocessable("Give exactly one of project_mfid and project_id")
    with db.transaction():
        table, row = require_role(db, principal, mfid, "owner")
        project = find_project(db, str(refs[0]))
        if project is None:
            raise HTTPException(404, f"Project {refs[0]} not found")
        if not principal.elevated and project_role(db, principal, project["unique_id"]) not in (
            "contributor",
            "editor",
            "admin",
            "owner",
        ):
            raise HTTPException(403, "Not authorized to move records into this project")
        previous = None
        if row["project_mfid"]:
            previous = db.one(
                "SELECT * FROM v3_projects WHERE unique_id = ?", [row["project_mfid"]]
            )
        if query_params(request).get("confirm"):
            db.update(
                table,
                row["id"],
                {"project_mfid": project["unique_id"], "modification_time": now_iso()},
            )
    return {
        "resource_id": mfid,
        "resource_mfid": mfid,
        "previous_project_id": None if previous is None else previous["project_id"],
        "previous_project_mfid": None if previous is None else previous["unique_id"],
        "new_project_id": project["project_id"],
        "new_project_mfid": project["unique_id"],
    }
