from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="UploadComplete")


@_attrs_define
class UploadComplete:
    """Finish a token or resumable upload."""

    upload_id: str
    """ Session id. """
    sha256_hash: str
    """ SHA-256 of the whole file, lowercase hex: deduplication is decided on it. """

    def to_dict(self) -> dict[str, Any]:
        upload_id = self.upload_id

        sha256_hash = self.sha256_hash

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "upload_id": upload_id,
                "sha256_hash": sha256_hash,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        upload_id = d.pop("upload_id")

        sha256_hash = d.pop("sha256_hash")

        upload_complete = cls(
            upload_id=upload_id,
            sha256_hash=sha256_hash,
        )

        return upload_complete
