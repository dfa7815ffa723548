"""Dataset access for the v3 file, upload and ingestion routes (one place, on top of access.py).

Files, uploads and ingestion requests belong to a dataset; the caller's role on that dataset
decides: ``viewer`` reads, ``editor`` changes (uploads, registration, ingestion, deletion).
"""

from __future__ import annotations

from typing import Any

from fastapi import HTTPException

from pycrucible.testing._db import Row
from pycrucible.testing._state import Backend
from pycrucible.testing.v3.access import readable_sql, require_role
from pycrucible.testing.v3.auth import Principal


def principal_id(principal: Principal) -> str:
    """A stable string naming the caller (upload sessions and idempotency keys are per caller)."""
    return principal.unique_id


def dataset_row(backend: Backend, principal: Principal, dataset_mfid: str, role: str) -> Row:
    """Return a dataset the caller holds at least ``role`` on.

    Raises:
        HTTPException: 404 when no dataset has this MFID, 403 when the role is too low.
    """
    table, row = require_role(backend.db, principal, dataset_mfid, role)
    if table != "v3_datasets":
        raise HTTPException(404, "Dataset not found")
    return row


def readable_datasets_sql(principal: Principal, column: str) -> tuple[str, list[Any]]:
    """An SQL condition true when ``column`` names a dataset the caller may read."""
    condition, params = readable_sql(principal, "d")
    return f"{column} IN (SELECT d.unique_id FROM v3_datasets d WHERE {condition})", params


def dataset_int_id(row: Row) -> Any:
    """The internal integer id of a dataset row (thumbnails and worker requests carry it)."""
    return row.get("id")


MAX_OBJECT_SIZE = 5 * 1024**4
"""Largest file the storage accepts, in bytes (5 TiB, as the object store)."""

LARGEST_ROW = 2**62
"""Offsets and markers above this are clamped (the database's integers end at 2**63 - 1)."""


def known_id(value: int) -> int:
    """Return an integer path id, or answer 404 when no row can have it (beyond 64 bits).

    Raises:
        HTTPException: 404 for ids the database cannot hold.
    """
    if not 0 <= value <= LARGEST_ROW:
        raise HTTPException(404, "Not found")
    return value


def storable_size(value: Any, field: str) -> None:
    """Refuse a size the storage cannot hold.

    Raises:
        HTTPException: 422 naming the body field.
    """
    if isinstance(value, int) and value > MAX_OBJECT_SIZE:
        raise HTTPException(
            422,
            [
                {
                    "type": "less_than_equal",
                    "loc": ["body", field],
                    "msg": f"Input should be less than or equal to {MAX_OBJECT_SIZE}",
                    "input": value,
                }
            ],
        )
