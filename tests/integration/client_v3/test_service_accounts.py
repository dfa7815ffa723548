"""Service accounts on API v3: keys shown once and never logged, rotation, revocation."""

from __future__ import annotations

import logging
import secrets
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from pycrucible import (
    AuthenticationError,
    ConflictError,
    CrucibleClient,
    NotFoundError,
    PermissionDeniedError,
)
from pycrucible.errors import error_for_response
from pycrucible.testing import LocalCrucible


@pytest.fixture(scope="module")
def admin(
    server: LocalCrucible, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[CrucibleClient]:
    """The platform admin with `privilege_mode="normal"` for the whole client: the service
    account calls elevate by themselves."""
    state: Path = tmp_path_factory.mktemp("sa-admin")
    with CrucibleClient(
        server.url_v3,
        server.admin_key,
        api_version="v3",
        state_dir=state,
        privilege_mode="normal",
    ) as client:
        yield client


def new_name() -> str:
    return f"sa-{secrets.token_hex(4)}"


def works(server: LocalCrucible, key: str, state: Path) -> bool:
    """Whether an API key is accepted by the server."""
    with CrucibleClient(server.url_v3, key, api_version="v3", state_dir=state) as client:
        try:
            client.v3.datasets.list(limit=1).to_list()
        except AuthenticationError:
            return False
    return True


def test_the_key_is_shown_once_and_never_logged(
    admin: CrucibleClient,
    server: LocalCrucible,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    name = new_name()
    with caplog.at_level(logging.DEBUG):
        made = admin.v3.service_accounts.create(name)
        rotated = admin.v3.service_accounts.rotate_key(made.unique_id)
        fetched = admin.v3.service_accounts.get(made.unique_id)
        assert works(server, rotated.api_key, tmp_path)
    keys = (made.api_key, rotated.api_key)
    assert all(len(key) >= 16 for key in keys)
    assert made.api_key != rotated.api_key
    assert made.username == name
    assert rotated["api_key"] == rotated.api_key  # the caller still gets it
    assert any("created service account" in r.getMessage() for r in caplog.records)
    assert any(r.levelno == logging.DEBUG for r in caplog.records)  # DEBUG was captured
    shown = [caplog.text, *(r.getMessage() for r in caplog.records)]
    shown += [repr(made), str(made), repr(rotated), repr(fetched)]
    for key in keys:
        assert all(key not in text for text in shown)
    assert "<redacted>" in repr(rotated)

    # An error message that echoes a key does not show it either.
    request = httpx.Request("GET", f"{server.url_v3}/account")
    answer = httpx.Response(401, json={"detail": f"key {rotated.api_key} expired"}, request=request)
    assert rotated.api_key not in str(error_for_response(answer))


def test_rotation_retires_the_old_key(
    admin: CrucibleClient, server: LocalCrucible, tmp_path: Path
) -> None:
    made = admin.v3.service_accounts.create(new_name())
    assert works(server, made.api_key, tmp_path)
    rotated = admin.v3.service_accounts.rotate_key(made.unique_id)
    assert not works(server, made.api_key, tmp_path)
    assert works(server, rotated.api_key, tmp_path)


def test_revoke_stops_the_key_and_spares_people(
    admin: CrucibleClient, user: CrucibleClient, server: LocalCrucible, tmp_path: Path
) -> None:
    made = admin.v3.service_accounts.create(new_name())
    admin.v3.service_accounts.revoke(made.unique_id)
    assert not works(server, made.api_key, tmp_path)
    status = admin.v3.service_accounts.get(made.unique_id).api_key_status
    assert status is not None
    assert not status.valid
    with pytest.raises(ValueError, match="MFID"):  # a person's ORCID: refused at once
        admin.v3.service_accounts.revoke(server.user_orcid)
    with pytest.raises(NotFoundError):
        admin.v3.service_accounts.revoke("0" * 26)
    assert works(server, server.user_key, tmp_path)
    again = admin.v3.service_accounts.rotate_key(made.unique_id)
    assert works(server, again.api_key, tmp_path)


def test_list_get_and_update(admin: CrucibleClient) -> None:
    name = new_name()
    made = admin.v3.service_accounts.create(name)
    found = admin.v3.service_accounts.list(q=name).to_list()
    assert [a.unique_id for a in found] == [made.unique_id]
    assert made.unique_id in [a.unique_id for a in admin.v3.service_accounts.list(page_size=1)]
    account = admin.v3.service_accounts.get(made.unique_id)
    assert (account.username, account.platform_role) == (name, "none")
    assert account.is_service_account is True
    changed = admin.v3.service_accounts.update(made.unique_id, "contributor")
    assert changed.platform_role == "contributor"
    assert admin.v3.service_accounts.get(made.unique_id).platform_role == "contributor"


def test_create_with_a_chosen_id_and_a_taken_name(admin: CrucibleClient) -> None:
    name = new_name()
    made = admin.v3.service_accounts.create(name)
    with pytest.raises(ConflictError):
        admin.v3.service_accounts.create(name)
    assert len(admin.v3.service_accounts.list(q=name).to_list()) == 1
    chosen = admin.v3.service_accounts.create(new_name(), unique_id=made.unique_id[:-1] + "0")
    assert chosen.unique_id == made.unique_id[:-1] + "0"


def test_bad_arguments_fail_before_the_network(admin: CrucibleClient) -> None:
    with pytest.raises(ValueError, match="username"):
        admin.v3.service_accounts.create("ab")
    with pytest.raises(ValueError, match="platform_role"):
        admin.v3.service_accounts.update("0" * 26, "superuser")
    with pytest.raises(ValueError, match="q"):
        admin.v3.service_accounts.list(q="ab")
    with pytest.raises(ValueError, match="sa_mfid"):
        admin.v3.service_accounts.get("../users")
    with pytest.raises(ValueError, match="MFID"):
        admin.v3.service_accounts.create(new_name(), unique_id="not-an-mfid")


def test_elevation_is_sent_and_a_per_call_mode_wins(
    admin: CrucibleClient, user: CrucibleClient
) -> None:
    made = admin.v3.service_accounts.create(new_name())  # a client-wide normal mode
    with pytest.raises(PermissionDeniedError):
        admin.v3.service_accounts.get(made.unique_id, privilege_mode="normal")
    assert admin.v3.service_accounts.get(made.unique_id).unique_id == made.unique_id
    with pytest.raises(PermissionDeniedError):  # a normal user may not elevate
        user.v3.service_accounts.list().to_list()
