from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="SampleUpdate")


@_attrs_define
class SampleUpdate:
    """Partial update of a sample. Owner, project and visibility change through their own routes."""

    sample_name: None | str | Unset = UNSET
    """ Human-readable name. """
    sample_type: None | str | Unset = UNSET
    """ Sample type label. """
    description: None | str | Unset = UNSET
    """ Free-text description. """
    timestamp: datetime.datetime | None | Unset = UNSET
    """ User-settable time (ISO 8601 with an offset). """

    def to_dict(self) -> dict[str, Any]:
        sample_name: None | str | Unset
        if isinstance(self.sample_name, Unset):
            sample_name = UNSET
        else:
            sample_name = self.sample_name

        sample_type: None | str | Unset
        if isinstance(self.sample_type, Unset):
            sample_type = UNSET
        else:
            sample_type = self.sample_type

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        timestamp: None | str | Unset
        if isinstance(self.timestamp, Unset):
            timestamp = UNSET
        elif isinstance(self.timestamp, datetime.datetime):
            timestamp = self.timestamp.isoformat()
        else:
            timestamp = self.timestamp

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if sample_name is not UNSET:
            field_dict["sample_name"] = sample_name
        if sample_type is not UNSET:
            field_dict["sample_type"] = sample_type
        if description is not UNSET:
            field_dict["description"] = description
        if timestamp is not UNSET:
            field_dict["timestamp"] = timestamp

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_sample_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        sample_name = _parse_sample_name(d.pop("sample_name", UNSET))

        def _parse_sample_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        sample_type = _parse_sample_type(d.pop("sample_type", UNSET))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_timestamp(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                timestamp_type_0 = datetime.datetime.fromisoformat(data)

                return timestamp_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        timestamp = _parse_timestamp(d.pop("timestamp", UNSET))

        sample_update = cls(
            sample_name=sample_name,
            sample_type=sample_type,
            description=description,
            timestamp=timestamp,
        )

        return sample_update
