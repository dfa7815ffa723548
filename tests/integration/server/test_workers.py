"""Simulated workers: status transitions, failure statuses, products, freezing, admin PATCH."""

from __future__ import annotations

import base64
import time
from collections.abc import Callable
from datetime import datetime
from typing import Any

import httpx

from pycrucible.testing import LocalCrucible

MakeDataset = Callable[..., dict[str, Any]]
WaitFor = Callable[..., dict[str, Any]]


def _dataset_with_file(make_dataset: MakeDataset, user: httpx.Client, name: str) -> str:
    dsid = str(make_dataset()["unique_id"])
    user.post(f"/datasets/{dsid}/upload", files=[("files", (name, b"\x89PNG fake", "image/png"))])
    return dsid


def test_ingestion_goes_requested_started_complete(
    make_dataset: MakeDataset, user: httpx.Client, server: LocalCrucible
) -> None:
    server.worker_delay = 0.4  # long enough to see each status even on a busy machine
    dsid = _dataset_with_file(make_dataset, user, "data.h5")
    request = user.post(f"/datasets/{dsid}/ingest", params={"ingestion_class": "ApiUploadIngestor"})
    created = request.json()
    assert created["status"] == "requested"
    assert created["time_completed"] is None
    datetime.fromisoformat(created["time_requested"])
    path = f"/datasets/{dsid}/ingest/{created['id']}"
    seen = [created["status"]]
    deadline = time.monotonic() + 5
    while seen[-1] != "complete" and time.monotonic() < deadline:
        status = user.get(path).json()["status"]
        if status != seen[-1]:
            seen.append(status)
        time.sleep(0.01)
    assert seen == ["requested", "started", "complete"]
    final = user.get(path).json()
    assert final["ingestion_class"] == "ApiUploadIngestor"
    assert datetime.fromisoformat(final["time_completed"]) >= datetime.fromisoformat(
        final["time_requested"]
    )


def test_unknown_ingestor_ends_not_supported(
    make_dataset: MakeDataset, user: httpx.Client, wait_for: WaitFor
) -> None:
    dsid = _dataset_with_file(make_dataset, user, "data.hdf5")
    reqid = user.post(f"/datasets/{dsid}/ingest", params={"ingestion_class": "hdf5_processor"})
    final = wait_for(user, f"/datasets/{dsid}/ingest/{reqid.json()['id']}")
    assert final["status"] == "not supported"
    assert "hdf5_processor" in final["error_message"]


def test_missing_file_ends_file_not_found(
    make_dataset: MakeDataset, user: httpx.Client, wait_for: WaitFor
) -> None:
    dsid = make_dataset(file_to_upload="api-uploads/never-uploaded.h5")["unique_id"]
    reqid = user.post(f"/datasets/{dsid}/ingest").json()["id"]
    assert wait_for(user, f"/datasets/{dsid}/ingest/{reqid}")["status"] == "file not found"
    other = _dataset_with_file(make_dataset, user, "here.h5")
    named = user.post(f"/datasets/{other}/ingest", params={"file_to_upload": "api-uploads/gone.h5"})
    assert wait_for(user, f"/datasets/{other}/ingest/{named.json()['id']}")["status"] == (
        "file not found"
    )


def test_image_ingestion_adds_a_thumbnail_and_a_produced_file(
    make_dataset: MakeDataset, user: httpx.Client, wait_for: WaitFor
) -> None:
    dsid = _dataset_with_file(make_dataset, user, "tray.jpg")
    reqid = user.post(
        f"/datasets/{dsid}/ingest",
        params={"file_to_upload": "api-uploads/tray.jpg", "ingestion_class": "ImageIngestor"},
    ).json()["id"]
    assert wait_for(user, f"/datasets/{dsid}/ingest/{reqid}")["status"] == "complete"
    [thumbnail] = user.get(f"/datasets/{dsid}/thumbnails").json()
    assert base64.b64decode(thumbnail["thumbnail_b64str"]).startswith(b"\x89PNG\r\n\x1a\n")
    links = user.get(f"/datasets/{dsid}/download_links").json()
    assert set(links) == {f"{dsid}/tray.jpg", f"{dsid}/tray_thumbnail.png"}
    assert httpx.get(links[f"{dsid}/tray_thumbnail.png"]).content.startswith(b"\x89PNG")
    assert user.get(f"/datasets/{dsid}").json()["data_format"] == "jpg"


