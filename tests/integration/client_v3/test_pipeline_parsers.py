"""`upload_new_dataset(parser=...)` on API v3 over HTTP: parsed metadata lands under the
caller's, and a bad file stops the call before anything is sent."""

from __future__ import annotations

from pathlib import Path

import pytest

from pycrucible import CrucibleClient, ParserError


def test_parsed_csv_summary_under_the_callers(user: CrucibleClient, tmp_path: Path) -> None:
    path = tmp_path / "iv.csv"
    path.write_text("voltage_V,current_A\n0,0\n1,0.5\n")
    result = user.v3.upload_new_dataset(
        [path],
        dataset_name="parsed v3",
        scientific_metadata={"delimiter": "caller wins"},
        parser="auto",
        ingest=False,
    )
    assert user.v3.get_scientific_metadata(result.dsid) == {
        "columns": ["voltage_V", "current_A"],
        "column_count": 2,
        "row_count": 2,
        "delimiter": "caller wins",
    }


def test_unknown_parser_and_bad_file_send_nothing(user: CrucibleClient, tmp_path: Path) -> None:
    path = tmp_path / "binary.csv"
    path.write_bytes(b"\xff\xfe\x00\x81 not text")
    assert not list(user.v3.datasets.list(dataset_name="bad v3"))
    with pytest.raises(ParserError, match="unknown parser"):
        user.v3.upload_new_dataset([path], dataset_name="bad v3", parser="nope", ingest=False)
    with pytest.raises(ParserError, match="'csv'"):
        user.v3.upload_new_dataset([path], dataset_name="bad v3", parser="auto", ingest=False)
    assert not list(user.v3.datasets.list(dataset_name="bad v3"))
    result = user.v3.upload_new_dataset([path], dataset_name="bad v3", ingest=False)
    assert result.created
