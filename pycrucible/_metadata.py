"""JSON encoding of scientific metadata, checked before anything is sent.

What is accepted, and what it becomes:

* `None`, `bool`, `int`, `str`: as they are; finite `float`: as it is (NaN and infinities are
  refused: they are not JSON);
* `datetime`, `date`, `time`: ISO 8601 text (`datetime.isoformat()`);
* `pathlib` paths: `str(path)`; `uuid.UUID`: its text;
* `decimal.Decimal`: an `int` when integral, else the nearest `float` (a JSON number, which is
  what the server stores; keep the text yourself if every digit matters);
* mappings: objects (keys must be `str`; `int` keys become text, as `json.dumps` would do);
* lists, tuples, sets and frozensets: arrays (sets sorted when their items can be);
* numpy scalars and arrays, found by duck typing (`.tolist()` / `.item()`), so numpy is not a
  dependency: their Python values, checked by the same rules.

Anything else raises `ValueError` naming the key path, e.g. `metadata["settings"]["gain"][2]`.
"""

from __future__ import annotations

import datetime
import decimal
import math
import uuid
from collections.abc import Mapping
from pathlib import PurePath
from typing import Any

__all__ = ["encode_json_value", "encode_metadata"]

_MAX_DEPTH = 64


def _from_array_like(value: Any, path: str, depth: int) -> Any:
    converter = getattr(value, "tolist", None) or getattr(value, "item", None)
    if not callable(converter):
        raise ValueError(
            f"{path}: cannot encode {type(value).__module__}.{type(value).__qualname__} "
            "as JSON (use str, numbers, bools, None, lists, dicts, dates, paths or numpy values)"
        )
    try:
        plain = converter()
    except Exception as exc:  # a foreign object's conversion can fail in any way
        raise ValueError(f"{path}: could not convert {type(value).__name__}: {exc}") from exc
    if type(plain) is type(value):
        raise ValueError(f"{path}: cannot encode {type(value).__name__} as JSON")
    return encode_json_value(plain, path, depth + 1)


def _number(value: float | decimal.Decimal, path: str) -> int | float:
    if isinstance(value, decimal.Decimal):
        if not value.is_finite():
            raise ValueError(f"{path}: {value} is not a valid JSON number")
        if value == value.to_integral_value():
            return int(value)
        value = float(value)
    if not math.isfinite(value):
        raise ValueError(f"{path}: {value} is not a valid JSON number (NaN or infinity)")
    return value


def _key(key: Any, path: str) -> str:
    if isinstance(key, str):
        return key
    if isinstance(key, int) and not isinstance(key, bool):
        return str(key)
    raise ValueError(f"{path}: keys must be strings, got {key!r}")


def _sorted_if_possible(items: list[Any]) -> list[Any]:
    try:
        return sorted(items)
    except TypeError:
        return items


def encode_json_value(value: Any, path: str = "metadata", depth: int = 0) -> Any:
    """Returns `value` as plain JSON data, following the rules of the module docstring.

    Args:
        value: Any value.
        path: How to name this value in error messages.
        depth: Current nesting depth (deeper than 64 is refused, which also stops cycles).

    Returns:
        `None`, `bool`, `int`, `float`, `str`, `list` or `dict` trees only.

    Raises:
        ValueError: A value cannot be encoded; the message names its key path.
    """
    if depth > _MAX_DEPTH:
        raise ValueError(f"{path}: nested more than {_MAX_DEPTH} levels (a cycle?)")
    if value is None or isinstance(value, bool | str):
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float | decimal.Decimal):
        return _number(value, path)
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, PurePath):
        return str(value)
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, Mapping):
        out: dict[str, Any] = {}
        for key, item in value.items():
            name = _key(key, path)
            out[name] = encode_json_value(item, f"{path}[{name!r}]", depth + 1)
        return out
    if isinstance(value, list | tuple):
        return [encode_json_value(v, f"{path}[{i}]", depth + 1) for i, v in enumerate(value)]
    if isinstance(value, set | frozenset):
        items = [encode_json_value(v, f"{path}[{i}]", depth + 1) for i, v in enumerate(value)]
        return _sorted_if_possible(items)
    if isinstance(value, bytes | bytearray | memoryview):
        raise ValueError(f"{path}: bytes cannot be encoded as JSON (decode them first)")
    return _from_array_like(value, path, depth)


def encode_metadata(metadata: Any, name: str = "metadata") -> dict[str, Any]:
    """Encodes a scientific-metadata dictionary for the API, checking every value.

    Args:
        metadata: A mapping of metadata (nested mappings and lists allowed).
        name: How to name the top level in error messages.

    Returns:
        A new dict of plain JSON data.

    Raises:
        ValueError: `metadata` is not a mapping, or a value cannot be encoded (the key is named).
    """
    if not isinstance(metadata, Mapping):
        raise ValueError(f"{name} must be a dict, got {type(metadata).__name__}")
    encoded: dict[str, Any] = encode_json_value(metadata, name)
    return encoded
