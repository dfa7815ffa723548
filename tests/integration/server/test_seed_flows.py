"""The seed README's flows, as the HTTP calls the seed client makes, against a fresh server."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from pycrucible.testing import LocalCrucible

WaitFor = Callable[..., dict[str, Any]]


@pytest.fixture
def fresh() -> Iterator[httpx.Client]:
    """A client with the normal user's key on a brand-new server."""
    with (
        LocalCrucible(worker_delay=0.01) as server,
        httpx.Client(
            base_url=server.url, headers={"Authorization": f"Bearer {server.user_key}"}
        ) as client,
    ):
        yield client


def test_seed_readme_quick_start_and_examples(fresh: httpx.Client, wait_for: WaitFor) -> None:
    assert fresh.get("/datasets").json() == []  # list_datasets() on a fresh server

    # create_dataset(dataset_name=..., measurement=..., public=False, scientific_metadata=...,
    # keywords=[...])
    dataset = fresh.post(
        "/datasets", json={"dataset_name": "My Experiment", "measurement": "XRD", "public": False}
    ).json()
    dsid = dataset["unique_id"]
    metadata = {"temperature": 298.15, "voltage": 200, "sample_preparation": "standard protocol"}
    fresh.post(f"/datasets/{dsid}/scientific_metadata", json=metadata)
    for keyword in ("crystallography", "materials"):
        assert fresh.post(f"/datasets/{dsid}/keywords", params={"keyword": keyword}).is_success

    # get_dataset(dsid, include_metadata=True)
    got = fresh.get(f"/datasets/{dsid}").json()
    record = fresh.get(f"/datasets/{dsid}/scientific_metadata").json()
    assert got["dataset_name"] == "My Experiment"
    assert record["scientific_metadata"] == metadata

    # upload_dataset(dsid, "data.hdf5") then download_dataset(dsid)
    content = b"\x89HDF\r\n\x1a\n" + bytes(1000)
    paths = fresh.post(
        f"/datasets/{dsid}/upload",
        files=[("files", ("data.hdf5", content, "application/octet-stream"))],
    ).json()
    assert paths == ["api-uploads/data.hdf5"]
    main = fresh.get(f"/datasets/{dsid}").json()
    assert main["sha256_hash_file_to_upload"] == hashlib.sha256(content).hexdigest()
    name = main["file_to_upload"].rsplit("/", 1)[-1]
    assert fresh.get(f"/datasets/{dsid}/download/{name}").content == content

    # update_scientific_metadata(dsid, {...nested...})
    nested = {"temperature": 77, "instrument_settings": {"magnification": "100k", "spot_size": 3}}
    fresh.post(f"/datasets/{dsid}/scientific_metadata", json=nested)
    stored = fresh.get(f"/datasets/{dsid}/scientific_metadata").json()["scientific_metadata"]
    assert stored == nested

    # add_sample(...) twice, the second with parents=[parent]; add_sample_to_dataset(...)
    blank = {"unique_id": None, "owner_orcid": None, "owner_user_id": None, "date_created": None}
    parent = fresh.post(
        "/samples",
        json={**blank, "sample_name": "Bulk Material XYZ", "description": "Starting material"},
    ).json()
    child = fresh.post(
        "/samples", json={**blank, "sample_name": "Prepared Section 1", "description": "TEM prep"}
    ).json()
    fresh.post(f"/samples/{parent['unique_id']}/children/{child['unique_id']}")
    fresh.post(f"/datasets/{dsid}/samples/{child['unique_id']}")
    assert [
        d["unique_id"] for d in fresh.get(f"/samples/{child['unique_id']}").json()["datasets"]
    ] == [dsid]

    # request_ingestion(dsid, ingestor="hdf5_processor"); wait_for_request_completion(...)
    request = fresh.post(
        f"/datasets/{dsid}/ingest",
        params={"ingestion_class": "hdf5_processor", "file_to_upload": main["file_to_upload"]},
    ).json()
    result = wait_for(fresh, f"/datasets/{dsid}/ingest/{request['id']}")
    assert result["status"] == "not supported"  # so the README skips send_to_scicat

    # send_to_scicat(dsid) and a Google Drive transfer still work on their own
    scicat = fresh.post(f"/datasets/{dsid}/scicat_update").json()
    assert wait_for(fresh, f"/datasets/{dsid}/scicat_update/{scicat['id']}")["status"] == "complete"
    assert fresh.post(f"/datasets/{dsid}/google_drive_transfer").json()["status"] == "requested"


def test_seed_data_is_there_for_get_or_add_helpers(fresh: httpx.Client) -> None:
    [instrument] = fresh.get("/instruments").json()
    assert fresh.get("/instruments", params={"unique_id": instrument["unique_id"]}).json() == [
        instrument
    ]
    project = fresh.get("/projects/LOCAL-DEMO").json()
    assert project["organization"] == "Molecular Foundry"
    account = fresh.get("/account").json()["user_info"]
    assert account["first_name"] == "Uma"
    assert account["email"] == "uma.user@example.org"
