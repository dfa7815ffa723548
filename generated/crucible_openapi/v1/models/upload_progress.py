from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="UploadProgress")


@_attrs_define
class UploadProgress:
    """State of a resumable upload."""

    upload_id: str
    """ Session id. """
    received: int
    """ Bytes stored so far, from offset 0. """
    size: int
    """ Total size in bytes. """
    complete: bool
    """ All bytes received. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        upload_id = self.upload_id

        received = self.received

        size = self.size

        complete = self.complete

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "upload_id": upload_id,
                "received": received,
                "size": size,
                "complete": complete,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        upload_id = d.pop("upload_id")

        received = d.pop("received")

        size = d.pop("size")

        complete = d.pop("complete")

        upload_progress = cls(
            upload_id=upload_id,
            received=received,
            size=size,
            complete=complete,
        )

        upload_progress.additional_properties = d
        return upload_progress

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
