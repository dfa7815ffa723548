from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="AccessGrantRequest")


@_attrs_define
class AccessGrantRequest:
    """Role to grant. `owner` is given only by ownership transfer."""

    permission: str
    """ `viewer`, `contributor`, `editor` or `admin` (open vocabulary). """

    def to_dict(self) -> dict[str, Any]:
        permission = self.permission

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "permission": permission,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        permission = d.pop("permission")

        access_grant_request = cls(
            permission=permission,
        )

        return access_grant_request
