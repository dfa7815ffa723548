"""`crucible datasets upload` on an API v3 server: the file records read like the seed's."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from pycrucible import CrucibleClient
from pycrucible.cli._commands import cli
from pycrucible.testing import LocalCrucible


@pytest.fixture(scope="module")
def server() -> Iterator[LocalCrucible]:
    with LocalCrucible() as running:
        yield running


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
