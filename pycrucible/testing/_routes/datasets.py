"""Datasets: list, create, read, update, delete (501), parent/child links and access groups."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query

from pycrucible.testing._auth import (
    AdminDep,
    BackendDep,
    CallerDep,
    dataset_for,
    dataset_or_none,
)
from pycrucible.testing._db import Database, Row
from pycrucible.testing._ids import new_mfid
from pycrucible.testing._models import (
    DatasetCreate,
    DatasetFields,
    DatasetFilters,
    DatasetListQuery,
    DatasetUpdate,
)
from pycrucible.testing._ownership import owner_for_create, owner_for_update
from pycrucible.testing._records import (
    add_link,
    dataset_out,
    datasets_out,
    mfid_in_use,
    query_datasets,
    remove_link,
)
from pycrucible.testing._workers import now_iso

router = APIRouter(tags=["datasets"])


def resolved_fields(db: Database, body: DatasetFields) -> dict[str, Any]:
    """Return the columns a create or update sets, with owner and instrument made consistent.

    Only fields present in the body are returned; an instrument given by id gets its name (and
    the other way round). Owner and project fields are checked by the ownership rules.
    """
    values = body.model_dump(exclude_unset=True)
    if values.get("public", False) is None:
        del values["public"]  # not nullable: an explicit null changes nothing
    if values.get("instrument_id") is not None and values.get("instrument_name") is None:
        name = db.scalar(
            "SELECT instrument_name FROM instruments WHERE id = ?", [values["instrument_id"]]
        )
        if name is not None:
            values["instrument_name"] = name
    elif values.get("instrument_name") is not None and values.get("instrument_id") is None:
        values["instrument_id"] = db.scalar(
            "SELECT id FROM instruments WHERE casefold(instrument_name) = casefold(?) ORDER BY id",
            [values["instrument_name"]],
        )
    return values


def _dataset_row(db: Database, dataset_id: int) -> Row:
    row = db.one("SELECT * FROM datasets WHERE id = ?", [dataset_id])
    assert row is not None
    return row


@router.get("/datasets")
def list_datasets(
    query: Annotated[DatasetListQuery, Query()], caller: CallerDep, backend: BackendDep
) -> list[dict[str, Any]]:
    """Datasets the caller may read, filtered, oldest first."""
    rows = query_datasets(backend.db, caller, query)
    return datasets_out(backend.db, rows, include_metadata=query.include_metadata)


@router.post("/datasets")
def create_dataset(body: DatasetCreate, caller: CallerDep, backend: BackendDep) -> dict[str, Any]:
    """Create a dataset owned by the caller (only an admin may name another owner)."""
    db = backend.db
    unique_id = body.unique_id or new_mfid()
    values = resolved_fields(db, body)
    values.pop("unique_id", None)
    owner_for_create(db, caller, values)
    values["public"] = bool(values.get("public"))
    values["creation_time"] = values.get("creation_time") or now_iso()
    with db.transaction():
        if mfid_in_use(db, unique_id):
            raise HTTPException(409, f"A record with unique_id {unique_id!r} exists")
        dataset_id = db.insert("datasets", {"unique_id": unique_id, **values})
    return dataset_out(_dataset_row(db, dataset_id))


@router.get("/datasets/{dsid}")
def get_dataset(dsid: str, caller: CallerDep, backend: BackendDep) -> dict[str, Any] | None:
    """One dataset, or null when unknown."""
    row = dataset_or_none(backend.db, caller, dsid)
    return None if row is None else dataset_out(row)


@router.patch("/datasets/{dsid}")
def update_dataset(
    dsid: str, body: DatasetUpdate, caller: CallerDep, backend: BackendDep
) -> dict[str, Any]:
    """Change the fields present in the body; needs write access (owner changes: see rules)."""
    db = backend.db
    row = dataset_for(db, caller, dsid, write=True)
    values = resolved_fields(db, body)
    owner_for_update(db, caller, row, values)
    db.update("datasets", row["id"], values)
    return dataset_out(_dataset_row(db, row["id"]))


@router.delete("/datasets/{dsid}")
def delete_dataset(dsid: str, caller: CallerDep) -> dict[str, Any]:
    """Hard deletion: not implemented by the API (501)."""
    raise HTTPException(501, "Dataset deletion is not implemented by the API")


@router.get("/datasets/{dsid}/children")
def list_dataset_children(
    dsid: str, filters: Annotated[DatasetFilters, Query()], caller: CallerDep, backend: BackendDep
) -> list[dict[str, Any]]:
    """Child datasets the caller may read, filtered."""
    parent = dataset_for(backend.db, caller, dsid)
    scope = "d.id IN (SELECT child_id FROM dataset_links WHERE parent_id = ?)"
    rows = query_datasets(backend.db, caller, filters, scope=scope, scope_params=[parent["id"]])
    return [dataset_out(row) for row in rows]


@router.get("/datasets/{dsid}/parents")
def list_dataset_parents(
    dsid: str, filters: Annotated[DatasetFilters, Query()], caller: CallerDep, backend: BackendDep
) -> list[dict[str, Any]]:
    """Parent datasets the caller may read, filtered."""
    child = dataset_for(backend.db, caller, dsid)
    scope = "d.id IN (SELECT parent_id FROM dataset_links WHERE child_id = ?)"
    rows = query_datasets(backend.db, caller, filters, scope=scope, scope_params=[child["id"]])
    return [dataset_out(row) for row in rows]


@router.post("/datasets/{parent_dsid}/children/{child_dsid}")
def link_datasets(
    parent_dsid: str, child_dsid: str, caller: CallerDep, backend: BackendDep
) -> dict[str, Any]:
    """Make one dataset a child of another; self-links and cycles answer 400."""
    db = backend.db
    parent = dataset_for(db, caller, parent_dsid)
    child = dataset_for(db, caller, child_dsid, write=True)
    if not add_link(db, "dataset_links", parent["id"], child["id"]):
        raise HTTPException(400, "The link would make a dataset its own ancestor")
    return {"parent_id": parent_dsid, "child_id": child_dsid}


@router.delete("/datasets/{parent_dsid}/children/{child_dsid}")
def unlink_datasets(
    parent_dsid: str, child_dsid: str, caller: CallerDep, backend: BackendDep
) -> dict[str, Any]:
    """Remove a parent/child link."""
    db = backend.db
    parent = dataset_for(db, caller, parent_dsid)
    child = dataset_for(db, caller, child_dsid, write=True)
    if not remove_link(db, "dataset_links", parent["id"], child["id"]):
        raise HTTPException(404, "No such link")
    return {"detail": f"Removed link {parent_dsid} -> {child_dsid}"}


@router.get("/datasets/{dsid}/access_groups")
def list_dataset_access_groups(
    dsid: str, caller: AdminDep, backend: BackendDep
) -> list[dict[str, Any]]:
    """Groups that may read or write the dataset, the owner's and project's included."""
    db = backend.db
    row = dataset_for(db, caller, dsid)
    groups: dict[str, dict[str, Any]] = {}

    def grant(name: str, read: bool, write: bool) -> None:
        entry = groups.setdefault(name, {"group_name": name, "read": False, "write": False})
        entry["read"] = entry["read"] or read or write
        entry["write"] = entry["write"] or write

    existing = {g["group_name"] for g in db.all("SELECT group_name FROM access_groups")}
    if row["owner_orcid"] in existing:
        grant(row["owner_orcid"], True, True)
    if row["project_id"] in existing:
        grant(row["project_id"], True, False)
    for entry in db.all(
        "SELECT * FROM dataset_grants WHERE dataset_id = ? ORDER BY rowid", [row["id"]]
    ):
        grant(entry["group_name"], bool(entry["can_read"]), bool(entry["can_write"]))
    return list(groups.values())


@router.post("/datasets/{dsid}/access_groups")
def add_dataset_access_group(
    dsid: str,
    group_name: Annotated[str, Query(min_length=1)],
    caller: CallerDep,
    backend: BackendDep,
    read: bool = True,
    write: bool = False,
) -> dict[str, Any]:
    """Grant a group read (and optionally write) access; granting again updates the flags."""
    db = backend.db
    row = dataset_for(db, caller, dsid, write=True)
    if db.one("SELECT 1 FROM access_groups WHERE group_name = ?", [group_name]) is None:
        raise HTTPException(404, f"No access group named {group_name!r}")
    db.execute(
        "INSERT INTO dataset_grants (dataset_id, group_name, can_read, can_write) "
        "VALUES (?, ?, ?, ?) ON CONFLICT (dataset_id, group_name) DO UPDATE SET "
        "can_read = excluded.can_read, can_write = excluded.can_write",
        [row["id"], group_name, int(read), int(write)],
    )
    return {"dataset_id": dsid, "group_name": group_name, "read": read, "write": write}
