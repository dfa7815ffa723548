"""`crucible <records> search TEXT` on API v3, and its clear refusal on v1."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from pycrucible import CrucibleClient
from pycrucible.testing import LocalCrucible
from tests.integration.cli.cli_helpers import cli_env, error_lines, json_of, jsonl_of, run, run_ok


@pytest.fixture(scope="module")
def server() -> Iterator[LocalCrucible]:
    with LocalCrucible() as running:
        with CrucibleClient(running.url_v3, running.user_key, api_version="v3") as client:
            for i in range(4):
                client.v3.create_dataset(
                    dataset_name=f"perovskite film {i}", project_id="LOCAL-DEMO"
                )
            client.v3.create_dataset(dataset_name="graphene flake", project_id="LOCAL-DEMO")
            client.v3.add_sample(sample_name="perovskite wafer", project_id="LOCAL-DEMO")
        yield running


@pytest.fixture
def v3(server: LocalCrucible, tmp_path: Path) -> dict[str, str]:
    return cli_env(server.url_v3, server.user_key, tmp_path)


def test_datasets_search_finds_by_name(v3: dict[str, str]) -> None:
    found = json_of(v3, "datasets", "search", "perovskite")
    assert sorted(d["dataset_name"] for d in found) == [f"perovskite film {i}" for i in range(4)]
    lines = jsonl_of(v3, "datasets", "search", "perovskite", "--project", "LOCAL-DEMO")
    assert len(lines) == 4
    table = run_ok(v3, "datasets", "search", "graphene")
    assert table.stdout.splitlines()[0].startswith("UNIQUE_ID")
    assert "graphene flake" in table.stdout
    assert len(table.stdout.splitlines()) == 2


def test_search_limit_cuts_and_says_so(v3: dict[str, str]) -> None:
    cut = run_ok(v3, "datasets", "search", "perovskite", "--limit", "2", "--jsonl")
    assert len(cut.stdout.splitlines()) == 2
    assert "showing the first 2 datasets; there are more" in cut.stderr
    whole = run_ok(v3, "datasets", "search", "perovskite", "--all", "--json")
    assert "showing" not in whole.stderr
    # --limit above the API's 50 is capped, not refused.
    assert len(json_of(v3, "datasets", "search", "perovskite", "--limit", "500")) == 4


def test_every_record_kind_has_a_search(v3: dict[str, str]) -> None:
    samples = json_of(v3, "samples", "search", "perovskite")
    assert [s["sample_name"] for s in samples] == ["perovskite wafer"]
    projects = json_of(v3, "projects", "search", "demo")
    assert [p["project_id"] for p in projects] == ["LOCAL-DEMO"]
    instruments = json_of(v3, "instruments", "search", "microscope")
    assert [i["instrument_name"] for i in instruments] == ["Demo microscope"]
    users = json_of(v3, "users", "search", "uma")
    assert [u["username"] for u in users] == ["uma"]
    assert all("email" not in u for u in users)


def test_no_match_is_an_empty_answer(v3: dict[str, str]) -> None:
    assert json_of(v3, "samples", "search", "zzzzzz") == []
    assert run_ok(v3, "samples", "search", "zzzzzz").stdout == "(none)\n"


def test_too_short_text_is_a_usage_error(v3: dict[str, str]) -> None:
    result = run(v3, "datasets", "search", "pe")
    assert result.exit_code == 2
    assert "at least 3 characters" in error_lines(result)[0]


@pytest.mark.parametrize("kind", ["datasets", "samples", "projects", "instruments", "users"])
def test_search_on_v1_needs_v3(server: LocalCrucible, tmp_path: Path, kind: str) -> None:
    result = run(cli_env(server.url, server.user_key, tmp_path), kind, "search", "perovskite")
    assert result.exit_code == 2
    lines = error_lines(result)
    assert f"`crucible {kind} search` needs API v3" in lines[0]
    assert lines[1].startswith("Hint: ")
