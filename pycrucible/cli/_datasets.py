"""`crucible datasets ...`: list, get, create, update, upload, download, metadata, link."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import click

from pycrucible.cli._app import State, cli, elevate_option, pass_state
from pycrucible.cli._files import list_files
from pycrucible.cli._input import METADATA_HELP, parse_pairs, read_metadata
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
from pycrucible.parsers import parse_file

__all__: list[str] = []

DATASET_COLUMNS = (
    "unique_id",
    "dataset_name",
    "measurement",
    "project_id",
    "public",
    "owner_orcid",
)


@cli.group()
def datasets() -> None:
    """Datasets: the containers of results, metadata and files."""


@datasets.command("list")
@click.option("--sample", "sample_id", help="Only datasets linked to this sample.")
@click.option("--keyword", help="Datasets with a keyword containing this text (any case).")
@click.option("--project", "project_id", help="Only this project's datasets.")
@click.option("--filter", "filters", multiple=True, metavar="FIELD=VALUE", help="Exact match.")
@list_options
@output_options
@elevate_option
@pass_state
def list_datasets(
    state: State,
    sample_id: str | None,
    keyword: str | None,
    project_id: str | None,
    filters: tuple[str, ...],
    limit: int | None,
    out: Output,
) -> None:
    """List the datasets you can read (newest first on API v3)."""
    criteria = parse_pairs(filters, "--filter")
    if keyword:
        criteria["keyword"] = keyword
    if project_id:
        criteria["project_id"] = project_id
    # One more than asked for tells whether the list was cut.
    ask = probe(limit)
    client = state.client
    if client.api_version == "v3":
        method = client.v3.datasets.list
        rows: Iterable[Any] = method(
            sample_id=sample_id, limit=ask, **check_filters(method, criteria)
        )
    else:
        rows = client.list_datasets(sample_id=sample_id, limit=ask, **criteria)
    emit_rows(limited(rows, limit, "datasets"), out=out, columns=DATASET_COLUMNS)


@datasets.command("get")
@click.argument("dsid")
@click.option("--metadata", "include_metadata", is_flag=True, help="Include scientific metadata.")
@output_options
@pass_state
def get_dataset(state: State, dsid: str, include_metadata: bool, out: Output) -> None:
    """Show one dataset."""
    emit(state.client.get_dataset(dsid, include_metadata=include_metadata), out=out)


@datasets.command("create")
@click.option("--name", "dataset_name", required=True, help="Dataset name.")
@click.option("--measurement", help="Measurement kind, for example XRD.")
@click.option("--project", "project_id", help="Project slug.")
@click.option("--instrument", "instrument_name", help="Instrument name.")
@click.option("--session", "session_name", help="Session name.")
@click.option("--data-format", help="File format, for example h5.")
@click.option("--public/--private", default=False, show_default=True)
@click.option("--unique-id", help="Choose the id yourself (makes re-running safe).")
@click.option(
    "--metadata",
    "metadata_sources",
    multiple=True,
    help=f"Scientific metadata: {METADATA_HELP} (repeat --metadata for several pairs).",
)
@click.option("--keyword", "keywords", multiple=True, help="Keyword (repeatable).")
@output_options
@pass_state
def create_dataset(
    state: State,
    /,
    metadata_sources: tuple[str, ...],
    keywords: tuple[str, ...],
    out: Output,
    **fields: Any,
) -> None:
    """Create a dataset; prints its unique_id (or the record with --json)."""
    metadata = read_metadata(metadata_sources, "--metadata") if metadata_sources else None
    given = {k: v for k, v in fields.items() if v is not None}
    record = state.client.create_dataset(
        scientific_metadata=metadata, keywords=list(keywords), **given
    )
    if out.machine:
        emit(record, out=out)
    else:
        click.echo(record.unique_id)


@datasets.command("update")
@click.argument("dsid")
@click.option("--set", "pairs", multiple=True, required=True, metavar="FIELD=VALUE")
@output_options
@pass_state
def update_dataset(state: State, dsid: str, pairs: tuple[str, ...], out: Output) -> None:
    """Change dataset fields: --set dataset_name=new --set public=true."""
    emit(state.client.update_dataset(dsid, **parse_pairs(pairs, "--set")), out=out)


@datasets.command("delete")
@click.argument("dsid")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@output_options
@pass_state
def delete(state: State, dsid: str, yes: bool, out: Output) -> None:
    """Ask the API to delete a dataset, and show its answer.

    The seed-era API does not implement deletion: it answers 501, shown as an error (exit 1).
    """
    if not yes:
        click.confirm(f"Delete dataset {dsid}?", abort=True, err=True)
    emit(state.client.delete_dataset(dsid), out=out)


@datasets.command("upload")
@click.argument("dsid")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--parser",
    default="none",
    show_default=True,
    metavar="auto|none|NAME",
    help="Read metadata from the first file (auto: by suffix) and add the keys the dataset "
    "does not have yet to its scientific metadata.",
)
@output_options
@pass_state
def upload(state: State, dsid: str, files: tuple[Path, ...], parser: str, out: Output) -> None:
    """Upload files to a dataset (large files resume after an interruption)."""
    # Parsed before anything is sent: a bad file stops here, with nothing uploaded.
    parsed = parse_file(files[0], parser) if parser != "none" else {}
    with state.track("sent", draw=not out.machine) as progress:
        uploaded = state.client.upload_dataset(dsid, list(files), progress=progress)
    if parsed:
        have = state.client.get_scientific_metadata(dsid) or {}
        new = {key: value for key, value in parsed.items() if key not in have}
        if new:
            state.client.update_scientific_metadata(dsid, new, overwrite=False)
    if out.machine:
        emit(uploaded, out=out)
    else:
        for item in uploaded:
            # Seed-era servers report an UploadedFile; API v3 answers with the file record.
            name = getattr(item, "name", None) or getattr(item, "filename", "?")
            sha = str(getattr(item, "sha256", None) or getattr(item, "sha256_hash", ""))
            if getattr(item, "method", None) == "existing":
                plain(f"{name}: already on the server, skipped")
            else:
                plain(f"uploaded {name} ({item.size} bytes, sha256 {sha[:12]}...)")


@datasets.command("upload-new")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--name", "dataset_name", help="Dataset name.")
@click.option("--measurement", help="Measurement kind, for example XRD.")
@click.option("--project", "project_id", help="Project slug.")
@click.option("--instrument", "instrument_name", help="Instrument name.")
@click.option(
    "--metadata",
    "metadata_sources",
    multiple=True,
    help=f"Scientific metadata: {METADATA_HELP} (its keys win over parsed ones).",
)
@click.option("--keyword", "keywords", multiple=True, help="Keyword (repeatable).")
@click.option(
    "--parser",
    default="none",
    show_default=True,
    metavar="auto|none|NAME",
    help="Read metadata from the first file (auto: by suffix).",
)
@click.option("--ingest/--no-ingest", default=True, show_default=True)
@output_options
@pass_state
def upload_new(
    state: State,
    /,
    files: tuple[Path, ...],
    metadata_sources: tuple[str, ...],
    keywords: tuple[str, ...],
    parser: str,
    ingest: bool,
    out: Output,
    **fields: Any,
) -> None:
    """Create a dataset from files in one go (safe to run again); prints its unique_id."""
    metadata = read_metadata(metadata_sources, "--metadata") if metadata_sources else None
    given = {k: v for k, v in fields.items() if v is not None}
    with state.track("sent", draw=not out.machine) as progress:
        result = state.client.upload_new_dataset(
            list(files),
            scientific_metadata=metadata,
            keywords=list(keywords),
            parser=parser,
            ingest=ingest,
            progress=progress,
            **given,
        )
    if out.machine:
        emit({"unique_id": result.dsid, "created": result.created}, out=out)
    else:
        click.echo(result.dsid)


@datasets.command("download")
@click.argument("dsid")
@click.option("--file", "file_name", help="Only this file (by name); all files by default.")
@click.option(
    "--output-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("crucible-downloads"),
    show_default=True,
)
@click.option("--no-overwrite", is_flag=True, help="Keep files that already exist.")
@output_options
@pass_state
def download(
    state: State,
    dsid: str,
    file_name: str | None,
    output_dir: Path,
    no_overwrite: bool,
    out: Output,
) -> None:
    """Download a dataset's files, verified, into a folder."""
    with state.track("received", draw=not out.machine) as progress:
        paths = state.client.download_dataset(
            dsid,
            file_name=file_name,
            output_dir=output_dir,
            overwrite_existing=not no_overwrite,
            progress=progress,
        )
    emit([str(p) for p in paths], out=out)


