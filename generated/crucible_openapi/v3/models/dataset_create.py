from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="DatasetCreate")


@_attrs_define
class DatasetCreate:
    """A new dataset. The client always chooses `unique_id` (an MFID), which makes a retried create unable to duplicate the
    record. Give `owner` or the deprecated `owner_orcid`, not both; matching id and MFID selectors may be sent together
    for the server to check. `capabilities`, `instrument` and `project` are response-only.

    """

    unique_id: str
    """ Client-chosen dataset MFID. """
    public: bool | Unset = False
    """ Readable by everybody. """
    dataset_name: None | str | Unset = UNSET
    """ Human-readable name. """
    measurement: None | str | Unset = UNSET
    """ Measurement kind, e.g. `XRD`. """
    data_type: None | str | Unset = UNSET
    """ Data type label. """
    session_name: None | str | Unset = UNSET
    """ Acquisition session name. """
    data_format: None | str | Unset = UNSET
    """ File format, e.g. `h5`, `dm4`. """
    timestamp: datetime.datetime | None | Unset = UNSET
    """ User-settable experiment time (ISO 8601 with an offset). """
    owner: str | Unset = UNSET
    """ Owner as a user reference (ORCID, MFID, username or email); defaults to the caller. """
    owner_orcid: str | Unset = UNSET
    """ Deprecated: owner's canonical id. Use `owner`. """
    project_id: str | Unset = UNSET
    """ Project slug. """
    project_mfid: str | Unset = UNSET
    """ Project MFID (preferred). """
    instrument_id: str | Unset = UNSET
    """ Instrument slug. """
    instrument_mfid: str | Unset = UNSET
    """ Instrument MFID. """
    instrument_name: str | Unset = UNSET
    """ Deprecated free-text instrument label. """

    def to_dict(self) -> dict[str, Any]:
        unique_id = self.unique_id

        public = self.public

        dataset_name: None | str | Unset
        if isinstance(self.dataset_name, Unset):
            dataset_name = UNSET
        else:
            dataset_name = self.dataset_name

        measurement: None | str | Unset
        if isinstance(self.measurement, Unset):
            measurement = UNSET
        else:
            measurement = self.measurement

        data_type: None | str | Unset
        if isinstance(self.data_type, Unset):
            data_type = UNSET
        else:
            data_type = self.data_type

        session_name: None | str | Unset
        if isinstance(self.session_name, Unset):
            session_name = UNSET
        else:
            session_name = self.session_name

        data_format: None | str | Unset
        if isinstance(self.data_format, Unset):
            data_format = UNSET
        else:
            data_format = self.data_format

        timestamp: None | str | Unset
        if isinstance(self.timestamp, Unset):
            timestamp = UNSET
        elif isinstance(self.timestamp, datetime.datetime):
            timestamp = self.timestamp.isoformat()
        else:
            timestamp = self.timestamp

        owner = self.owner

        owner_orcid = self.owner_orcid

        project_id = self.project_id

        project_mfid = self.project_mfid

        instrument_id = self.instrument_id

        instrument_mfid = self.instrument_mfid

        instrument_name = self.instrument_name

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "unique_id": unique_id,
            }
        )
        if public is not UNSET:
            field_dict["public"] = public
        if dataset_name is not UNSET:
            field_dict["dataset_name"] = dataset_name
        if measurement is not UNSET:
            field_dict["measurement"] = measurement
        if data_type is not UNSET:
            field_dict["data_type"] = data_type
        if session_name is not UNSET:
            field_dict["session_name"] = session_name
        if data_format is not UNSET:
            field_dict["data_format"] = data_format
        if timestamp is not UNSET:
            field_dict["timestamp"] = timestamp
        if owner is not UNSET:
            field_dict["owner"] = owner
        if owner_orcid is not UNSET:
            field_dict["owner_orcid"] = owner_orcid
        if project_id is not UNSET:
            field_dict["project_id"] = project_id
        if project_mfid is not UNSET:
            field_dict["project_mfid"] = project_mfid
        if instrument_id is not UNSET:
            field_dict["instrument_id"] = instrument_id
        if instrument_mfid is not UNSET:
            field_dict["instrument_mfid"] = instrument_mfid
        if instrument_name is not UNSET:
            field_dict["instrument_name"] = instrument_name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        unique_id = d.pop("unique_id")

        public = d.pop("public", UNSET)

        def _parse_dataset_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        dataset_name = _parse_dataset_name(d.pop("dataset_name", UNSET))

        def _parse_measurement(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        measurement = _parse_measurement(d.pop("measurement", UNSET))

        def _parse_data_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        data_type = _parse_data_type(d.pop("data_type", UNSET))

        def _parse_session_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        session_name = _parse_session_name(d.pop("session_name", UNSET))

        def _parse_data_format(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        data_format = _parse_data_format(d.pop("data_format", UNSET))

        def _parse_timestamp(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                timestamp_type_0 = datetime.datetime.fromisoformat(data)

                return timestamp_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        timestamp = _parse_timestamp(d.pop("timestamp", UNSET))

        owner = d.pop("owner", UNSET)

        owner_orcid = d.pop("owner_orcid", UNSET)

        project_id = d.pop("project_id", UNSET)

        project_mfid = d.pop("project_mfid", UNSET)

        instrument_id = d.pop("instrument_id", UNSET)

        instrument_mfid = d.pop("instrument_mfid", UNSET)

        instrument_name = d.pop("instrument_name", UNSET)

        dataset_create = cls(
            unique_id=unique_id,
            public=public,
            dataset_name=dataset_name,
            measurement=measurement,
            data_type=data_type,
            session_name=session_name,
            data_format=data_format,
            timestamp=timestamp,
            owner=owner,
            owner_orcid=owner_orcid,
            project_id=project_id,
            project_mfid=project_mfid,
            instrument_id=instrument_id,
            instrument_mfid=instrument_mfid,
            instrument_name=instrument_name,
        )

        return dataset_create
