"""Settings resolution, one way: argument > environment > config file > default.

The config file is TOML, flat keys at the top level, written by `save_config` (and the CLI) with
mode 0600::

    api_url = "https://crucible.lbl.gov/testapi"
    api_key = "..."
    timeout = 30.0

Its path is `$CRUCIBLE_CONFIG` when set, else `$XDG_CONFIG_HOME/pycrucible/config.toml`, else
`~/.config/pycrucible/config.toml`. Environment variables: `CRUCIBLE_API_URL`, `CRUCIBLE_API_KEY`,
`CRUCIBLE_CONFIG`, `CRUCIBLE_TIMEOUT`, `CRUCIBLE_CONNECT_TIMEOUT`, `CRUCIBLE_TRANSFER_TIMEOUT`,
`CRUCIBLE_MAX_RETRIES`, `CRUCIBLE_RESPONSE_DEADLINE`, `CRUCIBLE_MAX_RESPONSE_BYTES`,
`CRUCIBLE_STATE_DIR`, `CRUCIBLE_UPLOAD_CHUNK_SIZE`, `CRUCIBLE_RESUMABLE_THRESHOLD`,
`CRUCIBLE_DOWNLOAD_WORKERS`, `CRUCIBLE_API_VERSION`.
"""

from __future__ import annotations

import math
import os
import stat
import tempfile
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs

from pycrucible._config_legacy import legacy_environment, load_legacy_config
from pycrucible._config_values import (
    API_VERSIONS,
    CHUNK_QUANTUM,
    coerce_setting,
    normalise_api_version,
)
from pycrucible._redact import get_logger, register_secret
from pycrucible.errors import ConfigurationError

__all__ = [
    "API_VERSIONS",
    "CHUNK_QUANTUM",
    "DEFAULTS",
    "ENV_VARS",
    "KNOWN_KEYS",
    "Settings",
    "coerce_setting",
    "config_path",
    "load_config",
    "normalise_api_version",
    "resolve_settings",
    "resolve_sources",
    "save_config",
    "write_private_file",
]

log = get_logger("config")

# Every default in one place. There is deliberately no default API URL or key.
DEFAULTS: dict[str, Any] = {
    "timeout": 30.0,  # seconds to wait for an API answer (read, write, pool)
    "connect_timeout": 5.0,  # seconds to open a connection
    "transfer_timeout": 300.0,  # seconds without progress on an upload chunk or download
    "max_retries": 3,  # retries after the first attempt, for what is safe to retry
    "response_deadline": 120.0,  # seconds for a whole API answer (headers and body), per attempt
    "max_response_bytes": 64 * 1024 * 1024,  # largest API answer once decoded (64 MiB)
    "state_dir": None,  # None: $XDG_CACHE_HOME/pycrucible (or ~/.cache/pycrucible)
    "upload_chunk_size": 16 * 1024**2,  # bytes per resumable-upload chunk (multiple of 256 KiB)
    "resumable_threshold": 100 * 1024**2,  # files of at least this many bytes upload resumably
    "download_workers": 8,  # files downloaded at once
    "api_version": None,  # None: detected once from GET /health/ready ("v1" or "v3")
    "privilege_mode": None,  # None: no Crucible-Privilege-Mode header (the server's default)
    "upload_workers": 8,  # parts of one file uploaded at once (API v3 signed multipart)
    "default_limit": 100,  # rows a list command shows without --limit
    "graph_explorer_url": None,  # web address of the record pages (`crucible open`)
    "current_project": None,  # project slug used when a command needs one and none is given
    "orcid_id": None,  # your ORCID, as the upstream client's settings name it
    # Notebooks: what progress= means when a transfer or wait is not given one.
    "progress": False,  # True: tqdm bars (the `progress` extra)
}

ENV_VARS = {
    "api_url": "CRUCIBLE_API_URL",
    "api_key": "CRUCIBLE_API_KEY",
    "timeout": "CRUCIBLE_TIMEOUT",
    "connect_timeout": "CRUCIBLE_CONNECT_TIMEOUT",
    "transfer_timeout": "CRUCIBLE_TRANSFER_TIMEOUT",
    "max_retries": "CRUCIBLE_MAX_RETRIES",
    "response_deadline": "CRUCIBLE_RESPONSE_DEADLINE",
    "max_response_bytes": "CRUCIBLE_MAX_RESPONSE_BYTES",
    "state_dir": "CRUCIBLE_STATE_DIR",
    "upload_chunk_size": "CRUCIBLE_UPLOAD_CHUNK_SIZE",
    "resumable_threshold": "CRUCIBLE_RESUMABLE_THRESHOLD",
    "download_workers": "CRUCIBLE_DOWNLOAD_WORKERS",
    "api_version": "CRUCIBLE_API_VERSION",
    "privilege_mode": "CRUCIBLE_PRIVILEGE_MODE",
    "upload_workers": "CRUCIBLE_UPLOAD_WORKERS",
    "default_limit": "CRUCIBLE_DEFAULT_LIMIT",
    "graph_explorer_url": "CRUCIBLE_GRAPH_EXPLORER_URL",
    "current_project": "CRUCIBLE_CURRENT_PROJECT",
    "orcid_id": "CRUCIBLE_ORCID_ID",
    # Notebooks
    "progress": "CRUCIBLE_PROGRESS",
}
KNOWN_KEYS = frozenset(ENV_VARS)


