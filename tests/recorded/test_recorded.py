"""Client flows replayed from cassettes (no server, no sockets); see conftest for recording."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from _recording import CASSETTES, RECORDING, REPLAY_KEY, Target

from pycrucible import (
    AuthenticationError,
    CrucibleClient,
    NotFoundError,
    PermissionDeniedError,
    ServerError,
)

Make = Callable[[str], CrucibleClient]


def test_dataset_round_trip(cassette: Make, target: Target) -> None:
    client = cassette(target.user_key)
    made = client.create_dataset(
        dataset_name="recorded",
        measurement="XRD",
        project_id="LOCAL-DEMO",
        scientific_metadata={"temperature": 298.15, "settings": {"gain": 3}},
        keywords=["recorded"],
    )
    dsid = made["unique_id"]
    got = client.get_dataset(dsid, include_metadata=True)
    assert got["scientific_metadata"]["settings"] == {"gain": 3}
    assert dsid in [d["unique_id"] for d in client.list_datasets(keyword="recorded")]
    assert client.update_dataset(dsid, public=True)["public"] is True
    assert client.get_scientific_metadata(dsid)["temperature"] == 298.15
    with pytest.raises(NotFoundError):
        client.get_dataset("0000000000000000000000zzzz")
    with pytest.raises(ServerError, match="does not implement"):
        client.delete_dataset(dsid)


def test_samples_round_trip(cassette: Make, target: Target) -> None:
    client = cassette(target.user_key)
    dsid = client.create_dataset(dataset_name="with samples")["unique_id"]
    parent = client.add_sample(sample_name="bulk", description="starting material")
    child = client.add_sample(sample_name="section", parents=[parent])
    client.add_sample_to_dataset(dsid, child["unique_id"])
    assert [s["unique_id"] for s in client.list_samples(dataset_id=dsid)] == [child["unique_id"]]
    parents = client.list_parents_of_sample(child["unique_id"])
    assert [s["unique_id"] for s in parents] == [parent["unique_id"]]


def test_upload_ingest_download(cassette: Make, target: Target, tmp_path: Path) -> None:
    client = cassette(target.user_key)
    data = tmp_path / "small.txt"
    data.write_text("a small recorded file\n")
    dsid = client.create_dataset(dataset_name="files")["unique_id"]
    client.upload_dataset(dsid, data)
    request = client.request_ingestion(dsid, "small.txt", ingestor="ApiUploadIngestor")
    final = client.wait_for_request_completion(dsid, request["id"], "ingest", 0.02, timeout=30)
    assert final["status"] == "complete"
    paths = client.download_dataset(dsid, output_dir=tmp_path / "out")
    assert [p.read_text() for p in paths] == ["a small recorded file\n"]


def test_pipeline(cassette: Make, target: Target, tmp_path: Path) -> None:
    client = cassette(target.user_key)
    data = tmp_path / "frame.txt"
    data.write_text("frame 1\n")
    result = client.upload_new_dataset(
        [data],
        dataset_name="pipeline",
        keywords=["pipeline"],
        ingestor="ApiUploadIngestor",
        wait=True,
        poll_interval=0.02,
        timeout=30,
    )
    assert result.created
    assert result.ingestion is not None
    assert result.ingestion["status"] == "complete"


def test_errors(cassette: Make, target: Target) -> None:
    user = cassette(target.user_key)
    with pytest.raises(PermissionDeniedError):
        user.list_projects()
    stranger = cassette("an-unknown-key-42")
    with pytest.raises(AuthenticationError, match="check the API key"):
        stranger.whoami()


# The secrets check runs on the committed cassettes at every replay.

_SECRET_PATTERNS = [
    re.compile(r"(?i)authorization"),
    re.compile(r"(?i)bearer\s"),
    re.compile(r"signature=(?!REDACTED)"),
    re.compile(r"127\.0\.0\.1|localhost"),
]


@pytest.mark.skipif(RECORDING, reason="the recording session checks its own keys")
def test_cassettes_hold_no_secrets() -> None:
    files = sorted(CASSETTES.glob("*.yaml"))
    assert len(files) >= 5
    for path in files:
        text = path.read_text()
        for pattern in _SECRET_PATTERNS:
            assert not pattern.search(text), f"{path.name}: {pattern.pattern}"
        assert REPLAY_KEY not in text
        assert "an-unknown-key-42" not in text


def test_every_cassette_belongs_to_a_test() -> None:
    names = {p.stem for p in CASSETTES.glob("*.yaml")}
    tests = {name for name in globals() if name.startswith("test_")}
    assert names <= tests
