"""LocalCrucible.count: the records of the seed-era API, of API v3, or of both."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from pycrucible import CrucibleClient
from pycrucible.testing import LocalCrucible


@pytest.fixture
def v3(server: LocalCrucible) -> Iterator[CrucibleClient]:
    with CrucibleClient(server.url_v3, server.user_key, api_version="v3") as client:
        yield client


@pytest.fixture
def v1(server: LocalCrucible) -> Iterator[CrucibleClient]:
    with CrucibleClient(server.url, server.user_key, api_version="v1") as client:
        yield client


def _counts(server: LocalCrucible, kind: str) -> tuple[int, int, int]:
    return server.count(kind, version="v1"), server.count(kind, version="v3"), server.count(kind)


def test_a_v3_dataset_counts_on_v3_and_in_the_total_but_not_on_v1(
    server: LocalCrucible, v3: CrucibleClient
) -> None:
    seed, new, both = _counts(server, "datasets")
    assert both == seed + new
    v3.v3.datasets.create(dataset_name="counted on v3")
    assert _counts(server, "datasets") == (seed, new + 1, both + 1)


def test_a_seed_era_dataset_counts_on_v1_only(server: LocalCrucible, v1: CrucibleClient) -> None:
    seed, new, both = _counts(server, "datasets")
    v1.create_dataset(dataset_name="counted on v1")
    assert _counts(server, "datasets") == (seed + 1, new, both + 1)


def test_v3_files_and_ingestion_requests_count_on_v3(
    server: LocalCrucible, v3: CrucibleClient, tmp_path: Path
) -> None:
    data = tmp_path / "counted.csv"
    data.write_text("x\n1\n")
    dsid = v3.v3.datasets.create(dataset_name="files counted").unique_id
    files, requests = _counts(server, "files"), _counts(server, "requests")
    v3.upload_dataset(dsid, str(data))
    v3.request_ingestion(dsid)
    assert _counts(server, "files") == (files[0], files[1] + 1, files[2] + 1)
    assert _counts(server, "requests") == (requests[0], requests[1] + 1, requests[2] + 1)


def test_kinds_of_one_version_count_there_and_are_refused_on_the_other(
    server: LocalCrucible,
) -> None:
    assert server.count("project_members", version="v3") >= 2  # the seeded demo project's team
    assert server.count("project_members") == server.count("project_members", version="v3")
    assert server.count("drive_locations") == server.count("drive_locations", version="v1")
    with pytest.raises(ValueError, match="only API v3"):
        server.count("project_members", version="v1")
    with pytest.raises(ValueError, match="only the seed-era API"):
        server.count("drive_locations", version="v3")


def test_unknown_kinds_and_versions_are_refused(server: LocalCrucible) -> None:
    with pytest.raises(ValueError, match="cannot count 'sqlite_master'"):
        server.count("sqlite_master")
    with pytest.raises(ValueError, match="version must be"):
        server.count("datasets", version="v2")  # type: ignore[arg-type]
