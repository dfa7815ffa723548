from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SampleDatasetRef")


@_attrs_define
class SampleDatasetRef:
    """A short reference to a dataset, embedded in a sample."""

    unique_id: str
    """ Dataset MFID. """
    id: int | Unset = UNSET
    """ Internal id of the dataset. """
    dataset_name: None | str | Unset = UNSET
    """ Dataset name. """
    measurement: None | str | Unset = UNSET
    """ Measurement kind. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        unique_id = self.unique_id

        id = self.id

        dataset_name: None | str | Unset
        if isinstance(self.dataset_name, Unset):
            dataset_name = UNSET
        else:
            dataset_name = self.dataset_name

        measurement: None | str | Unset
        if isinstance(self.measurement, Unset):
            measurement = UNSET
        else:
            measurement = self.measurement

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "unique_id": unique_id,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if dataset_name is not UNSET:
            field_dict["dataset_name"] = dataset_name
        if measurement is not UNSET:
            field_dict["measurement"] = measurement

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        unique_id = d.pop("unique_id")

        id = d.pop("id", UNSET)

        def _parse_dataset_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        dataset_name = _parse_dataset_name(d.pop("dataset_name", UNSET))

        def _parse_measurement(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        measurement = _parse_measurement(d.pop("measurement", UNSET))

        sample_dataset_ref = cls(
            unique_id=unique_id,
            id=id,
            dataset_name=dataset_name,
            measurement=measurement,
        )

        sample_dataset_ref.additional_properties = d
        return sample_dataset_ref

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
