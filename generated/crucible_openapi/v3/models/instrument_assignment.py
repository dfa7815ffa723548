from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.instrument_reference import InstrumentReference


T = TypeVar("T", bound="InstrumentAssignment")


@_attrs_define
class InstrumentAssignment:
    """Result of assigning an instrument to a dataset."""

    dataset_mfid: str
    """ Dataset MFID. """
    instrument: InstrumentReference
    """ Short reference to an instrument. """
    previous_instrument: InstrumentReference | None | Unset = UNSET
    """ The instrument assigned before. """
    previous_instrument_name: None | str | Unset = UNSET
    """ The previous free-text instrument label. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.instrument_reference import InstrumentReference  # noqa: PLC0415

        dataset_mfid = self.dataset_mfid

        instrument = self.instrument.to_dict()

        previous_instrument: dict[str, Any] | None | Unset
        if isinstance(self.previous_instrument, Unset):
            previous_instrument = UNSET
        elif isinstance(self.previous_instrument, InstrumentReference):
            previous_instrument = self.previous_instrument.to_dict()
        else:
            previous_instrument = self.previous_instrument

        previous_instrument_name: None | str | Unset
        if isinstance(self.previous_instrument_name, Unset):
            previous_instrument_name = UNSET
        else:
            previous_instrument_name = self.previous_instrument_name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "dataset_mfid": dataset_mfid,
                "instrument": instrument,
            }
        )
        if previous_instrument is not UNSET:
            field_dict["previous_instrument"] = previous_instrument
        if previous_instrument_name is not UNSET:
            field_dict["previous_instrument_name"] = previous_instrument_name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.instrument_reference import InstrumentReference  # noqa: PLC0415

        d = dict(src_dict)
        dataset_mfid = d.pop("dataset_mfid")

        instrument = InstrumentReference.from_dict(d.pop("instrument"))

        def _parse_previous_instrument(
            data: object,
        ) -> InstrumentReference | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                previous_instrument_type_0 = InstrumentReference.from_dict(data)

                return previous_instrument_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(InstrumentReference | None | Unset, data)

        previous_instrument = _parse_previous_instrument(
            d.pop("previous_instrument", UNSET)
        )

        def _parse_previous_instrument_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        previous_instrument_name = _parse_previous_instrument_name(
            d.pop("previous_instrument_name", UNSET)
        )

        instrument_assignment = cls(
            dataset_mfid=dataset_mfid,
            instrument=instrument,
            previous_instrument=previous_instrument,
            previous_instrument_name=previous_instrument_name,
        )

        instrument_assignment.additional_properties = d
        return instrument_assignment

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
