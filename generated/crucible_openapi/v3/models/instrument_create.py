from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="InstrumentCreate")


@_attrs_define
class InstrumentCreate:
    """A new instrument. Explicit allow-list: `public` and any other field answer 422. `instrument_id` is client-chosen and
    unique (a repeat returns the existing instrument).

    """

    instrument_id: str
    """ Slug, 3-25 characters. """
    instrument_name: str
    """ Name. """
    location: str
    """ Location. """
    owner: str | Unset = UNSET
    """ Owner as a user reference; defaults to the caller. """
    owner_orcid: str | Unset = UNSET
    """ Deprecated: owner's canonical id. """
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

        owner = self.owner

        owner_orcid = self.owner_orcid

        manufacturer = self.manufacturer

        model = self.model

        description = self.description

        instrument_type = self.instrument_type

        other_id = self.other_id

        other_id_source = self.other_id_source

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "instrument_id": instrument_id,
                "instrument_name": instrument_name,
                "location": location,
            }
        )
        if owner is not UNSET:
            field_dict["owner"] = owner
        if owner_orcid is not UNSET:
            field_dict["owner_orcid"] = owner_orcid
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
        instrument_id = d.pop("instrument_id")

        instrument_name = d.pop("instrument_name")

        location = d.pop("location")

        owner = d.pop("owner", UNSET)

        owner_orcid = d.pop("owner_orcid", UNSET)

        manufacturer = d.pop("manufacturer", UNSET)

        model = d.pop("model", UNSET)

        description = d.pop("description", UNSET)

        instrument_type = d.pop("instrument_type", UNSET)

        other_id = d.pop("other_id", UNSET)

        other_id_source = d.pop("other_id_source", UNSET)

        instrument_create = cls(
            instrument_id=instrument_id,
            instrument_name=instrument_name,
            location=location,
            owner=owner,
            owner_orcid=owner_orcid,
            manufacturer=manufacturer,
            model=model,
            description=description,
            instrument_type=instrument_type,
            other_id=other_id,
            other_id_source=other_id_source,
        )

        return instrument_create
