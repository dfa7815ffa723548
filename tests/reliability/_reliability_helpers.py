"""Helpers of the reliability suite: deterministic files and what the server stored."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import httpx

from pycrucible.testing import LocalCrucible
from pycrucible.testing._ids import new_mfid

MIB = 1024 * 1024


class Pauses:
    """A `sleep` for the client that records each pause (in seconds) and returns at once."""

    def __init__(self) -> None:
        self.calls: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.calls.append(seconds)


def make_file(path: Path, size: int) -> Path:
    """Writes `size` deterministic bytes that change every 32 KiB (a SHA-256 chain of the name)."""
    seed = hashlib.sha256(path.name.encode()).digest()
    with path.open("wb") as out:
        block = seed
        written = 0
        while written < size:
            block = hashlib.sha256(block).digest() * 1024
            piece = block[: size - written]
            out.write(piece)
            written += len(piece)
    return path


def stored_files(server: LocalCrucible, dsid: str) -> list[Path]:
    """The files the server keeps for a dataset (`storage/<dsid>/...` in its data directory)."""
    folder = server.data_dir / "storage" / dsid
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


def v3_user(server: LocalCrucible) -> httpx.Client:
    """An HTTP client of the v3 API with the normal user's key (close it after use)."""
    client = httpx.Client(base_url=server.url_v3, timeout=10)
    client.headers["Authorization"] = f"Bearer {server.user_key}"
    return client


def new_v3_dataset(server: LocalCrucible) -> str:
    """Creates a v3 dataset of the normal user; returns its MFID."""
    mfid = new_mfid()
    with v3_user(server) as user:
        answer = user.post("/datasets", json={"unique_id": mfid, "dataset_name": "fault matrix"})
        assert answer.status_code == 200, answer.text
    return mfid


def v3_records(server: LocalCrucible, dataset: str) -> list[dict[str, Any]]:
    """The file records of a v3 dataset, as the API lists them."""
    with v3_user(server) as user:
        answer = user.get(f"/datasets/{dataset}/files")
        assert answer.status_code == 200, answer.text
        records: list[dict[str, Any]] = answer.json()
        return records


def v3_sessions(server: LocalCrucible, dataset: str) -> list[tuple[str, str | None]]:
    """The upload sessions the server opened for a dataset: (kind, Idempotency-Key)."""
    rows = server.backend.db.all(
        "SELECT kind, idempotency_key FROM v3_uploads WHERE dataset_mfid = ? ORDER BY created",
        [dataset],
    )
    return [(row["kind"], row["idempotency_key"]) for row in rows]
