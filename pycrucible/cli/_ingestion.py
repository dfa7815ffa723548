"""`crucible ingestion request|status|wait|list|ingestors`: ingestion requests, one per file.

`request` works on both API versions (the seed era names the file by its stored path); the
others read API v3's global request ids and need API v3.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

import click

from pycrucible._v3._workflow import check_mfid
from pycrucible.cli._app import State, cli, pass_state
from pycrucible.cli._lists import probe
from pycrucible.cli._ops import (
    MFID,
    OpsGroup,
    WaitProblem,
    explained,
    need_v3,
    record_command,
)
from pycrucible.cli._output import (
    Output,
    emit,
    emit_rows,
    limited,
    list_options,
    output_options,
    plain,
)
from pycrucible.cli._processing import _status_line, _timing_options
from pycrucible.errors import WaitTimeoutError

REQUEST_COLUMNS = ("id", "status", "ingestion_class", "file_mfid", "dataset_mfid", "time_created")

_MISSING = "check the id: `crucible ingestion list` shows the requests you can see"
_DENIED = "your key needs a role on the request's dataset (viewer to read, editor to request)"


@cli.group(cls=OpsGroup)
def ingestion() -> None:
    """Ingestion requests: ask the workers to read a file, then follow the request."""


def _follow(wait: Callable[[], Any], again: str) -> Any:
    """Runs a wait; running out of time exits 3 with a hint on how to follow it again."""
    try:
        return wait()
    except WaitTimeoutError as exc:
        raise WaitProblem(
            str(exc), hint=f"the request goes on: `{again}` follows it again (--timeout: longer)"
        ) from exc


def _finish_line(out: Output) -> None:
    if not out.machine and sys.stderr.isatty():
        click.echo("", err=True)  # end the status line drawn while waiting


@ingestion.command("request")
@click.argument("dsid")
@click.argument("file")
@click.option(
    "--class", "ingestion_class", help="Ingestion class (`crucible ingestion ingestors`)."
)
@click.option("--wait", is_flag=True, help="Wait until the request finishes.")
@_timing_options
@output_options
@pass_state
@explained(
    missing="check the dataset id and the file: `crucible datasets get DSID` lists its files",
    denied=_DENIED,
)
def request_ingestion(
    state: State,
    dsid: str,
    file: str,
    ingestion_class: str | None,
    wait: bool,
    timeout: float,
    interval: float,
    out: Output,
) -> None:
    """Ask the workers to ingest FILE of dataset DSID.

    FILE is the file's MFID or its name in the dataset (API v3), or its stored path such as
    api-uploads/scan.h5 (seed-era API). Exit 3 when --wait runs out of time, 4 when the
    request fails.
    """
    client = state.client
    if client.api_version == "v3":
        made: Any = client.v3.processing.request_ingestion(
            check_mfid(dsid, "DSID"), file_to_upload=file, ingestion_class=ingestion_class
        ).only()
    else:
        made = client.request_ingestion(dsid, file_to_upload=file, ingestor=ingestion_class)
    plain(f"requested ingestion of {file} of {dsid}: request {made['id']} ({made['status']})")
    if wait:
        progress = _status_line(not out.machine)
        if client.api_version == "v3":
            rid = made["id"]
            made = _follow(
                lambda: client.v3.ingestion.wait(
                    rid, timeout, interval, raise_on_failure=True, progress=progress
                ),
                f"crucible ingestion wait {rid}",
            )
        else:
            rid = made["id"]
            made = _follow(
                lambda: client.wait_for_request_completion(
                    dsid,
                    rid,
                    "ingest",
                    interval,
                    timeout=timeout,
                    raise_on_failure=True,
                    progress=progress,
                ),
                f"crucible requests wait {dsid} {rid}",
            )
        _finish_line(out)
        plain(f"request {made['id']} ended: {made['status']}")
    emit(made, out=out)


record_command(
    ingestion,
    "status",
    click.argument("request_id", type=int),
    lambda v3, request_id: v3.ingestion.get(request_id),
    help_text="Show an ingestion request (API v3).",
    missing=_MISSING,
    denied=_DENIED,
)


@ingestion.command("wait")
@click.argument("request_id", type=int)
@_timing_options
@output_options
@pass_state
@explained(missing=_MISSING, denied=_DENIED)
def ingestion_wait(
    state: State, request_id: int, timeout: float, interval: float, out: Output
) -> None:
    """Wait for an ingestion request to finish (API v3).

    Exit 3 when it is still running after --timeout seconds, 4 when it failed.
    """
    v3 = need_v3(state, "ingestion wait")
    final = _follow(
        lambda: v3.ingestion.wait(
            request_id,
            timeout,
            interval,
            raise_on_failure=True,
            progress=_status_line(not out.machine),
        ),
        f"crucible ingestion wait {request_id}",
    )
    _finish_line(out)
    plain(f"request {request_id} ended: {final['status']}")
    emit(final, out=out)


@ingestion.command("list")
@click.option(
    "--dataset", "dataset_mfid", type=MFID, help="Only the requests of this dataset's files."
)
@click.option("--file", "file_mfid", type=MFID, help="Only the requests of this file (its MFID).")
@list_options
@output_options
@pass_state
@explained(missing=_MISSING, denied=_DENIED)
def list_ingestion(
    state: State,
    dataset_mfid: str | None,
    file_mfid: str | None,
    limit: int | None,
    out: Output,
) -> None:
    """List the ingestion requests you can see, oldest first (API v3)."""
    v3 = need_v3(state, "ingestion list")
    rows = v3.ingestion.list(dataset_mfid=dataset_mfid, file_mfid=file_mfid, limit=probe(limit))
    emit_rows(limited(rows, limit, "ingestion requests"), out=out, columns=REQUEST_COLUMNS)


@ingestion.command("ingestors")
@output_options
@pass_state
@explained(missing=_MISSING, denied=_DENIED)
def list_ingestors(state: State, out: Output) -> None:
    """List the ingestion classes the server knows (API v3)."""
    emit(need_v3(state, "ingestion ingestors").ingestion.ingestors(), out=out)
