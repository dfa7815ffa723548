"""API v3 ingestion (contract tag ``ingestion``): one request per file, simulated workers.

``POST /files/{mfid}/ingest?status=requested`` queues a request that the simulated workers move
``requested → started → complete`` (or ``failed``: an unknown ingestion class, or a file whose
bytes are gone); ``status=not_requested`` only records it. Completion marks the file ingested
(so it gets download links) and, for an image, adds a thumbnail to the dataset. The statuses
are those of the contract's ``IngestionStatus``. Worker timing, freezing and the test control
are the server's usual ones (``worker_delay``, ``PUT /_control/workers``).
"""

from __future__ import annotations

import base64
import time
from datetime import datetime
from pathlib import PurePosixPath
from typing import Any

from fastapi import APIRouter, HTTPException, Request

from pycrucible.testing._db import Database, Row
from pycrucible.testing._enforce import json_body, query_params
from pycrucible.testing._files import IMAGE_EXTENSIONS, make_png
from pycrucible.testing._state import Backend
from pycrucible.testing._v3_blobs import Blobs
from pycrucible.testing._v3_records import (
    INGEST_KIND,
    INGESTION_SELECT,
    file_row,
    ingestion_out,
    ingestion_row,
)
from pycrucible.testing._workers import KNOWN_INGESTORS, now_iso
from pycrucible.testing.v3.auth import BackendDep, PrincipalDep
from pycrucible.testing.v3.routes._files_access import (
    LARGEST_ROW,
    dataset_int_id,
    dataset_row,
    known_id,
    readable_datasets_sql,
)

router = APIRouter(tags=["ingestion"])

PENDING = ("requested", "started", "in_progress")


def detect_class(filename: str) -> str:
    """The ingestor the server picks when none is named, from the file's extension."""
    suffix = PurePosixPath(filename).suffix.lower()
    if suffix in IMAGE_EXTENSIONS:
        return "ImageIngestor"
    return {".emd": "EmdIngestor", ".dm4": "DigitalMicrographIngestor", ".ser": "SerIngestor"}.get(
        suffix, "ApiUploadIngestor"
    )


def make_finisher(backend: Backend) -> Any:
    """Return the workers' finishing step for v3 ingestion requests of this server."""

    def finish(request: Row) -> tuple[str, str | None]:
        db = backend.db
        extra = db.one("SELECT * FROM v3_ingestion WHERE request_id = ?", [request["id"]])
        row = None if extra is None else file_row(db, extra["file_mfid"])
        if row is None:
            return "failed", "The file no longer exists"
        wanted = request["ingestion_class"]
        if wanted is None:
            wanted = detect_class(row["filename"])
            db.update("requests", request["id"], {"ingestion_class": wanted})
        if wanted not in KNOWN_INGESTORS:
            return "failed", f"No ingestor named {wanted!r}"
        path = Blobs(backend.data_dir).stored_path(row["stored_key"] or "")
        if row["stored_key"] is None or path is None or not path.is_file():
            return "failed", "The file's content is not stored"
        db.execute("UPDATE v3_files SET ingested = 1 WHERE id = ?", [row["id"]])
        if PurePosixPath(row["filename"]).suffix.lower() in IMAGE_EXTENSIONS:
            _add_thumbnail(db, row)
        return "complete", None

    return finish


def _add_thumbnail(db: Database, row: Row) -> None:
    png = make_png((row["sha256_hash"] or "").encode())
    dataset = db.one("SELECT id FROM v3_datasets WHERE unique_id = ?", [row["dataset_mfid"]])
    db.insert(
        "v3_thumbnails",
        {
            "dataset_mfid": row["dataset_mfid"],
            "dataset_id": None if dataset is None else dataset["id"],
            "thumbnail_name": f"{PurePosixPath(row['filename']).name} thumbnail",
            "thumbnail_b64str": base64.b64encode(png).decode("ascii"),
            "mime_type": "image/png",
        },
    )


