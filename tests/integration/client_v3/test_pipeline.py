"""`upload_new_dataset` on API v3 over HTTP: the whole job in one call, and re-runs after a crash
at every step that finish the job without a second dataset, file or ingestion request."""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from pycrucible import (
    APIConnectionError,
    CrucibleClient,
    RequestFailedError,
    WaitTimeoutError,
)
from pycrucible._checks import new_mfid
from pycrucible._demo import make_png
from pycrucible._v3.pipeline import PipelineResult
from pycrucible.testing import LocalCrucible


def acquisition(folder: Path, tag: str) -> list[Path]:
    """An image and its side-car file, with content unique to `tag`."""
    folder.mkdir(parents=True, exist_ok=True)
    image = make_png(folder / f"{tag}.png")
    side = folder / f"{tag}.json"
    side.write_text(f'{{"tag": "{tag}"}}')
    return [image, side]


def run(user: CrucibleClient, files: list[Path], **kw: object) -> PipelineResult:
    fields = {
        "dataset_name": "v3 scan",
        "measurement": "optical",
        "scientific_metadata": {"taken": datetime.datetime.now(datetime.UTC)},
        "keywords": ["pipeline", "optical"],
        "wait": True,
        "poll_interval": 0.02,
        "timeout": 30,
    }
    return user.v3.upload_new_dataset(files, **(fields | kw))  # type: ignore[arg-type]


def requests_per_file(user: CrucibleClient, dsid: str) -> Counter[str]:
    return Counter(str(r.file_mfid) for r in user.v3.ingestion.list(dataset_mfid=dsid))


def assert_finished(user: CrucibleClient, result: PipelineResult, files: list[Path]) -> None:
    """The job is done once: one dataset, every file once, one finished request per file."""
    dsid = result.dsid
    assert (
        len([d for d in user.v3.list_datasets(dataset_name="v3 scan") if d.unique_id == dsid]) == 1
    )
    stored = user.v3.files.list(dsid)
    assert sorted(str(f.filename) for f in stored) == sorted(p.name for p in files)
    assert requests_per_file(user, dsid) == Counter({f.mfid: 1 for f in stored})
    assert [r.status for r in result.ingestion] == ["complete", "complete"]
    assert "taken" in user.v3.get_scientific_metadata(dsid)
    assert {k.keyword for k in user.v3.get_dataset_keywords(dsid)} == {"pipeline", "optical"}


@pytest.fixture
def frozen(server: LocalCrucible) -> Iterator[None]:
    delay = server.worker_delay
    server.worker_delay = None
    try:
        yield
    finally:
        server.worker_delay = delay


@pytest.fixture(autouse=True)
def no_faults_left(server: LocalCrucible) -> Iterator[None]:
    yield
    server.faults.clear()


def test_seed_call_does_everything(user: CrucibleClient, tmp_path: Path) -> None:
    data = make_png(tmp_path / "scan_0001.png")
    result = user.upload_new_dataset(
        [data],
        dataset_name="scan 1",
        measurement="XRD",
        scientific_metadata={"temperature": 77},
        keywords=["xrd"],
        ingestor="ImageIngestor",
        wait=True,
        poll_interval=0.02,
    )
    assert result.created
    assert result.ingestion is not None
    assert result.ingestion["status"] == "complete"  # one file: the result reads like one request
    got = user.get_dataset(result.dsid, include_metadata=True)
    assert got["scientific_metadata"] == {"temperature": 77}
    assert user.get_thumbnails(result.dsid)  # the image was ingested


def test_one_call_ingests_every_file(user: CrucibleClient, tmp_path: Path) -> None:
    files = acquisition(tmp_path, "every")
    seen: list[tuple[str, int, int | None]] = []
    result = run(user, files, progress=lambda *event: seen.append(event))
    assert result.created
    assert result.existing == []
    assert [f.filename for f in result.files] == [p.name for p in files]
    assert [r.file_mfid for r in result.ingestion] == [f.mfid for f in result.files]
    assert [r.ingestion_class for r in result.ingestion] == ["ImageIngestor", "ApiUploadIngestor"]
    assert [name for name, _, _ in seen] == [p.name for p in files]
    assert_finished(user, result, files)


def snapshot(user: CrucibleClient, dsid: str) -> tuple[int, int, int]:
    """How many datasets of the pipeline's name, files and ingestion requests there are."""
    return (
        user.v3.datasets.list(dataset_name="v3 scan").count(),
        len(user.v3.files.list(dsid)),
        user.v3.ingestion.list(dataset_mfid=dsid).count(),
    )


