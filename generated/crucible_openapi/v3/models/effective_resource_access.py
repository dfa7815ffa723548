from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="EffectiveResourceAccess")


@_attrs_define
class EffectiveResourceAccess:
    """What one user may do on one dataset."""

    effective_access: str
    """ `none`, `viewer`, `contributor`, `editor`, `admin`, `owner` or `platform_admin` (open vocabulary). """
    resource_mfid: str | Unset = UNSET
    """ Dataset MFID. """
    user_id: str | Unset = UNSET
    """ Canonical user id. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        effective_access = self.effective_access

        resource_mfid = self.resource_mfid

        user_id = self.user_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "effective_access": effective_access,
            }
        )
        if resource_mfid is not UNSET:
            field_dict["resource_mfid"] = resource_mfid
        if user_id is not UNSET:
            field_dict["user_id"] = user_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        effective_access = d.pop("effective_access")

        resource_mfid = d.pop("resource_mfid", UNSET)

        user_id = d.pop("user_id", UNSET)

        effective_resource_access = cls(
            effective_access=effective_access,
            resource_mfid=resource_mfid,
            user_id=user_id,
        )

        effective_resource_access.additional_properties = d
        return effective_resource_access

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
