from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="FileRecord")


@_attrs_define
class FileRecord:
    """A file of a dataset. For GCS files `storage_path`, `size` and `sha256_hash` are owned by the server; `storage_path`
    is null until the file is stored.

    """

    mfid: str
    """ File 26-character lowercase Crockford base32 MFID. """
    dataset_mfid: str | Unset = UNSET
    """ MFID of the dataset. """
    filename: str | Unset = UNSET
    """ Display name; may contain relative folders, e.g. `raw/scan.h5`. """
    storage_path: None | str | Unset = UNSET
    """ Where the bytes are: an object path for GCS, a URL or path for other backends. """
    storage_backend: None | str | Unset = UNSET
    """ `gcs` (default), `globus`, `local`, … (open vocabulary). """
    access_note: None | str | Unset = UNSET
    """ How to reach a file that is not stored by Crucible. """
    size: int | None | Unset = UNSET
    """ Size in bytes. """
    sha256_hash: None | str | Unset = UNSET
    """ SHA-256 of the content, lowercase hex. """
    etag: None | str | Unset = UNSET
    """ Entity tag; send it as `If-Match` to replace the content. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        mfid = self.mfid

        dataset_mfid = self.dataset_mfid

        filename = self.filename

        storage_path: None | str | Unset
        if isinstance(self.storage_path, Unset):
            storage_path = UNSET
        else:
            storage_path = self.storage_path

        storage_backend: None | str | Unset
        if isinstance(self.storage_backend, Unset):
            storage_backend = UNSET
        else:
            storage_backend = self.storage_backend

        access_note: None | str | Unset
        if isinstance(self.access_note, Unset):
            access_note = UNSET
        else:
            access_note = self.access_note

        size: int | None | Unset
        if isinstance(self.size, Unset):
            size = UNSET
        else:
            size = self.size

        sha256_hash: None | str | Unset
        if isinstance(self.sha256_hash, Unset):
            sha256_hash = UNSET
        else:
            sha256_hash = self.sha256_hash

        etag: None | str | Unset
        if isinstance(self.etag, Unset):
            etag = UNSET
        else:
            etag = self.etag

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "mfid": mfid,
            }
        )
        if dataset_mfid is not UNSET:
            field_dict["dataset_mfid"] = dataset_mfid
        if filename is not UNSET:
            field_dict["filename"] = filename
        if storage_path is not UNSET:
            field_dict["storage_path"] = storage_path
        if storage_backend is not UNSET:
            field_dict["storage_backend"] = storage_backend
        if access_note is not UNSET:
            field_dict["access_note"] = access_note
        if size is not UNSET:
            field_dict["size"] = size
        if sha256_hash is not UNSET:
            field_dict["sha256_hash"] = sha256_hash
        if etag is not UNSET:
            field_dict["etag"] = etag

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        mfid = d.pop("mfid")

        dataset_mfid = d.pop("dataset_mfid", UNSET)

        filename = d.pop("filename", UNSET)

        def _parse_storage_path(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        storage_path = _parse_storage_path(d.pop("storage_path", UNSET))

        def _parse_storage_backend(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        storage_backend = _parse_storage_backend(d.pop("storage_backend", UNSET))

        def _parse_access_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        access_note = _parse_access_note(d.pop("access_note", UNSET))

        def _parse_size(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        size = _parse_size(d.pop("size", UNSET))

        def _parse_sha256_hash(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        sha256_hash = _parse_sha256_hash(d.pop("sha256_hash", UNSET))

        def _parse_etag(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        etag = _parse_etag(d.pop("etag", UNSET))

        file_record = cls(
            mfid=mfid,
            dataset_mfid=dataset_mfid,
            filename=filename,
            storage_path=storage_path,
            storage_backend=storage_backend,
            access_note=access_note,
            size=size,
            sha256_hash=sha256_hash,
            etag=etag,
        )

        file_record.additional_properties = d
        return file_record

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
