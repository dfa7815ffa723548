"""The FastAPI application of the local server."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response
from fastapi.routing import APIRoute
from starlette.requests import ClientDisconnect
from starlette.types import ASGIApp

from pycrucible.testing._faults import FaultMiddleware
from pycrucible.testing._limits import JsonBodyLimit
from pycrucible.testing._routes import (
    catalog,
    control,
    dataset_parts,
    datasets,
    files,
    people,
    processing,
    samples,
)
from pycrucible.testing._state import Backend, StorageLogMiddleware

logger = logging.getLogger("pycrucible.testing")

API_ROUTERS = (
    datasets.router,
    dataset_parts.router,
    files.router,
    processing.router,
    samples.router,
    people.router,
    catalog.router,
)

BODY_LIMIT_EXEMPT = ("/uploads/",)
"""Paths whose bodies are file bytes (resumable-upload chunks), not limited by size."""


def _route_name(route: APIRoute) -> str:
    return route.name


async def _client_gone(request: Request, exc: Exception) -> Response:
    """Log one line (no traceback) when a client goes away before its body arrived."""
    logger.info(
        "client disconnected during %s %s; the request was abandoned",
        request.method,
        request.url.path,
    )
    return Response(status_code=400)  # nobody is left to read it


async def _bad_input(request: Request, exc: Exception) -> JSONResponse:
    """Answer 400 for values the storage cannot hold (huge integers, invalid Unicode)."""
    return JSONResponse({"detail": f"Bad request: {exc}"}, status_code=400)


def create_app(backend: Backend) -> FastAPI:
    """Build the HTTP app serving one backend.

    The app implements every operation of ``openapi-v1.json`` (route function names are the
    operationIds), plus the signed storage URLs under ``/storage/`` and test control under
    ``/_control/``. Its lifespan starts and stops the simulated workers. Serve it wrapped by
    :func:`serve_app`, which adds fault injection and the storage request log.

    Args:
        backend: The state to serve.
    """

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        backend.workers.start()
        try:
            yield
        finally:
            backend.workers.stop()

    app = FastAPI(
        title="Crucible API (local test server)",
        version="1.0.0",
        description="A local, test and development implementation of the Crucible API.",
        generate_unique_id_function=_route_name,
        separate_input_output_schemas=False,
        lifespan=lifespan,
        # A local test server: no telemetry, and never exporters configured from the environment.
        telemetry={
            "tracing": False,
            "metrics": False,
            "logs": False,
            "operation_spans": False,
            "auto_configure": False,
        },
    )
    app.state.backend = backend
    for router in API_ROUTERS:
        app.include_router(router)
    app.include_router(control.storage_router)
    app.include_router(control.control_router)
    app.add_middleware(
        JsonBodyLimit, max_bytes=backend.max_json_body, exempt_prefixes=BODY_LIMIT_EXEMPT
    )
    app.add_exception_handler(ClientDisconnect, _client_gone)
    app.add_exception_handler(OverflowError, _bad_input)
    app.add_exception_handler(UnicodeError, _bad_input)
    return app


def serve_app(app: FastAPI, backend: Backend) -> ASGIApp:
    """Wrap the app for serving: the storage request log outermost, then fault injection.

    Both wrap the whole app (not as FastAPI middleware): fault injection needs the server's own
    ASGI callables to close a connection without answering, and the log sees faulted requests.
    """
    return StorageLogMiddleware(FaultMiddleware(app, backend.faults), backend.storage_log)
