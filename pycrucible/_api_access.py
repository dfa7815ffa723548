"""Access control: dataset access groups and users' group memberships."""

from __future__ import annotations

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
from pycrucible._core import ClientCore
from pycrucible._http import parse_list, parse_one

__all__ = ["AccessMixin"]


class AccessMixin(ClientCore):
    """Who may read and write what."""

    def get_dataset_access_groups(self, dsid: str) -> list[str]:
        """Names of the groups that may read or write a dataset (admin only)."""
        ds = check_id(dsid, "dsid")
        groups = self._list(
            list_dataset_access_groups, AccessGroup, f"access groups of {ds}", dsid=ds
        )
        return [group.group_name for group in groups]

    def add_dataset_access_group(
        self, dsid: str, group_name: str, read: bool = True, write: bool = False
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
        response = self._send_idempotent(
            add_dataset_access_group, dsid=ds, group_name=group, read=bool(read), write=bool(write)
        )
        return parse_one(response, AccessGrant, f"access of {group} to {ds}")

    def get_user_access_groups(self, orcid: str) -> list[str]:
        """Names of the groups a user belongs to (users may list their own)."""
        user = check_id(orcid, "orcid")
        response = self._call(list_user_access_groups, orcid=user)
        return parse_list(response, str, f"access groups of {user}")

    def add_user_to_access_group(self, orcid: str, group_name: str) -> AccessGroup:
        """Adds a user to a group, creating the group if needed (admin only)."""
        user = check_id(orcid, "orcid")
        group = check_id(group_name, "group_name")
        response = self._send_idempotent(add_user_to_access_group, orcid=user, group_name=group)
        return parse_one(response, AccessGroup, f"group {group}")

    def remove_user_from_access_group(self, orcid: str, group_name: str) -> Message:
        """Removes a user from a group (admin only)."""
        user = check_id(orcid, "orcid")
        group = check_id(group_name, "group_name")
        response = self._call(remove_user_from_access_group, orcid=user, group_name=group)
        return parse_one(response, Message, f"removal of {user} from {group}")

    def get_user_datasets(self, orcid: str) -> list[str]:
        """The `unique_id`s of every dataset a user may read (users may list their own)."""
        user = check_id(orcid, "orcid")
        response = self._call(list_user_datasets, orcid=user)
        return parse_list(response, str, f"datasets of {user}")

    def get_user_dataset_access(self, orcid: str, dsid: str) -> DatasetAccess:
        """Whether a user may read and write one dataset (`access["read"]`, `access["write"]`)."""
        user = check_id(orcid, "orcid")
        ds = check_id(dsid, "dsid")
        return self._one(
            get_user_dataset_access, DatasetAccess, f"access of {user} to {ds}", orcid=user, dsid=ds
        )
