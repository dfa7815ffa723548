from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="UserResolveRequest")


@_attrs_define
class UserResolveRequest:
    """Batch lookup of users. `orcids` holds canonical ids, MFIDs included (the name is historical)."""

    orcids: list[str] | Unset = UNSET
    """ Canonical user ids (ORCID or MFID). """
    usernames: list[str] | Unset = UNSET
    """ Usernames. """
    emails: list[str] | Unset = UNSET
    """ Email addresses. """

    def to_dict(self) -> dict[str, Any]:
        orcids: list[str] | Unset = UNSET
        if not isinstance(self.orcids, Unset):
            orcids = self.orcids

        usernames: list[str] | Unset = UNSET
        if not isinstance(self.usernames, Unset):
            usernames = self.usernames

        emails: list[str] | Unset = UNSET
        if not isinstance(self.emails, Unset):
            emails = self.emails

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if orcids is not UNSET:
            field_dict["orcids"] = orcids
        if usernames is not UNSET:
            field_dict["usernames"] = usernames
        if emails is not UNSET:
            field_dict["emails"] = emails

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        orcids = cast(list[str], d.pop("orcids", UNSET))

        usernames = cast(list[str], d.pop("usernames", UNSET))

        emails = cast(list[str], d.pop("emails", UNSET))

        user_resolve_request = cls(
            orcids=orcids,
            usernames=usernames,
            emails=emails,
        )

        return user_resolve_request
