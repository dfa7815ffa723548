"""Access rules: which datasets and samples a user may read or write (admins: everything).

- datasets: read when public, owned by the caller, in a project whose access group the caller
  belongs to, or granted to such a group (read or write); write when owned by the caller or
  granted write to one of their groups.
- samples: read when owned by the caller, in one of their projects, or linked to a dataset they
  may read; write when owned by the caller.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pycrucible.testing._db import Database


@dataclass(frozen=True)
class Caller:
    """The account behind a request (or any user whose access is being computed)."""

    user_id: int
    orcid: str
    is_admin: bool


def dataset_access_sql(caller: Caller, *, write: bool, alias: str = "d") -> tuple[str, list[Any]]:
    """Return an SQL condition (and its parameters) true for datasets the caller may access."""
    if caller.is_admin:
        return "1", []
    wanted = "g.can_write = 1" if write else "(g.can_read = 1 OR g.can_write = 1)"
    granted = (
        f"{alias}.id IN (SELECT g.dataset_id FROM dataset_grants g JOIN group_members m "
        f"ON m.group_name = g.group_name WHERE m.user_id = ? AND {wanted})"
    )
    if write:
        return f"({alias}.owner_orcid = ? OR {granted})", [caller.orcid, caller.user_id]
    in_project = f"{alias}.project_id IN (SELECT group_name FROM group_members WHERE user_id = ?)"
    return (
        f"({alias}.public = 1 OR {alias}.owner_orcid = ? OR {in_project} OR {granted})",
        [caller.orcid, caller.user_id, caller.user_id],
    )


def sample_access_sql(caller: Caller, *, write: bool, alias: str = "s") -> tuple[str, list[Any]]:
    """Return an SQL condition (and its parameters) true for samples the caller may access."""
    if caller.is_admin:
        return "1", []
    if write:
        return f"{alias}.owner_orcid = ?", [caller.orcid]
    readable, params = dataset_access_sql(caller, write=False, alias="ld")
    return (
        f"({alias}.owner_orcid = ? "
        f"OR {alias}.project_id IN (SELECT group_name FROM group_members WHERE user_id = ?) "
        f"OR {alias}.id IN (SELECT lds.sample_id FROM dataset_samples lds "
        f"JOIN datasets ld ON ld.id = lds.dataset_id WHERE {readable}))",
        [caller.orcid, caller.user_id, *params],
    )


def can_access_dataset(db: Database, caller: Caller, dataset_id: int, *, write: bool) -> bool:
    """Tell whether the caller may read (or write) one dataset."""
    condition, params = dataset_access_sql(caller, write=write)
    sql = f"SELECT 1 FROM datasets d WHERE d.id = ? AND {condition}"
    return db.one(sql, [dataset_id, *params]) is not None


def can_access_sample(db: Database, caller: Caller, sample_id: int, *, write: bool) -> bool:
    """Tell whether the caller may read (or write) one sample."""
    condition, params = sample_access_sql(caller, write=write)
    sql = f"SELECT 1 FROM samples s WHERE s.id = ? AND {condition}"
    return db.one(sql, [sample_id, *params]) is not None
