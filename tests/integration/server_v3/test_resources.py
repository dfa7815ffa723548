"""Resources over HTTP on v3: grants, public, metadata, links, ownership, project, deletion."""

from __future__ import annotations

from collections.abc import Callable

import httpx

from pycrucible.testing import LocalCrucible
from tests.integration.server_v3.conftest import make_dataset, v3_client


def test_viewer_grant_makes_a_private_dataset_readable(
    user: httpx.Client, new_user: Callable[[], httpx.Client]
) -> None:
    mfid = make_dataset(user, dataset_name="granted")["unique_id"]
    other = new_user()
    other_id = other.get("/account").json()["user_unique_id"]
    assert other.get(f"/datasets/{mfid}").status_code == 403
    granted = user.put(f"/resources/{mfid}/access/users/{other_id}", json={"permission": "viewer"})
    assert granted.status_code == 200
    assert granted.json()["permission"] == "viewer"
    record = other.get(f"/datasets/{mfid}").json()
    assert record["capabilities"]["can_edit"] is False
    assert other.patch(f"/datasets/{mfid}", json={"measurement": "x"}).status_code == 403
    assert user.delete(f"/resources/{mfid}/access/users/{other_id}").status_code == 200
    assert other.get(f"/datasets/{mfid}").status_code == 403


def test_public_is_a_grant(user: httpx.Client, new_user: Callable[[], httpx.Client]) -> None:
    mfid = make_dataset(user)["unique_id"]
    other = new_user()
    grant = user.put(f"/resources/{mfid}/access/public").json()
    assert (grant["principal_type"], grant["permission"]) == ("public", "viewer")
    assert other.get(f"/datasets/{mfid}").json()["public"] is True
    access = user.get(f"/resources/{mfid}/access").json()
    assert {g["principal_type"] for g in access} == {"user", "public"}
    user.delete(f"/resources/{mfid}/access/public")
    assert other.get(f"/datasets/{mfid}").status_code == 403


def test_nobody_grants_a_role_as_high_as_their_own(
    user: httpx.Client, new_user: Callable[[], httpx.Client]
) -> None:
    mfid = make_dataset(user)["unique_id"]
    other = new_user()
    other_id = other.get("/account").json()["user_unique_id"]
    user.put(f"/resources/{mfid}/access/users/{other_id}", json={"permission": "admin"})
    third = new_user().get("/account").json()["user_unique_id"]
    response = other.put(f"/resources/{mfid}/access/users/{third}", json={"permission": "admin"})
    assert response.status_code == 403
    ok = other.put(f"/resources/{mfid}/access/users/{third}", json={"permission": "editor"})
    assert ok.status_code == 200


def test_metadata_null_then_post_409_and_patch_deep_merge(user: httpx.Client) -> None:
    mfid = make_dataset(user)["unique_id"]
    first = user.get(f"/resources/{mfid}/metadata")
    assert (first.status_code, first.json()) == (200, None)
    assert user.post(f"/resources/{mfid}/metadata", json={"a": {"b": 1}}).status_code == 200
    assert user.post(f"/resources/{mfid}/metadata", json={"z": 1}).status_code == 409
    merged = user.patch(f"/resources/{mfid}/metadata", json={"a": {"c": 2}}).json()
    assert merged["scientific_metadata"] == {"a": {"b": 1, "c": 2}}
    replaced = user.post(f"/resources/{mfid}/metadata", params={"overwrite": "true"}, json={"z": 1})
    assert replaced.json()["scientific_metadata"] == {"z": 1}
    found = user.get("/resources/metadata/search", params={"q": '"z"'}).json()["items"]
    assert mfid in [item["unique_id"] for item in found]


def test_ownership_transfer_previews_then_confirms(
    user: httpx.Client, new_user: Callable[[], httpx.Client]
) -> None:
    mfid = make_dataset(user)["unique_id"]
    other = new_user()
    other_id = other.get("/account").json()["user_unique_id"]
    preview = user.post(f"/resources/{mfid}/transfer_ownership", json={"new_owner": other_id})
    assert preview.json()["new_owner"]["unique_id"] == other_id
    assert user.get(f"/datasets/{mfid}").json()["owner_orcid"] != other_id
    done = user.post(
        f"/resources/{mfid}/transfer_ownership",
        params={"confirm": "true"},
        json={"new_owner": other_id},
    )
    assert done.status_code == 200
    assert other.get(f"/datasets/{mfid}").json()["owner_orcid"] == other_id


