"""Records and their quirks: ids, null for unknown records, filters, metadata, links, errors."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from pycrucible.testing import LocalCrucible
from pycrucible.testing._ids import new_mfid

MFID = re.compile(r"[0-9a-hjkmnp-tv-z]{26}")
MakeDataset = Callable[..., dict[str, Any]]


def test_created_records_have_an_integer_id_and_an_mfid(
    make_dataset: MakeDataset, server: LocalCrucible
) -> None:
    dataset = make_dataset(measurement="XRD")
    assert isinstance(dataset["id"], int)
    assert MFID.fullmatch(dataset["unique_id"])
    assert dataset["owner_orcid"] == server.user_orcid
    assert dataset["public"] is False


def test_mfids_sort_in_creation_order() -> None:
    ids = [new_mfid() for _ in range(200)]
    assert ids == sorted(ids)
    assert len(set(ids)) == 200


def test_a_client_chosen_unique_id_is_kept_and_a_repeat_answers_409(user: httpx.Client) -> None:
    chosen = new_mfid()
    created = user.post("/datasets", json={"unique_id": chosen, "dataset_name": "a"})
    assert created.json()["unique_id"] == chosen
    again = user.post("/datasets", json={"unique_id": chosen, "dataset_name": "b"})
    assert again.status_code == 409
    assert isinstance(again.json()["detail"], str)
    sample = user.post("/samples", json={"unique_id": chosen})
    assert sample.status_code == 409


@pytest.mark.parametrize(
    "path",
    [
        "/datasets/{mfid}",
        "/samples/{mfid}",
        "/projects/NO-SUCH-PROJECT",
        "/resources/{mfid}",
    ],
)
def test_unknown_single_records_answer_200_null(user: httpx.Client, path: str) -> None:
    response = user.get(path.format(mfid=new_mfid()))
    assert response.status_code == 200
    assert response.json() is None


def test_unknown_user_answers_200_null_for_admins(admin: httpx.Client) -> None:
    response = admin.get("/users/0000-0000-0000-0000")
    assert (response.status_code, response.json()) == (200, None)


def test_missing_metadata_answers_200_null(make_dataset: MakeDataset, user: httpx.Client) -> None:
    dsid = make_dataset()["unique_id"]
    assert user.get(f"/datasets/{dsid}/scientific_metadata").json() is None
    sample = user.post("/samples", json={"sample_name": "s"}).json()["unique_id"]
    assert user.get(f"/samples/{sample}/metadata/spinbot_batch").json() is None


@pytest.mark.parametrize(
    "path",
    [
        "/datasets/{mfid}/keywords",
        "/datasets/{mfid}/children",
        "/datasets/{mfid}/samples",
        "/datasets/{mfid}/associated_files",
        "/datasets/{mfid}/thumbnails",
        "/datasets/{mfid}/scientific_metadata",
        "/datasets/{mfid}/download_links",
        "/samples/{mfid}/children",
        "/samples/{mfid}/datasets",
        "/projects/NO-SUCH-PROJECT/sample_graph",
    ],
)
def test_sub_collections_of_unknown_parents_answer_404(user: httpx.Client, path: str) -> None:
    response = user.get(path.format(mfid=new_mfid()))
    assert response.status_code == 404
    assert isinstance(response.json()["detail"], str)


def test_project_users_of_an_unknown_project_answer_404(admin: httpx.Client) -> None:
    assert admin.get("/projects/NO-SUCH-PROJECT/users").status_code == 404


def test_delete_dataset_answers_501(make_dataset: MakeDataset, user: httpx.Client) -> None:
    response = user.delete(f"/datasets/{make_dataset()['unique_id']}")
    assert response.status_code == 501
    assert "not implemented" in response.json()["detail"]


def test_malformed_input_answers_fastapi_422(user: httpx.Client) -> None:
    response = user.post("/datasets", json={"size": "big"})
    assert response.status_code == 422
    [error] = response.json()["detail"]
    assert error["loc"] == ["body", "size"]
    assert {"loc", "msg", "type"} <= set(error)
    assert user.get("/datasets", params={"limit": 0}).status_code == 422
    assert (
        user.post(
            "/datasets", content=b"{", headers={"Content-Type": "application/json"}
        ).status_code
        == 422
    )


def test_filters_are_exact_and_case_sensitive(
    make_dataset: MakeDataset, user: httpx.Client
) -> None:
    session = new_mfid()
    make_dataset(session_name=session, measurement="XRD")
    make_dataset(session_name=session, measurement="xrd")
    make_dataset(session_name=session, measurement="XRD-2")
    found = user.get("/datasets", params={"session_name": session, "measurement": "XRD"}).json()
    assert [d["measurement"] for d in found] == ["XRD"]


def test_keyword_filter_is_a_case_insensitive_substring(
    make_dataset: MakeDataset, user: httpx.Client
) -> None:
    first = make_dataset()["unique_id"]
    second = make_dataset()["unique_id"]
    tag = new_mfid()
    user.post(f"/datasets/{first}/keywords", params={"keyword": f"Perovskite-{tag}"})
    user.post(f"/datasets/{second}/keywords", params={"keyword": f"perovskite-{tag}-film"})
    found = user.get("/datasets", params={"keyword": f"PEROVSKITE-{tag.upper()}"}).json()
    assert [d["unique_id"] for d in found] == [first, second]


def test_unknown_query_parameters_are_ignored_and_limit_caps_oldest_first(
    make_dataset: MakeDataset, user: httpx.Client
) -> None:
    session = new_mfid()
    made = [make_dataset(session_name=session)["unique_id"] for _ in range(3)]
    found = user.get("/datasets", params={"session_name": session, "no_such_filter": "x"}).json()
    assert [d["unique_id"] for d in found] == made
    limited = user.get("/datasets", params={"session_name": session, "limit": 2}).json()
    assert [d["unique_id"] for d in limited] == made[:2]


def test_keywords_carry_usage_counts(make_dataset: MakeDataset, user: httpx.Client) -> None:
    word = f"kw-{new_mfid()}"
    first = make_dataset()["unique_id"]
    second = make_dataset()["unique_id"]
    assert user.post(f"/datasets/{first}/keywords", params={"keyword": word}).json() == {
        "keyword": word,
        "num_datasets": 1,
    }
    user.post(f"/datasets/{first}/keywords", params={"keyword": word})  # twice is harmless
    assert (
        user.post(f"/datasets/{second}/keywords", params={"keyword": word}).json()["num_datasets"]
        == 2
    )
    assert user.get(f"/datasets/{first}/keywords").json() == [{"keyword": word, "num_datasets": 2}]
    assert {"keyword": word, "num_datasets": 2} in user.get("/keywords").json()


def test_metadata_post_replaces_and_patch_deep_merges(
    make_dataset: MakeDataset, user: httpx.Client
) -> None:
    dsid = make_dataset()["unique_id"]
    path = f"/datasets/{dsid}/scientific_metadata"
    merged = user.patch(path, json={"a": {"b": 1}})  # creates when absent
    assert merged.json() == {"dataset_id": dsid, "scientific_metadata": {"a": {"b": 1}}}
    user.patch(path, json={"a": {"c": 2}, "d": [1, 2]})
    assert user.get(path).json()["scientific_metadata"] == {"a": {"b": 1, "c": 2}, "d": [1, 2]}
    user.post(path, json={"temperature": 77})
    assert user.get(path).json() == {"dataset_id": dsid, "scientific_metadata": {"temperature": 77}}


def test_include_metadata_embeds_the_record(make_dataset: MakeDataset, user: httpx.Client) -> None:
    session = new_mfid()
    with_metadata = make_dataset(session_name=session)["unique_id"]
    make_dataset(session_name=session)
    user.post(f"/datasets/{with_metadata}/scientific_metadata", json={"voltage": 200})
    found = user.get("/datasets", params={"session_name": session, "include_metadata": True}).json()
    assert found[0]["scientific_metadata"] == {
        "dataset_id": with_metadata,
        "scientific_metadata": {"voltage": 200},
    }
    assert found[1]["scientific_metadata"] is None
    plain = user.get("/datasets", params={"session_name": session}).json()
    assert "scientific_metadata" not in plain[0]


def test_dataset_links_refuse_self_links_and_cycles(
    make_dataset: MakeDataset, user: httpx.Client
) -> None:
    a, b, c = (make_dataset()["unique_id"] for _ in range(3))
    assert user.post(f"/datasets/{a}/children/{b}").json() == {"parent_id": a, "child_id": b}
    assert user.post(f"/datasets/{a}/children/{b}").status_code == 200  # twice is harmless
    user.post(f"/datasets/{b}/children/{c}")
    assert user.post(f"/datasets/{a}/children/{a}").status_code == 400
    assert user.post(f"/datasets/{c}/children/{a}").status_code == 400
    assert [d["unique_id"] for d in user.get(f"/datasets/{a}/children").json()] == [b]
    assert [d["unique_id"] for d in user.get(f"/datasets/{c}/parents").json()] == [b]
    assert user.delete(f"/datasets/{a}/children/{b}").status_code == 200
    assert user.delete(f"/datasets/{a}/children/{b}").status_code == 404


def test_sample_links_and_dataset_links(make_dataset: MakeDataset, user: httpx.Client) -> None:
    parent = user.post("/samples", json={"sample_name": "bulk", "description": None}).json()
    child = user.post("/samples", json={"sample_name": "section"}).json()
    pid, cid = parent["unique_id"], child["unique_id"]
    assert user.post(f"/samples/{pid}/children/{cid}").status_code == 200
    assert user.post(f"/samples/{cid}/children/{pid}").status_code == 400
    assert user.post(f"/samples/{pid}/children/{pid}").status_code == 400
    assert [s["unique_id"] for s in user.get(f"/samples/{cid}/parents").json()] == [pid]
    dataset = make_dataset(measurement="TEM")
    dsid = dataset["unique_id"]
    link = user.post(f"/datasets/{dsid}/samples/{cid}").json()
    assert link == {"dataset_id": dsid, "sample_id": cid}
    got = user.get(f"/samples/{cid}").json()
    assert got["datasets"] == [
        {"id": dataset["id"], "unique_id": dsid, "dataset_name": "test", "measurement": "TEM"}
    ]
    assert [d["unique_id"] for d in user.get(f"/samples/{cid}/datasets").json()] == [dsid]
    assert user.delete(f"/datasets/{dsid}/samples/{cid}").status_code == 200
    assert user.get(f"/samples/{cid}").json()["datasets"] == []


def test_sample_metadata_and_updates(user: httpx.Client) -> None:
    sid = user.post("/samples", json={"sample_name": "batch"}).json()["unique_id"]
    stored = user.post(f"/samples/{sid}/metadata/spinbot_batch", json={"speed": 3000})
    assert stored.json() == {"speed": 3000}
    assert user.get(f"/samples/{sid}/metadata/spinbot_batch").json() == {"speed": 3000}
    updated = user.patch(f"/samples/{sid}", json={"sample_type": "spinbot_batch"}).json()
    assert (updated["sample_type"], updated["sample_name"]) == ("spinbot_batch", "batch")


def test_sample_graph_is_node_link_json(user: httpx.Client) -> None:
    parent = user.post("/samples", json={"project_id": "LOCAL-DEMO", "sample_name": "p"}).json()
    child = user.post("/samples", json={"project_id": "LOCAL-DEMO", "sample_name": "c"}).json()
    user.post(f"/samples/{parent['unique_id']}/children/{child['unique_id']}")
    graph = user.get("/projects/LOCAL-DEMO/sample_graph").json()
    assert graph["directed"] is True
    assert {"source": parent["unique_id"], "target": child["unique_id"]} in graph["links"]
    assert {"id": child["unique_id"], "sample_name": "c"} in graph["nodes"]


def test_instruments_users_projects_and_resources(admin: httpx.Client, user: httpx.Client) -> None:
    [seeded] = user.get("/instruments", params={"instrument_name": "DEMO-MICROSCOPE"}).json()
    assert seeded["instrument_name"] == "demo-microscope"
    created = admin.post("/instruments", json={"instrument_name": f"scope-{new_mfid()}"}).json()
    again = admin.post(
        "/instruments", json={"instrument_name": "x", "unique_id": created["unique_id"]}
    )
    assert again.status_code == 409
    resource = user.get(f"/resources/{created['unique_id']}").json()
    assert resource["resource_type"] == "instrument"
    dataset = user.post("/datasets", json={"instrument_name": seeded["instrument_name"]}).json()
    assert dataset["instrument_id"] == seeded["id"]
    assert user.get(f"/resources/{dataset['unique_id']}").json()["resource_type"] == "dataset"
    project = {"project_id": f"P-{new_mfid()}", "organization": "MF", "project_lead_email": "l@x"}
    assert admin.post("/projects", json=project).status_code == 200
    assert admin.post("/projects", json=project).status_code == 409
    person = {
        "user_info": {"orcid": "0000-0002-0000-0001", "first_name": "New", "email": "n@x"},
        "project_ids": [project["project_id"]],
    }
    made = admin.post("/users", json=person).json()
    assert made["first_name"] == "New"
    assert admin.get("/users", params={"email": "n@x"}).json() == [made]
    members = admin.get(f"/projects/{project['project_id']}/users").json()
    assert [m["orcid"] for m in members] == ["0000-0002-0000-0001"]
    person["user_info"]["first_name"] = "Renamed"
    assert admin.post("/users", json=person).json()["id"] == made["id"]  # upsert by ORCID
    missing = admin.post("/users", json={**person, "project_ids": ["NO-SUCH-PROJECT"]})
    assert missing.status_code == 404


def test_dataset_updates_change_only_present_fields(
    make_dataset: MakeDataset, user: httpx.Client
) -> None:
    dsid = make_dataset(measurement="XRD", public=False)["unique_id"]
    updated = user.patch(
        f"/datasets/{dsid}", json={"dataset_name": "renamed", "public": True}
    ).json()
    assert (updated["dataset_name"], updated["public"], updated["measurement"]) == (
        "renamed",
        True,
        "XRD",
    )
