"""`to_pandas`: records as DataFrames, dates as datetimes, and a clear error without pandas."""

from __future__ import annotations

import datetime
import subprocess
import sys

import pandas
from crucible_openapi.v1.models import Dataset

import pycrucible
from pycrucible._records import as_record
from pycrucible._v3.pages import KeysetPages

WHEN = datetime.datetime(2025, 3, 4, 5, 6, 7, tzinfo=datetime.UTC)


def test_seed_list_becomes_a_frame_with_datetime_columns() -> None:
    records = as_record(
        [
            Dataset(unique_id="d1", dataset_name="one", creation_time=WHEN, size=10),
            Dataset(unique_id="d2", dataset_name="two", creation_time=None),
        ]
    )
    records[1]["instrument_note"] = "extra field"
    frame = pycrucible.to_pandas(records)
    assert isinstance(records, list)  # the list stays a list
    assert list(frame["unique_id"]) == ["d1", "d2"]
    assert frame.columns[0] == "unique_id"
    assert pandas.api.types.is_datetime64_any_dtype(frame["creation_time"])
    assert frame["creation_time"][0] == pandas.Timestamp(WHEN)
    assert pandas.isna(frame["creation_time"][1])
    assert frame["instrument_note"][1] == "extra field"
    assert pandas.isna(frame["instrument_note"][0])


def test_lazy_pages_walk_every_page_into_the_frame() -> None:
    pages = [[{"unique_id": "a"}, {"unique_id": "b"}], [{"unique_id": "c"}]]

    def fetch(cursor: str | None) -> tuple[list[dict[str, str]], str | None]:
        index = int(cursor or 0)
        return pages[index], (str(index + 1) if index + 1 < len(pages) else None)

    frame = KeysetPages(fetch).to_pandas()
    assert list(frame["unique_id"]) == ["a", "b", "c"]


def test_empty_list_gives_an_empty_frame() -> None:
    frame = pycrucible.to_pandas([])
    assert len(frame) == 0


def test_missing_pandas_names_the_extra() -> None:
    code = (
        "import sys; sys.modules['pandas'] = None\n"
        "import pycrucible\n"
        "try:\n"
        "    pycrucible.to_pandas([])\n"
        "except ImportError as e:\n"
        "    print(e)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert "pip install 'pycrucible-client[pandas]'" in done.stdout
