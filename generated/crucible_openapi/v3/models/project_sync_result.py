from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ProjectSyncResult")


@_attrs_define
class ProjectSyncResult:
    """Outcome of an additive refresh of the caller's project memberships from the proposal database."""

    orcid: None | str | Unset = UNSET
    """ The caller's ORCID. """
    projects_added: list[str] | Unset = UNSET
    """ Projects joined now. """
    projects_already_member: list[str] | Unset = UNSET
    """ Projects the caller already belonged to. """
    projects_not_found: list[str] | Unset = UNSET
    """ Proposals with no matching project. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        orcid: None | str | Unset
        if isinstance(self.orcid, Unset):
            orcid = UNSET
        else:
            orcid = self.orcid

        projects_added: list[str] | Unset = UNSET
        if not isinstance(self.projects_added, Unset):
            projects_added = self.projects_added

        projects_already_member: list[str] | Unset = UNSET
        if not isinstance(self.projects_already_member, Unset):
            projects_already_member = self.projects_already_member

        projects_not_found: list[str] | Unset = UNSET
        if not isinstance(self.projects_not_found, Unset):
            projects_not_found = self.projects_not_found

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if orcid is not UNSET:
            field_dict["orcid"] = orcid
        if projects_added is not UNSET:
            field_dict["projects_added"] = projects_added
        if projects_already_member is not UNSET:
            field_dict["projects_already_member"] = projects_already_member
        if projects_not_found is not UNSET:
            field_dict["projects_not_found"] = projects_not_found

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_orcid(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        orcid = _parse_orcid(d.pop("orcid", UNSET))

        projects_added = cast(list[str], d.pop("projects_added", UNSET))

        projects_already_member = cast(
            list[str], d.pop("projects_already_member", UNSET)
        )

        projects_not_found = cast(list[str], d.pop("projects_not_found", UNSET))

        project_sync_result = cls(
            orcid=orcid,
            projects_added=projects_added,
            projects_already_member=projects_already_member,
            projects_not_found=projects_not_found,
        )

        project_sync_result.additional_properties = d
        return project_sync_result

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