@attrs.frozen
class Settings:
    """Resolved settings of one `CrucibleClient`.

    Attributes:
        api_url: Base URL of the API.
        api_key: The API key (never shown by `repr`).
        timeout: Seconds to wait for an API answer.
        connect_timeout: Seconds to open a connection.
        transfer_timeout: Seconds without progress on a transfer.
        max_retries: Retries after the first attempt.
        response_deadline: Seconds for a whole API answer (headers and body) per attempt.
        max_response_bytes: Largest API answer in bytes, once decoded.
        state_dir: Folder for resumable-upload state and pipeline journals.
        upload_chunk_size: Bytes per resumable-upload chunk (a multiple of 256 KiB).
        resumable_threshold: Files of at least this many bytes use the resumable upload.
        download_workers: Files downloaded at once.
        api_version: `"v1"` or `"v3"`, or None to detect it from the server.
        privilege_mode: `"normal"`, `"elevated"` or None (API v3's privilege header).
        upload_workers: Parts of one file uploaded at once (API v3 signed multipart).
        default_limit: Rows a list command shows without `--limit`.
        graph_explorer_url: Web address of the record pages, or None.
        current_project: Project slug used when a command needs one, or None.
        orcid_id: Your ORCID, or None.
        progress: Draw tqdm bars for transfers and waits not given `progress=`.
    """

    api_url: str
    api_key: str = attrs.field(repr=False)
    timeout: float
    connect_timeout: float
    transfer_timeout: float
    max_retries: int
    response_deadline: float
    max_response_bytes: int
    state_dir: Path
    upload_chunk_size: int = DEFAULTS["upload_chunk_size"]
    resumable_threshold: int = DEFAULTS["resumable_threshold"]
    download_workers: int = DEFAULTS["download_workers"]
    api_version: str | None = None
    privilege_mode: str | None = None
    upload_workers: int = DEFAULTS["upload_workers"]
    default_limit: int = DEFAULTS["default_limit"]
    graph_explorer_url: str | None = None
    current_project: str | None = None
    orcid_id: str | None = None
    progress: bool = False


def config_path(path: str | os.PathLike[str] | None = None) -> Path:
    """Returns the config file path: `path`, else `$CRUCIBLE_CONFIG`, else the XDG location.

    Args:
        path: An explicit path, which wins.

    Returns:
        The path (the file need not exist).
    """
    if path is not None:
        return Path(path).expanduser()
    env = os.environ.get("CRUCIBLE_CONFIG")
    if env:
        return Path(env).expanduser()
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base).expanduser() / "pycrucible" / "config.toml"


def _default_state_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base).expanduser() / "pycrucible"


