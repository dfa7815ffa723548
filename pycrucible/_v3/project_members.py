"""`client.v3.projects`' members and their roles (the methods `Projects` names call)."""

from __future__ import annotations

import builtins
from typing import Any, Unpack

from crucible_openapi.v3.api.projects import (
    add_project_member,
    list_project_members,
    remove_project_member,
    update_project_member,
)
from crucible_openapi.v3.models import ProjectMember, ProjectMemberOffsetPage
from crucible_openapi.v3.types import UNSET

from pycrucible._checks import project_then_user
from pycrucible._http import invoke, invoke_idempotent, parse_list
from pycrucible._records import as_record
from pycrucible._redact import get_logger
from pycrucible._v3._base import CallKwargs, V3Core, V3Resource, per_call
from pycrucible._v3._lists import page_limit, read_page, total_of
from pycrucible._v3._refs import check_page_size
from pycrucible._v3.identity import check_lookup_slug, check_user_ref
from pycrucible._v3.pages import OffsetPages
from pycrucible._v3.users import Users
from pycrucible.errors import ConflictError

__all__ = ["GRANTABLE_ROLES", "ProjectMembers"]

log = get_logger("client")

PAGE_SIZE = 100
GRANTABLE_ROLES = ("viewer", "contributor", "editor", "admin")


def _check_role(role: Any) -> str:
    if role not in GRANTABLE_ROLES:
        raise ValueError(f"role must be one of {list(GRANTABLE_ROLES)}, got {role!r}")
    return str(role)


class ProjectMembers(V3Resource):
    """A project's members: list, add, change a role, remove (`client.v3.projects.members` etc.).

    Args:
        core: The shared v3 core.
        users: The users resource (an e-mail address is resolved to the user's id through it).
    """

    def __init__(self, core: V3Core, *, users: Users) -> None:
        super().__init__(core)
        self._users = users

    @per_call
    def members(
        self,
        project_id: str,
        limit: int | None = None,
        *,
        page_size: int = PAGE_SIZE,
        **options: Unpack[CallKwargs],
    ) -> OffsetPages[ProjectMember]:
        """Lists a project's members (its lead too, as `owner`), each with `role`.

        Args:
            project_id: The project's slug or MFID.
            limit: Stop after this many members (None: all of them).
            page_size: Members per request (1 to 1000).
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=` (every page).

        Raises:
            ValueError: A bad argument (before any request).
        """
        ref = check_lookup_slug(project_id, "project_id")
        check_page_size(page_size, limit)
        size = page_limit(page_size, limit)

        def fetch(offset: int) -> tuple[builtins.list[ProjectMember], int | None]:
            response = invoke(
                list_project_members.sync_detailed,
                ref,
                client=self._api,
                limit=size,
                offset=offset,
            )
            page = read_page(response, ProjectMemberOffsetPage, f"members of {ref}")
            return as_record(page.items), total_of(page.total)

        return OffsetPages(fetch, limit)

    def _member_ref(self, orcid: str) -> str:
        kind, value = check_user_ref(orcid, "orcid")
        # An e-mail address in a URL path is deprecated: resolve it to the user's id first.
        return self._users.get(value).unique_id if kind == "email" else value

    @per_call
    def add_member(
        self,
        project_id: str,
        orcid: str,
        role: str | None = None,
        **options: Unpack[CallKwargs],
    ) -> builtins.list[ProjectMember]:
        """Adds a user to a project (editors and up; the role must be below your own). Adding
        a member again is harmless: their role stays as it is (see `set_member_role`).

        Args:
            project_id: The project's slug or MFID.
            orcid: The user: an ORCID, a user MFID, a username or an e-mail address. (The
                upstream pycrucible's order, an ORCID first and then the project, is accepted.)
            role: `viewer`, `contributor` (the server's default), `editor` or `admin`.
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=`.

        Returns:
            The project's members after the change.

        Raises:
            ValueError: A bad argument (before any request).
        """
        project_id, orcid = project_then_user(project_id, orcid)
        ref = check_lookup_slug(project_id, "project_id")
        check_user_ref(orcid, "orcid")
        wanted = UNSET if role is None else _check_role(role)
        user = self._member_ref(orcid)
        try:
            response = invoke_idempotent(
                add_project_member.sync_detailed, ref, user, client=self._api, role=wanted
            )
        except ConflictError:
            log.info("%s is already a member of %s", user, ref)
            return self.members(ref).to_list()
        return parse_list(response, ProjectMember, f"members of {ref}")

    @per_call
    def set_member_role(
        self, project_id: str, orcid: str, role: str, **options: Unpack[CallKwargs]
    ) -> builtins.list[ProjectMember]:
        """Changes a member's role (editors and up; old and new role below your own).

        Args:
            project_id: The project's slug or MFID.
            orcid: The member: an ORCID, a user MFID, a username or an e-mail address.
            role: `viewer`, `contributor`, `editor` or `admin`.
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=`.

        Returns:
            The project's members after the change.
        """
        ref = check_lookup_slug(project_id, "project_id")
        check_user_ref(orcid, "orcid")
        wanted = _check_role(role)
        user = self._member_ref(orcid)
        response = invoke(
            update_project_member.sync_detailed, ref, user, client=self._api, role=wanted
        )
        return parse_list(response, ProjectMember, f"members of {ref}")

    @per_call
    def remove_member(
        self, project_id: str, orcid: str, **options: Unpack[CallKwargs]
    ) -> builtins.list[ProjectMember]:
        """Removes a member (the project's owner, or the member themself; never the owner).

        Args:
            project_id: The project's slug or MFID.
            orcid: The member: an ORCID, a user MFID, a username or an e-mail address.
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=`.

        Returns:
            The project's members after the change.
        """
        ref = check_lookup_slug(project_id, "project_id")
        check_user_ref(orcid, "orcid")
        user = self._member_ref(orcid)
        response = invoke(remove_project_member.sync_detailed, ref, user, client=self._api)
        return parse_list(response, ProjectMember, f"members of {ref}")
