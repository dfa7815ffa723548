"""`crucible deletion ...` against the local server's API v3 (v3 only: the seed era has none)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from pycrucible import CrucibleClient
from pycrucible.cli._commands import cli
from pycrucible.testing import LocalCrucible


@pytest.fixture(scope="module")
def server() -> Iterator[LocalCrucible]:
    with LocalCrucible(worker_delay=0.02) as running:
        yield running


def make_env(url: str, key: str, tmp_path: Path) -> dict[str, str]:
    return {
        "CRUCIBLE_API_URL": url,
        "CRUCIBLE_API_KEY": key,
        "CRUCIBLE_API_VERSION": "v3" if url.endswith("/api/v3") else "v1",
        "CRUCIBLE_CONFIG": str(tmp_path / "config.toml"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
    }


@pytest.fixture
def env(server: LocalCrucible, tmp_path: Path) -> dict[str, str]:
    return make_env(server.url_v3, server.user_key, tmp_path)


@pytest.fixture
def admin(server: LocalCrucible, tmp_path: Path) -> dict[str, str]:
    return make_env(server.url_v3, server.admin_key, tmp_path)


def run(env: dict[str, str], *args: str) -> Result:
    result = CliRunner().invoke(cli, list(args), env=env, catch_exceptions=False)
    assert "Traceback" not in result.output
    return result


def run_json(env: dict[str, str], *args: str) -> Any:
    result = run(env, *args, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def error_and_hint(result: Result) -> str:
    """The one `Error:` line of a failed command; a `Hint:` line must follow it."""
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1, result.stderr
    assert "\nHint: " in result.stderr, result.stderr
    return errors[0]


@pytest.fixture
def dsid(server: LocalCrucible) -> str:
    with CrucibleClient(server.url_v3, server.user_key, api_version="v3") as client:
        return client.v3.create_dataset(dataset_name="cli deletion").unique_id


def test_request_list_show_and_approve(
    server: LocalCrucible, env: dict[str, str], admin: dict[str, str], dsid: str
) -> None:
    made = run(env, "deletion", "request", dsid, "--reason", "a duplicate", "--json")
    assert made.exit_code == 0, made.output
    request = json.loads(made.stdout)
    assert (request["status"], request["resource_id"], request["reason"]) == (
        "pending",
        dsid,
        "a duplicate",
    )
    assert f"asked to delete {dsid}: request {request['id']}" in made.stderr
    # Asking again while it is pending shows the same request.
    again = run_json(env, "deletion", "request", dsid, "--reason", "a duplicate")
    assert again["id"] == request["id"]
    mine = run_json(env, "deletion", "list", "--scope", "submitted", "--status", "pending", "--all")
    assert request["id"] in [row["id"] for row in mine]
    assert run_json(env, "deletion", "list", "--status", "approved") == []
    shown = run_json(admin, "deletion", "show", str(request["id"]))
    assert shown["resource_id"] == dsid
    reviewed = run(
        admin, "deletion", "review", str(request["id"]), "--approve", "--elevate", "--json"
    )
    assert reviewed.exit_code == 0, reviewed.output
    assert json.loads(reviewed.stdout)["status"] == "approved"
    assert f"deletion request {request['id']}: approved" in reviewed.stderr
    with CrucibleClient(server.url_v3, server.user_key, api_version="v3") as client:
        assert dsid not in [d.unique_id for d in client.v3.datasets.list()]  # it stays hidden


def test_a_rejected_request_brings_the_record_back(
    server: LocalCrucible, env: dict[str, str], admin: dict[str, str], dsid: str
) -> None:
    request = run_json(env, "deletion", "request", dsid, "--reason", "oops")
    rejected = run_json(
        admin, "deletion", "review", str(request["id"]), "--reject", "--comment", "keep it"
    )
    assert (rejected["status"], rejected["reviewer_notes"]) == ("rejected", "keep it")
    with CrucibleClient(server.url_v3, server.user_key, api_version="v3") as client:
        assert dsid in [d.unique_id for d in client.v3.datasets.list()]  # it came back
    table = run(env, "deletion", "list", "--status", "rejected")
    assert table.exit_code == 0
    assert table.stdout.splitlines()[0].split()[:2] == ["ID", "STATUS"]
    assert any(line.split()[0] == str(request["id"]) for line in table.stdout.splitlines()[1:])


def test_everyday_mistakes(env: dict[str, str], admin: dict[str, str], dsid: str) -> None:
    no_reason = run(env, "deletion", "request", dsid)
    assert no_reason.exit_code == 2
    assert "--reason" in error_and_hint(no_reason)
    neither = run(admin, "deletion", "review", "1")
    assert neither.exit_code == 2
    assert "--approve" in error_and_hint(neither)
    both = run(admin, "deletion", "review", "1", "--approve", "--reject")
    assert both.exit_code == 2
    unknown = run(admin, "deletion", "show", "987654")
    assert unknown.exit_code == 1
    error_and_hint(unknown)
    request = run_json(env, "deletion", "request", dsid, "--reason", "mine")
    not_a_reviewer = run(env, "deletion", "review", str(request["id"]), "--approve")
    assert not_a_reviewer.exit_code == 1
    assert "403" in error_and_hint(not_a_reviewer)
    not_an_id = run(env, "deletion", "request", "MFP-123", "--reason", "x")
    assert not_an_id.exit_code == 2
    assert "must be an MFID" in error_and_hint(not_an_id)
    unknown_record = run(env, "deletion", "request", "0" * 26, "--reason", "x")
    assert unknown_record.exit_code == 1
    error_and_hint(unknown_record)


def test_seed_era_server(server: LocalCrucible, tmp_path: Path) -> None:
    env = make_env(server.url, server.admin_key, tmp_path)
    for args in (
        ("request", "0" * 26, "--reason", "r"),
        ("list",),
        ("show", "1"),
        ("review", "1", "--approve"),
    ):
        result = run(env, "deletion", *args)
        assert result.exit_code == 2, (args, result.output)
        assert "needs API v3" in error_and_hint(result)
