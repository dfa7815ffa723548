"""Files on disk: stored dataset files, partial resumable uploads, signed URLs and thumbnails.

Layout under the data directory::

    storage/<dsid>/<name>       every stored file of a dataset (uploaded or produced by ingestion)
    uploads/<upload_id>.part    bytes of a resumable upload received so far
    uploads/<random>.tmp        a multipart file being written (renamed into storage when done)
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import struct
import time
import zlib
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO
from urllib.parse import quote, urlencode

CHUNK_SIZE = 1024 * 1024
"""Bytes read or written per step when copying or hashing files."""

IMAGE_EXTENSIONS = frozenset({".png", ".jpg", ".jpeg", ".tif", ".tiff"})


def base_name(path: str) -> str:
    """Return the last component of a POSIX or Windows path."""
    return path.replace("\\", "/").rsplit("/", 1)[-1]


def safe_file_name(name: str) -> str | None:
    """Return the base name of a client-supplied file name, or None when it is unusable.

    Directories (``/`` or ``\\``) are dropped; empty names, ``.``, ``..``, control characters and
    names longer than 255 bytes are refused.
    """
    base = base_name(name)
    if base in {"", ".", ".."} or len(base.encode("utf-8", "surrogatepass")) > 255:
        return None
    if any(ord(char) < 32 or ord(char) == 127 for char in base):
        return None
    return base


class FileStore:
    """Stored dataset files and resumable-upload parts under one data directory.

    Args:
        root: The data directory; ``storage/`` and ``uploads/`` are created inside it.
    """

    def __init__(self, root: Path) -> None:
        self.storage = root / "storage"
        self.uploads = root / "uploads"
        self.storage.mkdir(parents=True, exist_ok=True)
        self.uploads.mkdir(parents=True, exist_ok=True)

    def stored_path(self, stored_name: str) -> Path | None:
        """Return the path of a stored file (``<dsid>/<name>``), or None if it would escape."""
        path = (self.storage / stored_name).resolve()
        if not path.is_relative_to(self.storage.resolve()):
            return None
        return path

    def part_path(self, upload_id: str) -> Path:
        """Return the file holding the bytes received so far for an upload session."""
        return self.uploads / f"{hashlib.sha256(upload_id.encode()).hexdigest()}.part"

    def write(self, stored_name: str, chunks: Iterable[bytes]) -> tuple[int, str]:
        """Write a stored file from chunks (atomically: temp file then rename).

        Returns:
            The size in bytes and the hex SHA-256 of what was written.
        """
        target = self.storage / stored_name
        target.parent.mkdir(parents=True, exist_ok=True)
        # A fixed-length random name in uploads/ (same file system, so the rename is atomic):
        # a name built from the file name would pass 255 bytes for long file names.
        temp = self.uploads / f"{secrets.token_hex(16)}.tmp"
        digest = hashlib.sha256()
        size = 0
        try:
            with temp.open("wb") as out:
                for chunk in chunks:
                    out.write(chunk)
                    digest.update(chunk)
                    size += len(chunk)
            temp.replace(target)
        finally:
            temp.unlink(missing_ok=True)
        return size, digest.hexdigest()

    def write_from(self, stored_name: str, source: BinaryIO) -> tuple[int, str]:
        """Copy a binary file object into a stored file, chunk by chunk.

        Returns:
            The size in bytes and the hex SHA-256 of what was written.
        """
        return self.write(stored_name, iter(lambda: source.read(CHUNK_SIZE), b""))

    def adopt(self, stored_name: str, source: Path) -> None:
        """Move a finished file (for example a complete upload part) into storage."""
        target = self.storage / stored_name
        target.parent.mkdir(parents=True, exist_ok=True)
        source.replace(target)


def sha256_of(path: Path) -> str:
    """Return the hex SHA-256 of a file, read in chunks."""
    digest = hashlib.sha256()
    with path.open("rb") as source:
        for chunk in iter(lambda: source.read(CHUNK_SIZE), b""):
            digest.update(chunk)
    return digest.hexdigest()


class Signer:
    """Signs and checks storage URLs with HMAC-SHA256 and an expiry time.

    Args:
        secret: The per-server secret key.
    """

    def __init__(self, secret: bytes) -> None:
        self._secret = secret

    def signature(self, key: str, expires: int) -> str:
        """Return the hex signature of a storage key (``<dsid>/<path>``) valid until ``expires``."""
        message = f"{key}\n{expires}".encode("utf-8", "surrogatepass")
        return hmac.new(self._secret, message, hashlib.sha256).hexdigest()

    def url(self, base_url: str, key: str, lifetime: int, now: float | None = None) -> str:
        """Return the signed URL of a stored file.

        Args:
            base_url: The server's base URL, without a trailing slash.
            key: ``<dsid>/<relative path>`` of the file.
            lifetime: Seconds the URL stays valid.
            now: Current Unix time in seconds (defaults to the clock).
        """
        expires = int(time.time() if now is None else now) + lifetime
        query = urlencode({"expires": expires, "signature": self.signature(key, expires)})
        return f"{base_url}/storage/{quote(key)}?{query}"

    def check(self, key: str, expires: str | None, signature: str | None) -> str | None:
        """Return why a storage request is refused, or None when it is valid now."""
        if expires is None or signature is None:
            return "Missing signature"
        try:
            expires_at = int(expires)
        except ValueError:
            return "Invalid signature"
        if not hmac.compare_digest(self.signature(key, expires_at), signature):
            return "Invalid signature"
        if expires_at < time.time():
            return "Signed URL expired"
        return None


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)


def make_png(seed: bytes, size: int = 16) -> bytes:
    """Build a small square RGB PNG whose colours derive from ``seed``.

    Args:
        seed: Bytes that pick the colours (for example a file's SHA-256).
        size: Width and height in pixels.
    """
    colour = hashlib.sha256(seed).digest()
    rows = bytearray()
    for y in range(size):
        rows.append(0)  # filter type: none
        for x in range(size):
            shade = (x + y) * 255 // (2 * size)
            rows.extend(((colour[0] + shade) % 256, (colour[1] + shade) % 256, colour[2]))
    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", header)
        + _png_chunk(b"IDAT", zlib.compress(bytes(rows)))
        + _png_chunk(b"IEND", b"")
    )
