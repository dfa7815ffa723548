"""`crucible datasets upload --parser` against the local server, on API v1 and v3: parsed
metadata is added, a bad file is one `Error:` line with exit code 2 and nothing sent, and
`--parser none` still uploads it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from pycrucible import CrucibleClient
from pycrucible.cli._commands import cli
from pycrucible.testing import LocalCrucible


@pytest.fixture(params=["v1", "v3"])
def version(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def setup(server: LocalCrucible, version: str, tmp_path: Path) -> tuple[dict[str, str], str]:
    url = server.url_v3 if version == "v3" else server.url
    env = {
        "CRUCIBLE_API_URL": url,
        "CRUCIBLE_API_KEY": server.user_key,
        "CRUCIBLE_API_VERSION": version,
        "CRUCIBLE_CONFIG": str(tmp_path / "config.toml"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
    }
    with CrucibleClient(url, server.user_key, api_version=version) as client:
        dsid = client.create_dataset(
            dataset_name=f"cli parser {version}", scientific_metadata={"operator": "ada"}
        ).unique_id
    return env, dsid


def run(env: dict[str, str], *args: str) -> Result:
    return CliRunner().invoke(cli, list(args), env=env)


def metadata(server: LocalCrucible, version: str, dsid: str) -> dict[str, object]:
    url = server.url_v3 if version == "v3" else server.url
    with CrucibleClient(url, server.user_key, api_version=version) as client:
        return dict(client.get_scientific_metadata(dsid))


def files(server: LocalCrucible, version: str, dsid: str) -> list[object]:
    url = server.url_v3 if version == "v3" else server.url
    with CrucibleClient(url, server.user_key, api_version=version) as client:
        return list(client.get_associated_files(dsid))


def test_parser_auto_adds_missing_keys(server: LocalCrucible, version: str, tmp_path: Path) -> None:
    env, dsid = setup(server, version, tmp_path)
    side = tmp_path / "run.json"
    side.write_text('{"voltage_kV": 300, "operator": "from file"}')
    result = run(env, "datasets", "upload", dsid, str(side), "--parser", "auto")
    assert result.exit_code == 0, result.output
    # The dataset's own keys win over the file's.
    assert metadata(server, version, dsid) == {"operator": "ada", "voltage_kV": 300}


def test_bad_file_is_an_error_line_then_none_uploads(
    server: LocalCrucible, version: str, tmp_path: Path
) -> None:
    env, dsid = setup(server, version, tmp_path)
    bad = tmp_path / "broken.json"
    bad.write_text('{"voltage_kV": ')
    result = run(env, "datasets", "upload", dsid, str(bad), "--parser", "auto")
    assert result.exit_code == 2
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    assert "Error: parser 'json' could not read" in result.output
    assert str(bad) in result.output
    assert "--parser none" in result.output
    assert files(server, version, dsid) == []  # nothing was sent
    unknown = run(env, "datasets", "upload", dsid, str(bad), "--parser", "nope")
    assert unknown.exit_code == 2
    assert "Error: unknown parser 'nope'" in unknown.output
    plain = run(env, "datasets", "upload", dsid, str(bad), "--parser", "none")
    assert plain.exit_code == 0, plain.output
    assert len(files(server, version, dsid)) == 1
    assert metadata(server, version, dsid) == {"operator": "ada"}


def test_upload_new_with_parser(server: LocalCrucible, version: str, tmp_path: Path) -> None:
    env, _ = setup(server, version, tmp_path)
    table = tmp_path / f"iv-{version}.csv"
    table.write_text("voltage_V;current_A\n0;0\n1;0.5\n")
    args = ["datasets", "upload-new", str(table), "--name", f"new {version}", "--no-ingest"]
    result = run(env, *args, "--parser", "auto", "--metadata", "delimiter=mine", "--json")
    assert result.exit_code == 0, result.output
    dsid = json.loads(result.stdout)["unique_id"]
    assert metadata(server, version, dsid) == {
        "columns": ["voltage_V", "current_A"],
        "column_count": 2,
        "row_count": 2,
        "delimiter": "mine",
    }
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"\xff\xfe\x00\x81 not text")
    failed = run(env, "datasets", "upload-new", str(bad), "--parser", "csv", "--no-ingest")
    assert failed.exit_code == 2
    assert "Error: parser 'csv' could not read" in failed.output
    plain = run(env, "datasets", "upload-new", str(bad), "--no-ingest")
    assert plain.exit_code == 0, plain.output
    assert len(files(server, version, plain.stdout.strip())) == 1
