"""`crucible datasets ...`: list, get, create, update, upload, download, metadata, link."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from pycrucible.cli._app import State, cli, pass_state
from pycrucible.cli._output import emit, json_option, plain, progress_bar

__all__ = ["parse_pairs", "read_json_argument"]

DATASET_COLUMNS = (
    "unique_id",
    "dataset_name",
    "measurement",
    "project_id",
    "public",
    "owner_orcid",
)


def _value(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        return text


def parse_pairs(pairs: tuple[str, ...], what: str) -> dict[str, Any]:
    """Parses `key=value` options; values are JSON when they parse as JSON, else strings.

    Args:
        pairs: The raw option values.
        what: The option name, for error messages.

    Returns:
        The mapping.

    Raises:
        click.BadParameter: A pair without `=` or with an empty key.
    """
    result: dict[str, Any] = {}
    for pair in pairs:
        key, sep, raw = pair.partition("=")
        if not sep or not key.strip():
            raise click.BadParameter(f"expected KEY=VALUE, got {pair!r}", param_hint=what)
        result[key.strip()] = _value(raw)
    return result


def read_json_argument(source: str) -> dict[str, Any]:
    """Reads a JSON object from a file path, `-` (stdin), or inline JSON text.

    Args:
        source: A path, `-`, or a JSON object literal.

    Returns:
        The object.

    Raises:
        click.BadParameter: The input is not a JSON object.
    """
    if source == "-":
        text = sys.stdin.read()
    elif source.lstrip().startswith("{"):
        text = source
    else:
        path = Path(source)
        if not path.is_file():
            raise click.BadParameter(f"no such file: {source}", param_hint="METADATA")
        text = path.read_text(encoding="utf-8")
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise click.BadParameter(f"not valid JSON: {exc}", param_hint="METADATA") from exc
    if not isinstance(data, dict):
        raise click.BadParameter("metadata must be a JSON object", param_hint="METADATA")
    return data


@cli.group()
def datasets() -> None:
    """Datasets: the containers of results, metadata and files."""


@datasets.command("list")
@click.option("--limit", type=click.IntRange(min=1), default=100, show_default=True)
@click.option("--sample", "sample_id", help="Only datasets linked to this sample.")
@click.option("--keyword", help="Datasets with a keyword containing this text (any case).")
@click.option("--project", "project_id", help="Only this project's datasets.")
@click.option("--filter", "filters", multiple=True, metavar="FIELD=VALUE", help="Exact match.")
@json_option
@pass_state
def list_datasets(
    state: State,
    limit: int,
    sample_id: str | None,
    keyword: str | None,
    project_id: str | None,
    filters: tuple[str, ...],
    as_json: bool,
) -> None:
    """List the datasets you can read."""
    criteria = parse_pairs(filters, "--filter")
    if keyword:
        criteria["keyword"] = keyword
    if project_id:
        criteria["project_id"] = project_id
    rows = state.client.list_datasets(sample_id=sample_id, limit=limit, **criteria)
    emit(rows, as_json=as_json, columns=DATASET_COLUMNS)


@datasets.command("get")
@click.argument("dsid")
@click.option("--metadata", "include_metadata", is_flag=True, help="Include scientific metadata.")
@json_option
@pass_state
def get_dataset(state: State, dsid: str, include_metadata: bool, as_json: bool) -> None:
    """Show one dataset."""
    emit(state.client.get_dataset(dsid, include_metadata=include_metadata), as_json=as_json)


@datasets.command("create")
@click.option("--name", "dataset_name", required=True, help="Dataset name.")
@click.option("--measurement", help="Measurement kind, e.g. XRD.")
@click.option("--project", "project_id", help="Project slug.")
@click.option("--instrument", "instrument_name", help="Instrument name.")
@click.option("--session", "session_name", help="Session name.")
@click.option("--data-format", help="File format, e.g. h5.")
@click.option("--public/--private", default=False, show_default=True)
@click.option("--unique-id", help="Choose the id yourself (makes re-running safe).")
@click.option("--metadata", "metadata_source", help="Scientific metadata: JSON file, - or {...}.")
@click.option("--keyword", "keywords", multiple=True, help="Keyword (repeatable).")
@json_option
@pass_state
def create_dataset(
    state: State,
    /,
    metadata_source: str | None,
    keywords: tuple[str, ...],
    as_json: bool,
    **fields: Any,
) -> None:
    """Create a dataset; prints its unique_id (or the record with --json)."""
    metadata = read_json_argument(metadata_source) if metadata_source else None
    given = {k: v for k, v in fields.items() if v is not None}
    record = state.client.create_dataset(
        scientific_metadata=metadata, keywords=list(keywords), **given
    )
    if as_json:
        emit(record, as_json=True)
    else:
        click.echo(record.unique_id)


@datasets.command("update")
@click.argument("dsid")
@click.option("--set", "pairs", multiple=True, required=True, metavar="FIELD=VALUE")
@json_option
@pass_state
def update_dataset(state: State, dsid: str, pairs: tuple[str, ...], as_json: bool) -> None:
    """Change dataset fields, e.g. --set dataset_name=new --set public=true."""
    emit(state.client.update_dataset(dsid, **parse_pairs(pairs, "--set")), as_json=as_json)


@datasets.command("upload")
@click.argument("dsid")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@json_option
@pass_state
def upload(state: State, dsid: str, files: tuple[Path, ...], as_json: bool) -> None:
    """Upload files to a dataset (large files resume after an interruption)."""
    with progress_bar(state.progress and not as_json) as progress:
        uploaded = state.client.upload_dataset(dsid, list(files), progress=progress)
    if as_json:
        emit(uploaded, as_json=True)
    else:
        for item in uploaded:
            plain(f"uploaded {item.name} ({item.size} bytes, sha256 {item.sha256[:12]}...)")


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
@json_option
@pass_state
def download(
    state: State,
    dsid: str,
    file_name: str | None,
    output_dir: Path,
    no_overwrite: bool,
    as_json: bool,
) -> None:
    """Download a dataset's files, verified, into a folder."""
    with progress_bar(state.progress and not as_json) as progress:
        paths = state.client.download_dataset(
            dsid,
            file_name=file_name,
            output_dir=output_dir,
            overwrite_existing=not no_overwrite,
            progress=progress,
        )
    emit([str(p) for p in paths], as_json=as_json)


