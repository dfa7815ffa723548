"""One read of a local file for an API v3 upload: SHA-256, whole-file and per-part CRC32C.

CRC32C comes from `google-crc32c` (C-accelerated), imported here only, when an upload starts:
the standard library has none, and a pure-Python one would make hashing the slow step.
Checksums are in the storage form: base64 of 4 big-endian bytes.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Callable
from pathlib import Path

import attrs

__all__ = ["READ_BLOCK", "Digest", "crc32c_b64", "digest_file"]

READ_BLOCK = 1024 * 1024
"""Bytes read from a local file at a time (memory stays at about this much per reader)."""


@attrs.frozen
class Digest:
    """What one pass over a local file gives.

    Attributes:
        size: Bytes.
        mtime_ns: Modification time (ns), to tell whether saved resume state still applies.
        sha256: Lowercase hex SHA-256 of the whole file.
        crc32c: Whole-file CRC32C (storage form).
        part_size: Bytes per part the part checksums were computed for.
        part_crcs: CRC32C of each part (storage form), part 1 first.
    """

    size: int
    mtime_ns: int
    sha256: str
    crc32c: str
    part_size: int
    part_crcs: tuple[str, ...]


def crc32c_b64(value: int) -> str:
    """A CRC32C value in the storage form (base64 of 4 big-endian bytes)."""
    return base64.b64encode(value.to_bytes(4, "big")).decode("ascii")


def digest_file(path: Path, part_size: int, report: Callable[[int], None] | None = None) -> Digest:
    """Hashes a file in one pass: SHA-256, whole-file CRC32C and each part's CRC32C.

    Args:
        path: The local file.
        part_size: Part size in bytes (at least 1).
        report: Called with the bytes hashed so far, after every read.

    Returns:
        The digests. An empty file has one (empty) part.

    Raises:
        ValueError: `part_size` below 1.
    """
    import google_crc32c  # the one place the client needs CRC32C

    if part_size < 1:
        raise ValueError(f"part_size must be at least 1 byte, got {part_size!r}")
    stat = path.stat()
    sha = hashlib.sha256()
    whole = 0
    parts: list[str] = []
    part = 0
    in_part = 0
    hashed = 0
    with path.open("rb") as handle:
        while chunk := handle.read(READ_BLOCK):
            sha.update(chunk)
            whole = int(google_crc32c.extend(whole, chunk))
            hashed += len(chunk)
            if report is not None:
                report(hashed)
            view = memoryview(chunk)
            while view:
                take = min(len(view), part_size - in_part)
                part = int(google_crc32c.extend(part, bytes(view[:take])))
                in_part += take
                view = view[take:]
                if in_part == part_size:
                    parts.append(crc32c_b64(part))
                    part, in_part = 0, 0
    if in_part or not parts:
        parts.append(crc32c_b64(part))
    return Digest(
        stat.st_size, stat.st_mtime_ns, sha.hexdigest(), crc32c_b64(whole), part_size, tuple(parts)
    )
