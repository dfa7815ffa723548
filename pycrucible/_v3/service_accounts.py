"""`client.v3.service_accounts`: accounts for instruments and pipelines (platform admins).

A service account's API key is shown once, by `create` and `rotate_key`: keep it then. The
client registers every key it receives with its redaction before anything else reads the
answer, so no log line, record `repr` or exception message of this process shows it
(`key.api_key` and `key["api_key"]` still give it to you).

These routes want platform-admin authority in elevated mode: the client sends
`Crucible-Privilege-Mode: elevated` for them whatever the client-wide mode; a per-call
`privilege_mode=` still wins.
"""

from __future__ import annotations

import json
from typing import Any, Unpack

from crucible_openapi.v3.api.service_accounts import (
    create_service_account,
    get_service_account,
    list_service_accounts,
    rotate_service_account_key,
    update_service_account,
)
from crucible_openapi.v3.api.users import revoke_user_apikey
from crucible_openapi.v3.models import (
    ActionResult,
    PrivilegeMode,
    ServiceAccount,
    ServiceAccountCreate,
    ServiceAccountKey,
    ServiceAccountOffsetPage,
    ServiceAccountUpdate,
)
from crucible_openapi.v3.types import UNSET, Response

from pycrucible._checks import check_text
from pycrucible._http import invoke, parse_one
from pycrucible._records import as_record
from pycrucible._redact import get_logger, register_secret
from pycrucible._v3._base import CallKwargs, V3Resource, per_call
from pycrucible._v3._workflow import (
    PAGE_SIZE,
    action_result,
    check_choice,
    check_mfid,
    offset_pages,
)
from pycrucible._v3.pages import OffsetPages
from pycrucible.errors import UnexpectedResponseError

__all__ = ["PLATFORM_ROLES", "ServiceAccounts"]

log = get_logger("client")

PLATFORM_ROLES = ("none", "contributor", "admin")
ELEVATED = PrivilegeMode.ELEVATED


def _key_of(response: Response[Any], what: str) -> ServiceAccountKey:
    """Registers the key of a create / rotate answer with the redaction, then parses it.

    The answer's bytes are never put in a message: they hold the key.
    """
    try:
        body = json.loads(response.content)
    except ValueError:
        body = None
    secret = body.get("api_key") if isinstance(body, dict) else None
    if isinstance(secret, str):
        register_secret(secret)
    parsed = response.parsed
    if not isinstance(parsed, ServiceAccountKey) or not parsed.api_key:
        raise UnexpectedResponseError(
            f"{what}: expected a service account key (the answer is not shown: it may hold one)"
        )
    return as_record(parsed)


def _check_username(username: str) -> str:
    name = check_text(username, "username").strip()
    if not 3 <= len(name) <= 24:
        raise ValueError(f"username must be 3 to 24 characters, got {username!r}")
    return name


