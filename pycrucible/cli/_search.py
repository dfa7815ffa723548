"""`crucible datasets|samples|projects|instruments|users search TEXT` (API v3)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs
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


@attrs.frozen
class _Filter:
    """One `--OPTION VALUE` a search command narrows its answer with."""

    option: str  # "--project"
    keyword: str  # the search method's keyword: "project_id"
    help: str


@attrs.frozen
class _Search:
    """One `crucible WHAT search TEXT` command: its group, its help and its filter."""

    group: click.Group
    what: str  # the records, and the name of their `client.v3` resource: "datasets"
    help: str
    filter: _Filter | None = None


def _add_search(spec: _Search) -> None:
    """Registers `crucible WHAT search TEXT`: every search command has this one body."""

    def command(state: State, text: str, limit: int | None, out: Output, **given: Any) -> None:
        needs_v3(state, f"{spec.what} search")
        call = getattr(state.client.v3, spec.what).search
        _search(state, spec.what, text, limit, out, call, **given)

    command.__doc__ = spec.help
    function: Callable[..., Any] = command
    decorators: list[Callable[..., Any]] = []
    if spec.filter is not None:
        found = spec.filter
        decorators.append(click.option(found.option, found.keyword, help=found.help))
    decorators += [pass_state, elevate_option, output_options, list_options, click.argument("text")]
    for decorator in decorators:
        function = decorator(function)
    spec.group.command("search")(function)


for _spec in (
    _Search(
        datasets,
        "datasets",
        "Find datasets whose name matches TEXT (3 characters or more; typos tolerated), "
        "best first (API v3).",
        _Filter("--project", "project_id", "Only this project's datasets."),
    ),
    _Search(
        samples,
        "samples",
        "Find samples whose name matches TEXT, best first (API v3).",
        _Filter("--project", "project_id", "Only this project's samples."),
    ),
    _Search(
        projects,
        "projects",
        "Find projects (all of them, not only yours) whose id or title contains TEXT (API v3).",
    ),
    _Search(
        instruments,
        "instruments",
        "Find instruments whose name, type or manufacturer contains TEXT (API v3).",
        _Filter("--status", "status", "Only instruments with this status."),
    ),
    _Search(
        users,
        "users",
        "Find users whose username or names contain TEXT (public fields only; API v3).",
    ),
):
    _add_search(_spec)
