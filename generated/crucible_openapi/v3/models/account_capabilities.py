from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AccountCapabilities")


@_attrs_define
class AccountCapabilities:
    """What the caller may do, for the privilege mode of the request that read the profile (re-read after changing mode)."""

    can_manage_service_accounts: bool | None | Unset = UNSET
    """ May manage service accounts. """
    can_manage_users: bool | None | Unset = UNSET
    """ May create and edit users. """
    can_create_project: bool | None | Unset = UNSET
    """ May create projects. """
    can_register_instrument: bool | None | Unset = UNSET
    """ May register instruments. """
    can_create_sample: bool | None | Unset = UNSET
    """ May create samples. """
    can_create_dataset: bool | None | Unset = UNSET
    """ May create datasets. """
    can_create_for_others: bool | None | Unset = UNSET
    """ May create records owned by another user. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        can_manage_service_accounts: bool | None | Unset
        if isinstance(self.can_manage_service_accounts, Unset):
            can_manage_service_accounts = UNSET
        else:
            can_manage_service_accounts = self.can_manage_service_accounts

        can_manage_users: bool | None | Unset
        if isinstance(self.can_manage_users, Unset):
            can_manage_users = UNSET
        else:
            can_manage_users = self.can_manage_users

        can_create_project: bool | None | Unset
        if isinstance(self.can_create_project, Unset):
            can_create_project = UNSET
        else:
            can_create_project = self.can_create_project

        can_register_instrument: bool | None | Unset
        if isinstance(self.can_register_instrument, Unset):
            can_register_instrument = UNSET
        else:
            can_register_instrument = self.can_register_instrument

        can_create_sample: bool | None | Unset
        if isinstance(self.can_create_sample, Unset):
            can_create_sample = UNSET
        else:
            can_create_sample = self.can_create_sample

        can_create_dataset: bool | None | Unset
        if isinstance(self.can_create_dataset, Unset):
            can_create_dataset = UNSET
        else:
            can_create_dataset = self.can_create_dataset

        can_create_for_others: bool | None | Unset
        if isinstance(self.can_create_for_others, Unset):
            can_create_for_others = UNSET
        else:
            can_create_for_others = self.can_create_for_others

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if can_manage_service_accounts is not UNSET:
            field_dict["can_manage_service_accounts"] = can_manage_service_accounts
        if can_manage_users is not UNSET:
            field_dict["can_manage_users"] = can_manage_users
        if can_create_project is not UNSET:
            field_dict["can_create_project"] = can_create_project
        if can_register_instrument is not UNSET:
            field_dict["can_register_instrument"] = can_register_instrument
        if can_create_sample is not UNSET:
            field_dict["can_create_sample"] = can_create_sample
        if can_create_dataset is not UNSET:
            field_dict["can_create_dataset"] = can_create_dataset
        if can_create_for_others is not UNSET:
            field_dict["can_create_for_others"] = can_create_for_others

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_can_manage_service_accounts(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        can_manage_service_accounts = _parse_can_manage_service_accounts(
            d.pop("can_manage_service_accounts", UNSET)
        )

        def _parse_can_manage_users(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        can_manage_users = _parse_can_manage_users(d.pop("can_manage_users", UNSET))

        def _parse_can_create_project(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        can_create_project = _parse_can_create_project(
            d.pop("can_create_project", UNSET)
        )

        def _parse_can_register_instrument(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        can_register_instrument = _parse_can_register_instrument(
            d.pop("can_register_instrument", UNSET)
        )

        def _parse_can_create_sample(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        can_create_sample = _parse_can_create_sample(d.pop("can_create_sample", UNSET))

        def _parse_can_create_dataset(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        can_create_dataset = _parse_can_create_dataset(
            d.pop("can_create_dataset", UNSET)
        )

        def _parse_can_create_for_others(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        can_create_for_others = _parse_can_create_for_others(
            d.pop("can_create_for_others", UNSET)
        )

        account_capabilities = cls(
            can_manage_service_accounts=can_manage_service_accounts,
            can_manage_users=can_manage_users,
            can_create_project=can_create_project,
            can_register_instrument=can_register_instrument,
            can_create_sample=can_create_sample,
            can_create_dataset=can_create_dataset,
            can_create_for_others=can_create_for_others,
        )

        account_capabilities.additional_properties = d
        return account_capabilities

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
