"""Seed records of a fresh data directory, and the API keys of the two seed accounts."""

from __future__ import annotations

from typing import Final

from pycrucible.testing._db import Database
from pycrucible.testing._ids import new_api_key, new_mfid

ADMIN_ORCID: Final = "0000-0002-1694-233X"
USER_ORCID: Final = "0000-0003-4115-6274"
SEED_PROJECT: Final = "LOCAL-DEMO"
SEED_INSTRUMENT: Final = "demo-microscope"

_USERS: Final = (
    {
        "orcid": ADMIN_ORCID,
        "first_name": "Ada",
        "last_name": "Admin",
        "email": "ada.admin@example.org",
        "lbl_email": "aadmin@lbl.example.org",
        "employee_number": "100001",
        "is_admin": 1,
    },
    {
        "orcid": USER_ORCID,
        "first_name": "Uma",
        "last_name": "User",
        "email": "uma.user@example.org",
        "lbl_email": None,
        "employee_number": None,
        "is_admin": 0,
    },
)


def ensure_group(db: Database, group_name: str, kind: str) -> None:
    """Create an access group unless it exists (kinds: ``user``, ``project``, ``group``)."""
    db.execute(
        "INSERT OR IGNORE INTO access_groups (group_name, kind) VALUES (?, ?)", [group_name, kind]
    )


def add_member(db: Database, group_name: str, user_id: int) -> None:
    """Add a user to an access group; adding twice is harmless."""
    db.execute(
        "INSERT OR IGNORE INTO group_members (group_name, user_id) VALUES (?, ?)",
        [group_name, user_id],
    )


def create_user(db: Database, values: dict[str, object]) -> int:
    """Insert a user with their personal access group (named by the ORCID); return the id."""
    with db.transaction():
        user_id = db.insert("users", values)
        orcid = str(values["orcid"])
        ensure_group(db, orcid, "user")
        add_member(db, orcid, user_id)
    return user_id


def add_account(db: Database, values: dict[str, object], *, admin: bool = False) -> str:
    """Create a user (with personal access group) and a new API key for them; return the key.

    Raises:
        ValueError: A user with this ORCID exists.
    """
    with db.transaction():
        if db.one("SELECT 1 FROM users WHERE orcid = ?", [values["orcid"]]):
            raise ValueError(f"A user with ORCID {values['orcid']!r} exists")
        user_id = create_user(db, {**values, "is_admin": int(admin)})
        key = new_api_key()
        db.execute("INSERT INTO api_keys (api_key, user_id) VALUES (?, ?)", [key, user_id])
    return key


def seed(db: Database) -> None:
    """Fill an empty database: an admin, a normal user, a project and an instrument.

    The normal user is a member of the project; the admin leads it.
    """
    with db.transaction():
        if db.get_setting("seeded") is not None:
            return
        ids = [create_user(db, dict(values)) for values in _USERS]
        db.insert(
            "projects",
            {
                "project_id": SEED_PROJECT,
                "organization": "Molecular Foundry",
                "title": "Local demonstration project",
                "status": "active",
                "project_lead_email": "ada.admin@example.org",
                "project_lead_name": "Ada Admin",
            },
        )
        ensure_group(db, SEED_PROJECT, "project")
        add_member(db, SEED_PROJECT, ids[1])
        db.insert(
            "instruments",
            {
                "unique_id": new_mfid(),
                "instrument_name": SEED_INSTRUMENT,
                "location": "Building 67, room 1101",
                "owner": "Molecular Foundry",
                "manufacturer": "Example Instruments",
                "model": "EX-300",
                "description": "Instrument of the local test server.",
                "instrument_type": "microscope",
            },
        )
        db.set_setting("seeded", "1")


def ensure_key(db: Database, orcid: str, wanted: str | None) -> tuple[str, bool]:
    """Return the API key of a seed account, setting it to ``wanted`` when one is given.

    Without ``wanted`` the stored key is kept (so a restart keeps working), or a random one is
    made on first use.

    Returns:
        The key, and whether it was generated now (so nobody has seen it yet).
    """
    with db.transaction():
        user_id = db.scalar("SELECT id FROM users WHERE orcid = ?", [orcid])
        stored = db.scalar(
            "SELECT api_key FROM api_keys WHERE user_id = ? ORDER BY rowid", [user_id]
        )
        if wanted is None and stored is not None:
            return str(stored), False
        key = wanted or new_api_key()
        db.execute("DELETE FROM api_keys WHERE user_id = ? OR api_key = ?", [user_id, key])
        db.execute("INSERT INTO api_keys (api_key, user_id) VALUES (?, ?)", [key, user_id])
        return key, wanted is None
