from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.scientific_metadata import ScientificMetadata


T = TypeVar("T", bound="ResourceSearchResult")


@_attrs_define
class ResourceSearchResult:
    """A record whose metadata matches a full-text search."""

    unique_id: str
    """ MFID. """
    resource_type: str | Unset = UNSET
    """ `dataset`, `sample`, `project` or `instrument` (open vocabulary). """
    name: None | str | Unset = UNSET
    """ Name of the record. """
    owner_orcid: None | str | Unset = UNSET
    """ Canonical id of the owner. """
    creation_time: datetime.datetime | None | Unset = UNSET
    """ Creation time. """
    modification_time: datetime.datetime | None | Unset = UNSET
    """ Modification time. """
    rank: float | None | Unset = UNSET
    """ Relevance; higher is better. """
    scientific_metadata: None | ScientificMetadata | Unset = UNSET
    """ The matching metadata. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.scientific_metadata import ScientificMetadata  # noqa: PLC0415

        unique_id = self.unique_id

        resource_type = self.resource_type

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        owner_orcid: None | str | Unset
        if isinstance(self.owner_orcid, Unset):
            owner_orcid = UNSET
        else:
            owner_orcid = self.owner_orcid

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

        rank: float | None | Unset
        if isinstance(self.rank, Unset):
            rank = UNSET
        else:
            rank = self.rank

        scientific_metadata: dict[str, Any] | None | Unset
        if isinstance(self.scientific_metadata, Unset):
            scientific_metadata = UNSET
        elif isinstance(self.scientific_metadata, ScientificMetadata):
            scientific_metadata = self.scientific_metadata.to_dict()
        else:
            scientific_metadata = self.scientific_metadata

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "unique_id": unique_id,
            }
        )
        if resource_type is not UNSET:
            field_dict["resource_type"] = resource_type
        if name is not UNSET:
            field_dict["name"] = name
        if owner_orcid is not UNSET:
            field_dict["owner_orcid"] = owner_orcid
        if creation_time is not UNSET:
            field_dict["creation_time"] = creation_time
        if modification_time is not UNSET:
            field_dict["modification_time"] = modification_time
        if rank is not UNSET:
            field_dict["rank"] = rank
        if scientific_metadata is not UNSET:
            field_dict["scientific_metadata"] = scientific_metadata

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.scientific_metadata import ScientificMetadata  # noqa: PLC0415

        d = dict(src_dict)
        unique_id = d.pop("unique_id")

        resource_type = d.pop("resource_type", UNSET)

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_owner_orcid(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        owner_orcid = _parse_owner_orcid(d.pop("owner_orcid", UNSET))

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

        def _parse_rank(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        rank = _parse_rank(d.pop("rank", UNSET))

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

        resource_search_result = cls(
            unique_id=unique_id,
            resource_type=resource_type,
            name=name,
            owner_orcid=owner_orcid,
            creation_time=creation_time,
            modification_time=modification_time,
            rank=rank,
            scientific_metadata=scientific_metadata,
        )

        resource_search_result.additional_properties = d
        return resource_search_result

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
