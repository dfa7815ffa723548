"""Helpers the list and search commands share: limits, filters, the API version check."""

from __future__ import annotations

import inspect
from collections.abc import Callable, Mapping
from typing import Any

from pycrucible.cli._app import CommandError, State

__all__ = ["check_filters", "needs_v3", "probe"]

# Keyword parameters of the v3 list methods that are not record filters.
_NOT_FILTERS = frozenset({"page_size", "include_metadata", "sort", "direction", "options"})


def probe(limit: int | None) -> int | None:
    """What to ask the API for so `limited` can tell whether there were more: one extra row."""
    return None if limit is None else limit + 1


def check_filters(method: Callable[..., Any], given: Mapping[str, Any]) -> dict[str, Any]:
    """Checks `--filter FIELD=VALUE` names against the keyword filters of a v3 list method.

    Args:
        method: The list method (for example `client.v3.datasets.list`).
        given: The filters from the command line.

    Returns:
        The filters, unchanged.

    Raises:
        CommandError: A field the method cannot filter on (exit 2, before the network).
    """
    known = sorted(
        name
        for name, parameter in inspect.signature(method).parameters.items()
        if parameter.kind is inspect.Parameter.KEYWORD_ONLY and name not in _NOT_FILTERS
    )
    unknown = sorted(set(given) - set(known))
    if unknown:
        raise CommandError(
            f"cannot filter on {', '.join(unknown)} with API v3",
            hint=f"--filter takes one of: {', '.join(known)}",
        )
    return dict(given)


def needs_v3(state: State, command: str) -> None:
    """Stops a command that only API v3 offers, before anything is sent.

    Args:
        state: The invocation's state (the client asks the server's version once).
        command: The command as the user typed it ("samples search").

    Raises:
        CommandError: The server speaks the seed-era API (exit 2).
    """
    if state.client.api_version != "v3":
        raise CommandError(
            f"`crucible {command}` needs API v3; this server speaks the seed-era API (v1)",
            hint="point --api-url (or CRUCIBLE_API_URL) at an .../api/v3 server",
        )
