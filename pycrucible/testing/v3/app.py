"""The FastAPI application of API v3 (served under ``/api/v3``)."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute

from pycrucible.testing._limits import JsonBodyLimit
from pycrucible.testing._state import Backend
from pycrucible.testing.v3.routes import (
    account,
    dataset_parts,
    datasets,
    deletion,
    facets,
    files,
    grants,
    graphs,
    groups,
    health,
    ingestion,
    instruments,
    links,
    projects,
    resources,
    samples,
    service_accounts,
    uploads,
    users,
)
from pycrucible.testing.v3.seed import seed_v3

V3_ROUTERS = (
    health.router,
    facets.router,  # before datasets and samples: /datasets/facets is not a dataset MFID
    datasets.router,
    dataset_parts.router,
    links.router,
    samples.router,
    resources.router,
    grants.router,
    deletion.router,
    account.router,
    users.router,
    projects.router,
    instruments.router,
    service_accounts.router,
    groups.router,
    graphs.router,
    files.router,
    uploads.router,
    ingestion.router,
)
"""Every v3 router; a new resource module adds its ``router`` here."""

BODY_LIMIT_EXEMPT = ("/storage/", "/uploads/")
"""v3 paths whose bodies are file bytes, not limited by size."""


def _route_name(route: APIRoute) -> str:
    return route.name


async def _out_of_range(request: Request, exc: Exception) -> JSONResponse:
    """Answer 422 for numbers SQLite cannot hold (above 2**63 - 1), e.g. a huge integer id."""
    item = {
        "type": "value_error",
        "loc": ["path" if request.path_params else "body"],
        "msg": f"Number out of range: {exc}",
        "input": None,
    }
    return JSONResponse({"detail": [item]}, status_code=422)


async def _not_text(request: Request, exc: Exception) -> JSONResponse:
    """Answer 422 for strings the database cannot store (lone surrogates such as ``\\ud9ed``)."""
    item = {"type": "string_unicode", "loc": ["body"], "msg": "Input is not valid Unicode text"}
    return JSONResponse({"detail": [{**item, "input": None}]}, status_code=422)


def create_v3_app(backend: Backend) -> FastAPI:
    """Build the v3 app serving one backend (the v3 tables are created and seeded here).

    Route function names are the contract's operationIds. Request checking and conversion,
    and the response check, are added around it by :func:`pycrucible.testing._app.serve_app`.

    Args:
        backend: The state to serve (shared with the seed-era API).
    """
    seed_v3(backend.db)
    app = FastAPI(
        title="Crucible API v3 (local test server)",
        version="3.0.0",
        generate_unique_id_function=_route_name,
        openapi_url=None,
        docs_url=None,
        redoc_url=None,
        telemetry={
            "tracing": False,
            "metrics": False,
            "logs": False,
            "operation_spans": False,
            "auto_configure": False,
        },
    )
    app.state.backend = backend
    for router in V3_ROUTERS:
        app.include_router(router)
    app.add_middleware(
        JsonBodyLimit, max_bytes=backend.max_json_body, exempt_prefixes=BODY_LIMIT_EXEMPT
    )
    app.add_exception_handler(OverflowError, _out_of_range)
    app.add_exception_handler(UnicodeError, _not_text)
    return app
