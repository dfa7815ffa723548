from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.user_read import UserRead


T = TypeVar("T", bound="AccountInfo")


@_attrs_define
class AccountInfo:
    """The caller's account."""

    user_unique_id: str
    """ The caller's canonical user id. """
    access_group_ids: list[str] | Unset = UNSET
    """ Access groups the caller belongs to. """
    user_info: UserRead | Unset = UNSET
    """ A user account as the server shows it to the caller. `email` only for the caller, administrators and exact
    self lookups; `platform_role` and `user_capabilities` in administrator views. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        user_unique_id = self.user_unique_id

        access_group_ids: list[str] | Unset = UNSET
        if not isinstance(self.access_group_ids, Unset):
            access_group_ids = self.access_group_ids

        user_info: dict[str, Any] | Unset = UNSET
        if not isinstance(self.user_info, Unset):
            user_info = self.user_info.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "user_unique_id": user_unique_id,
            }
        )
        if access_group_ids is not UNSET:
            field_dict["access_group_ids"] = access_group_ids
        if user_info is not UNSET:
            field_dict["user_info"] = user_info

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.user_read import UserRead  # noqa: PLC0415

        d = dict(src_dict)
        user_unique_id = d.pop("user_unique_id")

        access_group_ids = cast(list[str], d.pop("access_group_ids", UNSET))

        _user_info = d.pop("user_info", UNSET)
        user_info: UserRead | Unset
        if isinstance(_user_info, Unset):
            user_info = UNSET
        else:
            user_info = UserRead.from_dict(_user_info)

        account_info = cls(
            user_unique_id=user_unique_id,
            access_group_ids=access_group_ids,
            user_info=user_info,
        )

        account_info.additional_properties = d
        return account_info

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
