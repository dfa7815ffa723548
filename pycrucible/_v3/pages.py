"""Lazy iteration over API v3's two page styles.

Keyset pages (`items` + `next_cursor`) serve `/datasets` and `/samples`; offset pages (`items`
+ `total`, `limit`, `offset`) serve every other paged list.

In a notebook a lazy list shows its first `SHOWN` records as an HTML table (one page fetched,
not the whole list) and says that iterating gives the rest; `to_pandas()` walks it all into a
DataFrame (pandas optional).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextvars import copy_context
from itertools import islice
from typing import TYPE_CHECKING, Generic, TypeVar

if TYPE_CHECKING:
    import pandas

__all__ = ["SHOWN", "KeysetPages", "OffsetPages"]

SHOWN = 20
"""Records a lazy list shows in a notebook (its HTML display); iterating gives them all."""

T = TypeVar("T")


class _Pages(Generic[T]):
    """What both page styles share: `limit`, `count()`, `to_list()`, and the call's options.

    Pages are fetched later than the method call that made the list, as iteration reaches
    them; the call's per-call options (timeout, headers, privilege mode) are context variables
    of that call, so every page is fetched in a copy of the context the list was made in.
    """

    def __init__(self, limit: int | None) -> None:
        self._limit = limit
        self._made_in = copy_context()

    def __iter__(self) -> Iterator[T]:
        if self._limit is None:
            yield from self._items()
            return
        if self._limit <= 0:
            return
        for given, item in enumerate(self._items(), start=1):
            yield item
            if given >= self._limit:  # no further page is fetched
                return

    def _items(self) -> Iterator[T]:
        raise NotImplementedError  # each page style walks its own pages

    def count(self) -> int:
        """Counts the records by walking every page (one page in memory at a time)."""
        return sum(1 for _ in self)

    def to_list(self) -> list[T]:
        """Fetches every page and returns the records as a list."""
        return list(self)

    def to_pandas(self) -> pandas.DataFrame:
        """Fetches every page and returns the records as a pandas DataFrame.

        One row per record, one column per JSON field; date fields are UTC datetime columns.

        Raises:
            ImportError: pandas is not installed (`pip install 'pycrucible-client[pandas]'`).
        """
        from pycrucible._tables import to_pandas

        return to_pandas(self)

    def __repr__(self) -> str:
        limit = "" if self._limit is None else f" (limit {self._limit})"
        return f"<{type(self).__name__}{limit}: records fetched as iteration reaches them>"

    def _repr_html_(self) -> str:
        """The first `SHOWN` records as an HTML table; only the pages they are on are fetched."""
        from pycrucible._tables import records_html

        walk = iter(self)
        try:
            first = list(islice(walk, SHOWN + 1))
        finally:
            close = getattr(walk, "close", None)
            if close is not None:
                close()
        return records_html(first[:SHOWN], title=type(self).__name__, more=len(first) > SHOWN)


class KeysetPages(_Pages[T]):
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
        super().__init__(limit)
        self._fetch = fetch

    def _items(self) -> Iterator[T]:
        cursor: str | None = None
        while True:
            items, cursor = self._made_in.copy().run(self._fetch, cursor)
            yield from items
            if cursor is None or not items:
                return


class OffsetPages(_Pages[T]):
    """The records of an offset-paged list, fetched a page at a time as iteration reaches them.

    Args:
        fetch: Returns one page's items and the list's total for an offset (records skipped).
        limit: Stop after this many records (None: all of them).
    """

    def __init__(
        self,
        fetch: Callable[[int], tuple[list[T], int | None]],
        limit: int | None = None,
    ) -> None:
        super().__init__(limit)
        self._fetch = fetch

    def _items(self) -> Iterator[T]:
        offset = 0
        while True:
            items, total = self._made_in.copy().run(self._fetch, offset)
            yield from items
            offset += len(items)
            if not items or (total is not None and offset >= total):
                return
