"""The other Crucible clients' settings: their config.ini files and environment variables."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from pycrucible import CrucibleClient
from pycrucible._config import resolve_settings, resolve_sources
from pycrucible._redact import get_logger

NANO_INI = """\
[crucible]
api_key = nano-key-0123456789
api_url = https://nano.example/api/v3
graph_explorer_url = https://explorer.example
current_project = LOCAL-DEMO
privilege_mode = elevated

[network]
connect_timeout = 7
read_timeout = 45
default_limit = 25

[upload]
chunk_size_mb = 32
max_workers = 3
"""

UPSTREAM_INI = """\
[crucible]
api_key = upstream-key-0123456789
api_url = https://upstream.example/testapi
cache_dir = {cache}
orcid_id = 0000-0002-1825-0097
graph_explorer_url = https://graph.example
current_project = OLD-PROJECT
"""


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def nano_file(env: Path) -> Path:
    return env / "config" / "nano-crucible" / "config.ini"


def upstream_file(env: Path) -> Path:
    return env / "config" / "pycrucible" / "config.ini"


def test_nano_crucible_file_alone_gives_a_working_client(clean_env: Path) -> None:
    write(nano_file(clean_env), NANO_INI)
    with CrucibleClient() as client:
        settings = client.settings
    assert settings.api_url == "https://nano.example/api/v3"
    assert settings.api_key == "nano-key-0123456789"
    assert settings.timeout == 45.0  # [network] read_timeout, seconds
    assert settings.connect_timeout == 7.0
    assert settings.upload_chunk_size == 32 * 1024 * 1024  # chunk_size_mb, in bytes
    assert settings.upload_workers == 3
    assert settings.default_limit == 25
    assert settings.privilege_mode == "elevated"
    assert settings.graph_explorer_url == "https://explorer.example"
    assert settings.current_project == "LOCAL-DEMO"


def test_upstream_file_alone_gives_a_working_client(clean_env: Path) -> None:
    cache = clean_env / "their-cache"
    write(upstream_file(clean_env), UPSTREAM_INI.format(cache=cache))
    settings = resolve_settings({})
    assert settings.api_url == "https://upstream.example/testapi"
    assert settings.api_key == "upstream-key-0123456789"
    assert settings.state_dir == cache
    assert settings.orcid_id == "0000-0002-1825-0097"
    assert settings.graph_explorer_url == "https://graph.example"


def test_precedence_ours_then_nano_then_upstream(clean_env: Path) -> None:
    write(upstream_file(clean_env), UPSTREAM_INI.format(cache=clean_env / "c"))
    write(nano_file(clean_env), NANO_INI)
    sources = resolve_sources({})
    assert sources["api_url"][0] == "https://nano.example/api/v3"
    assert "nano-crucible" in sources["api_url"][1]
    assert "api_url" in sources["api_url"][1]
    assert sources["orcid_id"][0] == "0000-0002-1825-0097"  # only the upstream file has it
    assert "[crucible] orcid_id" in sources["orcid_id"][1]
    ours = clean_env / "config" / "pycrucible" / "config.toml"
    write(ours, 'api_url = "https://ours.example/api/v3"\n')
    assert resolve_sources({})["api_url"] == ("https://ours.example/api/v3", str(ours))


def test_environment_beats_their_files_and_their_variables_count(
    clean_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(nano_file(clean_env), NANO_INI)
    monkeypatch.setenv("CRUCIBLE_READ_TIMEOUT", "9")
    monkeypatch.setenv("ORCID_ID", "0000-0001-5109-3700")
    monkeypatch.setenv("CRUCIBLE_CHUNK_SIZE_MB", "0.5")
    sources = resolve_sources({})
    assert sources["timeout"] == (9.0, "$CRUCIBLE_READ_TIMEOUT")
    assert sources["orcid_id"] == ("0000-0001-5109-3700", "$ORCID_ID")
    assert sources["upload_chunk_size"][0] == 512 * 1024
    monkeypatch.setenv("CRUCIBLE_TIMEOUT", "3")  # ours wins over theirs
    assert resolve_sources({})["timeout"] == (3.0, "$CRUCIBLE_TIMEOUT")


def test_an_explicit_config_file_ignores_their_files(
    clean_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(nano_file(clean_env), NANO_INI)
    explicit = write(clean_env / "mine.toml", 'api_url = "https://mine.example"\n')
    sources = resolve_sources({}, config_file=explicit)
    assert sources["api_key"] == (None, "not set")
    monkeypatch.setenv("CRUCIBLE_CONFIG", str(explicit))
    assert resolve_sources({})["privilege_mode"] == (None, "not set")


def test_bad_value_in_their_file_names_the_file_and_key(clean_env: Path) -> None:
    write(nano_file(clean_env), NANO_INI.replace("read_timeout = 45", "read_timeout = soon"))
    with pytest.raises(ValueError, match=r"nano-crucible.*read_timeout"):
        resolve_settings({})


def test_unreadable_ini_is_ignored_with_a_warning(
    clean_env: Path, caplog: pytest.LogCaptureFixture
) -> None:
    write(nano_file(clean_env), "this is not [an ini file\n")
    write(upstream_file(clean_env), UPSTREAM_INI.format(cache=clean_env / "c"))
    with caplog.at_level(logging.WARNING, logger="pycrucible"):
        settings = resolve_settings({})
    assert settings.api_url == "https://upstream.example/testapi"
    assert any("cannot be read as an INI file" in r.getMessage() for r in caplog.records)


def test_their_key_never_shows_in_logs_or_repr(
    clean_env: Path, caplog: pytest.LogCaptureFixture
) -> None:
    write(nano_file(clean_env), NANO_INI)
    with caplog.at_level(logging.DEBUG, logger="pycrucible"), CrucibleClient() as client:
        shown = repr(client) + repr(client.settings)
        get_logger("config").info("key is %s", client.settings.api_key)
    assert "nano-key-0123456789" not in shown
    assert "nano-key-0123456789" not in caplog.text
    assert "key is" in caplog.text  # the line was logged, with the key redacted