@router.post("/files/{file_mfid}/ingest")
def request_file_ingestion(
    file_mfid: str, request: Request, caller: PrincipalDep, backend: BackendDep
) -> dict[str, Any]:
    """Create an ingestion request for the file (``requested`` queues it for a worker)."""
    query = query_params(request)
    status = query.get("status") or "requested"
    ingestion_class = query.get("ingestion_class")
    row = file_row(backend.db, file_mfid)
    if row is None:
        raise HTTPException(404, "File not found")
    dataset = dataset_row(backend, caller, row["dataset_mfid"], "editor")
    db = backend.db
    delay = backend.workers.delay
    with db.transaction():
        request_id = db.insert(
            "requests",
            {
                "kind": INGEST_KIND,
                "dataset_id": dataset_int_id(dataset) or 0,
                "status": status,
                "ingestion_class": ingestion_class,
                "time_requested": now_iso(),
                "due": time.time() + (delay or 0.0) if status == "requested" else None,
            },
        )
        db.insert(
            "v3_ingestion",
            {"request_id": request_id, "file_mfid": file_mfid, "dataset_mfid": row["dataset_mfid"]},
        )
    backend.workers.delay = delay  # wakes the workers for the new request
    found = ingestion_row(db, request_id)
    assert found is not None
    return ingestion_out(found)


@router.get("/ingestion_requests")
def list_ingestion_requests(
    request: Request, caller: PrincipalDep, backend: BackendDep
) -> dict[str, Any]:
    """Ingestion requests of the datasets the caller can read (offset pages)."""
    query = query_params(request)
    limit, offset = int(query.get("limit", 100)), min(int(query.get("offset", 0)), LARGEST_ROW)
    readable, params = readable_datasets_sql(caller, "v.dataset_mfid")
    where = [readable]
    for column in ("dataset_mfid", "file_mfid"):
        if query.get(column) is not None:
            where.append(f"v.{column} = ?")
            params.append(query[column])
    condition = " AND ".join(where)
    total = backend.db.scalar(
        f"SELECT COUNT(*) FROM requests r JOIN v3_ingestion v ON v.request_id = r.id "
        f"WHERE {condition}",
        params,
    )
    rows = backend.db.all(
        f"{INGESTION_SELECT} WHERE {condition} ORDER BY r.id LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    return {
        "items": [ingestion_out(row) for row in rows],
        "total": int(total),
        "limit": limit,
        "offset": offset,
        "next_cursor": None,
    }


def _request_for(backend: Backend, caller: PrincipalDep, request_id: int, need: Any) -> Row:
    row = ingestion_row(backend.db, known_id(request_id))
    if row is None:
        raise HTTPException(404, "Ingestion request not found")
    dataset_row(backend, caller, row["dataset_mfid"], need)
    return row


@router.get("/ingestion_requests/{request_id}")
def get_ingestion_request(
    request_id: int, caller: PrincipalDep, backend: BackendDep
) -> dict[str, Any]:
    """One ingestion request; poll it until its status is terminal."""
    return ingestion_out(_request_for(backend, caller, request_id, "viewer"))


@router.patch("/ingestion_requests/{request_id}")
def update_ingestion_request(
    request_id: int, request: Request, caller: PrincipalDep, backend: BackendDep
) -> dict[str, Any]:
    """A worker's report: status, ingestor commit and class, completion time.

    The request leaves the simulation (as if a real worker had taken it); ``complete`` marks
    the file ingested.
    """
    row = _request_for(backend, caller, request_id, "editor")
    body = json_body(request)
    completed = body.get("time_completed")
    if body["id"] != request_id:
        raise HTTPException(
            422,
            [{"type": "value_error", "loc": ["body", "id"], "msg": "Must match the path"}],
        )
    if completed is not None and body["status"] != "complete":
        raise HTTPException(
            422,
            [
                {
                    "type": "value_error",
                    "loc": ["body", "time_completed"],
                    "msg": "time_completed goes only with status complete",
                }
            ],
        )
    changes: dict[str, Any] = {"status": body["status"], "due": None}
    if body.get("ingestion_class") is not None:
        changes["ingestion_class"] = body["ingestion_class"]
    if body["status"] == "complete":
        when = datetime.fromisoformat(completed).isoformat() if completed else now_iso()
        changes["time_completed"] = when
    db = backend.db
    with db.transaction():
        db.update("requests", request_id, changes)
        if body.get("ingestion_githash") is not None:
            db.execute(
                "UPDATE v3_ingestion SET ingestion_githash = ? WHERE request_id = ?",
                [body["ingestion_githash"], request_id],
            )
        if body["status"] == "complete":
            db.execute("UPDATE v3_files SET ingested = 1 WHERE mfid = ?", [row["file_mfid"]])
    found = ingestion_row(db, request_id)
    assert found is not None
    return ingestion_out(found)


@router.get("/ingestors")
def list_ingestors(caller: PrincipalDep) -> list[str]:
    """Names of the ingestion classes the server knows."""
    return sorted(KNOWN_INGESTORS)
