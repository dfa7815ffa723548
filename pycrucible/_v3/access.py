"""`client.v3.access`: who may read and change a record, visibility, owner and project on API v3.

Access is a list of role grants per record (dataset, sample, project or instrument, by MFID):
`viewer` < `contributor` < `editor` < `admin` < `owner`. A user or a project receives a role
with `grant`; `owner` changes hands only through `transfer_ownership`. Public visibility is a
grant too (`make_public` / `make_private`). Ownership transfer and project reassignment are
two-step: without `confirm=True` they only preview what would change.
"""

from __future__ import annotations

import builtins
from contextlib import nullcontext
from typing import Any, Literal, NoReturn, Unpack

from crucible_openapi.v3.api.access import (
    add_resource_access_group,
    grant_resource_access,
    list_resource_access,
    list_resource_access_groups,
    make_resource_private,
    make_resource_public,
    reassign_resource_project,
    revoke_resource_access,
    transfer_resource_ownership,
)
from crucible_openapi.v3.api.users import get_user_dataset_access
from crucible_openapi.v3.models import (
    AccessGrant,
    AccessGrantRequest,
    AccessGroupEntry,
    ActionResult,
    EffectiveResourceAccess,
    OwnershipTransfer,
    OwnershipTransferRequest,
    ProjectReassignment,
    ProjectReassignmentRequest,
)

from pycrucible._checks import check_id
from pycrucible._http import invoke, invoke_idempotent, parse_list, parse_one
from pycrucible._redact import get_logger
from pycrucible._transport import idempotent_calls
from pycrucible._v3._base import CallKwargs, V3Resource, per_call, unsupported
from pycrucible._v3._workflow import action_result, check_choice, looks_like_mfid

__all__ = ["GRANT_ROLES", "WRITE_ROLES", "Access"]

log = get_logger("client")

# Roles `grant` gives; `owner` moves only by transfer.
GRANT_ROLES = ("viewer", "contributor", "editor", "admin")
# Effective roles that may change a dataset (the seed era's `write`).
WRITE_ROLES = frozenset({"editor", "admin", "owner", "platform_admin"})
_KINDS = {"user": "users", "project": "projects"}


def _role(role: Any) -> str:
    if role == "owner":
        raise ValueError(
            "role 'owner' is not granted: use transfer_ownership(mfid, new_owner) to change "
            "the owner"
        )
    return check_choice(role, "role", GRANT_ROLES)


def _kind(kind: Any) -> str:
    return _KINDS[check_choice(kind, "kind", tuple(_KINDS))]


