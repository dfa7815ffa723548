"""What the v3 workflow resources share: offset-paged lists, action answers, review decisions.

Used by `client.v3.access`, `.deletion`, `.groups` and `.service_accounts`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Protocol, TypeVar

from crucible_openapi.v3.models import ActionResult, ReviewDecision
from crucible_openapi.v3.types import Response, Unset

from pycrucible._checks import check_id, check_reqid
from pycrucible._http import parse_one
from pycrucible._records import as_record
from pycrucible._v3.datasets import check_page_size
from pycrucible._v3.pages import OffsetPages
from pycrucible.errors import UnexpectedResponseError

__all__ = [
    "PAGE_SIZE",
    "action_result",
    "check_choice",
    "check_decision",
    "check_mfid",
    "check_number",
    "check_page_size",
    "looks_like_mfid",
    "offset_pages",
]

PAGE_SIZE = 100

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)

_MFID_CHARS = frozenset("0123456789abcdefghjkmnpqrstvwxyz")
_APPROVE = frozenset({"approve", "approved", "accept", "accepted"})
_REJECT = frozenset({"reject", "rejected", "deny", "denied"})


class OffsetPageModel(Protocol[T_co]):
    """A generated offset-page model: its `items` and (maybe) its `total`."""

    @property
    def items(self) -> Sequence[T_co]: ...

    @property
    def total(self) -> int | Unset | None: ...


def looks_like_mfid(value: str) -> bool:
    """Whether `value` has an MFID's form: 26 lowercase Crockford base32 characters."""
    return len(value) == 26 and set(value) <= _MFID_CHARS


def check_mfid(value: Any, what: str) -> str:
    """Checks an identifier that must be an MFID (the routes that take no other id).

    Raises:
        ValueError: Not 26 lowercase Crockford base32 characters.
    """
    text = check_id(value, what)
    if not looks_like_mfid(text):
        raise ValueError(f"{what} must be an MFID (26 characters of 0-9 and a-z), got {value!r}")
    return text


def check_number(value: Any, what: str) -> int:
    """Checks a workflow record's number (deletion request, audit entry, join request).

    Args:
        value: An integer, or its decimal text.
        what: Its name, for the message.

    Raises:
        ValueError: Not a non-negative integer.
    """
    try:
        return check_reqid(value)
    except ValueError:
        raise ValueError(f"{what} must be a non-negative integer, got {value!r}") from None


def check_choice(value: Any, what: str, choices: Sequence[str]) -> str:
    """Checks that a text argument is one of `choices`.

    Raises:
        ValueError: Anything else (the message lists the choices).
    """
    if not isinstance(value, str) or value not in choices:
        raise ValueError(f"{what} must be one of {', '.join(choices)}; got {value!r}")
    return value


def check_decision(decision: Any) -> ReviewDecision:
    """Reads a review decision: `"approved"` / `"approve"` or `"rejected"` / `"reject"` /
    `"deny"` (any case), or a `ReviewDecision`.

    Raises:
        ValueError: Anything else.
    """
    if isinstance(decision, ReviewDecision):
        return decision
    word = decision.strip().lower() if isinstance(decision, str) else None
    if word in _APPROVE:
        return ReviewDecision.APPROVED
    if word in _REJECT:
        return ReviewDecision.REJECTED
    raise ValueError(f"decision must be 'approved' or 'rejected', got {decision!r}")


def action_result(response: Response[Any], what: str) -> ActionResult:
    """The answer of an action route (`{"detail": ...}`), an empty one for a 204 answer.

    Raises:
        UnexpectedResponseError: A body that is not an action result.
    """
    if response.status_code == 204 or not response.content.strip():
        return as_record(ActionResult())
    return parse_one(response, ActionResult, what)


def offset_pages(
    call: Callable[[int, int], Response[Any]],
    page_cls: type[OffsetPageModel[T]],
    what: str,
    *,
    page_size: int,
    limit: int | None,
) -> OffsetPages[T]:
    """A lazy offset-paged list: `call(page_limit, offset)` fetches one page.

    Args:
        call: Sends the request of one page (its `limit` and `offset` query values).
        page_cls: The generated page model of the answer.
        what: What is listed, for messages.
        page_size: Records per request (1 to 1000; never more than `limit`).
        limit: Stop after this many records (None: all of them).

    Returns:
        The lazy list; the per-call options of the method that made it apply to every page.

    Raises:
        ValueError: A bad `page_size` or `limit` (before any request).
    """
    check_page_size(page_size, limit)
    size = min(page_size, limit) if limit else page_size

    # Each page runs with the call's per-call options: see `pycrucible._v3.pages`.
    def fetch(offset: int) -> tuple[list[T], int | None]:
        response = call(size, offset)
        page = response.parsed
        if not isinstance(page, page_cls):
            raise UnexpectedResponseError(
                f"{what}: expected a page, got {response.content[:200]!r}"
            )
        total = page.total if isinstance(page.total, int) else None
        return as_record(list(page.items)), total

    return OffsetPages(fetch, limit)
