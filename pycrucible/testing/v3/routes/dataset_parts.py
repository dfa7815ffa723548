"""Parts of a dataset: keywords, instrument assignment, processing requests.

Thumbnails are in :mod:`pycrucible.testing.v3.routes.files` (ingestion makes them).
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Request

from pycrucible.testing._db import Database, Row
from pycrucible.testing._enforce import json_body, query_params
from pycrucible.testing.v3.access import readable_sql, require_role
from pycrucible.testing.v3.auth import BackendDep, Principal, PrincipalDep
from pycrucible.testing.v3.db import now_iso
from pycrucible.testing.v3.errors import unprocessable
from pycrucible.testing.v3.records import resolve_instrument

router = APIRouter()


def dataset_row(db: Database, principal: Principal, mfid: str, role: str) -> Row:
    """Return a dataset the caller holds ``role`` on (404 for samples and unknown ids)."""
    table, row = require_role(db, principal, mfid, role)
    if table != "v3_datasets":
        raise HTTPException(404, f"Dataset {mfid} not found")
    return row


def keyword_counts(db: Database, principal: Principal, keywords: list[str]) -> list[dict[str, Any]]:
    """Return ``{keyword, num_datasets}`` counting only datasets the caller may read."""
    condition, params = readable_sql(principal)
    answer = []
    for keyword in keywords:
        count = db.scalar(
            "SELECT count(*) FROM v3_keywords k "
            f"JOIN v3_datasets r ON r.unique_id = k.dataset_mfid "
            f"WHERE k.keyword = ? AND {condition}",
            [keyword, *params],
        )
        answer.append({"keyword": keyword, "num_datasets": int(count or 0)})
    return answer


@router.get("/datasets/{dataset_mfid}/keywords")
def list_dataset_keywords(
    dataset_mfid: str, backend: BackendDep, principal: PrincipalDep
) -> list[dict[str, Any]]:
    """A dataset's keywords with how many readable datasets carry each."""
    dataset_row(backend.db, principal, dataset_mfid, "viewer")
    rows = backend.db.all(
        "SELECT keyword FROM v3_keywords WHERE dataset_mfid = ? ORDER BY keyword", [dataset_mfid]
    )
    return keyword_counts(backend.db, principal, [r["keyword"] for r in rows])


@router.post("/datasets/{dataset_mfid}/keywords")
def add_dataset_keyword(
    dataset_mfid: str, request: Request, backend: BackendDep, principal: PrincipalDep
) -> dict[str, Any]:
    """Add a keyword (editor role); adding it twice is harmless."""
    keyword = str(query_params(request)["keyword"]).strip()
    if not keyword:
        raise unprocessable("keyword must not be blank")
    db = backend.db
    dataset_row(db, principal, dataset_mfid, "editor")
    db.execute("INSERT OR IGNORE INTO v3_keywords VALUES (?, ?)", [dataset_mfid, keyword])
    return keyword_counts(db, principal, [keyword])[0]


def _instrument_ref(row: Row | None) -> dict[str, Any] | None:
    if row is None:
        return None
    return {
        "unique_id": row["unique_id"],
        "instrument_id": row["instrument_id"],
        "instrument_name": row["instrument_name"],
    }


@router.put("/datasets/{dataset_mfid}/instrument")
def assign_dataset_instrument(
    dataset_mfid: str, request: Request, backend: BackendDep, principal: PrincipalDep
) -> dict[str, Any]:
    """Assign the dataset's instrument (admin role on the dataset); slug and MFID must agree."""
    body = json_body(request) or {}
    if not body.get("instrument_id") and not body.get("instrument_mfid"):
        raise unprocessable("Give instrument_id or instrument_mfid")
    db = backend.db
    with db.transaction():
        dataset = dataset_row(db, principal, dataset_mfid, "admin")
        instrument = resolve_instrument(db, body.get("instrument_id"), body.get("instrument_mfid"))
        assert instrument is not None
        previous = None
        if dataset["instrument_mfid"]:
            previous = db.one(
                "SELECT * FROM v3_instruments WHERE unique_id = ?", [dataset["instrument_mfid"]]
            )
        db.update(
            "v3_datasets",
            dataset["id"],
            {"instrument_mfid": instrument["unique_id"], "modification_time": now_iso()},
        )
    return {
        "dataset_mfid": dataset_mfid,
        "previous_instrument": _instrument_ref(previous),
        "previous_instrument_name": None if previous is None else previous["instrument_name"],
        "instrument": _instrument_ref(instrument),
    }


def _processing(db: Database, principal: Principal, dataset_mfid: str, kind: str) -> dict[str, Any]:
    dataset_row(db, principal, dataset_mfid, "contributor")
    stamp = now_iso()
    request_id = db.insert(
        "v3_processing",
        {
            "dataset_mfid": dataset_mfid,
            "kind": kind,
            "status": "requested",
            "time_requested": stamp,
        },
    )
    return {
        "id": request_id,
        "dataset_mfid": dataset_mfid,
        "request_type": kind,
        "status": "requested",
        "time_requested": stamp,
    }


@router.post("/datasets/{dataset_mfid}/carrier_segmentation")
def request_carrier_segmentation(
    dataset_mfid: str, backend: BackendDep, principal: PrincipalDep
) -> dict[str, Any]:
    """Queue carrier segmentation."""
    return _processing(backend.db, principal, dataset_mfid, "carrier_segmentation")


@router.post("/datasets/{dataset_mfid}/insitu_spec_aggregation")
def request_insitu_spec_aggregation(
    dataset_mfid: str, backend: BackendDep, principal: PrincipalDep
) -> dict[str, Any]:
    """Queue in-situ spectra aggregation."""
    return _processing(backend.db, principal, dataset_mfid, "insitu_spec_aggregation")


@router.post("/datasets/{dataset_mfid}/mosaic_stitch")
def request_mosaic_stitch(
    dataset_mfid: str, backend: BackendDep, principal: PrincipalDep
) -> dict[str, Any]:
    """Queue mosaic stitching."""
    return _processing(backend.db, principal, dataset_mfid, "mosaic_stitch")


@router.post("/datasets/{dataset_mfid}/rga_analysis")
def request_rga_analysis(
    dataset_mfid: str, backend: BackendDep, principal: PrincipalDep
) -> dict[str, Any]:
    """Queue RGA analysis."""
    return _processing(backend.db, principal, dataset_mfid, "rga_analysis")
