from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="UploadInitiate")


@_attrs_define
class UploadInitiate:
    """Start an upload of one file into a dataset."""

    filename: str
    """ Display name (a base name, or a relative path). """
    size: int
    """ File size in bytes. """
    sha256_hash: str
    """ SHA-256 of the whole file, lowercase hex: deduplication is decided on it. """

    def to_dict(self) -> dict[str, Any]:
        filename = self.filename

        size = self.size

        sha256_hash = self.sha256_hash

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "filename": filename,
                "size": size,
                "sha256_hash": sha256_hash,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        filename = d.pop("filename")

        size = d.pop("size")

        sha256_hash = d.pop("sha256_hash")

        upload_initiate = cls(
            filename=filename,
            size=size,
            sha256_hash=sha256_hash,
        )

        return upload_initiate
