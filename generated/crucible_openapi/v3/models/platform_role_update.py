from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="PlatformRoleUpdate")


@_attrs_define
class PlatformRoleUpdate:
    """New platform role."""

    platform_role: str
    """ `none`, `contributor` or `admin` (open vocabulary; `support` is refused). """

    def to_dict(self) -> dict[str, Any]:
        platform_role = self.platform_role

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "platform_role": platform_role,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        platform_role = d.pop("platform_role")

        platform_role_update = cls(
            platform_role=platform_role,
        )

        return platform_role_update
