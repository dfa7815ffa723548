"""Who is calling, as FastAPI dependencies, and record lookups that enforce access.

Authentication follows the real API: a missing or malformed ``Authorization`` header answers 401,
a key that matches no account 400 (``No account found for this API key``), an admin-only
operation called by a normal user 403, and a record the caller may not access 403. The access
rules themselves are in :mod:`pycrucible.testing._access`.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, HTTPException, Request

from pycrucible.testing._access import Caller, can_access_dataset, can_access_sample
from pycrucible.testing._db import Database, Row
from pycrucible.testing._state import Backend


def get_backend(request: Request) -> Backend:
    """Return the state of the server that received the request."""
    backend: Backend = request.app.state.backend
    return backend


BackendDep = Annotated[Backend, Depends(get_backend)]


def current_caller(request: Request, backend: BackendDep) -> Caller:
    """Authenticate the request's API key.

    Raises:
        HTTPException: 401 without a usable ``Authorization: Bearer`` header, 400 for an
            unknown key.
    """
    header = request.headers.get("authorization")
    if not header:
        raise HTTPException(401, "Not authenticated", headers={"WWW-Authenticate": "Bearer"})
    scheme, _, key = header.partition(" ")
    key = key.strip()
    if scheme.lower() != "bearer" or not key:
        raise HTTPException(
            401,
            "Malformed Authorization header: expected 'Bearer <api key>'",
            headers={"WWW-Authenticate": "Bearer"},
        )
    row = backend.db.one(
        "SELECT u.id, u.orcid, u.is_admin FROM api_keys k JOIN users u ON u.id = k.user_id "
        "WHERE k.api_key = ?",
        [key],
    )
    if row is None:
        raise HTTPException(400, "No account found for this API key")
    return Caller(row["id"], row["orcid"], bool(row["is_admin"]))


CallerDep = Annotated[Caller, Depends(current_caller)]


def admin_caller(caller: CallerDep) -> Caller:
    """Authenticate and require an admin account.

    Raises:
        HTTPException: 403 for a normal user.
    """
    if not caller.is_admin:
        raise HTTPException(403, "Account is unauthorized: administrators only")
    return caller


AdminDep = Annotated[Caller, Depends(admin_caller)]


def require_self_or_admin(caller: Caller, orcid: str) -> None:
    """Allow admins and users acting on their own ORCID; 403 otherwise."""
    if not caller.is_admin and caller.orcid != orcid:
        raise HTTPException(403, "Account is unauthorized for another user's records")


def dataset_or_none(db: Database, caller: Caller, dsid: str) -> Row | None:
    """Return a dataset for a single-record GET: None when unknown, 403 without read access."""
    row = db.one("SELECT * FROM datasets WHERE unique_id = ?", [dsid])
    if row is not None and not can_access_dataset(db, caller, row["id"], write=False):
        raise HTTPException(403, "Account is unauthorized for this dataset")
    return row


def dataset_for(db: Database, caller: Caller, dsid: str, *, write: bool = False) -> Row:
    """Return a dataset the caller may read (or write).

    Raises:
        HTTPException: 404 when unknown, 403 without the access.
    """
    row = db.one("SELECT * FROM datasets WHERE unique_id = ?", [dsid])
    if row is None:
        raise HTTPException(404, f"No dataset with unique_id {dsid!r}")
    if not can_access_dataset(db, caller, row["id"], write=write):
        raise HTTPException(403, "Account is unauthorized for this dataset")
    return row


def sample_for(db: Database, caller: Caller, sample_id: str, *, write: bool = False) -> Row:
    """Return a sample the caller may read (or write).

    Raises:
        HTTPException: 404 when unknown, 403 without the access.
    """
    row = db.one("SELECT * FROM samples WHERE unique_id = ?", [sample_id])
    if row is None:
        raise HTTPException(404, f"No sample with unique_id {sample_id!r}")
    if not can_access_sample(db, caller, row["id"], write=write):
        raise HTTPException(403, "Account is unauthorized for this sample")
    return row


def caller_for_user(db: Database, orcid: str) -> Caller:
    """Return the access identity of any user, for access questions about them.

    Raises:
        HTTPException: 404 when no user has this ORCID.
    """
    row = db.one("SELECT id, orcid, is_admin FROM users WHERE orcid = ?", [orcid])
    if row is None:
        raise HTTPException(404, f"No user with ORCID {orcid!r}")
    return Caller(row["id"], row["orcid"], bool(row["is_admin"]))
