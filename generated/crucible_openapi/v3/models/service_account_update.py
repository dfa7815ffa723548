from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="ServiceAccountUpdate")


@_attrs_define
class ServiceAccountUpdate:
    """New platform role of a service account."""

    platform_role: str
    """ `none`, `contributor` or `admin` (open vocabulary). """

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

        service_account_update = cls(
            platform_role=platform_role,
        )

        return service_account_update
