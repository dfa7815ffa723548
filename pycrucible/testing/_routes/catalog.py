"""Shared catalogue: instruments, keywords, lookup by MFID and a project's sample graph."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException

from pycrucible.testing._access import sample_access_sql
from pycrucible.testing._auth import AdminDep, BackendDep, CallerDep, dataset_or_none, sample_for
from pycrucible.testing._ids import new_mfid
from pycrucible.testing._models import InstrumentCreate
from pycrucible.testing._records import (
    INSTRUMENT_COLUMNS,
    dataset_out,
    keyword_counts,
    mfid_in_use,
    pick,
    sample_out,
)

router = APIRouter()


@router.get("/instruments", tags=["instruments"])
def list_instruments(
    caller: CallerDep,
    backend: BackendDep,
    instrument_name: str | None = None,
    unique_id: str | None = None,
) -> list[dict[str, Any]]:
    """Every instrument, or those with this name (ignoring case) or MFID."""
    clauses = ["1"]
    params = []
    if instrument_name is not None:
        clauses.append("casefold(instrument_name) = casefold(?)")
        params.append(instrument_name)
    if unique_id is not None:
        clauses.append("unique_id = ?")
        params.append(unique_id)
    where = " AND ".join(clauses)
    rows = backend.db.all(f"SELECT * FROM instruments WHERE {where} ORDER BY id", params)
    return [pick(row, INSTRUMENT_COLUMNS) for row in rows]


@router.post("/instruments", tags=["instruments"])
def create_instrument(
    body: InstrumentCreate, caller: AdminDep, backend: BackendDep
) -> dict[str, Any]:
    """Register an instrument (admin only)."""
    db = backend.db
    unique_id = body.unique_id or new_mfid()
    with db.transaction():
        if mfid_in_use(db, unique_id):
            raise HTTPException(409, f"A record with unique_id {unique_id!r} exists")
        instrument_id = db.insert("instruments", {**body.model_dump(), "unique_id": unique_id})
    row = db.one("SELECT * FROM instruments WHERE id = ?", [instrument_id])
    assert row is not None
    return pick(row, INSTRUMENT_COLUMNS)


@router.get("/keywords", tags=["datasets"])
def list_keywords(caller: CallerDep, backend: BackendDep) -> list[dict[str, Any]]:
    """Keywords of the datasets the caller may read, each with how many of them carry it."""
    return keyword_counts(backend.db, caller)


@router.get("/resources/{resource_id}", tags=["resources"])
def get_resource(resource_id: str, caller: CallerDep, backend: BackendDep) -> dict[str, Any] | None:
    """A dataset, sample or instrument by MFID, with its ``resource_type``; null when unknown."""
    db = backend.db
    dataset = dataset_or_none(db, caller, resource_id)
    if dataset is not None:
        return {**dataset_out(dataset), "resource_type": "dataset"}
    if db.one("SELECT 1 FROM samples WHERE unique_id = ?", [resource_id]):
        sample = sample_out(db, caller, sample_for(db, caller, resource_id))
        return {**sample, "resource_type": "sample"}
    instrument = db.one("SELECT * FROM instruments WHERE unique_id = ?", [resource_id])
    if instrument is not None:
        return {**pick(instrument, INSTRUMENT_COLUMNS), "resource_type": "instrument"}
    return None


@router.get("/projects/{project_id}/sample_graph", tags=["projects"])
def get_project_sample_graph(
    project_id: str, caller: CallerDep, backend: BackendDep
) -> dict[str, Any]:
    """The project's samples (those the caller may read) and their links, as node-link JSON."""
    db = backend.db
    if db.one("SELECT 1 FROM projects WHERE project_id = ?", [project_id]) is None:
        raise HTTPException(404, f"No project {project_id!r}")
    access, params = sample_access_sql(caller, write=False)
    samples = db.all(
        f"SELECT s.id, s.unique_id, s.sample_name FROM samples s "
        f"WHERE s.project_id = ? AND {access} ORDER BY s.id",
        [project_id, *params],
    )
    by_id = {row["id"]: row["unique_id"] for row in samples}
    links = [
        {"source": by_id[link["parent_id"]], "target": by_id[link["child_id"]]}
        for link in db.all("SELECT parent_id, child_id FROM sample_links ORDER BY rowid")
        if link["parent_id"] in by_id and link["child_id"] in by_id
    ]
    nodes = [{"id": row["unique_id"], "sample_name": row["sample_name"]} for row in samples]
    return {"directed": True, "multigraph": False, "graph": {}, "nodes": nodes, "links": links}
