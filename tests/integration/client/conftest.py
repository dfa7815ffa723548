"""Fixtures of the client's integration tests: one local Crucible server for the whole session."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from pycrucible import CrucibleClient
from pycrucible.testing import LocalCrucible

WORKER_DELAY = 0.02  # seconds per simulated worker step


def fast_sleep(seconds: float) -> None:
    """Waits and retry pauses, shortened: the local workers finish in milliseconds."""
    time.sleep(min(seconds, 0.01))


@pytest.fixture(scope="session")
def server() -> Iterator[LocalCrucible]:
    with LocalCrucible(worker_delay=WORKER_DELAY) as running:
        yield running


@pytest.fixture(scope="session")
def state_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("client-state")


def make_client(server: LocalCrucible, key: str, state_dir: Path) -> CrucibleClient:
    return CrucibleClient(server.url, key, state_dir=state_dir, sleep=fast_sleep)


@pytest.fixture(scope="session")
def user(server: LocalCrucible, state_dir: Path) -> Iterator[CrucibleClient]:
    """A normal user's client (member of the seed project LOCAL-DEMO)."""
    with make_client(server, server.user_key, state_dir / "user") as client:
        yield client


@pytest.fixture(scope="session")
def admin(server: LocalCrucible, state_dir: Path) -> Iterator[CrucibleClient]:
    with make_client(server, server.admin_key, state_dir / "admin") as client:
        yield client


@pytest.fixture
def dataset(user: CrucibleClient, request: pytest.FixtureRequest) -> str:
    """A fresh dataset of the normal user; its `unique_id`."""
    made = user.create_dataset(dataset_name=f"test {request.node.name}", project_id="LOCAL-DEMO")
    return made.unique_id


@pytest.fixture
def frozen_workers(server: LocalCrucible) -> Iterator[None]:
    """Processing requests stay `requested` until the test ends."""
    server.worker_delay = None
    try:
        yield
    finally:
        server.worker_delay = WORKER_DELAY
