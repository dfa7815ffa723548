"""v3 accounts of the seed users (same people, same API keys as on API v1)."""

from __future__ import annotations

from typing import Final

from pycrucible.testing._db import Database
from pycrucible.testing._seed import ADMIN_ORCID, SEED_INSTRUMENT, SEED_PROJECT, USER_ORCID
from pycrucible.testing.v3.db import create_v3_tables, dump_doc, now_iso
from pycrucible.testing.v3.ids import mint_mfid

SEED_USERNAMES: Final = {ADMIN_ORCID: "ada", USER_ORCID: "uma"}


def mirror_v1_user(db: Database, orcid: str) -> int | None:
    """Return the v3 user id of a v1 account, creating the v3 account on first use.

    A v1 admin becomes a platform ``admin``, everyone else ``none``. Returns None when no v1
    user has this ORCID.
    """
    with db.transaction():
        existing = db.scalar("SELECT id FROM v3_users WHERE unique_id = ?", [orcid])
        if existing is not None:
            return int(existing)
        v1 = db.one("SELECT * FROM users WHERE orcid = ?", [orcid])
        if v1 is None:
            return None
        username = SEED_USERNAMES.get(orcid)
        if username is None or db.one("SELECT 1 FROM v3_users WHERE username = ?", [username]):
            username = None
        return db.insert(
            "v3_users",
            {
                "unique_id": orcid,
                "username": username,
                "first_name": v1["first_name"],
                "last_name": v1["last_name"],
                "email": v1["email"],
                "platform_role": "admin" if v1["is_admin"] else "none",
                "creation_time": now_iso(),
            },
        )


def seed_v3(db: Database) -> None:
    """Create the v3 tables and, once, the v3 seed: both users and the demo project.

    The normal user is a ``contributor`` member of ``LOCAL-DEMO``; the admin owns it and the
    instrument ``demo-microscope``.
    """
    create_v3_tables(db)
    with db.transaction():
        if db.get_setting("v3_seeded") is not None:
            return
        admin_id = mirror_v1_user(db, ADMIN_ORCID)
        user_id = mirror_v1_user(db, USER_ORCID)
        stamp = now_iso()
        project = mint_mfid()
        db.insert(
            "v3_projects",
            {
                "unique_id": project,
                "project_id": SEED_PROJECT,
                "organization": "Molecular Foundry",
                "title": "Local demonstration project",
                "status": "active",
                "lead_id": admin_id,
                "creation_time": stamp,
                "modification_time": stamp,
            },
        )
        for member, role in ((admin_id, "owner"), (user_id, "contributor")):
            db.insert(
                "v3_project_members", {"project_mfid": project, "user_id": member, "role": role}
            )
        db.insert(
            "v3_instruments",
            {
                "unique_id": mint_mfid(),
                "instrument_id": SEED_INSTRUMENT,
                "instrument_name": "Demo microscope",
                "owner_id": admin_id,
                "status": "active",
                "creation_time": stamp,
                "modification_time": stamp,
                "doc": dump_doc(
                    {
                        "location": "Building 67, room 1101",
                        "manufacturer": "Example Instruments",
                        "model": "EX-300",
                        "instrument_type": "microscope",
                    }
                ),
            },
        )
        db.set_setting("v3_seeded", "1")
