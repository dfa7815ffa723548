"""`crucible projects members|add-member|set-role|remove-member|create` against the local
server's API v3 and the seed era."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from pycrucible import CrucibleClient
from pycrucible.testing import LocalCrucible
from tests.integration.cli.cli_helpers import cli_env, error_and_hint, json_of, run

MEMBER_ORCID = "0000-0002-0000-0202"


@pytest.fixture(scope="module", autouse=True)
def member(server: LocalCrucible) -> None:
    """Mia, a second user known to API v3."""
    key = server.add_user(MEMBER_ORCID, first_name="Mia", email="mia@example.org")
    with CrucibleClient(server.url_v3, key, api_version="v3") as client:
        client.v3.whoami()  # makes Mia's v3 account


def roles(rows: list[dict[str, Any]]) -> dict[str, str]:
    return {row["unique_id"]: row["role"] for row in rows}


def test_members_with_roles(server: LocalCrucible, admin: dict[str, str]) -> None:
    team = roles(json_of(admin, "projects", "members", "LOCAL-DEMO"))
    assert team[server.admin_orcid] == "owner"
    assert team[server.user_orcid] == "contributor"
    assert len(json_of(admin, "projects", "members", "LOCAL-DEMO", "--limit", "1")) == 1
    table = run(admin, "projects", "members", "LOCAL-DEMO")
    assert table.stdout.splitlines()[0].split()[-1] == "ROLE"


def test_add_set_role_and_remove(admin: dict[str, str]) -> None:
    added = run(admin, "projects", "add-member", "LOCAL-DEMO", MEMBER_ORCID, "--role", "viewer")
    assert added.exit_code == 0, added.output
    assert f"added {MEMBER_ORCID} to LOCAL-DEMO as viewer" in added.stderr
    team = json_of(admin, "projects", "members", "LOCAL-DEMO", "--all")
    assert roles(team)[MEMBER_ORCID] == "viewer"
    changed = json_of(admin, "projects", "set-role", "LOCAL-DEMO", MEMBER_ORCID, "--role", "editor")
    assert roles(changed)[MEMBER_ORCID] == "editor"
    removed = run(admin, "projects", "remove-member", "LOCAL-DEMO", MEMBER_ORCID, "--json")
    assert removed.exit_code == 0, removed.output
    assert MEMBER_ORCID not in roles(json.loads(removed.stdout))
    assert f"removed {MEMBER_ORCID} from LOCAL-DEMO" in removed.stderr


def test_create(admin: dict[str, str]) -> None:
    made = run(
        admin,
        "projects",
        "create",
        "CLI-NEW",
        "--organization",
        "Foundry",
        "--title",
        "T",
        "--json",
    )
    assert made.exit_code == 0, made.output
    project = json.loads(made.stdout)
    assert (project["project_id"], project["organization"]) == ("CLI-NEW", "Foundry")
    # The same slug again shows that project; nothing is duplicated.
    again = json_of(admin, "projects", "create", "CLI-NEW", "--organization", "Foundry")
    assert again["unique_id"] == project["unique_id"]


def test_everyday_mistakes(server: LocalCrucible, admin: dict[str, str], tmp_path: Path) -> None:
    bad_role = run(admin, "projects", "add-member", "LOCAL-DEMO", MEMBER_ORCID, "--role", "owner")
    assert bad_role.exit_code == 2
    assert "owner" in error_and_hint(bad_role)
    no_role = run(admin, "projects", "set-role", "LOCAL-DEMO", MEMBER_ORCID)
    assert no_role.exit_code == 2
    assert "--role" in error_and_hint(no_role)
    unknown = run(admin, "projects", "members", "NO-SUCH-PROJECT")
    assert unknown.exit_code == 1
    error_and_hint(unknown)
    user = cli_env(server.url_v3, server.user_key, tmp_path)
    denied = run(user, "projects", "remove-member", "LOCAL-DEMO", server.admin_orcid)
    assert denied.exit_code == 1
    error_and_hint(denied)


def test_seed_era_server(server: LocalCrucible, tmp_path: Path) -> None:
    admin = cli_env(server.url, server.admin_key, tmp_path)
    team = json_of(admin, "projects", "add-member", "LOCAL-DEMO", MEMBER_ORCID)
    assert MEMBER_ORCID in [row["orcid"] for row in team]
    listed = json_of(admin, "projects", "members", "LOCAL-DEMO")
    assert MEMBER_ORCID in [row["orcid"] for row in listed]
    no_roles = run(admin, "projects", "add-member", "LOCAL-DEMO", MEMBER_ORCID, "--role", "viewer")
    assert no_roles.exit_code == 2
    assert "no member roles" in error_and_hint(no_roles)
    made = json_of(
        admin, "projects", "create", "CLI-V1", "--organization", "Foundry", "--lead", "a@b.org"
    )
    assert made["project_id"] == "CLI-V1"
    for args in (("set-role", "LOCAL-DEMO", "x", "--role", "viewer"), ("remove-member", "P", "x")):
        result = run(admin, "projects", *args)
        assert result.exit_code == 2, (args, result.output)
        assert "needs API v3" in error_and_hint(result)
