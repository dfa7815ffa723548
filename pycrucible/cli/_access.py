"""`crucible access grants|grant|revoke|public|private|transfer|reassign`: who may do what.

On API v3 a record's access is a list of role grants to users and to projects (a project's
slug is the access group's name). The seed-era API has access groups with read and write
flags: `grants` and `grant` work there too; the rest needs API v3. Ownership transfer and
project reassignment preview first and change nothing without `--confirm`.
"""

from __future__ import annotations

from typing import Any

import click

from pycrucible._v3._workflow import check_mfid
from pycrucible.cli._app import CommandError, State, cli, elevate_option, pass_state
from pycrucible.cli._ops import MFID, OpsGroup, explained, need_v3, record_command
from pycrucible.cli._output import Output, emit, output_options, plain

GRANT_COLUMNS = ("principal_type", "principal_id", "slug", "display_name", "permission")
ROLES = click.Choice(["viewer", "contributor", "editor", "admin"])
# Seed-era access groups have read and write flags: these roles may write.
_WRITE_ROLES = frozenset({"editor", "admin"})

_MISSING = "check the record's MFID (it may not exist, or be hidden from your key)"
_DENIED = (
    "changing access needs the admin role (or ownership) on the record, or a platform "
    "admin's key with --elevate; `crucible access grants ID` shows who holds which role"
)
_CONFIRM_HINT = "nothing changed: run it again with --confirm to do it"


@cli.group(cls=OpsGroup)
def access() -> None:
    """Who may read and change a record: grants, visibility, owner and project."""


def _principal(user: str | None, group: str | None) -> tuple[str, str]:
    """The one principal a command names: ("user", id) or ("project", slug)."""
    if (user is None) == (group is None):
        raise CommandError(
            "give exactly one of --user and --group",
            hint="--user takes an ORCID, MFID or username; --group a project's slug",
        )
    if user is not None:
        return "user", user
    assert group is not None
    return "project", group


def _confirm_option(function: Any) -> Any:
    return click.option(
        "--confirm",
        "--yes",
        "confirm",
        is_flag=True,
        help="Make the change (without it: only show what would change).",
    )(function)


@access.command("grants")
@click.argument("mfid")
@output_options
@elevate_option
@pass_state
@explained(missing=_MISSING, denied="only those with a role on the record see its grants")
def list_grants(state: State, mfid: str, out: Output) -> None:
    """List the grants on a record, the owner first.

    On a seed-era server: the names of the access groups that may read the dataset.
    """
    client = state.client
    if client.api_version == "v3":
        emit(client.v3.access.list(check_mfid(mfid, "MFID")), out=out, columns=GRANT_COLUMNS)
    else:
        groups = client.get_dataset_access_groups(mfid)
        emit([{"group_name": name} for name in groups], out=out)


@access.command("grant")
@click.argument("mfid")
@click.option("--user", help="The user: ORCID, MFID or username.")
@click.option("--group", help="The access group: a project's slug.")
@click.option("--role", type=ROLES, required=True, help="The role to give (below your own).")
@output_options
@elevate_option
@pass_state
@explained(missing="check the record's MFID and the user or project", denied=_DENIED)
def grant(
    state: State, mfid: str, user: str | None, group: str | None, role: str, out: Output
) -> None:
    """Give a user or a project a role on a record (again: changes the role).

    On a seed-era server the role becomes the access group's flags: viewer and contributor
    read, editor and admin read and write (a user's group is named by their ORCID).
    """
    kind, who = _principal(user, group)
    client = state.client
    if client.api_version == "v3":
        made: Any = client.v3.access.grant(
            check_mfid(mfid, "MFID"), who, role, kind="user" if user else "project"
        )
    else:
        made = client.add_dataset_access_group(mfid, who, read=True, write=role in _WRITE_ROLES)
    plain(f"granted {role} on {mfid} to {kind} {who}")
    emit(made, out=out)


@access.command("revoke")
@click.argument("mfid", type=MFID)
@click.option("--user", help="The user: ORCID, MFID or username.")
@click.option("--group", help="The access group: a project's slug.")
@output_options
@elevate_option
@pass_state
@explained(missing="check the record's MFID and the user or project", denied=_DENIED)
def revoke(state: State, mfid: str, user: str | None, group: str | None, out: Output) -> None:
    """Remove a user's or a project's grant on a record (API v3)."""
    kind, who = _principal(user, group)
    v3 = need_v3(state, "access revoke")
    result = v3.access.revoke(mfid, who, kind="user" if user else "project")
    plain(f"revoked the grant of {kind} {who} on {mfid}")
    emit(result, out=out)


record_command(
    access,
    "public",
    click.argument("mfid", type=MFID),
    lambda v3, mfid: v3.access.make_public(mfid),
    help_text="Make a record readable by everyone (API v3).",
    missing=_MISSING,
    denied=_DENIED,
    said=lambda mfid, _: f"{mfid} is public: everyone may read it",
    elevate=True,
)
record_command(
    access,
    "private",
    click.argument("mfid", type=MFID),
    lambda v3, mfid: v3.access.make_private(mfid),
    help_text="Remove a record's public grant; its other grants stay (API v3).",
    missing=_MISSING,
    denied=_DENIED,
    said=lambda mfid, _: f"{mfid} is private: only its grants may read it",
    elevate=True,
)


def _user_name(user: Any) -> str:
    if user is None or not hasattr(user, "to_dict"):
        return "nobody"
    record = user.to_dict()
    name = record.get("username") or record.get("orcid") or record.get("unique_id")
    return str(name)


@access.command("transfer")
@click.argument("mfid", type=MFID)
@click.argument("new_owner")
@_confirm_option
@output_options
@elevate_option
@pass_state
@explained(
    missing="check the record's MFID and the new owner (ORCID, MFID or username)",
    denied="only the record's owner may hand it over",
)
def transfer(state: State, mfid: str, new_owner: str, confirm: bool, out: Output) -> None:
    """Hand a record to another owner: shows what would change; --confirm does it (API v3)."""
    v3 = need_v3(state, "access transfer")
    result = v3.access.transfer_ownership(mfid, new_owner, confirm=confirm)
    before, after = _user_name(result.previous_owner), _user_name(result.new_owner)
    if confirm:
        plain(f"transferred {mfid}: owner {before} -> {after}")
    else:
        plain(f"preview: the owner of {mfid} would change from {before} to {after}")
        plain(f"Hint: {_CONFIRM_HINT}")
    emit(result, out=out)


@access.command("reassign")
@click.argument("mfid", type=MFID)
@click.argument("project")
@_confirm_option
@output_options
@elevate_option
@pass_state
@explained(
    missing="check the record's MFID and the project (slug or MFID)",
    denied="only the record's owner may move it, into a project you belong to",
)
def reassign(state: State, mfid: str, project: str, confirm: bool, out: Output) -> None:
    """Move a dataset or sample to another project: shows what would change; --confirm does it
    (API v3)."""
    v3 = need_v3(state, "access reassign")
    result = v3.access.reassign_project(mfid, project, confirm=confirm)
    before = result.previous_project_id if isinstance(result.previous_project_id, str) else None
    change = f"{before or 'no project'} -> {result.new_project_id}"
    if confirm:
        plain(f"moved {mfid}: project {change}")
    else:
        plain(f"preview: the project of {mfid} would change: {change}")
        plain(f"Hint: {_CONFIRM_HINT}")
    emit(result, out=out)
