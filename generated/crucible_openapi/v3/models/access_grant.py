from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AccessGrant")


@_attrs_define
class AccessGrant:
    """One principal's role on a record."""

    principal_id: str
    """ The principal: a user id, project MFID, instrument MFID, `public`, … """
    permission: str
    """ `viewer`, `contributor`, `editor`, `admin` or `owner` (open vocabulary; low to high). """
    principal_type: None | str | Unset = UNSET
    """ `user`, `service_account`, `project`, `instrument`, `public`, `system` or `unknown` (open vocabulary). """
    slug: None | str | Unset = UNSET
    """ Human-readable slug of the principal. """
    display_name: None | str | Unset = UNSET
    """ Display name of the principal. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        principal_id = self.principal_id

        permission = self.permission

        principal_type: None | str | Unset
        if isinstance(self.principal_type, Unset):
            principal_type = UNSET
        else:
            principal_type = self.principal_type

        slug: None | str | Unset
        if isinstance(self.slug, Unset):
            slug = UNSET
        else:
            slug = self.slug

        display_name: None | str | Unset
        if isinstance(self.display_name, Unset):
            display_name = UNSET
        else:
            display_name = self.display_name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "principal_id": principal_id,
                "permission": permission,
            }
        )
        if principal_type is not UNSET:
            field_dict["principal_type"] = principal_type
        if slug is not UNSET:
            field_dict["slug"] = slug
        if display_name is not UNSET:
            field_dict["display_name"] = display_name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        principal_id = d.pop("principal_id")

        permission = d.pop("permission")

        def _parse_principal_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        principal_type = _parse_principal_type(d.pop("principal_type", UNSET))

        def _parse_slug(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        slug = _parse_slug(d.pop("slug", UNSET))

        def _parse_display_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        display_name = _parse_display_name(d.pop("display_name", UNSET))

        access_grant = cls(
            principal_id=principal_id,
            permission=permission,
            principal_type=principal_type,
            slug=slug,
            display_name=display_name,
        )

        access_grant.additional_properties = d
        return access_grant

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
