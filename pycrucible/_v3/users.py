"""`client.v3.users`: users by ORCID, MFID, username or e-mail; the admin upsert; their projects."""

from __future__ import annotations

import builtins
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Unpack

from crucible_openapi.v3.api.users import (
    create_user,
    get_user,
    list_user_projects,
    list_users,
    search_users,
)
from crucible_openapi.v3.models import (
    PrivilegeMode,
    Project,
    ProjectOffsetPage,
    UserCreate,
    UserCreateInfo,
    UserOffsetPage,
    UserPublic,
    UserRead,
    UserSearchResults,
)
from crucible_openapi.v3.types import UNSET

from pycrucible._checks import check_text
from pycrucible._http import invoke, invoke_idempotent, parse_one
from pycrucible._records import as_record
from pycrucible._redact import get_logger
from pycrucible._v3._base import CallKwargs, V3Resource, opt, opt_text, per_call
from pycrucible._v3._lists import page_limit, read_page, total_of
from pycrucible._v3._refs import check_page_size
from pycrucible._v3._search import check_search
from pycrucible._v3.identity import (
    check_email,
    check_lookup_slug,
    check_orcid,
    check_user_ref,
    check_username,
    exactly_one,
)
from pycrucible._v3.pages import OffsetPages
from pycrucible.errors import NotFoundError

__all__ = ["Users"]

log = get_logger("client")

PAGE_SIZE = 100
_USER_INFO_KEYS = ("username", "first_name", "last_name", "orcid", "email")

UserInfoSource = Mapping[str, Any] | Callable[[str], Mapping[str, Any]]


def _user_info(info: Any) -> UserCreateInfo:
    """Checks the `user_info` of a user upsert and builds the request model.

    Raises:
        ValueError: Not a dict, a key API v3 does not take, or a bad or missing value.
    """
    if not isinstance(info, Mapping):
        raise ValueError(f"user_info must be a dict, got {type(info).__name__}")
    unknown = sorted(set(info) - set(_USER_INFO_KEYS))
    if unknown:
        raise ValueError(f"user_info on API v3 takes {list(_USER_INFO_KEYS)}, not {unknown}")
    if info.get("username") is None:
        raise ValueError("user_info['username'] is required on API v3")
    orcid = info.get("orcid")
    email = info.get("email")
    return UserCreateInfo(
        username=check_username(info["username"], "user_info['username']"),
        first_name=check_text(info.get("first_name"), "user_info['first_name']"),
        last_name=check_text(info.get("last_name"), "user_info['last_name']"),
        orcid=UNSET if orcid is None else check_orcid(orcid, "user_info['orcid']"),
        email=UNSET if email is None else check_email(email, "user_info['email']"),
    )


