"""Health checks (no API key) and the published contract."""

from __future__ import annotations

import time
from typing import Any

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from pycrucible.testing._contract import load_contract
from pycrucible.testing.v3.auth import BackendDep

router = APIRouter()

API_VERSION = "3.0.0"
SCHEMA_REVISION = "local-v3-0001"


@router.get("/health/live")
def get_liveness() -> dict[str, Any]:
    """Answer while the process is alive (no database check)."""
    return {"status": "ok"}


@router.get("/health/ready")
def get_readiness(backend: BackendDep) -> JSONResponse:
    """Answer ``ok`` with the build and a timed database round trip; 503 when degraded."""
    start = time.perf_counter()
    try:
        backend.db.scalar("SELECT 1")
    except Exception:  # any database failure means "degraded"
        database: dict[str, Any] = {"status": "error", "latency_ms": None, "schema_revisions": []}
        status, code = "degraded", 503
    else:
        latency = (time.perf_counter() - start) * 1000
        database = {"status": "ok", "latency_ms": latency, "schema_revisions": [SCHEMA_REVISION]}
        status, code = "ok", 200
    build = {"api_version": API_VERSION, "git_commit": None, "branch": "local"}
    return JSONResponse({"status": status, "build": build, "database": database}, status_code=code)


@router.get("/openapi.json", include_in_schema=False)
def get_contract() -> dict[str, Any]:
    """Publish the v3 contract, as the real API does."""
    return load_contract("v3")
