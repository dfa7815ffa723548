from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Instrument")


@_attrs_define
class Instrument:
    """A scientific instrument."""

    unique_id: str
    """ Public identifier. MFID: 26-character lowercase Crockford base32 encoding of a UUIDv7, for example
    `0tbg8f8eq1sbs000x1sdqdtpnm`. """
    instrument_name: str
    """ Name; lookups ignore case. """
    id: int | Unset = UNSET
    """ Internal integer primary key. """
    location: None | str | Unset = UNSET
    """ Where it stands. """
    owner: None | str | Unset = UNSET
    """ Who runs it. """
    manufacturer: None | str | Unset = UNSET
    """ Manufacturer. """
    model: None | str | Unset = UNSET
    """ Model. """
    description: None | str | Unset = UNSET
    """ Free text. """
    instrument_type: None | str | Unset = UNSET
    """ Kind of instrument. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        unique_id = self.unique_id

        instrument_name = self.instrument_name

        id = self.id

        location: None | str | Unset
        if isinstance(self.location, Unset):
            location = UNSET
        else:
            location = self.location

        owner: None | str | Unset
        if isinstance(self.owner, Unset):
            owner = UNSET
        else:
            owner = self.owner

        manufacturer: None | str | Unset
        if isinstance(self.manufacturer, Unset):
            manufacturer = UNSET
        else:
            manufacturer = self.manufacturer

        model: None | str | Unset
        if isinstance(self.model, Unset):
            model = UNSET
        else:
            model = self.model

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        instrument_type: None | str | Unset
        if isinstance(self.instrument_type, Unset):
            instrument_type = UNSET
        else:
            instrument_type = self.instrument_type

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "unique_id": unique_id,
                "instrument_name": instrument_name,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if location is not UNSET:
            field_dict["location"] = location
        if owner is not UNSET:
            field_dict["owner"] = owner
        if manufacturer is not UNSET:
            field_dict["manufacturer"] = manufacturer
        if model is not UNSET:
            field_dict["model"] = model
        if description is not UNSET:
            field_dict["description"] = description
        if instrument_type is not UNSET:
            field_dict["instrument_type"] = instrument_type

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        unique_id = d.pop("unique_id")

        instrument_name = d.pop("instrument_name")

        id = d.pop("id", UNSET)

        def _parse_location(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        location = _parse_location(d.pop("location", UNSET))

        def _parse_owner(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        owner = _parse_owner(d.pop("owner", UNSET))

        def _parse_manufacturer(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        manufacturer = _parse_manufacturer(d.pop("manufacturer", UNSET))

        def _parse_model(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        model = _parse_model(d.pop("model", UNSET))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_instrument_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        instrument_type = _parse_instrument_type(d.pop("instrument_type", UNSET))

        instrument = cls(
            unique_id=unique_id,
            instrument_name=instrument_name,
            id=id,
            location=location,
            owner=owner,
            manufacturer=manufacturer,
            model=model,
            description=description,
            instrument_type=instrument_type,
        )

        instrument.additional_properties = d
        return instrument

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
