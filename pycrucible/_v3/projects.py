"""`client.v3.projects`: projects by MFID or slug, their creation and their members' roles."""

from __future__ import annotations

import builtins
from typing import Any, Unpack

from crucible_openapi.v3.api.account import get_account
from crucible_openapi.v3.api.projects import (
    create_project,
    get_project,
    list_projects,
    search_projects,
    update_project,
)
from crucible_openapi.v3.models import (
    AccountInfo,
    Project,
    ProjectCreate,
    ProjectOffsetPage,
    ProjectSearchResults,
    ProjectUpdate,
)
from crucible_openapi.v3.types import UNSET

from pycrucible._checks import check_text
from pycrucible._delegate import delegate
from pycrucible._http import invoke, invoke_idempotent, parse_one
from pycrucible._records import as_record
from pycrucible._redact import get_logger
from pycrucible._v3._base import CallKwargs, V3Core, V3Resource, opt_text, per_call, update_fields
from pycrucible._v3._lists import page_limit, read_page, total_of
from pycrucible._v3._refs import check_page_size
from pycrucible._v3._search import check_search
from pycrucible._v3.identity import check_lookup_slug, check_new_slug, check_user_ref
from pycrucible._v3.pages import OffsetPages
from pycrucible._v3.project_members import GRANTABLE_ROLES, ProjectMembers
from pycrucible._v3.users import Users
from pycrucible.errors import ConflictError, NotFoundError

__all__ = ["GRANTABLE_ROLES", "Projects"]

log = get_logger("client")

PAGE_SIZE = 100
_EDITABLE = update_fields(ProjectUpdate)


