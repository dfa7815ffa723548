"""The v3 registry's own logic behind a scripted transport: lookups and checks before sending."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from pycrucible import CrucibleClient
from pycrucible._v3.identity import is_mfid

URL = "http://127.0.0.1:9/api/v3"
MFID = "0tbgz0v9pkfqs5e2xg2e1wn3y8"
LEGACY = "spectr0meter7b3amhz2025abc"  # a legacy 26-character slug that looks like an MFID


class Script:
    """Answers the few routes these tests use and records every request."""

    def __init__(self) -> None:
        self.sent: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.sent.append(request)
        path = request.url.path.removeprefix("/api/v3")
        if path.startswith("/instruments/"):
            return httpx.Response(404, json={"detail": "Instrument not found"})
        if path == "/instruments":
            slug = request.url.params.get("instrument_id")
            items = [{"unique_id": MFID, "instrument_id": slug}] if slug == LEGACY else []
            page = {"items": items, "total": len(items), "limit": 2, "offset": 0}
            return httpx.Response(200, json=page)
        return httpx.Response(500, json={"detail": f"unscripted {path}"})


@pytest.fixture
def script() -> Script:
    return Script()


@pytest.fixture
def client(script: Script) -> Iterator[CrucibleClient]:
    with CrucibleClient(
        URL, "unit-key-7f2a", api_version="v3", transport=httpx.MockTransport(script), max_retries=0
    ) as made:
        yield made


def test_an_mfid_shaped_legacy_slug_is_looked_up_as_a_slug(
    client: CrucibleClient, script: Script
) -> None:
    assert is_mfid(LEGACY)
    found = client.v3.instruments.get(LEGACY)
    assert found.unique_id == MFID
    asked = [(r.method, r.url.path, dict(r.url.params)) for r in script.sent]
    assert asked == [
        ("GET", f"/api/v3/instruments/{LEGACY}", {}),
        ("GET", "/api/v3/instruments", {"instrument_id": LEGACY, "limit": "2", "offset": "0"}),
    ]


def test_bad_registry_input_sends_nothing(client: CrucibleClient, script: Script) -> None:
    v3 = client.v3
    with pytest.raises(ValueError, match="instrument_id"):
        v3.instruments.create("no", "Name", "Room")
    with pytest.raises(ValueError, match="location"):
        v3.instruments.create("scope-1", "Name", " ")
    with pytest.raises(ValueError, match="must be a user"):
        v3.projects.create("proj-1", "MF", lead="Jane Doe")
    with pytest.raises(ValueError, match="role must be one of"):
        v3.projects.set_member_role("proj-1", "uma", "owner")
    with pytest.raises(ValueError, match="username"):
        v3.users.create({"first_name": "A", "last_name": "B"})
    with pytest.raises(ValueError, match="page_size"):
        v3.users.list(page_size=0)
    with pytest.raises(ValueError, match="must be a user"):
        v3.users.projects("Jane Doe")
    with pytest.raises(ValueError, match="privilege_mode"):
        v3.account.profile(privilege_mode="root")
    assert script.sent == []
