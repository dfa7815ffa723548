from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ProjectReassignmentRequest")


@_attrs_define
class ProjectReassignmentRequest:
    """The new project: exactly one of `project_mfid` (preferred) or `project_id`."""

    project_mfid: str | Unset = UNSET
    """ Project MFID. """
    project_id: str | Unset = UNSET
    """ Project slug. """

    def to_dict(self) -> dict[str, Any]:
        project_mfid = self.project_mfid

        project_id = self.project_id

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if project_mfid is not UNSET:
            field_dict["project_mfid"] = project_mfid
        if project_id is not UNSET:
            field_dict["project_id"] = project_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        project_mfid = d.pop("project_mfid", UNSET)

        project_id = d.pop("project_id", UNSET)

        project_reassignment_request = cls(
            project_mfid=project_mfid,
            project_id=project_id,
        )

        return project_reassignment_request
