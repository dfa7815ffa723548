"""Parent/child links (datasets, samples) and dataset-sample associations."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Request

from pycrucible.testing._db import Database
from pycrucible.testing._enforce import query_params
from pycrucible.testing.v3.access import readable_sql, require_role
from pycrucible.testing.v3.auth import BackendDep, Principal, PrincipalDep
from pycrucible.testing.v3.errors import unprocessable
from pycrucible.testing.v3.listing import offset_page
from pycrucible.testing.v3.records import record_view

router = APIRouter()


def _same_kind(db: Database, principal: Principal, table: str, *mfids: str, role: str) -> None:
    for mfid in mfids:
        found_table, _ = require_role(db, principal, mfid, role)
        if found_table != table:
            raise HTTPException(404, f"{mfid} is not a {table[3:-1]}")


def list_related(
    db: Database, principal: Principal, table: str, mfid: str, request: Request, *, children: bool
) -> dict[str, Any]:
    """Return an offset page of a record's readable children (or parents)."""
    _same_kind(db, principal, table, mfid, role="viewer")
    query = query_params(request)
    mine, other = ("parent_mfid", "child_mfid") if children else ("child_mfid", "parent_mfid")
    condition, params = readable_sql(principal)
    sql = (
        f"SELECT r.* FROM {table} r JOIN v3_links l ON l.{other} = r.unique_id "
        f"WHERE l.{mine} = ? AND {condition} AND r.deletion_request_id IS NULL"
    )
    args: list[Any] = [mfid, *params]
    if query.get("relationship_type"):
        sql += " AND l.relationship_type = ?"
        args.append(query["relationship_type"])
    rows = db.all(sql + " ORDER BY r.unique_id DESC", args)
    page = offset_page(rows, limit=query.get("limit"), offset=query.get("offset"))
    page["items"] = [record_view(db, principal, table, r) for r in page["items"]]
    return page


def link_records(db: Database, parent: str, child: str, relationship_type: str | None) -> None:
    """Store a parent/child link; refuse self-links and cycles (422)."""
    if parent == child:
        raise unprocessable("A record cannot be its own parent")
    frontier, seen = [parent], {parent}
    while frontier:
        current = frontier.pop()
        for row in db.all("SELECT parent_mfid FROM v3_links WHERE child_mfid = ?", [current]):
            if row["parent_mfid"] == child:
                raise unprocessable("The link would make a cycle")
            if row["parent_mfid"] not in seen:
                seen.add(row["parent_mfid"])
                frontier.append(row["parent_mfid"])
    existing = db.one(
        "SELECT * FROM v3_links WHERE parent_mfid = ? AND child_mfid = ?", [parent, child]
    )
    if existing is None:
        db.execute("INSERT INTO v3_links VALUES (?, ?, ?)", [parent, child, relationship_type])
    elif relationship_type is not None:
        db.execute(
            "UPDATE v3_links SET relationship_type = ? WHERE parent_mfid = ? AND child_mfid = ?",
            [relationship_type, parent, child],
        )


def link_children(
    db: Database, principal: Principal, table: str, parent: str, child: str, request: Request
) -> dict[str, Any]:
    """Link two records of one kind (editor on the parent, viewer on the child)."""
    with db.transaction():
        _same_kind(db, principal, table, parent, role="editor")
        _same_kind(db, principal, table, child, role="viewer")
        link_records(db, parent, child, query_params(request).get("relationship_type"))
        kind = db.scalar(
            "SELECT relationship_type FROM v3_links WHERE parent_mfid = ? AND child_mfid = ?",
            [parent, child],
        )
    return {"parent_mfid": parent, "child_mfid": child, "relationship_type": kind}


def unlink_records(db: Database, principal: Principal, parent: str, child: str) -> dict[str, Any]:
    """Remove a parent/child link (editor on the parent); 404 when absent."""
    with db.transaction():
        require_role(db, principal, parent, "editor")
        if (
            db.execute(
                "DELETE FROM v3_links WHERE parent_mfid = ? AND child_mfid = ?", [parent, child]
            )
            == 0
        ):
            raise HTTPException(404, "No such link")
    return {"detail": "Link removed"}


@router.get("/datasets/{parent_mfid}/children")
def list_dataset_children(
    parent_mfid: str, request: Request, backend: BackendDep, principal: PrincipalDep
) -> dict[str, Any]:
    """Child datasets, offset-paged."""
    return list_related(backend.db, principal, "v3_datasets", parent_mfid, request, children=True)


@router.get("/datasets/{child_mfid}/parents")
def list_dataset_parents(
    child_mfid: str, request: Request, backend: BackendDep, principal: PrincipalDep
) -> dict[str, Any]:
    """Parent datasets, offset-paged."""
    return list_related(backend.db, principal, "v3_datasets", child_mfid, request, children=False)


@router.post("/datasets/{parent_mfid}/children/{child_mfid}")
def link_dataset_child(
    parent_mfid: str,
    child_mfid: str,
    request: Request,
    backend: BackendDep,
    principal: PrincipalDep,
) -> dict[str, Any]:
    """Link a child dataset (optional ``relationship_type``)."""
    return link_children(backend.db, principal, "v3_datasets", parent_mfid, child_mfid, request)


@router.delete("/datasets/{parent_mfid}/children/{child_mfid}")
def unlink_dataset_child(
    parent_mfid: str, child_mfid: str, backend: BackendDep, principal: PrincipalDep
) -> dict[str, Any]:
    """Remove a parent/child link."""
    return unlink_records(backend.db, principal, parent_mfid, child_mfid)


@router.post("/datasets/{dataset_mfid}/samples/{sample_mfid}")
def link_dataset_sample(
    dataset_mfid: str, sample_mfid: str, backend: BackendDep, principal: PrincipalDep
) -> dict[str, Any]:
    """Associate a sample with a dataset (editor on the dataset, viewer on the sample)."""
    db = backend.db
    with db.transaction():
        _same_kind(db, principal, "v3_datasets", dataset_mfid, role="editor")
        _same_kind(db, principal, "v3_samples", sample_mfid, role="viewer")
        db.execute(
            "INSERT OR IGNORE INTO v3_dataset_samples VALUES (?, ?)", [dataset_mfid, sample_mfid]
        )
    return {"dataset_mfid": dataset_mfid, "sample_mfid": sample_mfid}


@router.delete("/datasets/{dataset_mfid}/samples/{sample_mfid}")
def unlink_dataset_sample(
    dataset_mfid: str, sample_mfid: str, backend: BackendDep, principal: PrincipalDep
) -> dict[str, Any]:
    """Remove a dataset-sample association (editor on the dataset); 404 when absent."""
    db = backend.db
    with db.transaction():
        _same_kind(db, principal, "v3_datasets", dataset_mfid, role="editor")
        removed = db.execute(
            "DELETE FROM v3_dataset_samples WHERE dataset_mfid = ? AND sample_mfid = ?",
            [dataset_mfid, sample_mfid],
        )
        if removed == 0:
            raise HTTPException(404, "No such association")
    return {"detail": "Association removed"}
