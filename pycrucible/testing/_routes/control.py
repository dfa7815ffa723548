"""Routes that are not part of the Crucible API: signed storage URLs and test control.

- ``GET /storage/<dsid>/<path>?expires=&signature=`` serves a stored file when the signature is
  valid and unexpired (403 otherwise); no API key is needed (and clients must send none).
- ``/_control/...`` (admin key required) manages fault rules, the simulated workers' delay,
  extra users with API keys, and shows the storage request log.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query
from fastapi.responses import FileResponse, Response
from pydantic import BaseModel, Field

from pycrucible.testing._auth import AdminDep, BackendDep
from pycrucible.testing._faults import FaultKind
from pycrucible.testing._records import USER_COLUMNS, pick
from pycrucible.testing._seed import add_account

storage_router = APIRouter(include_in_schema=False)
control_router = APIRouter(prefix="/_control", tags=["local server control"])


@storage_router.api_route("/storage/{key:path}", methods=["GET", "HEAD"])
def read_storage(
    key: str,
    backend: BackendDep,
    expires: Annotated[str | None, Query()] = None,
    signature: Annotated[str | None, Query()] = None,
) -> Response:
    """Serve a stored file through a signed URL (HTTP Range requests are honoured)."""
    refusal = backend.signer.check(key, expires, signature)
    if refusal is not None:
        raise HTTPException(403, refusal)
    path = backend.files.stored_path(key)
    if path is None or not path.is_file():
        raise HTTPException(404, "No such stored file")
    return FileResponse(path, media_type="application/octet-stream")


class FaultSpec(BaseModel):
    """Body of ``POST /_control/faults``: the arguments of ``FaultInjector.add``."""

    kind: FaultKind
    times: int | None = 1
    path_prefix: str | None = None
    method: str | None = None
    status: int | None = None
    retry_after: float | None = None
    seconds: float | None = None
    after_bytes: int | None = None
    offset: int = 0
    detail: str | None = None
    probability: float | None = None
    seed: int | None = None
    skip: int = 0


class WorkerSettings(BaseModel):
    """Body of ``PUT /_control/workers``: seconds per step, or null to freeze."""

    delay: float | None = Field(ge=0)


class NewUser(BaseModel):
    """Body of ``POST /_control/users``: a user to create with an API key."""

    orcid: str = Field(min_length=1)
    first_name: str | None = None
    last_name: str | None = None
    email: str | None = None
    lbl_email: str | None = None
    admin: bool = False


@control_router.get("/faults")
def list_faults(caller: AdminDep, backend: BackendDep) -> list[dict[str, Any]]:
    """The fault rules with how many requests each consumed."""
    return [fault.to_dict() for fault in backend.faults.faults]


@control_router.post("/faults")
def add_fault(body: FaultSpec, caller: AdminDep, backend: BackendDep) -> dict[str, Any]:
    """Add a fault rule."""
    try:
        return backend.faults.add(**body.model_dump()).to_dict()
    except ValueError as exc:
        raise HTTPException(400, str(exc)) from None


@control_router.delete("/faults")
def clear_faults(caller: AdminDep, backend: BackendDep) -> dict[str, Any]:
    """Remove every fault rule."""
    backend.faults.clear()
    return {"detail": "Fault rules cleared"}


@control_router.get("/workers")
def get_workers(caller: AdminDep, backend: BackendDep) -> dict[str, Any]:
    """The simulated workers' delay per step, in seconds (null: frozen)."""
    return {"delay": backend.workers.delay}


@control_router.put("/workers")
def set_workers(body: WorkerSettings, caller: AdminDep, backend: BackendDep) -> dict[str, Any]:
    """Set the workers' delay per step, in seconds, or freeze them with null."""
    backend.workers.delay = body.delay
    return {"delay": backend.workers.delay}


@control_router.post("/users")
def add_user(body: NewUser, caller: AdminDep, backend: BackendDep) -> dict[str, Any]:
    """Create a user (with personal access group) and an API key for them."""
    try:
        key = add_account(backend.db, body.model_dump(exclude={"admin"}), admin=body.admin)
    except ValueError as exc:
        raise HTTPException(409, str(exc)) from None
    row = backend.db.one("SELECT * FROM users WHERE orcid = ?", [body.orcid])
    assert row is not None
    return {"user": pick(row, USER_COLUMNS), "api_key": key}


@control_router.get("/storage_log")
def get_storage_log(caller: AdminDep, backend: BackendDep) -> list[dict[str, Any]]:
    """Every request made to signed storage URLs, oldest first."""
    return [
        {"path": entry.path, "had_authorization": entry.had_authorization, "status": entry.status}
        for entry in backend.storage_log.entries()
    ]
