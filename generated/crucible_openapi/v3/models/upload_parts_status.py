from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.upload_part import UploadPart


T = TypeVar("T", bound="UploadPartsStatus")


@_attrs_define
class UploadPartsStatus:
    """Acknowledged parts of a session, paged by part number."""

    parts: list[UploadPart]
    """ Acknowledged parts. """
    next_part_number_marker: int | None | Unset = UNSET
    """ Marker of the next page; null on the last. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        parts = []
        for parts_item_data in self.parts:
            parts_item = parts_item_data.to_dict()
            parts.append(parts_item)

        next_part_number_marker: int | None | Unset
        if isinstance(self.next_part_number_marker, Unset):
            next_part_number_marker = UNSET
        else:
            next_part_number_marker = self.next_part_number_marker

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "parts": parts,
            }
        )
        if next_part_number_marker is not UNSET:
            field_dict["next_part_number_marker"] = next_part_number_marker

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.upload_part import UploadPart  # noqa: PLC0415

        d = dict(src_dict)
        parts = []
        _parts = d.pop("parts")
        for parts_item_data in _parts:
            parts_item = UploadPart.from_dict(parts_item_data)

            parts.append(parts_item)

        def _parse_next_part_number_marker(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        next_part_number_marker = _parse_next_part_number_marker(
            d.pop("next_part_number_marker", UNSET)
        )

        upload_parts_status = cls(
            parts=parts,
            next_part_number_marker=next_part_number_marker,
        )

        upload_parts_status.additional_properties = d
        return upload_parts_status

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
