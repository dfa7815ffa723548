"""Small helpers for API v3's offset-paged lists and search answers (see `_search` for the
search checks)."""

from __future__ import annotations

from typing import TypeVar

from crucible_openapi.v3.types import Unset

from pycrucible._http import Answer
from pycrucible.errors import UnexpectedResponseError

__all__ = ["page_limit", "read_page", "total_of"]

P = TypeVar("P")


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
