from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ResourceCapabilities")


@_attrs_define
class ResourceCapabilities:
    """What the caller may do on this record."""

    can_edit: bool | Unset = UNSET
    """ May edit fields and metadata. """
    can_manage_access: bool | Unset = UNSET
    """ May grant and revoke access. """
    can_change_status: bool | Unset = UNSET
    """ May change the lifecycle status. """
    can_transfer: bool | Unset = UNSET
    """ May transfer ownership. """
    max_grant_role: None | str | Unset = UNSET
    """ Highest role the caller may grant: `viewer`, `contributor`, `editor` or `admin` (open vocabulary); null when
    none. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        can_edit = self.can_edit

        can_manage_access = self.can_manage_access

        can_change_status = self.can_change_status

        can_transfer = self.can_transfer

        max_grant_role: None | str | Unset
        if isinstance(self.max_grant_role, Unset):
            max_grant_role = UNSET
        else:
            max_grant_role = self.max_grant_role

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if can_edit is not UNSET:
            field_dict["can_edit"] = can_edit
        if can_manage_access is not UNSET:
            field_dict["can_manage_access"] = can_manage_access
        if can_change_status is not UNSET:
            field_dict["can_change_status"] = can_change_status
        if can_transfer is not UNSET:
            field_dict["can_transfer"] = can_transfer
        if max_grant_role is not UNSET:
            field_dict["max_grant_role"] = max_grant_role

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        can_edit = d.pop("can_edit", UNSET)

        can_manage_access = d.pop("can_manage_access", UNSET)

        can_change_status = d.pop("can_change_status", UNSET)

        can_transfer = d.pop("can_transfer", UNSET)

        def _parse_max_grant_role(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        max_grant_role = _parse_max_grant_role(d.pop("max_grant_role", UNSET))

        resource_capabilities = cls(
            can_edit=can_edit,
            can_manage_access=can_manage_access,
            can_change_status=can_change_status,
            can_transfer=can_transfer,
            max_grant_role=max_grant_role,
        )

        resource_capabilities.additional_properties = d
        return resource_capabilities

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
