"""`crucible files list|get|download|replace`: one dataset's files, one at a time."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import click

from pycrucible.cli._app import EXIT_API, CommandError, State, cli, elevate_option, pass_state
from pycrucible.cli._lists import needs_v3, probe
from pycrucible.cli._output import (
    Output,
    emit,
    emit_rows,
    limited,
    list_options,
    output_options,
    plain,
    to_jsonable,
)

__all__ = ["FILE_COLUMNS_V1", "FILE_COLUMNS_V3", "file_rows", "list_files"]

FILE_COLUMNS_V1 = ("filename", "size", "sha256_hash")
FILE_COLUMNS_V3 = ("mfid", "filename", "size", "etag")


class NoSuchFileError(CommandError):
    """A file name or id the dataset does not have: like the API's 404, exit code 1."""

    exit_code = EXIT_API


@cli.group()
def files() -> None:
    """A dataset's files: list, show, download one, replace one (API v3)."""


def file_rows(state: State, dsid: str, limit: int | None) -> tuple[Iterable[Any], tuple[str, ...]]:
    """A dataset's file records (at most `limit` + 1, so a cut list can be told) and the
    table columns for the server's API version."""
    client = state.client
    if client.api_version == "v3":
        return client.v3.files.list(dsid, limit=probe(limit)), FILE_COLUMNS_V3
    return client.get_associated_files(dsid, limit=probe(limit)), FILE_COLUMNS_V1


def _name_of(record: Any) -> str:
    return str(to_jsonable(record).get("filename") or "")


def find_file(state: State, dsid: str, file: str) -> dict[str, Any]:
    """The record of one of a dataset's files, by its name, its base name or (API v3) its MFID.

    Raises:
        NoSuchFileError: The dataset has no such file (exit 1, with a hint).
    """
    rows, _ = file_rows(state, dsid, None)
    records = [to_jsonable(record) for record in rows]
    for record in records:
        if file in (record.get("filename"), record.get("mfid")):
            return dict(record)
    by_base = [r for r in records if Path(str(r.get("filename") or "")).name == file]
    if len(by_base) == 1:
        return dict(by_base[0])
    names = ", ".join(sorted(str(r.get("filename")) for r in records)[:10]) or "none"
    if len(by_base) > 1:
        raise CommandError(
            f"dataset {dsid} has {len(by_base)} files named {file}",
            hint=f"give the full name: {', '.join(str(r.get('filename')) for r in by_base)}",
        )
    raise NoSuchFileError(
        f"dataset {dsid} has no file {file!r}",
        hint=f"its files: {names} (see `crucible files list {dsid}`)",
    )


@files.command("list")
@click.argument("dsid")
@list_options
@output_options
@elevate_option
@pass_state
def list_files(state: State, dsid: str, limit: int | None, out: Output) -> None:
    """List dataset DSID's files (API v3: with each file's id and ETag)."""
    rows, columns = file_rows(state, dsid, limit)
    emit_rows(limited(rows, limit, "files"), out=out, columns=columns)


@files.command("get")
@click.argument("dsid")
@click.argument("file")
@output_options
@elevate_option
@pass_state
def get_file(state: State, dsid: str, file: str, out: Output) -> None:
    """Show one file of dataset DSID: FILE is its name (or base name), or its id on API v3."""
    record = find_file(state, dsid, file)
    if state.client.api_version == "v3":
        # The single record carries the current ETag (what `files replace` needs).
        record = to_jsonable(state.client.v3.files.get(str(record["mfid"])))
    emit(record, out=out)


def _move_into_place(fetched: Path, target: Path) -> None:
    if target.is_dir():
        raise CommandError(f"{target} is a folder", hint="give a file path, or the folder to --to")
    os.replace(fetched, target)


@files.command("download")
@click.argument("dsid")
@click.argument("file")
@click.option(
    "--to",
    "dest",
    type=click.Path(path_type=Path),
    help="The file to write, or an existing folder to write into (default: the current "
    "folder, under the file's base name).",
)
@output_options
@elevate_option
@pass_state
def download_file(state: State, dsid: str, file: str, dest: Path | None, out: Output) -> None:
    """Download one file of dataset DSID, verified (size and SHA-256).

    The bytes land in a temporary file next to the target, which they replace only once
    checked: an interrupted or failed download never replaces a good file.
    """
    record = find_file(state, dsid, file)
    name = str(record.get("filename"))
    target = (dest or Path(".")).expanduser()
    if target.is_dir():
        target = target / Path(name).name
    if not target.parent.is_dir():
        raise CommandError(
            f"folder {target.parent} does not exist", hint="create it, or give another --to"
        )
    client = state.client
    with tempfile.TemporaryDirectory(dir=target.parent, prefix=".crucible-download-") as tmp:
        with state.track("received", draw=not out.machine) as progress:
            if client.api_version == "v3":
                fetched = client.v3.files.download_file(
                    str(record["mfid"]), Path(tmp) / "file", as_file=True, progress=progress
                )
            else:
                # The seed-era download route takes a base name (no folders).
                [fetched] = client.download_dataset(
                    dsid, file_name=Path(name).name, output_dir=tmp, progress=progress
                )
        _move_into_place(Path(fetched), target)
    size = target.stat().st_size
    if out.machine:
        emit({"path": str(target), "filename": name, "size": size}, out=out)
    else:
        plain(f"downloaded {name} ({size} bytes) to {target}")


@files.command("replace")
@click.argument("dsid")
@click.argument("file")
@click.argument("path", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@click.option(
    "--if-match",
    "etag",
    metavar="ETAG",
    help="Replace only if the file still has this ETag (from `crucible files get`); "
    "default: the ETag read just before, so a change made meanwhile is not overwritten "
    "blindly. '*' replaces whatever is there.",
)
@output_options
@elevate_option
@pass_state
def replace_file(
    state: State, dsid: str, file: str, path: Path, etag: str | None, out: Output
) -> None:
    """Give FILE of dataset DSID the content of local PATH (API v3; same file id)."""
    needs_v3(state, "files replace")
    record = find_file(state, dsid, file)
    mfid = str(record["mfid"])
    client = state.client.v3
    current = etag or str(to_jsonable(client.files.get(mfid)).get("etag") or "*")
    with state.track("sent", draw=not out.machine) as progress:
        replaced = client.files.replace(mfid, path, etag=current, progress=progress)
    if out.machine:
        emit(replaced, out=out)
    else:
        data = to_jsonable(replaced)
        plain(f"replaced {_name_of(replaced)} ({data.get('size')} bytes, etag {data.get('etag')})")
