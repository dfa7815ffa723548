"""`crucible datasets|samples|projects|instruments|users search TEXT` (API v3)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click

from pycrucible.cli._app import State, elevate_option, pass_state
from pycrucible.cli._catalog import instruments, projects, samples, users
from pycrucible.cli._datasets import DATASET_COLUMNS, datasets
from pycrucible.cli._lists import needs_v3
from pycrucible.cli._output import Output, emit_rows, limited, list_options, output_options, plain

__all__: list[str] = []

SEARCH_MAX = 50
"""The most records one search answers with (API v3's limit)."""

_COLUMNS = {
    "datasets": DATASET_COLUMNS,
    "samples": ("unique_id", "sample_name", "sample_type", "project_id", "owner_orcid"),
    "projects": ("project_id", "title", "organization", "status"),
    "instruments": ("unique_id", "instrument_name", "instrument_type", "location", "status"),
    "users": ("unique_id", "username", "first_name", "last_name"),
}


def _search(
    state: State,
    what: str,
    text: str,
    limit: int | None,
    out: Output,
    call: Callable[..., list[Any]],
    **filters: Any,
) -> None:
    """Runs one search: at most 50 records, best first; a note says when more may exist."""
    wanted = SEARCH_MAX if limit is None else min(limit, SEARCH_MAX)
    # One more than shown (when the API allows) tells whether the answer was cut.
    ask = min(wanted + 1, SEARCH_MAX)
    given = {name: value for name, value in filters.items() if value is not None}
    rows = call(text, ask, **given)
    if len(rows) >= SEARCH_MAX and wanted == SEARCH_MAX:
        plain(
            f"a search answers with at most {SEARCH_MAX} {what}, best first; "
            "there may be more: make the text more precise"
        )
    emit_rows(limited(rows, wanted, what), out=out, columns=_COLUMNS[what])


def _search_command(group: click.Group, what: str, help_text: str) -> Callable[..., Any]:
    """The decorators every search command shares."""

    def decorate(function: Callable[..., Any]) -> Callable[..., Any]:
        function.__doc__ = help_text
        for decorator in (
            pass_state,
            elevate_option,
            output_options,
            list_options,
            click.argument("text"),
        ):
            function = decorator(function)
        return group.command("search")(function)

    return decorate


@_search_command(
    datasets,
    "datasets",
    "Find datasets whose name matches TEXT (3 characters or more; typos tolerated), "
    "best first (API v3).",
)
@click.option("--project", "project_id", help="Only this project's datasets.")
def search_datasets(
    state: State, text: str, project_id: str | None, limit: int | None, out: Output
) -> None:
    needs_v3(state, "datasets search")
    call = state.client.v3.datasets.search
    _search(state, "datasets", text, limit, out, call, project_id=project_id)


@_search_command(samples, "samples", "Find samples whose name matches TEXT, best first (API v3).")
@click.option("--project", "project_id", help="Only this project's samples.")
def search_samples(
    state: State, text: str, project_id: str | None, limit: int | None, out: Output
) -> None:
    needs_v3(state, "samples search")
    call = state.client.v3.samples.search
    _search(state, "samples", text, limit, out, call, project_id=project_id)


@_search_command(
    projects,
    "projects",
    "Find projects (all of them, not only yours) whose id or title contains TEXT (API v3).",
)
def search_projects(state: State, text: str, limit: int | None, out: Output) -> None:
    needs_v3(state, "projects search")
    _search(state, "projects", text, limit, out, state.client.v3.projects.search)


@_search_command(
    instruments,
    "instruments",
    "Find instruments whose name, type or manufacturer contains TEXT (API v3).",
)
@click.option("--status", help="Only instruments with this status.")
def search_instruments(
    state: State, text: str, status: str | None, limit: int | None, out: Output
) -> None:
    needs_v3(state, "instruments search")
    call = state.client.v3.instruments.search
    _search(state, "instruments", text, limit, out, call, status=status)


@_search_command(
    users,
    "users",
    "Find users whose username or names contain TEXT (public fields only; API v3).",
)
def search_users(state: State, text: str, limit: int | None, out: Output) -> None:
    needs_v3(state, "users search")
    _search(state, "users", text, limit, out, state.client.v3.users.search)
