"""Who is calling on API v3: the API key, the platform role and the privilege mode.

- No ``Authorization: Bearer <key>`` header, or a key that matches no account: 401
  ``Invalid API key``. v3 keys (service accounts, rotated keys) are in ``v3_keys``; a v1 key
  works for the same person (matched by ORCID), so the seed admin and user have one key each.
- ``Crucible-Privilege-Mode``: absent means elevated for a platform admin and normal for
  everyone else; ``normal`` drops the elevation; ``elevated`` from a caller who may not elevate
  (anyone but a human platform admin) answers 403.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, HTTPException, Request

from pycrucible.testing._db import Database
from pycrucible.testing._state import Backend
from pycrucible.testing.v3.seed import mirror_v1_user

PRIVILEGE_HEADER = "crucible-privilege-mode"


@dataclass(frozen=True)
class Principal:
    """The account behind a v3 request.

    Attributes:
        user_id: Row id in ``v3_users``.
        unique_id: Canonical id (ORCID or MFID).
        username: Username, or None.
        platform_role: ``none``, ``contributor`` or ``admin``.
        is_service_account: True for service accounts.
        elevated: Whether this request runs with platform-admin authority.
    """

    user_id: int
    unique_id: str
    username: str | None
    platform_role: str
    is_service_account: bool
    elevated: bool

    @property
    def can_elevate(self) -> bool:
        """Whether this account may send ``Crucible-Privilege-Mode: elevated``."""
        return self.platform_role == "admin" and not self.is_service_account


def get_backend(request: Request) -> Backend:
    """Return the state of the server that received the request."""
    backend: Backend = request.app.state.backend
    return backend


BackendDep = Annotated[Backend, Depends(get_backend)]


def user_id_for_key(db: Database, key: str) -> int | None:
    """Return the v3 user id an API key belongs to, or None."""
    found = db.scalar("SELECT user_id FROM v3_keys WHERE api_key = ?", [key])
    if found is not None:
        return int(found)
    orcid = db.scalar(
        "SELECT u.orcid FROM api_keys k JOIN users u ON u.id = k.user_id WHERE k.api_key = ?",
        [key],
    )
    return None if orcid is None else mirror_v1_user(db, str(orcid))


def key_is_valid(db: Database, headers: dict[str, str]) -> bool:
    """Tell whether lower-cased request headers carry a valid API key."""
    scheme, _, key = (headers.get("authorization") or "").partition(" ")
    key = key.strip()
    return scheme.lower() == "bearer" and bool(key) and user_id_for_key(db, key) is not None


def current_principal(request: Request, backend: BackendDep) -> Principal:
    """Authenticate a v3 request and settle its privilege mode.

    Raises:
        HTTPException: 401 without a valid key; 403 for ``elevated`` from a caller who may not
            elevate.
    """
    scheme, _, key = (request.headers.get("authorization") or "").partition(" ")
    key = key.strip()
    user_id = user_id_for_key(backend.db, key) if scheme.lower() == "bearer" and key else None
    row = (
        None
        if user_id is None
        else backend.db.one("SELECT * FROM v3_users WHERE id = ?", [user_id])
    )
    if row is None:
        raise HTTPException(401, "Invalid API key", headers={"WWW-Authenticate": "Bearer"})
    may_elevate = row["platform_role"] == "admin" and not row["is_service_account"]
    mode = request.headers.get(PRIVILEGE_HEADER)
    if mode == "elevated" and not may_elevate:
        raise HTTPException(403, "Not authorized: this account cannot use elevated mode")
    elevated = may_elevate and mode != "normal"
    return Principal(
        user_id=row["id"],
        unique_id=row["unique_id"],
        username=row["username"],
        platform_role=row["platform_role"],
        is_service_account=bool(row["is_service_account"]),
        elevated=elevated,
    )


PrincipalDep = Annotated[Principal, Depends(current_principal)]


def require_elevated(principal: PrincipalDep) -> Principal:
    """Require a platform admin in elevated mode (403 otherwise)."""
    if not principal.elevated:
        raise HTTPException(403, "Not authorized: platform administrators only (elevated mode)")
    return principal


ElevatedDep = Annotated[Principal, Depends(require_elevated)]
