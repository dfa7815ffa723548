from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.user_public import UserPublic


T = TypeVar("T", bound="DeletionAuditLog")


@_attrs_define
class DeletionAuditLog:
    """Audit entry of a hard deletion, written before the record is deleted."""

    id: int
    """ Audit entry id. """
    resource_type: None | str | Unset = UNSET
    """ `dataset`, `sample`, `project` or `instrument` (open vocabulary). """
    resource_id: None | str | Unset = UNSET
    """ MFID of the record. """
    resource_name: None | str | Unset = UNSET
    """ Name of the record. """
    project_id: None | str | Unset = UNSET
    """ Slug of the record's project. """
    project_mfid: None | str | Unset = UNSET
    """ MFID of the record's project (absent on old entries). """
    requester_id: None | str | Unset = UNSET
    """ Canonical id of the requester. """
    requester: None | Unset | UserPublic = UNSET
    """ The requester. """
    reason: None | str | Unset = UNSET
    """ Why deletion was requested. """
    request_time: datetime.datetime | None | Unset = UNSET
    """ When it was requested. """
    review_time: datetime.datetime | None | Unset = UNSET
    """ When it was reviewed. """
    reviewer_id: None | str | Unset = UNSET
    """ Canonical id of the reviewer. """
    reviewer: None | Unset | UserPublic = UNSET
    """ The reviewer. """
    reviewer_notes: None | str | Unset = UNSET
    """ Reviewer's notes. """
    deleted_at: datetime.datetime | None | Unset = UNSET
    """ When the record was deleted. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.user_public import UserPublic  # noqa: PLC0415

        id = self.id

        resource_type: None | str | Unset
        if isinstance(self.resource_type, Unset):
            resource_type = UNSET
        else:
            resource_type = self.resource_type

        resource_id: None | str | Unset
        if isinstance(self.resource_id, Unset):
            resource_id = UNSET
        else:
            resource_id = self.resource_id

        resource_name: None | str | Unset
        if isinstance(self.resource_name, Unset):
            resource_name = UNSET
        else:
            resource_name = self.resource_name

        project_id: None | str | Unset
        if isinstance(self.project_id, Unset):
            project_id = UNSET
        else:
            project_id = self.project_id

        project_mfid: None | str | Unset
        if isinstance(self.project_mfid, Unset):
            project_mfid = UNSET
        else:
            project_mfid = self.project_mfid

        requester_id: None | str | Unset
        if isinstance(self.requester_id, Unset):
            requester_id = UNSET
        else:
            requester_id = self.requester_id

        requester: dict[str, Any] | None | Unset
        if isinstance(self.requester, Unset):
            requester = UNSET
        elif isinstance(self.requester, UserPublic):
            requester = self.requester.to_dict()
        else:
            requester = self.requester

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

        reviewer: dict[str, Any] | None | Unset
        if isinstance(self.reviewer, Unset):
            reviewer = UNSET
        elif isinstance(self.reviewer, UserPublic):
            reviewer = self.reviewer.to_dict()
        else:
            reviewer = self.reviewer

        reviewer_notes: None | str | Unset
        if isinstance(self.reviewer_notes, Unset):
            reviewer_notes = UNSET
        else:
            reviewer_notes = self.reviewer_notes

        deleted_at: None | str | Unset
        if isinstance(self.deleted_at, Unset):
            deleted_at = UNSET
        elif isinstance(self.deleted_at, datetime.datetime):
            deleted_at = self.deleted_at.isoformat()
        else:
            deleted_at = self.deleted_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if resource_type is not UNSET:
            field_dict["resource_type"] = resource_type
        if resource_id is not UNSET:
            field_dict["resource_id"] = resource_id
        if resource_name is not UNSET:
            field_dict["resource_name"] = resource_name
        if project_id is not UNSET:
            field_dict["project_id"] = project_id
        if project_mfid is not UNSET:
            field_dict["project_mfid"] = project_mfid
        if requester_id is not UNSET:
            field_dict["requester_id"] = requester_id
        if requester is not UNSET:
            field_dict["requester"] = requester
        if reason is not UNSET:
            field_dict["reason"] = reason
        if request_time is not UNSET:
            field_dict["request_time"] = request_time
        if review_time is not UNSET:
            field_dict["review_time"] = review_time
        if reviewer_id is not UNSET:
            field_dict["reviewer_id"] = reviewer_id
        if reviewer is not UNSET:
            field_dict["reviewer"] = reviewer
        if reviewer_notes is not UNSET:
            field_dict["reviewer_notes"] = reviewer_notes
        if deleted_at is not UNSET:
            field_dict["deleted_at"] = deleted_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.user_public import UserPublic  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        def _parse_resource_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        resource_type = _parse_resource_type(d.pop("resource_type", UNSET))

        def _parse_resource_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        resource_id = _parse_resource_id(d.pop("resource_id", UNSET))

        def _parse_resource_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        resource_name = _parse_resource_name(d.pop("resource_name", UNSET))

        def _parse_project_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        project_id = _parse_project_id(d.pop("project_id", UNSET))

        def _parse_project_mfid(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        project_mfid = _parse_project_mfid(d.pop("project_mfid", UNSET))

        def _parse_requester_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        requester_id = _parse_requester_id(d.pop("requester_id", UNSET))

        def _parse_requester(data: object) -> None | Unset | UserPublic:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                requester_type_0 = UserPublic.from_dict(data)

                return requester_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UserPublic, data)

        requester = _parse_requester(d.pop("requester", UNSET))

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

        def _parse_reviewer(data: object) -> None | Unset | UserPublic:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                reviewer_type_0 = UserPublic.from_dict(data)

                return reviewer_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UserPublic, data)

        reviewer = _parse_reviewer(d.pop("reviewer", UNSET))

        def _parse_reviewer_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reviewer_notes = _parse_reviewer_notes(d.pop("reviewer_notes", UNSET))

        def _parse_deleted_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                deleted_at_type_0 = datetime.datetime.fromisoformat(data)

                return deleted_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        deleted_at = _parse_deleted_at(d.pop("deleted_at", UNSET))

        deletion_audit_log = cls(
            id=id,
            resource_type=resource_type,
            resource_id=resource_id,
            resource_name=resource_name,
            project_id=project_id,
            project_mfid=project_mfid,
            requester_id=requester_id,
            requester=requester,
            reason=reason,
            request_time=request_time,
            review_time=review_time,
            reviewer_id=reviewer_id,
            reviewer=reviewer,
            reviewer_notes=reviewer_notes,
            deleted_at=deleted_at,
        )

        deletion_audit_log.additional_properties = d
        return deletion_audit_log

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
