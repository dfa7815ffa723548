"""The `crucible` command through its entry point, against a real local server."""

from __future__ import annotations

import hashlib
import json
import os
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from pycrucible.cli._commands import cli
from pycrucible.testing import LocalCrucible


@pytest.fixture
def env(server: LocalCrucible, tmp_path: Path) -> dict[str, str]:
    return {
        "CRUCIBLE_API_URL": server.url,
        "CRUCIBLE_API_KEY": server.user_key,
        "CRUCIBLE_CONFIG": str(tmp_path / "config.toml"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
    }


def run(env: dict[str, str], *args: str, stdin: str | None = None) -> Result:
    result = CliRunner().invoke(cli, list(args), env=env, input=stdin, catch_exceptions=False)
    for secret in (env.get("CRUCIBLE_API_KEY"),):
        if secret:
            assert secret not in result.output, f"key printed by {args}"
    return result


def run_json(env: dict[str, str], *args: str) -> Any:
    result = run(env, *args, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_help_lists_every_command_group(env: dict[str, str]) -> None:
    result = run(env, "--help")
    assert result.exit_code == 0
    for name in (
        "config",
        "whoami",
        "datasets",
        "samples",
        "instruments",
        "projects",
        "users",
        "ingest",
        "scicat",
        "drive-transfer",
        "requests",
        "serve",
        "demo",
        "completion",
    ):
        assert f"  {name}" in result.output, name


def test_whoami(env: dict[str, str], server: LocalCrucible) -> None:
    account = run_json(env, "whoami")
    assert account["user_info"]["orcid"] == server.user_orcid
    table = run(env, "whoami")
    assert table.exit_code == 0
    assert server.user_orcid in table.stdout


def test_dataset_journey(env: dict[str, str], tmp_path: Path) -> None:
    metadata = tmp_path / "meta.json"
    metadata.write_text(json.dumps({"temperature": 77, "stage": {"x": 1}}))
    created = run(
        env,
        "datasets",
        "create",
        "--name",
        "cli run",
        "--measurement",
        "XRD",
        "--metadata",
        str(metadata),
        "--keyword",
        "cli-test",
    )
    assert created.exit_code == 0, created.output
    dsid = created.stdout.strip()
    assert len(dsid) == 26

    listed = run_json(env, "datasets", "list", "--keyword", "CLI-TE")
    assert [row["unique_id"] for row in listed] == [dsid]
    table = run(env, "datasets", "list", "--filter", "measurement=XRD")
    assert dsid in table.stdout
    assert "UNIQUE_ID" in table.stdout

    assert run_json(env, "datasets", "get", dsid)["dataset_name"] == "cli run"
    updated = run_json(env, "datasets", "update", dsid, "--set", "dataset_name=renamed")
    assert updated["dataset_name"] == "renamed"

    assert run_json(env, "datasets", "metadata", "get", dsid) == {
        "temperature": 77,
        "stage": {"x": 1},
    }
    merged = run_json(env, "datasets", "metadata", "merge", dsid, '{"stage": {"y": 2}}')
    assert merged == {"temperature": 77, "stage": {"x": 1, "y": 2}}
    replaced = run(env, "datasets", "metadata", "set", dsid, "-", "--json", stdin='{"only": 1}')
    assert json.loads(replaced.stdout) == {"only": 1}

    keywords = run_json(env, "datasets", "keywords", dsid, "--add", "second")
    assert sorted(k["keyword"] for k in keywords) == ["cli-test", "second"]

    data = tmp_path / "scan.bin"
    data.write_bytes(os.urandom(70_000))
    uploaded = run_json(env, "datasets", "upload", dsid, str(data))
    assert uploaded[0]["sha256"] == hashlib.sha256(data.read_bytes()).hexdigest()

    out = tmp_path / "back"
    paths = run_json(env, "datasets", "download", dsid, "--output-dir", str(out))
    assert [Path(p).name for p in paths] == ["scan.bin"]
    assert (out / "scan.bin").read_bytes() == data.read_bytes()

    child = run(env, "datasets", "create", "--name", "child").stdout.strip()
    linked = run(env, "datasets", "link", dsid, child)
    assert linked.exit_code == 0, linked.output


def test_sample_commands(env: dict[str, str]) -> None:
    parent = run(env, "samples", "add", "--name", "bulk").stdout.strip()
    child_record = run_json(env, "samples", "add", "--name", "slice", "--parent", parent)
    child = child_record["unique_id"]
    children = run_json(env, "samples", "list", "--parent", parent)
    assert [s["unique_id"] for s in children] == [child]
    assert run_json(env, "samples", "get", child)["sample_name"] == "slice"

    other = run(env, "samples", "add", "--name", "other").stdout.strip()
    assert run(env, "samples", "link", parent, other).exit_code == 0
    assert len(run_json(env, "samples", "list", "--parent", parent)) == 2

    dsid = run(env, "datasets", "create", "--name", "with sample").stdout.strip()
    assert run(env, "samples", "add-to-dataset", dsid, child).exit_code == 0
    assert [s["unique_id"] for s in run_json(env, "samples", "list", "--dataset", dsid)] == [child]


def test_catalog_commands(env: dict[str, str], server: LocalCrucible) -> None:
    admin = {**env, "CRUCIBLE_API_KEY": server.admin_key}
    names = [i["instrument_name"] for i in run_json(env, "instruments", "list")]
    assert "demo-microscope" in names
    assert run_json(env, "instruments", "get", "DEMO-MICROSCOPE")["instrument_name"] in names
    added = run_json(admin, "instruments", "add", "cli-scope", "--location", "lab 2")
    assert added["location"] == "lab 2"
    assert run_json(env, "instruments", "get", added["unique_id"])["instrument_name"] == "cli-scope"

    projects = run_json(admin, "projects", "list")
    assert "LOCAL-DEMO" in [p["project_id"] for p in projects]
    assert run_json(env, "projects", "get", "LOCAL-DEMO")["project_id"] == "LOCAL-DEMO"
    members = run_json(admin, "projects", "users", "LOCAL-DEMO")
    assert server.user_orcid in [m["orcid"] for m in members]
    assert run_json(admin, "users", "get", server.user_orcid)["orcid"] == server.user_orcid


def test_admin_command_with_user_key_exits_1_with_hint(env: dict[str, str]) -> None:
    result = run(env, "projects", "list")
    assert result.exit_code == 1
    assert "403" in result.stderr
    assert "Hint:" in result.stderr


def test_processing_commands_and_exit_codes(
    env: dict[str, str], server: LocalCrucible, tmp_path: Path
) -> None:
    dsid = run(env, "datasets", "create", "--name", "to ingest").stdout.strip()
    data = tmp_path / "scan.h5"
    data.write_bytes(b"fake hdf5 bytes")
    assert run(env, "datasets", "upload", dsid, str(data)).exit_code == 0
    done = run_json(env, "ingest", dsid, "--wait", "--interval", "0.05")
    assert done["status"] == "complete"
    status = run_json(env, "requests", "status", dsid, str(done["id"]))
    assert status["status"] == "complete"
    waited = run_json(env, "requests", "wait", dsid, str(done["id"]), "--interval", "0.05")
    assert waited["id"] == done["id"]
    # --jsonl: the same record on one line, for scripts that read line by line.
    line = run(env, "requests", "wait", dsid, str(done["id"]), "--jsonl").stdout
    assert line.count("\n") == 1
    assert json.loads(line)["id"] == done["id"]
    again = run(env, "ingest", dsid, "--wait", "--interval", "0.05", "--jsonl")
    assert again.exit_code == 0, again.output
    assert json.loads(again.stdout)["status"] == "complete"
    both = run(env, "requests", "status", dsid, str(done["id"]), "--json", "--jsonl")
    assert both.exit_code == 2

    failed = run(
        env, "ingest", dsid, "--ingestor", "NoSuchIngestor", "--wait", "--interval", "0.05"
    )
    assert failed.exit_code == 4, failed.output
    assert "not supported" in failed.stderr

    scicat = run_json(env, "scicat", dsid, "--wait", "--interval", "0.05")
    assert scicat["status"] == "complete"
    locations = run_json(env, "drive-transfer", dsid, "--wait", "--interval", "0.05")
    assert any(loc["status"] == "current" for loc in locations)

    server.worker_delay = None
    try:
        stuck = run(env, "ingest", dsid, "--wait", "--timeout", "0.3", "--interval", "0.05")
    finally:
        server.worker_delay = 0.02
    assert stuck.exit_code == 3, stuck.output
    assert "requested" in stuck.stderr


def test_usage_errors_exit_2(env: dict[str, str], tmp_path: Path) -> None:
    assert run(env, "datasets", "get").exit_code == 2
    assert run(env, "datasets", "list", "--filter", "no-equals-sign").exit_code == 2
    missing = run(env, "datasets", "upload", "0" * 26, str(tmp_path / "absent.h5"))
    assert missing.exit_code == 2
    bad_id = run(env, "datasets", "get", "../etc")
    assert bad_id.exit_code == 2
    unset = {k: v for k, v in env.items() if k != "CRUCIBLE_API_URL"}
    no_url = run(unset, "whoami")
    assert no_url.exit_code == 2
    assert "CRUCIBLE_API_URL" in no_url.stderr


def test_unknown_key_exits_1_with_key_hint(env: dict[str, str]) -> None:
    result = run({**env, "CRUCIBLE_API_KEY": "not-a-real-key-123"}, "whoami")
    assert result.exit_code == 1
    assert "API key" in result.stderr


def test_missing_record_exits_1(env: dict[str, str]) -> None:
    result = run(env, "datasets", "get", "0" * 26)
    assert result.exit_code == 1
    assert "not found" in result.stderr


def test_config_file_is_private_and_never_echoes_the_key(
    env: dict[str, str], server: LocalCrucible, tmp_path: Path
) -> None:
    bare = {k: v for k, v in env.items() if k not in ("CRUCIBLE_API_URL", "CRUCIBLE_API_KEY")}
    init = run(
        bare,
        "config",
        "init",
        "--api-url",
        server.url,
        "--api-key-stdin",
        stdin=server.user_key + "\n",
    )
    assert init.exit_code == 0, init.output
    path = Path(env["CRUCIBLE_CONFIG"])
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert server.user_key not in init.output

    shown = run(bare, "config", "show", "--json")
    assert server.user_key not in shown.output
    rows = {row["setting"]: row for row in json.loads(shown.stdout)}
    assert rows["api_key"]["value"] == "(set, hidden)"
    assert rows["api_url"]["value"] == server.url
    lines = run(bare, "config", "show", "--jsonl").stdout.splitlines()
    assert [json.loads(line) for line in lines] == list(rows.values())

    assert run(bare, "config", "set", "timeout", "zero").exit_code == 2
    assert run(bare, "config", "set", "timeout", "0").exit_code == 2  # the client would refuse it
    assert run(bare, "config", "set", "timeout", "12").exit_code == 0
    assert "timeout = 12" in path.read_text()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600

    who = run_json(bare, "whoami")
    assert who["user_info"]["orcid"] == server.user_orcid


def test_completion_script(env: dict[str, str]) -> None:
    result = run(env, "completion", "bash")
    assert result.exit_code == 0
    assert "_CRUCIBLE_COMPLETE" in result.stdout


def test_console_script_entry_point(env: dict[str, str]) -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "pycrucible.cli", "whoami", "--json"],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    assert json.loads(completed.stdout)["user_info"]["first_name"]
    assert env["CRUCIBLE_API_KEY"] not in completed.stdout + completed.stderr


def test_demo_runs_the_journey_on_v1(env: dict[str, str]) -> None:
    result = run(env, "demo", "--api-version", "v1")
    assert result.exit_code == 0, result.output
    assert "Started a local Crucible at http://127.0.0.1:" in result.stdout
    assert "/api/v3" not in result.stdout
    assert "sha256 matches" in result.stdout
    assert "every step of the journey worked" in result.stdout


def test_demo_runs_on_v3_by_default(env: dict[str, str]) -> None:
    result = run(env, "demo")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert "/api/v3 (data in" in lines[0]
    assert [line.split(".", 1)[0] for line in lines[:10]] == [str(n) for n in range(1, 11)]
    assert any(line.startswith("3. Created dataset") for line in lines)
    assert lines[-1].startswith("Done in ")


def test_demo_refuses_an_unknown_api_version(env: dict[str, str]) -> None:
    result = run(env, "demo", "--api-version", "v2")
    assert result.exit_code == 2
    assert "'v2' is not one of 'v3', 'v1'" in result.output