@datasets.group("metadata")
def metadata() -> None:
    """Scientific metadata of a dataset."""


@metadata.command("get")
@click.argument("dsid")
@output_options
@pass_state
def metadata_get(state: State, dsid: str, out: Output) -> None:
    """Show the metadata."""
    emit(state.client.get_scientific_metadata(dsid), out=out)


@metadata.command("set")
@click.argument("dsid")
@click.argument("sources", metavar="METADATA...", nargs=-1, required=True)
@output_options
@pass_state
def metadata_set(state: State, dsid: str, sources: tuple[str, ...], out: Output) -> None:
    """Replace the metadata with a JSON object, or with key=value pairs.

    METADATA is a JSON file, - for stdin, an inline {...} object, or key=value pairs.
    """
    state.client.update_scientific_metadata(dsid, read_metadata(sources), overwrite=True)
    emit(state.client.get_scientific_metadata(dsid), out=out)


@metadata.command("merge")
@click.argument("dsid")
@click.argument("sources", metavar="METADATA...", nargs=-1, required=True)
@output_options
@pass_state
def metadata_merge(state: State, dsid: str, sources: tuple[str, ...], out: Output) -> None:
    """Deep-merge a JSON object, or key=value pairs, into the metadata.

    METADATA is a JSON file, - for stdin, an inline {...} object, or key=value pairs.
    """
    state.client.update_scientific_metadata(dsid, read_metadata(sources), overwrite=False)
    emit(state.client.get_scientific_metadata(dsid), out=out)


@datasets.command("keywords")
@click.argument("dsid")
@click.option("--add", "new", multiple=True, help="Add a keyword first (repeatable).")
@output_options
@pass_state
def keywords(state: State, dsid: str, new: tuple[str, ...], out: Output) -> None:
    """List a dataset's keywords, optionally adding some."""
    for keyword in new:
        state.client.add_dataset_keyword(dsid, keyword)
    emit(
        state.client.get_dataset_keywords(dsid),
        out=out,
        columns=("keyword", "num_datasets"),
    )


@datasets.command("link")
@click.argument("parent")
@click.argument("child")
@pass_state
def link(state: State, parent: str, child: str) -> None:
    """Make CHILD a child dataset of PARENT."""
    state.client.link_datasets(parent, child)
    plain(f"linked {child} under {parent}")


# `crucible datasets files DSID` is `crucible files list DSID` under its older name.
datasets.add_command(list_files, "files")
