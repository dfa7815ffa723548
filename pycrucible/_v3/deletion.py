"""`client.v3.deletion`: the deletion workflow on API v3, from request to audit.

1. Anyone who may edit a record asks for its deletion (`request`); it leaves every list at once.
2. A platform admin approves or rejects the request (`review`); a rejected record comes back.
3. A platform admin deletes the record for good (`delete`): it needs an approved request unless
   `force=True`. An audit entry, written before the record goes, stays (`audit`).

The review and admin calls need platform-admin authority: an admin's key has it by default,
but not with `privilege_mode="normal"` (client-wide or for the call).
"""

from __future__ import annotations

from typing import Unpack

from crucible_openapi.v3.api.deletion import (
    delete_resource,
    get_deletion_audit_log,
    get_deletion_request,
    list_deletion_audit_logs,
    list_deletion_requests,
    request_resource_deletion,
    review_deletion_request,
)
from crucible_openapi.v3.models import (
    ActionResult,
    DeletionAuditLog,
    DeletionAuditLogOffsetPage,
    DeletionRequest,
    DeletionRequestOffsetPage,
    ReviewDecision,
    SortDirection,
)
from crucible_openapi.v3.types import UNSET, Unset

from pycrucible._checks import check_id, check_text
from pycrucible._http import invoke, invoke_idempotent, parse_one
from pycrucible._records import as_record
from pycrucible._redact import get_logger
from pycrucible._transport import attempts
from pycrucible._v3._base import CallKwargs, V3Resource, per_call
from pycrucible._v3._workflow import (
    PAGE_SIZE,
    action_result,
    check_choice,
    check_decision,
    check_number,
    offset_pages,
)
from pycrucible._v3.pages import OffsetPages
from pycrucible.errors import ConflictError, NotFoundError

__all__ = ["Deletion"]

log = get_logger("client")

SCOPES = ("accessible", "submitted", "reviewable")
AUDIT_SCOPES = ("all", "submitted")
STATUSES = ("pending", "approved", "rejected")
SORTS = ("request_time", "resource_name", "project_id", "requester_name", "status")


def _id(value: str | None, what: str) -> str | Unset:
    return UNSET if value is None else check_id(value, what)


def _choice(value: str | None, what: str, choices: tuple[str, ...]) -> str | Unset:
    return UNSET if value is None else check_choice(value, what, choices)


def _direction(direction: str | None) -> SortDirection | Unset:
    if direction is None:
        return UNSET
    return SortDirection(check_choice(direction, "direction", ("asc", "desc")))


