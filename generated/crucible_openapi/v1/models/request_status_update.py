from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="RequestStatusUpdate")


@_attrs_define
class RequestStatusUpdate:
    """A worker's status update."""

    status: str
    """ New status. Open vocabulary; known values: `requested`, `started`, `in_progress`, `complete`, `completed`,
    `failed`, `not supported`, `file not found`, `file too large`. """
    id: int | None | str | Unset = UNSET
    """ Request id (repeats the path parameter). A string of decimal digits (e.g. `"8"`) is accepted too, as the
    real API coerces it. """
    time_completed: datetime.datetime | None | Unset = UNSET
    """ Completion time, ISO 8601. """
    error_message: None | str | Unset = UNSET
    """ Why it failed. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status = self.status

        id: int | None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        else:
            id = self.id

        time_completed: None | str | Unset
        if isinstance(self.time_completed, Unset):
            time_completed = UNSET
        elif isinstance(self.time_completed, datetime.datetime):
            time_completed = self.time_completed.isoformat()
        else:
            time_completed = self.time_completed

        error_message: None | str | Unset
        if isinstance(self.error_message, Unset):
            error_message = UNSET
        else:
            error_message = self.error_message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if time_completed is not UNSET:
            field_dict["time_completed"] = time_completed
        if error_message is not UNSET:
            field_dict["error_message"] = error_message

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        status = d.pop("status")

        def _parse_id(data: object) -> int | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | str | Unset, data)

        id = _parse_id(d.pop("id", UNSET))

        def _parse_time_completed(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                time_completed_type_0 = datetime.datetime.fromisoformat(data)

                return time_completed_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        time_completed = _parse_time_completed(d.pop("time_completed", UNSET))

        def _parse_error_message(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error_message = _parse_error_message(d.pop("error_message", UNSET))

        request_status_update = cls(
            status=status,
            id=id,
            time_completed=time_completed,
            error_message=error_message,
        )

        request_status_update.additional_properties = d
        return request_status_update

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
