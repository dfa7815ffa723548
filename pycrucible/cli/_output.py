"""How the `crucible` command shows results: tables for people, JSON for scripts.

Three output modes, chosen with `output_options`:

* `table` (default): a table that fits the terminal width for lists, `key  value` lines for
  one record; long cells are cut with an ellipsis (full values are in the JSON modes);
* `json` (`--json`): one JSON document;
* `jsonl` (`--jsonl`): one JSON object per line, printed as each item arrives.
"""

from __future__ import annotations

import functools
import itertools
import json
import shutil
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime
from typing import Any

import attrs
import click

__all__ = [
    "DEFAULT_LIMIT",
    "MODES",
    "Output",
    "emit",
    "emit_rows",
    "limited",
    "list_options",
    "output_options",
    "plain",
    "to_jsonable",
]

MODES = ("table", "json", "jsonl")
DEFAULT_LIMIT = 50  # rows a list shows without --limit when no setting says otherwise
_MAX_CELL = 64  # characters a table cell shows at most; a SHA-256 in hex fits
_MIN_CELL = 5  # characters a column keeps however narrow the terminal
_FIRST_CHUNK = 20  # rows read before the table's first lines are printed
_CHUNK = 200  # rows printed at once after that
_ELLIPSIS = "\u2026"
_UNCUT = frozenset({"unique_id", "mfid", "orcid", "sha256", "sha256_hash"})
_GAP = "  "


def _check_mode(instance: Output, attribute: attrs.Attribute[str], value: str) -> None:
    if value not in MODES:
        raise ValueError(f"output mode must be one of {', '.join(MODES)}, got {value!r}")


@attrs.frozen
class Output:
    """How one command prints its result.

    Attributes:
        mode: `"table"` (for people), `"json"` (one document) or `"jsonl"` (one object per line).
    """

    mode: str = attrs.field(default="table", validator=_check_mode)

    @property
    def machine(self) -> bool:
        """True for the JSON modes (no progress bars, no human extras on stdout)."""
        return self.mode != "table"

    @classmethod
    def of(cls, out: Output | bool | None) -> Output:
        """An `Output` from an `Output`, or from the older `as_json` flag (True: JSON)."""
        if isinstance(out, Output):
            return out
        return cls("json" if out else "table")


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


def output_options(function: Callable[..., Any]) -> Callable[..., Any]:
    """Adds `--json` and `--jsonl` to a command, which receives one keyword `out: Output`."""

    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        as_json = kwargs.pop("_out_json")
        as_jsonl = kwargs.pop("_out_jsonl")
        if as_json and as_jsonl:
            raise click.UsageError("give --json or --jsonl, not both")
        mode = "json" if as_json else "jsonl" if as_jsonl else "table"
        return function(*args, out=Output(mode), **kwargs)

    wrapper = click.option(
        "--jsonl",
        "_out_jsonl",
        is_flag=True,
        help="Print one JSON object per line, as each arrives (for scripts).",
    )(wrapper)
    return click.option(
        "--json", "_out_json", is_flag=True, help="Print one JSON document (for scripts)."
    )(wrapper)


def _default_limit() -> int:
    ctx = click.get_current_context(silent=True)
    obj = ctx.find_root().obj if ctx is not None else None
    settings_limit = getattr(obj, "default_limit", None)
    if callable(settings_limit):
        value = settings_limit()
        if isinstance(value, int) and value > 0:
            return value
    return DEFAULT_LIMIT


def list_options(function: Callable[..., Any]) -> Callable[..., Any]:
    """Adds `--limit N` and `--all` to a list command, which receives `limit: int | None`.

    Without either, the limit is the `default_limit` setting (whose own default is 100), or
    50 for a command run without the `crucible` group's state (no settings at hand); `--all`
    gives None, meaning every record (fetched lazily, a page at a time).
    """

    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        limit = kwargs.pop("_list_limit")
        every = kwargs.pop("_list_all")
        if every and limit is not None:
            raise click.UsageError("give --limit or --all, not both")
        if every:
            chosen: int | None = None
        else:
            chosen = limit if limit is not None else _default_limit()
        return function(*args, limit=chosen, **kwargs)

    wrapper = click.option(
        "--all", "_list_all", is_flag=True, help="Every record (fetched a page at a time)."
    )(wrapper)
    return click.option(
        "--limit",
        "_list_limit",
        type=click.IntRange(min=1),
        default=None,
        metavar="N",
        help="Show at most N records (default: the default_limit setting, 100 unless set).",
    )(wrapper)


