"""`client.v3.groups`: access groups, who belongs to them, and join requests on API v3.

An access group today is a project (named by its slug); every user also has a group of their
own (their id). Anyone may ask to join a group (`join`); the group's leads and platform admins
review the requests (`join_requests`, `review_join`); `my_join_requests` lists your own.
"""

from __future__ import annotations

import builtins
from typing import Unpack

from crucible_openapi.v3.api.access_groups import (
    join_access_group,
    list_join_requests,
    review_join_request,
)
from crucible_openapi.v3.api.account import list_account_join_requests
from crucible_openapi.v3.api.users import (
    add_user_access_group,
    list_user_access_groups,
    remove_user_access_group,
)
from crucible_openapi.v3.models import (
    AccessGroupInfo,
    ActionResult,
    JoinRequest,
    JoinRequestCreate,
    JoinRequestOffsetPage,
    JoinRequestReview,
    ReviewDecision,
)
from crucible_openapi.v3.types import UNSET

from pycrucible._checks import check_id, check_text
from pycrucible._http import invoke, invoke_idempotent, parse_list, parse_one
from pycrucible._redact import get_logger
from pycrucible._v3._base import CallKwargs, V3Resource, opt, per_call
from pycrucible._v3._workflow import (
    PAGE_SIZE,
    action_result,
    check_choice,
    check_decision,
    check_number,
    offset_pages,
)
from pycrucible._v3.pages import OffsetPages
from pycrucible.errors import ConflictError

__all__ = ["JOIN_STATUSES", "Groups"]

log = get_logger("client")

JOIN_STATUSES = ("pending", "approved", "rejected")


def _status(status: str | None) -> str | None:
    return None if status is None else check_choice(status, "status", JOIN_STATUSES)


