from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.file_record import FileRecord
    from ..models.upload_part import UploadPart


T = TypeVar("T", bound="MultipartUploadSession")


@_attrs_define
class MultipartUploadSession:
    """A signed multipart upload session. `state: completed` with `existing_file` set means the content is already stored
    (deduplicated): send no bytes.

    """

    state: str
    """ `uploading` or `completed` (open vocabulary). """
    upload_id: None | str | Unset = UNSET
    """ Session id (null when nothing needs uploading). """
    part_size: int | None | Unset = UNSET
    """ Part size in bytes (64 MiB by default). """
    part_count: int | None | Unset = UNSET
    """ Number of parts. """
    parts: list[UploadPart] | Unset = UNSET
    """ Parts already acknowledged. """
    existing_file: FileRecord | None | Unset = UNSET
    """ The stored file when the content is already known. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.file_record import FileRecord  # noqa: PLC0415

        state = self.state

        upload_id: None | str | Unset
        if isinstance(self.upload_id, Unset):
            upload_id = UNSET
        else:
            upload_id = self.upload_id

        part_size: int | None | Unset
        if isinstance(self.part_size, Unset):
            part_size = UNSET
        else:
            part_size = self.part_size

        part_count: int | None | Unset
        if isinstance(self.part_count, Unset):
            part_count = UNSET
        else:
            part_count = self.part_count

        parts: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.parts, Unset):
            parts = []
            for parts_item_data in self.parts:
                parts_item = parts_item_data.to_dict()
                parts.append(parts_item)

        existing_file: dict[str, Any] | None | Unset
        if isinstance(self.existing_file, Unset):
            existing_file = UNSET
        elif isinstance(self.existing_file, FileRecord):
            existing_file = self.existing_file.to_dict()
        else:
            existing_file = self.existing_file

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "state": state,
            }
        )
        if upload_id is not UNSET:
            field_dict["upload_id"] = upload_id
        if part_size is not UNSET:
            field_dict["part_size"] = part_size
        if part_count is not UNSET:
            field_dict["part_count"] = part_count
        if parts is not UNSET:
            field_dict["parts"] = parts
        if existing_file is not UNSET:
            field_dict["existing_file"] = existing_file

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.file_record import FileRecord  # noqa: PLC0415
        from ..models.upload_part import UploadPart  # noqa: PLC0415

        d = dict(src_dict)
        state = d.pop("state")

        def _parse_upload_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        upload_id = _parse_upload_id(d.pop("upload_id", UNSET))

        def _parse_part_size(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        part_size = _parse_part_size(d.pop("part_size", UNSET))

        def _parse_part_count(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        part_count = _parse_part_count(d.pop("part_count", UNSET))

        _parts = d.pop("parts", UNSET)
        parts: list[UploadPart] | Unset = UNSET
        if _parts is not UNSET:
            parts = []
            for parts_item_data in _parts:
                parts_item = UploadPart.from_dict(parts_item_data)

                parts.append(parts_item)

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

        multipart_upload_session = cls(
            state=state,
            upload_id=upload_id,
            part_size=part_size,
            part_count=part_count,
            parts=parts,
            existing_file=existing_file,
        )

        multipart_upload_session.additional_properties = d
        return multipart_upload_session

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
