from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.resource_capabilities import ResourceCapabilities
    from ..models.scientific_metadata import ScientificMetadata
    from ..models.user_public import UserPublic


T = TypeVar("T", bound="ResourceRecord")


@_attrs_define
class ResourceRecord:
    """A dataset, sample, project or instrument, told apart by `resource_type`; the fields of that type are kept."""

    unique_id: str
    """ MFID of the record. """
    resource_type: str
    """ `dataset`, `sample`, `project` or `instrument` (open vocabulary). """
    public: bool | None | Unset = UNSET
    """ Readable by everybody. """
    owner_orcid: None | str | Unset = UNSET
    """ Canonical id of the owner. """
    owner: None | Unset | UserPublic = UNSET
    """ The owner (with `include_owner=true`). """
    creation_time: datetime.datetime | None | Unset = UNSET
    """ Server-assigned creation time. """
    modification_time: datetime.datetime | None | Unset = UNSET
    """ Server-assigned modification time. """
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

        resource_type = self.resource_type

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
                "resource_type": resource_type,
            }
        )
        if public is not UNSET:
            field_dict["public"] = public
        if owner_orcid is not UNSET:
            field_dict["owner_orcid"] = owner_orcid
        if owner is not UNSET:
            field_dict["owner"] = owner
        if creation_time is not UNSET:
            field_dict["creation_time"] = creation_time
        if modification_time is not UNSET:
            field_dict["modification_time"] = modification_time
        if scientific_metadata is not UNSET:
            field_dict["scientific_metadata"] = scientific_metadata
        if capabilities is not UNSET:
            field_dict["capabilities"] = capabilities

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.resource_capabilities import ResourceCapabilities  # noqa: PLC0415
        from ..models.scientific_metadata import ScientificMetadata  # noqa: PLC0415
        from ..models.user_public import UserPublic  # noqa: PLC0415

        d = dict(src_dict)
        unique_id = d.pop("unique_id")

        resource_type = d.pop("resource_type")

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

        resource_record = cls(
            unique_id=unique_id,
            resource_type=resource_type,
            public=public,
            owner_orcid=owner_orcid,
            owner=owner,
            creation_time=creation_time,
            modification_time=modification_time,
            scientific_metadata=scientific_metadata,
            capabilities=capabilities,
        )

        resource_record.additional_properties = d
        return resource_record

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
