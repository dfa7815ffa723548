from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.deletion_state import DeletionState
    from ..models.instrument_reference import InstrumentReference
    from ..models.link import Link
    from ..models.project_reference import ProjectReference
    from ..models.resource_capabilities import ResourceCapabilities
    from ..models.scientific_metadata import ScientificMetadata
    from ..models.user_public import UserPublic


T = TypeVar("T", bound="Dataset")


@_attrs_define
class Dataset:
    """A dataset. Fields the server adds later are kept."""

    unique_id: str
    """ Dataset 26-character lowercase Crockford base32 MFID. """
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
    public: bool | None | Unset = UNSET
    """ Readable by everybody; may be absent. """
    owner_orcid: None | str | Unset = UNSET
    """ Canonical id of the owner: ORCID or MFID (service-account owners). """
    owner: None | Unset | UserPublic = UNSET
    """ The owner (with `include_owner=true`). """
    project_id: None | str | Unset = UNSET
    """ Project slug. """
    project_mfid: None | str | Unset = UNSET
    """ Project MFID. """
    project: None | ProjectReference | Unset = UNSET
    """ The project. """
    project_relation: None | str | Unset = UNSET
    """ `assigned` or `shared`; only in project-scoped listings (open vocabulary). """
    instrument_id: None | str | Unset = UNSET
    """ Instrument slug (a string in v3). """
    instrument_mfid: None | str | Unset = UNSET
    """ Instrument MFID. """
    instrument_name: None | str | Unset = UNSET
    """ Deprecated free-text instrument label; the server sets it from the assigned instrument. """
    instrument: InstrumentReference | None | Unset = UNSET
    """ The assigned instrument. """
    size: int | None | Unset = UNSET
    """ Total size in bytes (read-only). """
    creation_time: datetime.datetime | None | Unset = UNSET
    """ Server-assigned creation time. """
    modification_time: datetime.datetime | None | Unset = UNSET
    """ Server-assigned modification time. """
    resource_type: str | Unset = UNSET
    """ `dataset`. """
    scientific_metadata: None | ScientificMetadata | Unset = UNSET
    """ Flat metadata (with `include_metadata=true`). """
    links: list[Link] | None | Unset = UNSET
    """ Links (with `include_links=true`). """
    deletion_request: DeletionState | None | Unset = UNSET
    """ Present while a deletion is pending. """
    capabilities: None | ResourceCapabilities | Unset = UNSET
    """ What the caller may do; may be null in collections. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.deletion_state import DeletionState  # noqa: PLC0415
        from ..models.instrument_reference import InstrumentReference  # noqa: PLC0415
        from ..models.project_reference import ProjectReference  # noqa: PLC0415
        from ..models.resource_capabilities import ResourceCapabilities  # noqa: PLC0415
        from ..models.scientific_metadata import ScientificMetadata  # noqa: PLC0415
        from ..models.user_public import UserPublic  # noqa: PLC0415

        unique_id = self.unique_id

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

        public: bool | None | Unset
        if isinstance(self.public, Unset):
            public = UNSET
        else:
            public = self.public

        owner_orcid: None | str | Unset
        if isinstance(self.owner_orcid, Unset):
            owner_orcid = UNSET
        else:
            owner_orcid = self.owner_orcid

        owner: dict[str, Any] | None | Unset
        if isinstance(self.owner, Unset):
            owner = UNSET
        elif isinstance(self.owner, UserPublic):
            owner = self.owner.to_dict()
        else:
            owner = self.owner

        project_id: None | str | Unset
        if isinstance(self.project_id, Unset):
            project_id = UNSET
        else:
            project_id = self.project_id

        project_mfid: None | str | Unset
        if isinstance(self.project_mfid, Unset):
            project_mfid = UNSET
        else:
            project_mfid = self.project_mfid

        project: dict[str, Any] | None | Unset
        if isinstance(self.project, Unset):
            project = UNSET
        elif isinstance(self.project, ProjectReference):
            project = self.project.to_dict()
        else:
            project = self.project

        project_relation: None | str | Unset
        if isinstance(self.project_relation, Unset):
            project_relation = UNSET
        else:
            project_relation = self.project_relation

        instrument_id: None | str | Unset
        if isinstance(self.instrument_id, Unset):
            instrument_id = UNSET
        else:
            instrument_id = self.instrument_id

        instrument_mfid: None | str | Unset
        if isinstance(self.instrument_mfid, Unset):
            instrument_mfid = UNSET
        else:
            instrument_mfid = self.instrument_mfid

        instrument_name: None | str | Unset
        if isinstance(self.instrument_name, Unset):
            instrument_name = UNSET
        else:
            instrument_name = self.instrument_name

        instrument: dict[str, Any] | None | Unset
        if isinstance(self.instrument, Unset):
            instrument = UNSET
        elif isinstance(self.instrument, InstrumentReference):
            instrument = self.instrument.to_dict()
        else:
            instrument = self.instrument

        size: int | None | Unset
        if isinstance(self.size, Unset):
            size = UNSET
        else:
            size = self.size

        creation_time: None | str | Unset
        if isinstance(self.creation_time, Unset):
            creation_time = UNSET
        elif isinstance(self.creation_time, datetime.datetime):
            creation_time = self.creation_time.isoformat()
        else:
            creation_time = self.creation_time

        modification_time: None | str | Unset
        if isinstance(self.modification_time, Unset):
            modification_time = UNSET
        elif isinstance(self.modification_time, datetime.datetime):
            modification_time = self.modification_time.isoformat()
        else:
            modification_time = self.modification_time

        resource_type = self.resource_type

        scientific_metadata: dict[str, Any] | None | Unset
        if isinstance(self.scientific_metadata, Unset):
            scientific_metadata = UNSET
        elif isinstance(self.scientific_metadata, ScientificMetadata):
            scientific_metadata = self.scientific_metadata.to_dict()
        else:
            scientific_metadata = self.scientific_metadata

        links: list[dict[str, Any]] | None | Unset
        if isinstance(self.links, Unset):
            links = UNSET
        elif isinstance(self.links, list):
            links = []
            for links_type_0_item_data in self.links:
                links_type_0_item = links_type_0_item_data.to_dict()
                links.append(links_type_0_item)

        else:
            links = self.links

        deletion_request: dict[str, Any] | None | Unset
        if isinstance(self.deletion_request, Unset):
            deletion_request = UNSET
        elif isinstance(self.deletion_request, DeletionState):
            deletion_request = self.deletion_request.to_dict()
        else:
            deletion_request = self.deletion_request

        capabilities: dict[str, Any] | None | Unset
        if isinstance(self.capabilities, Unset):
            capabilities = UNSET
        elif isinstance(self.capabilities, ResourceCapabilities):
            capabilities = self.capabilities.to_dict()
        else:
            capabilities = self.capabilities

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "unique_id": unique_id,
            }
        )
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
        if public is not UNSET:
            field_dict["public"] = public
        if owner_orcid is not UNSET:
            field_dict["owner_orcid"] = owner_orcid
        if owner is not UNSET:
            field_dict["owner"] = owner
        if project_id is not UNSET:
            field_dict["project_id"] = project_id
        if project_mfid is not UNSET:
            field_dict["project_mfid"] = project_mfid
        if project is not UNSET:
            field_dict["project"] = project
        if project_relation is not UNSET:
            field_dict["project_relation"] = project_relation
        if instrument_id is not UNSET:
            field_dict["instrument_id"] = instrument_id
        if instrument_mfid is not UNSET:
            field_dict["instrument_mfid"] = instrument_mfid
        if instrument_name is not UNSET:
            field_dict["instrument_name"] = instrument_name
        if instrument is not UNSET:
            field_dict["instrument"] = instrument
        if size is not UNSET:
            field_dict["size"] = size
        if creation_time is not UNSET:
            field_dict["creation_time"] = creation_time
        if modification_time is not UNSET:
            field_dict["modification_time"] = modification_time
        if resource_type is not UNSET:
            field_dict["resource_type"] = resource_type
        if scientific_metadata is not UNSET:
            field_dict["scientific_metadata"] = scientific_metadata
        if links is not UNSET:
            field_dict["links"] = links
        if deletion_request is not UNSET:
            field_dict["deletion_request"] = deletion_request
        if capabilities is not UNSET:
            field_dict["capabilities"] = capabilities

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.deletion_state import DeletionState  # noqa: PLC0415
        from ..models.instrument_reference import InstrumentReference  # noqa: PLC0415
        from ..models.link import Link  # noqa: PLC0415
        from ..models.project_reference import ProjectReference  # noqa: PLC0415
        from ..models.resource_capabilities import ResourceCapabilities  # noqa: PLC0415
        from ..models.scientific_metadata import ScientificMetadata  # noqa: PLC0415
        from ..models.user_public import UserPublic  # noqa: PLC0415

        d = dict(src_dict)
        unique_id = d.pop("unique_id")

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

        def _parse_public(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        public = _parse_public(d.pop("public", UNSET))

        def _parse_owner_orcid(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        owner_orcid = _parse_owner_orcid(d.pop("owner_orcid", UNSET))

        def _parse_owner(data: object) -> None | Unset | UserPublic:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                owner_type_0 = UserPublic.from_dict(data)

                return owner_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UserPublic, data)

        owner = _parse_owner(d.pop("owner", UNSET))

        def _parse_project_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        project_id = _parse_project_id(d.pop("project_id", UNSET))

        def _parse_project_mfid(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        project_mfid = _parse_project_mfid(d.pop("project_mfid", UNSET))

        def _parse_project(data: object) -> None | ProjectReference | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                project_type_0 = ProjectReference.from_dict(data)

                return project_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ProjectReference | Unset, data)

        project = _parse_project(d.pop("project", UNSET))

        def _parse_project_relation(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        project_relation = _parse_project_relation(d.pop("project_relation", UNSET))

        def _parse_instrument_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        instrument_id = _parse_instrument_id(d.pop("instrument_id", UNSET))

        def _parse_instrument_mfid(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        instrument_mfid = _parse_instrument_mfid(d.pop("instrument_mfid", UNSET))

        def _parse_instrument_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        instrument_name = _parse_instrument_name(d.pop("instrument_name", UNSET))

        def _parse_instrument(data: object) -> InstrumentReference | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                instrument_type_0 = InstrumentReference.from_dict(data)

                return instrument_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(InstrumentReference | None | Unset, data)

        instrument = _parse_instrument(d.pop("instrument", UNSET))

        def _parse_size(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        size = _parse_size(d.pop("size", UNSET))

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

        def _parse_modification_time(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                modification_time_type_0 = datetime.datetime.fromisoformat(data)

                return modification_time_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        modification_time = _parse_modification_time(d.pop("modification_time", UNSET))

        resource_type = d.pop("resource_type", UNSET)

        def _parse_scientific_metadata(
            data: object,
        ) -> None | ScientificMetadata | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                scientific_metadata_type_0 = ScientificMetadata.from_dict(data)

                return scientific_metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ScientificMetadata | Unset, data)

        scientific_metadata = _parse_scientific_metadata(
            d.pop("scientific_metadata", UNSET)
        )

        def _parse_links(data: object) -> list[Link] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                links_type_0 = []
                _links_type_0 = data
                for links_type_0_item_data in _links_type_0:
                    links_type_0_item = Link.from_dict(links_type_0_item_data)

                    links_type_0.append(links_type_0_item)

                return links_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Link] | None | Unset, data)

        links = _parse_links(d.pop("links", UNSET))

        def _parse_deletion_request(data: object) -> DeletionState | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                deletion_request_type_0 = DeletionState.from_dict(data)

                return deletion_request_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DeletionState | None | Unset, data)

        deletion_request = _parse_deletion_request(d.pop("deletion_request", UNSET))

        def _parse_capabilities(data: object) -> None | ResourceCapabilities | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                capabilities_type_0 = ResourceCapabilities.from_dict(data)

                return capabilities_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ResourceCapabilities | Unset, data)

        capabilities = _parse_capabilities(d.pop("capabilities", UNSET))

        dataset = cls(
            unique_id=unique_id,
            dataset_name=dataset_name,
            measurement=measurement,
            data_type=data_type,
            session_name=session_name,
            data_format=data_format,
            timestamp=timestamp,
            public=public,
            owner_orcid=owner_orcid,
            owner=owner,
            project_id=project_id,
            project_mfid=project_mfid,
            project=project,
            project_relation=project_relation,
            instrument_id=instrument_id,
            instrument_mfid=instrument_mfid,
            instrument_name=instrument_name,
            instrument=instrument,
            size=size,
            creation_time=creation_time,
            modification_time=modification_time,
            resource_type=resource_type,
            scientific_metadata=scientific_metadata,
            links=links,
            deletion_request=deletion_request,
            capabilities=capabilities,
        )

        dataset.additional_properties = d
        return dataset

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
