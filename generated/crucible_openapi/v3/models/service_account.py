from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.api_key_status import ApiKeyStatus


T = TypeVar("T", bound="ServiceAccount")


@_attrs_define
class ServiceAccount:
    """A service account as administrators see it."""

    unique_id: str
    """ Service-account MFID. """
    username: None | str | Unset = UNSET
    """ Username. """
    first_name: None | str | Unset = UNSET
    """ First name. """
    last_name: None | str | Unset = UNSET
    """ Last name. """
    email: None | str | Unset = UNSET
    """ Email address. """
    is_service_account: bool | Unset = True
    """ Always true. """
    platform_role: None | str | Unset = UNSET
    """ `none`, `contributor` or `admin` (open vocabulary). """
    api_key_status: ApiKeyStatus | None | Unset = UNSET
    """ Status of the current key. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.api_key_status import ApiKeyStatus  # noqa: PLC0415

        unique_id = self.unique_id

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

        is_service_account = self.is_service_account

        platform_role: None | str | Unset
        if isinstance(self.platform_role, Unset):
            platform_role = UNSET
        else:
            platform_role = self.platform_role

        api_key_status: dict[str, Any] | None | Unset
        if isinstance(self.api_key_status, Unset):
            api_key_status = UNSET
        elif isinstance(self.api_key_status, ApiKeyStatus):
            api_key_status = self.api_key_status.to_dict()
        else:
            api_key_status = self.api_key_status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "unique_id": unique_id,
            }
        )
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
        if api_key_status is not UNSET:
            field_dict["api_key_status"] = api_key_status

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.api_key_status import ApiKeyStatus  # noqa: PLC0415

        d = dict(src_dict)
        unique_id = d.pop("unique_id")

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

        is_service_account = d.pop("is_service_account", UNSET)

        def _parse_platform_role(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        platform_role = _parse_platform_role(d.pop("platform_role", UNSET))

        def _parse_api_key_status(data: object) -> ApiKeyStatus | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                api_key_status_type_0 = ApiKeyStatus.from_dict(data)

                return api_key_status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ApiKeyStatus | None | Unset, data)

        api_key_status = _parse_api_key_status(d.pop("api_key_status", UNSET))

        service_account = cls(
            unique_id=unique_id,
            username=username,
            first_name=first_name,
            last_name=last_name,
            email=email,
            is_service_account=is_service_account,
            platform_role=platform_role,
            api_key_status=api_key_status,
        )

        service_account.additional_properties = d
        return service_account

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
