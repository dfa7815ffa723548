"""Users, the account and health on API v3, over HTTP: the v3 resources and the seed-era names."""

from __future__ import annotations

import itertools
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from pycrucible import (
    AuthenticationError,
    CrucibleClient,
    NotFoundError,
    PermissionDeniedError,
    ServerError,
)
from pycrucible.testing import LocalCrucible

_NUMBERS = itertools.count(1)


def _person(prefix: str = "pat") -> tuple[str, str, dict[str, str]]:
    """A fresh (ORCID, username, user_info) for a new user."""
    number = next(_NUMBERS)
    orcid = f"0000-0003-{number:04d}-001X"
    username = f"{prefix}{number}"
    info = {"username": username, "first_name": "Pat", "last_name": f"Person{number}"}
    return orcid, username, info


@pytest.fixture(scope="module")
def admin(server: LocalCrucible) -> Iterator[CrucibleClient]:
    """The seed administrator's client on v3 (elevated by the server's default)."""
    with CrucibleClient(server.url_v3, server.admin_key, api_version="v3") as client:
        yield client


# Users


def test_seed_get_user_by_orcid_username_and_email(
    server: LocalCrucible, user: CrucibleClient
) -> None:
    me = user.get_user(server.user_orcid)
    assert me["unique_id"] == server.user_orcid
    assert user.v3.users.get("uma").unique_id == server.user_orcid
    assert user.v3.users.get(" UMA ").username == "uma"
    assert user.v3.users.get("Uma.User@example.org").unique_id == server.user_orcid
    assert user.get_user_by_email("uma.user@example.org")["unique_id"] == server.user_orcid
    with pytest.raises(NotFoundError):
        user.v3.users.get("nobody-here")
    with pytest.raises(NotFoundError):
        user.get_user("0000-0001-0000-0001")
    with pytest.raises(ValueError, match="must be a user"):
        user.get_user("Not A User!")
    with pytest.raises(ValueError, match="e-mail"):
        user.get_user_by_email("uma")


def test_seed_add_user_is_an_upsert(admin: CrucibleClient) -> None:
    orcid, username, info = _person()
    made = admin.add_user({**info, "orcid": orcid, "email": f"{username}@example.org"})
    assert (made["unique_id"], made["username"]) == (orcid, username)
    again = admin.add_user({**info, "orcid": orcid, "first_name": "Patricia"})
    assert again["unique_id"] == orcid
    assert admin.v3.users.get(username).first_name == "Patricia"
    without_orcid = admin.v3.users.create(_person("mint")[2])
    assert len(without_orcid.unique_id) == 26  # the server minted an MFID


def test_add_user_is_sent_elevated_unless_the_call_says_otherwise(server: LocalCrucible) -> None:
    with CrucibleClient(
        server.url_v3, server.admin_key, api_version="v3", privilege_mode="normal"
    ) as normal:
        assert normal.v3.account.profile()["authorization"]["effective_privilege_mode"] == "normal"
        _, username, info = _person()
        assert normal.add_user(info)["username"] == username
        with pytest.raises(PermissionDeniedError):
            normal.v3.users.create(_person()[2], privilege_mode="normal")
        elevated = normal.v3.account.profile(privilege_mode="elevated")
        assert elevated["authorization"]["effective_privilege_mode"] == "elevated"


def test_add_user_checks_the_v3_fields_first(user: CrucibleClient, admin: CrucibleClient) -> None:
    orcid, _, info = _person()
    with pytest.raises(ValueError, match="username"):
        admin.add_user({"orcid": orcid, "first_name": "A", "last_name": "B"})
    with pytest.raises(ValueError, match="lbl_email"):
        admin.add_user({**info, "lbl_email": "a@lbl.example.org"})
    with pytest.raises(ValueError, match="ORCID"):
        admin.add_user({**info, "orcid": "1234"})
    with pytest.raises(PermissionDeniedError):
        user.add_user(info)
    with pytest.raises(NotFoundError):
        admin.v3.users.get(info["username"])  # nothing was stored


