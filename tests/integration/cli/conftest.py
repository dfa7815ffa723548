"""One local server for the CLI tests that need no private one.

Starting a server costs about a second; the CLI test modules share this one. A module whose
tests count what the whole server holds (lists, search) defines its own `server` fixture,
which takes precedence over this one. Modules that share it make their own users (with their
own ORCIDs) where they need records no other module sees.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from pycrucible.testing import LocalCrucible


@pytest.fixture(scope="session")
def server() -> Iterator[LocalCrucible]:
    """The shared local server; its workers take 0.02 s a step."""
    with LocalCrucible(worker_delay=0.02) as running:
        yield running
