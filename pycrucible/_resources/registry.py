"""Instruments, projects and users."""

from __future__ import annotations

from collections.abc import Mapping

from crucible_openapi.v1.api.instruments import create_instrument, list_instruments
from crucible_openapi.v1.api.projects import (
    add_project_user,
    create_project,
    get_project,
    list_project_users,
    list_projects,
)
from crucible_openapi.v1.api.users import list_user_projects
from crucible_openapi.v1.models import Instrument, InstrumentCreate, Project, ProjectCreate, User

from pycrucible._checks import (
    check_id,
    check_limit,
    check_text,
    new_mfid,
    one_of,
    project_then_user,
)
from pycrucible._core import Core, Resource, given, per_call
from pycrucible._delegate import delegate
from pycrucible._http import invoke, invoke_idempotent, parse_list, parse_one
from pycrucible._redact import get_logger
from pycrucible._resources.users import Users
from pycrucible.errors import ConflictError, NotFoundError, not_found

__all__ = ["Registry"]

log = get_logger("client")


class Registry(Resource):
    """Instruments, projects, users and the caller's own account.

    The user methods live in `Users` (`pycrucible/_resources/users.py`); the names here call them.
    """

    def __init__(self, core: Core) -> None:
        super().__init__(core)
        self.users = Users(core)

    # ---------------------------------------------------------------- instruments

    @per_call
    def list_instruments(
        self,
        limit: int | None = None,
        *,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> list[Instrument]:
        """Lists every instrument; at most `limit` (None: all) of what the API sends."""
        keep = check_limit(limit)
        return parse_list(
            invoke(list_instruments.sync_detailed, client=self._api), Instrument, "instruments"
        )[:keep]

    @per_call
    def get_instrument(
        self,
        instrument_name: str | None = None,
        instrument_id: str | int | None = None,
        *,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Instrument:
        """Finds one instrument by name (ignoring case) or by id.

        Args:
            instrument_name: The instrument's name.
            instrument_id: Its `unique_id` (MFID), or its internal integer `id`.

        Returns:
            The instrument. When several match a name, the one whose name matches exactly
            (else the last, as the API lists them) is returned.

        Raises:
            ValueError: Neither or both of the arguments given.
            NotFoundError: No such instrument.
        """
        if (instrument_name is None) == (instrument_id is None):
            raise ValueError("give exactly one of instrument_name or instrument_id")
        if instrument_name is not None:
            name = check_text(instrument_name, "instrument_name")
            found = parse_list(
                invoke(list_instruments.sync_detailed, instrument_name=name, client=self._api),
                Instrument,
                "instruments",
            )
            exact = [item for item in found if item.instrument_name == name]
            if exact or found:
                return (exact or found)[-1]
            raise not_found(f"instrument {name!r}")
        if isinstance(instrument_id, int) and not isinstance(instrument_id, bool):
            for item in self.list_instruments():
                if item.id == instrument_id:
                    return item
            raise not_found(f"instrument with id {instrument_id}")
        mfid = check_id(instrument_id, "instrument_id")
        found = parse_list(
            invoke(list_instruments.sync_detailed, unique_id=mfid, client=self._api),
            Instrument,
            "instruments",
        )
        if not found:
            raise not_found(f"instrument {mfid}")
        return found[-1]

    @per_call
    def get_or_add_instrument(
        self,
        instrument_name: str,
        location: str | None = None,
        owner: str | None = None,
        *,
        manufacturer: str | None = None,
        model: str | None = None,
        description: str | None = None,
        instrument_type: str | None = None,
        instrument_owner: str | None = None,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Instrument:
        """Returns the instrument with this name, registering it first if there is none.

        Registering is admin-only on the API (`PermissionDeniedError` otherwise). The create
        carries a fresh client-chosen `unique_id`, so it is retried safely.

        Args:
            instrument_name: The instrument's name.
            location: Where it is (used only when registering).
            owner: Who runs it (used only when registering).
            manufacturer: Maker (used only when registering).
            model: Model (used only when registering).
            description: Free text (used only when registering).
            instrument_type: Kind of instrument (used only when registering).
            instrument_owner: The upstream pycrucible's name for `owner`.

        Returns:
            The existing or new instrument.
        """
        name = check_text(instrument_name, "instrument_name")
        owner = one_of(owner, instrument_owner, "owner", "instrument_owner")
        try:
            return self.get_instrument(instrument_name=name)
        except NotFoundError:
            pass
        mfid = new_mfid()
        body = InstrumentCreate(
            instrument_name=name,
            unique_id=mfid,
            location=given(location),
            owner=given(owner),
            manufacturer=given(manufacturer),
            model=given(model),
            description=given(description),
            instrument_type=given(instrument_type),
        )
        log.info("registering instrument %r as %s", name, mfid)
        try:
            response = invoke_idempotent(
                create_instrument.sync_detailed, body=body, client=self._api
            )
        except ConflictError:
            return self.get_instrument(instrument_id=mfid)  # our own create, retried
        return parse_one(response, Instrument, f"new instrument {name!r}")

    # ---------------------------------------------------------------- projects

    @per_call
    def list_projects(
        self,
        orcid: str | None = None,
        limit: int | None = None,
        *,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> list[Project]:
        """Lists every project (admin only), or the projects of one user.

        Args:
            orcid: List only this user's projects (users may list their own).
            limit: At most this many (None: all) of what the API sends.
        """
        keep = check_limit(limit)
        if orcid is not None:
            user = check_id(orcid, "orcid")
            return parse_list(
                invoke(list_user_projects.sync_detailed, orcid=user, client=self._api),
                Project,
                f"projects of {user}",
            )[:keep]
        return parse_list(
            invoke(list_projects.sync_detailed, client=self._api), Project, "projects"
        )[:keep]

    @per_call
    def get_project(
        self,
        project_id: str,
        *,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Project:
        """Reads one project (any user may read any project).

        Raises:
            NotFoundError: No such project.
        """
        pid = check_id(project_id, "project_id")
        return parse_one(
            invoke(get_project.sync_detailed, project_id=pid, client=self._api),
            Project,
            f"project {pid}",
        )

    @per_call
    def get_or_add_project(
        self,
        project_id: str,
        organization: str | None = None,
        project_lead_email: str | None = None,
        title: str | None = None,
        status: str | None = None,
        project_lead_name: str | None = None,
        *,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Project:
        """Returns the project, creating it first (admin only) when it does not exist.

        Args:
            project_id: The project's slug (e.g. `"MFP08540"`).
            organization: Needed to create it.
            project_lead_email: Needed to create it.
            title: Optional, used when creating.
            status: Optional (e.g. `"active"`), used when creating.
            project_lead_name: Optional, used when creating.

        Returns:
            The existing or new project.

        Raises:
            NotFoundError: It does not exist and `organization` / `project_lead_email` are missing.
        """
        pid = check_id(project_id, "project_id")
        try:
            return self.get_project(pid)
        except NotFoundError:
            if organization is None or project_lead_email is None:
                raise NotFoundError(
                    f"project {pid} not found; pass organization and project_lead_email to "
                    "create it",
                    status_code=200,
                    detail="null",
                ) from None
        body = ProjectCreate(
            project_id=pid,
            organization=check_text(organization, "organization"),
            project_lead_email=check_text(project_lead_email, "project_lead_email"),
            title=given(title),
            status=given(status),
            project_lead_name=given(project_lead_name),
        )
        log.info("creating project %s", pid)
        try:
            response = invoke_idempotent(create_project.sync_detailed, body=body, client=self._api)
        except ConflictError:
            return self.get_project(pid)  # created meanwhile, or by our retried request
        return parse_one(response, Project, f"new project {pid}")

    add_project = get_or_add_project

    @per_call
    def get_project_users(
        self,
        project_id: str,
        limit: int | None = None,
        *,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> list[User]:
        """Lists the project's team, without its lead (admin only); at most `limit` users."""
        pid = check_id(project_id, "project_id")
        keep = check_limit(limit)
        return parse_list(
            invoke(list_project_users.sync_detailed, project_id=pid, client=self._api),
            User,
            f"users of project {pid}",
        )[:keep]

    @per_call
    def add_user_to_project(
        self,
        project_id: str,
        orcid: str,
        *,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> list[User]:
        """Adds a user to a project's team and access group (admin only).

        The upstream pycrucible's order, `(orcid, project_id)`, is accepted too: an ORCID
        given first is taken as the user.

        Returns:
            The project's team after the change.
        """
        project_id, orcid = project_then_user(project_id, orcid)
        pid = check_id(project_id, "project_id")
        user = check_id(orcid, "orcid")
        response = invoke_idempotent(
            add_project_user.sync_detailed, project_id=pid, orcid=user, client=self._api
        )
        return parse_list(response, User, f"users of project {pid}")

    # ---------------------------------------------------------------- users

    get_user = delegate("users", Users.get_user)
    get_user_by_email = delegate("users", Users.get_user_by_email)
    add_user = delegate("users", Users.add_user)
    get_or_add_user = delegate("users", Users.get_or_add_user)
    whoami = delegate("users", Users.whoami)
