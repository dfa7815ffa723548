"""Seed-era fidelity: flat upload paths, sample datasets with metadata, lenient bodies."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from pycrucible.testing import LocalCrucible

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


@pytest.mark.parametrize("kind", ["ingest", "scicat_update", "google_drive_transfer"])
def test_status_patches_take_the_id_as_a_string_as_existing_clients_send_it(
    kind: str, make_dataset: MakeDataset, admin: httpx.Client, server: LocalCrucible
) -> None:
    server.worker_delay = None  # the request stays as set here
    dsid = make_dataset()["unique_id"]
    reqid = admin.post(f"/datasets/{dsid}/{kind}").json()["id"]
    body = {"id": str(reqid), "status": "in_progress"}
    response = admin.patch(f"/datasets/{dsid}/{kind}/{reqid}", json=body)
    assert response.status_code == 200, response.text
    assert response.json()["status"] == "in_progress"
    other = {"id": str(reqid + 1000), "status": "complete"}
    assert admin.patch(f"/datasets/{dsid}/{kind}/{reqid}", json=other).status_code == 400


# The coercions the server makes on JSON bodies: integer fields take decimal-digit strings, as
# the real API's lax validation does; nothing else is converted.
ACCEPTED = [("size", "1024", 1024), ("size", "+7", 7), ("size", 12, 12), ("size", 3.0, 3)]
REFUSED = [
    ("size", "8.5"),
    ("size", 8.5),
    ("size", " 8"),
    ("size", "8e3"),
    ("size", ""),
    ("size", "0x10"),
    ("size", True),
    ("size", "99999999999999999999"),  # beyond 64-bit
    ("dataset_name", 5),
    ("public", "true"),
    ("public", 1),
]


@pytest.mark.parametrize(("field", "sent", "stored"), ACCEPTED)
def test_accepted_coercions(
    field: str, sent: object, stored: object, make_dataset: MakeDataset, user: httpx.Client
) -> None:
    made = user.post("/datasets", json={field: sent})
    assert made.status_code == 200, made.text
    assert made.json()[field] == stored
    dsid = made.json()["unique_id"]
    changed = user.patch(f"/datasets/{dsid}", json={field: sent})
    assert changed.json()[field] == stored


@pytest.mark.parametrize(("field", "sent"), REFUSED)
def test_refused_coercions(
    field: str, sent: object, user: httpx.Client, server: LocalCrucible
) -> None:
    before = server.count("datasets")
    response = user.post("/datasets", json={field: sent})
    assert response.status_code == 422, response.text
    assert response.json()["detail"][0]["loc"][:2] == ["body", field]
    assert server.count("datasets") == before


def test_other_integer_body_fields_take_digit_strings_too(
    make_dataset: MakeDataset, user: httpx.Client, server: LocalCrucible
) -> None:
    dsid = make_dataset()["unique_id"]
    recorded = user.post(
        f"/datasets/{dsid}/associated_files",
        json={"filename": "a.txt", "size": "3", "sha256_hash": "0" * 64},
    )
    assert recorded.json()["size"] == 3
    session = user.post(
        f"/datasets/{dsid}/upload/initiate",
        json={"filename": "b.txt", "size": "5", "sha256_hash": "1" * 64},
    )
    assert session.status_code == 200
    mine = user.get("/account").json()["user_info"]["id"]
    sample = user.post("/samples", json={"owner_user_id": str(mine)})
    assert sample.json()["owner_orcid"] == server.user_orcid
