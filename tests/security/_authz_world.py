"""The people and records of the v3 authorization matrix, set up once per module over HTTP.

Who is who (``PRINCIPALS``, in the order the matrix reports them):

- ``anonymous`` sends no key; ``bad_key`` a key no account has;
- ``stranger`` is a user with no relation to any target;
- ``viewer``, ``contributor`` and ``editor`` hold that role on every target: a grant on the
  dataset, the sample and the instrument, and the same role as members of the project;
- ``owner`` owns every target (dataset, sample, instrument) and leads the project;
- ``member`` is a ``contributor`` member of the project and has no grant of their own;
- ``service`` is a service account bound to the instrument the dataset is assigned to, so it is a
  ``contributor`` on the dataset and nothing else;
- ``admin_default``, ``admin_normal`` and ``admin_elevated`` are one platform administrator
  sending no ``Crucible-Privilege-Mode`` header, ``normal`` and ``elevated``.
"""

from __future__ import annotations

import hashlib
import itertools
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx

from pycrucible.testing import LocalCrucible
from pycrucible.testing._crc32c import crc32c_b64
from pycrucible.testing._ids import new_mfid

PRINCIPALS = (
    "anonymous",
    "bad_key",
    "stranger",
    "viewer",
    "contributor",
    "editor",
    "owner",
    "member",
    "service",
    "admin_default",
    "admin_normal",
    "admin_elevated",
)
"""Every caller of the matrix."""

GRANTED = ("viewer", "contributor", "editor")
"""Principals who hold their own name as a role on every target."""

BAD_KEY = "not-a-key-" + "0" * 32
PART = 64 * 1024
_NUMBERS = itertools.count(1)


def unique(prefix: str) -> str:
    """A short name no other call of this module uses (slug and username safe)."""
    return f"{prefix}{next(_NUMBERS):04d}"


def digest(data: bytes) -> tuple[str, str]:
    """SHA-256 hex and base64 CRC32C of some bytes."""
    return hashlib.sha256(data).hexdigest(), crc32c_b64(data)


def expect_ok(response: httpx.Response) -> Any:
    """Return the JSON of a 2xx answer of the set-up, or fail naming the call."""
    assert response.is_success, f"{response.request.method} {response.request.url}: {response.text}"
    return response.json() if response.content else None


