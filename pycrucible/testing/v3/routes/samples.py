"""Sample records: create, keyset list, search, get (with datasets), patch, parent/child links."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request

from pycrucible.testing._enforce import query_params
from pycrucible.testing.v3.access import readable_sql
from pycrucible.testing.v3.auth import BackendDep, PrincipalDep
from pycrucible.testing.v3.records import record_view
from pycrucible.testing.v3.routes._records import (
    SAMPLES,
    create_record,
    get_record,
    list_records,
    patch_record,
    search_records,
)
from pycrucible.testing.v3.routes.links import link_children, list_related, unlink_records

router = APIRouter()


@router.get("/samples")
def list_samples(request: Request, backend: BackendDep, principal: PrincipalDep) -> dict[str, Any]:
    """Samples the caller can read, keyset-paged, without those pending deletion."""
    return list_records(backend.db, principal, SAMPLES, request)


@router.post("/samples")
def create_sample(request: Request, backend: BackendDep, principal: PrincipalDep) -> dict[str, Any]:
    """Create a sample (the server mints the MFID when none is given)."""
    return create_record(backend.db, principal, SAMPLES, request)


@router.get("/samples/search")
def search_samples(
    request: Request, backend: BackendDep, principal: PrincipalDep
) -> dict[str, Any]:
    """Samples whose name contains ``q`` (case-insensitive), at most 50."""
    return search_records(backend.db, principal, SAMPLES, request)


@router.get("/samples/{sample_mfid}")
def get_sample(
    sample_mfid: str, request: Request, backend: BackendDep, principal: PrincipalDep
) -> dict[str, Any]:
    """One sample, with its readable datasets unless ``include_datasets=false``."""
    view = get_record(backend.db, principal, SAMPLES, sample_mfid, request)
    if query_params(request).get("include_datasets", True):
        condition, params = readable_sql(principal)
        rows = backend.db.all(
            "SELECT r.* FROM v3_datasets r "
            "JOIN v3_dataset_samples l ON l.dataset_mfid = r.unique_id "
            f"WHERE l.sample_mfid = ? AND {condition} ORDER BY r.unique_id DESC",
            [sample_mfid, *params],
        )
        view["datasets"] = [record_view(backend.db, principal, "v3_datasets", r) for r in rows]
    return view


@router.patch("/samples/{sample_mfid}")
def update_sample(
    sample_mfid: str, request: Request, backend: BackendDep, principal: PrincipalDep
) -> dict[str, Any]:
    """Partial update (editor role)."""
    return patch_record(backend.db, principal, SAMPLES, sample_mfid, request)


@router.get("/samples/{parent_mfid}/children")
def list_sample_children(
    parent_mfid: str, request: Request, backend: BackendDep, principal: PrincipalDep
) -> dict[str, Any]:
    """Child samples, offset-paged."""
    return list_related(backend.db, principal, "v3_samples", parent_mfid, request, children=True)


@router.get("/samples/{child_mfid}/parents")
def list_sample_parents(
    child_mfid: str, request: Request, backend: BackendDep, principal: PrincipalDep
) -> dict[str, Any]:
    """Parent samples, offset-paged."""
    return list_related(backend.db, principal, "v3_samples", child_mfid, request, children=False)


@router.post("/samples/{parent_mfid}/children/{child_mfid}")
def link_sample_child(
    parent_mfid: str,
    child_mfid: str,
    request: Request,
    backend: BackendDep,
    principal: PrincipalDep,
) -> dict[str, Any]:
    """Link a child sample (no self-links or cycles)."""
    return link_children(backend.db, principal, "v3_samples", parent_mfid, child_mfid, request)


@router.delete("/samples/{parent_mfid}/children/{child_mfid}")
def unlink_sample_child(
    parent_mfid: str, child_mfid: str, backend: BackendDep, principal: PrincipalDep
) -> dict[str, Any]:
    """Remove a parent/child link."""
    return unlink_records(backend.db, principal, parent_mfid, child_mfid)
