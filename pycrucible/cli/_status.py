"""`crucible status` (server, account, settings at a glance) and `crucible open ID`."""

from __future__ import annotations

import webbrowser
from typing import Any
from urllib.parse import quote

import click

from pycrucible import _config
from pycrucible.cli._app import CommandError, State, cli, elevate_option, pass_state
from pycrucible.cli._output import Output, emit, output_options, plain, to_jsonable
from pycrucible.errors import CrucibleError, NotFoundError

__all__ = ["record_url"]

# Settings `status` names the source of (the key's value is never shown).
_SUMMARY = ("api_url", "api_key", "api_version", "privilege_mode", "graph_explorer_url")


def _sources(state: State) -> dict[str, str]:
    given = {"api_url": state.api_url, "api_key": state.api_key}
    if state.elevate:
        given["privilege_mode"] = "elevated"
    resolved = _config.resolve_sources(given)
    return {name: resolved[name][1] for name in _SUMMARY}


def _health(state: State) -> dict[str, Any]:
    client = state.client
    if client.api_version != "v3":
        return {"status": "unknown", "note": "the seed-era API (v1) has no health route"}
    try:
        return dict(to_jsonable(client.v3.account.health()))
    except CrucibleError as exc:
        return {"status": "unreachable", "error": str(exc)}


@cli.command()
@output_options
@elevate_option
@pass_state
def status(state: State, out: Output) -> None:
    """Show the API URL and version, the server's health, who you are, the privilege mode
    and where each setting comes from."""
    client = state.client
    version = client.api_version
    report: dict[str, Any] = {
        "api_url": client.api_url,
        "api_version": version,
        "health": _health(state),
        "whoami": to_jsonable(client.whoami()),
        # API v3's privilege header as sent: "normal", "elevated", or none (server default).
        "privilege_mode": (client.v3.privilege_mode or "server default")
        if version == "v3"
        else None,
        # What the server made of it (API v3's account profile).
        "effective_privilege_mode": _effective_mode(state) if version == "v3" else None,
        "config_sources": _sources(state),
    }
    if out.machine:
        emit(report, out=out)
        return
    health = report["health"]
    click.echo(f"API URL         {report['api_url']}")
    click.echo(f"API version     {version}")
    click.echo(f"health          {health.get('status')}")
    click.echo(f"account         {_who(report['whoami'])}")
    mode = report["privilege_mode"] or "none (the seed-era API has no privilege modes)"
    if report["effective_privilege_mode"]:
        mode += f" (the server says: {report['effective_privilege_mode']})"
    click.echo(f"privilege mode  {mode}")
    sources = report["config_sources"].items()
    click.echo("settings from   " + ", ".join(f"{k}: {v}" for k, v in sources))


def _effective_mode(state: State) -> str | None:
    profile = to_jsonable(state.client.v3.account.profile())
    authorization = profile.get("authorization") if isinstance(profile, dict) else None
    mode = (
        authorization.get("effective_privilege_mode") if isinstance(authorization, dict) else None
    )
    return str(mode) if mode else None


def _who(account: Any) -> str:
    if not isinstance(account, dict):
        return str(account)
    nested = account.get("user_info")
    info: dict[str, Any] = nested if isinstance(nested, dict) else account
    parts = [
        str(info.get(k))
        for k in ("first_name", "last_name", "username", "orcid", "email")
        if info.get(k)
    ]
    return " ".join(parts) or str(account.get("user_unique_id") or "?")


def _lookup(state: State, record_id: str) -> tuple[str, dict[str, Any]]:
    """The record's kind ("datasets" or "samples") and its fields."""
    client = state.client
    try:
        return "datasets", to_jsonable(client.get_dataset(record_id))
    except NotFoundError:
        pass
    try:
        return "samples", to_jsonable(client.get_sample(record_id))
    except NotFoundError:
        raise CommandError(
            f"no dataset or sample {record_id!r} that you can read",
            hint="check the id (`crucible datasets list`, `crucible samples list`)",
        ) from None


def record_url(base: str, project_id: str, kind: str, record_id: str) -> str:
    """The web page of a dataset or sample: `<base>/<project>/<datasets|samples>/<id>`.

    Args:
        base: The `graph_explorer_url` setting.
        project_id: The record's project slug.
        kind: `"datasets"` or `"samples"`.
        record_id: The record's unique id.
    """
    parts = (quote(project_id, safe=""), kind, quote(record_id, safe=""))
    return base.rstrip("/") + "/" + "/".join(parts)


@cli.command("open")
@click.argument("record_id", metavar="ID")
@click.option("--print", "print_only", is_flag=True, help="Print the URL; open no browser.")
@click.option(
    "--project",
    "project_id",
    help="The project whose page to use (default: the record's own project).",
)
@elevate_option
@pass_state
def open_record(state: State, record_id: str, print_only: bool, project_id: str | None) -> None:
    """Open the web page of dataset or sample ID in the browser (or print its URL).

    The web address comes from the graph_explorer_url setting; no address is guessed.
    """
    base = state.client.settings.graph_explorer_url
    if not base:
        raise CommandError(
            "no web address for record pages: the graph_explorer_url setting is not set",
            hint='set CRUCIBLE_GRAPH_EXPLORER_URL, or add graph_explorer_url = "https://..." '
            "to the config file (`crucible config show` says where it is)",
        )
    kind, record = _lookup(state, record_id)
    project = project_id or record.get("project_id")
    if not project:
        raise CommandError(
            f"{kind[:-1]} {record_id} belongs to no project, and pages are per project",
            hint="give the project to show it in with --project SLUG",
        )
    url = record_url(base, str(project), kind, str(record.get("unique_id") or record_id))
    if print_only:
        click.echo(url)
        return
    if not webbrowser.open(url):
        plain("no browser could be started; the page is:")
        click.echo(url)
