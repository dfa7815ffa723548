"""Database rows → JSON records of the contract, and the filtered list queries."""

from __future__ import annotations

import json
from typing import Any

from pycrucible.testing._access import Caller, dataset_access_sql, sample_access_sql
from pycrucible.testing._db import Database, Row, fits_int64
from pycrucible.testing._files import base_name
from pycrucible.testing._models import DatasetFilters, SampleFilters

DATASET_COLUMNS = (
    "id",
    "unique_id",
    "dataset_name",
    "public",
    "owner_user_id",
    "owner_orcid",
    "project_id",
    "instrument_id",
    "instrument_name",
    "measurement",
    "session_name",
    "creation_time",
    "data_format",
    "file_to_upload",
    "size",
    "sha256_hash_file_to_upload",
    "source_folder",
    "json_link",
)
SAMPLE_COLUMNS = (
    "id",
    "unique_id",
    "sample_name",
    "owner_orcid",
    "owner_user_id",
    "description",
    "date_created",
    "project_id",
    "sample_type",
)
USER_COLUMNS = ("id", "orcid", "first_name", "last_name", "email", "lbl_email", "employee_number")
PROJECT_COLUMNS = (
    "id",
    "project_id",
    "organization",
    "title",
    "status",
    "project_lead_email",
    "project_lead_name",
)
INSTRUMENT_COLUMNS = (
    "id",
    "unique_id",
    "instrument_name",
    "location",
    "owner",
    "manufacturer",
    "model",
    "description",
    "instrument_type",
)

DATASET_FILTERS = tuple(
    name for name in DatasetFilters.model_fields if name not in {"keyword", "limit"}
)
SAMPLE_FILTERS = tuple(name for name in SampleFilters.model_fields if name != "limit")


def pick(row: Row, columns: tuple[str, ...]) -> dict[str, Any]:
    """Return the named columns of a row as a new dictionary."""
    return {column: row[column] for column in columns}


def dataset_out(row: Row) -> dict[str, Any]:
    """Return a dataset row as the contract's ``Dataset``."""
    record = pick(row, DATASET_COLUMNS)
    record["public"] = bool(record["public"])
    return record


def metadata_record(db: Database, dataset: Row) -> dict[str, Any] | None:
    """Return a dataset's ``ScientificMetadataRecord``, or None when it has no metadata."""
    body = db.scalar("SELECT body FROM scientific_metadata WHERE dataset_id = ?", [dataset["id"]])
    if body is None:
        return None
    return {"dataset_id": dataset["unique_id"], "scientific_metadata": json.loads(body)}


def datasets_out(db: Database, rows: list[Row], *, include_metadata: bool) -> list[dict[str, Any]]:
    """Return dataset rows as ``Dataset`` records, each with its metadata record when asked.

    With ``include_metadata`` every record gets ``scientific_metadata``: the dataset's
    ``ScientificMetadataRecord`` (the dictionary under its own ``scientific_metadata`` key, as
    the seed-era API nests it), or null.
    """
    records = [dataset_out(row) for row in rows]
    if include_metadata:
        for record, row in zip(records, rows, strict=True):
            record["scientific_metadata"] = metadata_record(db, row)
    return records


def sample_out(db: Database, caller: Caller, row: Row) -> dict[str, Any]:
    """Return a sample row as the contract's ``Sample``, with the datasets the caller may read."""
    record = pick(row, SAMPLE_COLUMNS)
    condition, params = dataset_access_sql(caller, write=False)
    record["datasets"] = db.all(
        "SELECT d.id, d.unique_id, d.dataset_name, d.measurement FROM datasets d "
        f"JOIN dataset_samples ds ON ds.dataset_id = d.id WHERE ds.sample_id = ? AND {condition} "
        "ORDER BY d.id",
        [row["id"], *params],
    )
    return record


