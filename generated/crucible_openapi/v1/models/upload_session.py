from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.associated_file import AssociatedFile


T = TypeVar("T", bound="UploadSession")


@_attrs_define
class UploadSession:
    """A resumable upload session."""

    upload_id: str
    """ Session id. """
    resumable_uri: None | str | Unset = UNSET
    """ Absolute URL to PUT chunks to; the URL is the credential, send no API key. Null when `existing_file` is set.
    """
    chunk_size_hint: int | Unset = UNSET
    """ Suggested chunk size in bytes. """
    existing_file: AssociatedFile | None | Unset = UNSET
    """ The dataset already holds a file with this content: nothing to upload. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.associated_file import AssociatedFile  # noqa: PLC0415

        upload_id = self.upload_id

        resumable_uri: None | str | Unset
        if isinstance(self.resumable_uri, Unset):
            resumable_uri = UNSET
        else:
            resumable_uri = self.resumable_uri

        chunk_size_hint = self.chunk_size_hint

        existing_file: dict[str, Any] | None | Unset
        if isinstance(self.existing_file, Unset):
            existing_file = UNSET
        elif isinstance(self.existing_file, AssociatedFile):
            existing_file = self.existing_file.to_dict()
        else:
            existing_file = self.existing_file

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "upload_id": upload_id,
            }
        )
        if resumable_uri is not UNSET:
            field_dict["resumable_uri"] = resumable_uri
        if chunk_size_hint is not UNSET:
            field_dict["chunk_size_hint"] = chunk_size_hint
        if existing_file is not UNSET:
            field_dict["existing_file"] = existing_file

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.associated_file import AssociatedFile  # noqa: PLC0415

        d = dict(src_dict)
        upload_id = d.pop("upload_id")

        def _parse_resumable_uri(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        resumable_uri = _parse_resumable_uri(d.pop("resumable_uri", UNSET))

        chunk_size_hint = d.pop("chunk_size_hint", UNSET)

        def _parse_existing_file(data: object) -> AssociatedFile | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                existing_file_type_0 = AssociatedFile.from_dict(data)

                return existing_file_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AssociatedFile | None | Unset, data)

        existing_file = _parse_existing_file(d.pop("existing_file", UNSET))

        upload_session = cls(
            upload_id=upload_id,
            resumable_uri=resumable_uri,
            chunk_size_hint=chunk_size_hint,
            existing_file=existing_file,
        )

        upload_session.additional_properties = d
        return upload_session

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
