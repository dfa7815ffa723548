"""The upstream pycrucible's later names and keywords, called as its users call them.

The seed-era API (v1) over HTTP for all of them; API v3 for the ones whose seed name exists on
v3 today (`create_dataset`, `upload_dataset`) and for the ones v3 removed.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import pydantic
import pytest
from crucible_openapi.v1.models import DriveLocation

from pycrucible import CrucibleClient, NotFoundError, UnsupportedByServerError
from pycrucible._checks import new_mfid
from pycrucible._demo import make_png
from pycrucible.testing import LocalCrucible


class BaseDataset(pydantic.BaseModel):
    """A dataset description shaped like the upstream client's `BaseDataset`."""

    unique_id: str | None = None
    dataset_name: str | None = None
    public: bool = False
    owner_orcid: str | None = None
    project_id: str | None = None
    instrument_name: str | None = None
    measurement: str | None = None
    session_name: str | None = None
    data_format: str | None = None
    file_to_upload: str | None = None
    source_folder: str | None = None
    size: int | None = None


@pytest.fixture(scope="module")
def user_v3(
    server: LocalCrucible, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[CrucibleClient]:
    state = tmp_path_factory.mktemp("upstream-v3")
    with CrucibleClient(server.url_v3, server.user_key, api_version="v3", state_dir=state) as c:
        yield c


def ids(records: Sequence[Any]) -> list[str]:
    return [r["unique_id"] for r in records]


# ---------------------------------------------------------------- datasets and files


def test_create_new_dataset_from_a_model(user: CrucibleClient) -> None:
    description = BaseDataset(dataset_name="xrd run", project_id="LOCAL-DEMO", measurement="XRD")
    result = user.create_new_dataset(
        description, scientific_metadata={"temperature": 298.15}, keywords=["upstream"]
    )
    dsid = result["dsid"]
    assert result["created_record"]["unique_id"] == dsid
    assert result["created_record"]["measurement"] == "XRD"
    record = result["scientific_metadata_record"]
    assert record is not None
    assert record["scientific_metadata"]["temperature"] == 298.15
    assert user.get_scientific_metadata(dsid)["temperature"] == 298.15
    assert [k["keyword"] for k in user.get_dataset_keywords(dsid)] == ["upstream"]


def test_create_new_dataset_from_a_dict_and_bad_fields(user: CrucibleClient) -> None:
    result = user.create_new_dataset({"dataset_name": "plain", "session_name": None})
    assert result["scientific_metadata_record"] is None
    assert user.get_dataset(result["dsid"])["dataset_name"] == "plain"
    mine = new_mfid()
    with pytest.raises(ValueError, match="no_such_field"):
        user.create_new_dataset({"unique_id": mine, "no_such_field": 1})
    with pytest.raises(NotFoundError):
        user.get_dataset(mine)  # nothing was created
    with pytest.raises(ValueError, match="model_dump"):
        user.create_new_dataset(42)  # type: ignore[arg-type]


def test_create_new_dataset_registers_an_unknown_owner(admin: CrucibleClient) -> None:
    orcid = "0000-0006-0000-0001"
    asked: list[str] = []

    def user_info(who: str) -> dict[str, str]:
        asked.append(who)
        return {"first_name": "Una", "last_name": "Upstream"}

    result = admin.create_new_dataset(
        {"dataset_name": "for Una", "owner_orcid": orcid}, get_user_info_function=user_info
    )
    assert asked == [orcid]
    assert admin.get_user(orcid)["first_name"] == "Una"
    assert result["created_record"]["owner_orcid"] == orcid
    again = admin.create_new_dataset(
        {"dataset_name": "for Una again", "owner_orcid": orcid}, get_user_info_function=user_info
    )
    assert asked == [orcid]  # known now: not asked again
    assert again["dsid"] != result["dsid"]


def test_create_new_dataset_from_files(user: CrucibleClient, tmp_path: Path) -> None:
    image = make_png(tmp_path / "frame.png")
    sidecar = tmp_path / "frame.json"
    sidecar.write_text(json.dumps({"exposure_s": 0.5}))
    description = BaseDataset(
        dataset_name="optical", project_id="LOCAL-DEMO", file_to_upload="api-uploads/frame.json"
    )
    result = user.create_new_dataset_from_files(
        description, [str(image), str(sidecar)], scientific_metadata={"lamp": "LED"}
    )
    assert [f.name for f in result["uploaded_files"]] == ["frame.json", "frame.png"]
    request = result["ingestion_request"]
    assert request is not None
    assert request["status"] == "complete"
    assert request["ingestion_class"] == "ApiUploadIngestor"
    assert str(request["file_to_upload"]).endswith("frame.json")
    record = result["scientific_metadata_record"]
    assert record is not None
    assert record["scientific_metadata"]["lamp"] == "LED"
    names = {f["filename"] for f in user.get_associated_files(result["dsid"])}
    assert {"frame.png", "frame.json"} <= {Path(n).name for n in names}
    again = user.create_new_dataset_from_files(description, [str(image), str(sidecar)])
    assert again["dsid"] == result["dsid"]  # a re-run finds the same dataset
    assert {f.method for f in again["uploaded_files"]} == {"existing"}


def test_create_new_dataset_from_files_checks_before_sending(
    user: CrucibleClient, tmp_path: Path
) -> None:
    image = make_png(tmp_path / "a.png")
    mine = new_mfid()
    with pytest.raises(ValueError, match="source_folder"):
        user.create_new_dataset_from_files(
            BaseDataset(unique_id=mine, source_folder="/data"), [image]
        )
    with pytest.raises(ValueError, match="not one of files_to_upload"):
        user.create_new_dataset_from_files(
            BaseDataset(unique_id=mine, file_to_upload="other.h5"), [image]
        )
    with pytest.raises(FileNotFoundError):
        user.create_new_dataset_from_files({"unique_id": mine}, [tmp_path / "missing.h5"])
    with pytest.raises(NotFoundError):
        user.get_dataset(mine)


def test_upload_dataset_file(user: CrucibleClient, dataset: str, tmp_path: Path) -> None:
    uploaded = user.upload_dataset_file(dataset, str(make_png(tmp_path / "one.png")))
    assert uploaded.name == "one.png"
    assert uploaded.size > 0
    assert "one.png" in {Path(f["filename"]).name for f in user.get_associated_files(dataset)}
    with pytest.raises(ValueError, match="upload_dataset for several"):
        user.upload_dataset_file(dataset, [tmp_path / "one.png"])  # type: ignore[arg-type]


def test_link_datasets_with_the_upstream_keywords(user: CrucibleClient) -> None:
    parent = user.create_dataset(dataset_name="raw").unique_id
    child = user.create_dataset(dataset_name="derived").unique_id
    user.link_datasets(parent_dataset_id=parent, child_dataset_id=child)
    assert ids(user.list_children_of_dataset(parent)) == [child]
    with pytest.raises(ValueError, match="not both"):
        user.link_datasets(parent, child_dsid=child, parent_dataset_id=child)
    with pytest.raises(ValueError, match="parent_dsid"):
        user.link_datasets(child_dataset_id=child)


# ---------------------------------------------------------------- processing


@pytest.fixture
def uploaded(user: CrucibleClient, dataset: str, tmp_path: Path) -> str:
    user.upload_dataset(dataset, make_png(tmp_path / "frame.png"))
    return dataset


def test_request_ingestion_with_the_upstream_keywords(user: CrucibleClient, uploaded: str) -> None:
    done = user.request_ingestion(
        uploaded, "frame.png", ingestion_class="ImageIngestor", wait_for_response=True
    )
    assert (done["status"], done["ingestion_class"]) == ("complete", "ImageIngestor")
    positional = user.request_ingestion(uploaded, "frame.png", "ImageIngestor", True)
    assert positional["status"] == "complete"
    queued = user.request_ingestion(uploaded, ingestion_class="ImageIngestor")
    assert queued["status"] == "requested"
    with pytest.raises(ValueError, match="not both"):
        user.request_ingestion(uploaded, ingestor="A", ingestion_class="B")


def test_request_scicat_upload(user: CrucibleClient, dataset: str) -> None:
    queued = user.request_scicat_upload(dataset)
    assert queued["status"] == "requested"
    done = user.request_scicat_upload(dataset, wait_for_response=True, overwrite_data=True)
    assert done["status"] == "complete"
    assert done["id"] != queued["id"]


def test_get_google_drive_location(user: CrucibleClient, dataset: str) -> None:
    assert user.get_google_drive_location(dataset) == []
    user.request_google_drive_transfer(dataset)
    for _ in range(500):
        if user.get_google_drive_location(dataset):
            break
        time.sleep(0.01)

    def folders(locations: list[DriveLocation]) -> set[str]:
        return {loc["folder_path_in_drive"] for loc in locations}

    everywhere = folders(user.get_google_drive_location(dataset))
    current = folders(user.get_current_google_drive_info(dataset))
    organized = folders(user.get_organized_google_drive_info(dataset))
    assert current
    assert current | organized <= everywhere


def test_request_carrier_segmentation(user: CrucibleClient, dataset: str) -> None:
    request = user.request_carrier_segmentation(dataset)
    assert request["status"] == "requested"
    assert request["dataset_id"] == dataset
    with pytest.raises(ValueError, match="dsid"):
        user.request_carrier_segmentation("")


# ---------------------------------------------------------------- samples and users


def test_update_sample(user: CrucibleClient) -> None:
    parent = user.add_sample(sample_name="wafer")
    sample = user.add_sample(sample_name="chip")
    sid = sample["unique_id"]
    updated = user.update_sample(sid, description="cleaved", sample_type="chip_batch")
    assert (updated["description"], updated["sample_type"]) == ("cleaved", "chip_batch")
    assert user.get_sample(sid)["sample_name"] == "chip"  # untouched
    linked = user.update_sample(
        unique_id=sid, creation_date="2026-01-05T10:00:00Z", parents=[parent]
    )
    assert linked["date_created"].startswith("2026-01-05")
    assert ids(user.list_parents_of_sample(sid)) == [parent["unique_id"]]
    with pytest.raises(ValueError, match="at least one"):
        user.update_sample(sid)
    with pytest.raises(ValueError, match="creation_date"):
        user.update_sample(sid, creation_date="yesterday")


def test_remove_dataset_from_sample(user: CrucibleClient, dataset: str) -> None:
    sid = user.add_sample(sample_name="flake")["unique_id"]
    user.add_dataset_to_sample(dataset, sid)
    assert ids(user.list_samples(dataset_id=dataset)) == [sid]
    user.remove_dataset_from_sample(dataset, sid)
    assert user.list_samples(dataset_id=dataset) == []


def test_get_user_by_email_keyword(server: LocalCrucible, admin: CrucibleClient) -> None:
    assert admin.get_user(email="uma.user@example.org")["orcid"] == server.user_orcid
    assert admin.get_user(server.user_orcid, "someone@else.org")["orcid"] == server.user_orcid
    with pytest.raises(NotFoundError):
        admin.get_user(email="nobody@example.org")
    with pytest.raises(ValueError, match="orcid or an email"):
        admin.get_user()


# ---------------------------------------------------------------- limit= on the list methods


def test_limit_on_the_list_methods(
    admin: CrucibleClient, user: CrucibleClient, dataset: str, tmp_path: Path
) -> None:
    parent = user.add_sample(sample_name="p")
    kids = [user.add_sample(sample_name=f"k{i}", parents=[parent]) for i in range(2)]
    pid = parent["unique_id"]
    kid = kids[0]["unique_id"]
    user.link_samples(user.add_sample(sample_name="p2")["unique_id"], kid)
    for word in ("alpha", "beta"):
        user.add_dataset_keyword(dataset, word)
    user.upload_dataset(dataset, [make_png(tmp_path / "a.png"), make_png(tmp_path / "b.png")])
    for thumb in ("a.png", "b.png"):
        user.add_thumbnail(dataset, tmp_path / thumb)
    admin.get_or_add_instrument("Upstream scope", "B67", "Ann Admin")
    admin.get_or_add_project("MFP-UPSTREAM", "Molecular Foundry", "lead@lbl.gov")
    listings: dict[str, tuple[Callable[..., list[Any]], tuple[str, ...]]] = {
        "list_samples": (user.list_samples, ()),
        "list_children_of_sample": (user.list_children_of_sample, (pid,)),
        "list_parents_of_sample": (user.list_parents_of_sample, (kid,)),
        "get_keywords": (user.get_keywords, ()),
        "get_dataset_keywords": (user.get_dataset_keywords, (dataset,)),
        "get_associated_files": (user.get_associated_files, (dataset,)),
        "get_thumbnails": (user.get_thumbnails, (dataset,)),
        "list_instruments": (admin.list_instruments, ()),
        "list_projects": (admin.list_projects, ()),
        "list_datasets": (user.list_datasets, ()),
    }
    for name, (method, args) in listings.items():
        everything = method(*args, limit=None)
        assert len(everything) >= 2, name
        assert method(*args, limit=1) == everything[:1], name
        with pytest.raises(ValueError, match="limit"):
            method(*args, limit=0)  # checked before sending: the API's lowest limit is 1
    assert len(admin.get_project_users("LOCAL-DEMO", 1)) <= 1
    with pytest.raises(ValueError, match="limit"):
        user.list_datasets(None, True)  # the upstream order was (sample_id, include_metadata)
    with pytest.raises(ValueError, match="limit"):
        user.list_samples(limit=-1)


# ---------------------------------------------------------------- API v3


def test_on_v3_the_aliases_follow_the_seed_names(user_v3: CrucibleClient, tmp_path: Path) -> None:
    made = user_v3.create_new_dataset(
        BaseDataset(dataset_name="v3 upstream"), keywords=["upstream-v3"]
    )
    dsid = made["dsid"]
    assert user_v3.v3.get_dataset(dsid)["dataset_name"] == "v3 upstream"
    user_v3.upload_dataset_file(dsid, make_png(tmp_path / "v3.png"))
    assert "v3.png" in {Path(f["filename"]).name for f in user_v3.get_associated_files(dsid)}
    with pytest.raises(UnsupportedByServerError, match="send_to_scicat"):
        user_v3.request_scicat_upload(dsid)
    with pytest.raises(UnsupportedByServerError, match="Google Drive"):
        user_v3.get_google_drive_location(dsid)
