"""Moving from the other Crucible clients: their config.ini alone runs the client and command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from pycrucible import CrucibleClient
from pycrucible.cli._commands import cli
from pycrucible.testing import LocalCrucible


def bare_env(tmp_path: Path) -> dict[str, str]:
    """No CRUCIBLE_* settings at all: only the folders, so their files are all there is."""
    return {
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "CRUCIBLE_API_URL": "",
        "CRUCIBLE_API_KEY": "",
        "CRUCIBLE_CONFIG": "",
        "CRUCIBLE_API_VERSION": "",
    }


def write_theirs(tmp_path: Path, which: str, url: str, key: str) -> Path:
    folder = "nano-crucible" if which == "nano" else "pycrucible"
    path = tmp_path / "config" / folder / "config.ini"
    path.parent.mkdir(parents=True)
    extra = (
        "[network]\nread_timeout = 40\n" if which == "nano" else "orcid_id = 0000-0002-1825-0097\n"
    )
    path.write_text(f"[crucible]\napi_url = {url}\napi_key = {key}\n{extra}")
    return path


def run(env: dict[str, str], *args: str) -> Result:
    return CliRunner().invoke(cli, list(args), env=env, catch_exceptions=False)


@pytest.mark.parametrize("which", ["nano", "upstream"])
def test_their_config_ini_alone_runs_whoami(
    server: LocalCrucible, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, which: str
) -> None:
    url = server.url_v3 if which == "nano" else server.url
    write_theirs(tmp_path, which, url, server.user_key)
    env = bare_env(tmp_path)
    result = run(env, "whoami", "--json")
    assert result.exit_code == 0, result.output
    assert server.user_key not in result.output
    assert server.user_orcid in result.output
    for name, value in env.items():
        monkeypatch.setenv(name, value) if value else monkeypatch.delenv(name, raising=False)
    with CrucibleClient() as client:
        assert client.api_url == url
        assert client.api_version == ("v3" if which == "nano" else "v1")


def test_config_show_names_their_file_as_the_source(server: LocalCrucible, tmp_path: Path) -> None:
    theirs = write_theirs(tmp_path, "nano", server.url_v3, server.user_key)
    result = run(bare_env(tmp_path), "config", "show", "--json")
    assert result.exit_code == 0, result.output
    rows = {row["setting"]: row for row in json.loads(result.stdout)}
    assert rows["api_url"]["value"] == server.url_v3
    assert str(theirs) in rows["api_url"]["source"]
    assert rows["api_key"]["value"] == "(set, hidden)"
    assert rows["timeout"]["value"] == "40.0"
    assert "read_timeout" in rows["timeout"]["source"]
    assert server.user_key not in result.output


def test_config_import_writes_our_file_from_theirs(server: LocalCrucible, tmp_path: Path) -> None:
    theirs = write_theirs(tmp_path, "upstream", server.url, server.user_key)
    env = bare_env(tmp_path)
    result = run(env, "config", "import")
    assert result.exit_code == 0, result.output
    ours = tmp_path / "config" / "pycrucible" / "config.toml"
    text = ours.read_text()
    assert f'api_url = "{server.url}"' in text
    assert 'orcid_id = "0000-0002-1825-0097"' in text
    assert ours.stat().st_mode & 0o077 == 0
    theirs.unlink()  # our file now stands alone
    result = run(env, "whoami", "--json")
    assert result.exit_code == 0, result.output
    again = run(env, "config", "import")
    assert again.exit_code != 0
    assert "no other Crucible client" in again.output
    assert "Traceback" not in again.output