class Users(V3Resource):
    """`client.v3.users`: find, list, search and upsert users; list a user's projects."""

    @per_call
    def get(
        self, orcid: str | None = None, email: str | None = None, **options: Unpack[CallKwargs]
    ) -> UserRead:
        """Reads one user.

        Args:
            orcid: The user: an ORCID, a user MFID, a username or an e-mail address (a
                username or address is looked up exactly, through the user list).
            email: The user's e-mail address, when `orcid` is not given (the upstream
                pycrucible's `get_user(email=...)`).
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=`.

        Raises:
            ValueError: Not a user reference, or neither argument (before any request).
            NotFoundError: No such user (or none you may see).
            AmbiguousMatchError: Several users have this username or address.
        """
        if orcid is None:
            if email is None:
                raise ValueError("get_user needs orcid= (any user reference) or email=")
            return self.get_by_email(email)
        kind, ref = check_user_ref(orcid, "orcid")
        if kind == "id":
            response = invoke(get_user.sync_detailed, ref, client=self._api)
            return parse_one(response, UserRead, f"user {ref}")
        if kind == "email":
            return self._one(email=ref)
        return self._one(username=ref)

    def _one(self, *, username: str | None = None, email: str | None = None) -> UserRead:
        response = invoke(
            list_users.sync_detailed,
            client=self._api,
            username=opt(username),
            email=opt(email),
            limit=2,
        )
        page = read_page(response, UserOffsetPage, "user lookup")
        what = f"user with username {username!r}" if username else f"user with e-mail {email!r}"
        found = exactly_one(page.items, total_of(page.total), what, "use the ORCID or MFID")
        return as_record(found)

    @per_call
    def get_by_email(self, email: str, **options: Unpack[CallKwargs]) -> UserRead:
        """Finds the user with this e-mail address (exact, ignoring case).

        Args:
            email: The address.
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=`.

        Raises:
            ValueError: Not an e-mail address (before any request).
            NotFoundError: No user you may see has this address.
        """
        return self._one(email=check_email(email))

    def user_id(self, ref: str) -> str:
        """The canonical id (ORCID or MFID) of a user reference; looks names up when needed."""
        kind, value = check_user_ref(ref, "user")
        return value if kind == "id" else self.get(value).unique_id

    @per_call
    def list(
        self,
        limit: int | None = None,
        *,
        page_size: int = PAGE_SIZE,
        q: str | None = None,
        first_name: str | None = None,
        last_name: str | None = None,
        is_service_account: bool | None = None,
        **options: Unpack[CallKwargs],
    ) -> OffsetPages[UserRead]:
        """Lists the users you may see (administrators: everyone; others: people sharing a
        project with you), fetching offset pages as needed.

        Args:
            limit: Stop after this many users (None: all of them).
            page_size: Users per request (1 to 1000).
            q: Only users whose names, username or id contain this text.
            first_name: Only users whose first name contains this text.
            last_name: Only users whose last name contains this text.
            is_service_account: Only service accounts (True) or only people (False).
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=` (every page).

        Raises:
            ValueError: A bad argument (before any request).
        """
        check_page_size(page_size, limit)
        size = page_limit(page_size, limit)
        text = opt_text(q, "q")
        first = opt_text(first_name, "first_name")
        last = opt_text(last_name, "last_name")

        def fetch(offset: int) -> tuple[builtins.list[UserRead], int | None]:
            response = invoke(
                list_users.sync_detailed,
                client=self._api,
                q=text,
                first_name=first,
                last_name=last,
                is_service_account=opt(is_service_account),
                limit=size,
                offset=offset,
            )
            page = read_page(response, UserOffsetPage, "user list")
            return as_record(page.items), total_of(page.total)

        return OffsetPages(fetch, limit)

    @per_call
    def search(
        self, q: str, limit: int = 20, **options: Unpack[CallKwargs]
    ) -> builtins.list[UserPublic]:
        """Finds users whose username or names contain `q` (public fields only, no e-mail).

        Args:
            q: At least 3 characters.
            limit: At most this many users (1 to 50).
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=`.

        Raises:
            ValueError: A bad argument (before any request).
        """
        text = check_search(q, limit)
        response = invoke(search_users.sync_detailed, client=self._api, q=text, limit=limit)
        return as_record(read_page(response, UserSearchResults, "user search").items)

    @per_call
    def create(
        self,
        user_info: Mapping[str, Any],
        project_ids: Iterable[str] = (),
        **options: Unpack[CallKwargs],
    ) -> UserRead:
        """Creates a user, or updates the one with this ORCID or username (an upsert, so a
        repeat is harmless). Platform administrators only: the call is sent elevated.

        Args:
            user_info: `username` (required), `first_name`, `last_name` (required),
                `orcid` (optional: without it the server mints an MFID), `email`; a
                `projects` list (the upstream pycrucible's way) adds to `project_ids`.
            project_ids: Project slugs the user joins (as contributor).
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=`.

        Returns:
            The user as stored.

        Raises:
            ValueError: A bad or missing field (before any request).
            PermissionDeniedError: You are not a platform administrator.
        """
        fields = dict(user_info) if isinstance(user_info, Mapping) else user_info
        listed: Any = (fields.pop("projects", None) if isinstance(fields, dict) else None) or ()
        if isinstance(listed, str):
            raise ValueError("user_info['projects'] must be a list of project slugs")
        info = _user_info(fields)
        projects = [check_lookup_slug(p, "project_ids item") for p in [*project_ids, *listed]]
        body = UserCreate(user_info=info, project_ids=projects)
        response = invoke_idempotent(
            create_user.sync_detailed,
            client=self._api,
            body=body,
            crucible_privilege_mode=PrivilegeMode.ELEVATED,
        )
        log.info("stored user %s", info.username)
        return parse_one(response, UserRead, f"user {info.username}")

    @per_call
    def get_or_create(
        self,
        orcid: str,
        user_info: UserInfoSource | None = None,
        project_ids: Iterable[str] = (),
        *,
        get_user_info_function: Callable[[str], Mapping[str, Any] | None] | None = None,
        **options: Unpack[CallKwargs],
    ) -> UserRead:
        """Returns the user, creating them first (administrators) when unknown.

        Args:
            orcid: The user: an ORCID, a user MFID, a username or an e-mail address.
            user_info: Their details (see `create`), or a function called with `orcid` that
                returns them (only called when the user must be created). A missing
                `orcid` / `username` / `email` is taken from `orcid` by its kind.
            project_ids: Projects a new user joins.
            get_user_info_function: The upstream pycrucible's name for a `user_info`
                function.
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=`.

        Raises:
            ValueError: A bad argument, `user_info` naming another user, or a function that
                found no details (nothing was created).
            NotFoundError: Unknown user and no `user_info` to create them.
        """
        kind, ref = check_user_ref(orcid, "orcid")
        if user_info is not None and get_user_info_function is not None:
            raise ValueError("give user_info or get_user_info_function, not both")
        source = user_info if user_info is not None else get_user_info_function
        try:
            return self.get(ref)
        except NotFoundError:
            if source is None:
                raise
        found = source(ref) if callable(source) else source
        if not found:
            raise ValueError(f"no details for user {ref}: the user_info function found none")
        info = dict(found)
        key = {"id": "orcid", "username": "username", "email": "email"}[kind]
        info.setdefault(key, ref)
        if str(info[key]).strip().lower() != ref.lower():
            raise ValueError(f"user_info has {key} {info[key]!r}, expected {ref!r}")
        return self.create(info, project_ids)

    @per_call
    def projects(
        self,
        orcid: str,
        limit: int | None = None,
        *,
        page_size: int = PAGE_SIZE,
        role: str | None = None,
        **options: Unpack[CallKwargs],
    ) -> OffsetPages[Project]:
        """Lists a user's projects, each with that user's `role`, fetching pages as needed.

        Args:
            orcid: The user (ORCID, MFID, username or e-mail; yourself unless you are an
                administrator).
            limit: Stop after this many projects (None: all of them).
            page_size: Projects per request (1 to 1000).
            role: Only projects where the user has this role (`viewer` ... `owner`).
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=` (every page).

        Raises:
            ValueError: A bad argument (before any request).
        """
        check_page_size(page_size, limit)
        check_user_ref(orcid, "orcid")
        roles = UNSET if role is None else [check_text(role, "role")]
        size = page_limit(page_size, limit)
        user = self.user_id(orcid)

        def fetch(offset: int) -> tuple[builtins.list[Project], int | None]:
            response = invoke(
                list_user_projects.sync_detailed,
                user,
                client=self._api,
                role=roles,
                limit=size,
                offset=offset,
            )
            page = read_page(response, ProjectOffsetPage, f"projects of {user}")
            return as_record(page.items), total_of(page.total)

        return OffsetPages(fetch, limit)
