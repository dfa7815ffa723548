from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.review_decision import ReviewDecision
from ..types import UNSET, Unset

T = TypeVar("T", bound="JoinRequestReview")


@_attrs_define
class JoinRequestReview:
    """Review of a join request."""

    status: ReviewDecision
    """ Outcome of a review (deletion or join request). """
    reviewer_notes: str | Unset = UNSET
    """ Notes for the requester. """

    def to_dict(self) -> dict[str, Any]:
        status = self.status.value

        reviewer_notes = self.reviewer_notes

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "status": status,
            }
        )
        if reviewer_notes is not UNSET:
            field_dict["reviewer_notes"] = reviewer_notes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        status = ReviewDecision(d.pop("status"))

        reviewer_notes = d.pop("reviewer_notes", UNSET)

        join_request_review = cls(
            status=status,
            reviewer_notes=reviewer_notes,
        )

        return join_request_review
