"""People: the caller's account, users, projects and access-group membership."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException

from pycrucible.testing._access import can_access_dataset, dataset_access_sql
from pycrucible.testing._auth import (
    AdminDep,
    BackendDep,
    CallerDep,
    caller_for_user,
    require_self_or_admin,
)
from pycrucible.testing._db import Database, Row
from pycrucible.testing._models import ProjectCreate, UserCreate
from pycrucible.testing._records import PROJECT_COLUMNS, USER_COLUMNS, pick
from pycrucible.testing._seed import add_member, ensure_group
from pycrucible.testing._seed import create_user as insert_user

router = APIRouter()


def _user(db: Database, orcid: str) -> Row:
    row = db.one("SELECT * FROM users WHERE orcid = ?", [orcid])
    if row is None:
        raise HTTPException(404, f"No user with ORCID {orcid!r}")
    return row


def _project(db: Database, project_id: str) -> Row:
    row = db.one("SELECT * FROM projects WHERE project_id = ?", [project_id])
    if row is None:
        raise HTTPException(404, f"No project {project_id!r}")
    return row


def _groups_of(db: Database, user_id: int) -> list[str]:
    rows = db.all(
        "SELECT group_name FROM group_members WHERE user_id = ? ORDER BY rowid", [user_id]
    )
    return [row["group_name"] for row in rows]


def _members(db: Database, project: Row) -> list[dict[str, Any]]:
    """Members of a project's team; the lead (matched by e-mail) is not listed."""
    rows = db.all(
        "SELECT u.* FROM users u JOIN group_members m ON m.user_id = u.id "
        "WHERE m.group_name = ? AND (u.email IS NOT ? OR u.email IS NULL) ORDER BY u.id",
        [project["project_id"], project["project_lead_email"]],
    )
    return [pick(row, USER_COLUMNS) for row in rows]


@router.get("/account", tags=["users"])
def get_account(caller: CallerDep, backend: BackendDep) -> dict[str, Any]:
    """The account behind the API key."""
    db = backend.db
    return {
        "user_info": pick(_user(db, caller.orcid), USER_COLUMNS),
        "access_group_name": caller.orcid,
        "access_group_ids": _groups_of(db, caller.user_id),
    }


@router.get("/users", tags=["users"])
def list_users(
    caller: AdminDep, backend: BackendDep, email: str | None = None, lbl_email: str | None = None
) -> list[dict[str, Any]]:
    """Users with this e-mail or laboratory e-mail (every user when neither is given)."""
    clauses = ["1"]
    params = []
    for column, value in (("email", email), ("lbl_email", lbl_email)):
        if value is not None:
            clauses.append(f"{column} = ?")
            params.append(value)
    rows = backend.db.all(f"SELECT * FROM users WHERE {' AND '.join(clauses)} ORDER BY id", params)
    return [pick(row, USER_COLUMNS) for row in rows]


@router.post("/users", tags=["users"])
def create_user(body: UserCreate, caller: AdminDep, backend: BackendDep) -> dict[str, Any]:
    """Create or update (by ORCID) a user and add them to projects."""
    db = backend.db
    info = body.user_info.model_dump(exclude_unset=True)
    with db.transaction():
        for project_id in body.project_ids:
            _project(db, project_id)
        existing = db.one("SELECT id FROM users WHERE orcid = ?", [info["orcid"]])
        if existing is None:
            user_id = insert_user(db, info)
        else:
            user_id = existing["id"]
            db.update("users", user_id, info)
        for project_id in body.project_ids:
            add_member(db, project_id, user_id)
    row = db.one("SELECT * FROM users WHERE id = ?", [user_id])
    assert row is not None
    return pick(row, USER_COLUMNS)


@router.get("/users/{orcid}", tags=["users"])
def get_user(orcid: str, caller: AdminDep, backend: BackendDep) -> dict[str, Any] | None:
    """One user, or null when unknown (admin only)."""
    row = backend.db.one("SELECT * FROM users WHERE orcid = ?", [orcid])
    return None if row is None else pick(row, USER_COLUMNS)


@router.get("/users/{orcid}/projects", tags=["users"])
def list_user_projects(orcid: str, caller: CallerDep, backend: BackendDep) -> list[dict[str, Any]]:
    """Projects the user belongs to."""
    require_self_or_admin(caller, orcid)
    db = backend.db
    user = _user(db, orcid)
    rows = db.all(
        "SELECT p.* FROM projects p JOIN group_members m ON m.group_name = p.project_id "
        "WHERE m.user_id = ? ORDER BY p.id",
        [user["id"]],
    )
    return [pick(row, PROJECT_COLUMNS) for row in rows]


@router.get("/users/{orcid}/access_groups", tags=["access"])
def list_user_access_groups(orcid: str, caller: CallerDep, backend: BackendDep) -> list[str]:
    """Names of the groups the user belongs to."""
    require_self_or_admin(caller, orcid)
    return _groups_of(backend.db, _user(backend.db, orcid)["id"])


