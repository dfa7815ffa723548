"""Checks and conversions of single setting values (numbers, API version, privilege mode)."""

from __future__ import annotations

import math
from typing import Any

__all__ = [
    "API_VERSIONS",
    "CHUNK_QUANTUM",
    "PRIVILEGE_MODES",
    "check_privilege_mode",
    "coerce_setting",
    "normalise_api_version",
]

CHUNK_QUANTUM = 256 * 1024
"""Resumable chunks are a multiple of this many bytes (256 KiB), as cloud storage requires."""

_SECONDS = frozenset({"timeout", "connect_timeout", "transfer_timeout", "response_deadline"})
# Whole-number settings and their smallest allowed value.
_COUNTS = {
    "max_retries": 0,
    "max_response_bytes": 1,
    "upload_chunk_size": 1,
    "resumable_threshold": 0,
    "download_workers": 1,
    "upload_workers": 1,
    "default_limit": 1,
}
_NUMERIC = _SECONDS | frozenset(_COUNTS)


PRIVILEGE_MODES = ("normal", "elevated")
"""API v3's values of the `Crucible-Privilege-Mode` header."""


def check_privilege_mode(mode: object, source: str = "the arguments") -> str:
    """Checks a privilege mode: `"normal"` or `"elevated"`.

    Raises:
        ValueError: Anything else (the message names `source`).
    """
    if mode not in PRIVILEGE_MODES:
        raise ValueError(
            f"privilege_mode from {source} must be 'normal' or 'elevated', got {mode!r}"
        )
    return str(mode)


API_VERSIONS = ("v1", "v3")
"""The API versions this client speaks."""


def normalise_api_version(value: Any, source: str) -> str:
    """Reads an API version setting: `v1`, `v3`, `1`, `3` (any case).

    Args:
        value: The raw value.
        source: Where it came from, for the message.

    Returns:
        `"v1"` or `"v3"`.

    Raises:
        ValueError: Anything else.
    """
    text = str(value).strip().lower()
    version = text if text.startswith("v") else f"v{text}"
    if isinstance(value, bool) or version not in API_VERSIONS:
        raise ValueError(f"api_version from {source} must be 'v1' or 'v3', got {value!r}")
    return version


_TRUE = frozenset({"1", "true", "yes", "on"})
_FALSE = frozenset({"0", "false", "no", "off", ""})


def _flag(key: str, value: Any, source: str) -> bool:
    """A yes/no setting: a bool, or text such as `1`, `true`, `yes`, `0`, `false`, `no`."""
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in _TRUE or text in _FALSE:
        return text in _TRUE
    raise ValueError(f"{key} from {source} must be true or false, got {value!r}")


def coerce_setting(key: str, value: Any, source: str) -> Any:
    """Checks one setting's value and converts numeric settings to numbers.

    Args:
        key: The setting (`timeout`, `max_retries`, ...).
        value: Its raw value (numeric settings may be text, as from the environment).
        source: Where it came from, for the message.

    Returns:
        The value; a float or int for the numeric settings.

    Raises:
        ValueError: A numeric setting that is not a positive number (0 allowed for
            `max_retries` and `resumable_threshold`; whole numbers for the counts and sizes;
            `upload_chunk_size` a multiple of 256 KiB).
    """
    if key == "api_version":
        return normalise_api_version(value, source)
    if key == "privilege_mode":
        return check_privilege_mode(str(value).strip().lower(), source)
    if key == "progress":
        return _flag(key, value, source)
    if key not in _NUMERIC:
        return value
    kind = float if key in _SECONDS else int
    try:
        if isinstance(value, bool):
            raise TypeError
        if kind is int and isinstance(value, float) and not value.is_integer():
            raise ValueError(f"{key} from {source} must be a whole number, got {value!r}")
        number = kind(value)
    except (TypeError, ValueError):
        raise ValueError(f"{key} from {source} must be a number, got {value!r}") from None
    if kind is float and (not math.isfinite(number) or number <= 0):
        raise ValueError(f"{key} from {source} must be a positive number, got {value!r}")
    if kind is int and number < _COUNTS[key]:
        raise ValueError(f"{key} from {source} must be a positive number, got {value!r}")
    if key == "upload_chunk_size" and number % CHUNK_QUANTUM:
        raise ValueError(
            f"{key} from {source} must be a multiple of 256 KiB ({CHUNK_QUANTUM}), got {value!r}"
        )
    return number
