"""Shared fixtures: one local server for the folder, httpx clients for its two seed accounts."""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from pycrucible.testing import LocalCrucible

_NEW_USERS = itertools.count(1)
TERMINAL = {"complete", "completed", "failed", "not supported", "file not found", "file too large"}


@pytest.fixture(scope="session")
def server() -> Iterator[LocalCrucible]:
    with LocalCrucible(worker_delay=0.02) as running:
        yield running


@pytest.fixture(autouse=True)
def _clean_faults(server: LocalCrucible) -> Iterator[None]:
    yield
    server.faults.clear()
    server.worker_delay = 0.02


def _client(server: LocalCrucible, key: str | None) -> httpx.Client:
    headers = {} if key is None else {"Authorization": f"Bearer {key}"}
    return httpx.Client(base_url=server.url, headers=headers, timeout=10)


@pytest.fixture
def user(server: LocalCrucible) -> Iterator[httpx.Client]:
    """A client with the seed normal user's key."""
    with _client(server, server.user_key) as client:
        yield client


@pytest.fixture
def admin(server: LocalCrucible) -> Iterator[httpx.Client]:
    """A client with the seed admin's key."""
    with _client(server, server.admin_key) as client:
        yield client


@pytest.fixture
def anonymous(server: LocalCrucible) -> Iterator[httpx.Client]:
    """A client without any API key."""
    with _client(server, None) as client:
        yield client


@pytest.fixture
def other_user(server: LocalCrucible) -> Iterator[httpx.Client]:
    """A client with the key of a fresh normal user (no projects, no groups)."""
    orcid = f"0000-0001-0000-{next(_NEW_USERS):04d}"
    key = server.add_user(orcid, first_name="Olga", last_name="Other")
    with _client(server, key) as client:
        client.headers["X-Test-Orcid"] = orcid
        yield client


@pytest.fixture
def make_dataset(user: httpx.Client) -> Callable[..., dict[str, Any]]:
    """Create a dataset (as the seed user unless another client is given); return it."""

    def make(client: httpx.Client | None = None, **fields: Any) -> dict[str, Any]:
        response = (client or user).post("/datasets", json={"dataset_name": "test", **fields})
        assert response.status_code == 200, response.text
        return dict(response.json())

    return make


def _wait_for(client: httpx.Client, path: str, timeout: float = 5.0) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while True:
        request = dict(client.get(path).json())
        if request["status"] in TERMINAL or time.monotonic() > deadline:
            return request
        time.sleep(0.01)


@pytest.fixture
def wait_for() -> Callable[..., dict[str, Any]]:
    """``wait_for(client, path, timeout=5.0)``: poll a request until its status is terminal."""
    return _wait_for
