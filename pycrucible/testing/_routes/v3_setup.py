"""Installs the API v3 file, upload and ingestion operations and their storage stand-in."""

from __future__ import annotations

from fastapi import APIRouter, FastAPI

from pycrucible.testing._routes import v3_files, v3_ingestion, v3_storage, v3_uploads
from pycrucible.testing._state import Backend
from pycrucible.testing._v3_records import INGEST_KIND, ensure_tables

V3_FILE_ROUTERS: tuple[APIRouter, ...] = (v3_uploads.router, v3_files.router, v3_ingestion.router)
"""The API routers of the contract's ``files``, ``uploads`` and ``ingestion`` tags."""


def prepare(backend: Backend) -> None:
    """Create the v3 file tables and let the workers finish v3 ingestion requests."""
    ensure_tables(backend.db)
    backend.workers.finishers[INGEST_KIND] = v3_ingestion.make_finisher(backend)


def install_storage(app: FastAPI) -> None:
    """Add the v3 storage stand-in and upload control (before the seed ``/storage/`` route)."""
    app.include_router(v3_storage.router)
