from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Thumbnail")


@_attrs_define
class Thumbnail:
    """A dataset thumbnail, base64-encoded."""

    thumbnail_name: str
    """ Name or caption. """
    id: int | Unset = UNSET
    """ Internal id. """
    dataset_id: int | Unset = UNSET
    """ Internal id of the dataset. """
    thumbnail_b64str: str | Unset = UNSET
    """ Base64 PNG or JPEG bytes, no data-URI prefix. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        thumbnail_name = self.thumbnail_name

        id = self.id

        dataset_id = self.dataset_id

        thumbnail_b64str = self.thumbnail_b64str

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "thumbnail_name": thumbnail_name,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if dataset_id is not UNSET:
            field_dict["dataset_id"] = dataset_id
        if thumbnail_b64str is not UNSET:
            field_dict["thumbnail_b64str"] = thumbnail_b64str

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        thumbnail_name = d.pop("thumbnail_name")

        id = d.pop("id", UNSET)

        dataset_id = d.pop("dataset_id", UNSET)

        thumbnail_b64str = d.pop("thumbnail_b64str", UNSET)

        thumbnail = cls(
            thumbnail_name=thumbnail_name,
            id=id,
            dataset_id=dataset_id,
            thumbnail_b64str=thumbnail_b64str,
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
