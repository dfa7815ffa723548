"""`crucible ingest|scicat|drive-transfer|requests`: server-side processing and bounded waits."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import Any

import click

from pycrucible._resources.processing import DEFAULT_POLL_INTERVAL, DEFAULT_WAIT_TIMEOUT
from pycrucible.cli._app import State, cli, pass_state
from pycrucible.cli._output import Output, emit, output_options, plain
from pycrucible.errors import WaitTimeoutError

REQUEST_TYPES = click.Choice(["ingest", "scicat"], case_sensitive=False)


def _timing_options(function: Callable[..., Any]) -> Callable[..., Any]:
    function = click.option(
        "--interval",
        type=click.FloatRange(min=0.05),
        default=DEFAULT_POLL_INTERVAL,
        show_default=True,
        help="Seconds between status checks.",
    )(function)
    return click.option(
        "--timeout",
        type=click.FloatRange(min=0, min_open=True),
        default=DEFAULT_WAIT_TIMEOUT,
        show_default=True,
        help="Give up waiting after this many seconds (exit code 3).",
    )(function)


def _wait_options(function: Callable[..., Any]) -> Callable[..., Any]:
    function = _timing_options(function)
    return click.option("--wait", is_flag=True, help="Wait until the request finishes.")(function)


def _status_line(enabled: bool) -> Callable[[Any], None] | None:
    if not enabled or not sys.stderr.isatty():
        return None

    def show(request: Any) -> None:
        click.echo(f"\rstatus: {request['status']:<20}", err=True, nl=False)

    return show


def _wait(
    state: State,
    dsid: str,
    request: Any,
    request_type: str,
    *,
    timeout: float,
    interval: float,
    out: Output,
) -> Any:
    final = state.client.wait_for_request_completion(
        dsid,
        request["id"],
        request_type,
        interval,
        timeout=timeout,
        raise_on_failure=True,
        progress=_status_line(not out.machine),
    )
    if not out.machine and sys.stderr.isatty():
        click.echo("", err=True)
    return final


@cli.command()
@click.argument("dsid")
@click.option(
    "--ingestor", help="Ingestor class, for example ImageIngestor (auto-detected if omitted)."
)
@click.option(
    "--file", "file_to_upload", help="Bucket path of the file (the main file if omitted)."
)
@_wait_options
@output_options
@pass_state
def ingest(
    state: State,
    dsid: str,
    ingestor: str | None,
    file_to_upload: str | None,
    wait: bool,
    timeout: float,
    interval: float,
    out: Output,
) -> None:
    """Request ingestion of a dataset's file."""
    request = state.client.request_ingestion(dsid, file_to_upload=file_to_upload, ingestor=ingestor)
    if wait:
        request = _wait(state, dsid, request, "ingest", timeout=timeout, interval=interval, out=out)
    emit(request, out=out)


@cli.command()
@click.argument("dsid")
@click.option("--overwrite", is_flag=True, help="Overwrite the SciCat record if it exists.")
@_wait_options
@output_options
@pass_state
def scicat(
    state: State,
    dsid: str,
    overwrite: bool,
    wait: bool,
    timeout: float,
    interval: float,
    out: Output,
) -> None:
    """Send a dataset to the SciCat catalogue."""
    request = state.client.send_to_scicat(dsid, overwrite_data=overwrite)
    if wait:
        request = _wait(state, dsid, request, "scicat", timeout=timeout, interval=interval, out=out)
    emit(request, out=out)


@cli.command("drive-transfer")
@click.argument("dsid")
@_wait_options
@output_options
@pass_state
def drive_transfer(
    state: State, dsid: str, wait: bool, timeout: float, interval: float, out: Output
) -> None:
    """Copy a dataset to Google Drive.

    The API has no status endpoint for transfers: --wait watches the dataset's Drive locations
    until they change, and prints them.
    """
    client = state.client
    before = [loc.to_dict() for loc in client.get_current_google_drive_info(dsid)]
    request = client.request_google_drive_transfer(dsid)
    if not wait:
        emit(request, out=out)
        return
    deadline = time.monotonic() + timeout
    while True:
        locations = client.get_current_google_drive_info(dsid)
        if [loc.to_dict() for loc in locations] != before:
            emit(locations, out=out, columns=("folder_path_in_drive", "status"))
            return
        if time.monotonic() >= deadline:
            raise WaitTimeoutError(
                f"Drive locations of {dsid} did not change within {timeout:g} s", request=request
            )
        time.sleep(interval)


@cli.group()
def requests() -> None:
    """Processing requests: status and bounded waits."""


@requests.command("status")
@click.argument("dsid")
@click.argument("reqid", type=int)
@click.option("--type", "request_type", type=REQUEST_TYPES, default="ingest", show_default=True)
@output_options
@pass_state
def request_status(state: State, dsid: str, reqid: int, request_type: str, out: Output) -> None:
    """Show a request's status."""
    emit(state.client.get_request_status(dsid, reqid, request_type), out=out)


@requests.command("wait")
@click.argument("dsid")
@click.argument("reqid", type=int)
@click.option("--type", "request_type", type=REQUEST_TYPES, default="ingest", show_default=True)
@_timing_options
@output_options
@pass_state
def request_wait(
    state: State,
    dsid: str,
    reqid: int,
    request_type: str,
    timeout: float,
    interval: float,
    out: Output,
) -> None:
    """Wait for a request to finish (exit 3 on timeout, 4 if it failed)."""
    final = _wait(
        state,
        dsid,
        {"id": reqid},
        request_type,
        timeout=timeout,
        interval=interval,
        out=out,
    )
    if not out.machine:
        plain(f"request {reqid} ended: {final['status']}")
    emit(final, out=out)
