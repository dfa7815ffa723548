"""The FastAPI application of the local server."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response
from fastapi.routing import APIRoute
from starlette.requests import ClientDisconnect
from starlette.types import ASGIApp, Receive, Scope, Send

from pycrucible.testing._enforce import ContractMiddleware
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
    v3_setup,
)
from pycrucible.testing._state import Backend, StorageLogMiddleware
from pycrucible.testing.v3.auth import key_is_valid

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

BODY_LIMIT_EXEMPT = ("/uploads/", "/storage/")
"""Paths whose bodies are file bytes (upload chunks, parts and objects), not limited by size."""


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
    v3_setup.prepare(backend)
    v3_setup.install_storage(app)  # before the seed /storage/ route, which matches any path
    app.include_router(control.storage_router)
    app.include_router(control.control_router)
    app.add_middleware(
        JsonBodyLimit, max_bytes=backend.max_json_body, exempt_prefixes=BODY_LIMIT_EXEMPT
    )
    app.add_exception_handler(ClientDisconnect, _client_gone)
    app.add_exception_handler(OverflowError, _bad_input)
    app.add_exception_handler(UnicodeError, _bad_input)
    return app


V1_ALIASES = ("/testapi", "/api/v1")
"""Prefixes under which the seed-era API also answers (it is at the root too)."""

V3_PREFIX = "/api/v3"
"""Where API v3 is served."""


class VersionDispatch:
    """ASGI app routing ``/api/v3/...`` to the v3 app and everything else to the seed-era app.

    ``/testapi/...`` and ``/api/v1/...`` reach the seed-era app with the prefix moved to
    ``root_path``, as a reverse proxy would. Lifespan events go to the seed-era app (it starts
    and stops the simulated workers).

    Args:
        v1: The seed-era app (wrapped as served).
        v3: The v3 app (wrapped as served), or None.
    """

    def __init__(self, v1: ASGIApp, v3: ASGIApp | None) -> None:
        self.v1 = v1
        self.v3 = v3

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.v1(scope, receive, send)
            return
        path: str = scope["path"]
        if self.v3 is not None and _under(path, V3_PREFIX):
            await self.v3(_strip(scope, V3_PREFIX), receive, send)
            return
        for prefix in V1_ALIASES:
            if _under(path, prefix):
                await self.v1(_strip(scope, prefix), receive, send)
                return
        await self.v1(scope, receive, send)


def _under(path: str, prefix: str) -> bool:
    return path == prefix or path.startswith(prefix + "/")


def _strip(scope: Scope, prefix: str) -> Scope:
    inner = dict(scope)
    inner["path"] = scope["path"][len(prefix) :] or "/"
    raw = scope.get("raw_path")
    if raw is not None:
        inner["raw_path"] = raw[len(prefix) :] or b"/"
    inner["root_path"] = scope.get("root_path", "") + prefix
    return inner


def serve_app(
    app: FastAPI,
    backend: Backend,
    v3_app: FastAPI | None = None,
    *,
    enforce_contract: bool = True,
) -> ASGIApp:
    """Wrap the apps for serving.

    From the outside in: the storage request log, fault injection (both see every request of
    both versions, so rules and the log work on v3 paths too), the version dispatch, and per
    version the contract check (:class:`pycrucible.testing._enforce.ContractMiddleware`).
    All wrap the whole apps (not as FastAPI middleware): fault injection needs the server's own
    ASGI callables to close a connection without answering, the log sees faulted requests, and
    the contract check sees the 500s the apps make of their own errors.

    Args:
        app: The seed-era app.
        backend: The served state.
        v3_app: The v3 app, or None to serve the seed-era API only.
        enforce_contract: Check responses of both versions, and requests of the seed-era
            API, against their contracts. v3 requests are always checked: the v3 routes read
            the converted values. Off only for benchmarks.
    """
    v1: ASGIApp = ContractMiddleware(
        app,
        version="v1",
        check_requests=enforce_contract,
        check_responses=enforce_contract,
        max_body=backend.max_json_body,
        reject_requests=False,
    )
    v3: ASGIApp | None = None
    if v3_app is not None:
        v3 = ContractMiddleware(
            v3_app,
            version="v3",
            check_responses=enforce_contract,
            forbid_extra_query=True,
            max_body=backend.max_json_body,
            authenticate=lambda headers: key_is_valid(backend.db, headers),
        )
    return StorageLogMiddleware(
        FaultMiddleware(VersionDispatch(v1, v3), backend.faults), backend.storage_log
    )