@dataclass
class World:
    """The running server, one HTTP client per principal, and the target records.

    Attributes:
        server: The local Crucible.
        clients: One httpx client on ``/api/v3`` per principal name.
        ids: Principal name → the account's canonical ``unique_id`` (not for the keyless ones).
        keys: Principal name → API key.
        t: Target name → id: ``dataset``, ``child`` (a second dataset), ``sample``,
            ``child_sample``,
            ``project`` (MFID), ``project_slug``, ``instrument``, ``file``, ``thumbnail``
            (int as str), ``ingestion`` (int as str), ``upload`` (an open session of the owner),
            ``audit`` (int as str), ``service_mfid``.
    """

    server: LocalCrucible
    clients: dict[str, httpx.Client] = field(default_factory=dict)
    ids: dict[str, str] = field(default_factory=dict)
    keys: dict[str, str] = field(default_factory=dict)
    t: dict[str, str] = field(default_factory=dict)

    def client(self, key: str | None, mode: str | None = None) -> httpx.Client:
        """An httpx client on the v3 base URL with a key (or none) and a privilege mode."""
        headers = {} if key is None else {"Authorization": f"Bearer {key}"}
        if mode is not None:
            headers["Crucible-Privilege-Mode"] = mode
        return httpx.Client(base_url=self.server.url_v3, headers=headers, timeout=30)

    @property
    def owner(self) -> httpx.Client:
        """The owner's client."""
        return self.clients["owner"]

    @property
    def admin(self) -> httpx.Client:
        """The elevated administrator's client."""
        return self.clients["admin_elevated"]

    def new_user(self, name: str) -> tuple[str, str]:
        """Create a user; return (API key, unique_id)."""
        number = next(_NUMBERS)
        orcid = f"0000-0002-{number // 10000:04d}-{number % 10000:04d}"
        key = self.server.add_user(orcid, first_name=name.title(), last_name="Matrix")
        with self.client(key) as client:
            me = expect_ok(client.get("/account"))
        return key, str(me["user_unique_id"])

    def grant_all(self, mfid: str, only: str | None = None) -> None:
        """Give viewer, contributor and editor (or only ``only`` of them) their role on a record."""
        for name in GRANTED if only is None else [n for n in GRANTED if n == only]:
            expect_ok(
                self.owner.put(
                    f"/resources/{mfid}/access/users/{self.ids[name]}", json={"permission": name}
                )
            )

    def new_dataset(self, grant_only: str | None = None, **fields: Any) -> str:
        """A private dataset of the owner in the project, on the instrument, with the grants.

        Args:
            grant_only: Grant only this principal its role (a fresh target for one cell).
            **fields: More fields of the new dataset.
        """
        body = {
            "unique_id": new_mfid(),
            "dataset_name": unique("matrix dataset "),
            "project_mfid": self.t["project"],
            "instrument_mfid": self.t["instrument"],
            **fields,
        }
        mfid = str(expect_ok(self.owner.post("/datasets", json=body))["unique_id"])
        self.grant_all(mfid, grant_only)
        return mfid

    def new_sample(self, grant_only: str | None = None) -> str:
        """A private sample of the owner in the project, with the grants (or only one)."""
        body = {"sample_name": unique("matrix sample "), "project_mfid": self.t["project"]}
        mfid = str(expect_ok(self.owner.post("/samples", json=body))["unique_id"])
        self.grant_all(mfid, grant_only)
        return mfid

    def upload(self, dataset: str, data: bytes, *, finish: bool = True) -> dict[str, Any]:
        """Upload bytes by signed multipart as the owner; return the session or the file."""
        sha, crc = digest(data)
        body = {"filename": unique("f") + ".bin", "size": len(data), "sha256_hash": sha}
        session = expect_ok(
            self.owner.post(f"/datasets/{dataset}/upload/multipart/initiate", json=body)
        )
        upload_id = session["upload_id"]
        parts = [{"part_number": 1, "crc32c": crc}]
        signed = expect_ok(
            self.owner.post(
                f"/datasets/{dataset}/upload/multipart/{upload_id}/parts", json={"parts": parts}
            )
        )["parts"]
        with httpx.Client(timeout=30) as storage:
            for part in signed:
                expect_ok(storage.put(part["url"], content=data, headers=part["headers"]))
        if not finish:
            return dict(session)
        done = {"upload_id": upload_id, "sha256_hash": sha, "crc32c": crc}
        return dict(
            expect_ok(self.owner.post(f"/datasets/{dataset}/upload/multipart/complete", json=done))
        )

    def close(self) -> None:
        """Close every client."""
        for client in self.clients.values():
            client.close()


def build_world(server: LocalCrucible) -> Iterator[World]:
    """Make the principals and the targets (a generator: the fixture closes the clients)."""
    world = World(server)
    try:
        _people(world)
        _targets(world)
        yield world
    finally:
        world.close()


def _people(world: World) -> None:
    for name in ("stranger", *GRANTED, "owner", "member", "lead2"):
        world.keys[name], world.ids[name] = world.new_user(name)
    modes = ((None, "admin_default"), ("normal", "admin_normal"), ("elevated", "admin_elevated"))
    for mode, name in modes:
        world.keys[name] = server_key = world.server.admin_key
        world.clients[name] = world.client(server_key, mode)
        world.ids[name] = world.server.admin_orcid
    for name in ("stranger", *GRANTED, "owner", "member"):
        world.clients[name] = world.client(world.keys[name])
    world.clients["anonymous"] = world.client(None)
    world.clients["bad_key"] = world.client(BAD_KEY)
    made = expect_ok(world.admin.post("/service_accounts", json={"username": unique("matrixsa")}))
    world.keys["service"], world.ids["service"] = made["api_key"], made["unique_id"]
    world.clients["service"] = world.client(made["api_key"])
    world.t["service_mfid"] = made["unique_id"]


