"""Facets of datasets and samples: value counts over the records the caller can read."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Request

from pycrucible.testing._db import Database
from pycrucible.testing._enforce import query_params
from pycrucible.testing.v3.auth import BackendDep, Principal, PrincipalDep
from pycrucible.testing.v3.ids import decode_cursor, encode_cursor
from pycrucible.testing.v3.listing import DEFAULT_LIMIT, PAGE_CAP
from pycrucible.testing.v3.routes._records import DATASETS, SAMPLES, Kind, list_filters

router = APIRouter()

DATASET_FIELDS = {
    "session": "json_extract(r.doc, '$.session_name')",
    "measurement": "json_extract(r.doc, '$.measurement')",
    "data_format": "json_extract(r.doc, '$.data_format')",
    "owner": "r.owner_id",
    "instrument": "r.instrument_mfid",
    "project": "r.project_mfid",
}
SAMPLE_FIELDS = {
    "sample_type": "json_extract(r.doc, '$.sample_type')",
    "owner": "r.owner_id",
    "project": "r.project_mfid",
}


def _bucket(db: Database, field: str, value: Any, count: int) -> dict[str, Any]:
    bucket: dict[str, Any] = {
        "value": value,
        "label": None if value is None else str(value),
        "count": count,
    }
    if field == "owner" and value is not None:
        user = db.one("SELECT * FROM v3_users WHERE id = ?", [value])
        if user is not None:
            bucket["value"] = user["unique_id"]
            bucket["label"] = (
                " ".join(x for x in (user["first_name"], user["last_name"]) if x)
                or user["unique_id"]
            )
            bucket["owner"] = {"unique_id": user["unique_id"], "username": user["username"]}
    elif field == "project" and value is not None:
        project = db.one("SELECT * FROM v3_projects WHERE unique_id = ?", [value])
        if project is not None:
            bucket["label"] = project["project_id"]
            bucket["project"] = {
                "unique_id": value,
                "project_id": project["project_id"],
                "title": project["title"],
            }
    elif field == "instrument" and value is not None:
        instrument = db.one("SELECT * FROM v3_instruments WHERE unique_id = ?", [value])
        if instrument is not None:
            bucket["label"] = instrument["instrument_name"]
            bucket["instrument"] = {
                "unique_id": value,
                "instrument_name": instrument["instrument_name"],
            }
    return bucket


def facets(
    db: Database, principal: Principal, kind: Kind, fields: dict[str, str], request: Request
) -> dict[str, Any]:
    """Answer a facet request: buckets sorted by value, label or count; offset cursor."""
    query = dict(query_params(request))
    field = str(query.pop("field"))
    if field not in fields:
        raise HTTPException(
            422,
            [
                {
                    "type": "enum",
                    "loc": ["query", "field"],
                    "msg": f"Input should be one of {sorted(fields)}",
                    "input": field,
                }
            ],
        )
    sort, direction = query.pop("sort", None) or "value", query.pop("direction", None) or "asc"
    limit = min(query.pop("limit", None) or DEFAULT_LIMIT, PAGE_CAP)
    cursor = query.pop("cursor", None)
    start = 0
    if cursor is not None:
        decoded = decode_cursor(cursor)
        if decoded is None or not decoded.isdigit():
            raise HTTPException(
                422,
                [
                    {
                        "type": "value_error",
                        "loc": ["query", "cursor"],
                        "msg": "Invalid cursor",
                        "input": cursor,
                    }
                ],
            )
        start = int(decoded)
    where = list_filters(db, principal, kind, query)
    sql = " AND ".join(s for s, _ in where)
    params = [p for _, values in where for p in values]
    expression = fields[field]
    rows = db.all(
        f"SELECT {expression} AS value, count(*) AS count "
        f"FROM {kind.table} r WHERE {sql} GROUP BY value",
        params,
    )
    buckets = [_bucket(db, field, row["value"], row["count"]) for row in rows]
    key = {"count": lambda b: b["count"], "label": lambda b: str(b["label"] or "")}.get(
        str(sort), lambda b: str(b["value"] or "")
    )
    buckets.sort(key=key, reverse=direction == "desc")
    page = buckets[start : start + limit]
    more = start + limit < len(buckets)
    return {
        "field": field,
        "items": page,
        "limit": limit,
        "next_cursor": encode_cursor(str(start + limit)) if more else None,
    }


@router.get("/datasets/facets")
def list_dataset_facets(
    request: Request, backend: BackendDep, principal: PrincipalDep
) -> dict[str, Any]:
    """Dataset counts per session, measurement, data_format, owner, instrument or project."""
    return facets(backend.db, principal, DATASETS, DATASET_FIELDS, request)


@router.get("/samples/facets")
def list_sample_facets(
    request: Request, backend: BackendDep, principal: PrincipalDep
) -> dict[str, Any]:
    """Sample counts per sample_type, owner or project."""
    return facets(backend.db, principal, SAMPLES, SAMPLE_FIELDS, request)
