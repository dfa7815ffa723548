from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.project_member import ProjectMember
    from ..models.resource_capabilities import ResourceCapabilities
    from ..models.scientific_metadata import ScientificMetadata
    from ..models.user_public import UserPublic


T = TypeVar("T", bound="Project")


@_attrs_define
class Project:
    """A research project."""

    project_id: str
    """ Project slug. """
    unique_id: str | Unset = UNSET
    """ Project 26-character lowercase Crockford base32 MFID. """
    organization: None | str | Unset = UNSET
    """ Organization. """
    title: None | str | Unset = UNSET
    """ Title. """
    status: None | str | Unset = UNSET
    """ Lifecycle status, e.g. `active` (open vocabulary). """
    lead: None | Unset | UserPublic = UNSET
    """ The project lead (public-safe). """
    role: None | str | Unset = UNSET
    """ In listings: the caller's (or the listed user's) role; null when visible only through a platform role or
    grant. """
    scientific_metadata: None | ScientificMetadata | Unset = UNSET
    """ Metadata (members and admins only, with `include_metadata=true`). """
    members: list[ProjectMember] | None | Unset = UNSET
    """ Members (with `include_members=true`; null for non-members). """
    creation_time: datetime.datetime | None | Unset = UNSET
    """ Server-assigned creation time. """
    modification_time: datetime.datetime | None | Unset = UNSET
    """ Server-assigned modification time. """
    capabilities: None | ResourceCapabilities | Unset = UNSET
    """ What the caller may do. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.resource_capabilities import ResourceCapabilities  # noqa: PLC0415
        from ..models.scientific_metadata import ScientificMetadata  # noqa: PLC0415
        from ..models.user_public import UserPublic  # noqa: PLC0415

        project_id = self.project_id

        unique_id = self.unique_id

        organization: None | str | Unset
        if isinstance(self.organization, Unset):
            organization = UNSET
        else:
            organization = self.organization

        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        else:
            status = self.status

        lead: dict[str, Any] | None | Unset
        if isinstance(self.lead, Unset):
            lead = UNSET
        elif isinstance(self.lead, UserPublic):
            lead = self.lead.to_dict()
        else:
            lead = self.lead

        role: None | str | Unset
        if isinstance(self.role, Unset):
            role = UNSET
        else:
            role = self.role

        scientific_metadata: dict[str, Any] | None | Unset
        if isinstance(self.scientific_metadata, Unset):
            scientific_metadata = UNSET
        elif isinstance(self.scientific_metadata, ScientificMetadata):
            scientific_metadata = self.scientific_metadata.to_dict()
        else:
            scientific_metadata = self.scientific_metadata

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
                "project_id": project_id,
            }
        )
        if unique_id is not UNSET:
            field_dict["unique_id"] = unique_id
        if organization is not UNSET:
            field_dict["organization"] = organization
        if title is not UNSET:
            field_dict["title"] = title
        if status is not UNSET:
            field_dict["status"] = status
        if lead is not UNSET:
            field_dict["lead"] = lead
        if role is not UNSET:
            field_dict["role"] = role
        if scientific_metadata is not UNSET:
            field_dict["scientific_metadata"] = scientific_metadata
        if members is not UNSET:
            field_dict["members"] = members
        if creation_time is not UNSET:
            field_dict["creation_time"] = creation_time
        if modification_time is not UNSET:
            field_dict["modification_time"] = modification_time
        if capabilities is not UNSET:
            field_dict["capabilities"] = capabilities

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.project_member import ProjectMember  # noqa: PLC0415
        from ..models.resource_capabilities import ResourceCapabilities  # noqa: PLC0415
        from ..models.scientific_metadata import ScientificMetadata  # noqa: PLC0415
        from ..models.user_public import UserPublic  # noqa: PLC0415

        d = dict(src_dict)
        project_id = d.pop("project_id")

        unique_id = d.pop("unique_id", UNSET)

        def _parse_organization(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        organization = _parse_organization(d.pop("organization", UNSET))

        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        def _parse_status(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        def _parse_lead(data: object) -> None | Unset | UserPublic:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                lead_type_0 = UserPublic.from_dict(data)

                return lead_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UserPublic, data)

        lead = _parse_lead(d.pop("lead", UNSET))

        def _parse_role(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        role = _parse_role(d.pop("role", UNSET))

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

        def _parse_members(data: object) -> list[ProjectMember] | None | Unset:
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
                    members_type_0_item = ProjectMember.from_dict(
                        members_type_0_item_data
                    )

                    members_type_0.append(members_type_0_item)

                return members_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ProjectMember] | None | Unset, data)

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

        project = cls(
            project_id=project_id,
            unique_id=unique_id,
            organization=organization,
            title=title,
            status=status,
            lead=lead,
            role=role,
            scientific_metadata=scientific_metadata,
            members=members,
            creation_time=creation_time,
            modification_time=modification_time,
            capabilities=capabilities,
        )

        project.additional_properties = d
        return project

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
