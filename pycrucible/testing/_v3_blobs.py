"""Bytes of API v3 files on disk, and the signed storage URLs that move them.

Layout under the data directory::

    storage/v3/<dataset_mfid>/<file_mfid>    the stored content of a file record
    uploads/v3/<upload_id>/<n>.part          an acknowledged part of a signed multipart upload
    uploads/v3/<upload_id>/content           the bytes of a resumable or token upload so far
    uploads/v3/<upload_id>/*.tmp             a part or object being received (never acknowledged)

Every write streams: bytes go to a temporary file as they arrive, their CRC32C (and SHA-256
where it is needed) is computed on the way, and only a complete, checked file is renamed into
place, so an interrupted or corrupted transfer never replaces good bytes.

Storage URLs are signed with the server's HMAC secret (see :class:`Signer`): a part URL names the
session, the part number and the part's expected CRC32C, so a part whose bytes differ is refused.
"""

from __future__ import annotations

import hashlib
import secrets
import shutil
import time
from collections.abc import AsyncIterator
from pathlib import Path
from urllib.parse import quote, urlencode

from pycrucible.testing._crc32c import CHUNK_SIZE, Crc32c
from pycrucible.testing._files import Signer

PART_PREFIX = "/storage/v3-parts"
RESUMABLE_PREFIX = "/storage/v3-resumable"
OBJECT_PREFIX = "/storage/v3-objects"
DOWNLOAD_PREFIX = "/storage/v3"
TOKEN_BUCKET = "crucible-local"


class TooLargeError(Exception):
    """More bytes arrived than the transfer may hold."""


class Blobs:
    """Stored v3 file contents and in-flight uploads under one data directory.

    Args:
        root: The data directory.
    """

    def __init__(self, root: Path) -> None:
        self.storage = root / "storage" / "v3"
        self.uploads = root / "uploads" / "v3"
        self.storage.mkdir(parents=True, exist_ok=True)
        self.uploads.mkdir(parents=True, exist_ok=True)

    def session_dir(self, upload_id: str, *, create: bool = False) -> Path:
        """Return the directory of one upload session's bytes (made when ``create``)."""
        path = self.uploads / hashlib.sha256(upload_id.encode()).hexdigest()[:32]
        if create:
            path.mkdir(parents=True, exist_ok=True)
        return path

    def part_path(self, upload_id: str, part_number: int) -> Path:
        """Return the file of an acknowledged part."""
        return self.session_dir(upload_id) / f"{part_number}.part"

    def content_path(self, upload_id: str) -> Path:
        """Return the file holding a resumable or token upload's bytes so far."""
        return self.session_dir(upload_id, create=True) / "content"

    def temp_path(self, upload_id: str) -> Path:
        """Return a fresh temporary file name inside a session's directory."""
        return self.session_dir(upload_id, create=True) / f"{secrets.token_hex(8)}.tmp"

    def stored_key(self, dataset_mfid: str, file_mfid: str) -> str:
        """Return the storage key (relative path under ``storage/v3``) of a file's content."""
        return f"{dataset_mfid}/{file_mfid}"

    def stored_path(self, key: str) -> Path | None:
        """Return the path of a stored content, or None if the key would escape storage."""
        path = (self.storage / key).resolve()
        if not path.is_relative_to(self.storage.resolve()):
            return None
        return path

    def adopt(self, source: Path, key: str) -> None:
        """Move finished bytes into storage under a key (atomic on one file system)."""
        target = self.storage / key
        target.parent.mkdir(parents=True, exist_ok=True)
        source.replace(target)

    def remove_stored(self, key: str | None) -> None:
        """Delete a stored content (nothing happens when it is gone)."""
        if key:
            path = self.stored_path(key)
            if path is not None:
                path.unlink(missing_ok=True)

    def discard_session(self, upload_id: str) -> None:
        """Delete every byte kept for an upload session."""
        shutil.rmtree(self.session_dir(upload_id), ignore_errors=True)


