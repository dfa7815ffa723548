from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.file_record import FileRecord


T = TypeVar("T", bound="TokenUploadSession")


@_attrs_define
class TokenUploadSession:
    """Legacy token upload session: a short-lived storage access token for the object prefix, or `existing_file` when the
    content is already stored.

    """

    upload_id: None | str | Unset = UNSET
    """ Session id. """
    access_token: None | str | Unset = UNSET
    """ Short-lived storage OAuth token (a secret). """
    project: None | str | Unset = UNSET
    """ Storage project. """
    bucket: None | str | Unset = UNSET
    """ Bucket. """
    object_prefix: None | str | Unset = UNSET
    """ Object-name prefix to upload under. """
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

        access_token: None | str | Unset
        if isinstance(self.access_token, Unset):
            access_token = UNSET
        else:
            access_token = self.access_token

        project: None | str | Unset
        if isinstance(self.project, Unset):
            project = UNSET
        else:
            project = self.project

        bucket: None | str | Unset
        if isinstance(self.bucket, Unset):
            bucket = UNSET
        else:
            bucket = self.bucket

        object_prefix: None | str | Unset
        if isinstance(self.object_prefix, Unset):
            object_prefix = UNSET
        else:
            object_prefix = self.object_prefix

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
        if access_token is not UNSET:
            field_dict["access_token"] = access_token
        if project is not UNSET:
            field_dict["project"] = project
        if bucket is not UNSET:
            field_dict["bucket"] = bucket
        if object_prefix is not UNSET:
            field_dict["object_prefix"] = object_prefix
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

        def _parse_access_token(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        access_token = _parse_access_token(d.pop("access_token", UNSET))

        def _parse_project(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        project = _parse_project(d.pop("project", UNSET))

        def _parse_bucket(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        bucket = _parse_bucket(d.pop("bucket", UNSET))

        def _parse_object_prefix(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        object_prefix = _parse_object_prefix(d.pop("object_prefix", UNSET))

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

        token_upload_session = cls(
            upload_id=upload_id,
            access_token=access_token,
            project=project,
            bucket=bucket,
            object_prefix=object_prefix,
            existing_file=existing_file,
        )

        token_upload_session.additional_properties = d
        return token_upload_session

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
