"""Ingestion requests on API v3 (`client.v3.ingestion`) and the seed-era processing names, over
HTTP against the local server, whose workers move requests `requested → started → complete`."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from pycrucible import (
    CrucibleClient,
    NotFoundError,
    RequestFailedError,
    UnsupportedByServerError,
    WaitTimeoutError,
)
from pycrucible.testing import LocalCrucible

FAST = 0.05  # seconds between polls: the local workers take a step every 0.05 s

AddFile = Callable[[str, str], str]


@pytest.fixture
def add_file(user: CrucibleClient, tmp_path: Path) -> AddFile:
    """Uploads a small file of the given name into a dataset; returns its file MFID."""

    def add(dsid: str, name: str) -> str:
        path = tmp_path / name
        path.write_bytes(f"{dsid} {name}".encode() * 50)
        [record] = user.v3.files.upload(dsid, path)
        return record.mfid

    return add


@pytest.fixture
def frozen(server: LocalCrucible) -> Iterator[None]:
    """Workers frozen for the test: requests keep their status until updated."""
    delay = server.worker_delay
    server.worker_delay = None
    try:
        yield
    finally:
        server.worker_delay = delay


def test_request_get_and_wait_until_complete(
    user: CrucibleClient, dataset: str, add_file: AddFile
) -> None:
    file = add_file(dataset, "scan.h5")
    made = user.v3.ingestion.request(file)
    assert made.status == "requested"
    assert (made.file_mfid, made.dataset_mfid) == (file, dataset)
    seen: list[str] = []
    done = user.v3.ingestion.wait(made.id, poll=FAST, progress=lambda r: seen.append(r.status))
    assert done["status"] == "complete"
    assert done.ingestion_class == "ApiUploadIngestor"  # picked by the server from the name
    assert seen[-1] == "complete"
    assert user.v3.ingestion.get(made.id).status == "complete"


def test_wait_with_progress_true_draws_a_bar_of_polls(
    user: CrucibleClient,
    dataset: str,
    add_file: AddFile,
    capsys: pytest.CaptureFixture[str],
) -> None:
    made = user.v3.ingestion.request(add_file(dataset, "bar.h5"))
    with pytest.raises(ValueError, match="poll"):
        user.v3.ingestion.wait(made.id, poll=0, progress=True)
    assert capsys.readouterr().err == ""  # a refused argument draws no bar
    done = user.v3.ingestion.wait(made.id, poll=FAST, progress=True)
    assert done.status == "complete"
    drawn = capsys.readouterr().err
    assert f"ingestion request {made.id}" in drawn
    assert "status complete" in drawn


def test_an_unknown_ingestor_fails_and_can_raise(
    user: CrucibleClient, dataset: str, add_file: AddFile
) -> None:
    file = add_file(dataset, "odd.h5")
    made = user.v3.ingestion.request(file, "NoSuchIngestor")
    ended = user.v3.ingestion.wait(made.id, poll=FAST)
    assert ended.status == "failed"
    assert "NoSuchIngestor" in str(ended.error_message)
    with pytest.raises(RequestFailedError, match="failed") as caught:
        user.v3.ingestion.wait(made.id, poll=FAST, raise_on_failure=True)
    assert caught.value.request.id == made.id


def test_wait_is_bounded_by_its_deadline(
    user: CrucibleClient, dataset: str, add_file: AddFile, frozen: None
) -> None:
    made = user.v3.ingestion.request(add_file(dataset, "slow.h5"))
    with pytest.raises(WaitTimeoutError, match="still 'requested'") as caught:
        user.v3.ingestion.wait(made.id, timeout=0.2, poll=FAST)
    assert caught.value.request.status == "requested"


def test_not_requested_is_recorded_and_ends_a_wait_at_once(
    user: CrucibleClient, dataset: str, add_file: AddFile
) -> None:
    made = user.v3.ingestion.request(add_file(dataset, "kept.h5"), requested=False)
    assert made.status == "not_requested"
    assert user.v3.ingestion.wait(made.id, poll=FAST).status == "not_requested"


def test_list_filters_and_pages(user: CrucibleClient, dataset: str, add_file: AddFile) -> None:
    first, second = add_file(dataset, "a.h5"), add_file(dataset, "b.h5")
    ids = [user.v3.ingestion.request(f, requested=False).id for f in (first, second, first)]
    pages = user.v3.ingestion.list(dataset_mfid=dataset, page_size=1)
    assert [r.id for r in pages] == ids
    assert pages.count() == 3
    assert [r.id for r in user.v3.ingestion.list(file_mfid=first)] == [ids[0], ids[2]]
    assert len(list(user.v3.ingestion.list(dataset_mfid=dataset, limit=2, page_size=1))) == 2


def test_update_as_a_worker_does(
    user: CrucibleClient, dataset: str, add_file: AddFile, frozen: None
) -> None:
    made = user.v3.ingestion.request(add_file(dataset, "work.h5"))
    started = user.v3.ingestion.update(made.id, "started", ingestion_githash="abc123")
    assert started.status == "started"
    assert started.ingestion_githash == "abc123"
    with pytest.raises(ValueError, match="time_completed goes only with status 'complete'"):
        user.v3.ingestion.update(made.id, "failed", time_completed="2026-01-02T03:04:05+00:00")
    done = user.v3.ingestion.update(made.id, "complete")
    assert done.status == "complete"
    assert done.time_completed is not None  # the client stamps completion itself
    assert user.v3.ingestion.get(made.id).status == "complete"


def test_ingestors_lists_the_server_classes(user: CrucibleClient) -> None:
    names = user.v3.ingestion.ingestors()
    assert "ImageIngestor" in names
    assert names == sorted(names)


def test_bad_arguments_fail_before_the_network(user: CrucibleClient, server: LocalCrucible) -> None:
    before = server.count("requests")
    with pytest.raises(ValueError, match="file_mfid"):
        user.v3.ingestion.request("../etc")
    with pytest.raises(ValueError, match="reqid"):
        user.v3.ingestion.get("seven")
    with pytest.raises(ValueError, match="page_size"):
        user.v3.ingestion.list(page_size=0)
    with pytest.raises(ValueError, match="poll"):
        user.v3.ingestion.wait(1, poll=0)
    assert server.count("requests") == before


# The seed-era names, called as the seed README calls them


def test_seed_readme_ingest_and_wait(user: CrucibleClient, dataset: str, tmp_path: Path) -> None:
    data = tmp_path / "data.hdf5"
    data.write_bytes(b"\x89HDF" * 100)
    user.upload_dataset(dataset, str(data))
    ingest_req = user.request_ingestion(dataset, ingestor="ApiUploadIngestor")
    result = user.wait_for_request_completion(dataset, ingest_req["id"], "ingest", FAST)
    assert result["status"] == "complete"
    assert user.get_request_status(dataset, ingest_req["id"], "ingest")["status"] == "complete"
    assert user.get_ingestion_status(dataset, ingest_req["id"]).id == ingest_req["id"]


def test_seed_request_ingestion_makes_one_request_per_file(
    user: CrucibleClient, dataset: str, add_file: AddFile
) -> None:
    files = [add_file(dataset, "one.h5")]
    assert user.request_ingestion(dataset)["status"] == "requested"  # one file: reads like one
    files.append(add_file(dataset, "two.png"))
    made = user.v3.request_ingestion(dataset)  # typed as the v3 list
    assert [r.file_mfid for r in made] == files
    with pytest.raises(KeyError, match="2 ingestion requests"):
        made["id"]
    finals = [user.v3.wait_for_request_completion(dataset, r.id, "ingest", FAST) for r in made]
    assert [(r.status, r.ingestion_class) for r in finals] == [
        ("complete", "ApiUploadIngestor"),
        ("complete", "ImageIngestor"),
    ]


def test_seed_request_ingestion_of_a_named_file(
    user: CrucibleClient, dataset: str, add_file: AddFile
) -> None:
    add_file(dataset, "keep.h5")
    wanted = add_file(dataset, "run7.h5")
    by_path = user.v3.request_ingestion(dataset, "api-uploads/run7.h5")  # a seed-era path
    by_mfid = user.v3.request_ingestion(dataset, wanted, ingestion_class="ApiUploadIngestor")
    assert [r.file_mfid for r in (*by_path, *by_mfid)] == [wanted, wanted]
    with pytest.raises(NotFoundError, match=r"missing\.h5"):
        user.request_ingestion(dataset, "missing.h5")
    with pytest.raises(ValueError, match="give one of them"):
        user.v3.request_ingestion(dataset, None, "ImageIngestor", ingestion_class="EmdIngestor")


def test_seed_request_ingestion_of_an_empty_dataset(user: CrucibleClient, dataset: str) -> None:
    with pytest.raises(NotFoundError, match="no files to ingest"):
        user.request_ingestion(dataset)


def test_seed_status_of_another_datasets_request_is_not_found(
    user: CrucibleClient, dataset: str, add_file: AddFile
) -> None:
    made = user.v3.ingestion.request(add_file(dataset, "mine.h5"), requested=False)
    other = user.v3.create_dataset(dataset_name="other").unique_id
    with pytest.raises(NotFoundError, match=f"belongs to {dataset}"):
        user.get_ingestion_status(other, made.id)


def test_seed_update_ingestion_status(
    user: CrucibleClient, dataset: str, add_file: AddFile, frozen: None
) -> None:
    made = user.v3.ingestion.request(add_file(dataset, "seed.h5"))
    assert user.update_ingestion_status(dataset, made.id, "started")["status"] == "started"
    with pytest.raises(UnsupportedByServerError, match="error_message"):
        user.update_ingestion_status(dataset, made.id, "failed", error_message="disk full")
    assert user.v3.ingestion.get(made.id).status == "started"  # nothing was sent
    done = user.update_ingestion_status(dataset, made.id, "completed")  # the seed spelling
    assert done.status == "complete"


@pytest.mark.parametrize(
    "name",
    [
        "get_scicat_status",
        "update_scicat_upload_status",
        "update_transfer_status",
        "get_current_google_drive_info",
        "get_organized_google_drive_info",
    ],
)
def test_what_v3_removed_raises(user: CrucibleClient, dataset: str, name: str) -> None:
    with pytest.raises(UnsupportedByServerError, match=f"{name} .*API v3"):
        getattr(user, name)(dataset, 1)


def test_waiting_on_a_scicat_request_raises(user: CrucibleClient, dataset: str) -> None:
    with pytest.raises(UnsupportedByServerError, match="SciCat"):
        user.wait_for_request_completion(dataset, 1, "scicat")
    with pytest.raises(ValueError, match="request_type"):
        user.get_request_status(dataset, 1, "printing")
