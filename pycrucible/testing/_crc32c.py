"""CRC32C (Castagnoli) checksums as the storage service writes them: base64 of 4 big-endian bytes.

The arithmetic comes from ``google-crc32c`` (C-accelerated; it falls back to pure Python where
no wheel fits). API v3 uploads check a CRC32C for every part as its bytes arrive and one for the
whole object at completion, so the checksum is always computed incrementally.
"""

from __future__ import annotations

import base64
import binascii
from pathlib import Path

import google_crc32c

CHUNK_SIZE = 1024 * 1024
"""Bytes read per step when checksumming a file."""


class Crc32c:
    """A running CRC32C over bytes fed in order."""

    def __init__(self) -> None:
        self._value = 0

    def update(self, data: bytes) -> None:
        """Extend the checksum with more bytes."""
        self._value = int(google_crc32c.extend(self._value, data))

    @property
    def value(self) -> int:
        """The checksum so far, as an unsigned 32-bit integer."""
        return self._value

    def b64(self) -> str:
        """The checksum so far in the storage service's form (base64 of 4 big-endian bytes)."""
        return to_b64(self._value)


def extend(value: int, data: bytes) -> int:
    """Return the CRC32C ``value`` extended with more bytes (checksums can be resumed)."""
    return int(google_crc32c.extend(value, data))


def to_b64(value: int) -> str:
    """Encode a CRC32C value as base64 of its 4 big-endian bytes (e.g. ``AAAAAA==`` for 0)."""
    return base64.b64encode(value.to_bytes(4, "big")).decode("ascii")


def from_b64(text: str) -> int | None:
    """Decode a base64 CRC32C; None when it is not base64 of exactly 4 bytes."""
    try:
        raw = base64.b64decode(text.strip(), validate=True)
    except (binascii.Error, ValueError):
        return None
    return int.from_bytes(raw, "big") if len(raw) == 4 else None


def crc32c_b64(data: bytes) -> str:
    """Return the base64 CRC32C of some bytes."""
    checksum = Crc32c()
    checksum.update(data)
    return checksum.b64()


def crc32c_of_file(path: Path) -> str:
    """Return the base64 CRC32C of a file, read in chunks (memory stays flat)."""
    checksum = Crc32c()
    with path.open("rb") as source:
        for chunk in iter(lambda: source.read(CHUNK_SIZE), b""):
            checksum.update(chunk)
    return checksum.b64()


def same_crc32c(left: str, right: str) -> bool:
    """Tell whether two base64 CRC32C strings name the same checksum (padding-tolerant)."""
    a, b = from_b64(left), from_b64(right)
    return a is not None and a == b
