"""Seed-era fidelity: flat upload paths, sample datasets with metadata, lenient bodies."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

import httpx

MakeDataset = Callable[..., dict[str, Any]]


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _upload(client: httpx.Client, dsid: str, name: str, data: bytes) -> httpx.Response:
    return client.post(
        f"/datasets/{dsid}/upload", files=[("files", (name, data, "application/octet-stream"))]
    )


def test_uploads_are_recorded_flat_and_the_same_name_stays_apart_per_dataset(
    make_dataset: MakeDataset, user: httpx.Client
) -> None:
    first, second = make_dataset()["unique_id"], make_dataset()["unique_id"]
    name = "2026-01-15_TRAY23_24.jpg"
    assert _upload(user, first, name, b"first tray").json() == [f"api-uploads/{name}"]
    assert _upload(user, second, name, b"second tray").json() == [f"api-uploads/{name}"]
    for dsid, data in ((first, b"first tray"), (second, b"second tray")):
        assert user.get(f"/datasets/{dsid}").json()["file_to_upload"] == f"api-uploads/{name}"
        (entry,) = user.get(f"/datasets/{dsid}/associated_files").json()
        assert (entry["filename"], entry["sha256_hash"]) == (f"api-uploads/{name}", _sha(data))
        assert user.get(f"/datasets/{dsid}/download/{name}").content == data
        links = user.get(f"/datasets/{dsid}/download_links").json()
        assert list(links) == [f"{dsid}/{name}"]
        assert httpx.get(links[f"{dsid}/{name}"]).content == data


def test_the_seed_flow_records_each_file_once(
    make_dataset: MakeDataset, user: httpx.Client
) -> None:
    # build_new_dataset_from_file: create with file_to_upload, record the other files, upload.
    main, extra = b"main image", b"sidecar notes"
    dsid = make_dataset(file_to_upload="api-uploads/scan.jpg")["unique_id"]
    recorded = user.post(
        f"/datasets/{dsid}/associated_files",
        json={"filename": "api-uploads/notes.txt", "size": len(extra), "sha256_hash": _sha(extra)},
    )
    assert recorded.status_code == 200
    parts = [
        ("files", ("scan.jpg", main, "application/octet-stream")),
        ("files", ("notes.txt", extra, "application/octet-stream")),
    ]
    assert user.post(f"/datasets/{dsid}/upload", files=parts).json() == [
        "api-uploads/scan.jpg",
        "api-uploads/notes.txt",
    ]
    files = user.get(f"/datasets/{dsid}/associated_files").json()
    assert sorted((f["filename"], f["sha256_hash"]) for f in files) == [
        ("api-uploads/notes.txt", _sha(extra)),
        ("api-uploads/scan.jpg", _sha(main)),
    ]
    assert user.get(f"/datasets/{dsid}").json()["sha256_hash_file_to_upload"] == _sha(main)


def test_sample_datasets_carry_metadata_when_asked(
    make_dataset: MakeDataset, user: httpx.Client
) -> None:
    sample = user.post("/samples", json={"sample_name": "with data"}).json()["unique_id"]
    described, bare = make_dataset()["unique_id"], make_dataset()["unique_id"]
    user.post(f"/datasets/{described}/scientific_metadata", json={"temperature_K": 77})
    for dsid in (described, bare):
        user.post(f"/datasets/{dsid}/samples/{sample}")
    path = f"/samples/{sample}/datasets"
    plain = user.get(path).json()
    assert [d["unique_id"] for d in plain] == [described, bare]
    assert all("scientific_metadata" not in d for d in plain)
    rich = user.get(path, params={"include_metadata": True}).json()
    assert [d["scientific_metadata"] for d in rich] == [
        {"dataset_id": described, "scientific_metadata": {"temperature_K": 77}},
        None,
    ]
    filtered = user.get(path, params={"include_metadata": "true", "unique_id": bare}).json()
    assert [(d["unique_id"], d["scientific_metadata"]) for d in filtered] == [(bare, None)]
