from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="FileRegister")


@_attrs_define
class FileRegister:
    """Register a file stored outside Crucible (any backend but `gcs`; GCS files come from an upload)."""

    filename: str
    """ Display name, may contain relative folders. """
    storage_backend: str
    """ Backend: `globus`, `local`, … (open vocabulary; not `gcs`). """
    access_note: str | Unset = UNSET
    """ How to reach the file. """
    size: int | Unset = UNSET
    """ Size in bytes. """
    sha256_hash: str | Unset = UNSET
    """ SHA-256 of the content, lowercase hex. """

    def to_dict(self) -> dict[str, Any]:
        filename = self.filename

        storage_backend = self.storage_backend

        access_note = self.access_note

        size = self.size

        sha256_hash = self.sha256_hash

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "filename": filename,
                "storage_backend": storage_backend,
            }
        )
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
        filename = d.pop("filename")

        storage_backend = d.pop("storage_backend")

        access_note = d.pop("access_note", UNSET)

        size = d.pop("size", UNSET)

        sha256_hash = d.pop("sha256_hash", UNSET)

        file_register = cls(
            filename=filename,
            storage_backend=storage_backend,
            access_note=access_note,
            size=size,
            sha256_hash=sha256_hash,
        )

        return file_register