def load_config(path: str | os.PathLike[str] | None = None) -> dict[str, Any]:
    """Reads the config file; a missing file gives an empty dict.

    Args:
        path: The file; `config_path()` by default.

    Returns:
        The values of the file (unknown keys included, for the CLI).

    Raises:
        ValueError: The file is not valid TOML.
    """
    file = config_path(path)
    try:
        raw = file.read_bytes()
    except FileNotFoundError:
        return {}
    try:
        values = tomllib.loads(raw.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ValueError(f"config file {file} is not valid TOML: {exc}") from None
    if "api_key" in values:
        register_secret(str(values["api_key"]))
        if os.name == "posix" and file.stat().st_mode & (stat.S_IRWXG | stat.S_IRWXO):
            log.warning("config file %s holds an API key and is readable by others", file)
    return values


def _toml_value(key: str, value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"config value {key!r} must be finite, got {value!r}")
        return repr(value)
    if isinstance(value, os.PathLike):
        value = os.fspath(value)
    if isinstance(value, str):
        escaped = value.replace("\\", "\\\\").replace('"', '\\"')
        escaped = "".join(c if c >= " " and c != "\x7f" else f"\\u{ord(c):04x}" for c in escaped)
        return f'"{escaped}"'
    raise ValueError(f"config value {key!r} must be a string, number or boolean, got {value!r}")


def save_config(values: Mapping[str, Any], path: str | os.PathLike[str] | None = None) -> Path:
    """Writes the config file atomically with mode 0600 (its folder 0700 when created).

    The file is replaced as a whole: read it with `load_config`, change, and save to update.

    Args:
        values: Flat keys (`api_url`, `api_key`, `timeout`, ...) with string, number or boolean
            values; None values are left out.
        path: The file; `config_path()` by default.

    Returns:
        The path written.

    Raises:
        ValueError: A key is not a bare TOML key or a value is of another type.
    """
    lines = []
    for key, value in values.items():
        if not key or not all(c.isalnum() or c in "_-" for c in key):
            raise ValueError(f"config key {key!r} must be letters, digits, '_' or '-'")
        if value is not None:
            lines.append(f"{key} = {_toml_value(key, value)}\n")
    file = config_path(path)
    header = "# pycrucible settings (written by pycrucible; keep private: mode 0600)\n"
    write_private_file(file, header + "".join(lines))
    log.info("saved settings to %s", file)
    return file


def write_private_file(file: Path, text: str) -> None:
    """Replaces `file` atomically (temporary file, fsync, rename) with mode 0600.

    The folder is created with mode 0700 when missing. A reader sees the old or the new file,
    never half of one.
    """
    file.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=file.parent, prefix=f".{file.name}.", suffix=".tmp")
    try:
        os.fchmod(fd, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, file)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _missing_setting(key: str, api_url: Any, file_name: str) -> str:
    """The message for a missing URL or key: every way to give it, for the shell and for Python."""
    env_name = ENV_VARS[key]
    if key == "api_url":
        return (
            "no Crucible API URL: set $CRUCIBLE_API_URL, give --api-url (command line) or "
            f"api_url= (Python), or run `crucible config init` (writes {file_name})"
        )
    where = f"{api_url.rstrip('/')}/user_apikey" if isinstance(api_url, str) else "/user_apikey"
    return (
        f"no Crucible API key: get yours at {where}, then set ${env_name}, give --api-key "
        f"(command line) or api_key= (Python), or run `crucible config init` (writes {file_name})"
    )


def resolve_sources(
    arguments: Mapping[str, Any], *, config_file: str | os.PathLike[str] | None = None
) -> dict[str, tuple[Any, str]]:
    """Every setting's checked value and where it came from, highest precedence first:
    argument > environment > the other clients' environment variables > config file > the
    other clients' config files (only when no config path is given) > default.

    Args:
        arguments: Values given to `CrucibleClient` (None means "not given").
        config_file: Explicit config path; else `$CRUCIBLE_CONFIG` or the XDG location.

    Returns:
        Setting name -> (value, source); a value of None means not set anywhere.

    Raises:
        ValueError: A value is invalid (the message names its source).
    """
    file_values = load_config(config_file)
    file_name = str(config_path(config_file))
    explicit = config_file is not None or bool(os.environ.get("CRUCIBLE_CONFIG"))
    their_files = {} if explicit else load_legacy_config()
    their_env = legacy_environment(os.environ)
    resolved: dict[str, tuple[Any, str]] = {}
    for key, env_name in ENV_VARS.items():
        value, source = arguments.get(key), "the arguments"
        if value is None and os.environ.get(env_name):
            value, source = os.environ[env_name], f"${env_name}"
        if value is None and key in their_env:
            value, source = their_env[key]
        if value is None and file_values.get(key) is not None:
            value, source = file_values[key], file_name
        if value is None and key in their_files:
            value, source = their_files[key]
        if value is None:
            value, source = DEFAULTS.get(key), "the defaults"
        if value is not None:
            value = coerce_setting(key, value, source)
        resolved[key] = (value, source if value is not None else "not set")
    return resolved


def resolve_settings(
    arguments: Mapping[str, Any], *, config_file: str | os.PathLike[str] | None = None
) -> Settings:
    """Resolves every setting (see `resolve_sources` for the precedence).

    Args:
        arguments: Values given to `CrucibleClient` (None means "not given").
        config_file: Explicit config path; else `$CRUCIBLE_CONFIG` or the XDG location.

    Returns:
        The settings.

    Raises:
        ConfigurationError: The URL or key is missing everywhere (also a `ValueError`).
        ValueError: A value is invalid.
    """
    resolved = {
        key: value
        for key, (value, _) in resolve_sources(arguments, config_file=config_file).items()
    }
    file_name = str(config_path(config_file))
    for key in ("api_url", "api_key"):
        value = resolved[key]
        if not isinstance(value, str) or not value.strip():
            raise ConfigurationError(_missing_setting(key, resolved["api_url"], file_name))
        resolved[key] = value.strip()
    state_dir = resolved["state_dir"]
    resolved["state_dir"] = (
        Path(state_dir).expanduser() if state_dir is not None else _default_state_dir()
    )
    return Settings(**resolved)
