from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="StructuredErrorDetail")


@_attrs_define
class StructuredErrorDetail:
    """Machine-readable error detail. Known `code` values (open vocabulary): `filename_exists` (with `file_mfid` and
    `etag`), `etag_mismatch` (with `etag`), `replace_in_progress`, `storage_location_invalid` (with `reason`, e.g.
    `outside_dataset`). Other fields are kept.

    """

    code: str
    """ Error code (see the schema description for known values). """
    message: str | Unset = UNSET
    """ Human-readable message. """
    file_mfid: str | Unset = UNSET
    """ MFID of the existing file (`filename_exists`). """
    etag: str | Unset = UNSET
    """ Current entity tag of the file (`filename_exists`, `etag_mismatch`). """
    reason: str | Unset = UNSET
    """ Why a storage location is invalid (`storage_location_invalid`), e.g. `outside_dataset`. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        message = self.message

        file_mfid = self.file_mfid

        etag = self.etag

        reason = self.reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
            }
        )
        if message is not UNSET:
            field_dict["message"] = message
        if file_mfid is not UNSET:
            field_dict["file_mfid"] = file_mfid
        if etag is not UNSET:
            field_dict["etag"] = etag
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        message = d.pop("message", UNSET)

        file_mfid = d.pop("file_mfid", UNSET)

        etag = d.pop("etag", UNSET)

        reason = d.pop("reason", UNSET)

        structured_error_detail = cls(
            code=code,
            message=message,
            file_mfid=file_mfid,
            etag=etag,
            reason=reason,
        )

        structured_error_detail.additional_properties = d
        return structured_error_detail

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
