"""Checks of user input that run before anything is sent, and client-side identifiers.

A bad id, a missing file or a directory raises `ValueError` / `FileNotFoundError` here, so the
request is never made (and never half-made).
"""

from __future__ import annotations

import datetime
import os
import re
import secrets
import tempfile
import time
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, TypeVar

from pycrucible._redact import get_logger

__all__ = [
    "check_datetime",
    "check_file",
    "check_files",
    "check_id",
    "check_limit",
    "check_output_folder",
    "check_reqid",
    "check_text",
    "id_of",
    "is_orcid",
    "mfid_from_digest",
    "new_mfid",
    "one_of",
    "project_then_user",
]

T = TypeVar("T")

log = get_logger("client")

ORCID_PATTERN = re.compile(r"^\d{4}-\d{4}-\d{4}-\d{3}[0-9X]$")

_FORBIDDEN = frozenset("/\\?#%")
_CROCKFORD = "0123456789abcdefghjkmnpqrstvwxyz"


def check_text(value: Any, what: str) -> str:
    """Checks a free-text argument (keyword, status, group name...) is a non-empty string.

    Args:
        value: The argument.
        what: Its name, for the message.

    Returns:
        The value, unchanged.

    Raises:
        ValueError: Not a string, or empty / only whitespace.
    """
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{what} must be a non-empty string, got {value!r}")
    return value


def check_id(value: Any, what: str = "id") -> str:
    """Checks an identifier that goes into a URL path (MFID, ORCID, project id, group name).

    Args:
        value: The identifier.
        what: Its name, for the message (e.g. `"dsid"`).

    Returns:
        The identifier, unchanged.

    Raises:
        ValueError: Not a string, empty, surrounded by whitespace, or path-like (contains `/`,
            `\\`, `?`, `#`, `%`, a control character, or is `.` / `..`).
    """
    text = check_text(value, what)
    if text != text.strip():
        raise ValueError(f"{what} must not start or end with whitespace, got {value!r}")
    if (
        text in (".", "..")
        or ".." in text
        or any(c in _FORBIDDEN or ord(c) < 32 or ord(c) == 127 for c in text)
    ):
        raise ValueError(f"{what} must be a plain identifier, not a path: {value!r}")
    return text


def id_of(value: Any, what: str = "id", key: str = "unique_id") -> str:
    """Accepts an id, or a record (or dict) that has one under `key`, and checks it.

    Args:
        value: A string id, a record, or a mapping.
        what: Its name, for the message.
        key: The field holding the id in a record.

    Returns:
        The checked id.

    Raises:
        ValueError: No usable id.
    """
    if isinstance(value, str):
        return check_id(value, what)
    candidate = getattr(value, key, None)
    if candidate is None and hasattr(value, "get"):
        try:
            candidate = value.get(key)
        except (TypeError, AttributeError):
            candidate = None
    if candidate is None:
        raise ValueError(f"{what} must be an id string or a record with {key!r}, got {value!r}")
    return check_id(candidate, what)


def check_datetime(value: Any, what: str) -> datetime.datetime:
    """Accepts a datetime, a date (midnight) or ISO 8601 text.

    Raises:
        ValueError: Anything else, or text that is not ISO 8601.
    """
    if isinstance(value, datetime.datetime):
        return value
    if isinstance(value, datetime.date):
        return datetime.datetime.combine(value, datetime.time())
    if isinstance(value, str):
        try:
            return datetime.datetime.fromisoformat(value)
        except ValueError:
            pass
    raise ValueError(f"{what} must be a datetime or ISO 8601 text, got {value!r}")


def check_reqid(value: Any) -> int:
    """Checks a processing-request id (an integer, or its decimal text).

    Raises:
        ValueError: Not a non-negative integer.
    """
    if isinstance(value, bool):
        raise ValueError(f"reqid must be an integer, got {value!r}")
    if isinstance(value, int):
        number = value
    elif isinstance(value, str) and value.strip().isdigit():
        number = int(value.strip())
    else:
        raise ValueError(f"reqid must be an integer, got {value!r}")
    if number < 0:
        raise ValueError(f"reqid must not be negative, got {value!r}")
    return number


def check_limit(value: Any) -> int | None:
    """Checks a list's `limit=`: None (no limit) or a number of records, 1 or more (the API's
    lower bound).

    Raises:
        ValueError: A bool, a number below 1 or anything else (a `True` passed where the
            upstream client had `include_metadata` lands here too).
    """
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(f"limit must be None or a number of records (1 or more), got {value!r}")
    return value


def one_of(value: T, other: T, name: str, other_name: str) -> T:
    """The value given under either of two names of one argument (a seed and a later name).

    Raises:
        ValueError: Both names were given, with different values.
    """
    if value is not None and other is not None and value != other:
        raise ValueError(f"give {name} or {other_name}, not both ({value!r} and {other!r})")
    return value if value is not None else other


