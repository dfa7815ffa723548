"""Lazy iteration over API v3's keyset pages (`items` + `next_cursor`)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Generic, TypeVar

__all__ = ["KeysetPages"]

T = TypeVar("T")


class KeysetPages(Generic[T]):
    """The records of a keyset-paged list, fetched a page at a time as iteration reaches them.

    Iterating twice asks the server again. Memory stays at one page however long the list is.

    Args:
        fetch: Returns one page's items and the next cursor (None at the end) for a cursor
            (None for the first page).
        limit: Stop after this many records (None: all of them).
    """

    def __init__(
        self,
        fetch: Callable[[str | None], tuple[list[T], str | None]],
        limit: int | None = None,
    ) -> None:
        self._fetch = fetch
        self._limit = limit

    def __iter__(self) -> Iterator[T]:
        cursor: str | None = None
        given = 0
        while True:
            items, cursor = self._fetch(cursor)
            for item in items:
                if self._limit is not None and given >= self._limit:
                    return
                given += 1
                yield item
            if cursor is None or not items:
                return

    def count(self) -> int:
        """Counts the records by walking every page (one page in memory at a time)."""
        return sum(1 for _ in self)

    def to_list(self) -> list[T]:
        """Fetches every page and returns the records as a list."""
        return list(self)
