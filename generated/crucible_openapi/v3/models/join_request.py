from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="JoinRequest")


@_attrs_define
class JoinRequest:
    """A request to join an access group (a project today)."""

    id: int
    """ Request id. """
    status: str
    """ `pending`, `approved` or `rejected` (open vocabulary). """
    group_name: None | str | Unset = UNSET
    """ Group name. """
    requester_id: None | str | Unset = UNSET
    """ Canonical id of the requester. """
    reason: None | str | Unset = UNSET
    """ Why the requester wants to join. """
    request_time: datetime.datetime | None | Unset = UNSET
    """ When it was requested. """
    review_time: datetime.datetime | None | Unset = UNSET
    """ When it was reviewed. """
    reviewer_id: None | str | Unset = UNSET
    """ Canonical id of the reviewer. """
    reviewer_notes: None | str | Unset = UNSET
    """ Reviewer's notes. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        status = self.status

        group_name: None | str | Unset
        if isinstance(self.group_name, Unset):
            group_name = UNSET
        else:
            group_name = self.group_name

        requester_id: None | str | Unset
        if isinstance(self.requester_id, Unset):
            requester_id = UNSET
        else:
            requester_id = self.requester_id

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        request_time: None | str | Unset
        if isinstance(self.request_time, Unset):
            request_time = UNSET
        elif isinstance(self.request_time, datetime.datetime):
            request_time = self.request_time.isoformat()
        else:
            request_time = self.request_time

        review_time: None | str | Unset
        if isinstance(self.review_time, Unset):
            review_time = UNSET
        elif isinstance(self.review_time, datetime.datetime):
            review_time = self.review_time.isoformat()
        else:
            review_time = self.review_time

        reviewer_id: None | str | Unset
        if isinstance(self.reviewer_id, Unset):
            reviewer_id = UNSET
        else:
            reviewer_id = self.reviewer_id

        reviewer_notes: None | str | Unset
        if isinstance(self.reviewer_notes, Unset):
            reviewer_notes = UNSET
        else:
            reviewer_notes = self.reviewer_notes

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "status": status,
            }
        )
        if group_name is not UNSET:
            field_dict["group_name"] = group_name
        if requester_id is not UNSET:
            field_dict["requester_id"] = requester_id
        if reason is not UNSET:
            field_dict["reason"] = reason
        if request_time is not UNSET:
            field_dict["request_time"] = request_time
        if review_time is not UNSET:
            field_dict["review_time"] = review_time
        if reviewer_id is not UNSET:
            field_dict["reviewer_id"] = reviewer_id
        if reviewer_notes is not UNSET:
            field_dict["reviewer_notes"] = reviewer_notes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        status = d.pop("status")

        def _parse_group_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        group_name = _parse_group_name(d.pop("group_name", UNSET))

        def _parse_requester_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        requester_id = _parse_requester_id(d.pop("requester_id", UNSET))

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        def _parse_request_time(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                request_time_type_0 = datetime.datetime.fromisoformat(data)

                return request_time_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        request_time = _parse_request_time(d.pop("request_time", UNSET))

        def _parse_review_time(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                review_time_type_0 = datetime.datetime.fromisoformat(data)

                return review_time_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        review_time = _parse_review_time(d.pop("review_time", UNSET))

        def _parse_reviewer_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reviewer_id = _parse_reviewer_id(d.pop("reviewer_id", UNSET))

        def _parse_reviewer_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reviewer_notes = _parse_reviewer_notes(d.pop("reviewer_notes", UNSET))

        join_request = cls(
            id=id,
            status=status,
            group_name=group_name,
            requester_id=requester_id,
            reason=reason,
            request_time=request_time,
            review_time=review_time,
            reviewer_id=reviewer_id,
            reviewer_notes=reviewer_notes,
        )

        join_request.additional_properties = d
        return join_request

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
