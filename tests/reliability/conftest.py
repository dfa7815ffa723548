"""Fixtures of the reliability suite: one local Crucible, clients whose pauses are recorded.

Every test injects faults with `server.faults.add(...)` and checks what the user gets back.
The retry and wait pauses go through the client's `sleep` argument, which records them and
returns at once, so no test waits for a backoff.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("uvicorn")
sys.path.insert(0, str(Path(__file__).parent))

from _reliability_helpers import Pauses

from pycrucible import CrucibleClient
from pycrucible.testing import LocalCrucible

WORKER_DELAY = 0.02  # seconds per simulated worker step


@pytest.fixture(scope="session")
def server() -> Iterator[LocalCrucible]:
    with LocalCrucible(worker_delay=WORKER_DELAY) as running:
        yield running


@pytest.fixture(autouse=True)
def no_faults_left(server: LocalCrucible) -> Iterator[None]:
    """Every test starts and ends without fault rules and with running workers."""
    server.faults.clear()
    server.clear_storage_log()
    yield
    server.faults.clear()
    server.worker_delay = WORKER_DELAY


@pytest.fixture
def pauses() -> Pauses:
    return Pauses()


@pytest.fixture
def client(server: LocalCrucible, pauses: Pauses, tmp_path: Path) -> Iterator[CrucibleClient]:
    """The normal user's client: default retries (3), pauses recorded instead of slept."""
    with CrucibleClient(
        server.url, server.user_key, state_dir=tmp_path / "state", sleep=pauses, timeout=10
    ) as made:
        yield made


@pytest.fixture
def dsid(client: CrucibleClient, request: pytest.FixtureRequest) -> str:
    """A fresh dataset of the normal user."""
    return client.create_dataset(dataset_name=f"reliability {request.node.name}").unique_id
