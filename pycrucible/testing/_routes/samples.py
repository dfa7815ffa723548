"""Samples: list, create, read, update, parent/child links, dataset links, type metadata."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Body, HTTPException, Query
from pydantic import AfterValidator

from pycrucible.testing._access import Caller
from pycrucible.testing._auth import BackendDep, CallerDep, dataset_for, sample_for
from pycrucible.testing._db import Database
from pycrucible.testing._ids import new_mfid
from pycrucible.testing._limits import check_metadata_depth
from pycrucible.testing._models import DatasetListQuery, SampleCreate, SampleFilters, SampleUpdate
from pycrucible.testing._ownership import owner_for_create, owner_for_update
from pycrucible.testing._records import (
    add_link,
    datasets_out,
    mfid_in_use,
    query_datasets,
    query_samples,
    remove_link,
    sample_out,
)

router = APIRouter(tags=["samples"])

SampleQuery = Annotated[SampleFilters, Query()]


def _sample(db: Database, caller: Caller, sample_id: int) -> dict[str, Any]:
    row = db.one("SELECT * FROM samples WHERE id = ?", [sample_id])
    assert row is not None
    return sample_out(db, caller, row)


@router.get("/samples")
def list_samples(
    filters: SampleQuery, caller: CallerDep, backend: BackendDep
) -> list[dict[str, Any]]:
    """Samples the caller may read, filtered, oldest first."""
    return query_samples(backend.db, caller, filters)


@router.post("/samples")
def create_sample(body: SampleCreate, caller: CallerDep, backend: BackendDep) -> dict[str, Any]:
    """Create a sample owned by the caller (only an admin may name another owner)."""
    db = backend.db
    unique_id = body.unique_id or new_mfid()
    values = body.model_dump(exclude={"unique_id"})
    owner_for_create(db, caller, values)
    with db.transaction():
        if mfid_in_use(db, unique_id):
            raise HTTPException(409, f"A record with unique_id {unique_id!r} exists")
        sample_id = db.insert("samples", {"unique_id": unique_id, **values})
    return _sample(db, caller, sample_id)


@router.get("/samples/{sample_id}")
def get_sample(sample_id: str, caller: CallerDep, backend: BackendDep) -> dict[str, Any] | None:
    """One sample with its linked datasets, or null when unknown."""
    db = backend.db
    if db.one("SELECT 1 FROM samples WHERE unique_id = ?", [sample_id]) is None:
        return None
    return sample_out(db, caller, sample_for(db, caller, sample_id))


@router.patch("/samples/{sample_id}")
def update_sample(
    sample_id: str, body: SampleUpdate, caller: CallerDep, backend: BackendDep
) -> dict[str, Any]:
    """Change the fields present in the body; needs write access."""
    db = backend.db
    row = sample_for(db, caller, sample_id, write=True)
    values = body.model_dump(exclude_unset=True)
    owner_for_update(db, caller, row, values)
    db.update("samples", row["id"], values)
    return _sample(db, caller, row["id"])


@router.get("/samples/{sample_id}/children")
def list_sample_children(
    sample_id: str, filters: SampleQuery, caller: CallerDep, backend: BackendDep
) -> list[dict[str, Any]]:
    """Child samples the caller may read, filtered."""
    parent = sample_for(backend.db, caller, sample_id)
    scope = "s.id IN (SELECT child_id FROM sample_links WHERE parent_id = ?)"
    return query_samples(backend.db, caller, filters, scope=scope, scope_params=[parent["id"]])


@router.get("/samples/{sample_id}/parents")
def list_sample_parents(
    sample_id: str, filters: SampleQuery, caller: CallerDep, backend: BackendDep
) -> list[dict[str, Any]]:
    """Parent samples the caller may read, filtered."""
    child = sample_for(backend.db, caller, sample_id)
    scope = "s.id IN (SELECT parent_id FROM sample_links WHERE child_id = ?)"
    return query_samples(backend.db, caller, filters, scope=scope, scope_params=[child["id"]])


@router.post("/samples/{parent_id}/children/{child_id}")
def link_samples(
    parent_id: str, child_id: str, caller: CallerDep, backend: BackendDep
) -> dict[str, Any]:
    """Make one sample a child of another; self-links and cycles answer 400."""
    db = backend.db
    parent = sample_for(db, caller, parent_id)
    child = sample_for(db, caller, child_id, write=True)
    if not add_link(db, "sample_links", parent["id"], child["id"]):
        raise HTTPException(400, "The link would make a sample its own ancestor")
    return {"parent_id": parent_id, "child_id": child_id}


@router.delete("/samples/{parent_id}/children/{child_id}")
def unlink_samples(
    parent_id: str, child_id: str, caller: CallerDep, backend: BackendDep
) -> dict[str, Any]:
    """Remove a parent/child link."""
    db = backend.db
    parent = sample_for(db, caller, parent_id)
    child = sample_for(db, caller, child_id, write=True)
    if not remove_link(db, "sample_links", parent["id"], child["id"]):
        raise HTTPException(404, "No such link")
    return {"detail": f"Removed link {parent_id} -> {child_id}"}


@router.get("/samples/{sample_id}/datasets")
def list_sample_datasets(
    sample_id: str,
    query: Annotated[DatasetListQuery, Query()],
    caller: CallerDep,
    backend: BackendDep,
) -> list[dict[str, Any]]:
    """Datasets linked to a sample that the caller may read, filtered, optionally with metadata."""
    sample = sample_for(backend.db, caller, sample_id)
    scope = "d.id IN (SELECT dataset_id FROM dataset_samples WHERE sample_id = ?)"
    rows = query_datasets(backend.db, caller, query, scope=scope, scope_params=[sample["id"]])
    return datasets_out(backend.db, rows, include_metadata=query.include_metadata)


@router.get("/datasets/{dsid}/samples")
def list_dataset_samples(
    dsid: str, filters: SampleQuery, caller: CallerDep, backend: BackendDep
) -> list[dict[str, Any]]:
    """Samples linked to a dataset that the caller may read, filtered."""
    dataset = dataset_for(backend.db, caller, dsid)
    scope = "s.id IN (SELECT sample_id FROM dataset_samples WHERE dataset_id = ?)"
    return query_samples(backend.db, caller, filters, scope=scope, scope_params=[dataset["id"]])


@router.post("/datasets/{dsid}/samples/{sample_id}")
def add_sample_to_dataset(
    dsid: str, sample_id: str, caller: CallerDep, backend: BackendDep
) -> dict[str, Any]:
    """Link a sample to a dataset; linking twice is harmless."""
    db = backend.db
    dataset = dataset_for(db, caller, dsid, write=True)
    sample = sample_for(db, caller, sample_id)
    db.execute(
        "INSERT OR IGNORE INTO dataset_samples (dataset_id, sample_id) VALUES (?, ?)",
        [dataset["id"], sample["id"]],
    )
    return {"dataset_id": dsid, "sample_id": sample_id}


@router.delete("/datasets/{dsid}/samples/{sample_id}")
def remove_sample_from_dataset(
    dsid: str, sample_id: str, caller: CallerDep, backend: BackendDep
) -> dict[str, Any]:
    """Remove the link between a dataset and a sample."""
    db = backend.db
    dataset = dataset_for(db, caller, dsid, write=True)
    sample = sample_for(db, caller, sample_id)
    removed = db.execute(
        "DELETE FROM dataset_samples WHERE dataset_id = ? AND sample_id = ?",
        [dataset["id"], sample["id"]],
    )
    if not removed:
        raise HTTPException(404, "No such link")
    return {"detail": f"Removed sample {sample_id} from dataset {dsid}"}


@router.post("/samples/{sample_id}/metadata/{sample_type}")
def add_sample_metadata(
    sample_id: str,
    sample_type: str,
    body: Annotated[dict[str, Any], AfterValidator(check_metadata_depth), Body()],
    caller: CallerDep,
    backend: BackendDep,
) -> dict[str, Any]:
    """Store the fields of the sample's type-specific table, replacing any."""
    db = backend.db
    sample = sample_for(db, caller, sample_id, write=True)
    db.execute(
        "INSERT INTO sample_metadata (sample_id, sample_type, body) VALUES (?, ?, ?) "
        "ON CONFLICT (sample_id, sample_type) DO UPDATE SET body = excluded.body",
        [sample["id"], sample_type, json.dumps(body)],
    )
    return body


@router.get("/samples/{sample_id}/metadata/{sample_type}")
def get_sample_metadata(
    sample_id: str, sample_type: str, caller: CallerDep, backend: BackendDep
) -> dict[str, Any] | None:
    """The fields of the sample's type-specific table, or null."""
    db = backend.db
    sample = sample_for(db, caller, sample_id)
    body = db.scalar(
        "SELECT body FROM sample_metadata WHERE sample_id = ? AND sample_type = ?",
        [sample["id"], sample_type],
    )
    return None if body is None else dict(json.loads(body))
