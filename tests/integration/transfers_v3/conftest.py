"""Fixtures for the v3 transfer engines: one local server, the client's own pooled clients."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import httpx
import pytest
from crucible_openapi.v3 import AuthenticatedClient

from pycrucible._http import HttpClients, build_clients
from pycrucible._transport import RetryPolicy
from pycrucible.testing import LocalCrucible
from pycrucible.testing._ids import new_mfid

PART_SIZE = 64 * 1024


@pytest.fixture(scope="session")
def server() -> Iterator[LocalCrucible]:
    with LocalCrucible(worker_delay=0.02) as running:
        yield running


@pytest.fixture(autouse=True)
def _small_parts(server: LocalCrucible) -> Iterator[None]:
    """Small parts keep multi-part tests quick; every test starts with multipart uploads on."""
    with httpx.Client(base_url=server.url, timeout=10) as control:
        control.headers["Authorization"] = f"Bearer {server.admin_key}"
        control.put("/_control/uploads", json={"multipart_enabled": True, "part_size": PART_SIZE})
        yield
        control.put("/_control/uploads", json={"multipart_enabled": True})
    server.faults.clear()


@pytest.fixture
def connect(
    server: LocalCrucible,
) -> Iterator[Callable[[], tuple[AuthenticatedClient, HttpClients]]]:
    """Builds fresh client objects on the v3 base URL, as `CrucibleClient` builds them."""
    made: list[HttpClients] = []

    def make() -> tuple[AuthenticatedClient, HttpClients]:
        clients = build_clients(
            server.url_v3,
            server.user_key,
            timeout=httpx.Timeout(10),
            transfer_timeout=httpx.Timeout(30),
            policy=RetryPolicy(max_retries=0),
        )
        made.append(clients)
        api = AuthenticatedClient(base_url=server.url_v3, token=server.user_key)
        api.set_httpx_client(clients.http)
        return api, clients

    yield make
    for clients in made:
        clients.close()


@pytest.fixture
def dataset(server: LocalCrucible) -> str:
    """A fresh dataset of the seed normal user; returns its MFID."""
    mfid = new_mfid()
    with httpx.Client(base_url=server.url_v3, timeout=10) as client:
        client.headers["Authorization"] = f"Bearer {server.user_key}"
        answer = client.post("/datasets", json={"unique_id": mfid, "dataset_name": "transfers"})
        assert answer.status_code == 200, answer.text
    return mfid
