"""Access control: dataset access groups and users' group memberships."""

from __future__ import annotations

from collections.abc import Mapping

from crucible_openapi.v1.api.access import (
    add_dataset_access_group,
    add_user_to_access_group,
    get_user_dataset_access,
    list_dataset_access_groups,
    list_user_access_groups,
    list_user_datasets,
    remove_user_from_access_group,
)
from crucible_openapi.v1.models import AccessGrant, AccessGroup, DatasetAccess, Message

from pycrucible._checks import check_id
from pycrucible._core import Resource, per_call
from pycrucible._http import invoke, invoke_idempotent, parse_list, parse_one

__all__ = ["Access"]


class Access(Resource):
    """Who may read and write what."""

    @per_call
    def get_dataset_access_groups(
        self,
        dsid: str,
        *,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> list[str]:
        """Names of the groups that may read or write a dataset (admin only)."""
        ds = check_id(dsid, "dsid")
        groups = parse_list(
            invoke(list_dataset_access_groups.sync_detailed, dsid=ds, client=self._api),
            AccessGroup,
            f"access groups of {ds}",
        )
        return [group.group_name for group in groups]

    @per_call
    def add_dataset_access_group(
        self,
        dsid: str,
        group_name: str,
        read: bool = True,
        write: bool = False,
        *,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> AccessGrant:
        """Gives a group access to a dataset; granting again updates the flags.

        Args:
            dsid: The dataset's `unique_id`.
            group_name: The group (a project's group is named after its `project_id`).
            read: May read.
            write: May write.
        """
        ds = check_id(dsid, "dsid")
        group = check_id(group_name, "group_name")
        response = invoke_idempotent(
            add_dataset_access_group.sync_detailed,
            dsid=ds,
            group_name=group,
            read=bool(read),
            write=bool(write),
            client=self._api,
        )
        return parse_one(response, AccessGrant, f"access of {group} to {ds}")

    @per_call
    def get_user_access_groups(
        self,
        orcid: str,
        *,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> list[str]:
        """Names of the groups a user belongs to (users may list their own)."""
        user = check_id(orcid, "orcid")
        response = invoke(list_user_access_groups.sync_detailed, orcid=user, client=self._api)
        return parse_list(response, str, f"access groups of {user}")

    @per_call
    def add_user_to_access_group(
        self,
        orcid: str,
        group_name: str,
        *,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> AccessGroup:
        """Adds a user to a group, creating the group if needed (admin only)."""
        user = check_id(orcid, "orcid")
        group = check_id(group_name, "group_name")
        response = invoke_idempotent(
            add_user_to_access_group.sync_detailed, orcid=user, group_name=group, client=self._api
        )
        return parse_one(response, AccessGroup, f"group {group}")

    @per_call
    def remove_user_from_access_group(
        self,
        orcid: str,
        group_name: str,
        *,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Message:
        """Removes a user from a group (admin only)."""
        user = check_id(orcid, "orcid")
        group = check_id(group_name, "group_name")
        response = invoke(
            remove_user_from_access_group.sync_detailed,
            orcid=user,
            group_name=group,
            client=self._api,
        )
        return parse_one(response, Message, f"removal of {user} from {group}")

    @per_call
    def get_user_datasets(
        self,
        orcid: str,
        *,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> list[str]:
        """The `unique_id`s of every dataset a user may read (users may list their own)."""
        user = check_id(orcid, "orcid")
        response = invoke(list_user_datasets.sync_detailed, orcid=user, client=self._api)
        return parse_list(response, str, f"datasets of {user}")

    @per_call
    def get_user_dataset_access(
        self,
        orcid: str,
        dsid: str,
        *,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> DatasetAccess:
        """Whether a user may read and write one dataset (`access["read"]`, `access["write"]`)."""
        user = check_id(orcid, "orcid")
        ds = check_id(dsid, "dsid")
        return parse_one(
            invoke(get_user_dataset_access.sync_detailed, orcid=user, dsid=ds, client=self._api),
            DatasetAccess,
            f"access of {user} to {ds}",
        )