def limited(rows: Iterable[Any], limit: int | None, what: str = "records") -> Iterator[Any]:
    """At most `limit` rows of `rows`, with a note on stderr when there were more.

    Pass an iterable that can yield one row more than `limit` (for example a lazy list asked
    for `limit + 1`), so the note can tell.

    Args:
        rows: The rows, possibly lazy.
        limit: At most this many; None for all.
        what: What the rows are, for the note ("datasets").
    """
    if limit is None:
        yield from rows
        return
    iterator = iter(rows)
    yield from itertools.islice(iterator, limit)
    if next(iterator, None) is not None:
        plain(f"showing the first {limit} {what}; there are more (raise --limit, or --all)")


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dict | list):
        text = json.dumps(value, separators=(",", ":"))
    else:
        text = str(value)
    return text.replace("\r", " ").replace("\n", " ")


def _cut(text: str, width: int | None) -> str:
    if width is None or len(text) <= width:
        return text
    return text[: max(width - 1, 0)] + _ELLIPSIS


def fit_widths(
    natural: Sequence[int], total: int, keep: Iterable[int] = (0,), gap: int = len(_GAP)
) -> list[int]:
    """Column widths that fit `total` characters: the widest columns shrink first.

    Args:
        natural: Each column's width without limits, in characters.
        total: The terminal width, in characters.
        keep: Columns that keep their width (by default the first, the record's id, which
            people copy).
        gap: Characters between two columns.

    Returns:
        The widths; never below 5 characters (or the natural width, when smaller), so on a
        very narrow terminal the table may still be wider than `total`.
    """
    kept = {i for i in keep if 0 <= i < len(natural)}
    shrinkable = [w for i, w in enumerate(natural) if i not in kept]
    room = total - sum(natural[i] for i in kept) - gap * max(len(natural) - 1, 0)
    if sum(shrinkable) <= room:
        return list(natural)
    low, high = _MIN_CELL, max(shrinkable, default=_MIN_CELL)
    # The largest cap under which the other columns fit (binary search on the cap).
    while low < high:
        cap = (low + high + 1) // 2
        if sum(min(w, cap) for w in shrinkable) <= room:
            low = cap
        else:
            high = cap - 1
    return [w if i in kept else min(w, low) for i, w in enumerate(natural)]


class _Table:
    """A table printed in chunks. The first chunk sets the column widths; a later chunk
    with longer cells widens its columns while the terminal has room (its lines then start
    their columns a little further right than the lines printed before)."""

    def __init__(self, columns: Sequence[str], truncate: bool) -> None:
        self.columns = list(columns)
        self.headers = [c.upper() for c in self.columns]
        self.truncate = truncate
        self.natural = [len(h) for h in self.headers]
        self.widths: list[int] = list(self.natural)
        # Ids and checksums are copied, not read: they are never cut.
        self.keep = [0] + [i for i, c in enumerate(self.columns) if i and c in _UNCUT]

    def _cells(self, row: Any) -> list[str]:
        record = row if isinstance(row, Mapping) else {}
        return [_text(record.get(c)) for c in self.columns]

    def _line(self, cells: Sequence[str]) -> str:
        return _GAP.join(
            _cut(v, w if self.truncate else None).ljust(w)
            for v, w in zip(cells, self.widths, strict=True)
        ).rstrip()

    def _fit(self, cells: Sequence[Sequence[str]]) -> None:
        for row in cells:
            for i, value in enumerate(row):
                limit = max(_MAX_CELL, len(self.headers[i])) if self.truncate else len(value)
                self.natural[i] = max(self.natural[i], min(len(value), limit))
        if self.truncate:
            width = shutil.get_terminal_size().columns
            self.widths = fit_widths(self.natural, width, keep=self.keep)
        else:
            self.widths = list(self.natural)

    def write(self, rows: Sequence[Any], *, first: bool) -> None:
        """Prints one chunk of rows (with the header line when `first`)."""
        cells = [self._cells(row) for row in rows]
        self._fit(cells)
        if first:
            click.echo(self._line(self.headers))
        if cells:
            click.echo("\n".join(self._line(r) for r in cells))


