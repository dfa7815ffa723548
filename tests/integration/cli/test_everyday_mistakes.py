"""Everyday mistakes in the `crucible` command: one clear line, a documented exit code."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result

from pycrucible import AuthenticationError, CrucibleClient
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
    assert "Traceback" not in result.output
    return result


def one_error_line(result: Result) -> str:
    """The `Error:` line of a failed command (there must be exactly one)."""
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1, result.stderr
    return errors[0]


def unwritable_folder(tmp_path: Path) -> Path:
    """A folder no file can be created in, even by root (sysfs refuses new files)."""
    if os.geteuid() == 0:
        return Path("/sys")
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o555)
    return folder


@pytest.fixture
def dataset(server: LocalCrucible, tmp_path: Path) -> str:
    data = tmp_path / "a.txt"
    data.write_bytes(b"alpha" * 100)
    with CrucibleClient(server.url, server.user_key) as client:
        dsid = client.create_dataset(dataset_name="mistakes")["unique_id"]
        client.upload_dataset(dsid, data)
    return str(dsid)


def test_download_into_a_read_only_folder(
    env: dict[str, str], dataset: str, tmp_path: Path
) -> None:
    folder = unwritable_folder(tmp_path)
    result = run(env, "datasets", "download", dataset, "--output-dir", str(folder))
    assert result.exit_code == 1
    assert "cannot write into the output folder" in one_error_line(result)
    assert str(folder) in result.stderr


def test_download_into_a_read_only_folder_in_python(
    server: LocalCrucible, dataset: str, tmp_path: Path
) -> None:
    folder = unwritable_folder(tmp_path)
    with (
        CrucibleClient(server.url, server.user_key) as client,
        pytest.raises(PermissionError, match="cannot write into the output folder") as caught,
    ):
        client.download_dataset(dataset, output_dir=folder)
    assert caught.value.filename == str(folder)


def test_unreadable_metadata_file(env: dict[str, str], dataset: str, tmp_path: Path) -> None:
    binary = tmp_path / "meta.json"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    result = run(env, "datasets", "metadata", "set", dataset, str(binary))
    assert result.exit_code == 2
    assert "is not UTF-8 text" in result.stderr
    folder = run(env, "datasets", "metadata", "set", dataset, str(tmp_path))
    assert folder.exit_code == 2
    assert "is a folder" in folder.stderr


def test_metadata_that_is_not_an_object(env: dict[str, str], dataset: str) -> None:
    listed = run(env, "datasets", "metadata", "set", dataset, "[1,2]")
    assert listed.exit_code == 2
    assert "must be a JSON object" in listed.stderr
    assert "got a JSON list" in listed.stderr
    word = run(env, "datasets", "metadata", "set", dataset, "hello")
    assert word.exit_code == 2
    assert "is not a file and not a JSON object" in word.stderr
    assert "no such file" not in word.stderr


def test_metadata_as_key_value_pairs(env: dict[str, str], dataset: str) -> None:
    pairs = ("temperature=77", "stage=hot")
    result = run(env, "datasets", "metadata", "set", dataset, *pairs, "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == {"temperature": 77, "stage": "hot"}
    created = run(env, "datasets", "create", "--name", "pairs", "--metadata", "temperature=77")
    assert created.exit_code == 0, created.output
    shown = run(env, "datasets", "metadata", "get", created.stdout.strip(), "--json")
    assert json.loads(shown.stdout) == {"temperature": 77}


def test_missing_url_names_every_way(env: dict[str, str]) -> None:
    bare = {k: v for k, v in env.items() if k != "CRUCIBLE_API_URL"}
    result = run(bare, "whoami")
    assert result.exit_code == 2
    line = one_error_line(result)
    for way in ("--api-url", "CRUCIBLE_API_URL", "crucible config init"):
        assert way in line


def test_missing_key_says_where_to_get_one(env: dict[str, str], server: LocalCrucible) -> None:
    bare = {k: v for k, v in env.items() if k != "CRUCIBLE_API_KEY"}
    result = run(bare, "whoami")
    assert result.exit_code == 2
    line = one_error_line(result)
    assert f"{server.url}/user_apikey" in line
    for way in ("--api-key", "CRUCIBLE_API_KEY", "crucible config init"):
        assert way in line


def test_a_wrong_key_is_an_authentication_error(env: dict[str, str]) -> None:
    result = run({**env, "CRUCIBLE_API_KEY": "not-a-real-key-123"}, "whoami")
    assert result.exit_code == 1
    assert "No account found for this API key" in one_error_line(result)
    assert "Hint: check the API key" in result.stderr


def test_a_wrong_key_is_an_authentication_error_in_python(server: LocalCrucible) -> None:
    with (
        CrucibleClient(server.url, "not-a-real-key-123") as client,
        pytest.raises(AuthenticationError) as caught,
    ):
        client.whoami()
    assert caught.value.status_code == 400  # the seed-era API's answer, kept as it came
    assert "No account found for this API key" in caught.value.detail


def test_a_wrong_base_path_gets_a_hint(env: dict[str, str], server: LocalCrucible) -> None:
    result = run({**env, "CRUCIBLE_API_URL": server.url + "/not-the-api"}, "datasets", "list")
    assert result.exit_code == 1
    assert "404" in one_error_line(result)
    assert "base path" in result.stderr


def test_serve_on_a_port_in_use(env: dict[str, str]) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run(env, "serve", "--port", str(port))
    assert result.exit_code == 2
    assert f"port {port} on 127.0.0.1 is already in use" in one_error_line(result)
    assert f"--port {port + 1}" in result.stderr


_WITHOUT_SERVER_EXTRA = """
import sys
sys.modules["fastapi"] = None  # as if the server extra were not installed
sys.modules["uvicorn"] = None
"""


@pytest.mark.parametrize("command", ["serve", "demo"])
def test_serve_and_demo_without_the_server_extra(command: str) -> None:
    code = _WITHOUT_SERVER_EXTRA + f"from pycrucible.cli import main\nmain([{command!r}])\n"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert "pycrucible-client[server]" in result.stderr


def test_importing_the_server_without_its_extra_names_the_extra() -> None:
    code = _WITHOUT_SERVER_EXTRA + "import pycrucible\nimport pycrucible.testing\n"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 1
    assert "ImportError: the local Crucible server needs the 'server' extra" in result.stderr
    assert "pip install 'pycrucible-client[server]'" in result.stderr
    assert "starlette" not in result.stderr


def test_dataset_files_and_delete(env: dict[str, str], dataset: str) -> None:
    table = run(env, "datasets", "files", dataset)
    assert table.exit_code == 0, table.output
    rows = json.loads(run(env, "datasets", "files", dataset, "--json").stdout)
    assert [(Path(r["filename"]).name, r["size"]) for r in rows] == [("a.txt", 500)]
    digest = rows[0]["sha256_hash"]
    assert digest in table.stdout  # the whole SHA-256, not cut
    deleted = run(env, "datasets", "delete", dataset, "--yes")
    assert deleted.exit_code == 1
    assert "does not implement dataset deletion (501)" in one_error_line(deleted)


def test_limit_says_when_the_list_was_cut(env: dict[str, str]) -> None:
    for name in ("cut-1", "cut-2", "cut-3"):
        assert run(env, "datasets", "create", "--name", name, "--keyword", "cut").exit_code == 0
    cut = run(env, "datasets", "list", "--keyword", "cut", "--limit", "2", "--json")
    assert len(json.loads(cut.stdout)) == 2
    assert "showing the first 2 datasets; there are more (raise --limit, or --all)" in cut.stderr
    whole = run(env, "datasets", "list", "--keyword", "cut", "--limit", "3", "--json")
    assert len(json.loads(whole.stdout)) == 3
    assert "showing" not in whole.stderr


def _all_commands(group: click.Group, prefix: str = "") -> Iterator[tuple[str, click.Command]]:
    for name, command in group.commands.items():
        yield f"{prefix}{name}", command
        if isinstance(command, click.Group):
            yield from _all_commands(command, f"{prefix}{name} ")


def test_help_texts_say_what_is_true() -> None:
    for name, command in _all_commands(cli):
        summary = command.get_short_help_str(limit=200)
        assert not summary.endswith(("e.g.", "e.g")), f"{name}: {summary!r}"
        for param in command.params:
            help_text = getattr(param, "help", None) or ""
            assert "instead of a table" not in help_text, name
    ingest_help = run({}, "ingest", "--help").stdout
    assert "x>0]" in ingest_help  # --timeout 0 is refused, and the help says so
    assert "x>=0]" not in ingest_help