class Groups(V3Resource):
    """`client.v3.groups`: group membership and join requests."""

    @per_call
    def join(
        self, group_name: str, reason: str | None = None, **options: Unpack[CallKwargs]
    ) -> JoinRequest:
        """Asks to join an access group (a project, by its slug).

        Args:
            group_name: The group (a project's slug).
            reason: Why, for the reviewers.
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=`.

        Returns:
            The request (`status` "pending", `id` for the reviewers). Asking again while your
            request is pending (a retry after a lost answer, or a re-run) returns that request.

        Raises:
            NotFoundError: No such group.
            ConflictError: Already a member.
        """
        group = check_id(group_name, "group_name")
        body = JoinRequestCreate(reason=check_text(reason, "reason") if reason else None)
        try:
            response = invoke_idempotent(
                join_access_group.sync_detailed, group, client=self._api, body=body
            )
        except ConflictError:
            # A retry after a lost answer, or a re-run: your pending request is the answer.
            mine = self._pending_request_for(group)
            if mine is None:
                raise
            log.info("a request to join %s is pending already (request %s)", group, mine.id)
            return mine
        request = parse_one(response, JoinRequest, f"join request for {group}")
        log.info("asked to join %s (request %s)", group, request.id)
        return request

    def _pending_request_for(self, group: str) -> JoinRequest | None:
        """Your pending request to join a group (named by its slug), if any."""
        for request in self.my_join_requests(status="pending", page_size=1000):
            if request.group_name == group:
                return request
        return None

    @per_call
    def join_requests(
        self,
        group_name: str | None = None,
        status: str | None = None,
        requester_id: str | None = None,
        limit: int | None = None,
        *,
        page_size: int = PAGE_SIZE,
        **options: Unpack[CallKwargs],
    ) -> OffsetPages[JoinRequest]:
        """Join requests to review, most recent first (a group's leads, or platform admins).

        Args:
            group_name: Only this group's (leads must name their group).
            status: Only `"pending"`, `"approved"` or `"rejected"` ones.
            requester_id: Only this user's (ORCID or MFID).
            limit: Stop after this many (None: all of them).
            page_size: Requests per page (1 to 1000).
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=` (they apply
                to every page).

        Raises:
            ValueError: A bad argument (before any request).
            PermissionDeniedError: Neither a lead of the group nor an elevated admin.
        """
        group = opt(check_id(group_name, "group_name") if group_name is not None else None)
        wanted = opt(_status(status))
        requester = opt(check_id(requester_id, "requester_id") if requester_id else None)
        return offset_pages(
            lambda size, offset: invoke(
                list_join_requests.sync_detailed,
                client=self._api,
                group_name=group,
                status=wanted,
                requester_id=requester,
                limit=size,
                offset=offset,
            ),
            JoinRequestOffsetPage,
            "join requests",
            page_size=page_size,
            limit=limit,
        )

    @per_call
    def review_join(
        self,
        request_id: int,
        decision: str | ReviewDecision,
        notes: str | None = None,
        **options: Unpack[CallKwargs],
    ) -> JoinRequest:
        """Approves (the requester becomes a member) or rejects a pending join request.

        Args:
            request_id: The request's `id`.
            decision: `"approved"` (or `"approve"`) or `"rejected"` (or `"reject"`, `"deny"`).
            notes: Notes for the requester.
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=`.

        Raises:
            ValueError: A bad argument (before any request).
            ConflictError: The request was reviewed already.
            PermissionDeniedError: Neither a lead of the group nor an elevated admin.
        """
        number = check_number(request_id, "request_id")
        body = JoinRequestReview(
            status=check_decision(decision),
            reviewer_notes=check_text(notes, "notes") if notes else UNSET,
        )
        response = invoke(review_join_request.sync_detailed, number, client=self._api, body=body)
        reviewed = parse_one(response, JoinRequest, f"join request {number}")
        log.info("join request %s: %s", number, reviewed.status)
        return reviewed

    @per_call
    def my_join_requests(
        self,
        status: str | None = None,
        limit: int | None = None,
        *,
        page_size: int = PAGE_SIZE,
        **options: Unpack[CallKwargs],
    ) -> OffsetPages[JoinRequest]:
        """Your own join requests, most recent first.

        Args:
            status: Only `"pending"`, `"approved"` or `"rejected"` ones.
            limit: Stop after this many (None: all of them).
            page_size: Requests per page (1 to 1000).
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=` (they apply
                to every page).
        """
        wanted = opt(_status(status))
        return offset_pages(
            lambda size, offset: invoke(
                list_account_join_requests.sync_detailed,
                client=self._api,
                status=wanted,
                limit=size,
                offset=offset,
            ),
            JoinRequestOffsetPage,
            "your join requests",
            page_size=page_size,
            limit=limit,
        )

    # Membership (the seed era's calls)

    @per_call
    def of_user(self, orcid: str, **options: Unpack[CallKwargs]) -> builtins.list[str]:
        """Names of a user's access groups: their own id, project slugs, instrument groups.

        Args:
            orcid: The user (ORCID or MFID); yours, or anyone's for elevated admins.
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=`.
        """
        user = check_id(orcid, "orcid")
        response = invoke(list_user_access_groups.sync_detailed, user, client=self._api)
        return parse_list(response, str, f"access groups of {user}")

    @per_call
    def add_member(
        self, orcid: str, group_name: str, **options: Unpack[CallKwargs]
    ) -> AccessGroupInfo:
        """Adds a user to a project's group (platform admins; adding twice is harmless).

        Args:
            orcid: The user (ORCID or MFID).
            group_name: The group (a project's slug).
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=`.

        Raises:
            NotFoundError: No such user or group.
            PermissionDeniedError: Not a platform administrator in elevated mode.
        """
        user = check_id(orcid, "orcid")
        group = check_id(group_name, "group_name")
        response = invoke_idempotent(
            add_user_access_group.sync_detailed, user, group, client=self._api
        )
        return parse_one(response, AccessGroupInfo, f"group {group}")

    @per_call
    def remove_member(
        self, orcid: str, group_name: str, **options: Unpack[CallKwargs]
    ) -> ActionResult:
        """Removes a user from a project's group (platform admins).

        Args:
            orcid: The user (ORCID or MFID).
            group_name: The group (a project's slug).
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=`.

        Raises:
            NotFoundError: No such user or group.
            PermissionDeniedError: Not a platform administrator in elevated mode.
        """
        user = check_id(orcid, "orcid")
        group = check_id(group_name, "group_name")
        response = invoke(remove_user_access_group.sync_detailed, user, group, client=self._api)
        return action_result(response, f"removal of {user} from {group}")
