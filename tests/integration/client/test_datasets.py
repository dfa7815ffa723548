"""Datasets, metadata and keywords over real HTTP against the local server."""

from __future__ import annotations

import datetime
from decimal import Decimal
from pathlib import Path

import pytest

from pycrucible import (
    AuthenticationError,
    BadRequestError,
    ConflictError,
    CrucibleClient,
    NotFoundError,
    PermissionDeniedError,
    ServerError,
)
from pycrucible._checks import new_mfid
from pycrucible.testing import LocalCrucible


def test_create_dataset_with_everything(user: CrucibleClient) -> None:
    when = datetime.datetime(2025, 10, 15, 9, 30, tzinfo=datetime.UTC)
    made = user.create_dataset(
        dataset_name="full",
        public=False,
        project_id="LOCAL-DEMO",
        instrument_name="demo-microscope",
        measurement="XRD",
        session_name="s1",
        creation_time=when,
        data_format="h5",
        scientific_metadata={"temperature": Decimal("298.15"), "where": Path("/lab")},
        keywords=["crystallography", "materials"],
        source_folder="/mnt/data",
    )
    assert made["scientific_metadata"] == {
        "temperature": 298.15,
        "where": "/lab",
    }
    got = user.get_dataset(made["unique_id"], include_metadata=True)
    assert got["dataset_name"] == "full"
    assert got["instrument_id"] == user.get_instrument("demo-microscope")["id"]
    assert got["source_folder"] == "/mnt/data"
    assert got.creation_time == when
    assert got["scientific_metadata"]["temperature"] == 298.15
    words = {k["keyword"] for k in user.get_dataset_keywords(made["unique_id"])}
    assert words == {"crystallography", "materials"}
    assert {"crystallography", "materials"} <= {k.keyword for k in user.get_keywords()}
    assert user.get_keywords(made["unique_id"])[0]["num_datasets"] >= 1


def test_include_metadata_gives_the_dict(user: CrucibleClient) -> None:
    made = user.create_dataset(dataset_name="with metadata", scientific_metadata={"t": 77})
    bare = user.create_dataset(dataset_name="without metadata")
    assert user.get_dataset(made["unique_id"], include_metadata=True)["scientific_metadata"] == {
        "t": 77
    }
    assert user.get_dataset(bare["unique_id"], include_metadata=True)["scientific_metadata"] is None
    listed = user.list_datasets(unique_id=made["unique_id"], include_metadata=True)
    assert [d["scientific_metadata"] for d in listed] == [{"t": 77}]


def test_create_with_your_unique_id_and_conflict(user: CrucibleClient) -> None:
    mine = new_mfid()
    assert user.create_dataset(dataset_name="mine", unique_id=mine)["unique_id"] == mine
    with pytest.raises(ConflictError):
        user.create_dataset(dataset_name="again", unique_id=mine)


def test_unknown_instrument_is_registered_by_an_admin(
    admin: CrucibleClient, user: CrucibleClient, caplog: pytest.LogCaptureFixture
) -> None:
    made = admin.create_dataset(dataset_name="new instrument", instrument_name="spinbot-7")
    instrument = admin.get_instrument("spinbot-7")
    assert made["instrument_id"] == instrument["id"]
    by_user = user.create_dataset(dataset_name="unregistered", instrument_name="krios-x")
    assert by_user["instrument_name"] == "krios-x"
    assert by_user["instrument_id"] is None
    assert "only admins may register" in caplog.text


def test_get_and_list(user: CrucibleClient, dataset: str) -> None:
    assert user.get_dataset(dataset)["unique_id"] == dataset
    assert "scientific_metadata" not in user.get_dataset(dataset)
    listed = user.list_datasets(unique_id=dataset)
    assert [d["unique_id"] for d in listed] == [dataset]
    assert len(user.list_datasets(limit=1)) == 1
    assert user.list_datasets(dataset_name="no such name at all") == []
    with pytest.raises(NotFoundError):
        user.get_dataset("0000000000000000000000zzzz")


