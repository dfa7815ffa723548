from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.user import User


T = TypeVar("T", bound="Account")


@_attrs_define
class Account:
    """The caller's own account."""

    user_info: None | Unset | User = UNSET
    """ The caller; null for a key without a user. """
    access_group_name: None | str | Unset = UNSET
    """ The caller's personal access group. """
    access_group_ids: list[str] | Unset = UNSET
    """ Access groups the caller belongs to. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.user import User  # noqa: PLC0415

        user_info: dict[str, Any] | None | Unset
        if isinstance(self.user_info, Unset):
            user_info = UNSET
        elif isinstance(self.user_info, User):
            user_info = self.user_info.to_dict()
        else:
            user_info = self.user_info

        access_group_name: None | str | Unset
        if isinstance(self.access_group_name, Unset):
            access_group_name = UNSET
        else:
            access_group_name = self.access_group_name

        access_group_ids: list[str] | Unset = UNSET
        if not isinstance(self.access_group_ids, Unset):
            access_group_ids = self.access_group_ids

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if user_info is not UNSET:
            field_dict["user_info"] = user_info
        if access_group_name is not UNSET:
            field_dict["access_group_name"] = access_group_name
        if access_group_ids is not UNSET:
            field_dict["access_group_ids"] = access_group_ids

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.user import User  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_user_info(data: object) -> None | Unset | User:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                user_info_type_0 = User.from_dict(data)

                return user_info_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | User, data)

        user_info = _parse_user_info(d.pop("user_info", UNSET))

        def _parse_access_group_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        access_group_name = _parse_access_group_name(d.pop("access_group_name", UNSET))

        access_group_ids = cast(list[str], d.pop("access_group_ids", UNSET))

        account = cls(
            user_info=user_info,
            access_group_name=access_group_name,
            access_group_ids=access_group_ids,
        )

        account.additional_properties = d
        return account

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
