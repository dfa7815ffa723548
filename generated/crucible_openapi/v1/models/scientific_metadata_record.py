from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.scientific_metadata import ScientificMetadata


T = TypeVar("T", bound="ScientificMetadataRecord")


@_attrs_define
class ScientificMetadataRecord:
    """A dataset's stored scientific metadata. The seed-era API wraps the dictionary: the metadata itself is under
    `scientific_metadata`.

    """

    scientific_metadata: ScientificMetadata
    """ Free-form JSON object of experimental parameters (temperatures, voltages, instrument settings...), nested at
    most 64 levels deep (objects and arrays; deeper answers 422). """
    dataset_id: None | str | Unset = UNSET
    """ MFID of the dataset the metadata belongs to. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        scientific_metadata = self.scientific_metadata.to_dict()

        dataset_id: None | str | Unset
        if isinstance(self.dataset_id, Unset):
            dataset_id = UNSET
        else:
            dataset_id = self.dataset_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "scientific_metadata": scientific_metadata,
            }
        )
        if dataset_id is not UNSET:
            field_dict["dataset_id"] = dataset_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.scientific_metadata import ScientificMetadata  # noqa: PLC0415

        d = dict(src_dict)
        scientific_metadata = ScientificMetadata.from_dict(d.pop("scientific_metadata"))

        def _parse_dataset_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        dataset_id = _parse_dataset_id(d.pop("dataset_id", UNSET))

        scientific_metadata_record = cls(
            scientific_metadata=scientific_metadata,
            dataset_id=dataset_id,
        )

        scientific_metadata_record.additional_properties = d
        return scientific_metadata_record

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
