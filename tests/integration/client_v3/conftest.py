"""Fixtures of the client's API v3 integration tests: the local server's v3 over HTTP."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from pycrucible import CrucibleClient
from pycrucible.testing import LocalCrucible


@pytest.fixture(scope="session")
def server() -> Iterator[LocalCrucible]:
    with LocalCrucible() as running:
        yield running


@pytest.fixture(scope="session")
def user(
    server: LocalCrucible, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[CrucibleClient]:
    """A normal user's client on API v3 (the version named, as a deployment would)."""
    state: Path = tmp_path_factory.mktemp("client-v3-state")
    with CrucibleClient(
        server.url_v3, server.user_key, api_version="v3", state_dir=state
    ) as client:
        yield client


@pytest.fixture
def dataset(user: CrucibleClient, request: pytest.FixtureRequest) -> str:
    """A fresh dataset of the normal user on v3; its MFID."""
    return user.v3.create_dataset(dataset_name=f"v3 {request.node.name}").unique_id
