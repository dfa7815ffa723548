from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AccountAuthorization")


@_attrs_define
class AccountAuthorization:
    """The caller's platform authority."""

    platform_role: str | Unset = UNSET
    """ `none`, `contributor` or `admin` (open vocabulary). """
    effective_privilege_mode: str | Unset = UNSET
    """ `normal` or `elevated` (open vocabulary): the mode this profile read was answered in. """
    can_elevate: bool | Unset = UNSET
    """ True if the caller may send `Crucible-Privilege-Mode: elevated`. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        platform_role = self.platform_role

        effective_privilege_mode = self.effective_privilege_mode

        can_elevate = self.can_elevate

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if platform_role is not UNSET:
            field_dict["platform_role"] = platform_role
        if effective_privilege_mode is not UNSET:
            field_dict["effective_privilege_mode"] = effective_privilege_mode
        if can_elevate is not UNSET:
            field_dict["can_elevate"] = can_elevate

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        platform_role = d.pop("platform_role", UNSET)

        effective_privilege_mode = d.pop("effective_privilege_mode", UNSET)

        can_elevate = d.pop("can_elevate", UNSET)

        account_authorization = cls(
            platform_role=platform_role,
            effective_privilege_mode=effective_privilege_mode,
            can_elevate=can_elevate,
        )

        account_authorization.additional_properties = d
        return account_authorization

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
