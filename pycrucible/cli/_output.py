"""How the `crucible` command shows results: tables for people, JSON for scripts."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime
from typing import Any

import attrs
import click

__all__ = ["emit", "json_option", "plain", "to_jsonable"]

_MAX_CELL = 64  # characters; a SHA-256 in hex fits


def to_jsonable(value: Any) -> Any:
    """Turns records (generated models), lists and dicts into plain JSON values."""
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if attrs.has(type(value)):
        return to_jsonable(attrs.asdict(value, recurse=False))
    if isinstance(value, Mapping):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_jsonable(v) for v in value]
    if isinstance(value, datetime | date):
        return value.isoformat()
    if hasattr(value, "__fspath__"):
        return str(value)
    return value


def json_option(function: Callable[..., Any]) -> Callable[..., Any]:
    """Adds `--json` to a read command."""
    return click.option(
        "--json", "as_json", is_flag=True, help="Print machine-readable JSON (for scripts)."
    )(function)


def _cell(value: Any, limit: int | None = _MAX_CELL) -> str:
    if value is None:
        return ""
    if isinstance(value, dict | list):
        text = json.dumps(value, separators=(",", ":"))
    else:
        text = str(value)
    text = text.replace("\n", " ")
    return text if limit is None or len(text) <= limit else text[: limit - 3] + "..."


def _table(
    rows: Sequence[Mapping[str, Any]], columns: Sequence[str], limit: int | None = _MAX_CELL
) -> str:
    cells = [[_cell(row.get(c), limit) for c in columns] for row in rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    lines = ["  ".join(c.upper().ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip()]
    lines += ["  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)).rstrip() for r in cells]
    return "\n".join(lines)


def _fields(record: Mapping[str, Any]) -> str:
    width = max((len(k) for k in record), default=0)
    return "\n".join(
        f"{k.ljust(width)}  {json.dumps(v) if isinstance(v, dict | list) else _cell_full(v)}"
        for k, v in record.items()
    )


def _cell_full(value: Any) -> str:
    return "" if value is None else str(value)


def emit(
    value: Any, *, as_json: bool, columns: Sequence[str] | None = None, truncate: bool = True
) -> None:
    """Prints a result: JSON when asked, else a table (lists) or `key  value` lines (records).

    Args:
        value: A record, a list of records, a dict, a list of strings or a scalar.
        as_json: Print JSON (stable, for scripts).
        columns: Table columns for lists of records; the first record's keys when omitted.
        truncate: Cut long table cells (full values are always in `--json`).
    """
    data = to_jsonable(value)
    if as_json:
        click.echo(json.dumps(data, indent=2, sort_keys=False))
        return
    if isinstance(data, list):
        if not data:
            click.echo("(none)")
        elif all(isinstance(item, dict) for item in data):
            cols = list(columns) if columns else list(data[0].keys())
            click.echo(_table(data, cols, _MAX_CELL if truncate else None))
        else:
            click.echo("\n".join(_cell_full(item) for item in data))
    elif isinstance(data, dict):
        click.echo(_fields(data))
    else:
        click.echo(_cell_full(data))


def plain(message: str) -> None:
    """Prints a human message to stderr (never mixed into JSON on stdout)."""
    click.echo(message, err=True)
