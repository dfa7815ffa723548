"""How the `crucible` command shows results: tables for people, JSON for scripts."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from typing import Any

import attrs
import click

__all__ = ["emit", "json_option", "plain", "progress_bar", "to_jsonable"]

_MAX_CELL = 48


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
        "--json", "as_json", is_flag=True, help="Print machine-readable JSON instead of a table."
    )(function)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dict | list):
        text = json.dumps(value, separators=(",", ":"))
    else:
        text = str(value)
    text = text.replace("\n", " ")
    return text if len(text) <= _MAX_CELL else text[: _MAX_CELL - 3] + "..."


def _table(rows: Sequence[Mapping[str, Any]], columns: Sequence[str]) -> str:
    cells = [[_cell(row.get(c)) for c in columns] for row in rows]
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


def emit(value: Any, *, as_json: bool, columns: Sequence[str] | None = None) -> None:
    """Prints a result: JSON when asked, else a table (lists) or `key  value` lines (records).

    Args:
        value: A record, a list of records, a dict, a list of strings or a scalar.
        as_json: Print JSON (stable, for scripts).
        columns: Table columns for lists of records; the first record's keys when omitted.
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
            click.echo(_table(data, cols))
        else:
            click.echo("\n".join(_cell_full(item) for item in data))
    elif isinstance(data, dict):
        click.echo(_fields(data))
    else:
        click.echo(_cell_full(data))


def plain(message: str) -> None:
    """Prints a human message to stderr (never mixed into JSON on stdout)."""
    click.echo(message, err=True)


@contextmanager
def progress_bar(enabled: bool) -> Iterator[Callable[[str, int, int | None], None] | None]:
    """Yields a transfer progress callback that draws a bar on a terminal, or None.

    Args:
        enabled: False to draw nothing (not a terminal, `--json`, or `--no-progress`).
    """
    if not enabled or not sys.stderr.isatty():
        yield None
        return
    bars: dict[str, Any] = {}

    def update(name: str, done: int, total: int | None) -> None:
        bar = bars.get(name)
        if bar is None:
            bar = click.progressbar(length=total or 0, label=name, file=sys.stderr)
            bar.__enter__()
            bars[name] = bar
        bar.update(done - bar.pos)

    try:
        yield update
    finally:
        for bar in bars.values():
            bar.__exit__(None, None, None)
