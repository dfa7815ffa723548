"""Processing requests: ingestion, SciCat update, Google Drive transfer, carrier segmentation."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, HTTPException

from pycrucible.testing._access import Caller
from pycrucible.testing._auth import AdminDep, BackendDep, CallerDep, dataset_for
from pycrucible.testing._models import DriveTransferOptions, RequestStatusUpdate
from pycrucible.testing._records import request_out
from pycrucible.testing._state import Backend
from pycrucible.testing._workers import TERMINAL_STATUSES, now_iso

router = APIRouter(tags=["requests"])


def _submit(
    backend: Backend, caller: Caller, dsid: str, kind: str, **fields: str | None
) -> dict[str, Any]:
    dataset = dataset_for(backend.db, caller, dsid, write=True)
    request_id = backend.workers.submit(kind, dataset["id"], **fields)
    row = backend.db.one("SELECT * FROM requests WHERE id = ?", [request_id])
    assert row is not None
    return request_out(row, dsid)


def _get(backend: Backend, caller: Caller, dsid: str, kind: str, reqid: int) -> dict[str, Any]:
    dataset = dataset_for(backend.db, caller, dsid)
    row = backend.db.one(
        "SELECT * FROM requests WHERE id = ? AND kind = ? AND dataset_id = ?",
        [reqid, kind, dataset["id"]],
    )
    if row is None:
        raise HTTPException(404, f"No {kind} request {reqid} for this dataset")
    return request_out(row, dsid)


def _update(
    backend: Backend, caller: Caller, dsid: str, kind: str, reqid: int, body: RequestStatusUpdate
) -> dict[str, Any]:
    if body.id is not None and body.id != reqid:
        raise HTTPException(400, "The body's id differs from the request id in the path")
    _get(backend, caller, dsid, kind, reqid)
    values: dict[str, Any] = {"status": body.status, "due": None}
    if body.time_completed is not None:
        values["time_completed"] = body.time_completed
    elif body.status in TERMINAL_STATUSES:
        values["time_completed"] = now_iso()
    if "error_message" in body.model_fields_set:
        values["error_message"] = body.error_message
    backend.db.update("requests", reqid, values)
    return _get(backend, caller, dsid, kind, reqid)


def _valid_reqid(reqid: int) -> int:
    if not 0 < reqid < 2**63:
        raise HTTPException(404, f"No request {reqid}")
    return reqid


@router.post("/datasets/{dsid}/ingest")
def request_ingestion(
    dsid: str,
    caller: CallerDep,
    backend: BackendDep,
    ingestion_class: str | None = None,
    file_to_upload: str | None = None,
) -> dict[str, Any]:
    """Queue ingestion of a stored file (auto-detection when no class is given)."""
    return _submit(
        backend,
        caller,
        dsid,
        "ingest",
        ingestion_class=ingestion_class,
        file_to_upload=file_to_upload,
    )


@router.get("/datasets/{dsid}/ingest/{reqid}")
def get_ingestion_request(
    dsid: str, reqid: int, caller: CallerDep, backend: BackendDep
) -> dict[str, Any]:
    """Status of one ingestion request."""
    return _get(backend, caller, dsid, "ingest", _valid_reqid(reqid))


@router.patch("/datasets/{dsid}/ingest/{reqid}")
def update_ingestion_request(
    dsid: str, reqid: int, body: RequestStatusUpdate, caller: AdminDep, backend: BackendDep
) -> dict[str, Any]:
    """Set the status, as an ingestion worker does."""
    return _update(backend, caller, dsid, "ingest", _valid_reqid(reqid), body)


@router.post("/datasets/{dsid}/scicat_update")
def request_scicat_update(
    dsid: str, caller: CallerDep, backend: BackendDep, overwrite_data: bool = False
) -> dict[str, Any]:
    """Queue synchronisation to SciCat."""
    return _submit(backend, caller, dsid, "scicat")


@router.get("/datasets/{dsid}/scicat_update/{reqid}")
def get_scicat_request(
    dsid: str, reqid: int, caller: CallerDep, backend: BackendDep
) -> dict[str, Any]:
    """Status of one SciCat request."""
    return _get(backend, caller, dsid, "scicat", _valid_reqid(reqid))


@router.patch("/datasets/{dsid}/scicat_update/{reqid}")
def update_scicat_request(
    dsid: str, reqid: int, body: RequestStatusUpdate, caller: AdminDep, backend: BackendDep
) -> dict[str, Any]:
    """Set the status, as the SciCat worker does."""
    return _update(backend, caller, dsid, "scicat", _valid_reqid(reqid), body)


@router.post("/datasets/{dsid}/google_drive_transfer")
def request_google_drive_transfer(
    dsid: str,
    caller: CallerDep,
    backend: BackendDep,
    body: Annotated[DriveTransferOptions | None, Body()] = None,
) -> dict[str, Any]:
    """Queue a copy of the dataset's files to Google Drive (no body needed)."""
    return _submit(backend, caller, dsid, "drive")


@router.patch("/datasets/{dsid}/google_drive_transfer/{reqid}")
def update_google_drive_transfer(
    dsid: str, reqid: int, body: RequestStatusUpdate, caller: AdminDep, backend: BackendDep
) -> dict[str, Any]:
    """Set the status, as the transfer worker does."""
    return _update(backend, caller, dsid, "drive", _valid_reqid(reqid), body)


@router.post("/datasets/{dsid}/carrier_segmentation")
def request_carrier_segmentation(
    dsid: str, caller: CallerDep, backend: BackendDep
) -> dict[str, Any]:
    """Queue the carrier-segmentation analysis."""
    return _submit(backend, caller, dsid, "carrier_segmentation")
