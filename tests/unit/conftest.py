"""Fixtures of the client unit tests (the fake API lives in `_client_fakes.py`)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

sys.path.insert(0, str(Path(__file__).parent))

from _client_fakes import API_KEY, API_URL, FakeAPI, Sleeps

from pycrucible import CrucibleClient


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """No CRUCIBLE_* variables, and config/cache folders inside `tmp_path`."""
    for name in (
        "CRUCIBLE_API_URL",
        "CRUCIBLE_API_KEY",
        "CRUCIBLE_CONFIG",
        "CRUCIBLE_TIMEOUT",
        "CRUCIBLE_CONNECT_TIMEOUT",
        "CRUCIBLE_TRANSFER_TIMEOUT",
        "CRUCIBLE_MAX_RETRIES",
        "CRUCIBLE_STATE_DIR",
        "CRUCIBLE_PRIVILEGE_MODE",
        "CRUCIBLE_READ_TIMEOUT",
        "CRUCIBLE_CHUNK_SIZE_MB",
        "CRUCIBLE_MAX_WORKERS",
        "ORCID_ID",
        "PYCRUCIBLE_CACHE_DIR",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path


@pytest.fixture
def fake() -> FakeAPI:
    return FakeAPI()


@pytest.fixture
def sleeps() -> Sleeps:
    return Sleeps()


@pytest.fixture
def client(clean_env: Path, fake: FakeAPI, sleeps: Sleeps) -> Iterator[CrucibleClient]:
    """A client on the fake API, with recorded (instant) sleeps."""
    with CrucibleClient(
        API_URL,
        API_KEY,
        transport=httpx.MockTransport(fake),
        sleep=sleeps,
        state_dir=clean_env / "state",
    ) as made:
        yield made
