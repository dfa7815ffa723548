from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ThumbnailUpdate")


@_attrs_define
class ThumbnailUpdate:
    """Partial update of a thumbnail; give at least one field."""

    thumbnail_name: str | Unset = UNSET
    """ New non-blank name. """
    thumbnail_b64str: str | Unset = UNSET
    """ New image bytes, base64. """

    def to_dict(self) -> dict[str, Any]:
        thumbnail_name = self.thumbnail_name

        thumbnail_b64str = self.thumbnail_b64str

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if thumbnail_name is not UNSET:
            field_dict["thumbnail_name"] = thumbnail_name
        if thumbnail_b64str is not UNSET:
            field_dict["thumbnail_b64str"] = thumbnail_b64str

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        thumbnail_name = d.pop("thumbnail_name", UNSET)

        thumbnail_b64str = d.pop("thumbnail_b64str", UNSET)

        thumbnail_update = cls(
            thumbnail_name=thumbnail_name,
            thumbnail_b64str=thumbnail_b64str,
        )

        return thumbnail_update
