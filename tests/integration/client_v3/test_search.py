"""Search, facets and counts of datasets and samples on API v3, over HTTP."""

from __future__ import annotations

import pytest

from pycrucible import CrucibleClient


def test_dataset_search_finds_by_name_best_first(
    user: CrucibleClient, request: pytest.FixtureRequest
) -> None:
    tag = f"zq{abs(hash(request.node.name)) % 10**8}"
    leading = user.v3.create_dataset(dataset_name=f"{tag} scan a").unique_id
    inner = user.v3.create_dataset(dataset_name=f"scan {tag} b").unique_id  # newer
    user.v3.create_dataset(dataset_name="unrelated")
    found = [ds.unique_id for ds in user.v3.datasets.search(tag)]
    assert found == [leading, inner]
    assert found[0] == user.v3.datasets.search(tag, limit=1)[0]["unique_id"]
    assert len(user.v3.datasets.search(tag, 1)) == 1


def test_sample_search_finds_by_name(user: CrucibleClient, request: pytest.FixtureRequest) -> None:
    tag = f"sq{abs(hash(request.node.name)) % 10**8}"
    made = {user.add_sample(sample_name=f"{tag} {i}").unique_id for i in range(3)}
    user.add_sample(sample_name="something else")
    assert {s.unique_id for s in user.v3.samples.search(tag)} == made
    assert len(user.v3.samples.search(tag, limit=2)) == 2


def test_search_input_is_checked_before_the_network(user: CrucibleClient) -> None:
    with pytest.raises(ValueError, match="at least 3"):
        user.v3.datasets.search("ab")
    with pytest.raises(ValueError, match="between 1 and 50"):
        user.v3.datasets.search("abc", limit=51)
    with pytest.raises(ValueError, match="between 1 and 50"):
        user.v3.samples.search("abc", limit=0)
    with pytest.raises(ValueError, match="q"):
        user.v3.samples.search("   ")


def test_dataset_facets_count_values_a_page_at_a_time(user: CrucibleClient) -> None:
    sample = user.add_sample(sample_name="faceted")
    for measurement in ("XRD", "XRD", "XRD", "SEM", "TEM", "TEM"):
        ds = user.v3.create_dataset(dataset_name="facet me", measurement=measurement)
        user.add_sample_to_dataset(ds.unique_id, sample.unique_id)
    facets = user.v3.datasets.facets("measurement", sample_id=sample.unique_id, page_size=2)
    counts = {bucket["value"]: bucket["count"] for bucket in facets}
    assert counts == {"XRD": 3, "SEM": 1, "TEM": 2}
    by_count = user.v3.datasets.facets(
        "measurement", sample_id=sample.unique_id, sort="count", direction="desc"
    )
    assert [bucket.value for bucket in by_count] == ["XRD", "TEM", "SEM"]
    assert len(user.v3.datasets.facets("measurement", 2, sample_id=sample.unique_id).to_list()) == 2


def test_dataset_facets_by_owner_carry_the_owner(user: CrucibleClient) -> None:
    sample = user.add_sample(sample_name="owned facets")
    ds = user.v3.create_dataset(dataset_name="owned")
    user.add_sample_to_dataset(ds.unique_id, sample.unique_id)
    (bucket,) = user.v3.datasets.facets("owner", sample_id=sample.unique_id)
    assert bucket.count == 1
    assert bucket.value == ds.owner_orcid
    assert bucket["owner"]["unique_id"] == ds.owner_orcid


def test_sample_facets_count_types_of_a_dataset(user: CrucibleClient, dataset: str) -> None:
    for kind in ("powder", "powder", "film"):
        user.add_sample_to_dataset(dataset, user.add_sample(sample_name=kind, sample_type=kind))
    facets = user.v3.samples.facets("sample_type", dataset_id=dataset, page_size=1)
    assert {b.value: b.count for b in facets} == {"powder": 2, "film": 1}
    assert facets.count() == 2


def test_facet_input_is_checked_before_the_network(user: CrucibleClient) -> None:
    with pytest.raises(ValueError, match="direction needs sort"):
        user.v3.datasets.facets("measurement", direction="desc")
    with pytest.raises(ValueError, match="'asc' or 'desc'"):
        user.v3.samples.facets("sample_type", sort="count", direction="down")
    with pytest.raises(ValueError, match="page_size"):
        user.v3.samples.facets("sample_type", page_size=5000)
    with pytest.raises(ValueError, match="field"):
        user.v3.datasets.facets("")


def test_counts_read_the_servers_total(user: CrucibleClient, dataset: str) -> None:
    sample = user.add_sample(sample_name="counted")
    for name in ("one", "two", "three"):
        made = user.v3.create_dataset(dataset_name=f"counted {name}")
        user.add_sample_to_dataset(made.unique_id, sample.unique_id)
    assert user.v3.datasets.count(sample.unique_id) == 3
    assert user.v3.datasets.count(sample.unique_id, dataset_name="counted two") == 1
    assert user.v3.datasets.count() == user.v3.datasets.list().count()
    for _ in range(2):
        user.add_sample_to_dataset(dataset, user.add_sample(sample_name="on the dataset"))
    assert user.v3.samples.count(dataset) == 2
    assert user.v3.samples.count() == user.v3.samples.list().count()
