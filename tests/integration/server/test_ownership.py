"""Who owns datasets and samples: creates for others, owner changes, projects (over HTTP)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest

from pycrucible.testing import LocalCrucible
from pycrucible.testing._ids import new_mfid

MakeDataset = Callable[..., dict[str, Any]]
KINDS = ["/datasets", "/samples"]


def _orcid(client: httpx.Client) -> str:
    return str(client.get("/account").json()["user_info"]["orcid"])


def _user_id(client: httpx.Client) -> int:
    return int(client.get("/account").json()["user_info"]["id"])


def _owned(client: httpx.Client, kind: str) -> set[str]:
    """MFIDs the client lists as owned by itself."""
    listed = client.get(kind, params={"owner_orcid": _orcid(client)}).json()
    return {record["unique_id"] for record in listed}


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("field", ["owner_orcid", "owner_user_id"])
def test_a_normal_user_cannot_create_in_another_users_name(
    kind: str, field: str, user: httpx.Client, other_user: httpx.Client, server: LocalCrucible
) -> None:
    victim = {"owner_orcid": _orcid(other_user), "owner_user_id": _user_id(other_user)}[field]
    before = _owned(other_user, kind)
    response = user.post(kind, json={field: victim})
    assert response.status_code == 403
    assert "admin" in response.json()["detail"]
    assert _owned(other_user, kind) == before  # nothing appeared in the victim's list


@pytest.mark.parametrize("kind", KINDS)
def test_naming_oneself_as_owner_is_fine(kind: str, other_user: httpx.Client) -> None:
    body = {"owner_orcid": _orcid(other_user), "owner_user_id": _user_id(other_user)}
    made = other_user.post(kind, json=body)
    assert made.status_code == 200
    assert made.json()["owner_orcid"] == _orcid(other_user)


@pytest.mark.parametrize("kind", KINDS)
def test_an_admin_creates_for_another_user_who_then_owns_it(
    kind: str, admin: httpx.Client, other_user: httpx.Client
) -> None:
    made = admin.post(kind, json={"owner_orcid": _orcid(other_user)})
    assert made.status_code == 200
    assert made.json()["owner_user_id"] == _user_id(other_user)
    assert made.json()["unique_id"] in _owned(other_user, kind)
    assert other_user.get(f"{kind}/{made.json()['unique_id']}").status_code == 200


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"owner_orcid": ""}, "owner_orcid"),
        ({"owner_orcid": "   "}, "owner_orcid"),
        ({"owner_orcid": "0000-0000-0000-0000"}, "owner_orcid"),
        ({"owner_user_id": 987654321}, "owner_user_id"),
        ({"project_id": "NO-SUCH-PROJECT"}, "project_id"),
        ({"project_id": ""}, "project_id"),
    ],
)
def test_an_empty_or_unknown_owner_or_project_answers_422_and_stores_nothing(
    kind: str,
    body: dict[str, Any],
    field: str,
    user: httpx.Client,
    admin: httpx.Client,
    server: LocalCrucible,
) -> None:
    table = kind.strip("/")
    before = server.count(table)
    for caller in (user, admin):
        response = caller.post(kind, json=body)
        assert response.status_code == 422
        assert response.json()["detail"][0]["loc"] == ["body", field]
    assert server.count(table) == before


@pytest.mark.parametrize("kind", KINDS)
def test_owner_orcid_and_user_id_of_two_people_answer_422(
    kind: str, admin: httpx.Client, other_user: httpx.Client, server: LocalCrucible
) -> None:
    body = {"owner_orcid": server.user_orcid, "owner_user_id": _user_id(other_user)}
    assert admin.post(kind, json=body).status_code == 422


@pytest.mark.parametrize("kind", KINDS)
def test_a_normal_user_creates_only_in_their_own_projects(
    kind: str, user: httpx.Client, other_user: httpx.Client, admin: httpx.Client
) -> None:
    project = f"P-{new_mfid()}"
    admin.post(
        "/projects",
        json={"project_id": project, "organization": "MF", "project_lead_email": "l@x"},
    )
    assert other_user.post(kind, json={"project_id": project}).status_code == 403
    assert user.post(kind, json={"project_id": "LOCAL-DEMO"}).status_code == 200  # a member
    assert admin.post(kind, json={"project_id": project}).status_code == 200


def test_group_write_access_does_not_allow_taking_ownership(
    make_dataset: MakeDataset,
    user: httpx.Client,
    admin: httpx.Client,
    other_user: httpx.Client,
    server: LocalCrucible,
) -> None:
    dsid = make_dataset()["unique_id"]
    thief = _orcid(other_user)
    group = f"writers-{new_mfid()}"
    admin.post(f"/users/{thief}/access_groups/{group}")
    user.post(f"/datasets/{dsid}/access_groups", params={"group_name": group, "write": True})
    for body in ({"owner_orcid": thief}, {"owner_user_id": _user_id(other_user)}):
        taken = other_user.patch(f"/datasets/{dsid}", json=body)
        assert taken.status_code == 403
    assert user.get(f"/datasets/{dsid}").json()["owner_orcid"] == server.user_orcid
    # Write access itself still works, also when the unchanged owner is sent back.
    same = other_user.patch(
        f"/datasets/{dsid}", json={"measurement": "XRD", "owner_orcid": server.user_orcid}
    )
    assert same.status_code == 200
    # Removed from the group, the would-be thief keeps nothing.
    admin.delete(f"/users/{thief}/access_groups/{group}")
    assert other_user.patch(f"/datasets/{dsid}", json={"measurement": "x"}).status_code == 403


@pytest.mark.parametrize("kind", KINDS)
def test_the_owner_or_an_admin_may_hand_a_record_over(
    kind: str, user: httpx.Client, admin: httpx.Client, other_user: httpx.Client
) -> None:
    first = user.post(kind, json={}).json()["unique_id"]
    given = user.patch(f"{kind}/{first}", json={"owner_orcid": _orcid(other_user)})
    assert given.status_code == 200
    assert given.json()["owner_user_id"] == _user_id(other_user)
    second = user.post(kind, json={}).json()["unique_id"]
    moved = admin.patch(f"{kind}/{second}", json={"owner_user_id": _user_id(other_user)})
    assert moved.status_code == 200
    assert moved.json()["owner_orcid"] == _orcid(other_user)


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("field", ["owner_orcid", "owner_user_id"])
def test_an_owner_cannot_be_removed(
    kind: str, field: str, user: httpx.Client, server: LocalCrucible
) -> None:
    made = user.post(kind, json={}).json()["unique_id"]
    assert user.patch(f"{kind}/{made}", json={field: None}).status_code == 422
    assert user.get(f"{kind}/{made}").json()["owner_orcid"] == server.user_orcid


@pytest.mark.parametrize("kind", KINDS)
def test_null_owner_fields_on_create_mean_the_caller(
    kind: str, user: httpx.Client, server: LocalCrucible
) -> None:
    made = user.post(kind, json={"owner_orcid": None, "owner_user_id": None})
    assert made.status_code == 200
    assert made.json()["owner_orcid"] == server.user_orcid


@pytest.mark.parametrize("kind", KINDS)
def test_a_patch_moves_records_only_into_existing_projects_of_the_caller(
    kind: str, user: httpx.Client, other_user: httpx.Client, admin: httpx.Client
) -> None:
    made = other_user.post(kind, json={}).json()["unique_id"]
    assert other_user.patch(f"{kind}/{made}", json={"project_id": "NOPE"}).status_code == 422
    assert other_user.patch(f"{kind}/{made}", json={"project_id": "LOCAL-DEMO"}).status_code == 403
    assert admin.patch(f"{kind}/{made}", json={"project_id": "LOCAL-DEMO"}).status_code == 200
    # Unchanged, the project may be sent back; null takes the record out of it.
    same = other_user.patch(f"{kind}/{made}", json={"project_id": "LOCAL-DEMO", "description": "x"})
    assert same.status_code == 200
    out = other_user.patch(f"{kind}/{made}", json={"project_id": None})
    assert out.status_code == 200
    assert out.json()["project_id"] is None