def check_file(path: Any, what: str = "file") -> Path:
    """Checks that `path` names an existing regular file.

    Raises:
        FileNotFoundError: Nothing is there.
        ValueError: It is a directory or another non-file, unreadable, or `path` is not
            path-like.
    """
    if not isinstance(path, str | os.PathLike) or not os.fspath(path):
        raise ValueError(f"{what} must be a file path, got {path!r}")
    file = Path(path).expanduser()
    if not file.exists():
        raise FileNotFoundError(f"{what} not found: {file}")
    if file.is_dir():
        raise ValueError(f"{what} is a directory, not a file: {file} (pass the files in it)")
    if not file.is_file():
        raise ValueError(f"{what} is not a regular file: {file}")
    if not os.access(file, os.R_OK):
        raise ValueError(f"{what} is not readable: {file}")
    return file


def check_files(paths: Any, what: str = "file") -> list[Path]:
    """Accepts one path or several and checks each (see `check_file`).

    Raises:
        ValueError: No paths, or one is a directory / not path-like.
        FileNotFoundError: One does not exist.
    """
    if isinstance(paths, str | os.PathLike):
        items: Iterable[Any] = [paths]
    elif isinstance(paths, Iterable) and not isinstance(paths, bytes | Mapping):
        items = paths
    else:
        raise ValueError(f"{what} must be a path or a list of paths, got {paths!r}")
    checked = [check_file(p, what) for p in items]
    if not checked:
        raise ValueError(f"no {what}s given")
    return checked


def _crockford(number: int) -> str:
    chars = []
    for _ in range(26):
        chars.append(_CROCKFORD[number & 31])
        number >>= 5
    return "".join(reversed(chars))


def new_mfid() -> str:
    """Returns a fresh MFID: a UUIDv7 (time-ordered) as 26 lowercase Crockford base32 characters."""
    millis = time.time_ns() // 1_000_000
    number = (millis & ((1 << 48) - 1)) << 80
    number |= 0x7 << 76 | secrets.randbits(12) << 64
    number |= 0b10 << 62 | secrets.randbits(62)
    return _crockford(number)


def mfid_from_digest(digest: bytes) -> str:
    """Returns a deterministic MFID-shaped id (a UUIDv8 built from the first 16 bytes of `digest`).

    Args:
        digest: At least 16 bytes, e.g. a SHA-256 digest of what identifies the record.
    """
    if len(digest) < 16:
        raise ValueError("digest must have at least 16 bytes")
    number = int.from_bytes(digest[:16], "big")
    number = (number & ~(0xF << 76)) | (0x8 << 76)
    number = (number & ~(0b11 << 62)) | (0b10 << 62)
    return _crockford(number)


def check_output_folder(folder: Any) -> Path:
    """Checks that files can be written into a folder (creating it if needed), before any
    download starts.

    Args:
        folder: The folder path.

    Returns:
        The folder, with `~` expanded.

    Raises:
        ValueError: Not a path, or the path is a file.
        PermissionError: The folder cannot be created or written into (a read-only place).
        OSError: Another reason the folder cannot be created or written (for example a full disk).
    """
    if not isinstance(folder, str | os.PathLike) or not os.fspath(folder):
        raise ValueError(f"output_dir must be a folder path, got {folder!r}")
    target = Path(folder).expanduser()
    if target.exists() and not target.is_dir():
        raise ValueError(f"output_dir is not a folder: {target}")
    try:
        target.mkdir(parents=True, exist_ok=True)
        # A real write is the only reliable test (permissions, read-only mounts, ACLs, root).
        with tempfile.TemporaryFile(dir=target, prefix=".crucible-write-check-"):
            pass
    except OSError as exc:
        error = PermissionError if isinstance(exc, PermissionError) else OSError
        reason = f"cannot write into the output folder ({exc.strerror or exc})"
        raise error(exc.errno, reason, str(target)) from exc
    return target


def is_orcid(value: object) -> bool:
    """True for an ORCID such as `0000-0002-1825-0097`."""
    return isinstance(value, str) and ORCID_PATTERN.match(value) is not None


def project_then_user(project_id: Any, user: Any) -> tuple[Any, Any]:
    """`(project_id, user)`, also when given in the upstream pycrucible's order.

    The upstream client's `add_user_to_project(orcid, project_id)` takes the user first. An
    ORCID is never a project's id, so an ORCID first and something else second is that order,
    and is turned around.
    """
    if is_orcid(project_id) and not is_orcid(user):
        log.info("add_user_to_project(orcid, project_id): the upstream argument order, accepted")
        return user, project_id
    return project_id, user
