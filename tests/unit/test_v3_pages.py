"""Lazy v3 pages: limits, the end of a list, and the call's options on every page."""

from __future__ import annotations

from pycrucible._transport import _CALL_OPTIONS, CallOptions, call_options
from pycrucible._v3.pages import KeysetPages, OffsetPages

OPTIONS = CallOptions(timeout=3.0, headers=(("Crucible-Privilege-Mode", "elevated"),))


def keyset(pages: list[list[int]], seen: list[object]) -> KeysetPages[int]:
    def fetch(cursor: str | None) -> tuple[list[int], str | None]:
        seen.append(_CALL_OPTIONS.get())
        index = int(cursor or 0)
        nxt = str(index + 1) if index + 1 < len(pages) else None
        return pages[index], nxt

    with call_options(OPTIONS):
        return KeysetPages(fetch)


def test_keyset_pages_are_fetched_later_with_the_calls_options() -> None:
    seen: list[object] = []
    pages = keyset([[1, 2], [3], [4, 5]], seen)
    assert seen == []  # nothing fetched before iteration
    assert _CALL_OPTIONS.get() is None
    assert list(pages) == [1, 2, 3, 4, 5]
    assert seen == [OPTIONS, OPTIONS, OPTIONS]
    assert _CALL_OPTIONS.get() is None  # the options did not leak into the caller


def test_offset_pages_stop_at_the_total_and_keep_the_options() -> None:
    seen: list[object] = []
    rows = list(range(7))

    def fetch(offset: int) -> tuple[list[int], int | None]:
        seen.append((offset, _CALL_OPTIONS.get()))
        return rows[offset : offset + 3], len(rows)

    with call_options(OPTIONS):
        pages = OffsetPages(fetch)
    assert pages.to_list() == rows
    assert seen == [(0, OPTIONS), (3, OPTIONS), (6, OPTIONS)]


def test_a_limit_fetches_no_page_beyond_it() -> None:
    seen: list[object] = []
    pages = keyset([[1, 2], [3, 4], [5]], seen)
    limited = KeysetPages(pages._fetch, limit=2)
    assert list(limited) == [1, 2]
    assert len(seen) == 1
    assert list(KeysetPages(pages._fetch, limit=0)) == []
    assert len(seen) == 1
