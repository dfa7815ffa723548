"""`upload_new_dataset(parser=...)` on the seed-era API over HTTP: parsed metadata lands under
the caller's, and a bad file stops the call before anything is sent."""

from __future__ import annotations

from pathlib import Path

import pytest

from pycrucible import CrucibleClient, ParserError


def sidecar(folder: Path, text: str) -> Path:
    path = folder / "settings.json"
    path.write_text(text)
    return path


def test_parsed_metadata_under_the_callers(user: CrucibleClient, tmp_path: Path) -> None:
    path = sidecar(tmp_path, '{"voltage_kV": 300, "operator": "from file"}')
    result = user.upload_new_dataset(
        [path],
        dataset_name="parsed v1",
        scientific_metadata={"operator": "ada"},
        parser="auto",
        ingest=False,
    )
    assert user.get_scientific_metadata(result.dsid) == {"voltage_kV": 300, "operator": "ada"}


def test_default_reads_nothing(user: CrucibleClient, tmp_path: Path) -> None:
    path = sidecar(tmp_path, '{"voltage_kV": 200}')
    result = user.upload_new_dataset([path], dataset_name="unparsed v1", ingest=False)
    assert "voltage_kV" not in user.get_scientific_metadata(result.dsid)


def test_bad_file_sends_nothing(user: CrucibleClient, tmp_path: Path) -> None:
    path = sidecar(tmp_path, '{"broken": ')
    assert not user.list_datasets(limit=None, dataset_name="bad v1")
    with pytest.raises(ParserError, match="'json'") as caught:
        user.upload_new_dataset([path], dataset_name="bad v1", parser="json", ingest=False)
    assert caught.value.path == path
    assert not user.list_datasets(limit=None, dataset_name="bad v1")
    # The same file still uploads without a parser.
    result = user.upload_new_dataset([path], dataset_name="bad v1", parser="none", ingest=False)
    assert result.created
