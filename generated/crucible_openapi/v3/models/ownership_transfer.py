from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.user_read import UserRead


T = TypeVar("T", bound="OwnershipTransfer")


@_attrs_define
class OwnershipTransfer:
    """Preview (`confirm=false`) or result of an ownership transfer."""

    resource_id: str
    """ MFID of the record. """
    new_owner: UserRead
    """ A user account as the server shows it to the caller. `email` only for the caller, administrators and exact
    self lookups; `platform_role` and `user_capabilities` in administrator views. """
    previous_owner: None | Unset | UserRead = UNSET
    """ Owner before the transfer. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.user_read import UserRead  # noqa: PLC0415

        resource_id = self.resource_id

        new_owner = self.new_owner.to_dict()

        previous_owner: dict[str, Any] | None | Unset
        if isinstance(self.previous_owner, Unset):
            previous_owner = UNSET
        elif isinstance(self.previous_owner, UserRead):
            previous_owner = self.previous_owner.to_dict()
        else:
            previous_owner = self.previous_owner

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "resource_id": resource_id,
                "new_owner": new_owner,
            }
        )
        if previous_owner is not UNSET:
            field_dict["previous_owner"] = previous_owner

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.user_read import UserRead  # noqa: PLC0415

        d = dict(src_dict)
        resource_id = d.pop("resource_id")

        new_owner = UserRead.from_dict(d.pop("new_owner"))

        def _parse_previous_owner(data: object) -> None | Unset | UserRead:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                previous_owner_type_0 = UserRead.from_dict(data)

                return previous_owner_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UserRead, data)

        previous_owner = _parse_previous_owner(d.pop("previous_owner", UNSET))

        ownership_transfer = cls(
            resource_id=resource_id,
            new_owner=new_owner,
            previous_owner=previous_owner,
        )

        ownership_transfer.additional_properties = d
        return ownership_transfer

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
