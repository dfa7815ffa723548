from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="IngestionRequest")


@_attrs_define
class IngestionRequest:
    """Processing of one file by an ingestor."""

    id: int
    """ Request id. """
    status: str
    """ Status of an ingestion request (open vocabulary). Pending: `requested`, `started`, `in_progress`. Success:
    `complete` (`ingested` is shown by some tools). Failure: `failed`. `not_requested` is terminal: no worker will
    run. Unknown values are treated as pending. """
    ingestion_class: None | str | Unset = UNSET
    """ Ingestor name; null lets the server detect it. """
    file_mfid: None | str | Unset = UNSET
    """ File MFID. """
    dataset_mfid: None | str | Unset = UNSET
    """ Dataset MFID. """
    time_created: datetime.datetime | None | Unset = UNSET
    """ When the request was created. """
    time_completed: datetime.datetime | None | Unset = UNSET
    """ When it finished. """
    error_message: None | str | Unset = UNSET
    """ Why it failed. """
    ingestion_githash: None | str | Unset = UNSET
    """ Commit of the ingestor that ran. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        status = self.status

        ingestion_class: None | str | Unset
        if isinstance(self.ingestion_class, Unset):
            ingestion_class = UNSET
        else:
            ingestion_class = self.ingestion_class

        file_mfid: None | str | Unset
        if isinstance(self.file_mfid, Unset):
            file_mfid = UNSET
        else:
            file_mfid = self.file_mfid

        dataset_mfid: None | str | Unset
        if isinstance(self.dataset_mfid, Unset):
            dataset_mfid = UNSET
        else:
            dataset_mfid = self.dataset_mfid

        time_created: None | str | Unset
        if isinstance(self.time_created, Unset):
            time_created = UNSET
        elif isinstance(self.time_created, datetime.datetime):
            time_created = self.time_created.isoformat()
        else:
            time_created = self.time_created

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

        ingestion_githash: None | str | Unset
        if isinstance(self.ingestion_githash, Unset):
            ingestion_githash = UNSET
        else:
            ingestion_githash = self.ingestion_githash

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "status": status,
            }
        )
        if ingestion_class is not UNSET:
            field_dict["ingestion_class"] = ingestion_class
        if file_mfid is not UNSET:
            field_dict["file_mfid"] = file_mfid
        if dataset_mfid is not UNSET:
            field_dict["dataset_mfid"] = dataset_mfid
        if time_created is not UNSET:
            field_dict["time_created"] = time_created
        if time_completed is not UNSET:
            field_dict["time_completed"] = time_completed
        if error_message is not UNSET:
            field_dict["error_message"] = error_message
        if ingestion_githash is not UNSET:
            field_dict["ingestion_githash"] = ingestion_githash

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        status = d.pop("status")

        def _parse_ingestion_class(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        ingestion_class = _parse_ingestion_class(d.pop("ingestion_class", UNSET))

        def _parse_file_mfid(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        file_mfid = _parse_file_mfid(d.pop("file_mfid", UNSET))

        def _parse_dataset_mfid(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        dataset_mfid = _parse_dataset_mfid(d.pop("dataset_mfid", UNSET))

        def _parse_time_created(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                time_created_type_0 = datetime.datetime.fromisoformat(data)

                return time_created_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        time_created = _parse_time_created(d.pop("time_created", UNSET))

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

        def _parse_ingestion_githash(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        ingestion_githash = _parse_ingestion_githash(d.pop("ingestion_githash", UNSET))

        ingestion_request = cls(
            id=id,
            status=status,
            ingestion_class=ingestion_class,
            file_mfid=file_mfid,
            dataset_mfid=dataset_mfid,
            time_created=time_created,
            time_completed=time_completed,
            error_message=error_message,
            ingestion_githash=ingestion_githash,
        )

        ingestion_request.additional_properties = d
        return ingestion_request

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
