"""The contract check, over HTTP: a small app that breaks the contract on purpose.

The app is served by uvicorn on loopback, wrapped by the same ``ContractMiddleware`` the local
server uses, so a response that breaks the v3 contract must come back as a 500 that names the
operation, and a request the contract forbids as FastAPI's 422.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import httpx
import pytest
import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from pycrucible.testing._enforce import ContractMiddleware, json_body


async def broken_liveness(request: Request) -> Response:
    return JSONResponse({"alive": True})  # `status` is required


async def undeclared_status(request: Request) -> Response:
    return JSONResponse({"detail": "teapot"}, status_code=418)


async def echo_dataset(request: Request) -> Response:
    body = json_body(request)
    return JSONResponse({"unique_id": body["unique_id"]})


APP = Starlette(
    routes=[
        Route("/health/live", broken_liveness),
        Route("/health/ready", undeclared_status),
        Route("/datasets", echo_dataset, methods=["POST"]),
    ]
)


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(
        ContractMiddleware(APP, version="v3", forbid_extra_query=True),
        log_config=None,
        access_log=False,
        lifespan="off",
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.01)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
    sock.close()


def test_a_body_that_breaks_the_contract_is_a_500_naming_the_operation(base_url: str) -> None:
    response = httpx.get(f"{base_url}/health/live")
    assert response.status_code == 500
    detail = response.json()["detail"]
    assert "get_liveness" in detail
    assert "status" in detail


def test_an_undeclared_status_is_a_500_naming_the_operation(base_url: str) -> None:
    response = httpx.get(f"{base_url}/health/ready")
    assert response.status_code == 500
    assert "get_readiness" in response.json()["detail"]
    assert "418" in response.json()["detail"]


def test_a_valid_request_reaches_the_route_with_its_parsed_body(base_url: str) -> None:
    mfid = "01m8t12b36e48svn06vpx8qw88"
    response = httpx.post(f"{base_url}/datasets", json={"unique_id": mfid})
    assert response.json() == {"unique_id": mfid}


def test_a_forbidden_request_never_reaches_the_route(base_url: str) -> None:
    response = httpx.post(f"{base_url}/datasets", params={"x": "1"}, json={"unique_id": "BAD"})
    assert response.status_code == 422
    kinds = {(item["type"], tuple(item["loc"])) for item in response.json()["detail"]}
    assert kinds == {
        ("extra_forbidden", ("query", "x")),
        ("string_pattern_mismatch", ("body", "unique_id")),
    }


def test_invalid_json_is_a_422(base_url: str) -> None:
    response = httpx.post(
        f"{base_url}/datasets", content=b"{not json", headers={"content-type": "application/json"}
    )
    assert response.status_code == 422
    assert response.json()["detail"][0]["type"] == "json_invalid"
