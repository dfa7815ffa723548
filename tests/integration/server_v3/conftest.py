"""Shared fixtures for API v3: one local server, httpx clients on ``/api/v3``."""

from __future__ import annotations

import itertools
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

sys.path.insert(0, str(Path(__file__).parent))

from _v3files_helpers import PART_SIZE, complete, initiate, put_parts, sign

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


@pytest.fixture(autouse=True)
def _small_parts(server: LocalCrucible) -> Iterator[None]:
    """Small upload parts keep multi-part tests quick; each test starts with uploads on."""
    with httpx.Client(base_url=server.url, timeout=10) as control:
        control.headers["Authorization"] = f"Bearer {server.admin_key}"
        control.put("/_control/uploads", json={"multipart_enabled": True, "part_size": PART_SIZE})
        yield
        control.put("/_control/uploads", json={"multipart_enabled": True})
    server.faults.clear()
    server.worker_delay = 0.02


@pytest.fixture
def control(server: LocalCrucible) -> Iterator[httpx.Client]:
    """A client for the server's test control routes (admin key)."""
    with httpx.Client(base_url=server.url, timeout=10) as client:
        client.headers["Authorization"] = f"Bearer {server.admin_key}"
        yield client


@pytest.fixture
def storage() -> Iterator[httpx.Client]:
    """A client for signed storage URLs: it never carries an API key."""
    with httpx.Client(timeout=30) as client:
        yield client


@pytest.fixture
def dataset(user: httpx.Client) -> str:
    """A fresh dataset of the seed normal user; returns its MFID."""
    return str(make_dataset(user, dataset_name="v3 files")["unique_id"])


@pytest.fixture
def upload(user: httpx.Client, storage: httpx.Client) -> Callable[..., dict[str, Any]]:
    """Upload bytes through signed multipart as the seed user; return the file record."""

    def run(dataset: str, name: str, data: bytes) -> dict[str, Any]:
        started = initiate(user, dataset, name, data)
        assert started.status_code == 200, started.text
        session = started.json()
        if session["existing_file"] is not None:
            return dict(session["existing_file"])
        signed = sign(user, dataset, session["upload_id"], data, session["part_size"])
        assert put_parts(storage, signed, data) == [200] * len(signed)
        done = complete(user, dataset, session["upload_id"], data)
        assert done.status_code == 200, done.text
        return dict(done.json())

    return run
