from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ServiceAccountKey")


@_attrs_define
class ServiceAccountKey:
    """A service account with its API key. The key is shown only in this answer."""

    unique_id: str
    """ Service-account MFID. """
    api_key: str
    """ The new API key (a secret, shown once). """
    username: str | Unset = UNSET
    """ Username. """
    is_service_account: bool | Unset = UNSET
    """ Always true. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        unique_id = self.unique_id

        api_key = self.api_key

        username = self.username

        is_service_account = self.is_service_account

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "unique_id": unique_id,
                "api_key": api_key,
            }
        )
        if username is not UNSET:
            field_dict["username"] = username
        if is_service_account is not UNSET:
            field_dict["is_service_account"] = is_service_account

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        unique_id = d.pop("unique_id")

        api_key = d.pop("api_key")

        username = d.pop("username", UNSET)

        is_service_account = d.pop("is_service_account", UNSET)

        service_account_key = cls(
            unique_id=unique_id,
            api_key=api_key,
            username=username,
            is_service_account=is_service_account,
        )

        service_account_key.additional_properties = d
        return service_account_key

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
