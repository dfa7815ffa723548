"""Ownership and project rules for creating and changing datasets and samples.

The same rules hold for both record kinds (and are meant for any API version):

- **Owner on create.** Without ``owner_orcid`` / ``owner_user_id`` (absent or null) the caller
  owns the new record. A normal user may only name themselves; naming anyone else answers 403.
  Admins may create for any existing user.
- **Owner changes.** Only the current owner or an admin may change the owner (403 for anyone
  else, write access through a group included); sending the current owner again is harmless.
  The owner can never be removed (null answers 422).
- **Owner values.** An empty ``owner_orcid``, a user that does not exist, or an ORCID and user
  id naming two different users answer 422: a record is never stored without a readable owner.
- **Projects.** A ``project_id`` must name an existing project (422 otherwise), and a normal user
  may only put records into projects they are a member of (403 otherwise).

Refusals happen before anything is stored.
"""

from __future__ import annotations

from typing import Any

from fastapi import HTTPException
from fastapi.exceptions import RequestValidationError

from pycrucible.testing._access import Caller
from pycrucible.testing._db import Database, Row, fits_int64

OWNER_FIELDS = ("owner_orcid", "owner_user_id")


def invalid(field: str, value: Any, message: str) -> RequestValidationError:
    """Return a FastAPI-style 422 error about one body field."""
    return RequestValidationError(
        [{"type": "value_error", "loc": ("body", field), "msg": message, "input": value}]
    )


def resolve_owner(db: Database, values: dict[str, Any]) -> tuple[str, int] | None:
    """Return the ``(orcid, user id)`` that the owner fields of a body name, or None.

    Raises:
        RequestValidationError: An empty ORCID, an unknown user, or fields naming two users.
    """
    orcid, user_id = values.get("owner_orcid"), values.get("owner_user_id")
    if orcid is None and user_id is None:
        return None
    by_orcid = by_id = None
    if orcid is not None:
        if not orcid.strip():
            raise invalid("owner_orcid", orcid, "owner_orcid must not be empty")
        by_orcid = db.one("SELECT id, orcid FROM users WHERE orcid = ?", [orcid])
        if by_orcid is None:
            raise invalid("owner_orcid", orcid, f"no user with ORCID {orcid!r}")
    if user_id is not None:
        if fits_int64(user_id):
            by_id = db.one("SELECT id, orcid FROM users WHERE id = ?", [user_id])
        if by_id is None:
            raise invalid("owner_user_id", user_id, f"no user with id {user_id}")
    if by_orcid is not None and by_id is not None and by_orcid["id"] != by_id["id"]:
        raise invalid("owner_user_id", user_id, "owner_orcid and owner_user_id differ")
    found = by_orcid or by_id
    assert found is not None
    return str(found["orcid"]), int(found["id"])


def check_project(db: Database, caller: Caller, values: dict[str, Any]) -> None:
    """Refuse a ``project_id`` that does not exist (422) or that a normal user is not in (403).

    Raises:
        RequestValidationError: Unknown (or empty) project.
        HTTPException: 403 for a normal user outside the project.
    """
    project = values.get("project_id")
    if project is None:
        return
    if db.one("SELECT 1 FROM projects WHERE project_id = ?", [project]) is None:
        raise invalid("project_id", project, f"no project {project!r}")
    member = db.one(
        "SELECT 1 FROM group_members WHERE group_name = ? AND user_id = ?",
        [project, caller.user_id],
    )
    if not caller.is_admin and member is None:
        raise HTTPException(403, f"Account is not a member of project {project!r}")


def owner_for_create(db: Database, caller: Caller, values: dict[str, Any]) -> None:
    """Set the owner fields of a new record's column values (in place), checking the rules.

    Raises:
        RequestValidationError: Invalid owner or project fields.
        HTTPException: 403 when a normal user names another owner or a project not theirs.
    """
    owner = resolve_owner(db, values)
    if owner is None:
        owner = (caller.orcid, caller.user_id)
    elif owner[1] != caller.user_id and not caller.is_admin:
        raise HTTPException(403, "Only an admin may create records owned by another user")
    values["owner_orcid"], values["owner_user_id"] = owner
    check_project(db, caller, values)


def owner_for_update(db: Database, caller: Caller, row: Row, values: dict[str, Any]) -> None:
    """Check (and complete, in place) the owner and project fields of a PATCH body.

    Args:
        db: The database.
        caller: Who asks for the change (already known to have write access).
        row: The record as stored.
        values: The fields present in the body.

    Raises:
        RequestValidationError: A null or invalid owner, or an invalid project.
        HTTPException: 403 when someone other than the owner or an admin changes the owner.
    """
    for field in OWNER_FIELDS:
        if field in values and values[field] is None:
            raise invalid(field, None, "a record's owner cannot be removed")
    owner = resolve_owner(db, values)
    if owner is not None:
        if owner[0] != row["owner_orcid"] and not (
            caller.is_admin or caller.orcid == row["owner_orcid"]
        ):
            raise HTTPException(403, "Only the owner or an admin may change the owner")
        values["owner_orcid"], values["owner_user_id"] = owner
    if values.get("project_id") != row["project_id"]:
        check_project(db, caller, values)
