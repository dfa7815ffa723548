from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ProcessingRequest")


@_attrs_define
class ProcessingRequest:
    """A server-side processing request (ingestion, SciCat update, Google Drive transfer or carrier segmentation). All
    kinds share this shape.

    """

    id: int
    """ Request id. """
    status: str
    """ Status. Open vocabulary; known values: `requested`, `started`, `in_progress`, `complete`, `completed`,
    `failed`, `not supported`, `file not found`, `file too large`. The `x-status-*` lists say what each known value
    means to a client waiting for the request: pending (keep waiting), success or failure (finished). A value in
    none of them is treated as pending. """
    dataset_id: None | str | Unset = UNSET
    """ MFID of the dataset. """
    ingestion_class: None | str | Unset = UNSET
    """ Ingestor, for ingestion requests. """
    file_to_upload: None | str | Unset = UNSET
    """ Bucket path of the file to ingest. """
    time_requested: datetime.datetime | None | Unset = UNSET
    """ When the request was made. """
    time_completed: datetime.datetime | None | Unset = UNSET
    """ When it reached a terminal status. """
    error_message: None | str | Unset = UNSET
    """ Why it failed. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        status = self.status

        dataset_id: None | str | Unset
        if isinstance(self.dataset_id, Unset):
            dataset_id = UNSET
        else:
            dataset_id = self.dataset_id

        ingestion_class: None | str | Unset
        if isinstance(self.ingestion_class, Unset):
            ingestion_class = UNSET
        else:
            ingestion_class = self.ingestion_class

        file_to_upload: None | str | Unset
        if isinstance(self.file_to_upload, Unset):
            file_to_upload = UNSET
        else:
            file_to_upload = self.file_to_upload

        time_requested: None | str | Unset
        if isinstance(self.time_requested, Unset):
            time_requested = UNSET
        elif isinstance(self.time_requested, datetime.datetime):
            time_requested = self.time_requested.isoformat()
        else:
            time_requested = self.time_requested

        time_completed: None | str | Unset
        if isinstance(self.time_completed, Unset):
            time_completed = UNSET
        elif isinstance(self.time_completed, datetime.datetime):
            time_completed = self.time_completed.isoformat()
        else:
            time_completed = self.time_completed

        error_message: None | str | Unset
        if isinstance(self.error_message, Unset):
            error_message = UNSET
        else:
            error_message = self.error_message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "status": status,
            }
        )
        if dataset_id is not UNSET:
            field_dict["dataset_id"] = dataset_id
        if ingestion_class is not UNSET:
            field_dict["ingestion_class"] = ingestion_class
        if file_to_upload is not UNSET:
            field_dict["file_to_upload"] = file_to_upload
        if time_requested is not UNSET:
            field_dict["time_requested"] = time_requested
        if time_completed is not UNSET:
            field_dict["time_completed"] = time_completed
        if error_message is not UNSET:
            field_dict["error_message"] = error_message

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        status = d.pop("status")

        def _parse_dataset_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        dataset_id = _parse_dataset_id(d.pop("dataset_id", UNSET))

        def _parse_ingestion_class(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        ingestion_class = _parse_ingestion_class(d.pop("ingestion_class", UNSET))

        def _parse_file_to_upload(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        file_to_upload = _parse_file_to_upload(d.pop("file_to_upload", UNSET))

        def _parse_time_requested(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                time_requested_type_0 = datetime.datetime.fromisoformat(data)

                return time_requested_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        time_requested = _parse_time_requested(d.pop("time_requested", UNSET))

        def _parse_time_completed(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                time_completed_type_0 = datetime.datetime.fromisoformat(data)

                return time_completed_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        time_completed = _parse_time_completed(d.pop("time_completed", UNSET))

        def _parse_error_message(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error_message = _parse_error_message(d.pop("error_message", UNSET))

        processing_request = cls(
            id=id,
            status=status,
            dataset_id=dataset_id,
            ingestion_class=ingestion_class,
            file_to_upload=file_to_upload,
            time_requested=time_requested,
            time_completed=time_completed,
            error_message=error_message,
        )

        processing_request.additional_properties = d
        return processing_request

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
