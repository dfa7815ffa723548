"""API v3 foundation over HTTP: where it lives, keys, privilege mode, strict input, datasets."""

from __future__ import annotations

from collections.abc import Callable

import httpx

from pycrucible.testing import LocalCrucible
from pycrucible.testing._ids import new_mfid
from tests.integration.server_v3.conftest import make_dataset, v3_client


def test_health_needs_no_key_and_reports_api_3(anonymous: httpx.Client) -> None:
    assert anonymous.get("/health/live").json() == {"status": "ok"}
    ready = anonymous.get("/health/ready")
    assert ready.status_code == 200
    assert ready.json()["build"]["api_version"] == "3.0.0"
    assert ready.json()["database"]["status"] == "ok"


def test_v3_publishes_its_contract(anonymous: httpx.Client) -> None:
    document = anonymous.get("/openapi.json").json()
    assert document["info"]["version"] == "3.0.0"
    assert "/datasets/{dataset_mfid}" in document["paths"]


def test_seed_era_api_answers_at_root_and_both_aliases(server: LocalCrucible) -> None:
    headers = {"Authorization": f"Bearer {server.user_key}"}
    for prefix in ("", "/testapi", "/api/v1"):
        response = httpx.get(f"{server.url}{prefix}/projects/LOCAL-DEMO", headers=headers)
        assert response.status_code == 200, prefix
        assert response.json()["project_id"] == "LOCAL-DEMO"


def test_missing_or_unknown_key_is_401(server: LocalCrucible, anonymous: httpx.Client) -> None:
    assert anonymous.get("/datasets").json() == {"detail": "Invalid API key"}
    assert anonymous.get("/datasets").status_code == 401
    with v3_client(server, "not-a-key") as stranger:
        assert stranger.get("/datasets").status_code == 401
        assert stranger.get("/datasets", params={"limit": 0}).status_code == 401


def test_elevated_mode_by_a_normal_user_is_403(server: LocalCrucible) -> None:
    with v3_client(server, server.user_key, **{"Crucible-Privilege-Mode": "elevated"}) as client:
        assert client.get("/datasets").status_code == 403
    with v3_client(server, server.user_key, **{"Crucible-Privilege-Mode": "normal"}) as client:
        assert client.get("/datasets").status_code == 200


def test_unknown_mode_value_is_422(server: LocalCrucible) -> None:
    with v3_client(server, server.user_key, **{"Crucible-Privilege-Mode": "root"}) as client:
        response = client.get("/datasets")
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["header", "Crucible-Privilege-Mode"]


def test_unknown_query_parameter_is_extra_forbidden(user: httpx.Client) -> None:
    response = user.get("/datasets", params={"colour": "blue"})
    assert response.status_code == 422
    item = response.json()["detail"][0]
    assert (item["type"], item["loc"]) == ("extra_forbidden", ["query", "colour"])


def test_unknown_body_field_is_extra_forbidden(user: httpx.Client) -> None:
    response = user.post("/datasets", json={"unique_id": new_mfid(), "colour": "blue"})
    assert response.status_code == 422
    assert response.json()["detail"] == [
        {
            "type": "extra_forbidden",
            "loc": ["body", "colour"],
            "msg": "Extra inputs are not permitted",
            "input": "blue",
        }
    ]


def test_limit_above_the_cap_is_422(user: httpx.Client) -> None:
    response = user.get("/datasets", params={"limit": 1001})
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["query", "limit"]


def test_create_get_patch_dataset(user: httpx.Client) -> None:
    record = make_dataset(user, dataset_name="first scan", project_id="LOCAL-DEMO")
    mfid = record["unique_id"]
    assert record["owner_orcid"] == "0000-0003-4115-6274"
    assert record["project"]["project_id"] == "LOCAL-DEMO"
    assert record["capabilities"]["can_transfer"] is True
    patched = user.patch(f"/datasets/{mfid}", json={"measurement": "XRD"})
    assert patched.status_code == 200
    assert patched.json()["measurement"] == "XRD"
    fetched = user.get(f"/datasets/{mfid}", params={"include_owner": "true"}).json()
    assert fetched["measurement"] == "XRD"
    assert fetched["owner"]["username"] == "uma"


def test_repeated_create_does_not_duplicate(user: httpx.Client) -> None:
    record = make_dataset(user, dataset_name="once")
    again = user.post("/datasets", json={"unique_id": record["unique_id"], "dataset_name": "once"})
    assert again.status_code == 409
    found = user.get("/datasets", params={"unique_id": record["unique_id"]}).json()
    assert found["total"] == 1


def test_patch_of_owner_or_project_is_422(user: httpx.Client) -> None:
    mfid = make_dataset(user)["unique_id"]
    for field in ("owner_orcid", "project_id"):
        assert user.patch(f"/datasets/{mfid}", json={field: "x"}).status_code == 422


def test_private_dataset_is_403_for_another_user(
    user: httpx.Client, new_user: Callable[[], httpx.Client]
) -> None:
    mfid = make_dataset(user, dataset_name="mine")["unique_id"]
    other = new_user()
    assert other.get(f"/datasets/{mfid}").status_code == 403
    listed = other.get("/datasets", params={"unique_id": mfid}).json()
    assert listed["items"] == []


def test_unknown_dataset_is_404(user: httpx.Client) -> None:
    assert user.get(f"/datasets/{new_mfid()}").status_code == 404


def test_normal_user_cannot_create_for_another_user(user: httpx.Client) -> None:
    response = user.post(
        "/datasets", json={"unique_id": new_mfid(), "owner": "0000-0002-1694-233X"}
    )
    assert response.status_code == 403


def test_admin_creates_for_another_user(admin: httpx.Client) -> None:
    record = make_dataset(admin, owner="uma")
    assert record["owner_orcid"] == "0000-0003-4115-6274"


def test_keyset_pages_return_each_dataset_once(new_user: Callable[[], httpx.Client]) -> None:
    client = new_user()
    made = {make_dataset(client, dataset_name=f"k{i}")["unique_id"] for i in range(23)}
    seen: list[str] = []
    cursor = None
    first = True
    while True:
        params: dict[str, str | int] = {"limit": 5, "affiliation": "owner"}
        if cursor is not None:
            params["cursor"] = cursor
        page = client.get("/datasets", params=params).json()
        if first:
            assert page["total"] == 23
            first = False
        seen += [item["unique_id"] for item in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert len(seen) == len(set(seen)) == 23
    assert set(seen) == made


def test_search_is_a_case_insensitive_substring_capped_at_50(user: httpx.Client) -> None:
    mfid = make_dataset(user, dataset_name="Perovskite Film Q7")["unique_id"]
    found = user.get("/datasets/search", params={"q": "film q7"}).json()["items"]
    assert [item["unique_id"] for item in found] == [mfid]
    assert user.get("/datasets/search", params={"q": "abc", "limit": 51}).status_code == 422


def test_keyset_pages_oldest_first_with_direction_asc(new_user: Callable[[], httpx.Client]) -> None:
    client = new_user()
    made = [make_dataset(client, dataset_name=f"a{i}")["unique_id"] for i in range(7)]
    seen: list[str] = []
    params: dict[str, str | int] = {
        "limit": 3,
        "affiliation": "owner",
        "sort": "created",
        "direction": "asc",
    }
    while True:
        page = client.get("/datasets", params=params).json()
        seen += [item["unique_id"] for item in page["items"]]
        if page["next_cursor"] is None:
            break
        params["cursor"] = page["next_cursor"]
    assert seen == made
