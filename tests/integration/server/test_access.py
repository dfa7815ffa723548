"""Authentication answers and enforced access control, over real HTTP."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from pycrucible.testing import LocalCrucible

ROOT = Path(__file__).resolve().parents[3]
SPEC: dict[str, Any] = json.loads((ROOT / "openapi-v1.json").read_text())
ADMIN_ONLY = sorted(
    (method.upper(), path)
    for path, item in SPEC["paths"].items()
    for method, op in item.items()
    if isinstance(op, dict) and op.get("x-admin-only")
)
MakeDataset = Callable[..., dict[str, Any]]


def _orcid(client: httpx.Client) -> str:
    return str(client.get("/account").json()["user_info"]["orcid"])


def test_missing_authorization_answers_401(anonymous: httpx.Client) -> None:
    response = anonymous.get("/datasets")
    assert response.status_code == 401
    assert isinstance(response.json()["detail"], str)


@pytest.mark.parametrize("header", ["Basic abc", "Bearer", "token"])
def test_malformed_authorization_answers_401(anonymous: httpx.Client, header: str) -> None:
    assert anonymous.get("/datasets", headers={"Authorization": header}).status_code == 401


def test_unknown_key_answers_400_no_account(anonymous: httpx.Client) -> None:
    response = anonymous.get("/datasets", headers={"Authorization": "Bearer not-a-key"})
    assert response.status_code == 400
    assert response.json() == {"detail": "No account found for this API key"}


def test_account_describes_the_caller(server: LocalCrucible, user: httpx.Client) -> None:
    account = user.get("/account").json()
    assert account["user_info"]["orcid"] == server.user_orcid
    assert account["access_group_name"] == server.user_orcid
    assert "LOCAL-DEMO" in account["access_group_ids"]


def test_there_are_admin_only_operations() -> None:
    assert len(ADMIN_ONLY) >= 11


@pytest.mark.parametrize(("method", "path"), ADMIN_ONLY)
def test_admin_only_operations_refuse_a_normal_user(
    user: httpx.Client, method: str, path: str
) -> None:
    concrete = re.sub(r"\{reqid\}", "1", re.sub(r"\{[a-z_]+\}", "x", path))
    response = user.request(method, concrete, json={"status": "complete"})
    assert response.status_code == 403, response.text
    assert isinstance(response.json()["detail"], str)


def test_admin_only_operations_work_for_an_admin(admin: httpx.Client) -> None:
    assert admin.get("/projects").status_code == 200
    assert admin.get("/users").status_code == 200


def test_a_private_dataset_is_invisible_to_another_user(
    make_dataset: MakeDataset, other_user: httpx.Client
) -> None:
    dsid = make_dataset(dataset_name="private")["unique_id"]
    assert other_user.get(f"/datasets/{dsid}").status_code == 403
    assert other_user.get(f"/datasets/{dsid}/keywords").status_code == 403
    assert other_user.get(f"/datasets/{dsid}/scientific_metadata").status_code == 403
    assert other_user.get(f"/datasets/{dsid}/download_links").status_code == 403
    listed = [d["unique_id"] for d in other_user.get("/datasets").json()]
    assert dsid not in listed
    assert other_user.patch(f"/datasets/{dsid}", json={"public": True}).status_code == 403


def test_admins_read_everything(make_dataset: MakeDataset, admin: httpx.Client) -> None:
    dsid = make_dataset()["unique_id"]
    assert admin.get(f"/datasets/{dsid}").json()["unique_id"] == dsid


def test_public_datasets_are_readable_not_writable(
    make_dataset: MakeDataset, other_user: httpx.Client
) -> None:
    dsid = make_dataset(public=True)["unique_id"]
    assert other_user.get(f"/datasets/{dsid}").json()["unique_id"] == dsid
    assert dsid in [d["unique_id"] for d in other_user.get("/datasets?public=true").json()]
    assert other_user.post(f"/datasets/{dsid}/keywords?keyword=x").status_code == 403


def test_a_group_grant_gives_read_access_and_removal_revokes_it(
    make_dataset: MakeDataset, user: httpx.Client, admin: httpx.Client, other_user: httpx.Client
) -> None:
    dsid = make_dataset()["unique_id"]
    orcid = _orcid(other_user)
    assert admin.post(f"/users/{orcid}/access_groups/team-a").status_code == 200
    grant = user.post(f"/datasets/{dsid}/access_groups", params={"group_name": "team-a"})
    assert grant.json() == {
        "dataset_id": dsid,
        "group_name": "team-a",
        "read": True,
        "write": False,
    }
    assert other_user.get(f"/datasets/{dsid}").status_code == 200
    assert dsid in other_user.get(f"/users/{orcid}/datasets").json()
    assert other_user.get(f"/users/{orcid}/datasets/{dsid}").json() == {
        "read": True,
        "write": False,
    }
    assert other_user.patch(f"/datasets/{dsid}", json={"measurement": "x"}).status_code == 403

    assert admin.delete(f"/users/{orcid}/access_groups/team-a").status_code == 200
    assert other_user.get(f"/datasets/{dsid}").status_code == 403
    assert dsid not in other_user.get(f"/users/{orcid}/datasets").json()


def test_a_write_grant_allows_changes(
    make_dataset: MakeDataset, user: httpx.Client, admin: httpx.Client, other_user: httpx.Client
) -> None:
    dsid = make_dataset()["unique_id"]
    orcid = _orcid(other_user)
    admin.post(f"/users/{orcid}/access_groups/writers")
    user.post(f"/datasets/{dsid}/access_groups", params={"group_name": "writers", "write": True})
    changed = other_user.patch(f"/datasets/{dsid}", json={"measurement": "XRD"})
    assert changed.status_code == 200
    assert changed.json()["measurement"] == "XRD"
    groups = admin.get(f"/datasets/{dsid}/access_groups").json()
    assert {"group_name": "writers", "read": True, "write": True} in groups


def test_granting_to_a_personal_group_shares_with_one_user(
    make_dataset: MakeDataset, user: httpx.Client, other_user: httpx.Client
) -> None:
    dsid = make_dataset()["unique_id"]
    user.post(f"/datasets/{dsid}/access_groups", params={"group_name": _orcid(other_user)})
    assert other_user.get(f"/datasets/{dsid}").status_code == 200


def test_granting_to_an_unknown_group_answers_404(
    make_dataset: MakeDataset, user: httpx.Client
) -> None:
    dsid = make_dataset()["unique_id"]
    response = user.post(f"/datasets/{dsid}/access_groups", params={"group_name": "no-such"})
    assert response.status_code == 404


def test_project_membership_gives_read_access_and_removal_revokes_it(
    make_dataset: MakeDataset, admin: httpx.Client, other_user: httpx.Client
) -> None:
    dsid = make_dataset(admin, project_id="LOCAL-DEMO")["unique_id"]
    orcid = _orcid(other_user)
    assert other_user.get(f"/datasets/{dsid}").status_code == 403
    members = admin.post(f"/projects/LOCAL-DEMO/users/{orcid}").json()
    assert orcid in [member["orcid"] for member in members]
    assert other_user.get(f"/datasets/{dsid}").status_code == 200
    assert "LOCAL-DEMO" in [
        p["project_id"] for p in other_user.get(f"/users/{orcid}/projects").json()
    ]
    assert admin.delete(f"/projects/LOCAL-DEMO/users/{orcid}").status_code == 200
    assert other_user.get(f"/datasets/{dsid}").status_code == 403


def test_the_seed_user_reads_the_seed_projects_datasets(
    make_dataset: MakeDataset, admin: httpx.Client, user: httpx.Client
) -> None:
    dsid = make_dataset(admin, project_id="LOCAL-DEMO")["unique_id"]
    assert user.get(f"/datasets/{dsid}").status_code == 200
    assert user.get("/projects/LOCAL-DEMO").json()["project_id"] == "LOCAL-DEMO"


def test_users_may_not_list_another_users_groups(
    server: LocalCrucible, other_user: httpx.Client
) -> None:
    assert other_user.get(f"/users/{server.user_orcid}/access_groups").status_code == 403
    assert other_user.get(f"/users/{server.user_orcid}/datasets").status_code == 403


def test_samples_are_private_to_owner_and_project(
    user: httpx.Client, other_user: httpx.Client, admin: httpx.Client
) -> None:
    own = user.post("/samples", json={"sample_name": "mine"}).json()["unique_id"]
    shared = user.post("/samples", json={"sample_name": "team", "project_id": "LOCAL-DEMO"}).json()
    assert other_user.get(f"/samples/{own}").status_code == 403
    assert other_user.patch(f"/samples/{own}", json={"description": "x"}).status_code == 403
    orcid = _orcid(other_user)
    admin.post(f"/projects/LOCAL-DEMO/users/{orcid}")
    assert other_user.get(f"/samples/{shared['unique_id']}").status_code == 200
    assert (
        other_user.patch(f"/samples/{shared['unique_id']}", json={"description": "x"}).status_code
        == 403
    )
    admin.delete(f"/projects/LOCAL-DEMO/users/{orcid}")


def test_samples_of_a_readable_dataset_are_readable(
    make_dataset: MakeDataset, user: httpx.Client, other_user: httpx.Client
) -> None:
    dsid = make_dataset(public=True)["unique_id"]
    sample = user.post("/samples", json={"sample_name": "linked"}).json()["unique_id"]
    user.post(f"/datasets/{dsid}/samples/{sample}")
    assert [s["unique_id"] for s in other_user.get(f"/datasets/{dsid}/samples").json()] == [sample]
    assert other_user.get(f"/samples/{sample}").status_code == 200
