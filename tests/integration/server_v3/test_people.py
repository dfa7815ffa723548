"""Account, users, service accounts, projects, join requests and instruments over HTTP on v3."""

from __future__ import annotations

import itertools
from collections.abc import Callable

import httpx

from pycrucible.testing import LocalCrucible
from tests.integration.server_v3.conftest import make_dataset, v3_client

_NAMES = itertools.count(1)


def _unique(prefix: str) -> str:
    return f"{prefix}{next(_NAMES)}x"


def test_account_profile_and_key(
    server: LocalCrucible, user: httpx.Client, admin: httpx.Client
) -> None:
    account = user.get("/account").json()
    assert account["user_unique_id"] == server.user_orcid
    assert "LOCAL-DEMO" in account["access_group_ids"]
    profile = user.get("/account/profile").json()
    assert profile["authorization"] == {
        "platform_role": "none",
        "effective_privilege_mode": "normal",
        "can_elevate": False,
    }
    assert (
        admin.get("/account/profile").json()["authorization"]["effective_privilege_mode"]
        == "elevated"
    )
    with v3_client(server, server.admin_key, **{"Crucible-Privilege-Mode": "normal"}) as normal:
        assert normal.get("/account/profile").json()["capabilities"]["can_manage_users"] is False
    assert user.get("/account/apikey").json() == {"api_key": server.user_key}
    assert user.get("/account/verify").json()["valid"] is True
    assert user.post("/account/sync-projects").json()["projects_already_member"] == ["LOCAL-DEMO"]


def test_users_found_by_orcid_username_and_mfid(server: LocalCrucible, admin: httpx.Client) -> None:
    by_orcid = admin.get(f"/users/{server.user_orcid}").json()
    assert by_orcid["username"] == "uma"
    assert (
        admin.get("/users", params={"username": "uma"}).json()["items"][0]["unique_id"]
        == server.user_orcid
    )
    name = _unique("lab")
    created = admin.post(
        "/users", json={"user_info": {"username": name, "first_name": "Lab", "last_name": "Person"}}
    ).json()
    assert len(created["unique_id"]) == 26
    assert admin.get(f"/users/{created['unique_id']}").json()["username"] == name
    resolved = admin.post("/users/resolve", json={"usernames": [name, "nobody-here"]}).json()
    assert resolved[name]["unique_id"] == created["unique_id"]
    assert resolved["nobody-here"] is None
    assert admin.get("/users/search", params={"q": name}).json()["items"][0]["username"] == name


def test_normal_user_cannot_create_users_or_filter_by_platform_role(user: httpx.Client) -> None:
    body = {"user_info": {"username": "someone", "first_name": "A", "last_name": "B"}}
    assert user.post("/users", json=body).status_code == 403
    assert user.get("/users", params={"platform_role": "admin"}).status_code == 403


def test_service_account_key_shown_once_rotated_and_revoked(
    server: LocalCrucible, admin: httpx.Client
) -> None:
    created = admin.post("/service_accounts", json={"username": _unique("robot")})
    assert created.status_code == 200
    first = created.json()
    assert admin.post("/service_accounts", json={"username": first["username"]}).status_code == 409
    listed = admin.get(f"/service_accounts/{first['unique_id']}").json()
    assert "api_key" not in listed
    with v3_client(server, first["api_key"]) as robot:
        assert robot.get("/account").json()["user_unique_id"] == first["unique_id"]
    rotated = admin.post(f"/service_accounts/{first['unique_id']}/rotate_key").json()
    assert rotated["api_key"] != first["api_key"]
    with v3_client(server, first["api_key"]) as old, v3_client(server, rotated["api_key"]) as new:
        assert old.get("/account").status_code == 401
        assert new.get("/account").status_code == 200
        assert (
            new.post(
                "/instruments",
                json={"instrument_id": "robot-made", "instrument_name": "x", "location": "y"},
            ).status_code
            == 403
        )
    admin.delete(f"/users/{first['unique_id']}/apikey")
    with v3_client(server, rotated["api_key"]) as revoked:
        assert revoked.get("/account").status_code == 401


def test_service_accounts_need_elevation(server: LocalCrucible, user: httpx.Client) -> None:
    assert user.get("/service_accounts").status_code == 403
    with v3_client(server, server.admin_key, **{"Crucible-Privilege-Mode": "normal"}) as normal:
        assert normal.get("/service_accounts").status_code == 403


def test_project_member_roles(user: httpx.Client, new_user: Callable[[], httpx.Client]) -> None:
    slug = _unique("proj-")
    created = user.post(
        "/projects", json={"project_id": slug, "organization": "MF", "project_lead": "uma"}
    )
    assert created.status_code == 200
    assert created.json()["role"] == "owner"
    assert (
        user.post("/projects", json={"project_id": slug, "organization": "MF"}).status_code == 400
    )
    assert (
        user.post(
            "/projects", json={"project_id": slug, "organization": "MF", "project_lead": "uma"}
        ).status_code
        == 409
    )
    other = new_user()
    other_id = other.get("/account").json()["user_unique_id"]
    members = user.post(f"/projects/{slug}/users/{other_id}", params={"role": "editor"}).json()
    assert {m["unique_id"]: m["role"] for m in members}[other_id] == "editor"
    assert user.post(f"/projects/{slug}/users/{other_id}").status_code == 409
    third = new_user().get("/account").json()["user_unique_id"]
    assert (
        other.post(f"/projects/{slug}/users/{third}", params={"role": "editor"}).status_code == 403
    )
    assert (
        other.post(f"/projects/{slug}/users/{third}", params={"role": "viewer"}).status_code == 200
    )
    dataset = make_dataset(user, project_id=slug)["unique_id"]
    assert other.get(f"/datasets/{dataset}").json()["capabilities"]["can_edit"] is True
    assert (
        other.get("/projects", params={"project_id": slug}).json()["items"][0]["role"] == "editor"
    )
    user.delete(f"/projects/{slug}/users/{other_id}")
    assert other.get(f"/datasets/{dataset}").status_code == 403


