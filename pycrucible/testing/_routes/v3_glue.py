"""What the v3 file routes need from the rest of the server: the caller and dataset access.

Kept in one place so the file, upload and ingestion routes do not depend on how principals and
datasets are stored.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import Depends, HTTPException, Request

from pycrucible.testing._access import Caller, can_access_dataset
from pycrucible.testing._auth import BackendDep, current_caller
from pycrucible.testing._db import Row
from pycrucible.testing._state import Backend

Need = Literal["viewer", "editor"]


def v3_caller(request: Request, backend: BackendDep) -> Caller:
    """Authenticate the caller of a v3 route."""
    return current_caller(request, backend)


PrincipalDep = Annotated[Caller, Depends(v3_caller)]


def principal_id(caller: Caller) -> str:
    """A stable string naming the caller (upload sessions and idempotency keys are per caller)."""
    return str(caller.user_id)


def dataset_row(backend: Backend, caller: Caller, dataset_mfid: str, need: Need) -> Row:
    """Return a dataset the caller may read (``viewer``) or change (``editor``).

    Raises:
        HTTPException: 404 when unknown, 403 without the access.
    """
    row = backend.db.one("SELECT * FROM datasets WHERE unique_id = ?", [dataset_mfid])
    if row is None:
        raise HTTPException(404, "Dataset not found")
    if not can_access_dataset(backend.db, caller, row["id"], write=need == "editor"):
        raise HTTPException(403, "Not authorized")
    return row


def readable_dataset_mfids(backend: Backend, caller: Caller) -> list[str] | None:
    """MFIDs of every dataset the caller may read; None when the caller may read all."""
    if caller.is_admin:
        return None
    rows = backend.db.all("SELECT id, unique_id FROM datasets")
    return [
        row["unique_id"]
        for row in rows
        if can_access_dataset(backend.db, caller, row["id"], write=False)
    ]


def dataset_int_id(row: Row) -> Any:
    """The internal integer id of a dataset row (thumbnails and worker requests carry it)."""
    return row.get("id")
