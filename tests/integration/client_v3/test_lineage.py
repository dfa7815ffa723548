"""Dataset lineage, dataset-sample links and resource links on API v3, over HTTP."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

from pycrucible import (
    CrucibleClient,
    NotFoundError,
    PermissionDeniedError,
    UnprocessableEntityError,
)
from pycrucible.testing import LocalCrucible


@pytest.fixture(scope="module")
def stranger(
    server: LocalCrucible, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[CrucibleClient]:
    """A second normal user, who was granted nothing."""
    key = server.add_user("0000-0001-7300-7301", first_name="Other", last_name="Person")
    state: Path = tmp_path_factory.mktemp("lineage-stranger")
    with CrucibleClient(server.url_v3, key, api_version="v3", state_dir=state) as client:
        yield client


def _ids(records: Iterable[Any]) -> list[str]:
    return [r["unique_id"] for r in records]


def test_seed_dataset_lineage_names_on_v3(user: CrucibleClient) -> None:
    raw = user.create_dataset(dataset_name="raw scan").unique_id
    reduced = user.create_dataset(dataset_name="reduced").unique_id
    user.link_datasets(raw, reduced)
    user.link_datasets(raw, reduced)  # twice is harmless
    assert _ids(user.list_children_of_dataset(raw)) == [reduced]
    assert _ids(user.list_parents_of_dataset(reduced)) == [raw]
    assert _ids(user.list_children_of_dataset(reduced)) == []


def test_relationship_types_filter_and_show_in_links(user: CrucibleClient) -> None:
    whole = user.v3.create_dataset(dataset_name="mosaic").unique_id
    tile = user.v3.create_dataset(dataset_name="tile").unique_id
    fit = user.v3.create_dataset(dataset_name="fit").unique_id
    datasets = user.v3.datasets
    datasets.link(whole, tile, relationship_type="is_part_of")
    datasets.link(whole, fit, "is_derived_from")
    assert _ids(datasets.children(whole, relationship_type="is_part_of")) == [tile]
    assert _ids(datasets.parents(fit, relationship_type="is_derived_from")) == [whole]
    assert _ids(datasets.parents(fit, relationship_type="is_part_of")) == []
    links = {link.unique_id: link for link in user.v3.links.list(whole)}
    assert {k: (v.direction, v.relationship_type) for k, v in links.items()} == {
        tile: ("source", "is_part_of"),
        fit: ("source", "is_derived_from"),
    }
    assert links[tile].name == "tile"
    assert links[tile].resource_type == "dataset"


def test_relinking_with_a_type_changes_it_and_without_keeps_it(user: CrucibleClient) -> None:
    parent = user.v3.create_dataset(dataset_name="p").unique_id
    child = user.v3.create_dataset(dataset_name="c").unique_id
    user.v3.datasets.link(parent, child, relationship_type="is_part_of")
    user.link_datasets(parent, child)
    assert [link.relationship_type for link in user.v3.links.list(child)] == ["is_part_of"]
    user.v3.datasets.link(parent, child, relationship_type="is_derived_from")
    assert [link.relationship_type for link in user.v3.links.list(child)] == ["is_derived_from"]
    assert [link.direction for link in user.v3.links.list(child)] == ["target"]


def test_cycles_and_self_links_are_refused(user: CrucibleClient) -> None:
    a = user.v3.create_dataset(dataset_name="a").unique_id
    b = user.v3.create_dataset(dataset_name="b").unique_id
    user.link_datasets(a, b)
    with pytest.raises(UnprocessableEntityError, match="cycle"):
        user.link_datasets(b, a)
    with pytest.raises(UnprocessableEntityError, match="own parent"):
        user.v3.datasets.link(a, a)
    assert _ids(user.list_parents_of_dataset(a)) == []


def test_unlink_datasets(user: CrucibleClient) -> None:
    parent = user.v3.create_dataset(dataset_name="up").unique_id
    child = user.v3.create_dataset(dataset_name="down").unique_id
    user.link_datasets(parent, child)
    done = user.v3.datasets.unlink(parent, child)
    assert done.detail
    assert _ids(user.list_children_of_dataset(parent)) == []
    with pytest.raises(NotFoundError):
        user.v3.datasets.unlink(parent, child)


def test_children_come_in_offset_pages(user: CrucibleClient) -> None:
    parent = user.v3.create_dataset(dataset_name="fan out").unique_id
    kids = set()
    for i in range(5):
        kid = user.v3.create_dataset(dataset_name=f"kid {i}").unique_id
        user.link_datasets(parent, kid)
        kids.add(kid)
    pages = user.v3.datasets.children(parent, page_size=2)
    assert set(_ids(pages)) == kids
    assert pages.count() == 5
    assert len(user.list_children_of_dataset(parent, 3)) == 3
    with pytest.raises(ValueError, match="limit"):
        user.list_children_of_dataset(parent, -1)


def test_dataset_sample_links_read_from_both_sides(user: CrucibleClient, dataset: str) -> None:
    sample = user.add_sample(sample_name="linked both ways")
    user.v3.datasets.link_sample(dataset, sample)
    assert [link.unique_id for link in user.v3.links.list(dataset)] == [sample.unique_id]
    (seen,) = user.v3.links.list(sample.unique_id)
    assert (seen.unique_id, seen.direction, seen.relationship_type) == (dataset, "undirected", None)
    assert _ids(user.list_datasets(sample_id=sample.unique_id)) == [dataset]
    user.v3.datasets.unlink_sample(dataset, sample)
    assert user.v3.links.list(dataset) == []


def test_resources_get_tells_the_type_and_carries_links(user: CrucibleClient) -> None:
    parent = user.v3.create_dataset(dataset_name="resource parent").unique_id
    sample = user.add_sample(sample_name="resource sample")
    user.add_sample_to_dataset(parent, sample.unique_id)
    record = user.v3.resources.get(parent, include_links=True)
    assert record.resource_type == "dataset"
    assert record["dataset_name"] == "resource parent"
    assert [link["unique_id"] for link in record["links"]] == [sample.unique_id]
    assert user.v3.resources.get(sample).resource_type == "sample"


def test_links_of_a_record_you_cannot_read_are_refused(
    user: CrucibleClient, stranger: CrucibleClient, dataset: str
) -> None:
    with pytest.raises((PermissionDeniedError, NotFoundError)):
        stranger.v3.links.list(dataset)
    theirs = stranger.v3.create_dataset(dataset_name="theirs").unique_id
    with pytest.raises((PermissionDeniedError, NotFoundError)):
        stranger.link_datasets(dataset, theirs)
    assert _ids(user.list_children_of_dataset(dataset)) == []


def test_bad_lineage_input_fails_before_the_network(user: CrucibleClient, dataset: str) -> None:
    with pytest.raises(ValueError, match="child_dsid"):
        user.link_datasets(dataset, "a/b")
    with pytest.raises(ValueError, match="relationship_type"):
        user.v3.datasets.link(dataset, dataset, relationship_type=" ")
    with pytest.raises(ValueError, match="page_size"):
        user.v3.datasets.parents(dataset, page_size=1001)
    with pytest.raises(ValueError, match="sample_id"):
        user.add_sample_to_dataset(dataset, {"name": "no id"})
