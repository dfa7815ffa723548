from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ProjectCreate")


@_attrs_define
class ProjectCreate:
    """A new project."""

    project_id: str
    """ Slug. """
    organization: str
    """ Organisation. """
    project_lead_email: str
    """ E-mail of the project lead. """
    title: None | str | Unset = UNSET
    """ Title. """
    status: None | str | Unset = UNSET
    """ Status, for example `active`. """
    project_lead_name: None | str | Unset = UNSET
    """ Name of the project lead. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        project_id = self.project_id

        organization = self.organization

        project_lead_email = self.project_lead_email

        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        else:
            status = self.status

        project_lead_name: None | str | Unset
        if isinstance(self.project_lead_name, Unset):
            project_lead_name = UNSET
        else:
            project_lead_name = self.project_lead_name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "project_id": project_id,
                "organization": organization,
                "project_lead_email": project_lead_email,
            }
        )
        if title is not UNSET:
            field_dict["title"] = title
        if status is not UNSET:
            field_dict["status"] = status
        if project_lead_name is not UNSET:
            field_dict["project_lead_name"] = project_lead_name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        project_id = d.pop("project_id")

        organization = d.pop("organization")

        project_lead_email = d.pop("project_lead_email")

        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        def _parse_status(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        def _parse_project_lead_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        project_lead_name = _parse_project_lead_name(d.pop("project_lead_name", UNSET))

        project_create = cls(
            project_id=project_id,
            organization=organization,
            project_lead_email=project_lead_email,
            title=title,
            status=status,
            project_lead_name=project_lead_name,
        )

        project_create.additional_properties = d
        return project_create

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
