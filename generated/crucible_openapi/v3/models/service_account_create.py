from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ServiceAccountCreate")


@_attrs_define
class ServiceAccountCreate:
    """A new service account."""

    username: str
    """ Username, lowercase, 3-24 characters. """
    unique_id: str | Unset = UNSET
    """ Client-chosen MFID; the server mints one when omitted. """

    def to_dict(self) -> dict[str, Any]:
        username = self.username

        unique_id = self.unique_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "username": username,
            }
        )
        if unique_id is not UNSET:
            field_dict["unique_id"] = unique_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        username = d.pop("username")

        unique_id = d.pop("unique_id", UNSET)

        service_account_create = cls(
            username=username,
            unique_id=unique_id,
        )

        return service_account_create
