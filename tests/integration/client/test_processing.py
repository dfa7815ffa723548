"""Processing requests and bounded waits against the local server's simulated workers."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from pycrucible import CrucibleClient, RequestFailedError, WaitTimeoutError
from pycrucible._demo import make_png


@pytest.fixture
def uploaded(user: CrucibleClient, dataset: str, tmp_path: Path) -> str:
    user.upload_dataset(dataset, make_png(tmp_path / "frame.png"))
    return dataset


def test_ingestion_to_completion(user: CrucibleClient, uploaded: str) -> None:
    request = user.request_ingestion(uploaded, "frame.png", ingestor="ImageIngestor")
    assert request["status"] == "requested"
    polled: list[str] = []
    final = user.wait_for_request_completion(
        uploaded,
        request["id"],
        "ingestion",
        0.01,
        timeout=30,
        progress=lambda r: polled.append(r.status),
    )
    assert final["status"] == "complete"
    assert polled[-1] == "complete"
    assert user.get_ingestion_status(uploaded, request["id"])["status"] == "complete"
    assert user.get_request_status(uploaded, request["id"], "ingest")["time_completed"]
    assert user.get_thumbnails(uploaded)  # the image ingestor adds one


def test_failed_ingestion(user: CrucibleClient, uploaded: str) -> None:
    request = user.request_ingestion(uploaded, ingestor="NoSuchIngestor")
    final = user.wait_for_request_completion(uploaded, request["id"], "ingest", 0.01, timeout=30)
    assert final["status"] == "not supported"
    with pytest.raises(RequestFailedError, match="not supported"):
        user.wait_for_request_completion(
            uploaded, request["id"], "ingest", 0.01, timeout=30, raise_on_failure=True
        )
    missing = user.request_ingestion(uploaded, "never-uploaded.h5")
    final = user.wait_for_request_completion(uploaded, missing["id"], "ingest", 0.01, timeout=30)
    assert final["status"] == "file not found"


def test_wait_times_out_on_a_stuck_request(
    user: CrucibleClient, uploaded: str, frozen_workers: None
) -> None:
    request = user.request_ingestion(uploaded)
    with pytest.raises(WaitTimeoutError) as caught:
        user.wait_for_request_completion(uploaded, request["id"], "ingest", 0.01, timeout=0.05)
    assert caught.value.request["status"] == "requested"


def test_scicat(user: CrucibleClient, dataset: str) -> None:
    request = user.send_to_scicat(dataset)
    assert request["status"] == "requested"
    final = user.wait_for_request_completion(dataset, request["id"], "scicat", 0.01, timeout=30)
    assert final["status"] == "complete"
    assert user.get_scicat_status(dataset, request["id"])["status"] == "complete"
    waited = user.send_to_scicat(dataset, wait_for_scicat_response=True, overwrite_data=True)
    assert waited["status"] == "complete"


def test_google_drive(user: CrucibleClient, dataset: str) -> None:
    request = user.request_google_drive_transfer(dataset)
    assert request["status"] == "requested"
    for _ in range(500):
        if user.get_current_google_drive_info(dataset):
            break
        time.sleep(0.01)
    current = user.get_current_google_drive_info(dataset)
    assert current
    assert all(loc["status"] == "current" for loc in current)
    organized = user.get_organized_google_drive_info(dataset)
    assert all("Organized" in loc["folder_path_in_drive"] for loc in organized)
    assert organized


def test_admin_status_updates(
    admin: CrucibleClient, user: CrucibleClient, uploaded: str, frozen_workers: None
) -> None:
    ingest = user.request_ingestion(uploaded)
    started = admin.update_ingestion_status(uploaded, ingest["id"], "in_progress")
    assert started["status"] == "in_progress"
    done = admin.update_ingestion_status(uploaded, ingest["id"], "complete")
    assert done["status"] == "complete"
    assert done["time_completed"] is not None
    scicat = user.send_to_scicat(uploaded)
    failed = admin.update_scicat_upload_status(uploaded, scicat["id"], "failed", error_message="x")
    assert (failed["status"], failed["error_message"]) == ("failed", "x")
    transfer = user.request_google_drive_transfer(uploaded)
    moved = admin.update_transfer_status(uploaded, transfer["id"], "complete")
    assert moved["status"] == "complete"
