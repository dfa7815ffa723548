"""Helpers of the reliability suite: deterministic files and what the server stored."""

from __future__ import annotations

import hashlib
from pathlib import Path

from pycrucible.testing import LocalCrucible

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
