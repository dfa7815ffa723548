from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="InstrumentAssignmentRequest")


@_attrs_define
class InstrumentAssignmentRequest:
    """The instrument to assign. Give at least one; if both are given they must name the same instrument."""

    instrument_id: str | Unset = UNSET
    """ Instrument slug. """
    instrument_mfid: str | Unset = UNSET
    """ Instrument MFID. """

    def to_dict(self) -> dict[str, Any]:
        instrument_id = self.instrument_id

        instrument_mfid = self.instrument_mfid

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if instrument_id is not UNSET:
            field_dict["instrument_id"] = instrument_id
        if instrument_mfid is not UNSET:
            field_dict["instrument_mfid"] = instrument_mfid

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        instrument_id = d.pop("instrument_id", UNSET)

        instrument_mfid = d.pop("instrument_mfid", UNSET)

        instrument_assignment_request = cls(
            instrument_id=instrument_id,
            instrument_mfid=instrument_mfid,
        )

        return instrument_assignment_request
