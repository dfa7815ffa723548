from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.access_grant import AccessGrant
    from ..models.resource_capabilities import ResourceCapabilities
    from ..models.scientific_metadata import ScientificMetadata
    from ..models.user_public import UserPublic


T = TypeVar("T", bound="Instrument")


@_attrs_define
class Instrument:
    """A scientific instrument."""

    unique_id: str
    """ Instrument 26-character lowercase Crockford base32 MFID. """
    instrument_id: None | str | Unset = UNSET
    """ Slug. """
    instrument_name: None | str | Unset = UNSET
    """ Name. """
    location: None | str | Unset = UNSET
    """ Location. """
    manufacturer: None | str | Unset = UNSET
    """ Manufacturer. """
    model: None | str | Unset = UNSET
    """ Model. """
    description: None | str | Unset = UNSET
    """ Description. """
    instrument_type: None | str | Unset = UNSET
    """ Instrument type. """
    other_id: None | str | Unset = UNSET
    """ Identifier in another registry. """
    other_id_source: None | str | Unset = UNSET
    """ Name of that registry. """
    status: None | str | Unset = UNSET
    """ `active`, `maintenance` or `decommissioned` (open vocabulary; changed by `set_instrument_status`). """
    owner_orcid: None | str | Unset = UNSET
    """ Canonical id of the owner: ORCID or MFID. """
    owner: None | Unset | UserPublic = UNSET
    """ The owner (with `include_owner=true`). """
    public: bool | None | Unset = UNSET
    """ Readable by everybody. """
    role: None | str | Unset = UNSET
    """ In listings: the caller's role; null when none. """
    members: list[AccessGrant] | None | Unset = UNSET
    """ Owner first, then maintainers (with `include_members=true`; null without a role). """
    creation_time: datetime.datetime | None | Unset = UNSET
    """ Server-assigned creation time. """
    modification_time: datetime.datetime | None | Unset = UNSET
    """ Server-assigned modification time. """
    resource_type: str | Unset = UNSET
    """ `instrument`. """
    scientific_metadata: None | ScientificMetadata | Unset = UNSET
    """ Metadata (with `include_metadata=true`). """
    capabilities: None | ResourceCapabilities | Unset = UNSET
    """ What the caller may do. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.resource_capabilities import ResourceCapabilities  # noqa: PLC0415
        from ..models.scientific_metadata import ScientificMetadata  # noqa: PLC0415
        from ..models.user_public import UserPublic  # noqa: PLC0415

        unique_id = self.unique_id

        instrument_id: None | str | Unset
        if isinstance(self.instrument_id, Unset):
            instrument_id = UNSET
        else:
            instrument_id = self.instrument_id

        instrument_name: None | str | Unset
        if isinstance(self.instrument_name, Unset):
            instrument_name = UNSET
        else:
            instrument_name = self.instrument_name

        location: None | str | Unset
        if isinstance(self.location, Unset):
            location = UNSET
        else:
            location = self.location

        manufacturer: None | str | Unset
        if isinstance(self.manufacturer, Unset):
            manufacturer = UNSET
        else:
            manufacturer = self.manufacturer

        model: None | str | Unset
        if isinstance(self.model, Unset):
            model = UNSET
        else:
            model = self.model

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        instrument_type: None | str | Unset
        if isinstance(self.instrument_type, Unset):
            instrument_type = UNSET
        else:
            instrument_type = self.instrument_type

        other_id: None | str | Unset
        if isinstance(self.other_id, Unset):
            other_id = UNSET
        else:
            other_id = self.other_id

        other_id_source: None | str | Unset
        if isinstance(self.other_id_source, Unset):
            other_id_source = UNSET
        else:
            other_id_source = self.other_id_source

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        else:
            status = self.status

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

        public: bool | None | Unset
        if isinstance(self.public, Unset):
            public = UNSET
        else:
            public = self.public

        role: None | str | Unset
        if isinstance(self.role, Unset):
            role = UNSET
        else:
            role = self.role

        members: list[dict[str, Any]] | None | Unset
        if isinstance(self.members, Unset):
            members = UNSET
        elif isinstance(self.members, list):
            members = []
            for members_type_0_item_data in self.members:
                members_type_0_item = members_type_0_item_data.to_dict()
                members.append(members_type_0_item)

        else:
            members = self.members

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
        if instrument_id is not UNSET:
            field_dict["instrument_id"] = instrument_id
        if instrument_name is not UNSET:
            field_dict["instrument_name"] = instrument_name
        if location is not UNSET:
            field_dict["location"] = location
        if manufacturer is not UNSET:
            field_dict["manufacturer"] = manufacturer
        if model is not UNSET:
            field_dict["model"] = model
        if description is not UNSET:
            field_dict["description"] = description
        if instrument_type is not UNSET:
            field_dict["instrument_type"] = instrument_type
        if other_id is not UNSET:
            field_dict["other_id"] = other_id
        if other_id_source is not UNSET:
            field_dict["other_id_source"] = other_id_source
        if status is not UNSET:
            field_dict["status"] = status
        if owner_orcid is not UNSET:
            field_dict["owner_orcid"] = owner_orcid
        if owner is not UNSET:
            field_dict["owner"] = owner
        if public is not UNSET:
            field_dict["public"] = public
        if role is not UNSET:
            field_dict["role"] = role
        if members is not UNSET:
            field_dict["members"] = members
        if creation_time is not UNSET:
            field_dict["creation_time"] = creation_time
        if modification_time is not UNSET:
            field_dict["modification_time"] = modification_time
        if resource_type is not UNSET:
            field_dict["resource_type"] = resource_type
        if scientific_metadata is not UNSET:
            field_dict["scientific_metadata"] = scientific_metadata
        if capabilities is not UNSET:
            field_dict["capabilities"] = capabilities

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.access_grant import AccessGrant  # noqa: PLC0415
        from ..models.resource_capabilities import ResourceCapabilities  # noqa: PLC0415
        from ..models.scientific_metadata import ScientificMetadata  # noqa: PLC0415
        from ..models.user_public import UserPublic  # noqa: PLC0415

        d = dict(src_dict)
        unique_id = d.pop("unique_id")

        def _parse_instrument_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        instrument_id = _parse_instrument_id(d.pop("instrument_id", UNSET))

        def _parse_instrument_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        instrument_name = _parse_instrument_name(d.pop("instrument_name", UNSET))

        def _parse_location(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        location = _parse_location(d.pop("location", UNSET))

        def _parse_manufacturer(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        manufacturer = _parse_manufacturer(d.pop("manufacturer", UNSET))

        def _parse_model(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        model = _parse_model(d.pop("model", UNSET))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_instrument_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        instrument_type = _parse_instrument_type(d.pop("instrument_type", UNSET))

        def _parse_other_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        other_id = _parse_other_id(d.pop("other_id", UNSET))

        def _parse_other_id_source(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        other_id_source = _parse_other_id_source(d.pop("other_id_source", UNSET))

        def _parse_status(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

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

        def _parse_public(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        public = _parse_public(d.pop("public", UNSET))

        def _parse_role(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        role = _parse_role(d.pop("role", UNSET))

        def _parse_members(data: object) -> list[AccessGrant] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                members_type_0 = []
                _members_type_0 = data
                for members_type_0_item_data in _members_type_0:
                    members_type_0_item = AccessGrant.from_dict(
                        members_type_0_item_data
                    )

                    members_type_0.append(members_type_0_item)

                return members_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[AccessGrant] | None | Unset, data)

        members = _parse_members(d.pop("members", UNSET))

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

        instrument = cls(
            unique_id=unique_id,
            instrument_id=instrument_id,
            instrument_name=instrument_name,
            location=location,
            manufacturer=manufacturer,
            model=model,
            description=description,
            instrument_type=instrument_type,
            other_id=other_id,
            other_id_source=other_id_source,
            status=status,
            owner_orcid=owner_orcid,
            owner=owner,
            public=public,
            role=role,
            members=members,
            creation_time=creation_time,
            modification_time=modification_time,
            resource_type=resource_type,
            scientific_metadata=scientific_metadata,
            capabilities=capabilities,
        )

        instrument.additional_properties = d
        return instrument

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
