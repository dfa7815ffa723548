"""Records as tables: HTML for notebooks (`_repr_html_`) and pandas DataFrames (`to_pandas`).

Cells show a record's JSON fields (what `repr` shows): values are escaped with `html.escape`,
cut to `MAX_CELL` characters; registered secrets (a new service-account key) are hidden, and so
are the credentials in URLs (a signed link's signature, an upload session), as in log lines.

`to_pandas(records)` takes any iterable of records: a seed-era list, a v3 lazy list, or one
`client.v3` page's items. One row per record, one column per JSON field (first seen, first
placed); fields that are dates in the model become datetime columns (UTC). Values are the data
itself, as `record[key]` gives them (nothing hidden: a DataFrame is for working with the data).
pandas is optional: `pip install 'pycrucible-client[pandas]'`.
"""

from __future__ import annotations

import datetime
import html
import json
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from pycrucible._records import json_fields
from pycrucible._redact import redact_text, redact_urls

if TYPE_CHECKING:
    import pandas

__all__ = ["MAX_CELL", "record_html", "records_html", "to_pandas"]

MAX_CELL = 80
"""Characters of one value shown in an HTML cell; longer ones end with an ellipsis."""

_STYLE = "text-align:left;vertical-align:top"
_PANDAS_HINT = (
    "to_pandas needs pandas, which is not installed: pip install 'pycrucible-client[pandas]'"
)


def _text(value: Any) -> str:
    value = redact_urls(value)
    if value is None:
        return ""
    if isinstance(value, str):
        text = value
    elif isinstance(value, dict | list):
        text = json.dumps(value, default=str, ensure_ascii=False)
    else:
        text = str(value)
    return redact_text(text)


def _cell(value: Any) -> str:
    text = _text(value)
    if len(text) > MAX_CELL:
        text = text[: MAX_CELL - 1] + "\u2026"
    return f'<td style="{_STYLE}">{html.escape(text)}</td>'


def _name(record: object) -> str:
    return "record" if isinstance(record, dict) else type(record).__name__


def record_html(record: object) -> str:
    """One record as a two-column HTML table (field, value).

    Args:
        record: A generated record or a plain dict.

    Returns:
        The HTML fragment.
    """
    rows = "".join(
        f'<tr><th style="{_STYLE}">{html.escape(key)}</th>{_cell(value)}</tr>'
        for key, value in json_fields(record)
    )
    caption = f"<caption>{html.escape(_name(record))}</caption>"
    return f"<table>{caption}{rows}</table>"


def records_html(records: Sequence[object], *, title: str, more: bool) -> str:
    """Several records as one HTML table: a row per record, a column per JSON field.

    Args:
        records: The records to show.
        title: Caption text (escaped here).
        more: Whether the list goes on past `records` (a note says so under the table).

    Returns:
        The HTML fragment.
    """
    table = [dict(json_fields(record)) for record in records]
    columns: dict[str, None] = {}
    for row in table:
        columns.update(dict.fromkeys(row))
    head = "".join(f'<th style="{_STYLE}">{html.escape(c)}</th>' for c in columns)
    body = "".join("<tr>" + "".join(_cell(row.get(c)) for c in columns) + "</tr>" for row in table)
    note = f"{len(records)} record(s)"
    if more:
        note = f"first {len(records)} shown; iterate for more"
    return (
        f"<table><caption>{html.escape(title)}</caption><thead><tr>{head}</tr></thead>"
        f"<tbody>{body}</tbody></table><p>{html.escape(note)}</p>"
    )


def _row(record: object) -> tuple[dict[str, Any], set[str]]:
    """A record's JSON fields, with the model's date fields as date objects; and their names."""
    row = dict(json_fields(record))
    dates: set[str] = set()
    for key in row:
        value = record[key] if isinstance(record, dict) else getattr(record, key, None)
        if isinstance(value, datetime.date):
            row[key] = value
            dates.add(key)
    return row, dates


def to_pandas(records: Iterable[object]) -> pandas.DataFrame:
    """Records as a pandas DataFrame: one row per record, one column per JSON field.

    Args:
        records: Any iterable of records (a list result, a v3 lazy list: walked to its end)
            or of plain dicts.

    Returns:
        The DataFrame; date fields are `datetime64` columns in UTC, nested records stay dicts.

    Raises:
        ImportError: pandas is not installed (the message names the `pandas` extra).
    """
    try:
        import pandas
    except ImportError as exc:
        raise ImportError(_PANDAS_HINT) from exc
    rows: list[dict[str, Any]] = []
    dates: set[str] = set()
    for record in records:
        row, row_dates = _row(record)
        rows.append(row)
        dates |= row_dates
    frame = pandas.DataFrame(rows)
    for column in dates:
        frame[column] = pandas.to_datetime(frame[column], utc=True)
    return frame