def test_join_request_reviewed_by_the_project_lead(
    user: httpx.Client, new_user: Callable[[], httpx.Client]
) -> None:
    slug = _unique("join-")
    user.post("/projects", json={"project_id": slug, "organization": "MF", "project_lead": "uma"})
    other = new_user()
    request = other.post(f"/access_groups/{slug}/join", json={"reason": "please"})
    assert request.json()["status"] == "pending"
    assert other.post(f"/access_groups/{slug}/join", json={}).status_code == 409
    assert other.post("/access_groups/no-such-group/join", json={}).status_code == 404
    assert other.get("/join_requests", params={"group_name": slug}).status_code == 403
    pending = user.get("/join_requests", params={"group_name": slug}).json()["items"]
    assert [p["id"] for p in pending] == [request.json()["id"]]
    reviewed = user.patch(f"/join_requests/{request.json()['id']}", json={"status": "approved"})
    assert reviewed.json()["status"] == "approved"
    assert (
        user.patch(
            f"/join_requests/{request.json()['id']}", json={"status": "rejected"}
        ).status_code
        == 409
    )
    assert slug in other.get("/account").json()["access_group_ids"]


def test_instrument_lifecycle_and_service_accounts(admin: httpx.Client, user: httpx.Client) -> None:
    slug = _unique("scope-")
    created = user.post(
        "/instruments", json={"instrument_id": slug, "instrument_name": "Scope", "location": "B67"}
    )
    assert created.status_code == 200
    mfid = created.json()["unique_id"]
    assert (
        user.post(
            "/instruments",
            json={"instrument_id": slug, "instrument_name": "x", "location": "y", "public": True},
        ).status_code
        == 422
    )
    repeat = user.post(
        "/instruments", json={"instrument_id": slug, "instrument_name": "Scope", "location": "B67"}
    )
    assert (repeat.status_code, repeat.json()["unique_id"]) == (200, mfid)
    assert user.get("/instruments", params={"instrument_id": slug.upper()}).json()["total"] == 1
    assert (
        user.post(f"/instruments/{mfid}/status", params={"status": "maintenance"}).json()["status"]
        == "maintenance"
    )
    assert user.get("/instruments", params={"instrument_name": "Scope"}).json()["total"] == 0
    assert (
        user.get(
            "/instruments", params={"instrument_name": "Scope", "status": "maintenance"}
        ).json()["total"]
        == 1
    )
    robot = admin.post("/service_accounts", json={"username": _unique("bot")}).json()
    bound = user.post(f"/instruments/{mfid}/service_accounts/{robot['unique_id']}").json()
    assert [(b["unique_id"], b["role"]) for b in bound] == [(robot["unique_id"], "operator")]
    assert user.get(f"/instruments/{mfid}").json()["owner_orcid"] == "0000-0003-4115-6274"
    assert admin.get("/instruments/01m8t12ayse7frgmd5161281gp").status_code == 404


def test_instrument_maintainers_are_granted_through_the_access_routes(
    user: httpx.Client, new_user: Callable[[], httpx.Client]
) -> None:
    slug = _unique("maint")
    made = user.post(
        "/instruments", json={"instrument_id": slug, "instrument_name": "M", "location": "B67"}
    )
    assert made.status_code == 200, made.text
    mfid = made.json()["unique_id"]
    maintainer, outsider = new_user(), new_user()
    maintainer_id = maintainer.get("/account").json()["user_unique_id"]
    outsider_id = outsider.get("/account").json()["user_unique_id"]
    assert maintainer.patch(f"/instruments/{mfid}", json={"model": "m2"}).status_code == 403
    granted = user.put(
        f"/resources/{mfid}/access/users/{maintainer_id}", json={"permission": "editor"}
    )
    assert granted.status_code == 200, granted.text
    assert granted.json()["permission"] == "editor"
    assert maintainer.patch(f"/instruments/{mfid}", json={"model": "m2"}).status_code == 200
    # an editor maintainer does not manage access; the owner revokes at once
    refused = maintainer.put(
        f"/resources/{mfid}/access/users/{outsider_id}", json={"permission": "viewer"}
    )
    assert refused.status_code == 403
    assert user.delete(f"/resources/{mfid}/access/users/{maintainer_id}").status_code == 200
    assert maintainer.patch(f"/instruments/{mfid}", json={"model": "m3"}).status_code == 403
    assert user.put(f"/resources/{mfid}/access/public").status_code == 404