async def receive_to(
    chunks: AsyncIterator[bytes], target: Path, limit: int, *, append: bool = False
) -> tuple[int, int]:
    """Write streamed bytes to a file, checksumming them as they arrive.

    Args:
        chunks: The incoming bytes (for example ``request.stream()``).
        target: The file to write.
        limit: Most bytes accepted; more raise :class:`TooLargeError`.
        append: Add to the file instead of replacing it.

    Returns:
        The number of bytes written and their CRC32C as an integer.
    """
    crc = Crc32c()
    size = 0
    with target.open("ab" if append else "wb") as out:
        async for chunk in chunks:
            if not chunk:
                continue
            size += len(chunk)
            if size > limit:
                raise TooLargeError(f"more than {limit} bytes")
            out.write(chunk)
            crc.update(chunk)
    return size, crc.value


def concatenate(parts: list[Path], target: Path) -> tuple[int, str, str]:
    """Join part files into one, hashing in the same pass; memory stays flat.

    Returns:
        The size in bytes, the hex SHA-256 and the base64 CRC32C of the result.
    """
    sha = hashlib.sha256()
    crc = Crc32c()
    size = 0
    with target.open("wb") as out:
        for part in parts:
            with part.open("rb") as source:
                while chunk := source.read(CHUNK_SIZE):
                    out.write(chunk)
                    sha.update(chunk)
                    crc.update(chunk)
                    size += len(chunk)
    return size, sha.hexdigest(), crc.b64()


def digest_file(path: Path) -> tuple[int, str, str]:
    """Return the size, hex SHA-256 and base64 CRC32C of a file, read in chunks."""
    sha = hashlib.sha256()
    crc = Crc32c()
    size = 0
    with path.open("rb") as source:
        for chunk in iter(lambda: source.read(CHUNK_SIZE), b""):
            sha.update(chunk)
            crc.update(chunk)
            size += len(chunk)
    return size, sha.hexdigest(), crc.b64()


def part_signing_key(upload_id: str, part_number: int, crc32c: str) -> str:
    """The string a part URL's signature covers: method, session, part and expected CRC32C."""
    return f"PUT v3-parts/{upload_id}/{part_number} crc32c={crc32c}"


def sign_part_url(
    signer: Signer, base_url: str, upload_id: str, part_number: int, crc32c: str, lifetime: int
) -> tuple[str, int]:
    """Return a signed part URL and its expiry (Unix seconds)."""
    expires = int(time.time()) + lifetime
    signature = signer.signature(part_signing_key(upload_id, part_number, crc32c), expires)
    query = urlencode({"crc32c": crc32c, "expires": expires, "signature": signature})
    return f"{base_url}{PART_PREFIX}/{quote(upload_id)}/{part_number}?{query}", expires


def resumable_signing_key(upload_id: str) -> str:
    """The string a resumable session URI's signature covers."""
    return f"PUT v3-resumable/{upload_id}"


def sign_resumable_url(signer: Signer, base_url: str, upload_id: str, lifetime: int) -> str:
    """Return the signed resumable session URI of an upload (no API key needed)."""
    expires = int(time.time()) + lifetime
    signature = signer.signature(resumable_signing_key(upload_id), expires)
    query = urlencode({"expires": expires, "signature": signature})
    return f"{base_url}{RESUMABLE_PREFIX}/{quote(upload_id)}?{query}"


def download_signing_key(key: str, disposition: str) -> str:
    """The string a download URL's signature covers: the stored key and the disposition."""
    return f"GET v3/{key} disposition={disposition}"


def sign_download_url(
    signer: Signer, base_url: str, key: str, disposition: str, lifetime: int
) -> str:
    """Return a signed download URL of a stored content."""
    expires = int(time.time()) + lifetime
    signature = signer.signature(download_signing_key(key, disposition), expires)
    query = urlencode({"disposition": disposition, "expires": expires, "signature": signature})
    return f"{base_url}{DOWNLOAD_PREFIX}/{quote(key)}?{query}"


ALWAYS_ATTACHMENT = frozenset({".html", ".htm", ".svg", ".xml", ".xhtml"})


def effective_disposition(filename: str, wanted: str | None) -> str:
    """Return the disposition a link gets: HTML, SVG and XML always download (attachment)."""
    suffix = Path(filename).suffix.lower()
    if wanted == "inline" and suffix not in ALWAYS_ATTACHMENT:
        return "inline"
    return "attachment"
