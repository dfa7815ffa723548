"""What datasets and samples share: create, list (keyset), get, patch and search."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from fastapi import HTTPException, Request

from pycrucible.testing._db import Database, Row
from pycrucible.testing._enforce import json_body, query_params
from pycrucible.testing.v3.access import readable_sql, require_role
from pycrucible.testing.v3.auth import Principal
from pycrucible.testing.v3.db import dump_doc, load_doc, now_iso
from pycrucible.testing.v3.errors import unprocessable
from pycrucible.testing.v3.ids import mint_mfid
from pycrucible.testing.v3.listing import keyset_page
from pycrucible.testing.v3.records import (
    find_project,
    find_user,
    record_view,
    resolve_instrument,
    resolve_owner,
    resolve_project,
)
from pycrucible.testing.v3.routes.resources import links_of

SEARCH_CAP = 50

RELATION_FIELDS = frozenset(
    {
        "unique_id",
        "public",
        "owner",
        "owner_orcid",
        "project_id",
        "project_mfid",
        "instrument_id",
        "instrument_mfid",
        "instrument_name",
    }
)
"""Create fields that become columns or references; every other field is stored as given."""

HANDLED_QUERY = frozenset(
    {
        *RELATION_FIELDS,
        "limit",
        "cursor",
        "offset",
        "sort",
        "direction",
        "include_metadata",
        "include_links",
        "include_owner",
        "include_total",
        "include_datasets",
        "accessible_to_user",
        "accessible_to_project",
        "affiliation",
        "anchor_mfid",
        "project_scope",
        "visibility",
        "keyword",
        "sample_mfid",
        "dataset_mfid",
        "owner_id",
    }
)
"""Query parameters with their own meaning; any other one filters the stored fields exactly.

