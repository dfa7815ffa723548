"""`crucible deletion ...` against the local server's API v3 (v3 only: the seed era has none)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pycrucible import CrucibleClient
from pycrucible.testing import LocalCrucible
from tests.integration.cli.cli_helpers import cli_env, error_and_hint, json_of, run


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
    again = json_of(env, "deletion", "request", dsid, "--reason", "a duplicate")
    assert again["id"] == request["id"]
    mine = json_of(env, "deletion", "list", "--scope", "submitted", "--status", "pending", "--all")
    assert request["id"] in [row["id"] for row in mine]
    assert json_of(env, "deletion", "list", "--status", "approved") == []
    shown = json_of(admin, "deletion", "show", str(request["id"]))
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
    request = json_of(env, "deletion", "request", dsid, "--reason", "oops")
    rejected = json_of(
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
    request = json_of(env, "deletion", "request", dsid, "--reason", "mine")
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
    env = cli_env(server.url, server.admin_key, tmp_path)
    for args in (
        ("request", "0" * 26, "--reason", "r"),
        ("list",),
        ("show", "1"),
        ("review", "1", "--approve"),
    ):
        result = run(env, "deletion", *args)
        assert result.exit_code == 2, (args, result.output)
        assert "needs API v3" in error_and_hint(result)
