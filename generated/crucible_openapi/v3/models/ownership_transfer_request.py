from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="OwnershipTransferRequest")


@_attrs_define
class OwnershipTransferRequest:
    """The new owner."""

    new_owner: str
    """ User reference: ORCID, MFID, username or email. """

    def to_dict(self) -> dict[str, Any]:
        new_owner = self.new_owner

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "new_owner": new_owner,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        new_owner = d.pop("new_owner")

        ownership_transfer_request = cls(
            new_owner=new_owner,
        )

        return ownership_transfer_request