class Projects(V3Resource):
    """`client.v3.projects`: list, get, create, update and search projects; their members.

    Args:
        core: The shared v3 core.
        users: The users resource (member and lead references by username or e-mail are
            resolved through it).
    """

    def __init__(self, core: V3Core, *, users: Users) -> None:
        super().__init__(core)
        self._users = users
        self._members = ProjectMembers(core, users=users)

    @per_call
    def list(
        self,
        orcid: str | None = None,
        limit: int | None = None,
        *,
        page_size: int = PAGE_SIZE,
        member_role: str | None = None,
        **options: Unpack[CallKwargs],
    ) -> OffsetPages[Project]:
        """Lists the projects you can see, or one user's projects, fetching pages as needed.

        Args:
            orcid: Only this user's projects (ORCID, MFID, username or e-mail), each with
                that user's `role`. None: the projects you can see, each with your `role`.
            limit: Stop after this many projects (None: all of them).
            page_size: Projects per request (1 to 1000).
            member_role: With `orcid`: only projects where the user has this role.
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=` (every page).

        Raises:
            ValueError: A bad argument (before any request).
        """
        if orcid is not None:
            return self._users.projects(orcid, limit, page_size=page_size, role=member_role)
        if member_role is not None:
            raise ValueError("member_role needs orcid (whose role to filter on)")
        check_page_size(page_size, limit)
        size = page_limit(page_size, limit)

        def fetch(offset: int) -> tuple[builtins.list[Project], int | None]:
            response = invoke(
                list_projects.sync_detailed, client=self._api, limit=size, offset=offset
            )
            page = read_page(response, ProjectOffsetPage, "project list")
            return as_record(page.items), total_of(page.total)

        return OffsetPages(fetch, limit)

    @per_call
    def get(
        self,
        project_id: str,
        include_metadata: bool = False,
        include_members: bool = False,
        **options: Unpack[CallKwargs],
    ) -> Project:
        """Reads one project (any project, by MFID or slug).

        Args:
            project_id: The project's slug (e.g. `"MFP08540"`) or MFID.
            include_metadata: Also return its `scientific_metadata` (members only).
            include_members: Also return its `members` with their roles (members only).
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=`.

        Raises:
            ValueError: Not a slug or MFID (before any request).
            NotFoundError: No such project.
        """
        ref = check_lookup_slug(project_id, "project_id")
        response = invoke(
            get_project.sync_detailed,
            ref,
            client=self._api,
            include_metadata=True if include_metadata else UNSET,
            include_members=True if include_members else UNSET,
        )
        return parse_one(response, Project, f"project {ref}")

    @per_call
    def create(
        self,
        project_id: str,
        organization: str,
        *,
        title: str | None = None,
        status: str | None = None,
        lead: str | None = None,
        **options: Unpack[CallKwargs],
    ) -> Project:
        """Creates a project led by `lead` (default: you); when the slug exists, returns that
        project instead. Safe to retry (the slug is unique).

        Args:
            project_id: Its slug: 3 to 25 letters, digits, `_` or `-`.
            organization: The organization it belongs to.
            title: Its title.
            status: Its status (e.g. `"active"`, the server's default).
            lead: Its lead, who owns it: a user (ORCID, MFID, username or e-mail).
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=`.

        Raises:
            ValueError: A bad argument (before any request).
            UnprocessableEntityError: The lead is unknown.
        """
        slug = check_new_slug(project_id, "project_id")
        org = check_text(organization, "organization")
        body = ProjectCreate(
            project_id=slug,
            organization=org,
            title=opt_text(title, "title"),
            status=opt_text(status, "status"),
            project_lead=check_user_ref(lead, "lead")[1] if lead is not None else self._me(),
        )
        try:
            response = invoke_idempotent(create_project.sync_detailed, client=self._api, body=body)
        except ConflictError:
            log.info("project %s already exists; returning it", slug)
            return self.get(slug)
        log.info("created project %s", slug)
        return parse_one(response, Project, f"new project {slug}")

    def _me(self) -> str:
        response = invoke(get_account.sync_detailed, client=self._api)
        return parse_one(response, AccountInfo, "account").user_unique_id

    @per_call
    def get_or_create(
        self,
        project_id: str,
        organization: str | None = None,
        project_lead_email: str | None = None,
        title: str | None = None,
        status: str | None = None,
        project_lead_name: str | None = None,
        **options: Unpack[CallKwargs],
    ) -> Project:
        """Returns the project, creating it first when it does not exist (the seed-era
        `get_or_add_project` / `add_project`).

        Args:
            project_id: The project's slug (or MFID, to read an existing one).
            organization: Needed to create it.
            project_lead_email: The lead's e-mail address (a user of Crucible) when creating
                it; default: you.
            title: Used when creating.
            status: Used when creating (e.g. `"active"`).
            project_lead_name: Not used on API v3 (the lead is a user record); accepted so
                that seed-era calls run.
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=`.

        Raises:
            ValueError: A bad argument (before any request).
            NotFoundError: It does not exist and `organization` is missing.
        """
        ref = check_lookup_slug(project_id, "project_id")
        if project_lead_email is not None:
            check_user_ref(project_lead_email, "project_lead_email")
        if project_lead_name is not None:
            log.debug("project_lead_name is not used on API v3 (the lead is a user)")
        try:
            return self.get(ref)
        except NotFoundError:
            if organization is None:
                raise NotFoundError(
                    f"project {ref} not found; pass organization to create it",
                    status_code=404,
                    detail=f"Project {ref} not found",
                ) from None
        return self.create(ref, organization, title=title, status=status, lead=project_lead_email)

    @per_call
    def update(self, /, project_id: str, **fields: Any) -> Project:
        """Changes a project (its admins and owner).

        Args:
            project_id: The project's slug or MFID.
            **fields: `project_id` (a new slug), `organization`, `title`, `status`; and the
                per-call `timeout=`, `extra_headers=`, `privilege_mode=`.

        Raises:
            ValueError: A field API v3 does not let you edit here (before any request).
        """
        ref = check_lookup_slug(project_id, "project_id")
        unknown = sorted(set(fields) - _EDITABLE)
        if unknown:
            raise ValueError(
                f"projects.update edits {sorted(_EDITABLE)}, not {unknown} "
                "(the lead changes through an ownership transfer)"
            )
        if "project_id" in fields:
            check_new_slug(fields["project_id"], "project_id")
        for name, value in fields.items():
            check_text(value, name)
        body = ProjectUpdate.from_dict(fields)
        response = invoke(update_project.sync_detailed, ref, client=self._api, body=body)
        return parse_one(response, Project, f"project {ref}")

    @per_call
    def search(
        self, q: str, limit: int = 20, **options: Unpack[CallKwargs]
    ) -> builtins.list[Project]:
        """Finds projects (all of them, not only yours) whose slug or title contains `q`.

        Args:
            q: At least 3 characters.
            limit: At most this many projects (1 to 50).
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=`.

        Raises:
            ValueError: A bad argument (before any request).
        """
        text = check_search(q, limit)
        response = invoke(search_projects.sync_detailed, client=self._api, q=text, limit=limit)
        return as_record(read_page(response, ProjectSearchResults, "project search").items)

    # Members and their roles (`ProjectMembers`, in `project_members.py`)

    members = delegate("_members", ProjectMembers.members)
    add_member = delegate("_members", ProjectMembers.add_member)
    set_member_role = delegate("_members", ProjectMembers.set_member_role)
    remove_member = delegate("_members", ProjectMembers.remove_member)
