from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ProjectReassignment")


@_attrs_define
class ProjectReassignment:
    """Preview (`confirm=false`) or result of moving a record to another project."""

    resource_id: str
    """ MFID of the record. """
    new_project_id: str
    """ Slug of the new project. """
    resource_mfid: None | str | Unset = UNSET
    """ MFID of the record. """
    previous_project_id: None | str | Unset = UNSET
    """ Slug of the previous project. """
    previous_project_mfid: None | str | Unset = UNSET
    """ MFID of the previous project. """
    new_project_mfid: None | str | Unset = UNSET
    """ MFID of the new project. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        resource_id = self.resource_id

        new_project_id = self.new_project_id

        resource_mfid: None | str | Unset
        if isinstance(self.resource_mfid, Unset):
            resource_mfid = UNSET
        else:
            resource_mfid = self.resource_mfid

        previous_project_id: None | str | Unset
        if isinstance(self.previous_project_id, Unset):
            previous_project_id = UNSET
        else:
            previous_project_id = self.previous_project_id

        previous_project_mfid: None | str | Unset
        if isinstance(self.previous_project_mfid, Unset):
            previous_project_mfid = UNSET
        else:
            previous_project_mfid = self.previous_project_mfid

        new_project_mfid: None | str | Unset
        if isinstance(self.new_project_mfid, Unset):
            new_project_mfid = UNSET
        else:
            new_project_mfid = self.new_project_mfid

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "resource_id": resource_id,
                "new_project_id": new_project_id,
            }
        )
        if resource_mfid is not UNSET:
            field_dict["resource_mfid"] = resource_mfid
        if previous_project_id is not UNSET:
            field_dict["previous_project_id"] = previous_project_id
        if previous_project_mfid is not UNSET:
            field_dict["previous_project_mfid"] = previous_project_mfid
        if new_project_mfid is not UNSET:
            field_dict["new_project_mfid"] = new_project_mfid

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        resource_id = d.pop("resource_id")

        new_project_id = d.pop("new_project_id")

        def _parse_resource_mfid(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        resource_mfid = _parse_resource_mfid(d.pop("resource_mfid", UNSET))

        def _parse_previous_project_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        previous_project_id = _parse_previous_project_id(
            d.pop("previous_project_id", UNSET)
        )

        def _parse_previous_project_mfid(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        previous_project_mfid = _parse_previous_project_mfid(
            d.pop("previous_project_mfid", UNSET)
        )

        def _parse_new_project_mfid(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        new_project_mfid = _parse_new_project_mfid(d.pop("new_project_mfid", UNSET))

        project_reassignment = cls(
            resource_id=resource_id,
            new_project_id=new_project_id,
            resource_mfid=resource_mfid,
            previous_project_id=previous_project_id,
            previous_project_mfid=previous_project_mfid,
            new_project_mfid=new_project_mfid,
        )

        project_reassignment.additional_properties = d
        return project_reassignment

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
