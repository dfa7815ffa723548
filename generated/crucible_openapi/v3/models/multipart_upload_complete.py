from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="MultipartUploadComplete")


@_attrs_define
class MultipartUploadComplete:
    """Finish a signed multipart upload."""

    upload_id: str
    """ Session id. """
    sha256_hash: str
    """ SHA-256 of the whole file, lowercase hex: deduplication is decided on it. """
    crc32c: str
    """ CRC32C of the whole file, base64. """

    def to_dict(self) -> dict[str, Any]:
        upload_id = self.upload_id

        sha256_hash = self.sha256_hash

        crc32c = self.crc32c

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "upload_id": upload_id,
                "sha256_hash": sha256_hash,
                "crc32c": crc32c,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        upload_id = d.pop("upload_id")

        sha256_hash = d.pop("sha256_hash")

        crc32c = d.pop("crc32c")

        multipart_upload_complete = cls(
            upload_id=upload_id,
            sha256_hash=sha256_hash,
            crc32c=crc32c,
        )

        return multipart_upload_complete
