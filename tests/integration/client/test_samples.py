"""Samples: records, family links, dataset links and type-specific metadata."""

from __future__ import annotations

import pytest

from pycrucible import ConflictError, CrucibleClient, NotFoundError
from pycrucible._checks import new_mfid


def ids(records: list) -> list[str]:
    return [r["unique_id"] for r in records]


def test_add_sample_with_parents_and_children(user: CrucibleClient) -> None:
    grandparent = user.add_sample(sample_name="wafer", description="bulk")
    leaf = user.add_sample(sample_name="chip")
    middle = user.add_sample(
        sample_name="section",
        description="cut",
        project_id="LOCAL-DEMO",
        sample_type="spinbot_batch",
        date_created="2025-10-15T09:30:00-07:00",
        parents=[grandparent],
        children=[leaf["unique_id"]],
    )
    assert middle["sample_type"] == "spinbot_batch"
    assert ids(user.list_parents_of_sample(middle["unique_id"])) == [grandparent["unique_id"]]
    assert ids(user.list_children_of_sample(middle["unique_id"])) == [leaf["unique_id"]]
    assert ids(user.list_samples(parent_id=grandparent["unique_id"])) == [middle["unique_id"]]
    assert user.get_sample(middle["unique_id"])["description"] == "cut"


def test_add_sample_with_your_id(user: CrucibleClient) -> None:
    mine = new_mfid()
    assert user.add_sample(mine)["unique_id"] == mine
    with pytest.raises(ConflictError):
        user.add_sample(mine, "again")


def test_link_samples_and_filters(user: CrucibleClient) -> None:
    a = user.add_sample(sample_name="link-a")["unique_id"]
    b = user.add_sample(sample_name="link-b")["unique_id"]
    assert user.link_samples(a, b)["child_id"] == b
    assert ids(user.list_samples(sample_name="link-b")) == [b]
    assert ids(user.list_children_of_sample(a, sample_name="link-b")) == [b]
    with pytest.raises(NotFoundError):
        user.get_sample(new_mfid())


def test_samples_and_datasets(user: CrucibleClient, dataset: str) -> None:
    sample = user.add_sample(sample_name="on dataset")
    link = user.add_sample_to_dataset(dataset, sample["unique_id"])
    assert (link["dataset_id"], link["sample_id"]) == (dataset, sample["unique_id"])
    other = user.add_sample(sample_name="alias")
    user.add_dataset_to_sample(dataset, other)
    assert set(ids(user.list_samples(dataset_id=dataset))) == {
        sample["unique_id"],
        other["unique_id"],
    }
    assert ids(user.list_datasets(sample_id=sample["unique_id"])) == [dataset]
    embedded = user.get_sample(sample["unique_id"])["datasets"]
    assert [d["unique_id"] for d in embedded] == [dataset]
    user.remove_sample_from_dataset(dataset, other["unique_id"])
    assert ids(user.list_samples(dataset_id=dataset)) == [sample["unique_id"]]


def test_sample_type_metadata(user: CrucibleClient) -> None:
    sample = user.add_sample(sample_name="spun", sample_type="spinbot_batch")["unique_id"]
    with pytest.raises(NotFoundError):
        user.get_sample_metadata(sample, "spinbot_batch")
    stored = user.add_sample_metadata(sample, "spinbot_batch", rpm=3000, solvent="DMF")
    assert stored["rpm"] == 3000
    got = user.get_sample_metadata(sample, "spinbot_batch")
    assert (got["rpm"], got["solvent"]) == (3000, "DMF")