def test_scicat_and_carrier_segmentation_complete(
    make_dataset: MakeDataset, user: httpx.Client, wait_for: WaitFor
) -> None:
    dsid = make_dataset()["unique_id"]
    scicat = user.post(f"/datasets/{dsid}/scicat_update", params={"overwrite_data": True}).json()
    assert wait_for(user, f"/datasets/{dsid}/scicat_update/{scicat['id']}")["status"] == "complete"
    segmentation = user.post(f"/datasets/{dsid}/carrier_segmentation").json()
    assert segmentation["status"] == "requested"
    assert user.get(f"/datasets/{dsid}/ingest/{scicat['id']}").status_code == 404


def test_drive_transfer_adds_current_and_organized_locations_all_current(
    make_dataset: MakeDataset, user: httpx.Client, server: LocalCrucible
) -> None:
    dsid = make_dataset(dataset_name="run-7", project_id="LOCAL-DEMO")["unique_id"]
    assert user.get(f"/datasets/{dsid}/drive_location").json() == []
    assert user.post(f"/datasets/{dsid}/google_drive_transfer").json()["status"] == "requested"
    deadline = time.monotonic() + 5
    while not user.get(f"/datasets/{dsid}/drive_location").json():
        assert time.monotonic() < deadline
        time.sleep(0.01)
    locations = user.get(f"/datasets/{dsid}/drive_location").json()
    # The real API marks every entry "current", the Organized/... copy included.
    assert [loc["status"] for loc in locations] == ["current", "current"]
    assert locations[1]["folder_path_in_drive"] == "Organized/LOCAL-DEMO/run-7"
    with_body = user.post(f"/datasets/{dsid}/google_drive_transfer", json={"folder_id": "abc"})
    assert with_body.status_code == 200
    # No GET exists for transfer requests: the server's own table says when it is done.
    status_sql = "SELECT status FROM requests WHERE id = ?"
    while server.backend.db.scalar(status_sql, [with_body.json()["id"]]) != "complete":
        assert time.monotonic() < deadline + 5
        time.sleep(0.01)
    again = user.get(f"/datasets/{dsid}/drive_location").json()
    assert again == locations  # a repeated transfer neither duplicates nor demotes entries


def test_frozen_workers_leave_requests_requested_until_resumed(
    make_dataset: MakeDataset, user: httpx.Client, server: LocalCrucible, wait_for: WaitFor
) -> None:
    server.worker_delay = None
    dsid = _dataset_with_file(make_dataset, user, "frozen.h5")
    reqid = user.post(f"/datasets/{dsid}/ingest").json()["id"]
    time.sleep(0.2)
    assert user.get(f"/datasets/{dsid}/ingest/{reqid}").json()["status"] == "requested"
    server.worker_delay = 0.01
    assert wait_for(user, f"/datasets/{dsid}/ingest/{reqid}")["status"] == "complete"


def test_admins_patch_statuses_as_workers_do(
    make_dataset: MakeDataset, user: httpx.Client, admin: httpx.Client, server: LocalCrucible
) -> None:
    server.worker_delay = None
    dsid = make_dataset()["unique_id"]
    for kind, post in (
        ("ingest", "ingest"),
        ("scicat_update", "scicat_update"),
        ("google_drive_transfer", "google_drive_transfer"),
    ):
        reqid = user.post(f"/datasets/{dsid}/{post}").json()["id"]
        path = f"/datasets/{dsid}/{kind}/{reqid}"
        assert user.patch(path, json={"id": reqid, "status": "started"}).status_code == 403
        progress = admin.patch(path, json={"id": reqid, "status": "in_progress"}).json()
        assert (progress["status"], progress["time_completed"]) == ("in_progress", None)
        done = admin.patch(
            path, json={"id": reqid, "status": "complete", "time_completed": "2026-01-15T19:01:54"}
        ).json()
        assert (done["status"], done["time_completed"]) == ("complete", "2026-01-15T19:01:54")
        assert admin.patch(path, json={"id": reqid + 1, "status": "x"}).status_code == 400
    assert admin.patch(f"/datasets/{dsid}/ingest/999999", json={"status": "x"}).status_code == 404


def test_a_patched_request_is_left_alone_by_the_simulation(
    make_dataset: MakeDataset, user: httpx.Client, admin: httpx.Client, server: LocalCrucible
) -> None:
    server.worker_delay = None
    dsid = make_dataset()["unique_id"]
    reqid = user.post(f"/datasets/{dsid}/ingest").json()["id"]
    admin.patch(f"/datasets/{dsid}/ingest/{reqid}", json={"status": "started"})
    server.worker_delay = 0.01
    time.sleep(0.1)
    assert user.get(f"/datasets/{dsid}/ingest/{reqid}").json()["status"] == "started"