class Access(V3Resource):
    """`client.v3.access`: grants, visibility, owner and project of records."""

    @per_call
    def list(self, mfid: str, **options: Unpack[CallKwargs]) -> builtins.list[AccessGrant]:
        """Every grant on a record, the owner first.

        Args:
            mfid: The record's MFID (dataset, sample, project or instrument).
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=`.

        Returns:
            Grants with `principal_id`, `principal_type` (user, service_account, project,
            public, ...), `permission` (the role), and `slug` / `display_name` when known.

        Raises:
            ValueError: A bad MFID (before any request).
            NotFoundError: No such record (or it is hidden from you).
        """
        record = check_id(mfid, "mfid")
        response = invoke(list_resource_access.sync_detailed, record, client=self._api)
        return parse_list(response, AccessGrant, f"access to {record}")

    @per_call
    def grant(
        self,
        mfid: str,
        principal: str,
        role: str,
        *,
        kind: Literal["user", "project"] = "user",
        **options: Unpack[CallKwargs],
    ) -> AccessGrant:
        """Gives a user or a project a role on a record (granting again changes the role).

        You need `admin` (or `owner`) on the record, and may grant only roles below your own.

        Args:
            mfid: The record's MFID.
            principal: The user (ORCID, MFID or username), or with `kind="project"` the
                project (slug or MFID).
            role: `"viewer"`, `"contributor"`, `"editor"` or `"admin"`.
            kind: `"user"` or `"project"`.
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=`.

        Raises:
            ValueError: A bad argument, or role `"owner"` (use `transfer_ownership`), before
                any request.
            PermissionDeniedError: You may not grant this role here.
            NotFoundError: No such record, user or project.
        """
        record = check_id(mfid, "mfid")
        who = check_id(principal, "principal")
        permission = _role(role)
        route = _kind(kind)
        response = invoke_idempotent(
            grant_resource_access.sync_detailed,
            record,
            route,
            who,
            client=self._api,
            body=AccessGrantRequest(permission=permission),
        )
        log.info("granted %s to %s %s on %s", permission, kind, who, record)
        return parse_one(response, AccessGrant, f"grant on {record}")

    @per_call
    def revoke(
        self,
        mfid: str,
        principal: str,
        *,
        kind: Literal["user", "project"] = "user",
        **options: Unpack[CallKwargs],
    ) -> ActionResult:
        """Removes a user's or a project's grant on a record (no grant: nothing changes).

        Args:
            mfid: The record's MFID.
            principal: The user (ORCID, MFID or username), or the project (slug or MFID).
            kind: `"user"` or `"project"`.
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=`.

        Raises:
            ValueError: A bad argument (before any request).
        """
        record = check_id(mfid, "mfid")
        who = check_id(principal, "principal")
        route = _kind(kind)
        response = invoke(
            revoke_resource_access.sync_detailed, record, route, who, client=self._api
        )
        log.info("revoked the grant of %s %s on %s", kind, who, record)
        return action_result(response, f"grant of {who} on {record}")

    @per_call
    def make_public(self, mfid: str, **options: Unpack[CallKwargs]) -> AccessGrant:
        """Makes a record readable by everyone (a `viewer` grant to `public`).

        Args:
            mfid: The record's MFID.
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=`.
        """
        record = check_id(mfid, "mfid")
        response = invoke_idempotent(make_resource_public.sync_detailed, record, client=self._api)
        return parse_one(response, AccessGrant, f"public grant on {record}")

    @per_call
    def make_private(self, mfid: str, **options: Unpack[CallKwargs]) -> ActionResult:
        """Removes a record's public grant (its other grants stay).

        Args:
            mfid: The record's MFID.
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=`.
        """
        record = check_id(mfid, "mfid")
        response = invoke(make_resource_private.sync_detailed, record, client=self._api)
        return action_result(response, f"public grant on {record}")

    # The seed era's access groups (deprecated on API v3, still served)

    @per_call
    def groups(self, dsid: str, **options: Unpack[CallKwargs]) -> builtins.list[str]:
        """Names of the access groups that may read or write a record (project slugs, user ids).

        The seed era's view of the grants; `list(mfid)` gives the roles too.

        Args:
            dsid: The dataset's (or any record's) MFID.
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=`.
        """
        record = check_id(dsid, "dsid")
        response = invoke(list_resource_access_groups.sync_detailed, record, client=self._api)
        entries = parse_list(response, AccessGroupEntry, f"access groups of {record}")
        return [entry.group_name for entry in entries if isinstance(entry.group_name, str)]

    @per_call
    def add_group(
        self,
        dsid: str,
        group_name: str,
        read: bool = True,
        write: bool = False,
        **options: Unpack[CallKwargs],
    ) -> AccessGroupEntry:
        """Gives an access group (a project slug or a user id) read or write access (admins).

        On API v3 read becomes the `viewer` role and write the `editor` role; `grant` sets any
        role.

        Args:
            dsid: The dataset's (or any record's) MFID.
            group_name: The group: a project's slug, or a user's id.
            read: May read.
            write: May write.
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=`.

        Raises:
            PermissionDeniedError: Not a platform administrator in elevated mode.
        """
        record = check_id(dsid, "dsid")
        group = check_id(group_name, "group_name")
        response = invoke_idempotent(
            add_resource_access_group.sync_detailed,
            record,
            client=self._api,
            group_name=group,
            read=bool(read),
            write=bool(write),
        )
        return parse_one(response, AccessGroupEntry, f"access of {group} to {record}")

    # Owner and project: preview, then confirm

    @per_call
    def transfer_ownership(
        self,
        mfid: str,
        new_owner: str,
        confirm: bool = False,
        **options: Unpack[CallKwargs],
    ) -> OwnershipTransfer:
        """Previews, or with `confirm=True` performs, handing a record to another owner.

        Args:
            mfid: The record's MFID (you must own it).
            new_owner: The new owner (ORCID, MFID or username).
            confirm: False (default) only previews; True makes the change.
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=`.

        Returns:
            `previous_owner` and `new_owner` (user records), and `resource_id`.

        Raises:
            PermissionDeniedError: You do not own the record.
            NotFoundError: No such record or user.
        """
        record = check_id(mfid, "mfid")
        owner = check_id(new_owner, "new_owner")
        body = OwnershipTransferRequest(new_owner=owner)
        # A preview is safe to repeat; a repeated transfer would find you no longer the owner.
        with nullcontext() if confirm else idempotent_calls():
            response = invoke(
                transfer_resource_ownership.sync_detailed,
                record,
                client=self._api,
                body=body,
                confirm=bool(confirm),
            )
        if confirm:
            log.info("transferred %s to %s", record, owner)
        return parse_one(response, OwnershipTransfer, f"ownership of {record}")

    @per_call
    def reassign_project(
        self,
        mfid: str,
        project: str,
        confirm: bool = False,
        **options: Unpack[CallKwargs],
    ) -> ProjectReassignment:
        """Previews, or with `confirm=True` performs, moving a dataset or sample to a project.

        Args:
            mfid: The dataset's or sample's MFID (you must own it).
            project: The target project: its MFID, or its slug (`project_id`).
            confirm: False (default) only previews; True makes the change.
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=`.

        Returns:
            The previous and new project (slugs and MFIDs).

        Raises:
            PermissionDeniedError: You do not own the record or may not add to the project.
            NotFoundError: No such record or project.
        """
        record = check_id(mfid, "mfid")
        target = check_id(project, "project")
        body = (
            ProjectReassignmentRequest(project_mfid=target)
            if looks_like_mfid(target)
            else ProjectReassignmentRequest(project_id=target)
        )
        # Moving to the same project again changes nothing: safe to repeat.
        response = invoke_idempotent(
            reassign_resource_project.sync_detailed,
            record,
            client=self._api,
            body=body,
            confirm=bool(confirm),
        )
        if confirm:
            log.info("moved %s to project %s", record, target)
        return parse_one(response, ProjectReassignment, f"project of {record}")

    # A user's access

    @per_call
    def user_access(
        self, orcid: str, dsid: str, **options: Unpack[CallKwargs]
    ) -> EffectiveResourceAccess:
        """A user's effective role on a dataset (your own; anyone's for platform admins).

        The record also reads like the seed era's answer: `access["read"]` (any role) and
        `access["write"]` (`editor` and up).

        Args:
            orcid: The user (ORCID, MFID or username).
            dsid: The dataset's MFID.
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=`.

        Returns:
            `effective_access`: none, viewer, contributor, editor, admin, owner or
            platform_admin; with `resource_mfid` and `user_id`.
        """
        user = check_id(orcid, "orcid")
        ds = check_id(dsid, "dsid")
        response = invoke(get_user_dataset_access.sync_detailed, user, ds, client=self._api)
        access = parse_one(response, EffectiveResourceAccess, f"access of {user} to {ds}")
        role = access.effective_access
        access.additional_properties.setdefault("read", role != "none")
        access.additional_properties.setdefault("write", role in WRITE_ROLES)
        return access

    def user_datasets(self, *args: Any, **kwargs: Any) -> NoReturn:
        """Gone in API v3 (a user's dataset list): raises `UnsupportedByServerError`."""
        unsupported(
            "get_user_datasets (a user's list of dataset ids)",
            "list_datasets() with that user's key, or get_user_dataset_access(orcid, dsid)",
        )
