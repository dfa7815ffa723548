from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="DriveLocation")


@_attrs_define
class DriveLocation:
    """Where a dataset lives in Google Drive."""

    folder_path_in_drive: str
    """ Folder path. """
    status: None | str | Unset = UNSET
    """ `current` for every folder holding the dataset, the `Organized/...` copy included (as the real API answers).
    """
    drive_name: None | str | Unset = UNSET
    """ Shared drive name. """
    url: None | str | Unset = UNSET
    """ Folder URL. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        folder_path_in_drive = self.folder_path_in_drive

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        else:
            status = self.status

        drive_name: None | str | Unset
        if isinstance(self.drive_name, Unset):
            drive_name = UNSET
        else:
            drive_name = self.drive_name

        url: None | str | Unset
        if isinstance(self.url, Unset):
            url = UNSET
        else:
            url = self.url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "folder_path_in_drive": folder_path_in_drive,
            }
        )
        if status is not UNSET:
            field_dict["status"] = status
        if drive_name is not UNSET:
            field_dict["drive_name"] = drive_name
        if url is not UNSET:
            field_dict["url"] = url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        folder_path_in_drive = d.pop("folder_path_in_drive")

        def _parse_status(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        def _parse_drive_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        drive_name = _parse_drive_name(d.pop("drive_name", UNSET))

        def _parse_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        url = _parse_url(d.pop("url", UNSET))

        drive_location = cls(
            folder_path_in_drive=folder_path_in_drive,
            status=status,
            drive_name=drive_name,
            url=url,
        )

        drive_location.additional_properties = d
        return drive_location

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
