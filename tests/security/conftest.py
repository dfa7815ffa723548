"""Fixtures of the security suite: one local Crucible, and settings kept out of the user's."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from pycrucible.testing import LocalCrucible

sys.path.insert(0, str(Path(__file__).parent))


@pytest.fixture(scope="session")
def server() -> Iterator[LocalCrucible]:
    testing = pytest.importorskip("pycrucible.testing")
    with testing.LocalCrucible(worker_delay=0.01) as running:
        yield running


@pytest.fixture(autouse=True)
def clean_server_state(request: pytest.FixtureRequest) -> Iterator[None]:
    """Fault rules and the storage log start empty in tests that use the server."""
    if "server" not in request.fixturenames:
        yield
        return
    server: LocalCrucible = request.getfixturevalue("server")
    server.faults.clear()
    server.clear_storage_log()
    yield
    server.faults.clear()


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Only CRUCIBLE_API_VERSION=v1 from the environment; config and cache inside `tmp_path`."""
    for name in list(os.environ):
        if name.startswith("CRUCIBLE_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("CRUCIBLE_API_VERSION", "v1")  # the hostile servers speak the seed era
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path
