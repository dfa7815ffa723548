"""Samples, links, keywords, thumbnails, facets and graphs over HTTP on v3."""

from __future__ import annotations

from collections.abc import Callable

import httpx

from tests.integration.server_v3.conftest import make_dataset


def test_samples_keyset_and_dataset_association(user: httpx.Client) -> None:
    sample = user.post("/samples", json={"sample_name": "wafer A", "sample_type": "wafer"})
    assert sample.status_code == 200
    sample_id = sample.json()["unique_id"]
    dataset = make_dataset(user, dataset_name="on wafer")["unique_id"]
    assert user.post(f"/datasets/{dataset}/samples/{sample_id}").status_code == 200
    found = user.get("/samples", params={"dataset_mfid": dataset}).json()
    assert [s["unique_id"] for s in found["items"]] == [sample_id]
    assert user.get(f"/samples/{sample_id}").json()["datasets"][0]["unique_id"] == dataset
    links = user.get(f"/resources/{dataset}/links").json()
    assert links == [
        {
            "unique_id": sample_id,
            "resource_type": "sample",
            "name": "wafer A",
            "direction": "undirected",
            "relationship": "associated",
            "relationship_type": None,
        }
    ]


def test_dataset_children_with_relationship_type_and_no_cycles(user: httpx.Client) -> None:
    parent = make_dataset(user)["unique_id"]
    child = make_dataset(user)["unique_id"]
    linked = user.post(
        f"/datasets/{parent}/children/{child}", params={"relationship_type": "is_derived_from"}
    )
    assert linked.status_code == 200
    assert user.post(f"/datasets/{child}/children/{parent}").status_code == 422
    assert user.post(f"/datasets/{parent}/children/{parent}").status_code == 422
    children = user.get(f"/datasets/{parent}/children").json()
    assert [c["unique_id"] for c in children["items"]] == [child]
    assert children["total"] == 1
    parents = user.get(
        f"/datasets/{child}/parents", params={"relationship_type": "is_derived_from"}
    ).json()
    assert [p["unique_id"] for p in parents["items"]] == [parent]
    graph = user.get(f"/entity_graph_cte/{parent}").json()
    assert {n["id"] for n in graph["nodes"]} == {parent, child}
    assert graph["edges"] == [
        {"source": parent, "target": child, "relationship_type": "is_derived_from"}
    ]
    assert user.delete(f"/datasets/{parent}/children/{child}").status_code == 200
    assert user.get(f"/datasets/{parent}/children").json()["items"] == []


def test_keywords_filter_case_insensitive_substring(user: httpx.Client) -> None:
    mfid = make_dataset(user)["unique_id"]
    assert (
        user.post(f"/datasets/{mfid}/keywords", params={"keyword": "Perovskite-X9"}).json()[
            "num_datasets"
        ]
        == 1
    )
    assert [k["keyword"] for k in user.get(f"/datasets/{mfid}/keywords").json()] == [
        "Perovskite-X9"
    ]
    found = user.get("/datasets", params={"keyword": "perovskite-x"}).json()
    assert mfid in [d["unique_id"] for d in found["items"]]


def test_thumbnails_have_integer_ids(user: httpx.Client) -> None:
    mfid = make_dataset(user)["unique_id"]
    png = (
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9aw"
        "AAAABJRU5ErkJggg=="
    )
    made = user.post(
        f"/datasets/{mfid}/thumbnails", json={"thumbnail_name": "t.png", "thumbnail_b64str": png}
    ).json()
    assert isinstance(made["id"], int)
    assert made["mime_type"] == "image/png"
    renamed = user.patch(
        f"/datasets/{mfid}/thumbnails/{made['id']}", json={"thumbnail_name": "u.png"}
    )
    assert renamed.json()["thumbnail_name"] == "u.png"
    assert user.delete(f"/datasets/{mfid}/thumbnails/{made['id']}").status_code == 200
    assert user.get(f"/datasets/{mfid}/thumbnails").json() == []


def test_facets_count_only_readable_datasets(
    user: httpx.Client, new_user: Callable[[], httpx.Client]
) -> None:
    other = new_user()
    for _ in range(3):
        make_dataset(other, measurement="FACET-M1")
    make_dataset(user, measurement="FACET-M1")
    facets = other.get("/datasets/facets", params={"field": "measurement"}).json()
    counts = {b["value"]: b["count"] for b in facets["items"]}
    assert counts["FACET-M1"] == 3
    assert other.get("/datasets/facets", params={"field": "colour"}).status_code == 422


def test_instrument_assignment_and_processing(user: httpx.Client) -> None:
    mfid = make_dataset(user)["unique_id"]
    assigned = user.put(f"/datasets/{mfid}/instrument", json={"instrument_id": "demo-microscope"})
    assert assigned.json()["instrument"]["instrument_id"] == "demo-microscope"
    assert user.get(f"/datasets/{mfid}").json()["instrument_name"] == "Demo microscope"
    assert (
        user.put(
            f"/datasets/{mfid}/instrument", json={"instrument_id": "no-such-thing"}
        ).status_code
        == 422
    )
    queued = user.post(f"/datasets/{mfid}/mosaic_stitch").json()
    assert queued["status"] == "requested"


def test_project_graph_holds_the_project_records(user: httpx.Client) -> None:
    mfid = make_dataset(user, project_id="LOCAL-DEMO")["unique_id"]
    graph = user.get("/project_graph/LOCAL-DEMO").json()
    assert mfid in {n["id"] for n in graph["nodes"]}
    assert user.get("/project_graph/NO-SUCH-PROJECT").status_code == 404


def test_an_integer_id_beyond_64_bits_is_422_not_a_crash(admin: httpx.Client) -> None:
    huge = 2**80
    response = admin.patch(f"/join_requests/{huge}", json={"status": "rejected"})
    assert response.status_code == 422
    assert admin.get(f"/deletion_requests/{huge}").status_code == 422