class Deletion(V3Resource):
    """`client.v3.deletion`: deletion requests, their review, hard deletion and the audit."""

    @per_call
    def request(
        self, mfid: str, reason: str | None = None, **options: Unpack[CallKwargs]
    ) -> DeletionRequest:
        """Asks for a record's deletion; the record leaves every list at once.

        Args:
            mfid: The record's MFID (dataset or sample; you need `editor` on it).
            reason: Why, for the reviewers.
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=`.

        Returns:
            The request (`status` "pending"; its `id` for `get` and `review`). Asking again
            while your request is pending (a retry after a lost answer, or a re-run) returns
            that request; nothing is duplicated.

        Raises:
            ValueError: A bad argument (before any request).
            ConflictError: Someone else's deletion request for the record is pending.
            PermissionDeniedError: You may not edit the record.
        """
        record = check_id(mfid, "mfid")
        why = check_text(reason, "reason") if reason is not None else UNSET
        try:
            response = invoke_idempotent(
                request_resource_deletion.sync_detailed, record, client=self._api, reason=why
            )
        except ConflictError:
            # A retry after a lost answer, or a re-run: your pending request is the answer.
            mine = self._pending_request_of(record)
            if mine is None:
                raise
            log.info("deletion of %s was requested already (request %s)", record, mine.id)
            return mine
        made = parse_one(response, DeletionRequest, f"deletion request for {record}")
        log.info("asked to delete %s (request %s)", record, made.id)
        return made

    def _pending_request_of(self, mfid: str) -> DeletionRequest | None:
        """Your pending deletion request for a record, if any."""
        for request in self.list(scope="submitted", status="pending", page_size=1000):
            if request.resource_id == mfid:
                return request
        return None

    @per_call
    def list(
        self,
        scope: str | None = None,
        status: str | None = None,
        limit: int | None = None,
        *,
        project_mfid: str | None = None,
        sort: str | None = None,
        direction: str | None = None,
        page_size: int = PAGE_SIZE,
        **options: Unpack[CallKwargs],
    ) -> OffsetPages[DeletionRequest]:
        """Deletion requests, newest first.

        Args:
            scope: `"submitted"` (yours), `"accessible"` (the server's default: yours, or
                every request for an admin) or `"reviewable"` (pending ones an admin may
                review; elevated admins only).
            status: Only `"pending"`, `"approved"` or `"rejected"` ones.
            limit: Stop after this many (None: all of them).
            project_mfid: Only requests for records of this project.
            sort: `request_time`, `resource_name`, `project_id`, `requester_name` or `status`.
            direction: `"asc"` or `"desc"`.
            page_size: Requests per page (1 to 1000).
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=` (they apply
                to every page).

        Raises:
            ValueError: A bad argument (before any request).
            PermissionDeniedError: `scope="reviewable"` without platform-admin authority.
        """
        query = {
            "scope": _choice(scope, "scope", SCOPES),
            "status": _choice(status, "status", STATUSES),
            "project_mfid": _id(project_mfid, "project_mfid"),
            "sort": _choice(sort, "sort", SORTS),
        }
        order = _direction(direction)
        return offset_pages(
            lambda size, offset: invoke(
                list_deletion_requests.sync_detailed,
                client=self._api,
                status=query["status"],
                scope=query["scope"],
                project_mfid=query["project_mfid"],
                sort=query["sort"],
                direction=order,
                limit=size,
                offset=offset,
            ),
            DeletionRequestOffsetPage,
            "deletion requests",
            page_size=page_size,
            limit=limit,
        )

    @per_call
    def get(self, request_id: int, **options: Unpack[CallKwargs]) -> DeletionRequest:
        """One deletion request (platform admins).

        Args:
            request_id: The request's `id`.
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=`.

        Raises:
            NotFoundError: No such request.
            PermissionDeniedError: Without platform-admin authority.
        """
        number = check_number(request_id, "request_id")
        response = invoke(get_deletion_request.sync_detailed, number, client=self._api)
        return parse_one(response, DeletionRequest, f"deletion request {number}")

    @per_call
    def review(
        self,
        request_id: int,
        decision: str | ReviewDecision,
        notes: str | None = None,
        **options: Unpack[CallKwargs],
    ) -> DeletionRequest:
        """Approves (the record stays hidden, ready for `delete`) or rejects (it comes back) a
        pending deletion request (platform admins).

        Args:
            request_id: The request's `id`.
            decision: `"approved"` (or `"approve"`) or `"rejected"` (or `"reject"`, `"deny"`).
            notes: Notes for the requester.
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=`.

        Raises:
            ValueError: A bad argument (before any request).
            PermissionDeniedError: Without platform-admin authority.
            UnprocessableEntityError: The request was reviewed already.
        """
        number = check_number(request_id, "request_id")
        verdict = check_decision(decision)
        response = invoke(
            review_deletion_request.sync_detailed,
            number,
            client=self._api,
            status=verdict,
            reviewer_notes=check_text(notes, "notes") if notes else UNSET,
        )
        reviewed = parse_one(response, DeletionRequest, f"deletion request {number}")
        log.info("deletion request %s: %s", number, reviewed.status)
        return reviewed

    @per_call
    def delete(self, mfid: str, force: bool = False, **options: Unpack[CallKwargs]) -> ActionResult:
        """Deletes a record for good, with its links, grants and metadata (platform admins).

        Args:
            mfid: The record's MFID.
            force: Delete even without an approved deletion request.
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=`.

        Returns:
            The server's confirmation (`detail`). A retry after a lost answer that finds the
            record gone counts as done.

        Raises:
            ConflictError: No approved deletion request, and not `force`.
            NotFoundError: No such record.
            PermissionDeniedError: Without platform-admin authority.
        """
        record = check_id(mfid, "mfid")
        try:
            response = invoke(
                delete_resource.sync_detailed, record, client=self._api, force=bool(force)
            )
        except NotFoundError as exc:
            if attempts(exc.response) < 2:
                raise
            # A retry after a lost answer finds the record gone: the first attempt deleted it.
            log.info("deleted %s for good (the retry found it gone)", record)
            return as_record(ActionResult(detail=f"Resource {record} permanently deleted"))
        log.info("deleted %s for good%s", record, " (forced)" if force else "")
        return action_result(response, f"deletion of {record}")

    # The audit

    @per_call
    def audit(
        self,
        resource_id: str | None = None,
        limit: int | None = None,
        *,
        scope: str | None = None,
        requester_id: str | None = None,
        reviewer_id: str | None = None,
        project_id: str | None = None,
        project_mfid: str | None = None,
        direction: str | None = None,
        page_size: int = PAGE_SIZE,
        **options: Unpack[CallKwargs],
    ) -> OffsetPages[DeletionAuditLog]:
        """Audit entries of deleted records, newest deletion first.

        Admins see every entry; everyone else, or `scope="submitted"`, the entries of their
        own requests.

        Args:
            resource_id: Only this record's entries (its MFID).
            limit: Stop after this many (None: all of them).
            scope: `"all"` or `"submitted"`.
            requester_id: Only requests of this user (ORCID or MFID).
            reviewer_id: Only requests reviewed by this user.
            project_id: Only records of this project (slug).
            project_mfid: Only records of this project (MFID).
            direction: `"asc"` or `"desc"` (by deletion time).
            page_size: Entries per page (1 to 1000).
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=` (they apply
                to every page).

        Raises:
            ValueError: A bad argument (before any request).
        """
        query = {
            "resource_id": _id(resource_id, "resource_id"),
            "requester_id": _id(requester_id, "requester_id"),
            "reviewer_id": _id(reviewer_id, "reviewer_id"),
            "project_id": _id(project_id, "project_id"),
            "project_mfid": _id(project_mfid, "project_mfid"),
            "scope": _choice(scope, "scope", AUDIT_SCOPES),
        }
        order = _direction(direction)
        return offset_pages(
            lambda size, offset: invoke(
                list_deletion_audit_logs.sync_detailed,
                client=self._api,
                resource_id=query["resource_id"],
                requester_id=query["requester_id"],
                reviewer_id=query["reviewer_id"],
                project_id=query["project_id"],
                project_mfid=query["project_mfid"],
                scope=query["scope"],
                direction=order,
                limit=size,
                offset=offset,
            ),
            DeletionAuditLogOffsetPage,
            "deletion audit",
            page_size=page_size,
            limit=limit,
        )

    @per_call
    def audit_entry(self, audit_id: int, **options: Unpack[CallKwargs]) -> DeletionAuditLog:
        """One audit entry (platform admins).

        Args:
            audit_id: The entry's `id`.
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=`.

        Raises:
            NotFoundError: No such entry.
            PermissionDeniedError: Without platform-admin authority.
        """
        number = check_number(audit_id, "audit_id")
        response = invoke(get_deletion_audit_log.sync_detailed, number, client=self._api)
        return parse_one(response, DeletionAuditLog, f"deletion audit entry {number}")
