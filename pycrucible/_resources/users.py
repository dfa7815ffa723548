"""Users and the caller's own account (the seed-era API)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from crucible_openapi.v1.api.account import get_account
from crucible_openapi.v1.api.users import create_user, get_user, list_users
from crucible_openapi.v1.models import Account, User, UserCreate, UserInfo

from pycrucible._checks import check_id, check_text
from pycrucible._core import Resource, per_call
from pycrucible._http import invoke, invoke_idempotent, parse_list, parse_one
from pycrucible.errors import NotFoundError, not_found

__all__ = ["UserInfoSource", "Users"]

UserInfoSource = Mapping[str, Any] | Callable[[str], Mapping[str, Any]]


class Users(Resource):
    """Users (reading, finding by e-mail, creating) and the account behind the API key."""

    @per_call
    def get_user(
        self,
        orcid: str | None = None,
        email: str | None = None,
        *,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> User:
        """Reads one user by ORCID, or by e-mail (admin only, even for yourself: see `whoami`).

        Args:
            orcid: The user's ORCID.
            email: Their e-mail address instead (as `get_user_by_email`); the upstream
                pycrucible's `get_user(email=...)`. With both, the ORCID is used, as there.

        Raises:
            ValueError: Neither `orcid` nor `email` (nothing was sent).
            NotFoundError: No such user.
        """
        if orcid is None:
            if email is None:
                raise ValueError("get_user needs an orcid or an email")
            return self.get_user_by_email(email)
        user = check_id(orcid, "orcid")
        return parse_one(
            invoke(get_user.sync_detailed, orcid=user, client=self._api), User, f"user {user}"
        )

    @per_call
    def get_user_by_email(
        self,
        email: str,
        *,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> User:
        """Finds a user by e-mail, trying `email` and then `lbl_email` (admin only).

        Raises:
            NotFoundError: No user has this address.
        """
        address = check_text(email, "email")
        by_email = invoke(list_users.sync_detailed, email=address, client=self._api)
        found = parse_list(by_email, User, "users")
        if not found:
            by_lbl_email = invoke(list_users.sync_detailed, lbl_email=address, client=self._api)
            found = parse_list(by_lbl_email, User, "users")
        if found:
            return found[0]
        raise not_found(f"user with e-mail {address!r}")

    @per_call
    def add_user(
        self,
        user_info: Mapping[str, Any],
        project_ids: Iterable[str] = (),
        *,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> User:
        """Creates a user, or updates the one with this ORCID (admin only; an upsert).

        Args:
            user_info: `orcid` (required), `first_name`, `last_name`, `email`, `lbl_email`;
                a `projects` list (the upstream pycrucible's way) adds to `project_ids`.
            project_ids: Projects the user joins.

        Returns:
            The user.
        """
        if not isinstance(user_info, Mapping):
            raise ValueError(f"user_info must be a dict, got {type(user_info).__name__}")
        info = dict(user_info)
        check_id(info.get("orcid"), "user_info['orcid']")
        listed = info.pop("projects", None) or ()
        if isinstance(listed, str):
            raise ValueError("user_info['projects'] must be a list of project ids")
        projects = [check_id(p, "project_ids item") for p in [*project_ids, *listed]]
        body = UserCreate(user_info=UserInfo.from_dict(info), project_ids=projects)
        response = invoke_idempotent(create_user.sync_detailed, body=body, client=self._api)
        return parse_one(response, User, f"user {user_info['orcid']}")

    @per_call
    def get_or_add_user(
        self,
        /,
        orcid: str,
        user_info: UserInfoSource | None = None,
        project_ids: Iterable[str] = (),
        *,
        get_user_info_function: Callable[..., Mapping[str, Any] | None] | None = None,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
        **function_kwargs: Any,
    ) -> User:
        """Returns the user with this ORCID, creating them first when unknown (admin only).

        Args:
            orcid: The user's ORCID.
            user_info: Their details, or a function called with the ORCID that returns them
                (only called when the user must be created).
            project_ids: Projects a new user joins.
            get_user_info_function: The upstream pycrucible's name for a `user_info` function;
                it is called as `get_user_info_function(orcid, **function_kwargs)`.
            **function_kwargs: Passed to the `user_info` function (upstream style).

        Raises:
            NotFoundError: Unknown user and no `user_info` to create them.
            ValueError: The function found no details (nothing was created).
        """
        user = check_id(orcid, "orcid")
        if user_info is not None and get_user_info_function is not None:
            raise ValueError("give user_info or get_user_info_function, not both")
        source: UserInfoSource | Callable[..., Mapping[str, Any] | None] | None = (
            user_info if user_info is not None else get_user_info_function
        )
        if function_kwargs and not callable(source):
            raise TypeError(f"unexpected keyword argument {next(iter(function_kwargs))!r}")
        try:
            return self.get_user(user)
        except NotFoundError:
            if source is None:
                raise
        found = source(user, **function_kwargs) if callable(source) else source
        if not found:
            raise ValueError(f"no details for user {user}: the user_info function found none")
        info = dict(found)
        info.setdefault("orcid", user)
        if info["orcid"] != user:
            raise ValueError(f"user_info has orcid {info['orcid']!r}, expected {user!r}")
        return self.add_user(info, project_ids)

    @per_call
    def whoami(
        self, *, timeout: float | None = None, extra_headers: Mapping[str, str] | None = None
    ) -> Account:
        """Returns the account behind the API key (`user_info`, access groups)."""
        response = invoke(get_account.sync_detailed, client=self._api)
        return parse_one(response, Account, "account")
