"""The acceptance list of API v3, over HTTP on ``/api/v3``.

A normal user cannot read another user's private dataset; a viewer grant makes it readable;
public is a grant; an elevated call by a caller who may not elevate is refused with 403; a
deletion request hides the dataset from lists at once; a keyset listing of 2,500 datasets
returns each exactly once.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx

from pycrucible.testing import LocalCrucible
from pycrucible.testing._ids import new_mfid
from tests.integration.server_v3.conftest import make_dataset, v3_client

ELEVATED = {"Crucible-Privilege-Mode": "elevated"}
NORMAL = {"Crucible-Privilege-Mode": "normal"}
_SESSIONS = itertools.count(1)


def _user_id(client: httpx.Client) -> str:
    return str(client.get("/account").json()["user_unique_id"])


def _readable(client: httpx.Client, mfid: str) -> bool:
    """Whether the caller gets the dataset (403, 404 and a null body all mean no)."""
    response = client.get(f"/datasets/{mfid}")
    if response.status_code != 200:
        assert response.status_code in (403, 404), response.text
        return False
    body = response.json()
    return body is not None and body["unique_id"] == mfid


def _listed(client: httpx.Client, **filters: Any) -> list[str]:
    """Every dataset MFID a keyset listing returns, page after page, in order."""
    mfids: list[str] = []
    params: dict[str, Any] = dict(filters)
    while True:
        response = client.get("/datasets", params=params)
        assert response.status_code == 200, response.text
        page = response.json()
        mfids.extend(item["unique_id"] for item in page["items"])
        if page["next_cursor"] is None:
            return mfids
        params = {**filters, "cursor": page["next_cursor"]}


def _session() -> str:
    return f"acceptance-{new_mfid()}-{next(_SESSIONS)}"


def test_a_normal_user_cannot_read_another_users_private_dataset(
    user: httpx.Client, new_user: Callable[[], httpx.Client]
) -> None:
    session = _session()
    mfid = make_dataset(user, dataset_name="private", session_name=session)["unique_id"]
    other = new_user()
    assert _readable(user, mfid)
    assert not _readable(other, mfid)
    assert mfid not in _listed(other, session_name=session)
    assert other.get(f"/resources/{mfid}").status_code in (403, 404)
    assert other.get(f"/resources/{mfid}/metadata").status_code in (403, 404)
    assert other.patch(f"/datasets/{mfid}", json={"measurement": "XRD"}).status_code in (403, 404)
    assert mfid not in {
        item["unique_id"]
        for item in other.get("/datasets/search", params={"q": "private"}).json()["items"]
    }


def test_a_viewer_grant_makes_it_readable_and_no_more(
    user: httpx.Client, new_user: Callable[[], httpx.Client]
) -> None:
    session = _session()
    mfid = make_dataset(user, session_name=session)["unique_id"]
    other = new_user()
    granted = user.put(
        f"/resources/{mfid}/access/users/{_user_id(other)}", json={"permission": "viewer"}
    )
    assert granted.status_code == 200, granted.text
    assert _readable(other, mfid)
    assert _listed(other, session_name=session) == [mfid]
    record = other.get(f"/datasets/{mfid}").json()
    assert record["capabilities"]["can_edit"] is False
    assert record["capabilities"]["can_manage_access"] is False
    assert other.patch(f"/datasets/{mfid}", json={"measurement": "XRD"}).status_code == 403
    third = new_user()
    refused = other.put(
        f"/resources/{mfid}/access/users/{_user_id(third)}", json={"permission": "viewer"}
    )
    assert refused.status_code == 403
    assert not _readable(third, mfid)
    assert user.delete(f"/resources/{mfid}/access/users/{_user_id(other)}").status_code in (
        200,
        204,
    )
    assert not _readable(other, mfid)


def test_public_is_a_grant_that_everybody_reads_and_the_owner_revokes(
    user: httpx.Client, new_user: Callable[[], httpx.Client]
) -> None:
    session = _session()
    mfid = make_dataset(user, session_name=session)["unique_id"]
    other = new_user()
    assert not _readable(other, mfid)
    assert other.put(f"/resources/{mfid}/access/public").status_code == 403
    made_public = user.put(f"/resources/{mfid}/access/public")
    assert made_public.status_code == 200, made_public.text
    grants = user.get(f"/resources/{mfid}/access").json()
    public = [grant for grant in grants if grant["principal_type"] == "public"]
    assert [grant["permission"] for grant in public] == ["viewer"]
    assert _readable(other, mfid)
    assert other.get(f"/datasets/{mfid}").json()["public"] is True
    assert _listed(other, session_name=session) == [mfid]
    assert other.patch(f"/datasets/{mfid}", json={"measurement": "XRD"}).status_code == 403
    assert user.delete(f"/resources/{mfid}/access/public").status_code in (200, 204)
    assert not any(
        g["principal_type"] == "public" for g in user.get(f"/resources/{mfid}/access").json()
    )
    assert not _readable(other, mfid)


def test_a_dataset_created_public_carries_the_public_grant(
    user: httpx.Client, new_user: Callable[[], httpx.Client]
) -> None:
    mfid = make_dataset(user, public=True)["unique_id"]
    grants = user.get(f"/resources/{mfid}/access").json()
    assert any(g["principal_type"] == "public" for g in grants)
    assert _readable(new_user(), mfid)


def test_an_elevated_call_by_a_caller_who_may_not_elevate_is_403(
    server: LocalCrucible, user: httpx.Client, admin: httpx.Client
) -> None:
    profile = user.get("/account/profile").json()
    assert profile["authorization"]["can_elevate"] is False
    with v3_client(server, server.user_key, **ELEVATED) as elevated_user:
        for path in ("/datasets", "/account", "/deletion_requests", "/users"):
            assert elevated_user.get(path).status_code == 403, path
        created = elevated_user.post("/datasets", json={"unique_id": new_mfid()})
        assert created.status_code == 403
    assert admin.get("/account/profile").json()["authorization"]["can_elevate"] is True
    with v3_client(server, server.admin_key, **ELEVATED) as elevated_admin:
        assert elevated_admin.get("/datasets", params={"limit": 1}).status_code == 200


def test_admins_are_elevated_without_the_header_and_not_in_normal_mode(
    server: LocalCrucible, user: httpx.Client, admin: httpx.Client
) -> None:
    mfid = make_dataset(user)["unique_id"]
    assert _readable(admin, mfid)
    with v3_client(server, server.admin_key, **NORMAL) as normal_admin:
        assert not _readable(normal_admin, mfid)


def test_a_deletion_request_hides_the_dataset_from_lists_at_once(
    user: httpx.Client, admin: httpx.Client
) -> None:
    session = _session()
    kept, doomed = (make_dataset(user, session_name=session)["unique_id"] for _ in range(2))
    assert sorted(_listed(user, session_name=session)) == sorted([kept, doomed])
    requested = user.post(f"/resources/{doomed}/delete", params={"reason": "duplicate"})
    assert requested.status_code == 200, requested.text
    assert requested.json()["status"] == "pending"
    assert _listed(user, session_name=session) == [kept]
    assert _listed(admin, session_name=session) == [kept]
    assert user.get("/datasets", params={"session_name": session}).json()["total"] == 1
    searched = user.get("/datasets/search", params={"q": session}).json()["items"]
    assert doomed not in {item["unique_id"] for item in searched}
    again = user.post(f"/resources/{doomed}/delete")
    assert again.status_code == 409


def test_a_keyset_listing_of_2500_datasets_returns_each_exactly_once(
    server: LocalCrucible, new_user: Callable[[], httpx.Client]
) -> None:
    lister = new_user()
    session = _session()
    mfids = [new_mfid() for _ in range(2500)]
    # Ten names only: a listing sorted by name has ties across every page boundary.
    bodies = [
        {"unique_id": mfid, "dataset_name": f"name-{n % 10}", "session_name": session}
        for n, mfid in enumerate(mfids)
    ]
    key = str(lister.headers["Authorization"]).removeprefix("Bearer ")

    def create(chunk: list[dict[str, Any]]) -> list[int]:
        with v3_client(server, key) as client:
            return [client.post("/datasets", json=body).status_code for body in chunk]

    with ThreadPoolExecutor(4) as pool:
        statuses = [
            s for chunk in pool.map(create, [bodies[i::4] for i in range(4)]) for s in chunk
        ]
    assert statuses == [200] * 2500
    first = lister.get("/datasets", params={"session_name": session, "limit": 1000}).json()
    assert first["total"] == 2500
    assert len(first["items"]) == 1000
    for filters in (
        {"limit": 1000},
        {"limit": 333},
        {"limit": 1000, "sort": "dataset_name", "direction": "desc"},
    ):
        listed = _listed(lister, session_name=session, **filters)
        assert len(listed) == 2500, filters
        assert sorted(listed) == sorted(mfids), filters
