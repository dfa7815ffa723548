"""What the `crucible` command reads from its arguments: `key=value` pairs and metadata objects."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

__all__ = ["METADATA_HELP", "parse_pairs", "read_metadata"]

METADATA_HELP = "a JSON file, - for stdin, an inline {...} object, or key=value pairs"


def _value(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        return text


def parse_pairs(pairs: tuple[str, ...], what: str) -> dict[str, Any]:
    """Parses `key=value` options; values are JSON when they parse as JSON, else strings.

    Args:
        pairs: The raw option values.
        what: The option name, for error messages.

    Returns:
        The mapping.

    Raises:
        click.BadParameter: A pair without `=` or with an empty key.
    """
    result: dict[str, Any] = {}
    for pair in pairs:
        key, sep, raw = pair.partition("=")
        if not sep or not key.strip():
            raise click.BadParameter(f"expected KEY=VALUE, got {pair!r}", param_hint=what)
        result[key.strip()] = _value(raw)
    return result


def _read_text(source: str, what: str) -> str | None:
    """The text of a metadata source: stdin, inline JSON, or a readable file (None if neither)."""
    if source == "-":
        return sys.stdin.read()
    if source.lstrip()[:1] in ("{", "["):
        return source
    path = Path(source)
    if not path.exists():
        return None
    if path.is_dir():
        raise click.BadParameter(f"{source} is a folder, not a JSON file", param_hint=what)
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise click.BadParameter(f"cannot read {source}: {exc.strerror}", param_hint=what) from exc
    except UnicodeDecodeError as exc:
        raise click.BadParameter(f"{source} is not UTF-8 text: {exc}", param_hint=what) from exc


def read_metadata(sources: tuple[str, ...], what: str = "METADATA") -> dict[str, Any]:
    """Reads a metadata object from a JSON file, `-` (stdin), inline JSON, or `key=value` pairs.

    Args:
        sources: One file, `-` or JSON object; or one or more `key=value` pairs (values are JSON
            when they parse as JSON, else strings: `temperature=77` gives the number 77).
        what: The argument or option name, for error messages.

    Returns:
        The object.

    Raises:
        click.BadParameter: Nothing usable: not a file, not a JSON object, not key=value pairs.
    """
    if not sources:
        raise click.BadParameter(f"expected {METADATA_HELP}", param_hint=what)
    text = _read_text(sources[0], what) if len(sources) == 1 else None
    if text is None:
        if all("=" in s and not s.lstrip().startswith(("{", "[")) for s in sources):
            return parse_pairs(sources, what)
        shown = " ".join(sources)
        raise click.BadParameter(
            f"{shown!r} is not a file and not a JSON object; expected {METADATA_HELP}",
            param_hint=what,
        )
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise click.BadParameter(f"not valid JSON: {exc}", param_hint=what) from exc
    if not isinstance(data, dict):
        kind = type(data).__name__
        raise click.BadParameter(
            f"metadata must be a JSON object ({{...}}), got a JSON {kind}", param_hint=what
        )
    return data