@datasets.group("metadata")
def metadata() -> None:
    """Scientific metadata of a dataset."""


@metadata.command("get")
@click.argument("dsid")
@json_option
@pass_state
def metadata_get(state: State, dsid: str, as_json: bool) -> None:
    """Show the metadata."""
    emit(state.client.get_scientific_metadata(dsid), as_json=as_json)


@metadata.command("set")
@click.argument("dsid")
@click.argument("source", metavar="METADATA")
@json_option
@pass_state
def metadata_set(state: State, dsid: str, source: str, as_json: bool) -> None:
    """Replace the metadata with a JSON object (file, - for stdin, or inline)."""
    state.client.update_scientific_metadata(dsid, read_json_argument(source), overwrite=True)
    emit(state.client.get_scientific_metadata(dsid), as_json=as_json)


@metadata.command("merge")
@click.argument("dsid")
@click.argument("source", metavar="METADATA")
@json_option
@pass_state
def metadata_merge(state: State, dsid: str, source: str, as_json: bool) -> None:
    """Deep-merge a JSON object into the metadata."""
    state.client.update_scientific_metadata(dsid, read_json_argument(source), overwrite=False)
    emit(state.client.get_scientific_metadata(dsid), as_json=as_json)


@datasets.command("keywords")
@click.argument("dsid")
@click.option("--add", "new", multiple=True, help="Add a keyword first (repeatable).")
@json_option
@pass_state
def keywords(state: State, dsid: str, new: tuple[str, ...], as_json: bool) -> None:
    """List a dataset's keywords, optionally adding some."""
    for keyword in new:
        state.client.add_dataset_keyword(dsid, keyword)
    emit(
        state.client.get_dataset_keywords(dsid),
        as_json=as_json,
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
