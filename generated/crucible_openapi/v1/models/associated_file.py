from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AssociatedFile")


@_attrs_define
class AssociatedFile:
    """A file that belongs to a dataset."""

    filename: str
    """ Bucket-relative path or basename. """
    id: int | Unset = UNSET
    """ Internal id. """
    size: int | None | Unset = UNSET
    """ Size in bytes. """
    sha256_hash: None | str | Unset = UNSET
    """ Hex SHA-256 of the content. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        filename = self.filename

        id = self.id

        size: int | None | Unset
        if isinstance(self.size, Unset):
            size = UNSET
        else:
            size = self.size

        sha256_hash: None | str | Unset
        if isinstance(self.sha256_hash, Unset):
            sha256_hash = UNSET
        else:
            sha256_hash = self.sha256_hash

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "filename": filename,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if size is not UNSET:
            field_dict["size"] = size
        if sha256_hash is not UNSET:
            field_dict["sha256_hash"] = sha256_hash

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        filename = d.pop("filename")

        id = d.pop("id", UNSET)

        def _parse_size(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        size = _parse_size(d.pop("size", UNSET))

        def _parse_sha256_hash(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        sha256_hash = _parse_sha256_hash(d.pop("sha256_hash", UNSET))

        associated_file = cls(
            filename=filename,
            id=id,
            size=size,
            sha256_hash=sha256_hash,
        )

        associated_file.additional_properties = d
        return associated_file

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
