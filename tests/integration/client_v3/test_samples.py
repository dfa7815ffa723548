"""Samples on API v3 over HTTP: the seed-era functions and `client.v3.samples`."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

import pytest
from crucible_openapi.v3.models import Sample

from pycrucible import (
    ConflictError,
    CrucibleClient,
    NotFoundError,
    UnsupportedByServerError,
)
from pycrucible.testing import FaultKind, LocalCrucible


def _names(samples: Iterable[Sample]) -> set[str]:
    return {str(s["sample_name"]) for s in samples}


def test_the_seed_readme_sample_tracking_runs_unmodified(
    user: CrucibleClient, dataset: str
) -> None:
    client = user
    # Create a parent sample
    parent = client.add_sample(
        sample_name="Bulk Material XYZ", description="Starting material for experiment"
    )
    # Create child samples
    child = client.add_sample(
        sample_name="Prepared Section 1",
        description="TEM sample preparation",
        parents=[parent],
    )
    # Link sample to dataset
    client.add_sample_to_dataset(dataset, child["unique_id"])

    got = client.get_sample(child["unique_id"])
    assert got["description"] == "TEM sample preparation"
    assert [d["unique_id"] for d in got["datasets"]] == [dataset]
    parents = [s["unique_id"] for s in client.list_parents_of_sample(child["unique_id"])]
    assert parents == [parent["unique_id"]]
    children = [s["unique_id"] for s in client.list_children_of_sample(parent["unique_id"])]
    assert children == [child["unique_id"]]
    assert [s["unique_id"] for s in client.list_samples(dataset_id=dataset)] == [child["unique_id"]]


def test_add_sample_with_metadata_type_and_date(user: CrucibleClient) -> None:
    made = user.add_sample(
        sample_name="film A",
        sample_type="thin_film",
        date_created="2024-05-01T10:00:00+00:00",
        scientific_metadata={"thickness_nm": 40, "substrate": {"kind": "Si"}},
    )
    assert len(made.unique_id) == 26
    assert made["scientific_metadata"] == {"thickness_nm": 40, "substrate": {"kind": "Si"}}
    got = user.v3.samples.get(made.unique_id, include_metadata=True, include_datasets=False)
    assert got.sample_type == "thin_film"
    assert got.timestamp == datetime.datetime(2024, 5, 1, 10, tzinfo=datetime.UTC)
    assert got["scientific_metadata"]["substrate"] == {"kind": "Si"}
    assert user.get_scientific_metadata(made.unique_id)["thickness_nm"] == 40


def test_add_sample_links_children_too(user: CrucibleClient) -> None:
    leaf = user.add_sample(sample_name="leaf")
    root = user.add_sample(sample_name="root", children=[leaf["unique_id"]])
    assert [s.unique_id for s in user.list_children_of_sample(root)] == [leaf.unique_id]


def test_bad_sample_input_fails_before_the_network(
    user: CrucibleClient, request: pytest.FixtureRequest
) -> None:
    name = f"never made {request.node.name}"
    with pytest.raises(ValueError, match="sample_name"):
        user.add_sample()
    with pytest.raises(ValueError, match="parents item"):
        user.add_sample(sample_name=name, parents=[{"no": "id"}])
    with pytest.raises(ValueError, match="date_created"):
        user.add_sample(sample_name=name, date_created="yesterday")
    with pytest.raises(UnsupportedByServerError, match="v3"):
        user.add_sample(sample_name=name, owner_user_id=7)
    with pytest.raises(ValueError, match="cannot encode"):
        user.add_sample(sample_name=name, scientific_metadata={"when": object()})
    with pytest.raises(ValueError, match="plain identifier"):
        user.get_sample("../etc")
    assert user.list_samples(sample_name=name) == []


def test_your_own_unique_id_taken_is_a_conflict(
    user: CrucibleClient, request: pytest.FixtureRequest
) -> None:
    first = user.add_sample(sample_name=f"first {request.node.name}")
    with pytest.raises(ConflictError):
        user.add_sample(unique_id=first.unique_id, sample_name="second")
    assert user.get_sample(first.unique_id).sample_name == f"first {request.node.name}"


@pytest.mark.parametrize("kind", ["drop_after", "drop"])
def test_a_create_whose_answer_is_lost_makes_one_sample(
    server: LocalCrucible, user: CrucibleClient, kind: FaultKind, request: pytest.FixtureRequest
) -> None:
    name = f"lost {request.node.name}"
    parent = user.add_sample(sample_name=f"{name} parent")
    rule = server.faults.add(kind, times=1, method="POST", path_prefix="/api/v3/samples")
    made = user.add_sample(sample_name=name, parents=[parent])
    assert rule.consumed == 1
    assert [s.unique_id for s in user.list_samples(sample_name=name)] == [made.unique_id]
    assert [s.unique_id for s in user.list_parents_of_sample(made)] == [parent.unique_id]


def test_list_follows_keyset_pages_and_filters(
    user: CrucibleClient, request: pytest.FixtureRequest
) -> None:
    name = f"paged {request.node.name}"
    made = {user.add_sample(sample_name=name, sample_type="powder").unique_id for _ in range(5)}
    user.add_sample(sample_name=name, sample_type="crystal")
    pages = user.v3.samples.list(sample_name=name, sample_type="powder", page_size=2)
    seen = [s.unique_id for s in pages]
    assert set(seen) == made
    assert len(seen) == 5
    assert pages.count() == 5
    assert len(user.list_samples(sample_name=name, limit=3)) == 3
    assert user.v3.samples.count() >= 6


def test_list_by_parent_lists_children_and_refuses_filters(user: CrucibleClient) -> None:
    parent = user.add_sample(sample_name="parent of two")
    kids = {user.add_sample(sample_name="kid", parents=[parent]).unique_id for _ in range(2)}
    assert {s.unique_id for s in user.list_samples(parent_id=parent.unique_id)} == kids
    with pytest.raises(ValueError, match="parent_id"):
        user.list_samples(parent_id=parent.unique_id, sample_name="kid")


def test_list_and_count_by_dataset(user: CrucibleClient, dataset: str) -> None:
    linked = [user.add_sample(sample_name=f"on {dataset} {i}") for i in range(3)]
    for sample in linked:
        user.add_dataset_to_sample(dataset, sample.unique_id)
    user.add_sample(sample_name="not linked")
    assert {s.unique_id for s in user.list_samples(dataset)} == {s.unique_id for s in linked}
    assert user.v3.samples.count(dataset) == 3


def test_remove_sample_from_dataset(user: CrucibleClient, dataset: str) -> None:
    sample = user.add_sample(sample_name="to unlink")
    user.add_sample_to_dataset(dataset, sample)
    user.add_sample_to_dataset(dataset, sample)  # twice is harmless
    assert [s.unique_id for s in user.list_samples(dataset_id=dataset)] == [sample.unique_id]
    user.remove_sample_from_dataset(dataset, sample.unique_id)
    assert user.list_samples(dataset_id=dataset) == []
    assert user.get_sample(sample.unique_id)["datasets"] == []
    with pytest.raises(NotFoundError):
        user.remove_sample_from_dataset(dataset, sample.unique_id)


def test_update_changes_fields_and_refuses_others(user: CrucibleClient) -> None:
    sample = user.add_sample(sample_name="before", description="old")
    updated = user.v3.samples.update(
        sample, sample_name="after", timestamp=datetime.datetime(2025, 1, 2, tzinfo=datetime.UTC)
    )
    assert (updated.sample_name, updated.description) == ("after", "old")
    assert updated.timestamp == datetime.datetime(2025, 1, 2, tzinfo=datetime.UTC)
    with pytest.raises(ValueError, match="owner"):
        user.v3.samples.update(sample, owner_orcid="0000-0000-0000-0000")
    assert user.get_sample(sample.unique_id).sample_name == "after"


def test_get_unknown_sample_is_not_found(user: CrucibleClient) -> None:
    with pytest.raises(NotFoundError):
        user.get_sample("0tbh0000000000000000000000")


def test_link_samples_with_a_relationship_type(user: CrucibleClient) -> None:
    parent = user.add_sample(sample_name="wafer")
    piece = user.add_sample(sample_name="piece")
    derived = user.add_sample(sample_name="etched")
    user.v3.samples.link(parent, piece, relationship_type="is_part_of")
    user.link_samples(parent.unique_id, derived.unique_id)  # seed call shape, untyped
    parts = user.v3.samples.children(parent, relationship_type="is_part_of")
    assert [s.unique_id for s in parts] == [piece.unique_id]
    assert _names(user.v3.samples.children(parent)) == {"piece", "etched"}
    got = user.v3.samples.get(piece, include_links=True)
    assert [(link.unique_id, link.direction, link.relationship_type) for link in got.links] == [
        (parent.unique_id, "target", "is_part_of")
    ]
    user.v3.samples.unlink(parent, piece)
    assert _names(user.list_children_of_sample(parent.unique_id)) == {"etched"}
    with pytest.raises(NotFoundError):
        user.v3.samples.unlink(parent, piece)


def test_children_pages_are_offset_pages(user: CrucibleClient) -> None:
    parent = user.add_sample(sample_name="many children")
    kids = {user.add_sample(sample_name="child", parents=[parent]).unique_id for _ in range(5)}
    pages = user.v3.samples.children(parent, page_size=2)
    assert {s.unique_id for s in pages} == kids
    assert pages.count() == 5
    assert len(user.v3.samples.children(parent, 3, page_size=2).to_list()) == 3
    with pytest.raises(ValueError, match="page_size"):
        user.v3.samples.children(parent, page_size=0)


def test_per_call_options_are_checked(user: CrucibleClient) -> None:
    sample = user.add_sample(sample_name="options")
    assert user.v3.samples.get(sample, timeout=30, privilege_mode="normal").unique_id == (
        sample.unique_id
    )
    with pytest.raises(ValueError, match="privilege_mode"):
        user.v3.samples.get(sample, privilege_mode="root")


def test_upstream_update_sample_and_carrier_segmentation_on_v3(
    user: CrucibleClient, dataset: str
) -> None:
    sample = user.add_sample(sample_name="before")
    parent = user.add_sample(sample_name="parent")
    changed = user.update_sample(
        sample.unique_id, "after", "polished", "2024-05-01T10:00:00+00:00", parents=[parent]
    )
    assert (changed.sample_name, changed.description) == ("after", "polished")
    assert [p.unique_id for p in user.list_parents_of_sample(sample.unique_id)] == [
        parent.unique_id
    ]
    with pytest.raises(UnsupportedByServerError, match="reassign_project"):
        user.update_sample(sample.unique_id, project_id="LOCAL-DEMO")
    user.add_sample_to_dataset(dataset, sample.unique_id)
    user.remove_dataset_from_sample(dataset, sample.unique_id)
    assert user.list_samples(dataset_id=dataset) == []
    queued = user.request_carrier_segmentation(dataset)
    assert queued["id"] is not None
    with pytest.raises(UnsupportedByServerError, match="deletion"):
        user.delete_dataset(dataset)
