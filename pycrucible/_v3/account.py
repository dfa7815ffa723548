"""`client.v3.account`: the account behind the API key, its profile and key; the server's health."""

from __future__ import annotations

from typing import Unpack

from crucible_openapi.v3.api.account import (
    get_account,
    get_account_profile,
    update_account_profile,
    verify_account_apikey,
)
from crucible_openapi.v3.api.health import get_readiness
from crucible_openapi.v3.models import (
    AccountInfo,
    AccountProfile,
    ApiKeyStatus,
    ReadinessResponse,
    UserRead,
    UserUpdate,
)
from crucible_openapi.v3.types import UNSET

from pycrucible._http import invoke, parse_one
from pycrucible._records import as_record
from pycrucible._redact import get_logger
from pycrucible._v3._base import CallKwargs, V3Resource, opt_text, per_call
from pycrucible._v3.identity import check_email, check_username
from pycrucible.errors import ServerError

__all__ = ["Account"]

log = get_logger("client")


class Account(V3Resource):
    """`client.v3.account`: who you are, your profile and privileges, your key's validity; and
    the server's readiness (`client.v3.health()`)."""

    @per_call
    def get(self, **options: Unpack[CallKwargs]) -> AccountInfo:
        """The account behind the API key: `user_unique_id`, `access_group_ids`, `user_info`.

        Args:
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=`.
        """
        response = invoke(get_account.sync_detailed, client=self._api)
        return parse_one(response, AccountInfo, "account")

    whoami = get

    @per_call
    def profile(self, **options: Unpack[CallKwargs]) -> AccountProfile:
        """Your profile: names, e-mail, `authorization` (platform role, effective privilege
        mode, `can_elevate`) and `capabilities` (what you may create or manage in the privilege
        mode of this call).

        Args:
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=`.
        """
        response = invoke(get_account_profile.sync_detailed, client=self._api)
        return parse_one(response, AccountProfile, "account profile")

    @per_call
    def update_profile(
        self,
        *,
        first_name: str | None = None,
        last_name: str | None = None,
        email: str | None = None,
        username: str | None = None,
        **options: Unpack[CallKwargs],
    ) -> UserRead:
        """Changes your own names, e-mail address or username (only the ones given).

        Args:
            first_name: New first name.
            last_name: New last name.
            email: New e-mail address.
            username: New username (normalised to lowercase; 3 to 24 characters).
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=`.

        Returns:
            Your user record after the change.

        Raises:
            ValueError: Nothing to change, or a bad value (before any request).
        """
        body = UserUpdate(
            first_name=opt_text(first_name, "first_name"),
            last_name=opt_text(last_name, "last_name"),
            email=UNSET if email is None else check_email(email),
            username=UNSET if username is None else check_username(username),
        )
        if not body.to_dict():
            raise ValueError("update_profile needs first_name, last_name, email or username")
        response = invoke(update_account_profile.sync_detailed, client=self._api, body=body)
        return parse_one(response, UserRead, "account profile")

    @per_call
    def verify_key(self, **options: Unpack[CallKwargs]) -> ApiKeyStatus:
        """Whether your API key is valid, with its `created_at` and `expires_at`.

        Args:
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=`.
        """
        response = invoke(verify_account_apikey.sync_detailed, client=self._api)
        return parse_one(response, ApiKeyStatus, "API key status")

    @per_call
    def health(self, **options: Unpack[CallKwargs]) -> ReadinessResponse:
        """The server's readiness (`GET /health/ready`, which needs no valid key): `status`
        (`"ok"` or `"degraded"`), `build` (`api_version`, `git_commit`, `branch`) and
        `database` (`status`, `latency_ms`, `schema_revisions`).

        A degraded server answers 503; that answer is retried like any 503 and then returned
        as the record (with `status == "degraded"`) rather than raised.

        Args:
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=`.

        Raises:
            APIConnectionError: The server could not be reached.
            ServerError: Another 5xx, or a 503 without a readiness record.
        """
        try:
            response = invoke(get_readiness.sync_detailed, client=self._api)
        except ServerError as exc:
            record = _degraded(exc)
            if record is None:
                raise
            log.warning("the server reports %s readiness", record.status)
            return record
        return parse_one(response, ReadinessResponse, "readiness")


def _degraded(exc: ServerError) -> ReadinessResponse | None:
    """The readiness record a 503 answer carries, or None when it carries none."""
    if exc.status_code != 503 or exc.response is None:
        return None
    try:
        body = exc.response.json()
        if not isinstance(body, dict) or "status" not in body:
            return None
        return as_record(ReadinessResponse.from_dict(body))
    except (ValueError, TypeError, KeyError, AttributeError):
        return None