def file_out(row: Row) -> dict[str, Any]:
    """Return a file row as the contract's ``AssociatedFile``."""
    return {
        "id": row["id"],
        "filename": row["filename"],
        "size": row["size"],
        "sha256_hash": row["sha256_hash"],
    }


def request_out(row: Row, dsid: str) -> dict[str, Any]:
    """Return a request row as the contract's ``ProcessingRequest``."""
    return {
        "id": row["id"],
        "status": row["status"],
        "dataset_id": dsid,
        "ingestion_class": row["ingestion_class"],
        "file_to_upload": row["file_to_upload"],
        "time_requested": row["time_requested"],
        "time_completed": row["time_completed"],
        "error_message": row["error_message"],
    }


def keyword_counts(
    db: Database, caller: Caller, *, dataset_id: int | None = None, keyword: str | None = None
) -> list[Row]:
    """Return keywords with ``num_datasets``, counting only datasets the caller may read.

    Keywords carried only by datasets the caller cannot read are left out, so neither the words
    nor the counts reveal private datasets.

    Args:
        db: The database.
        caller: Whose read access applies.
        dataset_id: Only the keywords of this dataset (still counted over every readable one).
        keyword: Only this keyword.
    """
    readable, params = dataset_access_sql(caller, write=False)
    counted = (
        "SELECT k.keyword, COUNT(*) AS num_datasets, MIN(k.rowid) AS first FROM dataset_keywords k "
        f"JOIN datasets d ON d.id = k.dataset_id WHERE {readable} GROUP BY k.keyword"
    )
    clauses: list[str] = []
    extra: list[Any] = []
    if dataset_id is not None:
        clauses.append("c.keyword IN (SELECT keyword FROM dataset_keywords WHERE dataset_id = ?)")
        extra.append(dataset_id)
    if keyword is not None:
        clauses.append("c.keyword = ?")
        extra.append(keyword)
    where = " AND ".join(clauses) or "1"
    return db.all(
        f"SELECT c.keyword, c.num_datasets FROM ({counted}) c WHERE {where} ORDER BY c.first",
        [*params, *extra],
    )


def record_file(
    db: Database, dataset_id: int, filename: str, size: int, sha256: str, stored: str | None
) -> Row:
    """Record (or update) a file of a dataset by its file name; return the row."""
    db.execute(
        "INSERT INTO files (dataset_id, filename, size, sha256_hash, stored_name) "
        "VALUES (?, ?, ?, ?, ?) ON CONFLICT (dataset_id, filename) DO UPDATE SET "
        "size = excluded.size, sha256_hash = excluded.sha256_hash, "
        "stored_name = COALESCE(excluded.stored_name, files.stored_name)",
        [dataset_id, filename, size, sha256, stored],
    )
    row = db.one(
        "SELECT * FROM files WHERE dataset_id = ? AND filename = ?", [dataset_id, filename]
    )
    assert row is not None
    return row


def _where(filters: dict[str, Any]) -> tuple[list[str], list[Any]] | None:
    """Exact-match conditions for the given filters; None when an integer cannot match."""
    clauses: list[str] = []
    params: list[Any] = []
    for column, value in filters.items():
        if value is None:
            continue
        if isinstance(value, bool):
            value = int(value)
        elif isinstance(value, int) and not fits_int64(value):
            return None
        clauses.append(f"{column} = ?")
        params.append(value)
    return clauses, params


