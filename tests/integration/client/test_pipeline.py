"""The one-call pipeline, its re-runs after a crash, and creates that survive lost answers."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from pycrucible import (
    APIConnectionError,
    CrucibleClient,
    PipelineResult,
    RequestFailedError,
    ServerError,
)
from pycrucible._demo import make_png
from pycrucible.testing import LocalCrucible


def acquisition(folder: Path, tag: str) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    image = make_png(folder / f"{tag}.png")
    side = folder / f"{tag}.json"
    side.write_text(f'{{"tag": "{tag}"}}')
    return [image, side]


def run(user: CrucibleClient, files: list[Path], **kw: object) -> PipelineResult:
    fields = {
        "dataset_name": "scan",
        "project_id": "LOCAL-DEMO",
        "measurement": "optical",
        "scientific_metadata": {"taken": datetime.datetime.now(datetime.UTC)},
        "keywords": ["pipeline", "optical"],
        "ingestor": "ImageIngestor",
        "wait": True,
        "poll_interval": 0.01,
        "timeout": 30,
    }
    return user.upload_new_dataset(files, **(fields | kw))  # type: ignore[arg-type]


def test_one_call_does_everything(user: CrucibleClient, tmp_path: Path) -> None:
    files = acquisition(tmp_path, "first")
    result = run(user, files)
    assert result.created
    assert result.ingestion is not None
    assert result.ingestion["status"] == "complete"
    assert [f.method for f in result.files] == ["multipart", "multipart"]
    dsid = result.dsid
    assert user.get_dataset(dsid)["sha256_hash_file_to_upload"] == result.files[0].sha256
    assert "taken" in user.get_scientific_metadata(dsid)
    assert {k["keyword"] for k in user.get_dataset_keywords(dsid)} == {"pipeline", "optical"}
    assert user.get_thumbnails(dsid)


def test_rerun_creates_and_uploads_nothing_twice(
    server: LocalCrucible, user: CrucibleClient, tmp_path: Path
) -> None:
    files = acquisition(tmp_path, "rerun")
    first = run(user, files, wait=False)
    datasets, requests = server.count("datasets"), server.count("requests")
    second = run(user, files)  # new "taken" metadata: still the same acquisition
    assert second.dsid == first.dsid
    assert not second.created
    assert [f.method for f in second.files] == ["existing", "existing"]
    assert second.ingestion is not None
    assert first.ingestion is not None
    assert second.ingestion["id"] == first.ingestion["id"]
    assert (server.count("datasets"), server.count("requests")) == (datasets, requests)


def test_rerun_after_a_crash_mid_upload(
    server: LocalCrucible, user: CrucibleClient, tmp_path: Path
) -> None:
    files = acquisition(tmp_path, "crash")
    # Without keywords, the first POST under /datasets/ after the create is the upload.
    rule = server.faults.add("status", status=500, times=1, method="POST", path_prefix="/datasets/")
    with pytest.raises(ServerError, match="500"):
        run(user, files, ingestor=None, keywords=[])
    assert rule.consumed == 1
    server.faults.clear()
    before = server.count("datasets")
    result = run(user, files, ingestor=None)
    assert not result.created
    assert server.count("datasets") == before
    assert result.ingestion is not None
    assert result.ingestion["status"] == "complete"


def test_changed_files_make_a_new_dataset(user: CrucibleClient, tmp_path: Path) -> None:
    files = acquisition(tmp_path, "changing")
    first = run(user, files, wait=False, ingest=False)
    files[1].write_text('{"tag": "changed"}')
    second = run(user, files, wait=False, ingest=False)
    assert first.dsid != second.dsid
    assert second.ingestion is None


def test_pipeline_failure_raises_when_waiting(user: CrucibleClient, tmp_path: Path) -> None:
    with pytest.raises(RequestFailedError, match="not supported"):
        run(user, acquisition(tmp_path, "bad"), ingestor="NoSuchIngestor", raise_on_failure=True)
    kept = run(user, acquisition(tmp_path, "bad2"), ingestor="NoSuchIngestor")
    assert kept.ingestion is not None
    assert kept.ingestion["status"] == "not supported"


def test_lost_answer_to_a_create_does_not_duplicate(
    server: LocalCrucible, user: CrucibleClient
) -> None:
    before = server.count("datasets")
    rule = server.faults.add("drop_after", times=1, method="POST", path_prefix="/datasets")
    made = user.create_dataset(dataset_name="lost answer")
    assert rule.consumed == 1
    assert server.count("datasets") == before + 1
    assert user.get_dataset(made["unique_id"])["dataset_name"] == "lost answer"
    samples = server.count("samples")
    rule = server.faults.add("drop_after", times=1, method="POST", path_prefix="/samples")
    user.add_sample(sample_name="lost sample")
    assert rule.consumed == 1
    assert server.count("samples") == samples + 1


def test_busy_server_is_retried(server: LocalCrucible, user: CrucibleClient) -> None:
    rule = server.faults.add("status", status=503, times=2, path_prefix="/datasets")
    assert isinstance(user.list_datasets(limit=1), list)
    assert rule.consumed == 2
    rule = server.faults.add("status", status=429, retry_after=0, times=1, method="POST")
    user.create_dataset(dataset_name="after 429")
    assert rule.consumed == 1


def test_ingestion_request_is_not_repeated_after_a_lost_answer(
    server: LocalCrucible, user: CrucibleClient, dataset: str
) -> None:
    requests = server.count("requests")
    server.faults.add(
        "drop_after", times=1, method="POST", path_prefix=f"/datasets/{dataset}/ingest"
    )
    with pytest.raises(APIConnectionError):
        user.request_ingestion(dataset)
    assert server.count("requests") == requests + 1  # sent once, never blindly repeated


def test_rerun_after_a_failed_ingestion_asks_again(user: CrucibleClient, tmp_path: Path) -> None:
    files = acquisition(tmp_path, "retry-ingest")
    failed = run(user, files, ingestor="NoSuchIngestor", raise_on_failure=False)
    assert failed.ingestion is not None
    assert failed.ingestion["status"] == "not supported"
    fixed = run(user, files, ingestor="ImageIngestor")
    assert fixed.dsid == failed.dsid
    assert fixed.ingestion is not None
    assert fixed.ingestion["id"] != failed.ingestion["id"]
    assert fixed.ingestion["status"] == "complete"


def test_one_client_shared_by_threads(user: CrucibleClient, dataset: str) -> None:
    from concurrent.futures import ThreadPoolExecutor

    def work(i: int) -> str:
        user.add_dataset_keyword(dataset, f"thread-{i % 4}")
        return user.get_dataset(dataset)["unique_id"]

    with ThreadPoolExecutor(max_workers=8) as pool:
        assert set(pool.map(work, range(32))) == {dataset}
    words = {k["keyword"] for k in user.get_dataset_keywords(dataset)}
    assert words == {f"thread-{i}" for i in range(4)}
