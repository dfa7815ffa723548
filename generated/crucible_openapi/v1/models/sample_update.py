from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SampleUpdate")


@_attrs_define
class SampleUpdate:
    """A partial sample: only the fields present are changed."""

    sample_name: None | str | Unset = UNSET
    """ Human-readable name. """
    owner_orcid: None | str | Unset = UNSET
    """ ORCID of the new owner (only the owner or an admin may change it; not null). """
    owner_user_id: int | None | str | Unset = UNSET
    """ Internal id of the new owner (only the owner or an admin may change it; not null). A string of decimal
    digits (e.g. `"8"`) is accepted too, as the real API coerces it. """
    description: None | str | Unset = UNSET
    """ Free text. """
    date_created: datetime.datetime | None | Unset = UNSET
    """ When the sample was made, ISO 8601. """
    project_id: None | str | Unset = UNSET
    """ Project slug: an existing project the caller is a member of (admins: any), or null. """
    sample_type: None | str | Unset = UNSET
    """ Sample type. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        sample_name: None | str | Unset
        if isinstance(self.sample_name, Unset):
            sample_name = UNSET
        else:
            sample_name = self.sample_name

        owner_orcid: None | str | Unset
        if isinstance(self.owner_orcid, Unset):
            owner_orcid = UNSET
        else:
            owner_orcid = self.owner_orcid

        owner_user_id: int | None | str | Unset
        if isinstance(self.owner_user_id, Unset):
            owner_user_id = UNSET
        else:
            owner_user_id = self.owner_user_id

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        date_created: None | str | Unset
        if isinstance(self.date_created, Unset):
            date_created = UNSET
        elif isinstance(self.date_created, datetime.datetime):
            date_created = self.date_created.isoformat()
        else:
            date_created = self.date_created

        project_id: None | str | Unset
        if isinstance(self.project_id, Unset):
            project_id = UNSET
        else:
            project_id = self.project_id

        sample_type: None | str | Unset
        if isinstance(self.sample_type, Unset):
            sample_type = UNSET
        else:
            sample_type = self.sample_type

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if sample_name is not UNSET:
            field_dict["sample_name"] = sample_name
        if owner_orcid is not UNSET:
            field_dict["owner_orcid"] = owner_orcid
        if owner_user_id is not UNSET:
            field_dict["owner_user_id"] = owner_user_id
        if description is not UNSET:
            field_dict["description"] = description
        if date_created is not UNSET:
            field_dict["date_created"] = date_created
        if project_id is not UNSET:
            field_dict["project_id"] = project_id
        if sample_type is not UNSET:
            field_dict["sample_type"] = sample_type

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_sample_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        sample_name = _parse_sample_name(d.pop("sample_name", UNSET))

        def _parse_owner_orcid(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        owner_orcid = _parse_owner_orcid(d.pop("owner_orcid", UNSET))

        def _parse_owner_user_id(data: object) -> int | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | str | Unset, data)

        owner_user_id = _parse_owner_user_id(d.pop("owner_user_id", UNSET))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_date_created(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                date_created_type_0 = datetime.datetime.fromisoformat(data)

                return date_created_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        date_created = _parse_date_created(d.pop("date_created", UNSET))

        def _parse_project_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        project_id = _parse_project_id(d.pop("project_id", UNSET))

        def _parse_sample_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        sample_type = _parse_sample_type(d.pop("sample_type", UNSET))

        sample_update = cls(
            sample_name=sample_name,
            owner_orcid=owner_orcid,
            owner_user_id=owner_user_id,
            description=description,
            date_created=date_created,
            project_id=project_id,
            sample_type=sample_type,
        )

        sample_update.additional_properties = d
        return sample_update

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
