"""The client's own logic for v3 samples, links and facets, on a scripted fake API."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from _client_fakes import API_KEY, FakeAPI, reply

from pycrucible import CrucibleClient, UnexpectedResponseError

URL = "https://crucible.test/api/v3"
SAMPLE = "0tbh0000000000000000000001"
OTHER = "0tbh0000000000000000000002"


@pytest.fixture
def v3(clean_env: Path, fake: FakeAPI) -> Iterator[CrucibleClient]:
    with CrucibleClient(
        URL,
        API_KEY,
        api_version="v3",
        transport=httpx.MockTransport(fake),
        state_dir=clean_env / "state",
    ) as made:
        yield made


def test_an_unlink_answered_with_204_and_no_body_is_confirmed(
    v3: CrucibleClient, fake: FakeAPI
) -> None:
    fake.on("DELETE", f"/v3/samples/{SAMPLE}/children/{OTHER}", httpx.Response(204))
    done = v3.v3.samples.unlink(SAMPLE, OTHER)
    assert done["detail"] == f"unlink {SAMPLE} -> {OTHER}: done"


def _bucket(value: str) -> dict[str, object]:
    return {"value": value, "label": value, "count": 1}


def test_facet_pages_follow_the_cursor_and_stop_at_the_limit(
    v3: CrucibleClient, fake: FakeAPI
) -> None:
    def facets(request: httpx.Request) -> httpx.Response:
        if request.url.params.get("cursor") == "next":
            items, following = [_bucket("c")], None
        else:
            items, following = [_bucket("a"), _bucket("b")], "next"
        return reply(body={"field": "sample_type", "items": items, "next_cursor": following})

    fake.on("GET", "/v3/samples/facets", facets)
    assert [b.value for b in v3.v3.samples.facets("sample_type", page_size=2)] == ["a", "b", "c"]
    assert [r.url.params.get("cursor") for r in fake.requests] == [None, "next"]
    assert fake.requests[0].url.params["limit"] == "2"
    fake.requests.clear()
    assert len(v3.v3.samples.facets("sample_type", 2, page_size=2).to_list()) == 2
    assert len(fake.requests) == 1  # the limit was met on the first page


def test_listing_by_parent_walks_offset_pages_of_children(
    v3: CrucibleClient, fake: FakeAPI
) -> None:
    def children(request: httpx.Request) -> httpx.Response:
        offset = int(request.url.params["offset"])
        items = [{"unique_id": f"0tbh00000000000000000000{offset + i:02d}"} for i in range(2)]
        return reply(body={"items": items[: 3 - offset], "total": 3, "limit": 2, "offset": offset})

    fake.on("GET", f"/v3/samples/{SAMPLE}/children", children)
    found = [s.unique_id for s in v3.list_samples(parent_id=SAMPLE, page_size=2)]
    assert found == [f"0tbh00000000000000000000{i:02d}" for i in range(3)]
    assert [r.url.params["offset"] for r in fake.requests] == ["0", "2"]


def test_a_search_answer_that_is_not_results_is_reported(v3: CrucibleClient, fake: FakeAPI) -> None:
    fake.on("GET", "/v3/datasets/search", reply(body=[{"unique_id": SAMPLE}]))
    with pytest.raises(UnexpectedResponseError, match="search"):
        v3.v3.datasets.search("abc")


def test_a_create_sends_the_client_minted_mfid_and_the_seed_date_as_timestamp(
    v3: CrucibleClient, fake: FakeAPI
) -> None:
    def create(request: httpx.Request) -> httpx.Response:
        return reply(body={**json.loads(request.content), "resource_type": "sample"})

    fake.on("POST", "/v3/samples", create)
    fake.on("GET", "/v3/samples/*", lambda r: reply(body={"unique_id": r.url.path[-26:]}))
    made = v3.add_sample(sample_name="s", date_created="2024-01-02T03:04:05+00:00")
    body = json.loads(fake.requests[0].content)
    assert body["unique_id"] == made.unique_id
    assert len(made.unique_id) == 26
    assert body["timestamp"] == "2024-01-02T03:04:05+00:00"
    assert "date_created" not in body
