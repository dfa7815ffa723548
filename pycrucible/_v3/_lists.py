"""Small helpers for API v3's offset-paged lists and search answers."""

from __future__ import annotations

from typing import Any, TypeVar

from crucible_openapi.v3.types import Unset

from pycrucible._http import Answer
from pycrucible.errors import UnexpectedResponseError

__all__ = ["check_search", "page_limit", "read_page", "total_of"]

P = TypeVar("P")

SEARCH_MAX = 50


def read_page(response: Answer, cls: type[P], what: str) -> P:
    """The parsed page (or search answer) of a list call.

    Raises:
        UnexpectedResponseError: The body is not a `cls`.
    """
    parsed = response.parsed
    if not isinstance(parsed, cls):
        raise UnexpectedResponseError(f"{what}: expected a page, got {response.content[:200]!r}")
    return parsed


def total_of(value: int | Unset | None) -> int | None:
    """A page's `total`, None when the server left it out."""
    return value if isinstance(value, int) else None


def page_limit(page_size: int, limit: int | None) -> int:
    """Rows to ask for per request: `page_size`, or fewer when `limit` needs fewer."""
    return page_size if limit is None or limit <= 0 else min(page_size, limit)


def check_search(q: Any, limit: Any) -> str:
    """Checks a search text (at least 3 characters) and its `limit` (1 to 50).

    Raises:
        ValueError: Either is out of range.
    """
    if not isinstance(q, str) or len(q.strip()) < 3:
        raise ValueError(f"q must be at least 3 characters, got {q!r}")
    if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= SEARCH_MAX:
        raise ValueError(f"limit must be between 1 and {SEARCH_MAX}, got {limit!r}")
    return q.strip()
