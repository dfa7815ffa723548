"""Settings: argument > environment > config file > default; the config file itself."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import httpx
import pytest
from _client_fakes import API_KEY, API_URL

from pycrucible import (
    ConfigurationError,
    CrucibleClient,
    CrucibleError,
    config_path,
    load_config,
    save_config,
)
from pycrucible._config import DEFAULTS, resolve_settings
from pycrucible._limits import LimitedTransport


def write_config(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    path.chmod(0o600)
    return path


def default_file(env: Path) -> Path:
    return env / "config" / "pycrucible" / "config.toml"


def test_default_path_follows_xdg(clean_env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert config_path() == default_file(clean_env)
    monkeypatch.delenv("XDG_CONFIG_HOME")
    monkeypatch.setenv("HOME", str(clean_env / "home"))
    assert config_path() == clean_env / "home" / ".config" / "pycrucible" / "config.toml"
    monkeypatch.setenv("CRUCIBLE_CONFIG", str(clean_env / "elsewhere.toml"))
    assert config_path() == clean_env / "elsewhere.toml"
    assert config_path(clean_env / "explicit.toml") == clean_env / "explicit.toml"


def test_missing_url_names_every_way_to_give_it(clean_env: Path) -> None:
    with pytest.raises(ConfigurationError) as caught:
        CrucibleClient(api_key=API_KEY)
    message = str(caught.value)
    for way in ("api_url=", "--api-url", "$CRUCIBLE_API_URL", "crucible config init"):
        assert way in message
    assert str(default_file(clean_env)) in message
    assert isinstance(caught.value, CrucibleError)
    assert isinstance(caught.value, ValueError)  # what it raised before it had a class


def test_missing_key_says_where_to_get_one(clean_env: Path) -> None:
    with pytest.raises(ConfigurationError) as caught:
        CrucibleClient(API_URL)
    message = str(caught.value)
    assert f"{API_URL.rstrip('/')}/user_apikey" in message
    for way in ("api_key=", "--api-key", "$CRUCIBLE_API_KEY", "crucible config init"):
        assert way in message
    with pytest.raises(ConfigurationError, match="no Crucible API key"):
        CrucibleClient(API_URL, "   ")


def test_there_is_no_default_url() -> None:
    assert "api_url" not in DEFAULTS
    assert "api_key" not in DEFAULTS


def test_file_only(clean_env: Path) -> None:
    write_config(
        default_file(clean_env), f'api_url = "{API_URL}"\napi_key = "{API_KEY}"\ntimeout = 12\n'
    )
    settings = resolve_settings({})
    assert (settings.api_url, settings.api_key, settings.timeout) == (API_URL, API_KEY, 12.0)
    assert settings.max_retries == DEFAULTS["max_retries"]


def test_env_beats_file_and_argument_beats_env(
    clean_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_config(
        default_file(clean_env),
        'api_url = "https://file.test"\napi_key = "file-key-123"\nmax_retries = 1\ntimeout = 9\n',
    )
    monkeypatch.setenv("CRUCIBLE_API_URL", "https://env.test")
    monkeypatch.setenv("CRUCIBLE_MAX_RETRIES", "5")
    settings = resolve_settings({})
    assert settings.api_url == "https://env.test"
    assert settings.api_key == "file-key-123"
    assert settings.max_retries == 5
    assert settings.timeout == 9.0
    settings = resolve_settings({"api_url": "https://arg.test", "max_retries": 0, "timeout": 2})
    assert (settings.api_url, settings.max_retries, settings.timeout) == ("https://arg.test", 0, 2)


def test_crucible_config_env_and_explicit_path(
    clean_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = write_config(clean_env / "other.toml", 'api_url = "https://other.test"\n')
    monkeypatch.setenv("CRUCIBLE_CONFIG", str(other))
    assert resolve_settings({"api_key": "k" * 10}).api_url == "https://other.test"
    third = write_config(clean_env / "third.toml", 'api_url = "https://third.test"\n')
    settings = resolve_settings({"api_key": "k" * 10}, config_file=third)
    assert settings.api_url == "https://third.test"


def test_defaults_fill_the_rest(clean_env: Path) -> None:
    settings = resolve_settings({"api_url": API_URL, "api_key": API_KEY})
    assert settings.timeout == 30.0
    assert settings.connect_timeout == 5.0
    assert settings.transfer_timeout == 300.0
    assert settings.max_retries == 3
    assert settings.response_deadline == 120.0
    assert settings.max_response_bytes == 64 * 1024 * 1024
    assert settings.state_dir == clean_env / "cache" / "pycrucible"


def test_answer_limits_come_from_the_environment_and_reach_the_transport(
    clean_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CRUCIBLE_RESPONSE_DEADLINE", "7.5")
    monkeypatch.setenv("CRUCIBLE_MAX_RESPONSE_BYTES", "4096")
    with CrucibleClient(API_URL, API_KEY, transport=httpx.MockTransport(lambda r: None)) as c:
        limited = c._core.http.transport._inner
    assert isinstance(limited, LimitedTransport)
    assert (limited.limits.deadline, limited.limits.max_bytes) == (7.5, 4096)


def test_client_always_has_timeouts(clean_env: Path) -> None:
    with CrucibleClient(API_URL, API_KEY, transport=httpx.MockTransport(lambda r: None)) as c:
        api_timeout = c._core.http.http.timeout
        storage_timeout = c._core.http.storage.timeout
    assert (api_timeout.connect, api_timeout.read) == (5.0, 30.0)
    assert (storage_timeout.connect, storage_timeout.read) == (5.0, 300.0)


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("timeout", "soon"),
        ("timeout", "-1"),
        ("timeout", "0"),
        ("max_retries", "many"),
        ("response_deadline", "0"),
        ("max_response_bytes", "0"),
        ("max_response_bytes", "1.5"),
    ],
)
def test_bad_numbers_are_refused(
    clean_env: Path, monkeypatch: pytest.MonkeyPatch, key: str, value: str
) -> None:
    monkeypatch.setenv(f"CRUCIBLE_{key.upper()}", value)
    with pytest.raises(ValueError, match=f"{key} from \\$CRUCIBLE_{key.upper()}"):
        resolve_settings({"api_url": API_URL, "api_key": API_KEY})


def test_invalid_toml_is_a_clear_error(clean_env: Path) -> None:
    write_config(default_file(clean_env), "api_url = \n")
    with pytest.raises(ValueError, match="not valid TOML"):
        resolve_settings({})


def test_save_config_round_trips_with_mode_0600(clean_env: Path) -> None:
    values = {
        "api_url": API_URL,
        "api_key": 'odd "key" \\ with\ttab',
        "timeout": 12.5,
        "max_retries": 2,
        "verbose": True,
        "skipped": None,
    }
    path = save_config(values)
    assert path == default_file(clean_env)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    loaded = load_config()
    assert loaded == {k: v for k, v in values.items() if v is not None}
    assert [p.name for p in path.parent.iterdir()] == ["config.toml"]  # no temp file left


def test_save_config_replaces_atomically(clean_env: Path) -> None:
    path = save_config({"api_url": "https://one.test"}, clean_env / "c.toml")
    before = path.stat().st_ino
    save_config({"api_url": "https://two.test"}, path)
    assert load_config(path) == {"api_url": "https://two.test"}
    assert path.stat().st_ino != before  # a new file renamed over the old one


@pytest.mark.parametrize(
    "values", [{"bad key": 1}, {"": 1}, {"nested": {"a": 1}}, {"nan": float("nan")}]
)
def test_save_config_refuses_what_it_cannot_write(clean_env: Path, values: dict) -> None:
    with pytest.raises(ValueError, match="config"):
        save_config(values)
    assert not default_file(clean_env).exists()


def test_missing_config_file_is_empty(clean_env: Path) -> None:
    assert load_config() == {}


def test_world_readable_config_with_key_warns(
    clean_env: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = write_config(default_file(clean_env), f'api_key = "{API_KEY}"\n')
    os.chmod(path, 0o644)
    with caplog.at_level("WARNING", logger="pycrucible"):
        load_config()
    assert "readable by others" in caplog.text
    assert API_KEY not in caplog.text
