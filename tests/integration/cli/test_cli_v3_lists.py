"""List commands on API v3 and v1: --limit/--all, --json/--jsonl, table width, --elevate."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from pycrucible import CrucibleClient
from pycrucible.testing import LocalCrucible
from tests.integration.cli.cli_helpers import (
    cli_env,
    error_lines,
    json_of,
    jsonl_of,
    run,
    run_ok,
)

DATASETS = 7


@pytest.fixture(scope="module")
def server() -> Iterator[LocalCrucible]:
    with LocalCrucible() as running:
        with CrucibleClient(running.url_v3, running.user_key, api_version="v3") as client:
            for i in range(DATASETS):
                client.v3.create_dataset(
                    dataset_name=f"list test {i} " + "with a rather long name " * 2,
                    project_id="LOCAL-DEMO",
                )
            client.v3.add_sample(sample_name="list sample", project_id="LOCAL-DEMO")
        with CrucibleClient(running.url, running.user_key, api_version="v1") as client:
            for i in range(DATASETS):
                client.create_dataset(dataset_name=f"seed list {i}")
        yield running


@pytest.fixture
def v3(server: LocalCrucible, tmp_path: Path) -> dict[str, str]:
    return cli_env(server.url_v3, server.user_key, tmp_path)


@pytest.fixture
def v1(server: LocalCrucible, tmp_path: Path) -> dict[str, str]:
    return cli_env(server.url, server.user_key, tmp_path)


@pytest.mark.parametrize("version", ["v1", "v3"])
def test_limit_all_and_the_json_modes(version: str, v1: dict[str, str], v3: dict[str, str]) -> None:
    env = v3 if version == "v3" else v1
    everything = jsonl_of(env, "datasets", "list", "--all")
    assert len(everything) == DATASETS
    assert len({row["unique_id"] for row in everything}) == DATASETS

    cut = run_ok(env, "datasets", "list", "--limit", "3", "--json")
    assert [row["unique_id"] for row in json.loads(cut.stdout)] == [
        row["unique_id"] for row in everything[:3]
    ]
    assert "showing the first 3 datasets; there are more" in cut.stderr

    exact = run_ok(env, "datasets", "list", "--limit", str(DATASETS), "--jsonl")
    assert len(exact.stdout.splitlines()) == DATASETS
    assert "showing" not in exact.stderr


def test_default_limit_comes_from_the_setting(v3: dict[str, str]) -> None:
    rows = jsonl_of({**v3, "CRUCIBLE_DEFAULT_LIMIT": "2"}, "datasets", "list")
    assert len(rows) == 2
    # Without the setting, its default (100) shows all seven.
    assert len(jsonl_of(v3, "datasets", "list")) == DATASETS


def test_limit_and_all_together_is_a_usage_error(v3: dict[str, str]) -> None:
    result = run(v3, "datasets", "list", "--limit", "2", "--all")
    assert result.exit_code == 2
    assert "not both" in result.output
    assert run(v3, "datasets", "list", "--limit", "0").exit_code == 2


@pytest.mark.parametrize("width", [80, 100, 200])
def test_table_fits_the_terminal_width(v3: dict[str, str], width: int) -> None:
    result = run_ok({**v3, "COLUMNS": str(width)}, "datasets", "list", "--all")
    lines = result.stdout.splitlines()
    headers = ["UNIQUE_ID", "DATASET_NAME", "MEASUREMENT", "PROJECT_ID", "PUBLIC", "OWNER_ORCID"]
    shown = lines[0].split()
    assert len(shown) == len(headers)
    # Headers are cut like any cell when the terminal is narrow.
    assert all(h.startswith(s.rstrip("\u2026")) for h, s in zip(headers, shown, strict=True))
    assert len(lines) == DATASETS + 1
    assert max(len(line) for line in lines) <= width
    ids = [row["unique_id"] for row in jsonl_of(v3, "datasets", "list", "--all")]
    # Ids are never cut, so they can be copied from the table.
    assert [line.split()[0] for line in lines[1:]] == ids
    # The names (61 characters) are cut with an ellipsis when the table would not fit.
    assert ("\u2026" in result.stdout) == (width < 200)


@pytest.mark.parametrize("version", ["v1", "v3"])
def test_other_lists(version: str, v1: dict[str, str], v3: dict[str, str]) -> None:
    env = v3 if version == "v3" else v1
    seeded = "Demo microscope" if version == "v3" else "demo-microscope"
    instruments = json_of(env, "instruments", "list")
    assert [i["instrument_name"] for i in instruments] == [seeded]
    assert len(jsonl_of(env, "instruments", "list", "--limit", "1")) == 1
    table = run_ok(env, "instruments", "list")
    assert seeded in table.stdout
    samples = json_of(env, "samples", "list", "--all")
    assert [s["sample_name"] for s in samples] == (["list sample"] if version == "v3" else [])


def test_projects_list_on_v3_is_for_everyone(v3: dict[str, str], v1: dict[str, str]) -> None:
    assert [p["project_id"] for p in json_of(v3, "projects", "list")] == ["LOCAL-DEMO"]
    # The seed-era list is for administrators: one error line, a hint, exit 1.
    refused = run(v1, "projects", "list")
    assert refused.exit_code == 1
    assert any(line.startswith("Hint: ") for line in error_lines(refused))


def test_elevate_sends_the_privilege_header(
    server: LocalCrucible, v3: dict[str, str], tmp_path: Path
) -> None:
    # The server refuses the elevated mode to anyone but a platform administrator: a 403
    # here shows the header was sent (without it, the same call works).
    for args in (["--elevate", "datasets", "list"], ["datasets", "list", "--elevate"]):
        refused = run(v3, *args)
        assert refused.exit_code == 1, refused.output
        lines = error_lines(refused)
        assert "elevated mode" in lines[0]
        assert "--elevate" in lines[1]
    admin = cli_env(server.url_v3, server.admin_key, tmp_path)
    assert len(jsonl_of(admin, "--elevate", "datasets", "list", "--all")) >= DATASETS
    assert json_of(admin, "--elevate", "status")["privilege_mode"] == "elevated"
    assert json_of(admin, "status")["privilege_mode"] == "server default"
    # The server's own view: an administrator set to normal mode is elevated by --elevate
    # (the option wins over the setting), so the header carried "elevated".
    normal = {**admin, "CRUCIBLE_PRIVILEGE_MODE": "normal"}
    assert json_of(normal, "status")["effective_privilege_mode"] == "normal"
    elevated = json_of(normal, "status", "--elevate")
    assert elevated["effective_privilege_mode"] == "elevated"
    assert elevated["privilege_mode"] == "elevated"


def test_elevate_on_v1_warns_and_has_no_effect(v1: dict[str, str]) -> None:
    result = run_ok(v1, "--elevate", "instruments", "list", "--json")
    assert "--elevate has no effect" in result.stderr
    assert "demo-microscope" in result.stdout


def test_filters_are_checked_before_the_network_on_v3(v3: dict[str, str]) -> None:
    named = jsonl_of(
        v3,
        "datasets",
        "list",
        "--filter",
        "dataset_name=list test 3 " + "with a rather long name " * 2,
    )
    assert len(named) == 1
    unknown = run(v3, "datasets", "list", "--filter", "colour=blue")
    assert unknown.exit_code == 2
    lines = error_lines(unknown)
    assert "cannot filter on colour" in lines[0]
    assert "dataset_name" in lines[1]
    assert run(v3, "samples", "list", "--filter", "colour=blue").exit_code == 2


@pytest.mark.parametrize("version", ["v1", "v3"])
def test_read_commands_take_jsonl(version: str, v1: dict[str, str], v3: dict[str, str]) -> None:
    env = v3 if version == "v3" else v1
    first = jsonl_of(env, "datasets", "list", "--limit", "1")[0]
    [record] = jsonl_of(env, "datasets", "get", first["unique_id"])
    assert record["unique_id"] == first["unique_id"]
    [account] = jsonl_of(env, "whoami")
    assert account["user_info"]
    both = run(env, "whoami", "--json", "--jsonl")
    assert both.exit_code == 2
