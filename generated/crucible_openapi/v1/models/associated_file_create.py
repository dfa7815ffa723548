from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AssociatedFileCreate")


@_attrs_define
class AssociatedFileCreate:
    """Registers a file with a dataset."""

    filename: str
    """ Bucket-relative path or basename. """
    size: int | str
    """ Size in bytes. A string of decimal digits (e.g. `"8"`) is accepted too, as the real API coerces it. """
    sha256_hash: str
    """ Hex SHA-256 of the content. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        filename = self.filename

        size: int | str
        size = self.size

        sha256_hash = self.sha256_hash

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "filename": filename,
                "size": size,
                "sha256_hash": sha256_hash,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        filename = d.pop("filename")

        def _parse_size(data: object) -> int | str:
            return cast(int | str, data)

        size = _parse_size(d.pop("size"))

        sha256_hash = d.pop("sha256_hash")

        associated_file_create = cls(
            filename=filename,
            size=size,
            sha256_hash=sha256_hash,
        )

        associated_file_create.additional_properties = d
        return associated_file_create

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