class ServiceAccounts(V3Resource):
    """`client.v3.service_accounts`: create, list, read, change, re-key and revoke."""

    @per_call
    def create(
        self, username: str, unique_id: str | None = None, **options: Unpack[CallKwargs]
    ) -> ServiceAccountKey:
        """Creates a service account and returns its API key, shown this once.

        Args:
            username: Its username (3 to 24 characters; the server normalises it).
            unique_id: Its MFID (default: the server mints one).
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=`.

        Returns:
            `unique_id`, `username` and `api_key` (keep it: it is not shown again). The
            request is not repeated after a lost answer (a repeat could not return the key);
            if the account was made, `rotate_key` issues a new key for it.

        Raises:
            ValueError: A bad argument (before any request).
            ConflictError: The username or unique_id is taken.
            PermissionDeniedError: Not a platform administrator.
        """
        body = ServiceAccountCreate(
            username=_check_username(username),
            unique_id=check_mfid(unique_id, "unique_id") if unique_id is not None else UNSET,
        )
        response = invoke(
            create_service_account.sync_detailed,
            client=self._api,
            body=body,
            crucible_privilege_mode=ELEVATED,
        )
        key = _key_of(response, "new service account")
        log.info("created service account %s (%s)", key.unique_id, key.username)
        return key

    @per_call
    def list(
        self,
        q: str | None = None,
        limit: int | None = None,
        *,
        page_size: int = PAGE_SIZE,
        **options: Unpack[CallKwargs],
    ) -> OffsetPages[ServiceAccount]:
        """Service accounts, by username.

        Args:
            q: Only those whose username contains this (3 characters or more).
            limit: Stop after this many (None: all of them).
            page_size: Accounts per page (1 to 1000).
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=` (they apply
                to every page).

        Raises:
            ValueError: A bad argument (before any request).
            PermissionDeniedError: Not a platform administrator.
        """
        if q is not None and len(check_text(q, "q").strip()) < 3:
            raise ValueError(f"q must have 3 characters or more, got {q!r}")
        search = UNSET if q is None else q.strip()
        return offset_pages(
            lambda size, offset: invoke(
                list_service_accounts.sync_detailed,
                client=self._api,
                q=search,
                limit=size,
                offset=offset,
                crucible_privilege_mode=ELEVATED,
            ),
            ServiceAccountOffsetPage,
            "service accounts",
            page_size=page_size,
            limit=limit,
        )

    @per_call
    def get(self, sa_mfid: str, **options: Unpack[CallKwargs]) -> ServiceAccount:
        """One service account, with its platform role and key status (never the key).

        Args:
            sa_mfid: The account's MFID.
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=`.

        Raises:
            NotFoundError: No such service account.
        """
        account = check_mfid(sa_mfid, "sa_mfid")
        response = invoke(
            get_service_account.sync_detailed,
            account,
            client=self._api,
            crucible_privilege_mode=ELEVATED,
        )
        return parse_one(response, ServiceAccount, f"service account {account}")

    @per_call
    def update(
        self, sa_mfid: str, platform_role: str, **options: Unpack[CallKwargs]
    ) -> ServiceAccount:
        """Sets a service account's platform role.

        Args:
            sa_mfid: The account's MFID.
            platform_role: `"none"`, `"contributor"` or `"admin"`.
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=`.

        Raises:
            ValueError: A bad argument (before any request).
            NotFoundError: No such service account.
        """
        account = check_mfid(sa_mfid, "sa_mfid")
        role = check_choice(platform_role, "platform_role", PLATFORM_ROLES)
        response = invoke(
            update_service_account.sync_detailed,
            account,
            client=self._api,
            body=ServiceAccountUpdate(platform_role=role),
            crucible_privilege_mode=ELEVATED,
        )
        log.info("service account %s: platform role %s", account, role)
        return parse_one(response, ServiceAccount, f"service account {account}")

    @per_call
    def rotate_key(self, sa_mfid: str, **options: Unpack[CallKwargs]) -> ServiceAccountKey:
        """Replaces a service account's API key: the old one stops working at once.

        Args:
            sa_mfid: The account's MFID.
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=`.

        Returns:
            The new key in `api_key`, shown this once.

        Raises:
            NotFoundError: No such service account.
        """
        account = check_mfid(sa_mfid, "sa_mfid")
        response = invoke(
            rotate_service_account_key.sync_detailed,
            account,
            client=self._api,
            crucible_privilege_mode=ELEVATED,
        )
        key = _key_of(response, f"new key of {account}")
        log.info("rotated the key of service account %s", account)
        return key

    @per_call
    def revoke(self, sa_mfid: str, **options: Unpack[CallKwargs]) -> ActionResult:
        """Revokes a service account's API key (the account stays; `rotate_key` issues a new one).

        Args:
            sa_mfid: The account's MFID.
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=`.

        Raises:
            ValueError: Not an MFID (before any request).
            NotFoundError: No such service account (a person's keys are never touched here).
        """
        account = check_mfid(sa_mfid, "sa_mfid")
        # The route revokes any user's keys: make sure this one is a service account first.
        self.get(account)
        response = invoke(
            revoke_user_apikey.sync_detailed,
            account,
            client=self._api,
            crucible_privilege_mode=ELEVATED,
        )
        log.info("revoked the key of service account %s", account)
        return action_result(response, f"key of {account}")
