"""Pages of API v3: keyset pages (``/datasets``, ``/samples``) and offset pages (elsewhere).

Every page holds at most :data:`PAGE_CAP` rows (the contract's ``limit`` maximum).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import HTTPException

from pycrucible.testing._db import Database, Row
from pycrucible.testing.v3.ids import decode_cursor, encode_cursor

PAGE_CAP = 1000
DEFAULT_LIMIT = 100


def keyset_page(
    db: Database,
    table: str,
    where: list[tuple[str, list[Any]]],
    *,
    limit: int | None,
    cursor: str | None,
    include_total: bool | None,
    view: Callable[[Row], dict[str, Any]],
    ascending: bool = False,
) -> dict[str, Any]:
    """Return one keyset page of a record table in ``unique_id`` order (newest first).

    MFIDs are time-ordered, so this is also creation order; ``ascending`` reverses it.

    Args:
        db: The database.
        table: The record table (alias ``r`` in conditions).
        where: SQL conditions with their parameters, all of which must hold.
        limit: Rows wanted (capped at 1000; 100 when None).
        cursor: ``next_cursor`` of the previous page, or None for the first page.
        include_total: Count the matching rows (default: on the first page only).
        view: Turns a row into its API view.
        ascending: Oldest first.

    Raises:
        HTTPException: 422 for a cursor this server did not make.
    """
    size = min(limit or DEFAULT_LIMIT, PAGE_CAP)
    conditions = [sql for sql, _ in where] or ["1"]
    params = [p for _, values in where for p in values]
    base = f"FROM {table} r WHERE " + " AND ".join(conditions)
    total = None
    if include_total or (include_total is None and cursor is None):
        total = int(db.scalar(f"SELECT count(*) {base}", params) or 0)
    page_sql, page_params = base, list(params)
    if cursor is not None:
        last = decode_cursor(cursor)
        if last is None:
            raise HTTPException(
                422,
                [
                    {
                        "type": "value_error",
                        "loc": ["query", "cursor"],
                        "msg": "Invalid cursor",
                        "input": cursor,
                    }
                ],
            )
        page_sql += " AND r.unique_id > ?" if ascending else " AND r.unique_id < ?"
        page_params.append(last)
    order = "ASC" if ascending else "DESC"
    rows = db.all(
        f"SELECT r.* {page_sql} ORDER BY r.unique_id {order} LIMIT ?", [*page_params, size + 1]
    )
    more = len(rows) > size
    rows = rows[:size]
    return {
        "items": [view(row) for row in rows],
        "next_cursor": encode_cursor(rows[-1]["unique_id"]) if more and rows else None,
        "total": total,
        "limit": size,
    }


def offset_page(items: list[Any], *, limit: int | None, offset: int | None) -> dict[str, Any]:
    """Return one offset page of an already filtered and ordered list."""
    size = min(limit or DEFAULT_LIMIT, PAGE_CAP)
    start = offset or 0
    return {
        "items": items[start : start + size],
        "total": len(items),
        "limit": size,
        "offset": start,
    }
