"""`crucible deletion request|list|show|review`: the reviewed deletion workflow (API v3).

Anyone who may edit a record asks for its deletion; a platform admin approves or rejects the
request. The seed-era API has no such workflow: these commands need API v3.
"""

from __future__ import annotations

import click

from pycrucible.cli._app import CommandError, State, cli, elevate_option, pass_state
from pycrucible.cli._lists import probe
from pycrucible.cli._ops import MFID, OpsGroup, explained, need_v3, record_command
from pycrucible.cli._output import (
    Output,
    emit,
    emit_rows,
    limited,
    list_options,
    output_options,
    plain,
)

REQUEST_COLUMNS = ("id", "status", "resource_type", "resource_id", "resource_name", "reason")

_MISSING = "check the request id: `crucible deletion list` shows the requests you can see"
_REVIEWER = (
    "reviewing and reading single requests needs a platform admin's key in elevated mode "
    "(add --elevate)"
)


@cli.group(cls=OpsGroup)
def deletion() -> None:
    """Deletion requests and their review (API v3)."""


@deletion.command("request")
@click.argument("mfid", type=MFID)
@click.option("--reason", required=True, help="Why, for the reviewers.")
@output_options
@pass_state
@explained(
    missing="check the record's MFID (it may not exist, or be hidden from your key)",
    denied="asking for a deletion needs the editor role (or more) on the record",
)
def request_deletion(state: State, mfid: str, reason: str, out: Output) -> None:
    """Ask for a dataset's or sample's deletion; it leaves every list at once.

    Asking again while your request is pending shows that request (nothing is duplicated).
    """
    made = need_v3(state, "deletion request").deletion.request(mfid, reason)
    plain(f"asked to delete {mfid}: request {made.id} ({made.status}), for a reviewer to decide")
    emit(made, out=out)


@deletion.command("list")
@click.option(
    "--status", type=click.Choice(["pending", "approved", "rejected"]), help="Only these."
)
@click.option(
    "--scope",
    type=click.Choice(["accessible", "submitted", "reviewable"]),
    help="submitted: yours; reviewable: those an admin may review (default: accessible).",
)
@list_options
@output_options
@elevate_option
@pass_state
@explained(missing=_MISSING, denied=_REVIEWER)
def list_deletions(
    state: State, status: str | None, scope: str | None, limit: int | None, out: Output
) -> None:
    """List deletion requests, newest first."""
    v3 = need_v3(state, "deletion list")
    rows = v3.deletion.list(scope=scope, status=status, limit=probe(limit))
    emit_rows(limited(rows, limit, "deletion requests"), out=out, columns=REQUEST_COLUMNS)


record_command(
    deletion,
    "show",
    click.argument("request_id", type=int),
    lambda v3, request_id: v3.deletion.get(request_id),
    help_text="Show one deletion request (platform admins).",
    missing=_MISSING,
    denied=_REVIEWER,
    elevate=True,
)


@deletion.command("review")
@click.argument("request_id", type=int)
@click.option("--approve", is_flag=True, help="Approve: the record stays hidden.")
@click.option("--reject", is_flag=True, help="Reject: the record comes back.")
@click.option("--comment", help="Notes for the requester.")
@output_options
@elevate_option
@pass_state
@explained(missing=_MISSING, denied=_REVIEWER)
def review_deletion(
    state: State,
    request_id: int,
    approve: bool,
    reject: bool,
    comment: str | None,
    out: Output,
) -> None:
    """Approve or reject a pending deletion request (platform admins)."""
    if approve == reject:
        raise CommandError(
            "give exactly one of --approve and --reject",
            hint="`crucible deletion list --scope reviewable` shows the pending requests",
        )
    v3 = need_v3(state, "deletion review")
    reviewed = v3.deletion.review(request_id, "approved" if approve else "rejected", comment)
    plain(f"deletion request {request_id}: {reviewed.status}")
    emit(reviewed, out=out)
