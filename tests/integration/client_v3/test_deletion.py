"""The deletion workflow on API v3 (request, review, hard delete, audit) and privilege mode."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from pycrucible import (
    ConflictError,
    CrucibleClient,
    NotFoundError,
    PermissionDeniedError,
    UnprocessableEntityError,
)
from pycrucible.testing import LocalCrucible


@pytest.fixture(scope="module")
def admin(
    server: LocalCrucible, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[CrucibleClient]:
    """The platform admin, with no privilege mode named (the server's default: elevated)."""
    state: Path = tmp_path_factory.mktemp("deletion-admin")
    with CrucibleClient(
        server.url_v3, server.admin_key, api_version="v3", state_dir=state
    ) as client:
        yield client


@pytest.fixture(scope="module")
def normal_admin(
    server: LocalCrucible, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[CrucibleClient]:
    """The platform admin with `privilege_mode="normal"` for the whole client."""
    state: Path = tmp_path_factory.mktemp("deletion-normal-admin")
    with CrucibleClient(
        server.url_v3,
        server.admin_key,
        api_version="v3",
        state_dir=state,
        privilege_mode="normal",
    ) as client:
        yield client


def listed(client: CrucibleClient, dsid: str) -> bool:
    return dsid in {ds.unique_id for ds in client.v3.datasets.list()}


def test_request_approve_delete_and_audit(
    user: CrucibleClient, admin: CrucibleClient, dataset: str
) -> None:
    asked = user.v3.deletion.request(dataset, reason="a duplicate")
    assert (asked.status, asked.resource_id, asked.reason) == ("pending", dataset, "a duplicate")
    assert not listed(user, dataset)  # hidden from lists at once
    assert asked.id in [r.id for r in user.v3.deletion.list(scope="submitted")]
    reviewable = admin.v3.deletion.list(scope="reviewable", status="pending")
    assert asked.id in [r.id for r in reviewable]
    assert admin.v3.deletion.get(asked.id).reason == "a duplicate"

    approved = admin.v3.deletion.review(asked.id, "approve", notes="agreed")
    assert (approved.status, approved.reviewer_notes) == ("approved", "agreed")
    done = admin.v3.deletion.delete(dataset)
    assert "permanently deleted" in str(done.detail)
    with pytest.raises(NotFoundError):
        admin.get_dataset(dataset)

    entries = admin.v3.deletion.audit(resource_id=dataset).to_list()
    assert [(e.resource_id, e.reason, e.reviewer_notes) for e in entries] == [
        (dataset, "a duplicate", "agreed")
    ]
    assert entries[0].deleted_at is not None
    assert admin.v3.deletion.audit_entry(entries[0].id).resource_id == dataset
    assert dataset in [e.resource_id for e in user.v3.deletion.audit(scope="submitted")]


def test_rejection_brings_the_record_back(
    user: CrucibleClient, admin: CrucibleClient, dataset: str
) -> None:
    asked = user.v3.deletion.request(dataset)
    assert not listed(user, dataset)
    rejected = admin.v3.deletion.review(asked.id, "rejected", notes="still needed")
    assert rejected.status == "rejected"
    assert listed(user, dataset)
    with pytest.raises(ConflictError):  # no approved request
        admin.v3.deletion.delete(dataset)
    assert user.get_dataset(dataset).unique_id == dataset


def test_asking_again_returns_the_pending_request(
    user: CrucibleClient, admin: CrucibleClient, dataset: str
) -> None:
    asked = user.v3.deletion.request(dataset, reason="first")
    again = user.v3.deletion.request(dataset, reason="second")
    assert (again.id, again.reason) == (asked.id, "first")
    with pytest.raises(ConflictError):  # someone else's request is pending
        admin.v3.deletion.request(dataset)
    mine = [r.id for r in user.v3.deletion.list(scope="submitted") if r.resource_id == dataset]
    assert mine == [asked.id]


def test_a_lost_answer_to_a_deletion_request_makes_one_request(
    user: CrucibleClient, server: LocalCrucible, dataset: str
) -> None:
    rule = server.faults.add(
        "drop_after", times=1, method="POST", path_prefix=f"/api/v3/resources/{dataset}/delete"
    )
    try:
        asked = user.v3.deletion.request(dataset, reason="lost")
    finally:
        server.faults.clear()
    assert rule.consumed == 1
    assert (asked.status, asked.reason) == ("pending", "lost")
    mine = [r.id for r in user.v3.deletion.list(scope="submitted") if r.resource_id == dataset]
    assert mine == [asked.id]


def test_a_second_review_is_refused(
    user: CrucibleClient, admin: CrucibleClient, dataset: str
) -> None:
    asked = user.v3.deletion.request(dataset)
    admin.v3.deletion.review(asked.id, "rejected")
    with pytest.raises(UnprocessableEntityError):
        admin.v3.deletion.review(asked.id, "approved")
    assert admin.v3.deletion.get(asked.id).status == "rejected"


def test_force_deletes_without_a_request(
    user: CrucibleClient, admin: CrucibleClient, dataset: str
) -> None:
    with pytest.raises(ConflictError):
        admin.v3.deletion.delete(dataset)
    assert user.get_dataset(dataset).unique_id == dataset
    admin.v3.deletion.delete(dataset, force=True)
    with pytest.raises(NotFoundError):
        user.get_dataset(dataset)
    entry = admin.v3.deletion.audit(resource_id=dataset).to_list()[0]
    assert entry.reason is None  # no request behind a forced deletion


def test_users_may_not_review_or_delete(user: CrucibleClient, dataset: str) -> None:
    asked = user.v3.deletion.request(dataset)
    with pytest.raises(PermissionDeniedError):
        user.v3.deletion.review(asked.id, "approved")
    with pytest.raises(PermissionDeniedError):
        user.v3.deletion.get(asked.id)
    with pytest.raises(PermissionDeniedError):
        user.v3.deletion.delete(dataset, force=True)
    assert [r.status for r in user.v3.deletion.list(scope="submitted") if r.id == asked.id] == [
        "pending"
    ]


def test_request_lists_page_lazily(user: CrucibleClient) -> None:
    made = [
        user.v3.deletion.request(user.v3.create_dataset(dataset_name="to go").unique_id).id
        for _ in range(3)
    ]
    seen = [r.id for r in user.v3.deletion.list(scope="submitted", page_size=2)]
    assert len(seen) == len(set(seen))
    assert seen[:3] == sorted(made, reverse=True)  # newest first, across pages
    assert len(user.v3.deletion.list(scope="submitted", limit=2).to_list()) == 2
    oldest = user.v3.deletion.list(scope="submitted", direction="asc", limit=1).to_list()
    assert oldest[0].id <= made[0]


def test_bad_arguments_fail_before_the_network(user: CrucibleClient) -> None:
    with pytest.raises(ValueError, match="scope"):
        user.v3.deletion.list(scope="mine")
    with pytest.raises(ValueError, match="page_size"):
        user.v3.deletion.list(page_size=0)
    with pytest.raises(ValueError, match="decision"):
        user.v3.deletion.review(1, "maybe")
    with pytest.raises(ValueError, match="request_id"):
        user.v3.deletion.get(-1)
    with pytest.raises(ValueError, match="direction"):
        user.v3.deletion.audit(direction="sideways")
    with pytest.raises(ValueError, match="mfid"):
        user.v3.deletion.request("a/b")


# Privilege mode: the header reaches the server and changes its answer


def test_an_admin_in_normal_mode_for_one_call_is_refused(
    user: CrucibleClient, admin: CrucibleClient, dataset: str
) -> None:
    asked = user.v3.deletion.request(dataset)
    with pytest.raises(PermissionDeniedError):
        admin.v3.deletion.get(asked.id, privilege_mode="normal")
    assert admin.v3.deletion.get(asked.id).id == asked.id
    assert admin.v3.deletion.get(asked.id, privilege_mode="elevated").id == asked.id


def test_a_client_wide_normal_mode_yields_to_a_per_call_elevation(
    user: CrucibleClient, normal_admin: CrucibleClient, dataset: str
) -> None:
    asked = user.v3.deletion.request(dataset)
    with pytest.raises(PermissionDeniedError):
        normal_admin.v3.deletion.list(scope="reviewable").to_list()
    with pytest.raises(PermissionDeniedError):
        normal_admin.v3.deletion.delete(dataset, force=True)
    # The lazy list keeps the per-call mode for the pages it fetches later.
    pages = normal_admin.v3.deletion.list(
        scope="reviewable", page_size=1, privilege_mode="elevated"
    )
    assert asked.id in [r.id for r in pages]
    normal_admin.v3.deletion.delete(dataset, force=True, privilege_mode="elevated")
    with pytest.raises(NotFoundError):
        user.get_dataset(dataset)


def test_a_user_asking_for_elevation_is_refused(user: CrucibleClient, dataset: str) -> None:
    with pytest.raises(PermissionDeniedError, match="elevated"):
        user.v3.datasets.get(dataset, privilege_mode="elevated")
    assert user.v3.datasets.get(dataset, privilege_mode="normal").unique_id == dataset


def test_a_lost_answer_to_a_hard_delete_still_counts_as_done(
    user: CrucibleClient, admin: CrucibleClient, server: LocalCrucible, dataset: str
) -> None:
    rule = server.faults.add(
        "drop_after", times=1, method="DELETE", path_prefix=f"/api/v3/resources/{dataset}"
    )
    try:
        done = admin.v3.deletion.delete(dataset, force=True)
    finally:
        server.faults.clear()
    assert rule.consumed == 1  # the first answer was lost; the retry found the record gone
    assert "permanently deleted" in str(done.detail)
    with pytest.raises(NotFoundError):
        user.get_dataset(dataset)
    with pytest.raises(NotFoundError):  # an unknown record is still an error
        admin.v3.deletion.delete(dataset, force=True)
