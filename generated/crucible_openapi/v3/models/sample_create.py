from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="SampleCreate")


@_attrs_define
class SampleCreate:
    """A new sample. `unique_id` is optional (the server mints one), but a create that may be retried should carry a
    client-chosen one. Give `owner` or the deprecated `owner_orcid`, not both.

    """

    unique_id: str | Unset = UNSET
    """ Client-chosen sample MFID. """
    public: bool | Unset = False
    """ Readable by everybody. """
    sample_name: None | str | Unset = UNSET
    """ Human-readable name. """
    sample_type: None | str | Unset = UNSET
    """ Sample type label. """
    description: None | str | Unset = UNSET
    """ Free-text description. """
    timestamp: datetime.datetime | None | Unset = UNSET
    """ User-settable time (ISO 8601 with an offset). """
    owner: str | Unset = UNSET
    """ Owner as a user reference (ORCID, MFID, username or email); defaults to the caller. """
    owner_orcid: str | Unset = UNSET
    """ Deprecated: owner's canonical id. Use `owner`. """
    project_id: str | Unset = UNSET
    """ Project slug. """
    project_mfid: str | Unset = UNSET
    """ Project MFID (preferred). """

    def to_dict(self) -> dict[str, Any]:
        unique_id = self.unique_id

        public = self.public

        sample_name: None | str | Unset
        if isinstance(self.sample_name, Unset):
            sample_name = UNSET
        else:
            sample_name = self.sample_name

        sample_type: None | str | Unset
        if isinstance(self.sample_type, Unset):
            sample_type = UNSET
        else:
            sample_type = self.sample_type

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

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

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if unique_id is not UNSET:
            field_dict["unique_id"] = unique_id
        if public is not UNSET:
            field_dict["public"] = public
        if sample_name is not UNSET:
            field_dict["sample_name"] = sample_name
        if sample_type is not UNSET:
            field_dict["sample_type"] = sample_type
        if description is not UNSET:
            field_dict["description"] = description
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

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        unique_id = d.pop("unique_id", UNSET)

        public = d.pop("public", UNSET)

        def _parse_sample_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        sample_name = _parse_sample_name(d.pop("sample_name", UNSET))

        def _parse_sample_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        sample_type = _parse_sample_type(d.pop("sample_type", UNSET))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

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

        sample_create = cls(
            unique_id=unique_id,
            public=public,
            sample_name=sample_name,
            sample_type=sample_type,
            description=description,
            timestamp=timestamp,
            owner=owner,
            owner_orcid=owner_orcid,
            project_id=project_id,
            project_mfid=project_mfid,
        )

        return sample_create
