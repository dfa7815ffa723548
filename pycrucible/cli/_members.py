"""`crucible projects members|add-member|set-role|remove-member|create`: a project's team.

API v3 gives each member a role (viewer < contributor < editor < admin; the lead is `owner`).
The seed-era API has a team without roles: `members`, `add-member` (without `--role`) and
`create` work there too; `set-role` and `remove-member` need API v3.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import click

from pycrucible.cli._app import CommandError, State, elevate_option, pass_state
from pycrucible.cli._catalog import USER_COLUMNS, projects
from pycrucible.cli._lists import probe
from pycrucible.cli._ops import OpsCommand, explained, need_v3
from pycrucible.cli._output import (
    Output,
    emit,
    emit_rows,
    limited,
    list_options,
    output_options,
    plain,
)

MEMBER_COLUMNS = ("unique_id", "username", "first_name", "last_name", "email", "role")
ROLES = click.Choice(["viewer", "contributor", "editor", "admin"])

_MISSING = "check the project (slug or MFID: `crucible projects list`) and the user"
_DENIED = "changing a team needs the editor role (or more) on the project, and roles below your own"


@projects.command("members", cls=OpsCommand)
@click.argument("project")
@list_options
@output_options
@elevate_option
@pass_state
@explained(missing=_MISSING, denied="only the project's members see its team")
def list_members(state: State, project: str, limit: int | None, out: Output) -> None:
    """List a project's members with their roles (the lead as owner)."""
    client = state.client
    rows: Iterable[Any]
    columns: tuple[str, ...]
    if client.api_version == "v3":
        rows, columns = client.v3.projects.members(project, probe(limit)), MEMBER_COLUMNS
    else:
        rows, columns = client.get_project_users(project, probe(limit)), USER_COLUMNS
    emit_rows(limited(rows, limit, "members"), out=out, columns=columns)


@projects.command("add-member", cls=OpsCommand)
@click.argument("project")
@click.argument("user")
@click.option("--role", type=ROLES, help="Their role (the server's default: contributor).")
@output_options
@elevate_option
@pass_state
@explained(missing=_MISSING, denied=_DENIED)
def add_member(state: State, project: str, user: str, role: str | None, out: Output) -> None:
    """Add USER (ORCID, MFID, username or e-mail) to PROJECT; an existing member keeps their
    role. Prints the team after the change."""
    client = state.client
    team: Any
    columns: tuple[str, ...]
    if client.api_version == "v3":
        team = client.v3.projects.add_member(project, user, role)
        columns = MEMBER_COLUMNS
    else:
        if role is not None:
            raise CommandError(
                "the seed-era API (v1) has no member roles",
                hint="leave out --role, or use a server speaking API v3",
            )
        team = client.add_user_to_project(project, user)
        columns = USER_COLUMNS
    plain(f"added {user} to {project}" + (f" as {role}" if role else ""))
    emit(team, out=out, columns=columns)


@projects.command("set-role", cls=OpsCommand)
@click.argument("project")
@click.argument("user")
@click.option("--role", type=ROLES, required=True, help="The new role.")
@output_options
@elevate_option
@pass_state
@explained(missing=_MISSING, denied=_DENIED)
def set_role(state: State, project: str, user: str, role: str, out: Output) -> None:
    """Change a member's role (API v3). Prints the team after the change."""
    team = need_v3(state, "projects set-role").projects.set_member_role(project, user, role)
    plain(f"{user} is now {role} in {project}")
    emit(team, out=out, columns=MEMBER_COLUMNS)


@projects.command("remove-member", cls=OpsCommand)
@click.argument("project")
@click.argument("user")
@output_options
@elevate_option
@pass_state
@explained(missing=_MISSING, denied="only the project's owner, or the member themself, may")
def remove_member(state: State, project: str, user: str, out: Output) -> None:
    """Remove a member (never the owner) (API v3). Prints the team after the change."""
    team = need_v3(state, "projects remove-member").projects.remove_member(project, user)
    plain(f"removed {user} from {project}")
    emit(team, out=out, columns=MEMBER_COLUMNS)


@projects.command("create", cls=OpsCommand)
@click.argument("project_id")
@click.option("--organization", required=True, help="The organization it belongs to.")
@click.option("--title", help="Its title.")
@click.option("--status", help="Its status (the server's default: active).")
@click.option(
    "--lead",
    help="Its lead (API v3: ORCID, MFID, username or e-mail, default you; "
    "seed era: an e-mail, required).",
)
@output_options
@elevate_option
@pass_state
@explained(
    missing=_MISSING,
    denied="creating projects may need a platform admin's key",
)
def create_project(
    state: State,
    project_id: str,
    organization: str,
    title: str | None,
    status: str | None,
    lead: str | None,
    out: Output,
) -> None:
    """Create project PROJECT_ID (its slug); an existing slug shows that project."""
    client = state.client
    made: Any
    if client.api_version == "v3":
        made = client.v3.projects.create(
            project_id, organization, title=title, status=status, lead=lead
        )
    else:
        if lead is None:
            raise CommandError(
                "the seed-era API (v1) needs the lead's e-mail to create a project",
                hint="add --lead EMAIL",
            )
        made = client.get_or_add_project(
            project_id, organization, project_lead_email=lead, title=title, status=status
        )
    plain(f"project {project_id} is ready")
    emit(made, out=out)