def query_datasets(
    db: Database,
    caller: Caller,
    filters: DatasetFilters,
    *,
    scope: str = "1",
    scope_params: list[Any] | None = None,
) -> list[Row]:
    """Return the datasets the caller may read that pass the filters, oldest first.

    Args:
        db: The database.
        caller: Whose access applies.
        filters: Exact filters; ``keyword`` is a case-insensitive substring match.
        scope: An extra SQL condition on ``d`` (for example children of one dataset).
        scope_params: Parameters of ``scope``.
    """
    built = _where({f"d.{name}": getattr(filters, name) for name in DATASET_FILTERS})
    if built is None:
        return []
    clauses, params = built
    if filters.keyword is not None:
        clauses.append(
            "d.id IN (SELECT dataset_id FROM dataset_keywords "
            "WHERE instr(casefold(keyword), casefold(?)) > 0)"
        )
        params.append(filters.keyword)
    access, access_params = dataset_access_sql(caller, write=False)
    where = " AND ".join([scope, access, *clauses])
    sql = f"SELECT d.* FROM datasets d WHERE {where} ORDER BY d.id"
    rows = db.all(sql, [*(scope_params or []), *access_params, *params])
    return rows if filters.limit is None else rows[: filters.limit]


def query_samples(
    db: Database,
    caller: Caller,
    filters: SampleFilters,
    *,
    scope: str = "1",
    scope_params: list[Any] | None = None,
) -> list[dict[str, Any]]:
    """Return the samples the caller may read that pass the exact filters, oldest first."""
    built = _where({f"s.{name}": getattr(filters, name) for name in SAMPLE_FILTERS})
    if built is None:
        return []
    clauses, params = built
    access, access_params = sample_access_sql(caller, write=False)
    where = " AND ".join([scope, access, *clauses])
    sql = f"SELECT s.* FROM samples s WHERE {where} ORDER BY s.id"
    rows = db.all(sql, [*(scope_params or []), *access_params, *params])
    if filters.limit is not None:
        rows = rows[: filters.limit]
    return [sample_out(db, caller, row) for row in rows]


def find_stored_file(db: Database, dataset_id: int, wanted: str | None) -> Row | None:
    """Return the stored file of a dataset that ``wanted`` names, by path or base name.

    Without ``wanted`` the first stored file is returned. Files only recorded (never stored on
    this server) do not count.
    """
    rows = db.all(
        "SELECT * FROM files WHERE dataset_id = ? AND stored_name IS NOT NULL ORDER BY id",
        [dataset_id],
    )
    if wanted is None:
        return rows[0] if rows else None
    for row in rows:
        if row["filename"] == wanted:
            return row
    for row in rows:
        if base_name(row["filename"]) == base_name(wanted):
            return row
    return None


def mfid_in_use(db: Database, unique_id: str) -> bool:
    """Tell whether any dataset, sample or instrument already has this ``unique_id``."""
    return any(
        db.one(f"SELECT 1 FROM {table} WHERE unique_id = ?", [unique_id])
        for table in ("datasets", "samples", "instruments")
    )


def add_link(db: Database, table: str, parent_id: int, child_id: int) -> bool:
    """Link a parent to a child in a link table; linking twice is harmless.

    Returns:
        False (and links nothing) when the link would make a record its own ancestor.
    """
    reaches_parent = (
        f"WITH RECURSIVE down(id) AS (SELECT ? UNION SELECT l.child_id FROM {table} l "
        "JOIN down ON l.parent_id = down.id) SELECT 1 FROM down WHERE id = ?"
    )
    with db.transaction():
        if db.one(reaches_parent, [child_id, parent_id]) is not None:
            return False
        db.execute(
            f"INSERT OR IGNORE INTO {table} (parent_id, child_id) VALUES (?, ?)",
            [parent_id, child_id],
        )
    return True


def remove_link(db: Database, table: str, parent_id: int, child_id: int) -> bool:
    """Remove a link from a link table; return whether there was one."""
    sql = f"DELETE FROM {table} WHERE parent_id = ? AND child_id = ?"
    return db.execute(sql, [parent_id, child_id]) > 0


def merge(base: dict[str, Any], patch: dict[str, Any]) -> dict[str, Any]:
    """Deep-merge ``patch`` into a copy of ``base``: nested objects merge key by key."""
    merged = dict(base)
    for key, value in patch.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = merge(merged[key], value)
        else:
            merged[key] = value
    return merged
