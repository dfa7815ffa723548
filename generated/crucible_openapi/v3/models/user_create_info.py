from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="UserCreateInfo")


@_attrs_define
class UserCreateInfo:
    """The new user's details."""

    username: str
    """ Username, lowercase, 3-24 characters. """
    first_name: str
    """ First name. """
    last_name: str
    """ Last name. """
    orcid: str | Unset = UNSET
    """ ORCID, the wire name of `unique_id`; omit to let the server mint an MFID. """
    email: str | Unset = UNSET
    """ Email address. """

    def to_dict(self) -> dict[str, Any]:
        username = self.username

        first_name = self.first_name

        last_name = self.last_name

        orcid = self.orcid

        email = self.email

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "username": username,
                "first_name": first_name,
                "last_name": last_name,
            }
        )
        if orcid is not UNSET:
            field_dict["orcid"] = orcid
        if email is not UNSET:
            field_dict["email"] = email

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        username = d.pop("username")

        first_name = d.pop("first_name")

        last_name = d.pop("last_name")

        orcid = d.pop("orcid", UNSET)

        email = d.pop("email", UNSET)

        user_create_info = cls(
            username=username,
            first_name=first_name,
            last_name=last_name,
            orcid=orcid,
            email=email,
        )

        return user_create_info
