"""Shared fixtures for API v3: one local server, httpx clients on ``/api/v3``."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from pycrucible.testing import LocalCrucible
from pycrucible.testing._ids import new_mfid

_ORCIDS = itertools.count(1)


@pytest.fixture(scope="session")
def server() -> Iterator[LocalCrucible]:
    with LocalCrucible(worker_delay=0.02) as running:
        yield running


def v3_client(server: LocalCrucible, key: str | None, **headers: str) -> httpx.Client:
    """An httpx client on the v3 base URL with an API key (or none)."""
    if key is not None:
        headers["Authorization"] = f"Bearer {key}"
    return httpx.Client(base_url=server.url_v3, headers=headers, timeout=10)


@pytest.fixture
def user(server: LocalCrucible) -> Iterator[httpx.Client]:
    """The seed normal user."""
    with v3_client(server, server.user_key) as client:
        yield client


@pytest.fixture
def admin(server: LocalCrucible) -> Iterator[httpx.Client]:
    """The seed admin (elevated: no privilege header)."""
    with v3_client(server, server.admin_key) as client:
        yield client


@pytest.fixture
def anonymous(server: LocalCrucible) -> Iterator[httpx.Client]:
    """No API key."""
    with v3_client(server, None) as client:
        yield client


@pytest.fixture
def new_user(server: LocalCrucible) -> Iterator[Callable[[], httpx.Client]]:
    """Make fresh normal users, each with their own key."""
    clients: list[httpx.Client] = []

    def make() -> httpx.Client:
        number = next(_ORCIDS)
        key = server.add_user(
            f"0000-0001-7000-{number:04d}", first_name="New", last_name=f"U{number}"
        )
        client = v3_client(server, key)
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.close()


def make_dataset(client: httpx.Client, **fields: Any) -> dict[str, Any]:
    """Create a dataset with a fresh MFID; return its record."""
    response = client.post("/datasets", json={"unique_id": new_mfid(), **fields})
    assert response.status_code == 200, response.text
    record: dict[str, Any] = response.json()
    return record
