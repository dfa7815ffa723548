from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.scientific_metadata import ScientificMetadata


T = TypeVar("T", bound="MetadataRecord")


@_attrs_define
class MetadataRecord:
    """The scientific metadata of a record."""

    unique_id: str
    """ MFID of the record. """
    scientific_metadata: ScientificMetadata
    """ Free-form scientific metadata (nested JSON object). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        unique_id = self.unique_id

        scientific_metadata = self.scientific_metadata.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "unique_id": unique_id,
                "scientific_metadata": scientific_metadata,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.scientific_metadata import ScientificMetadata  # noqa: PLC0415

        d = dict(src_dict)
        unique_id = d.pop("unique_id")

        scientific_metadata = ScientificMetadata.from_dict(d.pop("scientific_metadata"))

        metadata_record = cls(
            unique_id=unique_id,
            scientific_metadata=scientific_metadata,
        )

        metadata_record.additional_properties = d
        return metadata_record

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
