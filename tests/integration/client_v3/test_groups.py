"""Access-group join requests on API v3: asking, reviewing, and one's own requests."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from pycrucible import (
    ConflictError,
    CrucibleClient,
    NotFoundError,
    PermissionDeniedError,
)
from pycrucible.testing import LocalCrucible


@pytest.fixture(scope="module")
def admin(
    server: LocalCrucible, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[CrucibleClient]:
    state: Path = tmp_path_factory.mktemp("groups-admin")
    with CrucibleClient(
        server.url_v3, server.admin_key, api_version="v3", state_dir=state
    ) as client:
        yield client


@pytest.fixture
def joiner(
    server: LocalCrucible, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, CrucibleClient]]:
    """A new user in no project: their ORCID and client."""
    orcid = f"0000-0008-{secrets.randbelow(10_000):04d}-{secrets.randbelow(10_000):04d}"
    key = server.add_user(orcid, first_name="Jo", last_name="Joiner")
    state: Path = tmp_path_factory.mktemp("groups-joiner")
    with CrucibleClient(server.url_v3, key, api_version="v3", state_dir=state) as client:
        yield orcid, client


@pytest.fixture
def group(server: LocalCrucible) -> str:
    """A new project led by the admin; its slug (the group's name)."""
    slug = f"JOIN-{secrets.token_hex(4)}"
    response = httpx.post(
        f"{server.url_v3}/projects",
        json={
            "project_id": slug,
            "organization": "Molecular Foundry",
            "project_lead_orcid": server.admin_orcid,
        },
        headers={"Authorization": f"Bearer {server.admin_key}"},
    )
    assert response.status_code == 200, response.text
    return slug


def test_join_then_approval_makes_a_member(
    admin: CrucibleClient, joiner: tuple[str, CrucibleClient], group: str
) -> None:
    orcid, them = joiner
    asked = them.v3.groups.join(group, reason="I run the beamline")
    assert (asked.status, asked.group_name, asked.requester_id) == ("pending", group, orcid)
    mine = them.v3.groups.my_join_requests().to_list()
    assert [r.id for r in mine] == [asked.id]
    assert them.v3.groups.my_join_requests(status="approved").to_list() == []

    waiting = admin.v3.groups.join_requests(group_name=group, status="pending").to_list()
    assert [(r.id, r.reason) for r in waiting] == [(asked.id, "I run the beamline")]
    assert group not in them.v3.groups.of_user(orcid)

    reviewed = admin.v3.groups.review_join(asked.id, "approve", notes="welcome")
    assert (reviewed.status, reviewed.reviewer_notes) == ("approved", "welcome")
    assert group in them.get_user_access_groups(orcid)
    assert [r.status for r in them.v3.groups.my_join_requests()] == ["approved"]
    with pytest.raises(ConflictError):
        admin.v3.groups.review_join(asked.id, "rejected")


def test_rejection_leaves_the_group_closed(
    admin: CrucibleClient, joiner: tuple[str, CrucibleClient], group: str
) -> None:
    orcid, them = joiner
    asked = them.v3.groups.join(group)
    reviewed = admin.v3.groups.review_join(asked.id, "deny")
    assert reviewed.status == "rejected"
    assert group not in them.v3.groups.of_user(orcid)
    assert [r.status for r in them.v3.groups.my_join_requests(status="rejected")] == ["rejected"]


def test_asking_twice_returns_the_pending_request(
    joiner: tuple[str, CrucibleClient], group: str
) -> None:
    _, them = joiner
    first = them.v3.groups.join(group)
    assert them.v3.groups.join(group).id == first.id
    with pytest.raises(NotFoundError):
        them.v3.groups.join("NO-SUCH-GROUP")
    assert len(them.v3.groups.my_join_requests().to_list()) == 1


def test_a_lost_answer_to_a_join_request_makes_one_request(
    joiner: tuple[str, CrucibleClient], group: str, server: LocalCrucible
) -> None:
    _, them = joiner
    rule = server.faults.add(
        "drop_after", times=1, method="POST", path_prefix=f"/api/v3/access_groups/{group}/join"
    )
    try:
        asked = them.v3.groups.join(group, reason="lost")
    finally:
        server.faults.clear()
    assert rule.consumed == 1
    assert [(r.id, r.reason) for r in them.v3.groups.my_join_requests()] == [(asked.id, "lost")]


def test_members_may_not_ask_to_join(
    admin: CrucibleClient, joiner: tuple[str, CrucibleClient], group: str
) -> None:
    _, them = joiner
    asked = them.v3.groups.join(group)
    admin.v3.groups.review_join(asked.id, "approved")
    with pytest.raises(ConflictError):
        them.v3.groups.join(group)
    assert [r.status for r in them.v3.groups.my_join_requests()] == ["approved"]


def test_only_leads_and_admins_see_and_review_requests(
    user: CrucibleClient, joiner: tuple[str, CrucibleClient], group: str
) -> None:
    _, them = joiner
    asked = them.v3.groups.join(group)
    with pytest.raises(PermissionDeniedError):
        user.v3.groups.join_requests(group_name=group).to_list()
    with pytest.raises(PermissionDeniedError):
        user.v3.groups.review_join(asked.id, "approved")
    assert them.v3.groups.my_join_requests(status="pending").count() == 1


def test_join_request_pages_and_bad_arguments(
    admin: CrucibleClient, server: LocalCrucible, group: str, tmp_path: Path
) -> None:
    made = []
    for _ in range(3):
        key = server.add_user(
            f"0000-0008-{secrets.randbelow(10_000):04d}-{secrets.randbelow(10_000):04d}"
        )
        with CrucibleClient(server.url_v3, key, api_version="v3", state_dir=tmp_path) as asker:
            made.append(asker.v3.groups.join(group).id)
    listed = [r.id for r in admin.v3.groups.join_requests(group_name=group, page_size=2)]
    assert listed == sorted(made, reverse=True)  # most recent first, across pages
    assert len(admin.v3.groups.join_requests(group_name=group, limit=2).to_list()) == 2
    with pytest.raises(ValueError, match="status"):
        admin.v3.groups.join_requests(status="open")
    with pytest.raises(ValueError, match="decision"):
        admin.v3.groups.review_join(made[0], "maybe")
    with pytest.raises(ValueError, match="request_id"):
        admin.v3.groups.review_join("first", "approved")  # type: ignore[arg-type]
    assert admin.v3.groups.join_requests(group_name=group, status="pending").count() == 3
