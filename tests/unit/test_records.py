"""The records' dict view: on what the client returns, never on the generated classes."""

from __future__ import annotations

import datetime
import subprocess
import sys

import pytest
from _client_fakes import FakeAPI, reply
from crucible_openapi.v1.models import Account, Dataset, Sample

from pycrucible import CrucibleClient
from pycrucible._records import as_record


def test_assignment_agrees_with_reading(client: CrucibleClient, fake: FakeAPI) -> None:
    fake.on("GET", "/samples/s1", reply(200, {"unique_id": "s1", "sample_name": "n"}))
    sample = client.get_sample("s1")
    sample["sample_name"] = "renamed"
    assert sample["sample_name"] == sample.sample_name == "renamed"
    sample["note"] = "extra"
    assert sample["note"] == "extra"
    assert sample.additional_properties == {"note": "extra"}
    del sample["note"]
    assert "note" not in sample
    with pytest.raises(TypeError, match="field"):
        del sample["sample_name"]


def test_dates_read_as_json_text_after_assignment() -> None:
    record = as_record(Dataset(unique_id="d1"))
    when = datetime.datetime(2025, 1, 2, 3, 4, 5, tzinfo=datetime.UTC)
    record["creation_time"] = when
    assert record.creation_time == when
    assert record["creation_time"] == when.isoformat()


def test_nested_records_and_lists_get_the_view(client: CrucibleClient, fake: FakeAPI) -> None:
    fake.on(
        "GET",
        "/account",
        reply(200, {"user_info": {"orcid": "0000-0001"}, "access_groups": ["g"]}),
    )
    account = client.whoami()
    assert isinstance(account, Account)
    assert account.user_info is not None
    assert account.user_info["orcid"] == "0000-0001"
    fake.on("GET", "/samples", reply(200, [{"unique_id": "a"}, {"unique_id": "b"}]))
    assert [s["unique_id"] for s in client.list_samples()] == ["a", "b"]


def test_the_view_keeps_type_and_equality() -> None:
    plain = Sample.from_dict({"unique_id": "s1"})
    viewed = as_record(Sample.from_dict({"unique_id": "s1"}))
    assert isinstance(viewed, Sample)
    assert viewed == as_record(Sample.from_dict({"unique_id": "s1"}))
    assert viewed.to_dict() == plain.to_dict()


def test_repr_shows_what_the_server_sent_and_nothing_else() -> None:
    answer = {
        "unique_id": "d1",
        "dataset_name": "scan",
        "creation_time": "2026-01-15T10:20:30+00:00",
        "beamline": "7.3.3",  # a field the contract does not know yet
    }
    record = as_record(Dataset.from_dict(answer))
    text = repr(record)
    assert text == (
        "Dataset(unique_id='d1', dataset_name='scan', "
        "creation_time='2026-01-15T10:20:30+00:00', beamline='7.3.3')"
    )
    assert "UNSET" not in text
    assert "additional_properties" not in text
    assert len(repr(Dataset.from_dict(answer))) > 3 * len(text)  # the generator's own wall


def test_generated_classes_are_not_changed() -> None:
    """Raw-layer code sees the generator's own behaviour, with or without pycrucible."""
    plain = Sample.from_dict({"unique_id": "s1", "extra": 1})
    assert plain["extra"] == 1  # the generator's view: extra fields only
    with pytest.raises(KeyError):
        plain["unique_id"]
    assert type(plain) is Sample
    code = (
        "from crucible_openapi.v1.models import Sample\n"
        "before = Sample.__getitem__\n"
        "import pycrucible\n"
        "assert Sample.__getitem__ is before\n"
        "assert 'get' not in vars(Sample)\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_repr_hides_signed_urls_but_the_record_keeps_them() -> None:
    from crucible_openapi.v3.models import DownloadLinks, SignedPart

    signed = "https://store.test/storage/v3-parts/SESSION42/1?crc32c=q&expires=9&signature=abc123"
    part = as_record(
        SignedPart.from_dict({"part_number": 1, "url": signed, "offset": 0, "size": 5})
    )
    text = repr(part)
    assert "abc123" not in text
    assert "SESSION42" not in text
    assert "signature=<redacted>" in text
    assert part["url"] == part.url == signed
    links = as_record(DownloadLinks.from_dict({"f1": "https://x.test/a?signature=feed01"}))
    assert "feed01" not in repr(links)
    assert links.additional_properties["f1"] == "https://x.test/a?signature=feed01"
