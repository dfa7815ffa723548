from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ProjectUpdate")


@_attrs_define
class ProjectUpdate:
    """Partial update of a project. Leadership changes through ownership transfer (422 here)."""

    project_id: str | Unset = UNSET
    """ New slug (rename). """
    organization: str | Unset = UNSET
    """ Organization. """
    status: str | Unset = UNSET
    """ Lifecycle status (open vocabulary). """
    title: str | Unset = UNSET
    """ Title. """

    def to_dict(self) -> dict[str, Any]:
        project_id = self.project_id

        organization = self.organization

        status = self.status

        title = self.title

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if project_id is not UNSET:
            field_dict["project_id"] = project_id
        if organization is not UNSET:
            field_dict["organization"] = organization
        if status is not UNSET:
            field_dict["status"] = status
        if title is not UNSET:
            field_dict["title"] = title

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        project_id = d.pop("project_id", UNSET)

        organization = d.pop("organization", UNSET)

        status = d.pop("status", UNSET)

        title = d.pop("title", UNSET)

        project_update = cls(
            project_id=project_id,
            organization=organization,
            status=status,
            title=title,
        )

        return project_update