def test_rerun_makes_nothing_twice(user: CrucibleClient, tmp_path: Path) -> None:
    files = acquisition(tmp_path, "rerun")
    first = run(user, files, wait=False)
    counts = snapshot(user, first.dsid)
    second = run(user, files)  # new "taken" metadata: still the same acquisition
    assert second.dsid == first.dsid  # derived from the acquisition, minted by the client
    assert not second.created
    assert second.existing == [p.name for p in files]
    assert [r.id for r in second.ingestion] == [r.id for r in first.ingestion]
    assert snapshot(user, first.dsid) == counts
    assert_finished(user, second, files)


@pytest.mark.parametrize(
    ("step", "method", "path", "times"),
    [
        ("create", "POST", "/datasets", None),
        ("metadata", "PATCH", "/resources/{dsid}/metadata", None),
        ("keywords", "POST", "/datasets/{dsid}/keywords", None),
        ("upload", "POST", "/datasets/{dsid}/upload/multipart/complete", None),
        ("ingestion request", "POST", "/files/", 1),
    ],
)
def test_rerun_after_a_crash_finishes_the_job(
    server: LocalCrucible,
    user: CrucibleClient,
    tmp_path: Path,
    step: str,
    method: str,
    path: str,
    times: int | None,
) -> None:
    files = acquisition(tmp_path, step.replace(" ", "-"))
    dsid = new_mfid()
    # The server does the work, then the answer is lost: the run stops at that step.
    rule = server.faults.add(
        "drop_after",
        times=times,
        method=method,
        path_prefix="/api/v3" + path.format(dsid=dsid),
    )
    with pytest.raises(APIConnectionError):
        run(user, files, unique_id=dsid)
    assert rule.consumed >= 1
    server.faults.clear()
    result = run(user, files, unique_id=dsid)
    assert result.dsid == dsid
    assert not result.created
    assert_finished(user, result, files)


def test_rerun_after_a_wait_ran_out_follows_the_same_requests(
    server: LocalCrucible, user: CrucibleClient, tmp_path: Path, frozen: None
) -> None:
    files = acquisition(tmp_path, "late")
    with pytest.raises(WaitTimeoutError):
        run(user, files, timeout=0.1)
    server.worker_delay = 0.05
    result = run(user, files)
    assert_finished(user, result, files)


def test_a_failed_ingestion_is_requested_again(user: CrucibleClient, tmp_path: Path) -> None:
    files = acquisition(tmp_path, "retry")
    with pytest.raises(RequestFailedError, match="failed"):
        run(user, files, ingestor="NoSuchIngestor", raise_on_failure=True)
    kept = run(user, files, ingestor="NoSuchIngestor")  # still failing: returned, not raised
    assert [r.status for r in kept.ingestion] == ["failed", "failed"]
    fixed = run(user, files)  # the server picks the ingestor now
    assert [r.status for r in fixed.ingestion] == ["complete", "complete"]
    assert set(requests_per_file(user, fixed.dsid).values()) == {3}


def test_bad_input_sends_nothing(user: CrucibleClient, tmp_path: Path) -> None:
    files = acquisition(tmp_path, "bad")
    before = user.v3.datasets.list().count()
    with pytest.raises(FileNotFoundError):
        run(user, [*files, tmp_path / "missing.h5"])
    with pytest.raises(ValueError, match="poll_interval"):
        run(user, files, poll_interval=0)
    with pytest.raises(ValueError, match="unique_id"):
        run(user, files, unique_id="not/an/id")
    with pytest.raises(ValueError, match="creation_time"):
        run(user, files, creation_time="yesterday")
    assert user.v3.datasets.list().count() == before


def test_an_acquisition_gets_the_same_mfid_on_both_versions(
    server: LocalCrucible, user: CrucibleClient, tmp_path: Path
) -> None:
    files = acquisition(tmp_path, "both")
    fields: dict[str, object] = {"dataset_name": "both", "measurement": "XRD", "ingest": False}
    on_v3 = user.v3.upload_new_dataset(files, **fields)  # type: ignore[arg-type]
    with CrucibleClient(
        server.url, server.user_key, api_version="v1", state_dir=tmp_path / "v1-state"
    ) as seed:
        on_v1 = seed.upload_new_dataset(files, **fields)  # type: ignore[arg-type]
    assert on_v1.dsid == on_v3.dsid  # one derivation: caller, fields, file names and SHA-256