So a new optional field needs only the contract: it is stored, returned, updated and
filtered (``<field>`` and ``<field>_is_null``) without a change here.
"""

_FIELD = re.compile(r"^[a-z][a-z0-9_]*$")


@dataclass(frozen=True)
class Kind:
    """One record kind: its table, its free fields and its name field."""

    table: str
    label: str
    fields: tuple[str, ...]
    name_field: str


DATASETS = Kind(
    "v3_datasets",
    "Dataset",
    ("dataset_name", "measurement", "data_type", "session_name", "data_format", "timestamp"),
    "dataset_name",
)
SAMPLES = Kind(
    "v3_samples",
    "Sample",
    ("sample_name", "sample_type", "description", "timestamp"),
    "sample_name",
)


def _doc_condition(field: str, value: Any) -> tuple[str, list[Any]]:
    return f"json_extract(r.doc, '$.{field}') = ?", [value]


def create_record(
    db: Database, principal: Principal, kind: Kind, request: Request
) -> dict[str, Any]:
    """Create a dataset or sample from the validated body.

    Raises:
        HTTPException: 409 for a ``unique_id`` in use; 422/403 from owner, project and
            instrument resolution.
    """
    body: dict[str, Any] = dict(json_body(request) or {})
    mfid = body.get("unique_id") or mint_mfid()
    if body.get("owner") is not None and body.get("owner_orcid") is not None:
        owner_a, owner_b = find_user(db, body["owner"]), find_user(db, body["owner_orcid"])
        if owner_a is None or owner_b is None or owner_a["id"] != owner_b["id"]:
            raise unprocessable("owner and owner_orcid name different users")
    with db.transaction():
        if any(
            db.one(f"SELECT 1 FROM {t} WHERE unique_id = ?", [mfid])
            for t in ("v3_datasets", "v3_samples")
        ):
            raise HTTPException(409, f"A record with unique_id {mfid} exists")
        owner = resolve_owner(db, principal, body.get("owner") or body.get("owner_orcid"))
        project = resolve_project(db, principal, body.get("project_id"), body.get("project_mfid"))
        instrument = None
        if kind is DATASETS:
            instrument = resolve_instrument(
                db, body.get("instrument_id"), body.get("instrument_mfid")
            )
            if instrument is None and body.get("instrument_name"):
                instrument = db.one(
                    "SELECT * FROM v3_instruments WHERE instrument_name = ?",
                    [body["instrument_name"]],
                )
        stamp = now_iso()
        doc = {k: v for k, v in body.items() if k not in RELATION_FIELDS and v is not None}
        db.insert(
            kind.table,
            {
                "unique_id": mfid,
                "owner_id": owner["id"],
                "project_mfid": None if project is None else project["unique_id"],
                "instrument_mfid": None if instrument is None else instrument["unique_id"],
                "public": int(bool(body.get("public", False))),
                "creation_time": stamp,
                "modification_time": stamp,
                "doc": dump_doc(doc),
            },
        )
        if body.get("public"):
            db.execute(
                "INSERT OR REPLACE INTO v3_grants VALUES (?, 'public', '*', 'viewer')", [mfid]
            )
        row = db.one(f"SELECT * FROM {kind.table} WHERE unique_id = ?", [mfid])
    assert row is not None
    return record_view(db, principal, kind.table, row, include_owner=True)


def list_filters(
    db: Database, principal: Principal, kind: Kind, query: dict[str, Any]
) -> list[tuple[str, list[Any]]]:
    """Return the SQL conditions of a list request (visibility first)."""
    if query.get("direction") is not None and query.get("sort") is None:
        raise HTTPException(
            422,
            [
                {
                    "type": "value_error",
                    "loc": ["query", "direction"],
                    "msg": "direction needs sort",
                    "input": query["direction"],
                }
            ],
        )
    where = [readable_sql(principal), ("r.deletion_request_id IS NULL", [])]
    for name, value in query.items():
        if name in HANDLED_QUERY or name.endswith(("_gte", "_lte")) or not _FIELD.match(name):
            continue
        if name.endswith("_is_null"):
            field = name[: -len("_is_null")]
            if field not in HANDLED_QUERY:
                test = "IS NULL" if value else "IS NOT NULL"
                where.append((f"json_extract(r.doc, '$.{field}') {test}", []))
        else:
            where.append(_doc_condition(name, value))
    if "instrument_name" in query:
        where.append(
            (
                "r.instrument_mfid IN "
                "(SELECT unique_id FROM v3_instruments WHERE instrument_name = ?)",
                [query["instrument_name"]],
            )
        )
    for column in ("unique_id", "project_mfid", "instrument_mfid"):
        if column in query:
            where.append((f"r.{column} = ?", [query[column]]))
        if query.get(f"{column}_is_null") is not None:
            where.append((f"r.{column} IS {'' if query[f'{column}_is_null'] else 'NOT '}NULL", []))
    if "project_id" in query:
        project = find_project(db, query["project_id"])
        where.append(("r.project_mfid = ?", [None if project is None else project["unique_id"]]))
    if "public" in query:
        where.append(("r.public = ?", [int(query["public"])]))
    if query.get("visibility") in ("public", "private"):
        where.append(("r.public = ?", [int(query["visibility"] == "public")]))
    for name in ("owner_id", "owner_orcid"):
        if name in query:
            user = find_user(db, query[name])
            where.append(("r.owner_id = ?", [None if user is None else user["id"]]))
    if "owner" in (query.get("affiliation") or []):
        where.append(("r.owner_id = ?", [principal.user_id]))
    for name, op in (("creation_time_gte", ">="), ("creation_time_lte", "<=")):
        if name in query:
            where.append((f"r.creation_time {op} ?", [query[name]]))
    for name, op in (("modification_time_gte", ">="), ("modification_time_lte", "<=")):
        if name in query:
            where.append((f"r.modification_time {op} ?", [query[name]]))
    if "keyword" in query and kind is DATASETS:
        where.append(
            (
                "r.unique_id IN (SELECT dataset_mfid FROM v3_keywords WHERE "
                "instr(casefold(keyword), casefold(?)) > 0)",
                [query["keyword"]],
            )
        )
    if "sample_mfid" in query:
        where.append(
            (
                "r.unique_id IN "
                "(SELECT dataset_mfid FROM v3_dataset_samples WHERE sample_mfid = ?)",
                [query["sample_mfid"]],
            )
        )
    if "dataset_mfid" in query:
        where.append(
            (
                "r.unique_id IN "
                "(SELECT sample_mfid FROM v3_dataset_samples WHERE dataset_mfid = ?)",
                [query["dataset_mfid"]],
            )
        )
    return where


def list_records(
    db: Database, principal: Principal, kind: Kind, request: Request
) -> dict[str, Any]:
    """Answer a keyset list request of datasets or samples."""
    query = query_params(request)
    where = list_filters(db, principal, kind, query)
    include_owner = bool(query.get("include_owner"))
    include_metadata = bool(query.get("include_metadata"))

    def view(row: Row) -> dict[str, Any]:
        return record_view(
            db,
            principal,
            kind.table,
            row,
            include_owner=include_owner,
            include_metadata=include_metadata,
        )

    return keyset_page(
        db,
        kind.table,
        where,
        limit=query.get("limit"),
        cursor=query.get("cursor"),
        include_total=query.get("include_total"),
        view=view,
        ascending=query.get("direction") == "asc",
    )


def get_record(
    db: Database, principal: Principal, kind: Kind, mfid: str, request: Request
) -> dict[str, Any]:
    """Answer a single-record GET (404 unknown, 403 unreadable), with its links if asked."""
    table, row = require_role(db, principal, mfid, "viewer")
    if table != kind.table:
        raise HTTPException(404, f"{kind.label} {mfid} not found")
    query = query_params(request)
    view = record_view(
        db,
        principal,
        table,
        row,
        include_owner=bool(query.get("include_owner")),
        include_metadata=bool(query.get("include_metadata")),
    )
    if query.get("include_links"):
        view["links"] = links_of(db, principal, mfid)
    return view


def patch_record(
    db: Database, principal: Principal, kind: Kind, mfid: str, request: Request
) -> dict[str, Any]:
    """Apply a partial update (editor role); fields set to null are cleared."""
    body: dict[str, Any] = dict(json_body(request) or {})
    with db.transaction():
        table, row = require_role(db, principal, mfid, "editor")
        if table != kind.table:
            raise HTTPException(404, f"{kind.label} {mfid} not found")
        doc = load_doc(row)
        for name, value in body.items():
            if value is None:
                doc.pop(name, None)
            else:
                doc[name] = value
        db.update(table, row["id"], {"doc": dump_doc(doc), "modification_time": now_iso()})
        fresh = db.one(f"SELECT * FROM {table} WHERE id = ?", [row["id"]])
    assert fresh is not None
    return record_view(db, principal, table, fresh)


def search_records(
    db: Database, principal: Principal, kind: Kind, request: Request
) -> dict[str, Any]:
    """Answer a search: case-insensitive substring of the name, at most 50, best first."""
    query = query_params(request)
    limit = min(int(query.get("limit") or 20), SEARCH_CAP)
    text = str(query.get("q") or "")
    condition, params = readable_sql(principal)
    sql = (
        f"SELECT r.* FROM {kind.table} r WHERE {condition} AND r.deletion_request_id IS NULL "
        f"AND instr(casefold(coalesce(json_extract(r.doc, '$.{kind.name_field}'), '')), "
        "casefold(?)) > 0"
    )
    args: list[Any] = [*params, text]
    if query.get("project_id"):
        project = find_project(db, query["project_id"])
        sql += " AND r.project_mfid = ?"
        args.append(None if project is None else project["unique_id"])
    rows = db.all(sql + " ORDER BY r.unique_id DESC LIMIT 2000", args)
    name = kind.name_field
    rows.sort(
        key=lambda r: (
            not str(json.loads(r["doc"]).get(name, "")).casefold().startswith(text.casefold())
        )
    )
    return {"items": [record_view(db, principal, kind.table, row) for row in rows[:limit]]}
