"""Prepares the API v3 file, upload and ingestion state and installs their storage stand-in.

The API routes themselves are in :mod:`pycrucible.testing.v3.routes` (``files``, ``uploads``,
``ingestion``); the storage stand-in and the upload control belong to the root app.
"""

from __future__ import annotations

from fastapi import FastAPI

from pycrucible.testing._routes import v3_storage
from pycrucible.testing._state import Backend
from pycrucible.testing._v3_records import INGEST_KIND, ensure_tables
from pycrucible.testing.v3.routes import ingestion


def prepare(backend: Backend) -> None:
    """Create the v3 file tables and let the workers finish v3 ingestion requests."""
    ensure_tables(backend.db)
    backend.workers.finishers[INGEST_KIND] = ingestion.make_finisher(backend)


def install_storage(app: FastAPI) -> None:
    """Add the v3 storage stand-in and upload control (before the seed ``/storage/`` route)."""
    app.include_router(v3_storage.router)
