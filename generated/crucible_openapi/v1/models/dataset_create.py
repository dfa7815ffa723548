from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="DatasetCreate")


@_attrs_define
class DatasetCreate:
    """Fields of a new dataset. Every field is optional; unknown fields are ignored by the server. A client-chosen
    `unique_id` makes a retried create safe: a second create with the same id answers 409.

    """

    unique_id: None | str | Unset = UNSET
    """ Client-chosen identifier. MFID: 26-character lowercase Crockford base32 encoding of a UUIDv7, for example
    `0tbg8f8eq1sbs000x1sdqdtpnm`. """
    dataset_name: None | str | Unset = UNSET
    """ Human-readable name. """
    public: bool | None | Unset = UNSET
    """ Readable by everybody. """
    owner_user_id: int | None | str | Unset = UNSET
    """ Internal id of the owning user; absent or null means the caller. Another user's needs an admin. A string of
    decimal digits (e.g. `"8"`) is accepted too, as the real API coerces it. """
    owner_orcid: None | str | Unset = UNSET
    """ ORCID of the owner; absent or null means the caller. Another user's needs an admin. """
    project_id: None | str | Unset = UNSET
    """ Project slug: an existing project the caller is a member of (admins: any). """
    instrument_id: int | None | str | Unset = UNSET
    """ Internal id of the instrument. A string of decimal digits (e.g. `"8"`) is accepted too, as the real API
    coerces it. """
    instrument_name: None | str | Unset = UNSET
    """ Instrument name. """
    measurement: None | str | Unset = UNSET
    """ Measurement kind. """
    session_name: None | str | Unset = UNSET
    """ Acquisition session name. """
    creation_time: datetime.datetime | None | Unset = UNSET
    """ Acquisition time, ISO 8601. """
    data_format: None | str | Unset = UNSET
    """ File format. """
    file_to_upload: None | str | Unset = UNSET
    """ Bucket-relative path of the main file. """
    size: int | None | str | Unset = UNSET
    """ Size of the main file in bytes. A string of decimal digits (e.g. `"8"`) is accepted too, as the real API
    coerces it. """
    sha256_hash_file_to_upload: None | str | Unset = UNSET
    """ Hex SHA-256 of the main file. """
    source_folder: None | str | Unset = UNSET
    """ Folder the main file came from. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        unique_id: None | str | Unset
        if isinstance(self.unique_id, Unset):
            unique_id = UNSET
        else:
            unique_id = self.unique_id

        dataset_name: None | str | Unset
        if isinstance(self.dataset_name, Unset):
            dataset_name = UNSET
        else:
            dataset_name = self.dataset_name

        public: bool | None | Unset
        if isinstance(self.public, Unset):
            public = UNSET
        else:
            public = self.public

        owner_user_id: int | None | str | Unset
        if isinstance(self.owner_user_id, Unset):
            owner_user_id = UNSET
        else:
            owner_user_id = self.owner_user_id

        owner_orcid: None | str | Unset
        if isinstance(self.owner_orcid, Unset):
            owner_orcid = UNSET
        else:
            owner_orcid = self.owner_orcid

        project_id: None | str | Unset
        if isinstance(self.project_id, Unset):
            project_id = UNSET
        else:
            project_id = self.project_id

        instrument_id: int | None | str | Unset
        if isinstance(self.instrument_id, Unset):
            instrument_id = UNSET
        else:
            instrument_id = self.instrument_id

        instrument_name: None | str | Unset
        if isinstance(self.instrument_name, Unset):
            instrument_name = UNSET
        else:
            instrument_name = self.instrument_name

        measurement: None | str | Unset
        if isinstance(self.measurement, Unset):
            measurement = UNSET
        else:
            measurement = self.measurement

        session_name: None | str | Unset
        if isinstance(self.session_name, Unset):
            session_name = UNSET
        else:
            session_name = self.session_name

        creation_time: None | str | Unset
        if isinstance(self.creation_time, Unset):
            creation_time = UNSET
        elif isinstance(self.creation_time, datetime.datetime):
            creation_time = self.creation_time.isoformat()
        else:
            creation_time = self.creation_time

        data_format: None | str | Unset
        if isinstance(self.data_format, Unset):
            data_format = UNSET
        else:
            data_format = self.data_format

        file_to_upload: None | str | Unset
        if isinstance(self.file_to_upload, Unset):
            file_to_upload = UNSET
        else:
            file_to_upload = self.file_to_upload

        size: int | None | str | Unset
        if isinstance(self.size, Unset):
            size = UNSET
        else:
            size = self.size

        sha256_hash_file_to_upload: None | str | Unset
        if isinstance(self.sha256_hash_file_to_upload, Unset):
            sha256_hash_file_to_upload = UNSET
        else:
            sha256_hash_file_to_upload = self.sha256_hash_file_to_upload

        source_folder: None | str | Unset
        if isinstance(self.source_folder, Unset):
            source_folder = UNSET
        else:
            source_folder = self.source_folder

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if unique_id is not UNSET:
            field_dict["unique_id"] = unique_id
        if dataset_name is not UNSET:
            field_dict["dataset_name"] = dataset_name
        if public is not UNSET:
            field_dict["public"] = public
        if owner_user_id is not UNSET:
            field_dict["owner_user_id"] = owner_user_id
        if owner_orcid is not UNSET:
            field_dict["owner_orcid"] = owner_orcid
        if project_id is not UNSET:
            field_dict["project_id"] = project_id
        if instrument_id is not UNSET:
            field_dict["instrument_id"] = instrument_id
        if instrument_name is not UNSET:
            field_dict["instrument_name"] = instrument_name
        if measurement is not UNSET:
            field_dict["measurement"] = measurement
        if session_name is not UNSET:
            field_dict["session_name"] = session_name
        if creation_time is not UNSET:
            field_dict["creation_time"] = creation_time
        if data_format is not UNSET:
            field_dict["data_format"] = data_format
        if file_to_upload is not UNSET:
            field_dict["file_to_upload"] = file_to_upload
        if size is not UNSET:
            field_dict["size"] = size
        if sha256_hash_file_to_upload is not UNSET:
            field_dict["sha256_hash_file_to_upload"] = sha256_hash_file_to_upload
        if source_folder is not UNSET:
            field_dict["source_folder"] = source_folder

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_unique_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        unique_id = _parse_unique_id(d.pop("unique_id", UNSET))

        def _parse_dataset_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        dataset_name = _parse_dataset_name(d.pop("dataset_name", UNSET))

        def _parse_public(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        public = _parse_public(d.pop("public", UNSET))

        def _parse_owner_user_id(data: object) -> int | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | str | Unset, data)

        owner_user_id = _parse_owner_user_id(d.pop("owner_user_id", UNSET))

        def _parse_owner_orcid(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        owner_orcid = _parse_owner_orcid(d.pop("owner_orcid", UNSET))

        def _parse_project_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        project_id = _parse_project_id(d.pop("project_id", UNSET))

        def _parse_instrument_id(data: object) -> int | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | str | Unset, data)

        instrument_id = _parse_instrument_id(d.pop("instrument_id", UNSET))

        def _parse_instrument_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        instrument_name = _parse_instrument_name(d.pop("instrument_name", UNSET))

        def _parse_measurement(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        measurement = _parse_measurement(d.pop("measurement", UNSET))

        def _parse_session_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        session_name = _parse_session_name(d.pop("session_name", UNSET))

        def _parse_creation_time(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                creation_time_type_0 = datetime.datetime.fromisoformat(data)

                return creation_time_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        creation_time = _parse_creation_time(d.pop("creation_time", UNSET))

        def _parse_data_format(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        data_format = _parse_data_format(d.pop("data_format", UNSET))

        def _parse_file_to_upload(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        file_to_upload = _parse_file_to_upload(d.pop("file_to_upload", UNSET))

        def _parse_size(data: object) -> int | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | str | Unset, data)

        size = _parse_size(d.pop("size", UNSET))

        def _parse_sha256_hash_file_to_upload(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        sha256_hash_file_to_upload = _parse_sha256_hash_file_to_upload(
            d.pop("sha256_hash_file_to_upload", UNSET)
        )

        def _parse_source_folder(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        source_folder = _parse_source_folder(d.pop("source_folder", UNSET))

        dataset_create = cls(
            unique_id=unique_id,
            dataset_name=dataset_name,
            public=public,
            owner_user_id=owner_user_id,
            owner_orcid=owner_orcid,
            project_id=project_id,
            instrument_id=instrument_id,
            instrument_name=instrument_name,
            measurement=measurement,
            session_name=session_name,
            creation_time=creation_time,
            data_format=data_format,
            file_to_upload=file_to_upload,
            size=size,
            sha256_hash_file_to_upload=sha256_hash_file_to_upload,
            source_folder=source_folder,
        )

        dataset_create.additional_properties = d
        return dataset_create

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