def test_seed_get_or_add_user(admin: CrucibleClient) -> None:
    orcid, username, info = _person()
    asked: list[str] = []

    def details(ref: str) -> dict[str, str]:
        asked.append(ref)
        return info

    made = admin.get_or_add_user(orcid, details, ["LOCAL-DEMO"])
    assert (made["unique_id"], made["username"], asked) == (orcid, username, [orcid])
    assert admin.get_or_add_user(orcid, details)["unique_id"] == orcid
    assert asked == [orcid]  # the second call found the user
    demo = {p.project_id: p.role for p in admin.v3.users.projects(orcid)}
    assert demo == {"LOCAL-DEMO": "contributor"}
    with pytest.raises(NotFoundError):
        admin.get_or_add_user(_person()[0])
    with pytest.raises(ValueError, match="expected"):
        admin.get_or_add_user(_person()[0], {**info, "orcid": orcid})


def test_list_search_and_projects_of_users(server: LocalCrucible, user: CrucibleClient) -> None:
    seen = {u.unique_id for u in user.v3.users.list(page_size=1)}
    assert {server.user_orcid, server.admin_orcid} <= seen
    assert len(list(user.v3.users.list(limit=1))) == 1
    assert [u.username for u in user.v3.users.list(q="uma")] == ["uma"]
    found = user.v3.users.search("uma", limit=5)
    assert [u.unique_id for u in found] == [server.user_orcid]
    assert "LOCAL-DEMO" in {p.project_id for p in user.v3.users.projects("uma")}
    with pytest.raises(ValueError, match="between 1 and 50"):
        user.v3.users.search("uma", limit=500)
    with pytest.raises(ValueError, match="3 characters"):
        user.v3.users.search("um")


# Account


def test_seed_whoami_and_the_profile(server: LocalCrucible, user: CrucibleClient) -> None:
    me = user.whoami()
    assert me["user_unique_id"] == server.user_orcid
    assert "LOCAL-DEMO" in user.v3.account.get()["access_group_ids"]
    profile = user.v3.account.profile()
    assert profile.unique_id == server.user_orcid
    assert profile["authorization"]["can_elevate"] is False
    assert user.v3.account.verify_key().valid is True


def test_update_profile(server: LocalCrucible) -> None:
    orcid, username, _ = _person()
    key = server.add_user(orcid, first_name="Old", last_name="Name")
    with CrucibleClient(server.url_v3, key, api_version="v3") as someone:
        changed = someone.v3.account.update_profile(first_name="New", username=f" {username} ")
        assert (changed.first_name, changed.username) == ("New", username)
        assert someone.v3.users.get(username).unique_id == orcid
        with pytest.raises(ValueError, match="needs"):
            someone.v3.account.update_profile()
        with pytest.raises(ValueError, match="username"):
            someone.v3.account.update_profile(username="x")


# Health


def test_health_reports_the_build_and_needs_no_valid_key(server: LocalCrucible) -> None:
    with CrucibleClient(server.url_v3, "not-a-key", api_version="v3") as stranger:
        ready = stranger.v3.health()
        assert ready.status == "ok"
        assert ready["build"]["api_version"] == "3.0.0"
        with pytest.raises(AuthenticationError):
            stranger.whoami()


class _Degraded(BaseHTTPRequestHandler):
    """A server whose readiness check fails: 503 with (or without) the readiness record."""

    with_record = True

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        body = {"status": "degraded", "build": {"api_version": "3.0.0"}}
        body["database"] = {"status": "error", "latency_ms": None, "schema_revisions": []}
        data = json.dumps(body if self.with_record else {"detail": "down"}).encode()
        self.send_response(503)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


@pytest.fixture
def degraded() -> Iterator[ThreadingHTTPServer]:
    running = ThreadingHTTPServer(("127.0.0.1", 0), _Degraded)
    thread = threading.Thread(target=running.serve_forever, daemon=True)
    thread.start()
    try:
        yield running
    finally:
        running.shutdown()
        running.server_close()


def test_health_returns_a_degraded_record_instead_of_raising(
    degraded: ThreadingHTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = f"http://127.0.0.1:{degraded.server_address[1]}/api/v3"
    with CrucibleClient(url, "any-key", api_version="v3", max_retries=0) as client:
        ready = client.v3.health()
        assert (ready.status, ready["database"]["status"]) == ("degraded", "error")
        monkeypatch.setattr(_Degraded, "with_record", False)
        with pytest.raises(ServerError):
            client.v3.health()


def test_get_user_by_email_keyword_as_the_upstream_client_calls_it(
    user: CrucibleClient, server: LocalCrucible
) -> None:
    me = user.get_user(server.user_orcid)
    assert me["email"]
    by_email = user.get_user(email=me["email"])
    assert by_email["unique_id"] == server.user_orcid
    with pytest.raises(ValueError, match="email="):
        user.get_user()