@router.post("/users/{orcid}/access_groups/{group_name}", tags=["access"])
def add_user_to_access_group(
    orcid: str, group_name: str, caller: AdminDep, backend: BackendDep
) -> dict[str, Any]:
    """Add a user to a group, creating the group when needed."""
    db = backend.db
    with db.transaction():
        user = _user(db, orcid)
        ensure_group(db, group_name, "group")
        add_member(db, group_name, user["id"])
    return {"group_name": group_name, "read": None, "write": None}


@router.delete("/users/{orcid}/access_groups/{group_name}", tags=["access"])
def remove_user_from_access_group(
    orcid: str, group_name: str, caller: AdminDep, backend: BackendDep
) -> dict[str, Any]:
    """Remove a user from a group (and so from what the group grants)."""
    db = backend.db
    user = _user(db, orcid)
    removed = db.execute(
        "DELETE FROM group_members WHERE group_name = ? AND user_id = ?", [group_name, user["id"]]
    )
    if not removed:
        raise HTTPException(404, f"{orcid} is not a member of {group_name!r}")
    return {"detail": f"Removed {orcid} from {group_name}"}


@router.get("/users/{orcid}/datasets", tags=["access"])
def list_user_datasets(orcid: str, caller: CallerDep, backend: BackendDep) -> list[str]:
    """MFIDs of every dataset the user may read."""
    require_self_or_admin(caller, orcid)
    who = caller_for_user(backend.db, orcid)
    condition, params = dataset_access_sql(who, write=False)
    rows = backend.db.all(
        f"SELECT d.unique_id FROM datasets d WHERE {condition} ORDER BY d.id", params
    )
    return [row["unique_id"] for row in rows]


@router.get("/users/{orcid}/datasets/{dsid}", tags=["access"])
def get_user_dataset_access(
    orcid: str, dsid: str, caller: CallerDep, backend: BackendDep
) -> dict[str, bool]:
    """Whether the user may read and write one dataset."""
    require_self_or_admin(caller, orcid)
    db = backend.db
    who = caller_for_user(db, orcid)
    dataset = db.one("SELECT id FROM datasets WHERE unique_id = ?", [dsid])
    if dataset is None:
        raise HTTPException(404, f"No dataset with unique_id {dsid!r}")
    return {
        "read": can_access_dataset(db, who, dataset["id"], write=False),
        "write": can_access_dataset(db, who, dataset["id"], write=True),
    }


@router.get("/projects", tags=["projects"])
def list_projects(caller: AdminDep, backend: BackendDep) -> list[dict[str, Any]]:
    """Every project (admin only)."""
    rows = backend.db.all("SELECT * FROM projects ORDER BY id")
    return [pick(row, PROJECT_COLUMNS) for row in rows]


@router.post("/projects", tags=["projects"])
def create_project(body: ProjectCreate, caller: AdminDep, backend: BackendDep) -> dict[str, Any]:
    """Create a project and its access group."""
    db = backend.db
    with db.transaction():
        if db.one("SELECT 1 FROM projects WHERE project_id = ?", [body.project_id]):
            raise HTTPException(409, f"Project {body.project_id!r} exists")
        project_id = db.insert("projects", body.model_dump())
        ensure_group(db, body.project_id, "project")
    row = db.one("SELECT * FROM projects WHERE id = ?", [project_id])
    assert row is not None
    return pick(row, PROJECT_COLUMNS)


@router.get("/projects/{project_id}", tags=["projects"])
def get_project(project_id: str, caller: CallerDep, backend: BackendDep) -> dict[str, Any] | None:
    """One project, or null when unknown; any user may read any project."""
    row = backend.db.one("SELECT * FROM projects WHERE project_id = ?", [project_id])
    return None if row is None else pick(row, PROJECT_COLUMNS)


@router.get("/projects/{project_id}/users", tags=["projects"])
def list_project_users(
    project_id: str, caller: AdminDep, backend: BackendDep
) -> list[dict[str, Any]]:
    """Members of the project's team (admin only)."""
    return _members(backend.db, _project(backend.db, project_id))


@router.post("/projects/{project_id}/users/{orcid}", tags=["projects"])
def add_project_user(
    project_id: str, orcid: str, caller: AdminDep, backend: BackendDep
) -> list[dict[str, Any]]:
    """Add a user to the project's team and access group."""
    db = backend.db
    with db.transaction():
        project = _project(db, project_id)
        ensure_group(db, project_id, "project")
        add_member(db, project_id, _user(db, orcid)["id"])
    return _members(db, project)


@router.delete("/projects/{project_id}/users/{orcid}", tags=["projects"])
def remove_project_user(
    project_id: str, orcid: str, caller: AdminDep, backend: BackendDep
) -> dict[str, Any]:
    """Remove a user from the project's team and access group."""
    db = backend.db
    _project(db, project_id)
    removed = db.execute(
        "DELETE FROM group_members WHERE group_name = ? AND user_id = "
        "(SELECT id FROM users WHERE orcid = ?)",
        [project_id, orcid],
    )
    if not removed:
        raise HTTPException(404, f"{orcid} is not a member of project {project_id!r}")
    return {"detail": f"Removed {orcid} from project {project_id}"}
