from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ProjectCreate")


@_attrs_define
class ProjectCreate:
    """A new project with exactly one lead selector: `project_lead` (any user reference) or one of `project_lead_orcid`,
    `project_lead_email`, `project_lead_username` (both or none: 400). `project_id` is client-chosen and unique, so a
    retried create cannot duplicate the project.

    """

    project_id: str
    """ Slug, 3-25 characters. """
    organization: str
    """ Organization. """
    title: str | Unset = UNSET
    """ Title. """
    status: str | Unset = UNSET
    """ Lifecycle status, e.g. `active` (open vocabulary). """
    project_lead: str | Unset = UNSET
    """ Lead as a user reference (ORCID, MFID, username or email). """
    project_lead_orcid: str | Unset = UNSET
    """ Lead's ORCID. """
    project_lead_email: str | Unset = UNSET
    """ Lead's email. """
    project_lead_username: str | Unset = UNSET
    """ Lead's username. """

    def to_dict(self) -> dict[str, Any]:
        project_id = self.project_id

        organization = self.organization

        title = self.title

        status = self.status

        project_lead = self.project_lead

        project_lead_orcid = self.project_lead_orcid

        project_lead_email = self.project_lead_email

        project_lead_username = self.project_lead_username

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "project_id": project_id,
                "organization": organization,
            }
        )
        if title is not UNSET:
            field_dict["title"] = title
        if status is not UNSET:
            field_dict["status"] = status
        if project_lead is not UNSET:
            field_dict["project_lead"] = project_lead
        if project_lead_orcid is not UNSET:
            field_dict["project_lead_orcid"] = project_lead_orcid
        if project_lead_email is not UNSET:
            field_dict["project_lead_email"] = project_lead_email
        if project_lead_username is not UNSET:
            field_dict["project_lead_username"] = project_lead_username

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        project_id = d.pop("project_id")

        organization = d.pop("organization")

        title = d.pop("title", UNSET)

        status = d.pop("status", UNSET)

        project_lead = d.pop("project_lead", UNSET)

        project_lead_orcid = d.pop("project_lead_orcid", UNSET)

        project_lead_email = d.pop("project_lead_email", UNSET)

        project_lead_username = d.pop("project_lead_username", UNSET)

        project_create = cls(
            project_id=project_id,
            organization=organization,
            title=title,
            status=status,
            project_lead=project_lead,
            project_lead_orcid=project_lead_orcid,
            project_lead_email=project_lead_email,
            project_lead_username=project_lead_username,
        )

        return project_create
