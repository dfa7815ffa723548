from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="FileUpdate")


@_attrs_define
class FileUpdate:
    """Partial update of a file record. `storage_path`, `size` and `sha256_hash` of GCS files answer 422."""

    filename: str | Unset = UNSET
    """ New display name. """
    storage_path: str | Unset = UNSET
    """ Location for non-GCS backends. """
    access_note: str | Unset = UNSET
    """ How to reach the file. """
    size: int | Unset = UNSET
    """ Size in bytes (non-GCS only). """
    sha256_hash: str | Unset = UNSET
    """ SHA-256, lowercase hex (non-GCS only). """

    def to_dict(self) -> dict[str, Any]:
        filename = self.filename

        storage_path = self.storage_path

        access_note = self.access_note

        size = self.size

        sha256_hash = self.sha256_hash

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if filename is not UNSET:
            field_dict["filename"] = filename
        if storage_path is not UNSET:
            field_dict["storage_path"] = storage_path
        if access_note is not UNSET:
            field_dict["access_note"] = access_note
        if size is not UNSET:
            field_dict["size"] = size
        if sha256_hash is not UNSET:
            field_dict["sha256_hash"] = sha256_hash

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        filename = d.pop("filename", UNSET)

        storage_path = d.pop("storage_path", UNSET)

        access_note = d.pop("access_note", UNSET)

        size = d.pop("size", UNSET)

        sha256_hash = d.pop("sha256_hash", UNSET)

        file_update = cls(
            filename=filename,
            storage_path=storage_path,
            access_note=access_note,
            size=size,
            sha256_hash=sha256_hash,
        )

        return file_update
