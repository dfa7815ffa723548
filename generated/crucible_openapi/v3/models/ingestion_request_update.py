from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="IngestionRequestUpdate")


@_attrs_define
class IngestionRequestUpdate:
    """Worker update of an ingestion request. `time_completed` only with `status: complete`."""

    id: int
    """ Request id (must match the path). """
    status: str
    """ Status of an ingestion request (open vocabulary). Pending: `requested`, `started`, `in_progress`. Success:
    `complete` (`ingested` is shown by some tools). Failure: `failed`. `not_requested` is terminal: no worker will
    run. Unknown values are treated as pending. """
    ingestion_githash: str | Unset = UNSET
    """ Commit of the ingestor. """
    ingestion_class: str | Unset = UNSET
    """ Ingestor name. """
    time_completed: datetime.datetime | Unset = UNSET
    """ Completion time, ISO 8601 with an offset. """

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        status = self.status

        ingestion_githash = self.ingestion_githash

        ingestion_class = self.ingestion_class

        time_completed: str | Unset = UNSET
        if not isinstance(self.time_completed, Unset):
            time_completed = self.time_completed.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "status": status,
            }
        )
        if ingestion_githash is not UNSET:
            field_dict["ingestion_githash"] = ingestion_githash
        if ingestion_class is not UNSET:
            field_dict["ingestion_class"] = ingestion_class
        if time_completed is not UNSET:
            field_dict["time_completed"] = time_completed

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        status = d.pop("status")

        ingestion_githash = d.pop("ingestion_githash", UNSET)

        ingestion_class = d.pop("ingestion_class", UNSET)

        _time_completed = d.pop("time_completed", UNSET)
        time_completed: datetime.datetime | Unset
        if isinstance(_time_completed, Unset):
            time_completed = UNSET
        else:
            time_completed = datetime.datetime.fromisoformat(_time_completed)

        ingestion_request_update = cls(
            id=id,
            status=status,
            ingestion_githash=ingestion_githash,
            ingestion_class=ingestion_class,
            time_completed=time_completed,
        )

        return ingestion_request_update
