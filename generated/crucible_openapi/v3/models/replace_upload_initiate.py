from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="ReplaceUploadInitiate")


@_attrs_define
class ReplaceUploadInitiate:
    """Start replacing the content of an existing file."""

    size: int
    """ File size in bytes. """
    sha256_hash: str
    """ SHA-256 of the whole file, lowercase hex: deduplication is decided on it. """

    def to_dict(self) -> dict[str, Any]:
        size = self.size

        sha256_hash = self.sha256_hash

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "size": size,
                "sha256_hash": sha256_hash,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        size = d.pop("size")

        sha256_hash = d.pop("sha256_hash")

        replace_upload_initiate = cls(
            size=size,
            sha256_hash=sha256_hash,
        )

        return replace_upload_initiate
