from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="ThumbnailCreate")


@_attrs_define
class ThumbnailCreate:
    """A new thumbnail."""

    thumbnail_name: str
    """ Name. """
    thumbnail_b64str: str
    """ Image bytes, base64 (no data-URI prefix). """

    def to_dict(self) -> dict[str, Any]:
        thumbnail_name = self.thumbnail_name

        thumbnail_b64str = self.thumbnail_b64str

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "thumbnail_name": thumbnail_name,
                "thumbnail_b64str": thumbnail_b64str,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        thumbnail_name = d.pop("thumbnail_name")

        thumbnail_b64str = d.pop("thumbnail_b64str")

        thumbnail_create = cls(
            thumbnail_name=thumbnail_name,
            thumbnail_b64str=thumbnail_b64str,
        )

        return thumbnail_create
