"""`crucible samples|instruments|projects|users|whoami`."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import click

from pycrucible.cli._app import State, cli, elevate_option, pass_state
from pycrucible.cli._input import parse_pairs
from pycrucible.cli._lists import check_filters, probe
from pycrucible.cli._output import (
    Output,
    emit,
    emit_rows,
    limited,
    list_options,
    output_options,
    plain,
)

SAMPLE_COLUMNS = ("unique_id", "sample_name", "sample_type", "project_id", "owner_orcid")
INSTRUMENT_COLUMNS = ("unique_id", "instrument_name", "location", "owner")
PROJECT_COLUMNS = ("project_id", "title", "organization", "status", "project_lead_email")
# API v3 records name some fields differently (or not at all).
INSTRUMENT_COLUMNS_V3 = ("unique_id", "instrument_name", "instrument_type", "location", "status")
PROJECT_COLUMNS_V3 = ("project_id", "title", "organization", "status", "role")
USER_COLUMNS = ("orcid", "first_name", "last_name", "email")


@cli.group()
def samples() -> None:
    """Samples and their parent/child lineage."""


@samples.command("list")
@click.option("--dataset", "dataset_id", help="Only samples linked to this dataset.")
@click.option("--parent", "parent_id", help="Only children of this sample.")
@click.option("--filter", "filters", multiple=True, metavar="FIELD=VALUE", help="Exact match.")
@list_options
@output_options
@elevate_option
@pass_state
def list_samples(
    state: State,
    dataset_id: str | None,
    parent_id: str | None,
    filters: tuple[str, ...],
    limit: int | None,
    out: Output,
) -> None:
    """List the samples you can read."""
    criteria = parse_pairs(filters, "--filter")
    client = state.client
    if client.api_version == "v3":
        method = client.v3.samples.list
        rows: Iterable[Any] = method(
            dataset_id=dataset_id,
            parent_id=parent_id,
            limit=probe(limit),
            **check_filters(method, criteria),
        )
    else:
        rows = client.list_samples(
            dataset_id=dataset_id, parent_id=parent_id, limit=probe(limit), **criteria
        )
    emit_rows(limited(rows, limit, "samples"), out=out, columns=SAMPLE_COLUMNS)


@samples.command("get")
@click.argument("sample_id")
@output_options
@pass_state
def get_sample(state: State, sample_id: str, out: Output) -> None:
    """Show one sample with its datasets."""
    emit(state.client.get_sample(sample_id), out=out)


@samples.command("add")
@click.option("--name", "sample_name", required=True, help="Sample name.")
@click.option("--description", help="Free text.")
@click.option("--type", "sample_type", help="Sample type.")
@click.option("--project", "project_id", help="Project slug.")
@click.option("--parent", "parents", multiple=True, help="Parent sample id (repeatable).")
@click.option("--unique-id", help="Choose the id yourself (makes re-running safe).")
@output_options
@pass_state
def add_sample(state: State, /, parents: tuple[str, ...], out: Output, **fields: Any) -> None:
    """Create a sample; prints its unique_id (or the record with --json)."""
    given = {k: v for k, v in fields.items() if v is not None}
    record = state.client.add_sample(parents=list(parents), **given)
    if out.machine:
        emit(record, out=out)
    else:
        click.echo(record.unique_id)


@samples.command("link")
@click.argument("parent")
@click.argument("child")
@pass_state
def link_samples(state: State, parent: str, child: str) -> None:
    """Make CHILD a child sample of PARENT."""
    state.client.link_samples(parent, child)
    plain(f"linked {child} under {parent}")


@samples.command("add-to-dataset")
@click.argument("dsid")
@click.argument("sample_id")
@pass_state
def add_to_dataset(state: State, dsid: str, sample_id: str) -> None:
    """Link SAMPLE_ID to dataset DSID."""
    state.client.add_sample_to_dataset(dsid, sample_id)
    plain(f"linked sample {sample_id} to dataset {dsid}")


@cli.group()
def instruments() -> None:
    """Scientific instruments."""


def _list_plain(
    state: State,
    what: str,
    limit: int | None,
    out: Output,
    columns: tuple[tuple[str, ...], tuple[str, ...]],
) -> None:
    """Prints a list that takes no filter: `client.v3.WHAT.list` on API v3, else the seed-era
    `client.list_WHAT`, with the columns of each (API v3's first)."""
    client = state.client
    if client.api_version == "v3":
        rows: Iterable[Any] = getattr(client.v3, what).list(limit=probe(limit))
    else:
        rows = getattr(client, f"list_{what}")(limit=probe(limit))
    shown = columns[0] if client.api_version == "v3" else columns[1]
    emit_rows(limited(rows, limit, what), out=out, columns=shown)


@instruments.command("list")
@list_options
@output_options
@elevate_option
@pass_state
def list_instruments(state: State, limit: int | None, out: Output) -> None:
    """List instruments."""
    _list_plain(state, "instruments", limit, out, (INSTRUMENT_COLUMNS_V3, INSTRUMENT_COLUMNS))


@instruments.command("get")
@click.argument("name_or_id")
@output_options
@pass_state
def get_instrument(state: State, name_or_id: str, out: Output) -> None:
    """Show an instrument, by name (any case) or unique_id."""
    client = state.client
    from pycrucible.errors import NotFoundError

    try:
        record = client.get_instrument(instrument_name=name_or_id)
    except NotFoundError:
        record = client.get_instrument(instrument_id=name_or_id)
    emit(record, out=out)


@instruments.command("add")
@click.argument("instrument_name")
@click.option("--location", help="Where it stands.")
@click.option("--owner", help="Who runs it.")
@output_options
@pass_state
def add_instrument(
    state: State, instrument_name: str, location: str | None, owner: str | None, out: Output
) -> None:
    """Register an instrument, or show it if it exists (admin)."""
    record = state.client.get_or_add_instrument(instrument_name, location=location, owner=owner)
    emit(record, out=out)


@cli.group()
def projects() -> None:
    """Research projects."""


@projects.command("list")
@list_options
@output_options
@elevate_option
@pass_state
def list_projects(state: State, limit: int | None, out: Output) -> None:
    """List projects (API v3: the projects you can see; seed era: admin only)."""
    _list_plain(state, "projects", limit, out, (PROJECT_COLUMNS_V3, PROJECT_COLUMNS))


@projects.command("get")
@click.argument("project_id")
@output_options
@pass_state
def get_project(state: State, project_id: str, out: Output) -> None:
    """Show a project."""
    emit(state.client.get_project(project_id), out=out)


@projects.command("users")
@click.argument("project_id")
@list_options
@output_options
@elevate_option
@pass_state
def project_users(state: State, project_id: str, limit: int | None, out: Output) -> None:
    """List a project's members (admin)."""
    rows = state.client.get_project_users(project_id, limit=probe(limit))
    emit_rows(limited(rows, limit, "members"), out=out, columns=USER_COLUMNS)


@cli.group()
def users() -> None:
    """Users (admin)."""


@users.command("get")
@click.argument("orcid")
@output_options
@pass_state
def get_user(state: State, orcid: str, out: Output) -> None:
    """Show a user by ORCID (admin)."""
    emit(state.client.get_user(orcid), out=out)


@cli.command()
@output_options
@pass_state
def whoami(state: State, out: Output) -> None:
    """Show the account behind the API key."""
    emit(state.client.whoami(), out=out)