def _targets(world: World) -> None:
    owner, t = world.owner, world.t
    slug = unique("matrix-p")
    project = expect_ok(
        owner.post(
            "/projects",
            json={"project_id": slug, "organization": "Matrix", "project_lead": world.ids["owner"]},
        )
    )
    t["project"], t["project_slug"] = project["unique_id"], slug
    for name, role in (*((n, n) for n in GRANTED), ("member", "contributor")):
        expect_ok(owner.post(f"/projects/{slug}/users/{world.ids[name]}", params={"role": role}))
    instrument = expect_ok(
        owner.post(
            "/instruments",
            json={
                "instrument_id": unique("matrix-i"),
                "instrument_name": "Matrix",
                "location": "B67",
            },
        )
    )
    t["instrument"] = instrument["unique_id"]
    for name in GRANTED:
        expect_ok(
            owner.put(
                f"/resources/{t['instrument']}/access/users/{world.ids[name]}",
                json={"permission": name},
            )
        )
    expect_ok(owner.post(f"/instruments/{t['instrument']}/service_accounts/{world.ids['service']}"))
    t["dataset"], t["child"] = world.new_dataset(), world.new_dataset()
    t["sample"], t["child_sample"] = world.new_sample(), world.new_sample()
    expect_ok(owner.post(f"/datasets/{t['dataset']}/children/{t['child']}"))
    expect_ok(owner.post(f"/samples/{t['sample']}/children/{t['child_sample']}"))
    expect_ok(owner.post(f"/datasets/{t['dataset']}/samples/{t['sample']}"))
    expect_ok(owner.post(f"/datasets/{t['dataset']}/keywords", params={"keyword": "matrixkw"}))
    expect_ok(owner.post(f"/resources/{t['dataset']}/metadata", json={"matrix": {"probe": "zeta"}}))
    t["file"] = str(world.upload(t["dataset"], b"matrix file bytes" * 10)["mfid"])
    request = expect_ok(owner.post(f"/files/{t['file']}/ingest", params={"status": "requested"}))
    t["ingestion"] = str(request["id"])
    thumb = {"thumbnail_name": "t.png", "thumbnail_b64str": "aGVsbG8="}
    t["thumbnail"] = str(
        expect_ok(owner.post(f"/datasets/{t['dataset']}/thumbnails", json=thumb))["id"]
    )
    t["upload"] = str(world.upload(t["dataset"], b"open session", finish=False)["upload_id"])
    gone = world.new_dataset()
    review = expect_ok(owner.post(f"/resources/{gone}/delete"))["id"]
    expect_ok(world.admin.patch(f"/deletion_requests/{review}", params={"status": "approved"}))
    expect_ok(world.admin.delete(f"/resources/{gone}"))
    audit = expect_ok(world.admin.get("/deletion_audit"))
    t["audit"] = str(audit["items"][0]["id"])
    doomed = world.new_dataset()
    t["deletion"] = str(expect_ok(owner.post(f"/resources/{doomed}/delete"))["id"])
    t["spare_sa"] = str(
        expect_ok(world.admin.post("/service_accounts", json={"username": unique("sparesa")}))[
            "unique_id"
        ]
    )
    joiner_key, _ = world.new_user("joiner")
    with world.client(joiner_key) as joiner:
        t["join"] = str(expect_ok(joiner.post(f"/access_groups/{slug}/join", json={}))["id"])
    t["victim"] = world.new_user("victim")[1]
    expect_ok(owner.post(f"/projects/{slug}/users/{t['victim']}", params={"role": "viewer"}))
    _wait_ingested(world, t["ingestion"])


def _wait_ingested(world: World, request_id: str) -> None:
    for _ in range(500):
        status = expect_ok(world.owner.get(f"/ingestion_requests/{request_id}"))["status"]
        if status not in ("requested", "started", "in_progress"):
            assert status == "complete", status
            return
        time.sleep(0.02)
    raise AssertionError(f"ingestion request {request_id} did not finish")
