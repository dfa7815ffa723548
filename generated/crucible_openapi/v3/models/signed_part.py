from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.signed_part_headers import SignedPartHeaders


T = TypeVar("T", bound="SignedPart")


@_attrs_define
class SignedPart:
    """Where and how to send one part: a plain `PUT url` with `headers`, without the API key."""

    part_number: int
    """ 1-based part number. """
    url: str
    """ Signed URL for the part. """
    offset: int
    """ Byte offset of the part in the file. """
    size: int
    """ Part size in bytes. """
    headers: SignedPartHeaders | Unset = UNSET
    """ Headers to send, e.g. `x-goog-hash: crc32c=…`. """
    expires_at: datetime.datetime | None | Unset = UNSET
    """ When the URL expires. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        part_number = self.part_number

        url = self.url

        offset = self.offset

        size = self.size

        headers: dict[str, Any] | Unset = UNSET
        if not isinstance(self.headers, Unset):
            headers = self.headers.to_dict()

        expires_at: None | str | Unset
        if isinstance(self.expires_at, Unset):
            expires_at = UNSET
        elif isinstance(self.expires_at, datetime.datetime):
            expires_at = self.expires_at.isoformat()
        else:
            expires_at = self.expires_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "part_number": part_number,
                "url": url,
                "offset": offset,
                "size": size,
            }
        )
        if headers is not UNSET:
            field_dict["headers"] = headers
        if expires_at is not UNSET:
            field_dict["expires_at"] = expires_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.signed_part_headers import SignedPartHeaders  # noqa: PLC0415

        d = dict(src_dict)
        part_number = d.pop("part_number")

        url = d.pop("url")

        offset = d.pop("offset")

        size = d.pop("size")

        _headers = d.pop("headers", UNSET)
        headers: SignedPartHeaders | Unset
        if isinstance(_headers, Unset):
            headers = UNSET
        else:
            headers = SignedPartHeaders.from_dict(_headers)

        def _parse_expires_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expires_at_type_0 = datetime.datetime.fromisoformat(data)

                return expires_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        expires_at = _parse_expires_at(d.pop("expires_at", UNSET))

        signed_part = cls(
            part_number=part_number,
            url=url,
            offset=offset,
            size=size,
            headers=headers,
            expires_at=expires_at,
        )

        signed_part.additional_properties = d
        return signed_part

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
