"""`crucible datasets upload` on an API v3 server: the file records read like the seed's."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from click.testing import CliRunner

from pycrucible import CrucibleClient
from pycrucible.cli._commands import cli
from pycrucible.testing import LocalCrucible
from tests.integration.cli.cli_helpers import cli_env, error_lines, json_of, jsonl_of, run, run_ok


def test_upload_on_v3_reports_each_file(server: LocalCrucible, tmp_path: Path) -> None:
    env = {
        "CRUCIBLE_API_URL": server.url_v3,
        "CRUCIBLE_API_KEY": server.user_key,
        "CRUCIBLE_API_VERSION": "v3",
        "CRUCIBLE_CONFIG": str(tmp_path / "config.toml"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
    }
    with CrucibleClient(server.url_v3, server.user_key, api_version="v3") as client:
        dsid = client.v3.create_dataset(dataset_name="cli upload").unique_id
    data = tmp_path / "scan.dat"
    data.write_bytes(b"cli bytes " * 100)
    sha = hashlib.sha256(data.read_bytes()).hexdigest()
    result = CliRunner().invoke(cli, ["datasets", "upload", dsid, str(data)], env=env)
    assert result.exit_code == 0, result.output
    assert f"uploaded scan.dat (1000 bytes, sha256 {sha[:12]}...)" in result.output
    as_json = CliRunner().invoke(cli, ["datasets", "upload", dsid, str(data), "--json"], env=env)
    assert as_json.exit_code == 0, as_json.output
    [record] = json.loads(as_json.stdout)
    assert (record["filename"], record["sha256_hash"]) == ("scan.dat", sha)


# `crucible files list|get|download|replace` on API v3 and v1.


def _v3_dataset_with_files(server: LocalCrucible, tmp_path: Path) -> tuple[str, dict[str, str]]:
    """A v3 dataset with two ingested files (a.txt, b.txt); returns its id and name -> MFID."""
    tmp_path.mkdir()
    with CrucibleClient(server.url_v3, server.user_key, api_version="v3") as client:
        dsid = client.v3.create_dataset(dataset_name="cli files").unique_id
        mfids = {}
        for name, data in (("a.txt", b"alpha " * 50), ("b.txt", b"beta " * 20)):
            (tmp_path / name).write_bytes(data)
            record = client.v3.files.upload(dsid, tmp_path / name)[0]
            request = client.v3.ingestion.request(record.mfid)
            client.v3.ingestion.wait(request.id, timeout=30, poll=0.01)
            mfids[name] = record.mfid
    return dsid, mfids


def test_files_list_and_get_on_v3(server: LocalCrucible, tmp_path: Path) -> None:
    dsid, mfids = _v3_dataset_with_files(server, tmp_path / "src")
    env = cli_env(server.url_v3, server.user_key, tmp_path)
    listed = json_of(env, "files", "list", dsid)
    assert sorted((f["filename"], f["size"]) for f in listed) == [
        ("a.txt", 300),
        ("b.txt", 100),
    ]
    assert len(jsonl_of(env, "files", "list", dsid, "--limit", "1")) == 1
    table = run_ok(env, "files", "list", dsid)
    assert table.stdout.split()[:4] == ["MFID", "FILENAME", "SIZE", "ETAG"]
    assert mfids["a.txt"] in table.stdout
    by_name = json_of(env, "files", "get", dsid, "a.txt")
    by_id = json_of(env, "files", "get", dsid, mfids["a.txt"])
    assert by_name == by_id
    assert by_name["mfid"] == mfids["a.txt"]
    assert by_name["etag"]
    missing = run(env, "files", "get", dsid, "c.txt")
    assert missing.exit_code == 1
    lines = error_lines(missing)
    assert "has no file 'c.txt'" in lines[0]
    assert "a.txt, b.txt" in lines[1]


def test_files_download_on_v3_never_replaces_a_good_file_with_a_bad_one(
    server: LocalCrucible, tmp_path: Path
) -> None:
    dsid, _ = _v3_dataset_with_files(server, tmp_path / "src")
    env = cli_env(server.url_v3, server.user_key, tmp_path)
    target = tmp_path / "out" / "alpha.txt"
    target.parent.mkdir()
    got = json_of(env, "files", "download", dsid, "a.txt", "--to", str(target))
    assert got == {"path": str(target), "filename": "a.txt", "size": 300}
    assert target.read_bytes() == b"alpha " * 50
    into_folder = run_ok(env, "files", "download", dsid, "b.txt", "--to", str(target.parent))
    assert "downloaded b.txt (100 bytes)" in into_folder.stderr
    assert (target.parent / "b.txt").read_bytes() == b"beta " * 20
    # Bytes that fail the check (the server sends other content) leave the good file alone.
    target.write_bytes(b"my good copy")
    server.faults.add("corrupt", times=None, path_prefix="/storage/")
    try:
        failed = run(env, "files", "download", dsid, "a.txt", "--to", str(target))
    finally:
        server.faults.clear()
    assert failed.exit_code == 1
    error_lines(failed)
    assert target.read_bytes() == b"my good copy"
    assert sorted(p.name for p in target.parent.iterdir()) == ["alpha.txt", "b.txt"]
    nowhere = run(env, "files", "download", dsid, "a.txt", "--to", str(tmp_path / "no" / "x"))
    assert nowhere.exit_code == 2
    assert "does not exist" in error_lines(nowhere)[0]


def test_files_replace_on_v3_checks_the_etag(server: LocalCrucible, tmp_path: Path) -> None:
    dsid, mfids = _v3_dataset_with_files(server, tmp_path / "src")
    env = cli_env(server.url_v3, server.user_key, tmp_path)
    old_etag = json_of(env, "files", "get", dsid, "a.txt")["etag"]
    new = tmp_path / "new.txt"
    new.write_bytes(b"new content")
    replaced = json_of(env, "files", "replace", dsid, "a.txt", str(new), "--if-match", old_etag)
    assert replaced["mfid"] == mfids["a.txt"]
    assert replaced["sha256_hash"] == hashlib.sha256(b"new content").hexdigest()
    # The ETag read before the replacement is stale now: nothing changes, exit 1 and a hint.
    new.write_bytes(b"newer content")
    stale = run(env, "files", "replace", dsid, "a.txt", str(new), "--if-match", old_etag)
    assert stale.exit_code == 1
    lines = error_lines(stale)
    assert "--if-match" in lines[1]
    assert json_of(env, "files", "get", dsid, "a.txt")["etag"] == replaced["etag"]
    # Without --if-match, the ETag just read is used.
    again = run_ok(env, "files", "replace", dsid, "a.txt", str(new))
    assert "replaced a.txt (13 bytes" in again.stderr


def test_files_on_v1(server: LocalCrucible, tmp_path: Path) -> None:
    env = cli_env(server.url, server.user_key, tmp_path)
    data = tmp_path / "seed.dat"
    data.write_bytes(b"seed bytes " * 10)
    with CrucibleClient(server.url, server.user_key, api_version="v1") as client:
        dsid = client.create_dataset(dataset_name="cli v1 files").unique_id
        client.upload_dataset(dsid, [data])
    listed = json_of(env, "files", "list", dsid)
    assert [(Path(f["filename"]).name, f["size"]) for f in listed] == [("seed.dat", 110)]
    assert json_of(env, "files", "get", dsid, "seed.dat")["size"] == 110
    target = tmp_path / "copy.dat"
    run_ok(env, "files", "download", dsid, "seed.dat", "--to", str(target))
    assert target.read_bytes() == data.read_bytes()
    refused = run(env, "files", "replace", dsid, "seed.dat", str(data))
    assert refused.exit_code == 2
    assert "needs API v3" in error_lines(refused)[0]


def test_files_of_an_unknown_or_malformed_dataset(server: LocalCrucible, tmp_path: Path) -> None:
    env = cli_env(server.url_v3, server.user_key, tmp_path)
    unknown = run(env, "files", "list", "01m8tk1fxpem4v6t610rb7avwy")
    assert unknown.exit_code == 1
    assert error_lines(unknown)[1].startswith("Hint: check the id")
    # The server checks the id's form (422): one error line naming it, exit 1.
    malformed = run(env, "files", "get", "not an id", "a.txt")
    assert malformed.exit_code == 1
    assert "'not an id' does not match" in error_lines(malformed)[0]
