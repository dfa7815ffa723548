"""Record counts for `LocalCrucible.count`, on either API version's tables or both.

The seed-era API and API v3 keep their records in separate tables of the one database; a
record kind has one counting query per version (None where that version has no such record).
"""

from __future__ import annotations

from typing import Literal

from pycrucible.testing._db import Database
from pycrucible.testing._v3_records import INGEST_KIND

ApiVersion = Literal["v1", "v3"]

_V3_DATASET_PARENT = "parent_mfid IN (SELECT unique_id FROM v3_datasets)"
_V3_SAMPLE_PARENT = "parent_mfid IN (SELECT unique_id FROM v3_samples)"


def _n(rows: str) -> str:
    """A SQL expression counting `rows` (a table, optionally with its WHERE clause)."""
    return f"(SELECT COUNT(*) FROM {rows})"


# kind -> (seed-era count, v3 count): SQL expressions, or None where the version has no such kind.
_QUERIES: dict[str, tuple[str | None, str | None]] = {
    "datasets": (_n("datasets"), _n("v3_datasets")),
    "samples": (_n("samples"), _n("v3_samples")),
    "users": (_n("users"), _n("v3_users")),
    "projects": (_n("projects"), _n("v3_projects")),
    "instruments": (_n("instruments"), _n("v3_instruments")),
    "files": (_n("files"), _n("v3_files")),
    "thumbnails": (_n("thumbnails"), _n("v3_thumbnails")),
    # v3 ingestion requests share the seed-era `requests` table (the workers run both).
    "requests": (
        _n(f"requests WHERE kind != '{INGEST_KIND}'"),
        _n(f"requests WHERE kind = '{INGEST_KIND}'") + " + " + _n("v3_processing"),
    ),
    "dataset_keywords": (_n("dataset_keywords"), _n("v3_keywords")),
    "dataset_links": (_n("dataset_links"), _n(f"v3_links WHERE {_V3_DATASET_PARENT}")),
    "sample_links": (_n("sample_links"), _n(f"v3_links WHERE {_V3_SAMPLE_PARENT}")),
    "dataset_samples": (_n("dataset_samples"), _n("v3_dataset_samples")),
    "dataset_grants": (
        _n("dataset_grants"),
        _n("v3_grants WHERE resource_mfid IN (SELECT unique_id FROM v3_datasets)"),
    ),
    "drive_locations": (_n("drive_locations"), None),
    "upload_sessions": (_n("upload_sessions"), _n("v3_uploads")),
    "grants": (None, _n("v3_grants")),
    "project_members": (None, _n("v3_project_members")),
    "deletion_requests": (None, _n("v3_deletion_requests")),
    "join_requests": (None, _n("v3_join_requests")),
}

COUNTABLE = frozenset(_QUERIES)
"""The record kinds `count_records` knows."""


def count_records(db: Database, kind: str, version: ApiVersion | None) -> int:
    """Counts the records of one kind.

    Args:
        db: The server's database.
        kind: A name of `COUNTABLE`, e.g. ``"datasets"``, ``"files"``, ``"requests"``.
        version: ``"v1"`` for the seed-era API's records, ``"v3"`` for API v3's, None for both
            (their sum; a kind that only one version has counts that version's).

    Returns:
        The number of records.

    Raises:
        ValueError: An unknown kind or version, or a kind the given version does not have.
    """
    if kind not in _QUERIES:
        raise ValueError(f"cannot count {kind!r}; choose one of {sorted(COUNTABLE)}")
    if version not in ("v1", "v3", None):
        raise ValueError(f"version must be 'v1', 'v3' or None (both), got {version!r}")
    seed, v3 = _QUERIES[kind]
    if version == "v1":
        queries = [seed]
    elif version == "v3":
        queries = [v3]
    else:
        queries = [q for q in (seed, v3) if q is not None]
    if None in queries:
        other = "API v3" if version == "v1" else "the seed-era API"
        raise ValueError(f"cannot count {kind!r} on {version}: only {other} has them")
    return sum(int(db.scalar(f"SELECT {q}")) for q in queries if q is not None)