def test_update_dataset(user: CrucibleClient, dataset: str) -> None:
    updated = user.update_dataset(dataset, dataset_name="renamed", public=True)
    assert (updated["dataset_name"], updated["public"]) == ("renamed", True)
    assert user.get_dataset(dataset)["dataset_name"] == "renamed"


def test_delete_dataset_is_not_implemented(user: CrucibleClient, dataset: str) -> None:
    with pytest.raises(ServerError, match="does not implement dataset deletion") as caught:
        user.delete_dataset(dataset)
    assert caught.value.status_code == 501
    assert user.get_dataset(dataset)["unique_id"] == dataset


def test_links_between_datasets(user: CrucibleClient) -> None:
    parent = user.create_dataset(dataset_name="raw")["unique_id"]
    child = user.create_dataset(dataset_name="processed")["unique_id"]
    link = user.link_datasets(parent, child)
    assert (link["parent_id"], link["child_id"]) == (parent, child)
    user.link_datasets(parent, child)  # twice is harmless
    assert [d["unique_id"] for d in user.list_children_of_dataset(parent)] == [child]
    assert [d["unique_id"] for d in user.list_parents_of_dataset(child)] == [parent]
    assert user.list_children_of_dataset(parent, dataset_name="other") == []
    with pytest.raises(BadRequestError):
        user.link_datasets(child, parent)  # a cycle


def test_scientific_metadata_merge_and_replace(user: CrucibleClient, dataset: str) -> None:
    assert user.get_scientific_metadata(dataset) == {}
    user.update_scientific_metadata(dataset, {"a": 1, "nested": {"x": 1, "y": 2}})
    merged = user.update_scientific_metadata(dataset, {"b": 2, "nested": {"y": 3}})
    assert merged == {"a": 1, "b": 2, "nested": {"x": 1, "y": 3}}
    assert user.get_scientific_metadata(dataset) == merged
    replaced = user.update_scientific_metadata(dataset, {"only": True}, overwrite=True)
    assert replaced == {"only": True}
    assert user.get_scientific_metadata(dataset) == {"only": True}


def test_keywords(user: CrucibleClient, dataset: str) -> None:
    added = user.add_dataset_keyword(dataset, "perovskite")
    assert added["keyword"] == "perovskite"
    user.add_dataset_keyword(dataset, "perovskite")  # twice is harmless
    assert [k["keyword"] for k in user.get_dataset_keywords(dataset)] == ["perovskite"]
    assert [d["unique_id"] for d in user.list_datasets(keyword="PEROV")] == [dataset]


def test_other_users_cannot_see_private_datasets(
    server: LocalCrucible, user: CrucibleClient, state_dir: Path
) -> None:
    private = user.create_dataset(dataset_name="private")["unique_id"]
    key = server.add_user("0000-0001-0000-0001", first_name="Eve")
    with CrucibleClient(server.url, key, state_dir=state_dir / "eve") as eve:
        with pytest.raises((NotFoundError, PermissionDeniedError)):
            eve.get_dataset(private)
        assert private not in {d["unique_id"] for d in eve.list_datasets(limit=None)}


def test_a_wrong_key_is_reported(server: LocalCrucible, state_dir: Path) -> None:
    with (
        CrucibleClient(server.url, "not-a-real-key-123", state_dir=state_dir) as stranger,
        pytest.raises(AuthenticationError) as caught,
    ):
        stranger.list_datasets()
    assert "not-a-real-key-123" not in str(caught.value)


def test_raw_client_uses_the_same_connection(user: CrucibleClient, dataset: str) -> None:
    from crucible_openapi.v1.api.datasets import get_dataset

    response = get_dataset.sync_detailed(dataset, client=user.raw)
    assert response.status_code == 200
    assert response.parsed is not None
    assert response.parsed.unique_id == dataset
    missing = get_dataset.sync_detailed("0000000000000000000000zzzz", client=user.raw)
    assert missing.status_code == 200
    assert missing.parsed is None
