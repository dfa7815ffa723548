from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Thumbnail")


@_attrs_define
class Thumbnail:
    """A dataset thumbnail."""

    id: int
    """ Thumbnail id. """
    dataset_id: int | None | Unset = UNSET
    """ Internal integer id of the dataset. """
    thumbnail_name: str | Unset = UNSET
    """ Name. """
    thumbnail_b64str: str | Unset = UNSET
    """ Image bytes, base64 (no data-URI prefix). """
    mime_type: None | str | Unset = UNSET
    """ MIME type, e.g. `image/png`. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        dataset_id: int | None | Unset
        if isinstance(self.dataset_id, Unset):
            dataset_id = UNSET
        else:
            dataset_id = self.dataset_id

        thumbnail_name = self.thumbnail_name

        thumbnail_b64str = self.thumbnail_b64str

        mime_type: None | str | Unset
        if isinstance(self.mime_type, Unset):
            mime_type = UNSET
        else:
            mime_type = self.mime_type

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if dataset_id is not UNSET:
            field_dict["dataset_id"] = dataset_id
        if thumbnail_name is not UNSET:
            field_dict["thumbnail_name"] = thumbnail_name
        if thumbnail_b64str is not UNSET:
            field_dict["thumbnail_b64str"] = thumbnail_b64str
        if mime_type is not UNSET:
            field_dict["mime_type"] = mime_type

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        def _parse_dataset_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        dataset_id = _parse_dataset_id(d.pop("dataset_id", UNSET))

        thumbnail_name = d.pop("thumbnail_name", UNSET)

        thumbnail_b64str = d.pop("thumbnail_b64str", UNSET)

        def _parse_mime_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        mime_type = _parse_mime_type(d.pop("mime_type", UNSET))

        thumbnail = cls(
            id=id,
            dataset_id=dataset_id,
            thumbnail_name=thumbnail_name,
            thumbnail_b64str=thumbnail_b64str,
            mime_type=mime_type,
        )

        thumbnail.additional_properties = d
        return thumbnail

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
