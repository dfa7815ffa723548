"""`crucible ingestion ...` against the local server's API v3 (and the seed era's `request`)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pycrucible import CrucibleClient
from pycrucible.testing import LocalCrucible
from tests.integration.cli.cli_helpers import cli_env, error_and_hint, json_of, run


@pytest.fixture
def dataset(server: LocalCrucible, tmp_path: Path) -> tuple[str, str]:
    """A v3 dataset of the normal user holding `scan.dat`: (dataset MFID, file MFID)."""
    data = tmp_path / "scan.dat"
    data.write_bytes(b"ingest me " * 50)
    with CrucibleClient(server.url_v3, server.user_key, api_version="v3") as client:
        dsid = client.v3.create_dataset(dataset_name="cli ingestion").unique_id
        [record] = client.v3.files.upload(dsid, data)
    return dsid, record.mfid


def test_ingestors_lists_the_server_classes(env: dict[str, str]) -> None:
    names = json_of(env, "ingestion", "ingestors")
    assert "ApiUploadIngestor" in names
    table = run(env, "ingestion", "ingestors")
    assert table.exit_code == 0
    assert "ApiUploadIngestor" in table.stdout.splitlines()


def test_request_wait_status_and_list(env: dict[str, str], dataset: tuple[str, str]) -> None:
    dsid, file_mfid = dataset
    args = ("--class", "ApiUploadIngestor", "--wait", "--timeout", "30", "--interval", "0.05")
    done = json_of(env, "ingestion", "request", dsid, "scan.dat", *args)
    assert (done["status"], done["file_mfid"], done["dataset_mfid"]) == (
        "complete",
        file_mfid,
        dsid,
    )
    status = json_of(env, "ingestion", "status", str(done["id"]))
    assert (status["id"], status["status"]) == (done["id"], "complete")
    # The file's MFID names it as well as its name does.
    again = json_of(env, "ingestion", "request", dsid, file_mfid)
    assert again["status"] == "requested"
    assert again["id"] != done["id"]
    listed = json_of(env, "ingestion", "list", "--dataset", dsid, "--all")
    assert {done["id"], again["id"]} <= {row["id"] for row in listed}
    cut = run(env, "ingestion", "list", "--dataset", dsid, "--limit", "1", "--json")
    assert len(json.loads(cut.stdout)) == 1
    assert "showing the first 1 ingestion requests; there are more" in cut.stderr
    whole = run(env, "ingestion", "list", "--dataset", dsid, "--all", "--json")
    assert "showing" not in whole.stderr
    by_file = json_of(env, "ingestion", "list", "--file", file_mfid)
    assert all(row["file_mfid"] == file_mfid for row in by_file)
    assert by_file
    lines = run(env, "ingestion", "list", "--dataset", dsid, "--all", "--jsonl").stdout
    assert [json.loads(line)["id"] for line in lines.splitlines()] == [row["id"] for row in listed]
    table = run(env, "ingestion", "list", "--dataset", dsid)
    assert table.stdout.splitlines()[0].split()[:2] == ["ID", "STATUS"]


def test_request_says_what_it_made(env: dict[str, str], dataset: tuple[str, str]) -> None:
    dsid, _ = dataset
    result = run(env, "ingestion", "request", dsid, "scan.dat")
    assert result.exit_code == 0, result.output
    assert f"requested ingestion of scan.dat of {dsid}: request " in result.stderr


def test_a_failed_request_exits_4(env: dict[str, str], dataset: tuple[str, str]) -> None:
    dsid, _ = dataset
    made = json_of(env, "ingestion", "request", dsid, "scan.dat", "--class", "NoSuchIngestor")
    result = run(env, "ingestion", "wait", str(made["id"]), "--timeout", "30", "--interval", "0.05")
    assert result.exit_code == 4, result.output
    failed = run(env, "ingestion", "request", dsid, "scan.dat", "--class", "Nope", "--wait")
    assert failed.exit_code == 4, failed.output


def test_a_wait_that_runs_out_of_time_exits_3(
    server: LocalCrucible, env: dict[str, str], dataset: tuple[str, str]
) -> None:
    dsid, _ = dataset
    server.worker_delay = None  # the workers stand still
    try:
        made = json_of(env, "ingestion", "request", dsid, "scan.dat")
        result = run(
            env, "ingestion", "wait", str(made["id"]), "--timeout", "0.3", "--interval", "0.05"
        )
        status = json_of(env, "ingestion", "status", str(made["id"]))["status"]
    finally:
        server.worker_delay = 0.02
    assert result.exit_code == 3, result.output
    assert "after 0.3 s" in error_and_hint(result)
    assert f"`crucible ingestion wait {made['id']}` follows it again" in result.stderr
    assert status == "requested"


def test_everyday_mistakes(env: dict[str, str], dataset: tuple[str, str]) -> None:
    dsid, _ = dataset
    unknown = run(env, "ingestion", "status", "987654")
    assert unknown.exit_code == 1
    assert "987654" in error_and_hint(unknown)
    not_a_number = run(env, "ingestion", "status", "abc")
    assert not_a_number.exit_code == 2
    assert "abc" in error_and_hint(not_a_number)
    no_file = run(env, "ingestion", "request", dsid)
    assert no_file.exit_code == 2
    assert "FILE" in error_and_hint(no_file)
    missing_file = run(env, "ingestion", "request", dsid, "absent.dat")
    assert missing_file.exit_code == 1
    assert "absent.dat" in error_and_hint(missing_file)
    bad_dataset = run(env, "ingestion", "list", "--dataset", "not-an-id")
    assert bad_dataset.exit_code == 2
    assert "MFID" in error_and_hint(bad_dataset)
    bad_sub = run(env, "ingestion", "frobnicate")
    assert bad_sub.exit_code == 2
    error_and_hint(bad_sub)


def test_v3_only_commands_on_a_seed_era_server(server: LocalCrucible, tmp_path: Path) -> None:
    env = cli_env(server.url, server.user_key, tmp_path)
    for args in (("status", "1"), ("wait", "1"), ("list",), ("ingestors",)):
        result = run(env, "ingestion", *args)
        assert result.exit_code == 2, (args, result.output)
        assert "needs API v3" in error_and_hint(result)


def test_request_on_a_seed_era_server(server: LocalCrucible, tmp_path: Path) -> None:
    data = tmp_path / "seed.txt"
    data.write_bytes(b"seed era " * 20)
    with CrucibleClient(server.url, server.user_key) as client:
        dsid = client.create_dataset(dataset_name="cli v1 ingestion")["unique_id"]
        client.upload_dataset(dsid, data)
    env = cli_env(server.url, server.user_key, tmp_path)
    args = ("--wait", "--timeout", "30", "--interval", "0.05")
    done = json_of(env, "ingestion", "request", dsid, "api-uploads/seed.txt", *args)
    assert done["status"] == "complete"
