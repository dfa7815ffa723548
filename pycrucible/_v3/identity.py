"""API v3 identifiers, checked before anything is sent: MFID, ORCID, slug, username, user reference.

The rules (inventory-v3 1.7):

* MFID: 26 lowercase Crockford base32 characters (datasets, samples, files, projects,
  instruments, service accounts, users without an ORCID).
* ORCID: `0000-0002-1825-0097` (the last character may be `X`); the id of most human users.
* Slug (`project_id`, `instrument_id`): a new or renamed one is 3 to 25 letters, digits, `_` or
  `-`, starting with a letter or digit. Lookups accept legacy slugs outside these rules.
* Username: 3 to 24 lowercase letters and digits, starting with a letter, with single `_` or `-`
  between them; surrounding spaces and capitals are normalised away.
* User reference: an ORCID, a user MFID, a username or an e-mail address.

Every check returns the (normalised) value or raises `ValueError` naming the argument.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, Literal, TypeVar

from pycrucible._checks import check_id, check_text, is_orcid
from pycrucible.errors import AmbiguousMatchError, not_found

__all__ = [
    "UserRefKind",
    "check_email",
    "check_lookup_slug",
    "check_mfid",
    "check_new_slug",
    "check_orcid",
    "check_user_id",
    "check_user_ref",
    "check_username",
    "exactly_one",
    "is_mfid",
    "is_orcid",
    "slug_from_name",
]

T = TypeVar("T")

MFID_PATTERN = re.compile(r"^[0-9a-hjkmnp-tv-z]{26}$")
SLUG_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{2,24}$")
USERNAME_PATTERN = re.compile(r"^[a-z][a-z0-9]*(?:[_-][a-z0-9]+)*$")
_EMAIL_PATTERN = re.compile(r"^[^@\s]+@[^@\s]+$")
_NOT_SLUG = re.compile(r"[^a-z0-9]+")

UserRefKind = Literal["id", "username", "email"]


def is_mfid(value: object) -> bool:
    """True for a 26-character lowercase Crockford base32 MFID."""
    return isinstance(value, str) and MFID_PATTERN.match(value) is not None


def check_mfid(value: Any, what: str) -> str:
    """Checks an MFID.

    Raises:
        ValueError: Not 26 lowercase Crockford base32 characters.
    """
    if not is_mfid(value):
        raise ValueError(
            f"{what} must be an MFID (26 lowercase letters and digits, no i, l, o or u), "
            f"got {value!r}"
        )
    return str(value)


def check_orcid(value: Any, what: str) -> str:
    """Checks an ORCID.

    Raises:
        ValueError: Not of the form `0000-0000-0000-000X`.
    """
    if not is_orcid(value):
        raise ValueError(f"{what} must be an ORCID such as 0000-0002-1825-0097, got {value!r}")
    return str(value)


def check_new_slug(value: Any, what: str) -> str:
    """Checks the slug of a new or renamed project or instrument.

    Raises:
        ValueError: Not 3 to 25 letters, digits, `_` or `-` starting with a letter or digit.
    """
    if not isinstance(value, str) or SLUG_PATTERN.match(value) is None:
        raise ValueError(
            f"{what} must be 3 to 25 letters, digits, '_' or '-', starting with a letter or "
            f"digit, got {value!r}"
        )
    return value


def slug_from_name(name: str) -> str:
    """A slug for an instrument registered by name only: lowercase, `-` between words, at most
    25 characters (`"Titan 80-300 TEM"` -> `"titan-80-300-tem"`).

    Raises:
        ValueError: The name has fewer than 3 letters or digits to build one from.
    """
    slug = _NOT_SLUG.sub("-", name.lower()).strip("-")[:25].rstrip("-")
    if len(slug) < 3:
        raise ValueError(
            f"cannot make an instrument_id slug from the name {name!r}; pass instrument_id="
        )
    return slug


def check_lookup_slug(value: Any, what: str) -> str:
    """Checks a slug used to find a record (legacy slugs outside the new rules are accepted).

    Raises:
        ValueError: Empty, not a string, or path-like.
    """
    return check_id(value, what)


def check_username(value: Any, what: str = "username") -> str:
    """Normalises (`strip().lower()`) and checks a username.

    Returns:
        The normalised username.

    Raises:
        ValueError: Not 3 to 24 lowercase letters and digits starting with a letter, with
            single `_` or `-` between them.
    """
    if not isinstance(value, str):
        raise ValueError(f"{what} must be a string, got {value!r}")
    name = value.strip().lower()
    if not 3 <= len(name) <= 24 or USERNAME_PATTERN.match(name) is None:
        raise ValueError(
            f"{what} must be 3 to 24 lowercase letters and digits starting with a letter, "
            f"with single '_' or '-' between them, got {value!r}"
        )
    return name


def check_email(value: Any, what: str = "email") -> str:
    """Checks an e-mail address (one `@`, no spaces).

    Raises:
        ValueError: Not an address.
    """
    text = check_text(value, what).strip()
    if _EMAIL_PATTERN.match(text) is None:
        raise ValueError(f"{what} must be an e-mail address, got {value!r}")
    return text


def check_user_id(value: Any, what: str) -> str:
    """Checks a canonical user id: an ORCID or a user MFID.

    Raises:
        ValueError: Neither.
    """
    if is_orcid(value) or is_mfid(value):
        return str(value)
    raise ValueError(f"{what} must be an ORCID or a user MFID, got {value!r}")


def check_user_ref(value: Any, what: str) -> tuple[UserRefKind, str]:
    """Classifies and checks a user reference.

    Returns:
        (`"id"`, ORCID or MFID), (`"email"`, address) or (`"username"`, normalised username).

    Raises:
        ValueError: None of an ORCID, an MFID, an e-mail address or a valid username.
    """
    if is_orcid(value) or is_mfid(value):
        return "id", str(value)
    if isinstance(value, str) and "@" in value:
        return "email", check_email(value, what)
    try:
        return "username", check_username(value, what)
    except ValueError:
        raise ValueError(
            f"{what} must be a user: an ORCID, a user MFID, a username or an e-mail address, "
            f"got {value!r}"
        ) from None


def exactly_one(items: Sequence[T], total: int | None, what: str, hint: str) -> T:
    """The one record of an exact lookup made with `limit=2`.

    Args:
        items: The records the lookup returned.
        total: The list's total when the server gave it.
        what: What was looked for, for messages (e.g. `"instrument 'titan-x'"`).
        hint: How to pick one when several match (e.g. `"use its MFID"`).

    Raises:
        NotFoundError: Nothing matches.
        AmbiguousMatchError: More than one record matches.
    """
    count = max(len(items), total or 0)
    if count == 0:
        raise not_found(what)
    if count > 1:
        raise AmbiguousMatchError(f"{count} records match {what}; {hint}")
    return items[0]
