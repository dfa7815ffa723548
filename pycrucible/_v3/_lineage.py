"""The I/O-free parts of lineage (`pycrucible._v3.links`): relationship types, unlink answers,
pages of linked records. Shared by the sync resources and their async twins."""

from __future__ import annotations

from typing import Any

from crucible_openapi.v3.models import ActionResult, DatasetOffsetPage, SampleOffsetPage
from crucible_openapi.v3.types import UNSET, Unset

from pycrucible._checks import check_text
from pycrucible._http import Answer, parse_one
from pycrucible._records import as_record
from pycrucible.errors import UnexpectedResponseError

__all__ = ["linked_page", "relationship", "unlinked"]


def relationship(relationship_type: str | None) -> str | Unset:
    """A link's relationship type as the API takes it (UNSET for None).

    Raises:
        ValueError: Not a non-empty string.
    """
    if relationship_type is None:
        return UNSET
    return check_text(relationship_type, "relationship_type")


def unlinked(response: Answer, what: str) -> ActionResult:
    """The confirmation of an unlink: its body, or a made-up one for an empty 204 answer."""
    if not response.content.strip():
        return as_record(ActionResult(detail=f"{what}: done"))
    return parse_one(response, ActionResult, what)


def linked_page(
    page: object,
    cls: type[DatasetOffsetPage] | type[SampleOffsetPage],
    what: str,
    content: bytes,
) -> tuple[list[Any], int | None]:
    """The records of one page of linked datasets or samples, and the total when known.

    Raises:
        UnexpectedResponseError: The answer is not such a page.
    """
    if not isinstance(page, cls):
        raise UnexpectedResponseError(f"{what}: expected a page, got {content[:200]!r}")
    total = page.total if isinstance(page.total, int) else None
    # The page itself gets no dict view: its `items` field would meet the view's items().
    return as_record(page.items), total
