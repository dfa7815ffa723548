from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.user_capabilities import UserCapabilities


T = TypeVar("T", bound="UserRead")


@_attrs_define
class UserRead:
    """A user account as the server shows it to the caller. `email` only for the caller, administrators and exact self
    lookups; `platform_role` and `user_capabilities` in administrator views.

    """

    unique_id: str
    """ Canonical user id: ORCID or user MFID. """
    id: int | None | Unset = UNSET
    """ Internal integer id (shown on the caller's own account). """
    username: None | str | Unset = UNSET
    """ Username (lowercase, 3-24 characters). """
    first_name: None | str | Unset = UNSET
    """ First name. """
    last_name: None | str | Unset = UNSET
    """ Last name. """
    email: None | str | Unset = UNSET
    """ Email address. """
    is_service_account: bool | None | Unset = UNSET
    """ True for service accounts. """
    platform_role: None | str | Unset = UNSET
    """ Platform role: `none`, `contributor` or `admin` (open vocabulary). """
    user_capabilities: None | Unset | UserCapabilities = UNSET
    """ Capability flags (administrator views). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.user_capabilities import UserCapabilities  # noqa: PLC0415

        unique_id = self.unique_id

        id: int | None | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        else:
            id = self.id

        username: None | str | Unset
        if isinstance(self.username, Unset):
            username = UNSET
        else:
            username = self.username

        first_name: None | str | Unset
        if isinstance(self.first_name, Unset):
            first_name = UNSET
        else:
            first_name = self.first_name

        last_name: None | str | Unset
        if isinstance(self.last_name, Unset):
            last_name = UNSET
        else:
            last_name = self.last_name

        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        is_service_account: bool | None | Unset
        if isinstance(self.is_service_account, Unset):
            is_service_account = UNSET
        else:
            is_service_account = self.is_service_account

        platform_role: None | str | Unset
        if isinstance(self.platform_role, Unset):
            platform_role = UNSET
        else:
            platform_role = self.platform_role

        user_capabilities: dict[str, Any] | None | Unset
        if isinstance(self.user_capabilities, Unset):
            user_capabilities = UNSET
        elif isinstance(self.user_capabilities, UserCapabilities):
            user_capabilities = self.user_capabilities.to_dict()
        else:
            user_capabilities = self.user_capabilities

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "unique_id": unique_id,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if username is not UNSET:
            field_dict["username"] = username
        if first_name is not UNSET:
            field_dict["first_name"] = first_name
        if last_name is not UNSET:
            field_dict["last_name"] = last_name
        if email is not UNSET:
            field_dict["email"] = email
        if is_service_account is not UNSET:
            field_dict["is_service_account"] = is_service_account
        if platform_role is not UNSET:
            field_dict["platform_role"] = platform_role
        if user_capabilities is not UNSET:
            field_dict["user_capabilities"] = user_capabilities

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.user_capabilities import UserCapabilities  # noqa: PLC0415

        d = dict(src_dict)
        unique_id = d.pop("unique_id")

        def _parse_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        id = _parse_id(d.pop("id", UNSET))

        def _parse_username(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        username = _parse_username(d.pop("username", UNSET))

        def _parse_first_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        first_name = _parse_first_name(d.pop("first_name", UNSET))

        def _parse_last_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        last_name = _parse_last_name(d.pop("last_name", UNSET))

        def _parse_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("email", UNSET))

        def _parse_is_service_account(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        is_service_account = _parse_is_service_account(
            d.pop("is_service_account", UNSET)
        )

        def _parse_platform_role(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        platform_role = _parse_platform_role(d.pop("platform_role", UNSET))

        def _parse_user_capabilities(data: object) -> None | Unset | UserCapabilities:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                user_capabilities_type_0 = UserCapabilities.from_dict(data)

                return user_capabilities_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UserCapabilities, data)

        user_capabilities = _parse_user_capabilities(d.pop("user_capabilities", UNSET))

        user_read = cls(
            unique_id=unique_id,
            id=id,
            username=username,
            first_name=first_name,
            last_name=last_name,
            email=email,
            is_service_account=is_service_account,
            platform_role=platform_role,
            user_capabilities=user_capabilities,
        )

        user_read.additional_properties = d
        return user_read

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
