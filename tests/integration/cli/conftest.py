"""One local server for the CLI tests that need no private one.

Starting a server costs about a second; the CLI test modules share this one. A module whose
tests count what the whole server holds (lists, search) defines its own `server` fixture,
which takes precedence over this one. Modules that share it make their own users (with their
own ORCIDs) where they need records no other module sees.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from pycrucible.testing import LocalCrucible
from tests.integration.cli.cli_helpers import cli_env


@pytest.fixture(scope="session")
def server() -> Iterator[LocalCrucible]:
    """The shared local server; its workers take 0.02 s a step."""
    with LocalCrucible(worker_delay=0.02) as running:
        yield running


@pytest.fixture
def env(server: LocalCrucible, tmp_path: Path) -> dict[str, str]:
    """The seed normal user's environment on API v3 (a module may define its own)."""
    return cli_env(server.url_v3, server.user_key, tmp_path)


@pytest.fixture
def admin(server: LocalCrucible, tmp_path: Path) -> dict[str, str]:
    """The seed admin's environment on API v3 (the admin leads the LOCAL-DEMO project)."""
    return cli_env(server.url_v3, server.admin_key, tmp_path)
