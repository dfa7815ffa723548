"""`crucible access ...` against the local server's API v3 (and the seed era's groups)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pycrucible import CrucibleClient
from pycrucible.errors import NotFoundError, PermissionDeniedError
from pycrucible.testing import LocalCrucible
from tests.integration.cli.cli_helpers import cli_env, error_and_hint, json_of, run

HIDDEN = (NotFoundError, PermissionDeniedError)  # a record you may not read

OTHER_ORCID = "0000-0002-0000-0101"


@pytest.fixture(scope="module")
def other_key(server: LocalCrucible) -> str:
    """A second user, known to API v3 (their first v3 call makes their v3 account)."""
    key = server.add_user(OTHER_ORCID, first_name="Otto", email="otto@example.org")
    with CrucibleClient(server.url_v3, key, api_version="v3") as client:
        client.v3.whoami()
    return key


@pytest.fixture
def dsid(server: LocalCrucible) -> str:
    with CrucibleClient(server.url_v3, server.user_key, api_version="v3") as client:
        return client.v3.create_dataset(dataset_name="cli access").unique_id


def grants(env: dict[str, str], mfid: str) -> dict[str, str]:
    return {
        row["principal_id"]: row["permission"] for row in json_of(env, "access", "grants", mfid)
    }


def test_grants_show_the_owner_first(env: dict[str, str], server: LocalCrucible, dsid: str) -> None:
    rows = json_of(env, "access", "grants", dsid)
    assert (rows[0]["principal_id"], rows[0]["permission"]) == (server.user_orcid, "owner")
    table = run(env, "access", "grants", dsid)
    assert table.stdout.splitlines()[0].split()[:2] == ["PRINCIPAL_TYPE", "PRINCIPAL_ID"]


def test_grant_and_revoke_a_user_and_a_group(
    env: dict[str, str], other_key: str, dsid: str
) -> None:
    made = json_of(env, "access", "grant", dsid, "--user", OTHER_ORCID, "--role", "viewer")
    assert made["permission"] == "viewer"
    assert grants(env, dsid)[OTHER_ORCID] == "viewer"
    changed = run(env, "access", "grant", dsid, "--user", OTHER_ORCID, "--role", "editor")
    assert changed.exit_code == 0, changed.output
    assert f"granted editor on {dsid} to user {OTHER_ORCID}" in changed.stderr
    assert grants(env, dsid)[OTHER_ORCID] == "editor"
    project = json_of(env, "access", "grant", dsid, "--group", "LOCAL-DEMO", "--role", "viewer")
    assert project["permission"] == "viewer"
    gone = run(env, "access", "revoke", dsid, "--user", OTHER_ORCID)
    assert gone.exit_code == 0, gone.output
    assert OTHER_ORCID not in grants(env, dsid)
    assert run(env, "access", "revoke", dsid, "--group", "LOCAL-DEMO", "--json").exit_code == 0
    assert set(grants(env, dsid).values()) == {"owner"}


def test_public_and_private(
    env: dict[str, str], server: LocalCrucible, other_key: str, dsid: str
) -> None:
    with CrucibleClient(server.url_v3, other_key, api_version="v3") as other:
        with pytest.raises(HIDDEN):
            other.v3.get_dataset(dsid)
        public = run(env, "access", "public", dsid)
        assert public.exit_code == 0, public.output
        assert "is public" in public.stderr
        assert other.v3.get_dataset(dsid).unique_id == dsid
        private = json_of(env, "access", "private", dsid)
        assert isinstance(private, dict)
        with pytest.raises(HIDDEN):
            other.v3.get_dataset(dsid)


def test_transfer_previews_then_confirms(
    env: dict[str, str], server: LocalCrucible, other_key: str, dsid: str
) -> None:
    preview = run(env, "access", "transfer", dsid, OTHER_ORCID, "--json")
    assert preview.exit_code == 0, preview.output
    assert "preview: the owner of" in preview.stderr
    assert "--confirm" in preview.stderr
    shown = json.loads(preview.stdout)
    assert shown["new_owner"]["unique_id"] == OTHER_ORCID
    assert grants(env, dsid)[server.user_orcid] == "owner"  # nothing changed
    done = run(env, "access", "transfer", dsid, OTHER_ORCID, "--yes")
    assert done.exit_code == 0, done.output
    assert f"transferred {dsid}" in done.stderr
    other_env = cli_env(server.url_v3, other_key, Path(env["XDG_CACHE_HOME"]).parent)
    assert grants(other_env, dsid)[OTHER_ORCID] == "owner"


def test_reassign_previews_then_confirms(
    env: dict[str, str], server: LocalCrucible, dsid: str
) -> None:
    preview = json_of(env, "access", "reassign", dsid, "LOCAL-DEMO")
    assert preview["new_project_id"] == "LOCAL-DEMO"
    with CrucibleClient(server.url_v3, server.user_key, api_version="v3") as client:
        assert client.v3.get_dataset(dsid)["project_id"] != "LOCAL-DEMO"
        done = run(env, "access", "reassign", dsid, "LOCAL-DEMO", "--confirm")
        assert done.exit_code == 0, done.output
        assert f"moved {dsid}" in done.stderr
        assert client.v3.get_dataset(dsid)["project_id"] == "LOCAL-DEMO"


def test_everyday_mistakes(env: dict[str, str], dsid: str) -> None:
    unknown = run(env, "access", "grants", "0" * 26)
    assert unknown.exit_code == 1
    error_and_hint(unknown)
    for command in ("grants", "public", "private"):
        not_an_id = run(env, "access", command, "bad id!")  # refused before the network
        assert not_an_id.exit_code == 2, command
        assert "must be an MFID" in error_and_hint(not_an_id)
    both = run(env, "access", "grant", dsid, "--user", "a", "--group", "b", "--role", "viewer")
    assert both.exit_code == 2
    assert "exactly one of --user and --group" in error_and_hint(both)
    no_role = run(env, "access", "grant", dsid, "--user", OTHER_ORCID)
    assert no_role.exit_code == 2
    assert "--role" in error_and_hint(no_role)
    owner = run(env, "access", "grant", dsid, "--user", OTHER_ORCID, "--role", "owner")
    assert owner.exit_code == 2
    error_and_hint(owner)


def test_someone_else_may_not_change_access(
    server: LocalCrucible, other_key: str, dsid: str, tmp_path: Path
) -> None:
    env = cli_env(server.url_v3, other_key, tmp_path)
    denied = run(env, "access", "public", dsid)
    assert denied.exit_code == 1
    error_and_hint(denied)


def test_seed_era_server(server: LocalCrucible, tmp_path: Path) -> None:
    with CrucibleClient(server.url, server.user_key) as client:
        dsid = client.create_dataset(dataset_name="cli v1 access")["unique_id"]
    admin = cli_env(server.url, server.admin_key, tmp_path)
    made = json_of(admin, "access", "grant", dsid, "--group", "LOCAL-DEMO", "--role", "editor")
    assert made["group_name"] == "LOCAL-DEMO"
    names = [row["group_name"] for row in json_of(admin, "access", "grants", dsid)]
    assert "LOCAL-DEMO" in names
    for args in (("public", dsid), ("revoke", dsid, "--user", "x"), ("transfer", dsid, "x")):
        result = run(admin, "access", *args)
        assert result.exit_code == 2, (args, result.output)
        assert "needs API v3" in error_and_hint(result)
