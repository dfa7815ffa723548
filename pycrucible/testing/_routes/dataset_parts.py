"""Parts of a dataset: keywords, scientific metadata, thumbnails, files, Drive folders."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Body, Query
from pydantic import AfterValidator

from pycrucible.testing._auth import BackendDep, CallerDep, dataset_for
from pycrucible.testing._db import Database, Row
from pycrucible.testing._limits import check_metadata_depth
from pycrucible.testing._models import AssociatedFileCreate, ThumbnailCreate
from pycrucible.testing._records import (
    file_out,
    keyword_counts,
    merge,
    metadata_record,
    record_file,
)

router = APIRouter(tags=["datasets"])

MetadataBody = Annotated[dict[str, Any], AfterValidator(check_metadata_depth), Body()]
"""Free-form metadata; nested deeper than the depth limit answers 422 before storing."""


@router.get("/datasets/{dsid}/keywords")
def list_dataset_keywords(
    dsid: str, caller: CallerDep, backend: BackendDep
) -> list[dict[str, Any]]:
    """Keywords of one dataset, each with how many datasets the caller may read carry it."""
    db = backend.db
    row = dataset_for(db, caller, dsid)
    order = {
        entry["keyword"]: index
        for index, entry in enumerate(
            db.all(
                "SELECT keyword FROM dataset_keywords WHERE dataset_id = ? ORDER BY rowid",
                [row["id"]],
            )
        )
    }
    counts = keyword_counts(db, caller, dataset_id=row["id"])
    return sorted(counts, key=lambda entry: order[entry["keyword"]])


@router.post("/datasets/{dsid}/keywords")
def add_dataset_keyword(
    dsid: str, keyword: Annotated[str, Query()], caller: CallerDep, backend: BackendDep
) -> dict[str, Any]:
    """Tag a dataset; adding the same keyword twice is harmless."""
    db = backend.db
    row = dataset_for(db, caller, dsid, write=True)
    db.execute(
        "INSERT OR IGNORE INTO dataset_keywords (dataset_id, keyword) VALUES (?, ?)",
        [row["id"], keyword],
    )
    (counted,) = keyword_counts(db, caller, keyword=keyword)
    return counted


def _store_metadata(db: Database, dataset: Row, metadata: dict[str, Any]) -> dict[str, Any]:
    db.execute(
        "INSERT INTO scientific_metadata (dataset_id, body) VALUES (?, ?) "
        "ON CONFLICT (dataset_id) DO UPDATE SET body = excluded.body",
        [dataset["id"], json.dumps(metadata)],
    )
    return {"dataset_id": dataset["unique_id"], "scientific_metadata": metadata}


@router.get("/datasets/{dsid}/scientific_metadata")
def get_scientific_metadata(
    dsid: str, caller: CallerDep, backend: BackendDep
) -> dict[str, Any] | None:
    """The metadata record (the dictionary under ``scientific_metadata``), or null."""
    return metadata_record(backend.db, dataset_for(backend.db, caller, dsid))


@router.post("/datasets/{dsid}/scientific_metadata")
def set_scientific_metadata(
    dsid: str, body: MetadataBody, caller: CallerDep, backend: BackendDep
) -> dict[str, Any]:
    """Replace the dataset's metadata with the body."""
    db = backend.db
    return _store_metadata(db, dataset_for(db, caller, dsid, write=True), body)


@router.patch("/datasets/{dsid}/scientific_metadata")
def merge_scientific_metadata(
    dsid: str, body: MetadataBody, caller: CallerDep, backend: BackendDep
) -> dict[str, Any]:
    """Deep-merge the body into the stored metadata (creating it when absent)."""
    db = backend.db
    with db.transaction():
        row = dataset_for(db, caller, dsid, write=True)
        current = metadata_record(db, row)
        base = current["scientific_metadata"] if current else {}
        return _store_metadata(db, row, merge(base, body))


@router.get("/datasets/{dsid}/thumbnails")
def list_thumbnails(dsid: str, caller: CallerDep, backend: BackendDep) -> list[dict[str, Any]]:
    """The dataset's thumbnails, base64-encoded."""
    db = backend.db
    row = dataset_for(db, caller, dsid)
    return db.all(
        "SELECT id, dataset_id, thumbnail_name, thumbnail_b64str FROM thumbnails "
        "WHERE dataset_id = ? ORDER BY id",
        [row["id"]],
    )


@router.post("/datasets/{dsid}/thumbnails")
def add_thumbnail(
    dsid: str, body: ThumbnailCreate, caller: CallerDep, backend: BackendDep
) -> dict[str, Any]:
    """Add a base64-encoded thumbnail."""
    db = backend.db
    row = dataset_for(db, caller, dsid, write=True)
    values = {"dataset_id": row["id"], **body.model_dump()}
    return {"id": db.insert("thumbnails", values), **values}


@router.get("/datasets/{dsid}/associated_files")
def list_associated_files(
    dsid: str, caller: CallerDep, backend: BackendDep
) -> list[dict[str, Any]]:
    """Files recorded for the dataset."""
    db = backend.db
    row = dataset_for(db, caller, dsid)
    files = db.all("SELECT * FROM files WHERE dataset_id = ? ORDER BY id", [row["id"]])
    return [file_out(entry) for entry in files]


@router.post("/datasets/{dsid}/associated_files")
def add_associated_file(
    dsid: str, body: AssociatedFileCreate, caller: CallerDep, backend: BackendDep
) -> dict[str, Any]:
    """Record a file (path, size, SHA-256) with the dataset."""
    db = backend.db
    with db.transaction():
        row = dataset_for(db, caller, dsid, write=True)
        entry = record_file(db, row["id"], body.filename, body.size, body.sha256_hash, None)
    return file_out(entry)


@router.get("/datasets/{dsid}/drive_location")
def list_drive_locations(dsid: str, caller: CallerDep, backend: BackendDep) -> list[dict[str, Any]]:
    """Google Drive folders holding the dataset, each with status ``current`` (as the real API)."""
    db = backend.db
    row = dataset_for(db, caller, dsid)
    return db.all(
        "SELECT folder_path_in_drive, status, drive_name, url FROM drive_locations "
        "WHERE dataset_id = ? ORDER BY id",
        [row["id"]],
    )