def _chunks(rows: Iterable[Any]) -> Iterator[list[Any]]:
    iterator = iter(rows)
    size = _FIRST_CHUNK
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk
        size = _CHUNK


def _dumps(value: Any, *, pretty: bool) -> str:
    if pretty:
        return json.dumps(value, indent=2, sort_keys=False)
    return json.dumps(value, separators=(",", ":"))


def emit_rows(
    rows: Iterable[Any],
    *,
    out: Output | bool,
    columns: Sequence[str] | None = None,
    truncate: bool = True,
) -> int:
    """Prints a list, possibly lazy, as its items arrive.

    `--jsonl`: one compact JSON object per line, each printed when it arrives (a list that
    fails partway leaves the lines printed so far; the exit code tells). `--json`: one JSON
    array, printed once the whole list is read, so a list that fails partway prints nothing
    on stdout (never half a document). Table: fits the terminal width (`$COLUMNS` when set),
    first lines printed after 20 rows, the rest in chunks; cells cut with an ellipsis, except
    in the first column and in id and checksum columns (`unique_id`, `sha256_hash`, ...).

    Args:
        rows: Records (generated models, attrs classes, dicts) or plain values.
        out: The output mode (an `Output`; True means `--json`).
        columns: Table columns; the first record's keys when omitted.
        truncate: Fit the table to the terminal and cut long cells (False: full cells).

    Returns:
        How many rows were printed.
    """
    output = Output.of(out)
    count = 0
    if output.mode == "jsonl":
        for row in rows:
            click.echo(_dumps(to_jsonable(row), pretty=False))
            count += 1
        return count
    if output.mode == "json":
        # Read the whole list first: a list that fails partway prints nothing on stdout, so
        # what a script reads is always one complete document (--jsonl is the streaming form).
        items = [to_jsonable(row) for row in rows]
        click.echo(_dumps(items, pretty=True))
        return len(items)
    table: _Table | None = None
    for chunk in _chunks(to_jsonable(row) for row in rows):
        if not all(isinstance(item, Mapping) for item in chunk):
            click.echo("\n".join(_text(item) for item in chunk))
        else:
            first = table is None
            if table is None:
                table = _Table(list(columns) if columns else list(chunk[0].keys()), truncate)
            table.write(chunk, first=first)
        count += len(chunk)
    if count == 0:
        click.echo("(none)")
    return count


def _fields(record: Mapping[str, Any]) -> str:
    width = max((len(k) for k in record), default=0)
    return "\n".join(
        f"{k.ljust(width)}  {json.dumps(v) if isinstance(v, dict | list) else _plain_text(v)}"
        for k, v in record.items()
    )


def _plain_text(value: Any) -> str:
    return "" if value is None else str(value)


def emit(
    value: Any,
    *,
    out: Output | bool | None = None,
    as_json: bool | None = None,
    columns: Sequence[str] | None = None,
    truncate: bool = True,
) -> None:
    """Prints a result: JSON when asked, else a table (lists) or `key  value` lines (records).

    Args:
        value: A record, a list of records, a dict, a list of strings or a scalar.
        out: The output mode (an `Output`, or a bool: True means `--json`).
        as_json: The older spelling of `out=True` (kept for existing callers).
        columns: Table columns for lists of records; the first record's keys when omitted.
        truncate: Fit tables to the terminal and cut long cells (full values are always in
            the JSON modes).
    """
    output = Output.of(out if out is not None else as_json)
    if isinstance(value, list | tuple):
        emit_rows(value, out=output, columns=columns, truncate=truncate)
        return
    data = to_jsonable(value)
    if output.mode == "json":
        click.echo(_dumps(data, pretty=True))
    elif output.mode == "jsonl":
        click.echo(_dumps(data, pretty=False))
    elif isinstance(data, dict):
        click.echo(_fields(data))
    else:
        click.echo(_plain_text(data))


def plain(message: str) -> None:
    """Prints a human message to stderr (never mixed into JSON on stdout)."""
    click.echo(message, err=True)
