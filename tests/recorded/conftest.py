"""Fixtures of the cassette tests.

Replay is the default (`record_mode="none"`). Re-record every cassette against a fresh local
server with `PYCRUCIBLE_RECORD=1 python -m pytest tests/recorded`; commit the new cassettes.
"""

from __future__ import annotations

import secrets
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from _recording import (
    CASSETTES,
    FAKE_URL,
    RECORDING,
    REPLAY_KEY,
    Scrubber,
    Target,
    replay_sleep,
)

from pycrucible import CrucibleClient


@pytest.fixture(scope="session")
def target() -> Iterator[Target]:
    if not RECORDING:
        yield Target(FAKE_URL, REPLAY_KEY, REPLAY_KEY, None)
        return
    from pycrucible.testing import LocalCrucible

    user_key, admin_key = secrets.token_urlsafe(24), secrets.token_urlsafe(24)
    with LocalCrucible(user_key=user_key, admin_key=admin_key, worker_delay=0.02) as server:
        made = Target(server.url, user_key, admin_key, Scrubber(server.url, [user_key, admin_key]))
        yield made
    leaked = [
        p.name for p in CASSETTES.glob("*.yaml") if any(k in p.read_text() for k in made.keys)
    ]
    assert not leaked, f"API keys recorded in {leaked}"


@pytest.fixture
def cassette(
    target: Target, request: pytest.FixtureRequest, tmp_path: Path
) -> Iterator[Callable[[str], CrucibleClient]]:
    """Replays (or records) the test's cassette; gives a function making clients for a key."""
    clients: list[CrucibleClient] = []

    def client_for(key: str) -> CrucibleClient:
        made = CrucibleClient(
            target.url, key, state_dir=tmp_path / "state", sleep=replay_sleep, max_retries=0
        )
        clients.append(made)
        return made

    with target.vcr().use_cassette(f"{request.node.name}.yaml"):
        yield client_for
    for made in clients:
        made.close()
