"""`crucible status` and `crucible open ID` on API v3 and v1."""

from __future__ import annotations

from pathlib import Path

import pytest

from pycrucible import CrucibleClient
from pycrucible.testing import LocalCrucible
from tests.integration.cli.cli_helpers import cli_env, error_lines, json_of, run, run_ok

EXPLORER = "https://explorer.example.org/graph/"


def test_status_on_v3(server: LocalCrucible, tmp_path: Path) -> None:
    env = cli_env(server.url_v3, server.user_key, tmp_path)
    report = json_of(env, "status")
    assert report["api_url"] == server.url_v3
    assert report["api_version"] == "v3"
    assert report["health"]["status"] == "ok"
    assert report["whoami"]["user_info"]["username"] == "uma"
    assert report["privilege_mode"] == "server default"
    assert report["effective_privilege_mode"] == "normal"
    assert report["config_sources"]["api_url"] == "$CRUCIBLE_API_URL"
    assert report["config_sources"]["api_key"] == "$CRUCIBLE_API_KEY"
    assert report["config_sources"]["graph_explorer_url"] == "not set"
    text = run_ok(env, "status").stdout
    assert f"API URL         {server.url_v3}" in text
    assert "health          ok" in text
    assert "Uma User" in text
    normal = json_of({**env, "CRUCIBLE_PRIVILEGE_MODE": "normal"}, "status")
    assert normal["privilege_mode"] == "normal"
    assert normal["config_sources"]["privilege_mode"] == "$CRUCIBLE_PRIVILEGE_MODE"


def test_status_on_v1(server: LocalCrucible, tmp_path: Path) -> None:
    env = cli_env(server.url, server.user_key, tmp_path)
    report = json_of(env, "status")
    assert report["api_version"] == "v1"
    assert report["health"]["status"] == "unknown"
    assert report["whoami"]["user_info"]["orcid"] == server.user_orcid
    assert report["privilege_mode"] is None
    assert report["effective_privilege_mode"] is None
    assert "no privilege modes" in run_ok(env, "status").stdout


def test_status_with_a_bad_key_is_one_error_line(server: LocalCrucible, tmp_path: Path) -> None:
    env = cli_env(server.url_v3, "not-a-key", tmp_path)
    result = run(env, "status")
    assert result.exit_code == 1
    assert "Hint: check the API key" in "\n".join(error_lines(result))


def test_status_without_settings_is_a_usage_error(tmp_path: Path) -> None:
    env = cli_env("", "", tmp_path)
    result = run({**env, "CRUCIBLE_API_URL": "", "CRUCIBLE_API_KEY": ""}, "status")
    assert result.exit_code == 2
    assert "no Crucible API URL" in error_lines(result)[0]


@pytest.mark.parametrize("version", ["v1", "v3"])
def test_open_prints_the_page_of_a_dataset_or_sample(
    server: LocalCrucible, tmp_path: Path, version: str
) -> None:
    url = server.url_v3 if version == "v3" else server.url
    with CrucibleClient(url, server.user_key, api_version=version) as client:
        dsid = client.create_dataset(dataset_name="open me", project_id="LOCAL-DEMO").unique_id
        sample = client.add_sample(sample_name="open sample", project_id="LOCAL-DEMO").unique_id
        loose = client.create_dataset(dataset_name="no project").unique_id
    env = cli_env(url, server.user_key, tmp_path, CRUCIBLE_GRAPH_EXPLORER_URL=EXPLORER)
    page = run_ok(env, "open", dsid, "--print").stdout
    assert page == f"https://explorer.example.org/graph/LOCAL-DEMO/datasets/{dsid}\n"
    page = run_ok(env, "open", sample, "--print").stdout
    assert page == f"https://explorer.example.org/graph/LOCAL-DEMO/samples/{sample}\n"
    without = run(env, "open", loose, "--print")
    assert without.exit_code == 2
    assert "--project" in error_lines(without)[1]
    chosen = run_ok(env, "open", loose, "--print", "--project", "OTHER").stdout
    assert chosen == f"https://explorer.example.org/graph/OTHER/datasets/{loose}\n"


def test_open_without_the_setting_guesses_no_host(server: LocalCrucible, tmp_path: Path) -> None:
    env = cli_env(server.url_v3, server.user_key, tmp_path)
    result = run(env, "open", "01m8tk1fxpem4v6t610rb7avwy", "--print")
    assert result.exit_code == 2
    lines = error_lines(result)
    assert "graph_explorer_url" in lines[0]
    assert "CRUCIBLE_GRAPH_EXPLORER_URL" in lines[1]
    assert result.stdout == ""


@pytest.mark.parametrize("version", ["v1", "v3"])
def test_open_an_unknown_id(server: LocalCrucible, tmp_path: Path, version: str) -> None:
    url = server.url_v3 if version == "v3" else server.url
    env = cli_env(url, server.user_key, tmp_path, CRUCIBLE_GRAPH_EXPLORER_URL=EXPLORER)
    result = run(env, "open", "01m8tk1fxpem4v6t610rb7avwy", "--print")
    assert result.exit_code == 2
    assert "no dataset or sample" in error_lines(result)[0]
