"""Bad input is refused before the network: the fake API must see no request at all."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from _client_fakes import FakeAPI

from pycrucible import CrucibleClient

BAD_IDS = ["", "   ", " d1", "a/b", "../etc", "..", "a\\b", "x?y=1", "d#1", "a%2F", "l\nf", 7, None]

# (name, call with the bad id in the first id position)
ID_CALLS: list[tuple[str, Callable[[CrucibleClient, Any], Any]]] = [
    ("get_dataset", lambda c, v: c.get_dataset(v)),
    ("update_dataset", lambda c, v: c.update_dataset(v, dataset_name="x")),
    ("delete_dataset", lambda c, v: c.delete_dataset(v)),
    ("link_datasets", lambda c, v: c.link_datasets("d1", v)),
    ("list_children_of_dataset", lambda c, v: c.list_children_of_dataset(v)),
    ("list_parents_of_dataset", lambda c, v: c.list_parents_of_dataset(v)),
    ("list_datasets", lambda c, v: c.list_datasets(sample_id=v)),
    ("get_dataset_download_links", lambda c, v: c.get_dataset_download_links(v)),
    ("get_associated_files", lambda c, v: c.get_associated_files(v)),
    ("get_thumbnails", lambda c, v: c.get_thumbnails(v)),
    ("add_thumbnail", lambda c, v: c.add_thumbnail(v, b"png", "t.png")),
    ("download_dataset", lambda c, v: c.download_dataset(v)),
    ("get_scientific_metadata", lambda c, v: c.get_scientific_metadata(v)),
    ("update_scientific_metadata", lambda c, v: c.update_scientific_metadata(v, {"a": 1})),
    ("add_dataset_keyword", lambda c, v: c.add_dataset_keyword(v, "kw")),
    ("get_dataset_keywords", lambda c, v: c.get_dataset_keywords(v)),
    ("list_samples", lambda c, v: c.list_samples(dataset_id=v)),
    ("get_sample", lambda c, v: c.get_sample(v)),
    ("add_sample_to_dataset", lambda c, v: c.add_sample_to_dataset("d1", v)),
    ("remove_sample_from_dataset", lambda c, v: c.remove_sample_from_dataset(v, "s1")),
    ("link_samples", lambda c, v: c.link_samples(v, "s2")),
    ("list_parents_of_sample", lambda c, v: c.list_parents_of_sample(v)),
    ("list_children_of_sample", lambda c, v: c.list_children_of_sample(v)),
    ("add_sample_metadata", lambda c, v: c.add_sample_metadata(v, "batch", a=1)),
    ("get_sample_metadata", lambda c, v: c.get_sample_metadata("s1", v)),
    ("get_instrument", lambda c, v: c.get_instrument(instrument_id=v)),
    ("get_project", lambda c, v: c.get_project(v)),
    ("get_or_add_project", lambda c, v: c.get_or_add_project(v)),
    ("get_project_users", lambda c, v: c.get_project_users(v)),
    ("add_user_to_project", lambda c, v: c.add_user_to_project("p1", v)),
    ("get_user", lambda c, v: c.get_user(v)),
    ("get_or_add_user", lambda c, v: c.get_or_add_user(v)),
    ("list_projects", lambda c, v: c.list_projects(v)),
    ("request_ingestion", lambda c, v: c.request_ingestion(v)),
    ("send_to_scicat", lambda c, v: c.send_to_scicat(v)),
    ("request_google_drive_transfer", lambda c, v: c.request_google_drive_transfer(v)),
    ("get_request_status", lambda c, v: c.get_request_status(v, 1, "ingest")),
    ("get_ingestion_status", lambda c, v: c.get_ingestion_status(v, 1)),
    ("get_scicat_status", lambda c, v: c.get_scicat_status(v, 1)),
    ("wait_for_request_completion", lambda c, v: c.wait_for_request_completion(v, 1, "ingest")),
    ("get_current_google_drive_info", lambda c, v: c.get_current_google_drive_info(v)),
    ("get_organized_google_drive_info", lambda c, v: c.get_organized_google_drive_info(v)),
    ("update_ingestion_status", lambda c, v: c.update_ingestion_status(v, 1, "complete")),
    ("update_scicat_upload_status", lambda c, v: c.update_scicat_upload_status(v, 1, "failed")),
    ("update_transfer_status", lambda c, v: c.update_transfer_status(v, 1, "complete")),
    ("get_dataset_access_groups", lambda c, v: c.get_dataset_access_groups(v)),
    ("add_dataset_access_group", lambda c, v: c.add_dataset_access_group("d1", v)),
    ("get_user_access_groups", lambda c, v: c.get_user_access_groups(v)),
    ("add_user_to_access_group", lambda c, v: c.add_user_to_access_group(v, "g1")),
    ("remove_user_from_access_group", lambda c, v: c.remove_user_from_access_group("o", v)),
    ("get_user_datasets", lambda c, v: c.get_user_datasets(v)),
    ("get_user_dataset_access", lambda c, v: c.get_user_dataset_access("o", v)),
]


# None means "not given" for these optional ids; an int instrument id is the internal id.
_MEANINGFUL = {("list_datasets", None), ("list_samples", None), ("list_projects", None)}
_MEANINGFUL.add(("get_instrument", 7))
CASES = [
    pytest.param(call, bad, id=f"{name}-{bad!r}")
    for name, call in ID_CALLS
    for bad in BAD_IDS
    if (name, bad) not in _MEANINGFUL
]


@pytest.mark.parametrize(("call", "bad"), CASES)
def test_bad_ids_are_refused_before_sending(
    client: CrucibleClient, fake: FakeAPI, call: Callable[..., Any], bad: Any
) -> None:
    with pytest.raises(ValueError, match=r"\w"):
        call(client, bad)
    assert fake.requests == []


@pytest.mark.parametrize(
    "call",
    [
        lambda c: c.list_datasets(colour="red"),
        lambda c: c.list_samples(colour="red"),
        lambda c: c.list_samples(dataset_id="d1", parent_id="s1"),
        lambda c: c.list_children_of_dataset("d1", colour="red"),
        lambda c: c.create_dataset(dataset_name="x", colour="red"),
        lambda c: c.create_dataset(dataset_name="x", creation_time="yesterday"),
        lambda c: c.create_dataset(dataset_name="x", keywords="one string"),
        lambda c: c.create_dataset(dataset_name="x", keywords=["ok", " "]),
        lambda c: c.update_dataset("d1"),
        lambda c: c.update_dataset("d1", unique_id="new"),
        lambda c: c.add_sample(),
        lambda c: c.add_sample(sample_name="s", parents=[{"no": "id"}]),
        lambda c: c.add_sample(sample_name="s", date_created="last week"),
        lambda c: c.add_dataset_keyword("d1", ""),
        lambda c: c.get_instrument(),
        lambda c: c.get_instrument("a", "b"),
        lambda c: c.get_request_status("d1", "seven", "ingest"),
        lambda c: c.get_request_status("d1", -1, "ingest"),
        lambda c: c.get_request_status("d1", 1, "drive"),
        lambda c: c.add_thumbnail("d1", b"png"),
        lambda c: c.add_thumbnail("d1", b"", "t.png"),
        lambda c: c.add_associated_file("d1", "x.h5", size=-1, sha256_hash="0" * 64),
        lambda c: c.add_associated_file("d1", "x.h5", size=1, sha256_hash="xyz"),
        lambda c: c.add_user({"first_name": "no orcid"}),
        lambda c: c.update_ingestion_status("d1", 1, " "),
    ],
)
def test_bad_arguments_are_refused_before_sending(
    client: CrucibleClient, fake: FakeAPI, call: Callable[..., Any]
) -> None:
    with pytest.raises(ValueError, match=r"\w"):
        call(client)
    assert fake.requests == []


def test_missing_files_and_directories_are_refused(
    client: CrucibleClient, fake: FakeAPI, tmp_path: Path
) -> None:
    missing = tmp_path / "missing.h5"
    with pytest.raises(FileNotFoundError):
        client.upload_dataset("d1", missing)
    with pytest.raises(FileNotFoundError):
        client.upload_dataset("d1", [tmp_path / "ok.h5", missing])
    with pytest.raises(ValueError, match="directory"):
        client.upload_dataset("d1", tmp_path)
    with pytest.raises(ValueError, match="no files"):
        client.upload_dataset("d1", [])
    with pytest.raises(FileNotFoundError):
        client.add_associated_file("d1", missing)
    with pytest.raises(ValueError, match="directory"):
        client.add_associated_file("d1", tmp_path)
    with pytest.raises(FileNotFoundError):
        client.add_thumbnail("d1", missing)
    with pytest.raises(FileNotFoundError):
        client.upload_new_dataset([missing], dataset_name="x")
    with pytest.raises(ValueError, match="directory"):
        client.upload_new_dataset(tmp_path, dataset_name="x")
    not_a_dir = tmp_path / "file"
    not_a_dir.write_text("x")
    with pytest.raises(ValueError, match="not a folder"):
        client.download_dataset("d1", output_dir=not_a_dir)
    assert fake.requests == []


def test_pipeline_checks_everything_first(
    client: CrucibleClient, fake: FakeAPI, tmp_path: Path
) -> None:
    data = tmp_path / "run.h5"
    data.write_bytes(b"data")
    with pytest.raises(ValueError, match="scientific_metadata"):
        client.upload_new_dataset(data, scientific_metadata={"t": float("nan")})
    with pytest.raises(ValueError, match="keywords"):
        client.upload_new_dataset(data, keywords="xrd")
    with pytest.raises(ValueError, match="ingestor"):
        client.upload_new_dataset(data, ingestor="")
    assert fake.requests == []


def test_pipeline_checks_fields_before_asking_who_you_are(
    client: CrucibleClient, fake: FakeAPI, tmp_path: Path
) -> None:
    data = tmp_path / "run.h5"
    data.write_bytes(b"data")
    with pytest.raises(ValueError, match="creation_time"):
        client.upload_new_dataset(data, creation_time="sometime")
    with pytest.raises(ValueError, match="project_id"):
        client.upload_new_dataset(data, project_id="a/b")
    with pytest.raises(ValueError, match="unique_id"):
        client.upload_new_dataset(data, unique_id="../x")
    with pytest.raises(ValueError, match="poll_interval"):
        client.upload_new_dataset(data, wait=True, poll_interval=0)
    assert fake.requests == []
