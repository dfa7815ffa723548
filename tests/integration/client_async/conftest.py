"""Fixtures of the async client's integration tests: the local server's v3 over HTTP.

pytest has no asyncio plugin here: each test runs its coroutine with `asyncio.run`, which gives
it a fresh event loop, as a script would; a client belongs to one loop, so each test makes its
own (`connect`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from pycrucible import AsyncCrucibleClient
from pycrucible.testing import LocalCrucible

Connect = Callable[..., AsyncCrucibleClient]


@pytest.fixture(scope="session")
def server() -> Iterator[LocalCrucible]:
    with LocalCrucible() as running:
        yield running


@pytest.fixture
def connect(server: LocalCrucible, tmp_path: Path) -> Connect:
    """Makes an async client of the normal user (or of `key=`) on the server's v3."""

    def make(key: str | None = None, **settings: Any) -> AsyncCrucibleClient:
        settings.setdefault("state_dir", tmp_path / "state")
        settings.setdefault("api_version", "v3")  # the suite's default is v1 (tests/conftest.py)
        return AsyncCrucibleClient(server.url_v3, key or server.user_key, **settings)

    return make
