"""Grants, visibility, owner and project changes, and the seed-era access functions on API v3."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest

from pycrucible import (
    CrucibleClient,
    NotFoundError,
    PermissionDeniedError,
    UnsupportedByServerError,
)
from pycrucible.testing import LocalCrucible

DEMO = "LOCAL-DEMO"


def fresh_orcid() -> str:
    """An ORCID no other test of the shared server uses."""
    return f"0000-0009-{secrets.randbelow(10_000):04d}-{secrets.randbelow(10_000):04d}"


@pytest.fixture(scope="module")
def admin(
    server: LocalCrucible, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[CrucibleClient]:
    state: Path = tmp_path_factory.mktemp("access-admin")
    with CrucibleClient(
        server.url_v3, server.admin_key, api_version="v3", state_dir=state
    ) as client:
        yield client


@pytest.fixture(scope="module")
def other(
    server: LocalCrucible, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, CrucibleClient]]:
    """A second normal user: their ORCID and client."""
    orcid = fresh_orcid()
    key = server.add_user(orcid, first_name="Otto", last_name="Other")
    state: Path = tmp_path_factory.mktemp("access-other")
    with CrucibleClient(server.url_v3, key, api_version="v3", state_dir=state) as client:
        yield orcid, client


def test_grant_lets_a_user_read_and_revoke_takes_it_back(
    user: CrucibleClient, other: tuple[str, CrucibleClient], dataset: str
) -> None:
    orcid, them = other
    with pytest.raises(PermissionDeniedError):
        them.get_dataset(dataset)
    grant = user.v3.access.grant(dataset, orcid, "viewer")
    assert (grant.principal_id, grant.permission) == (orcid, "viewer")
    grants = {g.principal_id: g.permission for g in user.v3.access.list(dataset)}
    assert grants[orcid] == "viewer"
    assert grants[user.v3.access.list(dataset)[0].principal_id] == "owner"
    assert them.get_dataset(dataset).unique_id == dataset

    user.v3.access.revoke(dataset, orcid)
    assert orcid not in {g.principal_id for g in user.v3.access.list(dataset)}
    with pytest.raises(PermissionDeniedError):
        them.get_dataset(dataset)


def test_granting_again_changes_the_role(
    user: CrucibleClient, other: tuple[str, CrucibleClient], dataset: str
) -> None:
    orcid, _ = other
    user.v3.access.grant(dataset, orcid, "viewer")
    user.v3.access.grant(dataset, orcid, "editor")
    roles = [g.permission for g in user.v3.access.list(dataset) if g.principal_id == orcid]
    assert roles == ["editor"]


def test_a_project_can_be_granted(user: CrucibleClient, dataset: str) -> None:
    grant = user.v3.access.grant(dataset, DEMO, "contributor", kind="project")
    assert grant.principal_type == "project"
    assert grant.slug == DEMO
    user.v3.access.revoke(dataset, DEMO, kind="project")
    assert all(g.principal_type != "project" for g in user.v3.access.list(dataset))


def test_bad_grants_fail_before_the_network(user: CrucibleClient, dataset: str) -> None:
    with pytest.raises(ValueError, match="transfer_ownership"):
        user.v3.access.grant(dataset, "someone", "owner")
    with pytest.raises(ValueError, match="viewer, contributor, editor, admin"):
        user.v3.access.grant(dataset, "someone", "reader")
    with pytest.raises(ValueError, match="kind"):
        user.v3.access.grant(dataset, "someone", "viewer", kind="team")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="mfid"):
        user.v3.access.list("../datasets")
    assert [g.permission for g in user.v3.access.list(dataset)] == ["owner"]


def test_a_grant_as_high_as_your_own_is_refused(
    user: CrucibleClient, other: tuple[str, CrucibleClient], dataset: str
) -> None:
    orcid, them = other
    user.v3.access.grant(dataset, orcid, "admin")
    with pytest.raises(PermissionDeniedError):
        them.v3.access.grant(dataset, orcid, "admin")


def test_public_and_private(
    user: CrucibleClient, other: tuple[str, CrucibleClient], dataset: str
) -> None:
    _, them = other
    public = user.v3.access.make_public(dataset)
    assert (public.principal_type, public.permission) == ("public", "viewer")
    assert them.get_dataset(dataset).unique_id == dataset
    assert "public" in {g.principal_type for g in user.v3.access.list(dataset)}

    user.v3.access.make_private(dataset)
    assert "public" not in {g.principal_type for g in user.v3.access.list(dataset)}
    with pytest.raises(PermissionDeniedError):
        them.get_dataset(dataset)


def test_ownership_transfer_previews_then_confirms(
    user: CrucibleClient, other: tuple[str, CrucibleClient], server: LocalCrucible
) -> None:
    orcid, them = other
    ds = user.v3.create_dataset(dataset_name="handed over").unique_id

    preview = user.v3.access.transfer_ownership(ds, orcid)
    assert preview.new_owner.unique_id == orcid
    assert preview.previous_owner is not None
    assert preview.previous_owner.unique_id == server.user_orcid
    assert user.v3.access.list(ds)[0].principal_id == server.user_orcid  # nothing changed
    with pytest.raises(PermissionDeniedError):
        them.get_dataset(ds)

    done = user.v3.access.transfer_ownership(ds, orcid, confirm=True)
    assert done.new_owner.unique_id == orcid
    assert them.v3.access.list(ds)[0].principal_id == orcid
    assert them.get_dataset(ds).unique_id == ds
    with pytest.raises(PermissionDeniedError):  # the previous owner has no grant left
        user.get_dataset(ds)


def test_project_reassignment_previews_then_confirms(user: CrucibleClient, dataset: str) -> None:
    before = user.v3.datasets.get(dataset).to_dict().get("project_id")
    assert before != DEMO
    preview = user.v3.access.reassign_project(dataset, DEMO)
    assert preview.new_project_id == DEMO
    assert user.v3.datasets.get(dataset).to_dict().get("project_id") == before

    done = user.v3.access.reassign_project(dataset, DEMO, confirm=True)
    assert done.new_project_id == DEMO
    assert user.v3.datasets.get(dataset).to_dict().get("project_id") == DEMO

    # The project by its MFID works as well as by its slug.
    project_mfid = done.new_project_mfid
    assert isinstance(project_mfid, str)
    again = user.v3.access.reassign_project(dataset, project_mfid)
    assert (again.previous_project_id, again.new_project_id) == (DEMO, DEMO)


def test_transfer_of_someone_elses_record_is_refused(
    user: CrucibleClient, other: tuple[str, CrucibleClient], dataset: str
) -> None:
    orcid, them = other
    user.v3.access.grant(dataset, orcid, "editor")
    with pytest.raises(PermissionDeniedError):
        them.v3.access.transfer_ownership(dataset, orcid, confirm=True)
    assert user.v3.access.list(dataset)[0].permission == "owner"


# The seed-era functions, through the flat names of CrucibleClient


def test_seed_dataset_access_groups(
    user: CrucibleClient, admin: CrucibleClient, server: LocalCrucible, dataset: str
) -> None:
    assert user.get_dataset_access_groups(dataset) == [server.user_orcid]
    entry = admin.add_dataset_access_group(dataset, DEMO, read=True, write=True)
    assert entry["group_name"] == DEMO
    assert DEMO in user.get_dataset_access_groups(dataset)
    roles = {g.slug: g.permission for g in user.v3.access.list(dataset)}
    assert roles[DEMO] == "editor"  # write is the editor role


def test_seed_add_dataset_access_group_is_for_admins(user: CrucibleClient, dataset: str) -> None:
    with pytest.raises(PermissionDeniedError):
        user.add_dataset_access_group(dataset, DEMO)


def test_seed_user_access_groups_membership(
    user: CrucibleClient,
    admin: CrucibleClient,
    other: tuple[str, CrucibleClient],
    server: LocalCrucible,
) -> None:
    assert DEMO in user.get_user_access_groups(server.user_orcid)
    orcid, them = other
    assert DEMO not in them.get_user_access_groups(orcid)
    added = admin.add_user_to_access_group(orcid, DEMO)
    assert added["group_name"] == DEMO
    assert DEMO in them.get_user_access_groups(orcid)
    admin.remove_user_from_access_group(orcid, DEMO)
    assert DEMO not in them.get_user_access_groups(orcid)


def test_seed_membership_changes_are_for_admins(
    user: CrucibleClient, other: tuple[str, CrucibleClient]
) -> None:
    orcid, them = other
    with pytest.raises(PermissionDeniedError):
        user.add_user_to_access_group(orcid, DEMO)
    assert DEMO not in them.get_user_access_groups(orcid)


def test_seed_user_dataset_access_reads_like_the_seed_answer(
    user: CrucibleClient,
    admin: CrucibleClient,
    other: tuple[str, CrucibleClient],
    server: LocalCrucible,
    dataset: str,
) -> None:
    mine = user.get_user_dataset_access(server.user_orcid, dataset)
    assert mine.effective_access == "owner"
    assert (mine["read"], mine["write"]) == (True, True)
    orcid, _ = other
    user.v3.access.grant(dataset, orcid, "viewer")
    theirs = admin.get_user_dataset_access(orcid, dataset)
    assert theirs["effective_access"] == "viewer"
    assert (theirs["read"], theirs["write"]) == (True, False)
    user.v3.access.revoke(dataset, orcid)
    none = admin.get_user_dataset_access(orcid, dataset)
    assert (none.effective_access, none["read"], none["write"]) == ("none", False, False)


def test_seed_get_user_datasets_is_gone_on_v3(user: CrucibleClient, server: LocalCrucible) -> None:
    with pytest.raises(UnsupportedByServerError, match="list_datasets"):
        user.get_user_datasets(server.user_orcid)


def test_granting_to_an_unknown_user_is_not_found(user: CrucibleClient, dataset: str) -> None:
    with pytest.raises(NotFoundError):
        user.v3.access.grant(dataset, "nobody-by-this-name", "viewer")
    assert [g.permission for g in user.v3.access.list(dataset)] == ["owner"]
