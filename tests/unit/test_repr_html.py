"""Notebook display: records and lazy v3 lists as HTML tables, escaped, cut and redacted."""

from __future__ import annotations

import datetime
from typing import cast

from crucible_openapi.v1.models import Dataset
from crucible_openapi.v3.models import Dataset as DatasetV3

from pycrucible._records import RecordView, as_record
from pycrucible._redact import register_secret
from pycrucible._tables import MAX_CELL
from pycrucible._v3.pages import SHOWN, KeysetPages, OffsetPages


def _html(record: object) -> str:
    """What a notebook calls to display a record."""
    return cast(RecordView, record)._repr_html_()


def test_record_html_lists_its_fields_escaped() -> None:
    record = as_record(
        Dataset(
            unique_id="d1",
            dataset_name="<script>alert(1)</script> & co",
            creation_time=datetime.datetime(2025, 1, 2, 3, 4, 5, tzinfo=datetime.UTC),
        )
    )
    shown = _html(record)
    assert shown.startswith("<table><caption>Dataset</caption>")
    assert "<script>" not in shown
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in shown
    assert ">unique_id</th>" in shown
    assert ">d1</td>" in shown
    assert "2025-01-02T03:04:05+00:00" in shown
    # Declared fields come in model order, like repr.
    assert shown.index(">unique_id<") < shown.index(">dataset_name<")
    assert "Dataset(unique_id='d1'" in repr(record)


def test_long_values_are_cut_and_secrets_hidden() -> None:
    secret = "sk-notebook-secret-0123456789"
    register_secret(secret)
    record = as_record(Dataset(unique_id="d2", dataset_name="x" * 500))
    record["api_key"] = secret
    shown = _html(record)
    assert "x" * (MAX_CELL - 1) + "\u2026" in shown
    assert "x" * MAX_CELL not in shown
    assert secret not in shown
    assert "&lt;redacted&gt;" in shown
    assert secret not in repr(record)


def test_signed_links_lose_their_signature_in_cells() -> None:
    link = "https://storage.example/bucket/f.bin?expires=1&signature=abcdef0123456789"
    record = as_record(Dataset(unique_id="d3"))
    record["download_url"] = link
    record["links"] = [{"href": link}]
    shown = _html(record)
    assert "abcdef0123456789" not in shown
    assert "signature=&lt;redacted&gt;" in shown
    assert "expires=1" in shown


def test_keyset_pages_show_the_first_records_and_fetch_one_page() -> None:
    fetched: list[str | None] = []
    page = [as_record(DatasetV3(unique_id=f"ds{n:03}", dataset_name=f"n{n}")) for n in range(50)]

    def fetch(cursor: str | None) -> tuple[list[DatasetV3], str | None]:
        fetched.append(cursor)
        return page, "next"  # the list never ends: display must not walk it

    shown = KeysetPages(fetch)._repr_html_()
    assert fetched == [None]
    assert shown.count("<tr>") == SHOWN + 1  # the header row and SHOWN records
    assert ">ds000</td>" in shown
    assert f">ds{SHOWN - 1:03}</td>" in shown
    assert f">ds{SHOWN:03}</td>" not in shown
    assert f"first {SHOWN} shown; iterate for more" in shown


def test_a_short_offset_list_says_how_many_and_repr_fetches_nothing() -> None:
    fetched: list[int] = []
    rows: list[dict[str, object]] = [{"unique_id": "a", "n": 1}, {"unique_id": "b", "extra": "<b>"}]

    def fetch(offset: int) -> tuple[list[dict[str, object]], int | None]:
        fetched.append(offset)
        return rows[offset:], len(rows)

    pages = OffsetPages(fetch, limit=5)
    assert "limit 5" in repr(pages)
    assert fetched == []
    shown = pages._repr_html_()
    assert "2 record(s)" in shown
    assert "iterate for more" not in shown
    # Columns are the union of the records' fields; a missing one is an empty cell.
    assert ">extra</th>" in shown
    assert "&lt;b&gt;" in shown
    assert shown.count('vertical-align:top"></td>') == 2  # b has no n, a has no extra
