"""The seed-era dataset, metadata and keyword functions on API v3, over HTTP."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path

import pytest

from pycrucible import CrucibleClient, NotFoundError, UnsupportedByServerError


def test_create_get_with_metadata_reads_the_dict_itself(user: CrucibleClient) -> None:
    made = user.create_dataset(
        dataset_name="My Experiment",
        measurement="XRD",
        public=False,
        scientific_metadata={"temperature": 298.15, "voltage": 200},
        keywords=["crystallography", "materials"],
    )
    assert len(made.unique_id) == 26
    got = user.get_dataset(made.unique_id, include_metadata=True)
    assert got["dataset_name"] == "My Experiment"
    assert got["measurement"] == "XRD"
    assert got["scientific_metadata"] == {"temperature": 298.15, "voltage": 200}
    words = {k["keyword"] for k in user.get_dataset_keywords(made.unique_id)}
    assert words == {"crystallography", "materials"}


def test_create_with_a_chosen_mfid_twice_keeps_one_record(user: CrucibleClient) -> None:
    first = user.v3.create_dataset(dataset_name="twice")
    again = user.v3.create_dataset(dataset_name="twice", unique_id=first.unique_id)
    assert again.unique_id == first.unique_id
    named = [ds.unique_id for ds in user.v3.list_datasets(dataset_name="twice")]
    assert named.count(first.unique_id) == 1


def test_list_follows_keyset_pages_lazily(user: CrucibleClient) -> None:
    made = {user.v3.create_dataset(dataset_name="paged").unique_id for _ in range(5)}
    pages = user.v3.datasets.list(dataset_name="paged", page_size=2)
    seen = [ds.unique_id for ds in pages]
    assert set(seen) >= made
    assert len(seen) == len(set(seen))
    assert pages.count() == len(seen)
    assert len(list(user.v3.list_datasets(dataset_name="paged", page_size=2, limit=3))) == 3


def test_flat_list_datasets_on_v3_yields_records(user: CrucibleClient, dataset: str) -> None:
    ids = [ds["unique_id"] for ds in user.list_datasets()]
    assert dataset in ids


def test_update_changes_editable_fields_and_refuses_others(
    user: CrucibleClient, dataset: str
) -> None:
    updated = user.update_dataset(dataset, dataset_name="renamed", measurement="SEM")
    assert (updated.dataset_name, updated.measurement) == ("renamed", "SEM")
    with pytest.raises(ValueError, match="owner"):
        user.v3.update_dataset(dataset, owner_orcid="0000-0000-0000-0000")


def test_metadata_merge_and_replace(user: CrucibleClient, dataset: str) -> None:
    assert user.get_scientific_metadata(dataset) == {}
    assert user.v3.metadata.record(dataset) is None
    user.update_scientific_metadata(dataset, {"a": {"b": 1}, "c": 2})
    after = user.update_scientific_metadata(dataset, {"a": {"d": 3}})
    assert after == {"a": {"b": 1, "d": 3}, "c": 2}
    assert user.v3.get_scientific_metadata(dataset) == {"a": {"b": 1, "d": 3}, "c": 2}
    user.update_scientific_metadata(dataset, {"only": True}, overwrite=True)
    assert user.get_scientific_metadata(dataset) == {"only": True}
    record = user.v3.metadata.record(dataset)
    assert record is not None
    assert record["unique_id"] == dataset


def test_keyword_added_twice_is_listed_once(user: CrucibleClient, dataset: str) -> None:
    user.add_dataset_keyword(dataset, "tem")
    user.add_dataset_keyword(dataset, "tem")
    assert [k.keyword for k in user.v3.get_dataset_keywords(dataset)] == ["tem"]


def test_files_and_thumbnails_of_a_new_dataset_are_empty(
    user: CrucibleClient, dataset: str
) -> None:
    assert user.v3.get_associated_files(dataset) == []
    assert user.v3.get_thumbnails(dataset) == []


def test_missing_dataset_is_not_found(user: CrucibleClient) -> None:
    with pytest.raises(NotFoundError):
        user.get_dataset("0" * 26)


@pytest.mark.parametrize(
    ("call", "replacement"),
    [
        (lambda c: c.send_to_scicat("x"), None),
        (lambda c: c.request_google_drive_transfer("x"), None),
        (lambda c: c.get_keywords(), "get_dataset_keywords"),
        (lambda c: c.add_sample_metadata("x", "t", {}), "update_scientific_metadata"),
        (lambda c: c.get_sample_metadata("x", "t"), "get_scientific_metadata"),
    ],
)
def test_what_v3_removed_says_so(
    user: CrucibleClient, call: Callable[[CrucibleClient], object], replacement: str | None
) -> None:
    with pytest.raises(UnsupportedByServerError, match="API v3") as caught:
        call(user)
    assert caught.value.api_version == "v3"
    if replacement is not None:
        assert replacement in str(caught.value)


def test_upload_makes_one_file_record_and_nothing_downloads_before_ingestion(
    user: CrucibleClient, dataset: str, tmp_path: Path
) -> None:
    source = tmp_path / "scan.dat"
    source.write_bytes(b"crucible v3 " * 5000)
    records = user.v3.upload_dataset(dataset, source)
    assert [r.filename for r in records] == ["scan.dat"]
    assert [f["mfid"] for f in user.v3.get_associated_files(dataset)] == [records[0]["mfid"]]
    # Files are served once ingested; this client does not request ingestion on v3 yet.
    assert user.download_dataset(dataset, output_dir=tmp_path / "out") == []


def test_list_filters_by_keyword_with_metadata_in_order(user: CrucibleClient) -> None:
    tag = f"kw-{uuid.uuid4().hex[:8]}"
    first = user.create_dataset(dataset_name="a", keywords=[tag], scientific_metadata={"n": 1})
    second = user.create_dataset(dataset_name="b", keywords=[tag], scientific_metadata={"n": 2})
    user.create_dataset(dataset_name="c")  # no keyword: not listed
    found = user.list_datasets(keyword=tag, include_metadata=True, sort="created", direction="asc")
    rows = [(ds["unique_id"], ds["scientific_metadata"]) for ds in found]
    assert rows == [(first.unique_id, {"n": 1}), (second.unique_id, {"n": 2})]
    with pytest.raises(ValueError, match="direction"):
        user.v3.datasets.list(direction="sideways")
    with pytest.raises(ValueError, match="sort="):
        user.v3.datasets.list(direction="asc")
