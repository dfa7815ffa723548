from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ReadinessDatabase")


@_attrs_define
class ReadinessDatabase:
    """Database readiness."""

    status: str | Unset = UNSET
    """ `ok` or `error` (open vocabulary). """
    latency_ms: float | None | Unset = UNSET
    """ Round-trip time of the readiness query in milliseconds; null on error. """
    schema_revisions: list[str] | Unset = UNSET
    """ Applied database schema revisions. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status = self.status

        latency_ms: float | None | Unset
        if isinstance(self.latency_ms, Unset):
            latency_ms = UNSET
        else:
            latency_ms = self.latency_ms

        schema_revisions: list[str] | Unset = UNSET
        if not isinstance(self.schema_revisions, Unset):
            schema_revisions = self.schema_revisions

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if status is not UNSET:
            field_dict["status"] = status
        if latency_ms is not UNSET:
            field_dict["latency_ms"] = latency_ms
        if schema_revisions is not UNSET:
            field_dict["schema_revisions"] = schema_revisions

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        status = d.pop("status", UNSET)

        def _parse_latency_ms(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        latency_ms = _parse_latency_ms(d.pop("latency_ms", UNSET))

        schema_revisions = cast(list[str], d.pop("schema_revisions", UNSET))

        readiness_database = cls(
            status=status,
            latency_ms=latency_ms,
            schema_revisions=schema_revisions,
        )

        readiness_database.additional_properties = d
        return readiness_database

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