def test_project_reassignment_previews_then_confirms(user: httpx.Client) -> None:
    mfid = make_dataset(user)["unique_id"]
    preview = user.post(f"/resources/{mfid}/project", json={"project_id": "LOCAL-DEMO"})
    assert preview.json()["new_project_id"] == "LOCAL-DEMO"
    assert user.get(f"/datasets/{mfid}").json()["project_id"] is None
    user.post(
        f"/resources/{mfid}/project", params={"confirm": "true"}, json={"project_id": "LOCAL-DEMO"}
    )
    assert user.get(f"/datasets/{mfid}").json()["project_id"] == "LOCAL-DEMO"


def test_deletion_request_hides_at_once_then_review_and_hard_delete(
    server: LocalCrucible, user: httpx.Client, admin: httpx.Client
) -> None:
    mfid = make_dataset(user, dataset_name="to go")["unique_id"]
    assert user.get("/datasets", params={"unique_id": mfid}).json()["total"] == 1
    requested = user.post(f"/resources/{mfid}/delete", params={"reason": "duplicate"})
    assert requested.json()["status"] == "pending"
    assert user.get("/datasets", params={"unique_id": mfid}).json()["items"] == []
    assert admin.delete(f"/resources/{mfid}").status_code == 409
    request_id = requested.json()["id"]
    with v3_client(server, server.user_key) as normal:
        assert (
            normal.patch(
                f"/deletion_requests/{request_id}", params={"status": "approved"}
            ).status_code
            == 403
        )
    reviewed = admin.patch(f"/deletion_requests/{request_id}", params={"status": "approved"})
    assert reviewed.json()["status"] == "approved"
    gone = admin.delete(f"/resources/{mfid}")
    assert gone.json() == {"detail": f"Resource {mfid} permanently deleted"}
    assert admin.get(f"/datasets/{mfid}").status_code == 404
    audit = admin.get("/deletion_audit", params={"resource_id": mfid}).json()["items"]
    assert [entry["reason"] for entry in audit] == ["duplicate"]


def test_rejected_deletion_brings_the_record_back(user: httpx.Client, admin: httpx.Client) -> None:
    mfid = make_dataset(user)["unique_id"]
    request_id = user.post(f"/resources/{mfid}/delete").json()["id"]
    admin.patch(f"/deletion_requests/{request_id}", params={"status": "rejected"})
    assert user.get("/datasets", params={"unique_id": mfid}).json()["total"] == 1


def test_admin_in_normal_mode_has_no_platform_rights(
    server: LocalCrucible, user: httpx.Client, admin: httpx.Client
) -> None:
    mfid = make_dataset(user, dataset_name="private")["unique_id"]
    assert admin.get(f"/datasets/{mfid}").json()["capabilities"]["can_transfer"] is True
    with v3_client(server, server.admin_key, **{"Crucible-Privilege-Mode": "normal"}) as normal:
        assert normal.get(f"/datasets/{mfid}").status_code == 403
        assert normal.delete(f"/resources/{mfid}", params={"force": "true"}).status_code == 403


def test_effective_access_of_a_user(
    server: LocalCrucible, user: httpx.Client, admin: httpx.Client
) -> None:
    mfid = make_dataset(user)["unique_id"]
    mine = user.get(f"/users/{server.user_orcid}/datasets/{mfid}").json()
    assert mine["effective_access"] == "owner"
    assert user.get(f"/users/{server.admin_orcid}/datasets/{mfid}").status_code == 403
    theirs = admin.get(f"/users/{server.admin_orcid}/datasets/{mfid}").json()
    assert theirs["effective_access"] == "platform_admin"


def test_metadata_nested_too_deeply_is_422_and_nothing_is_stored(user: httpx.Client) -> None:
    mfid = make_dataset(user)["unique_id"]
    deep: dict[str, object] = {}
    node = deep
    for _ in range(70):
        child: dict[str, object] = {}
        node["x"] = child
        node = child
    assert user.post(f"/resources/{mfid}/metadata", json=deep).status_code == 422
    assert user.get(f"/resources/{mfid}/metadata").json() is None


def test_a_record_awaiting_deletion_leaves_links_and_graphs(user: httpx.Client) -> None:
    parent = make_dataset(user, dataset_name="kept parent")["unique_id"]
    child = make_dataset(user, dataset_name="doomed child")["unique_id"]
    assert user.post(f"/datasets/{parent}/children/{child}").status_code == 200
    assert child in user.get(f"/resources/{parent}/links").text
    assert child in user.get(f"/entity_graph_cte/{parent}").text
    assert user.post(f"/resources/{child}/delete").status_code == 200
    assert child not in user.get(f"/resources/{parent}/links").text
    graph = user.get(f"/entity_graph_cte/{parent}", params={"recursive": True}).json()
    assert [node["id"] for node in graph["nodes"]] == [parent]
    assert graph["edges"] == []
    assert graph["links"] == []
    own = user.get(f"/entity_graph_cte/{child}").json()  # its own graph still starts from it
    assert {node["id"] for node in own["nodes"]} == {child, parent}
