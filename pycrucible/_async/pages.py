"""Lazy async iteration over API v3's two page styles (`async for`, `await pages.to_list()`).

The async twin of `pycrucible._v3.pages`: pages are fetched as iteration reaches them, each in
a copy of the context the list was made in, so the per-call options of the method call
(timeout, headers, privilege mode: context variables) apply to every page, whichever task
iterates.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from contextvars import Context, copy_context
from typing import Generic, TypeVar

__all__ = ["AsyncKeysetPages", "AsyncOffsetPages"]

T = TypeVar("T")
A = TypeVar("A")
K = TypeVar("K")


async def _in_context(context: Context, fetch: Callable[[K], Awaitable[A]], key: K) -> A:
    """Awaits `fetch(key)` with `context`'s variables (a task started in a copy of it)."""

    async def run() -> A:
        return await fetch(key)

    return await asyncio.get_running_loop().create_task(run(), context=context.copy())


class _AsyncPages(Generic[T]):
    """What both page styles share: `limit`, `count()`, `to_list()`, and the call's options."""

    def __init__(self, limit: int | None) -> None:
        self._limit = limit
        self._made_in = copy_context()

    async def __aiter__(self) -> AsyncIterator[T]:
        if self._limit is not None and self._limit <= 0:
            return
        given = 0
        async for item in self._items():
            yield item
            given += 1
            if self._limit is not None and given >= self._limit:  # no further page is fetched
                return

    def _items(self) -> AsyncIterator[T]:
        raise NotImplementedError  # each page style walks its own pages

    async def count(self) -> int:
        """Counts the records by walking every page (one page in memory at a time)."""
        return sum([1 async for _ in self])

    async def to_list(self) -> list[T]:
        """Fetches every page and returns the records as a list."""
        return [item async for item in self]


class AsyncKeysetPages(_AsyncPages[T]):
    """The records of a keyset-paged list, fetched a page at a time as iteration reaches them.

    Args:
        fetch: Returns one page's items and the next cursor (None at the end) for a cursor
            (None for the first page).
        limit: Stop after this many records (None: all of them).
    """

    def __init__(
        self,
        fetch: Callable[[str | None], Awaitable[tuple[list[T], str | None]]],
        limit: int | None = None,
    ) -> None:
        super().__init__(limit)
        self._fetch = fetch

    async def _items(self) -> AsyncIterator[T]:
        cursor: str | None = None
        while True:
            items, cursor = await _in_context(self._made_in, self._fetch, cursor)
            for item in items:
                yield item
            if cursor is None or not items:
                return


class AsyncOffsetPages(_AsyncPages[T]):
    """The records of an offset-paged list, fetched a page at a time as iteration reaches them.

    Args:
        fetch: Returns one page's items and the list's total for an offset (records skipped).
        limit: Stop after this many records (None: all of them).
    """

    def __init__(
        self,
        fetch: Callable[[int], Awaitable[tuple[list[T], int | None]]],
        limit: int | None = None,
    ) -> None:
        super().__init__(limit)
        self._fetch = fetch

    async def _items(self) -> AsyncIterator[T]:
        offset = 0
        while True:
            items, total = await _in_context(self._made_in, self._fetch, offset)
            for item in items:
                yield item
            offset += len(items)
            if not items or (total is not None and offset >= total):
                return
