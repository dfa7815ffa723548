"""Settings of the other Crucible clients, read so that moving to pycrucible costs nothing.

Two files are read, below our own config file in precedence, when no config path is given:

- nano-crucible's `~/.config/nano-crucible/config.ini`: `[crucible]` `api_key`, `api_url`,
  `graph_explorer_url`, `current_project`, `privilege_mode`; `[network]` `connect_timeout`,
  `read_timeout`, `default_limit`; `[upload]` `chunk_size_mb`, `max_workers`;
- the upstream pycrucible's `~/.config/pycrucible/config.ini`: `[crucible]` `api_key`, `api_url`,
  `cache_dir`, `orcid_id`, `graph_explorer_url`, `current_project`.

Their environment variables count as ours, below ours: nano-crucible's `CRUCIBLE_READ_TIMEOUT`,
`CRUCIBLE_CHUNK_SIZE_MB`, `CRUCIBLE_MAX_WORKERS` (the others share our names), and the upstream
client's `ORCID_ID` and `PYCRUCIBLE_CACHE_DIR`. Values are converted to our units (seconds, bytes).
"""

from __future__ import annotations

import configparser
import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from pycrucible._redact import get_logger, register_secret

__all__ = ["LEGACY_ENV_VARS", "legacy_config_files", "load_legacy_config"]

log = get_logger("config")

_MIB = 1024 * 1024


def _mib(value: str) -> Any:
    try:
        return int(float(value) * _MIB)
    except ValueError:
        return value  # left for the setting's own check to reject, naming the source


def _same(value: str) -> Any:
    return value


# (section, their key) -> (our key, conversion)
_NANO: dict[tuple[str, str], tuple[str, Callable[[str], Any]]] = {
    ("crucible", "api_key"): ("api_key", _same),
    ("crucible", "api_url"): ("api_url", _same),
    ("crucible", "graph_explorer_url"): ("graph_explorer_url", _same),
    ("crucible", "current_project"): ("current_project", _same),
    ("crucible", "privilege_mode"): ("privilege_mode", _same),
    ("network", "connect_timeout"): ("connect_timeout", _same),
    ("network", "read_timeout"): ("timeout", _same),
    ("network", "default_limit"): ("default_limit", _same),
    ("upload", "chunk_size_mb"): ("upload_chunk_size", _mib),
    ("upload", "max_workers"): ("upload_workers", _same),
}
_UPSTREAM: dict[tuple[str, str], tuple[str, Callable[[str], Any]]] = {
    ("crucible", "api_key"): ("api_key", _same),
    ("crucible", "api_url"): ("api_url", _same),
    ("crucible", "cache_dir"): ("state_dir", _same),
    ("crucible", "orcid_id"): ("orcid_id", _same),
    ("crucible", "graph_explorer_url"): ("graph_explorer_url", _same),
    ("crucible", "current_project"): ("current_project", _same),
}

LEGACY_ENV_VARS: dict[str, tuple[str, Callable[[str], Any]]] = {
    "CRUCIBLE_READ_TIMEOUT": ("timeout", _same),
    "CRUCIBLE_CHUNK_SIZE_MB": ("upload_chunk_size", _mib),
    "CRUCIBLE_MAX_WORKERS": ("upload_workers", _same),
    "ORCID_ID": ("orcid_id", _same),
    "PYCRUCIBLE_CACHE_DIR": ("state_dir", _same),
}
"""Environment variables of the other clients: name -> (our setting, conversion)."""


def legacy_config_files() -> list[tuple[Path, dict[tuple[str, str], tuple[str, Any]]]]:
    """The other clients' config files, highest precedence first (nano-crucible, upstream)."""
    base = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config").expanduser()
    return [
        (base / "nano-crucible" / "config.ini", _NANO),
        (base / "pycrucible" / "config.ini", _UPSTREAM),
    ]


def _read_ini(file: Path) -> configparser.ConfigParser | None:
    parser = configparser.ConfigParser(interpolation=None)
    try:
        with file.open(encoding="utf-8") as handle:
            parser.read_file(handle)
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError, configparser.Error) as exc:
        log.warning("ignoring %s: it cannot be read as an INI file (%s)", file, exc)
        return None
    return parser


def load_legacy_config() -> dict[str, tuple[Any, str]]:
    """Reads the other clients' config files.

    Returns:
        Our setting name -> (value in our units, the file and key it came from), with the
        nano-crucible file winning over the upstream one. Empty values are left out.
    """
    found: dict[str, tuple[Any, str]] = {}
    for file, mapping in reversed(legacy_config_files()):  # the higher file overwrites
        parser = _read_ini(file)
        if parser is None:
            continue
        for (section, key), (ours, convert) in mapping.items():
            raw = parser.get(section, key, fallback="").strip()
            if raw:
                if ours == "api_key":
                    register_secret(raw)
                found[ours] = (convert(raw), f"{file} [{section}] {key}")
    return found


def legacy_environment(environ: Mapping[str, str]) -> dict[str, tuple[Any, str]]:
    """Our setting name -> (value, `$NAME`) from the other clients' environment variables."""
    found: dict[str, tuple[Any, str]] = {}
    for name, (ours, convert) in LEGACY_ENV_VARS.items():
        raw = environ.get(name, "").strip()
        if raw and ours not in found:
            found[ours] = (convert(raw), f"${name}")
    return found
