"""Instruments, projects, users and access control (admin and normal user)."""

from __future__ import annotations

import pytest

from pycrucible import CrucibleClient, NotFoundError, PermissionDeniedError
from pycrucible.testing import LocalCrucible


def test_instruments(admin: CrucibleClient, user: CrucibleClient) -> None:
    seeded = user.get_instrument("DEMO-MICROSCOPE")  # names match ignoring case
    assert seeded["instrument_name"] == "demo-microscope"
    assert user.get_instrument(instrument_id=seeded["unique_id"])["id"] == seeded["id"]
    assert user.get_instrument(instrument_id=seeded["id"])["unique_id"] == seeded["unique_id"]
    assert "demo-microscope" in {i["instrument_name"] for i in user.list_instruments()}
    with pytest.raises(NotFoundError):
        user.get_instrument("no-such-scope")
    made = admin.get_or_add_instrument("afm-2", "bldg 67", "Foundry", manufacturer="Bruker")
    assert made["manufacturer"] == "Bruker"
    assert admin.get_or_add_instrument("afm-2")["unique_id"] == made["unique_id"]
    assert user.get_or_add_instrument("demo-microscope")["id"] == seeded["id"]
    with pytest.raises(PermissionDeniedError):
        user.get_or_add_instrument("user-made-scope")


def test_projects(server: LocalCrucible, admin: CrucibleClient, user: CrucibleClient) -> None:
    assert "LOCAL-DEMO" in {p["project_id"] for p in admin.list_projects()}
    with pytest.raises(PermissionDeniedError):
        user.list_projects()
    assert [p["project_id"] for p in user.list_projects(server.user_orcid)] == ["LOCAL-DEMO"]
    assert user.get_project("LOCAL-DEMO")["organization"]
    with pytest.raises(NotFoundError):
        user.get_project("NO-SUCH-PROJECT")
    with pytest.raises(NotFoundError, match="organization and project_lead_email"):
        admin.get_or_add_project("MFP-NEW")
    made = admin.get_or_add_project("MFP-NEW", "Molecular Foundry", "lead@lbl.gov", title="New")
    assert made["title"] == "New"
    assert admin.add_project("MFP-NEW")["project_id"] == "MFP-NEW"
    assert admin.get_project_users("MFP-NEW") == []
    team = admin.add_user_to_project("MFP-NEW", server.user_orcid)
    assert [u["orcid"] for u in team] == [server.user_orcid]
    assert [u["orcid"] for u in admin.get_project_users("MFP-NEW")] == [server.user_orcid]
    with pytest.raises(PermissionDeniedError):
        user.get_project_users("LOCAL-DEMO")


def test_users(server: LocalCrucible, admin: CrucibleClient, user: CrucibleClient) -> None:
    me = user.whoami()
    assert me["user_info"]["orcid"] == server.user_orcid
    assert admin.whoami()["user_info"]["orcid"] == server.admin_orcid
    assert admin.get_user(server.user_orcid)["first_name"] == "Uma"
    with pytest.raises(PermissionDeniedError):
        user.get_user(server.user_orcid)
    assert admin.get_user_by_email("uma.user@example.org")["orcid"] == server.user_orcid
    assert admin.get_user_by_email("aadmin@lbl.example.org")["orcid"] == server.admin_orcid
    with pytest.raises(NotFoundError):
        admin.get_user_by_email("nobody@example.org")
    with pytest.raises(NotFoundError):
        admin.get_user("0000-0009-9999-9999")
    info = {"orcid": "0000-0004-0000-0001", "first_name": "Nia", "email": "nia@example.org"}
    added = admin.add_user(info, ["LOCAL-DEMO"])
    assert added["first_name"] == "Nia"
    assert admin.add_user({**info, "last_name": "Ng"})["last_name"] == "Ng"  # an upsert
    assert admin.get_or_add_user("0000-0004-0000-0001")["email"] == "nia@example.org"
    fetched: list[str] = []

    def lookup(orcid: str) -> dict[str, str]:
        fetched.append(orcid)
        return {"first_name": "Oz", "last_name": "Odd"}

    made = admin.get_or_add_user("0000-0004-0000-0002", lookup, project_ids=["LOCAL-DEMO"])
    assert (made["first_name"], fetched) == ("Oz", ["0000-0004-0000-0002"])
    assert server.user_orcid != made["orcid"]


def test_access_groups(server: LocalCrucible, admin: CrucibleClient, user: CrucibleClient) -> None:
    dsid = user.create_dataset(dataset_name="shared", project_id="LOCAL-DEMO")["unique_id"]
    orcid = "0000-0005-0000-0001"
    admin.add_user({"orcid": orcid, "first_name": "Gus"})
    assert admin.add_user_to_access_group(orcid, "team-x")["group_name"] == "team-x"
    assert dsid not in admin.get_user_datasets(orcid)
    grant = user.add_dataset_access_group(dsid, "team-x", read=True, write=False)
    assert (grant["group_name"], grant["read"], grant["write"]) == ("team-x", True, False)
    assert "team-x" in admin.get_dataset_access_groups(dsid)
    with pytest.raises(PermissionDeniedError):
        user.get_dataset_access_groups(dsid)
    assert "team-x" in admin.get_user_access_groups(orcid)
    assert dsid in admin.get_user_datasets(orcid)
    access = admin.get_user_dataset_access(orcid, dsid)
    assert (access["read"], access["write"]) == (True, False)
    admin.remove_user_from_access_group(orcid, "team-x")
    assert "team-x" not in admin.get_user_access_groups(orcid)
    assert dsid not in admin.get_user_datasets(orcid)
    mine = user.get_user_access_groups(server.user_orcid)
    assert "LOCAL-DEMO" in mine
    assert dsid in user.get_user_datasets(server.user_orcid)
    assert user.get_user_dataset_access(server.user_orcid, dsid)["write"] is True
