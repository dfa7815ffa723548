from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.file_record import FileRecord


T = TypeVar("T", bound="ResumableUploadSession")


@_attrs_define
class ResumableUploadSession:
    """Resumable upload session: send the bytes to `resumable_uri` in chunks, or nothing when `existing_file` is set."""

    upload_id: None | str | Unset = UNSET
    """ Session id. """
    resumable_uri: None | str | Unset = UNSET
    """ Resumable session URI (needs no API key). """
    chunk_size_hint: int | None | Unset = UNSET
    """ Suggested chunk size in bytes. """
    existing_file: FileRecord | None | Unset = UNSET
    """ The stored file when the content is already known. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.file_record import FileRecord  # noqa: PLC0415

        upload_id: None | str | Unset
        if isinstance(self.upload_id, Unset):
            upload_id = UNSET
        else:
            upload_id = self.upload_id

        resumable_uri: None | str | Unset
        if isinstance(self.resumable_uri, Unset):
            resumable_uri = UNSET
        else:
            resumable_uri = self.resumable_uri

        chunk_size_hint: int | None | Unset
        if isinstance(self.chunk_size_hint, Unset):
            chunk_size_hint = UNSET
        else:
            chunk_size_hint = self.chunk_size_hint

        existing_file: dict[str, Any] | None | Unset
        if isinstance(self.existing_file, Unset):
            existing_file = UNSET
        elif isinstance(self.existing_file, FileRecord):
            existing_file = self.existing_file.to_dict()
        else:
            existing_file = self.existing_file

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if upload_id is not UNSET:
            field_dict["upload_id"] = upload_id
        if resumable_uri is not UNSET:
            field_dict["resumable_uri"] = resumable_uri
        if chunk_size_hint is not UNSET:
            field_dict["chunk_size_hint"] = chunk_size_hint
        if existing_file is not UNSET:
            field_dict["existing_file"] = existing_file

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.file_record import FileRecord  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_upload_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        upload_id = _parse_upload_id(d.pop("upload_id", UNSET))

        def _parse_resumable_uri(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        resumable_uri = _parse_resumable_uri(d.pop("resumable_uri", UNSET))

        def _parse_chunk_size_hint(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        chunk_size_hint = _parse_chunk_size_hint(d.pop("chunk_size_hint", UNSET))

        def _parse_existing_file(data: object) -> FileRecord | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                existing_file_type_0 = FileRecord.from_dict(data)

                return existing_file_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FileRecord | None | Unset, data)

        existing_file = _parse_existing_file(d.pop("existing_file", UNSET))

        resumable_upload_session = cls(
            upload_id=upload_id,
            resumable_uri=resumable_uri,
            chunk_size_hint=chunk_size_hint,
            existing_file=existing_file,
        )

        resumable_upload_session.additional_properties = d
        return resumable_upload_session

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
