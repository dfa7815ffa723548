from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="InstrumentUpdate")


@_attrs_define
class InstrumentUpdate:
    """Partial update of an instrument. The owner changes by ownership transfer."""

    instrument_id: str | Unset = UNSET
    """ New slug. """
    instrument_name: str | Unset = UNSET
    """ Name. """
    location: str | Unset = UNSET
    """ Location. """
    manufacturer: str | Unset = UNSET
    """ Manufacturer. """
    model: str | Unset = UNSET
    """ Model. """
    description: str | Unset = UNSET
    """ Description. """
    instrument_type: str | Unset = UNSET
    """ Instrument type. """
    other_id: str | Unset = UNSET
    """ Identifier in another registry. """
    other_id_source: str | Unset = UNSET
    """ Name of that registry. """

    def to_dict(self) -> dict[str, Any]:
        instrument_id = self.instrument_id

        instrument_name = self.instrument_name

        location = self.location

        manufacturer = self.manufacturer

        model = self.model

        description = self.description

        instrument_type = self.instrument_type

        other_id = self.other_id

        other_id_source = self.other_id_source

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if instrument_id is not UNSET:
            field_dict["instrument_id"] = instrument_id
        if instrument_name is not UNSET:
            field_dict["instrument_name"] = instrument_name
        if location is not UNSET:
            field_dict["location"] = location
        if manufacturer is not UNSET:
            field_dict["manufacturer"] = manufacturer
        if model is not UNSET:
            field_dict["model"] = model
        if description is not UNSET:
            field_dict["description"] = description
        if instrument_type is not UNSET:
            field_dict["instrument_type"] = instrument_type
        if other_id is not UNSET:
            field_dict["other_id"] = other_id
        if other_id_source is not UNSET:
            field_dict["other_id_source"] = other_id_source

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        instrument_id = d.pop("instrument_id", UNSET)

        instrument_name = d.pop("instrument_name", UNSET)

        location = d.pop("location", UNSET)

        manufacturer = d.pop("manufacturer", UNSET)

        model = d.pop("model", UNSET)

        description = d.pop("description", UNSET)

        instrument_type = d.pop("instrument_type", UNSET)

        other_id = d.pop("other_id", UNSET)

        other_id_source = d.pop("other_id_source", UNSET)

        instrument_update = cls(
            instrument_id=instrument_id,
            instrument_name=instrument_name,
            location=location,
            manufacturer=manufacturer,
            model=model,
            description=description,
            instrument_type=instrument_type,
            other_id=other_id,
            other_id_source=other_id_source,
        )

        return instrument_update
