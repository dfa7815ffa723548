"""Dataset records: create, keyset list, search, get and patch."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request

from pycrucible.testing.v3.auth import BackendDep, PrincipalDep
from pycrucible.testing.v3.routes._records import (
    DATASETS,
    create_record,
    get_record,
    list_records,
    patch_record,
    search_records,
)

router = APIRouter()


@router.get("/datasets")
def list_datasets(request: Request, backend: BackendDep, principal: PrincipalDep) -> dict[str, Any]:
    """Datasets the caller can read, keyset-paged, without those pending deletion."""
    return list_records(backend.db, principal, DATASETS, request)


@router.post("/datasets")
def create_dataset(
    request: Request, backend: BackendDep, principal: PrincipalDep
) -> dict[str, Any]:
    """Create a dataset (409 when its ``unique_id`` exists)."""
    return create_record(backend.db, principal, DATASETS, request)


@router.get("/datasets/search")
def search_datasets(
    request: Request, backend: BackendDep, principal: PrincipalDep
) -> dict[str, Any]:
    """Datasets whose name contains ``q`` (case-insensitive), at most 50."""
    return search_records(backend.db, principal, DATASETS, request)


@router.get("/datasets/{dataset_mfid}")
def get_dataset(
    dataset_mfid: str, request: Request, backend: BackendDep, principal: PrincipalDep
) -> dict[str, Any]:
    """One dataset (404 unknown, 403 without read access)."""
    return get_record(backend.db, principal, DATASETS, dataset_mfid, request)


@router.patch("/datasets/{dataset_mfid}")
def update_dataset(
    dataset_mfid: str, request: Request, backend: BackendDep, principal: PrincipalDep
) -> dict[str, Any]:
    """Partial update (editor role)."""
    return patch_record(backend.db, principal, DATASETS, dataset_mfid, request)
