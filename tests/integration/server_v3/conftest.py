"""Shared fixtures for the v3 file tests: one local server, v3 clients, datasets and uploads."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

sys.path.insert(0, str(Path(__file__).parent))

from _v3files_helpers import PART_SIZE, V3, complete, initiate, put_parts, sign

from pycrucible.testing import LocalCrucible


@pytest.fixture(scope="session")
def server() -> Iterator[LocalCrucible]:
    with LocalCrucible(worker_delay=0.02) as running:
        yield running


@pytest.fixture(autouse=True)
def _small_parts(server: LocalCrucible) -> Iterator[None]:
    """Small parts keep multi-part uploads quick; every test starts with uploads switched on."""
    with httpx.Client(base_url=server.url, timeout=10) as control:
        control.headers["Authorization"] = f"Bearer {server.admin_key}"
        control.put("/_control/uploads", json={"multipart_enabled": True, "part_size": PART_SIZE})
        yield
        control.put("/_control/uploads", json={"multipart_enabled": True})
    server.faults.clear()
    server.worker_delay = 0.02


def _client(server: LocalCrucible, key: str | None) -> httpx.Client:
    headers = {} if key is None else {"Authorization": f"Bearer {key}"}
    return httpx.Client(base_url=server.url + V3, headers=headers, timeout=30)


@pytest.fixture
def user(server: LocalCrucible) -> Iterator[httpx.Client]:
    """A v3 client with the seed normal user's key."""
    with _client(server, server.user_key) as client:
        yield client


@pytest.fixture
def admin(server: LocalCrucible) -> Iterator[httpx.Client]:
    """A v3 client with the seed admin's key."""
    with _client(server, server.admin_key) as client:
        yield client


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
def dataset(server: LocalCrucible) -> str:
    """A fresh dataset of the seed normal user; returns its MFID."""
    with httpx.Client(base_url=server.url, timeout=10) as seed_api:
        seed_api.headers["Authorization"] = f"Bearer {server.user_key}"
        response = seed_api.post("/datasets", json={"dataset_name": "v3 files"})
        assert response.status_code == 200, response.text
        return str(response.json()["unique_id"])


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
