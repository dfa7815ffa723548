from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="PartChecksum")


@_attrs_define
class PartChecksum:
    """A part to sign."""

    part_number: int
    """ 1-based part number. """
    crc32c: str
    """ CRC32C of the part, base64. """

    def to_dict(self) -> dict[str, Any]:
        part_number = self.part_number

        crc32c = self.crc32c

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "part_number": part_number,
                "crc32c": crc32c,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        part_number = d.pop("part_number")

        crc32c = d.pop("crc32c")

        part_checksum = cls(
            part_number=part_number,
            crc32c=crc32c,
        )

        return part_checksum
