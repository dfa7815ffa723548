"""Uploads: streamed multipart for small files, the resumable protocol for large ones.

Every file is checked before anything is sent. A small file (below `resumable_threshold`) that
the dataset already holds (a record of the same name, size and SHA-256) is not sent again; the
others go in one multipart upload each (the contract's `upload_files` operation), streamed from
the open file through a wrapper that hashes what httpx reads; afterwards one
`list_associated_files` call checks the server's SHA-256 and size records. Large files use
`pycrucible._transfers.resumable` (chunks to a keyless upload URI, resumable across processes).
No file is ever held in memory whole.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any, BinaryIO, cast

import attrs
import httpx
from crucible_openapi.v1 import AuthenticatedClient
from crucible_openapi.v1.api.files import list_associated_files
from crucible_openapi.v1.models import AssociatedFile

from pycrucible._checks import check_file, check_id
from pycrucible._http import invoke, parse_list, translate_errors
from pycrucible._limits import TRANSFER
from pycrucible._redact import get_logger
from pycrucible._transfers.io import HashingReader, LocalFile, ProgressMeter, sha256_file
from pycrucible._transfers.paths import matching_records
from pycrucible._transfers.resumable import upload_resumable
from pycrucible._transfers.state import StateStore
from pycrucible._types import ProgressCallback
from pycrucible._v1.contract import route
from pycrucible.errors import (
    APIConnectionError,
    APIError,
    TransferError,
    UnexpectedResponseError,
)

__all__ = ["CHUNK_QUANTUM", "UploadedFile", "local_files", "upload_files"]

log = get_logger("transfers")

CHUNK_QUANTUM = 256 * 1024
"""Resumable chunks are a multiple of this many bytes (256 KiB), as cloud storage requires."""


@attrs.frozen
class UploadedFile:
    """One uploaded file, as `upload_files` (and `CrucibleClient.upload_dataset`) report it.

    Attributes:
        path: Absolute local path.
        name: The name it has on the server (the local base name).
        size: Size in bytes.
        sha256: Hex SHA-256 of the content sent.
        server_path: The path the API reported (multipart) or the recorded file name.
        method: `"multipart"`, `"resumable"`, or `"existing"` when the dataset already held the
            same content and nothing was sent.
    """

    path: Path
    name: str
    size: int
    sha256: str
    server_path: str | None
    method: str


def local_files(paths: Sequence[str | os.PathLike[str]]) -> list[LocalFile]:
    """Checks the files to upload (with `pycrucible._checks.check_file`), before any network
    traffic, and notes their size and modification time.

    Args:
        paths: Files to upload.

    Returns:
        One `LocalFile` per path, in order.

    Raises:
        TypeError: `paths` is a single path instead of a list of paths.
        FileNotFoundError: A path does not exist.
        ValueError: A path is a directory, not a regular file, unreadable, or two paths share a
            base name (the server keys files by name).
    """
    if isinstance(paths, (str, bytes, os.PathLike)):
        raise TypeError("paths must be a list of file paths, not a single path")
    files: list[LocalFile] = []
    seen: dict[str, Path] = {}
    for given in paths:
        path = Path(os.path.abspath(check_file(given, "file to upload")))
        info = path.stat()
        if path.name in seen:
            raise ValueError(
                f"two files named {path.name!r} in one upload ({seen[path.name]} and {path}); "
                "the server stores files by name"
            )
        seen[path.name] = path
        files.append(LocalFile(path, path.name, info.st_size, info.st_mtime_ns))
    return files


def upload_files(
    api: AuthenticatedClient,
    storage: httpx.Client,
    dsid: str,
    paths: Sequence[str | os.PathLike[str]],
    *,
    resumable_threshold: int = 100 * 1024**2,
    chunk_size: int = 16 * 1024**2,
    state_dir: Path | None = None,
    progress: ProgressCallback | None = None,
) -> list[UploadedFile]:
    """Uploads files to a dataset, one after the other, verifying each.

    Args:
        api: The authenticated generated client (its httpx client carries the key).
        storage: The keyless client, used for resumable upload URIs.
        dsid: Dataset id.
        paths: Local files; their base names must be unique.
        resumable_threshold: Files of at least this many bytes use the resumable protocol.
        chunk_size: Bytes per resumable chunk; a positive multiple of 256 KiB.
        state_dir: Folder for resume state of large uploads (`~/.cache/pycrucible/uploads` when
            None); an interrupted upload continues there on the next call with the same file.
        progress: Called with (file name, bytes sent, total bytes), at most about once per MiB.

    Returns:
        One `UploadedFile` per path, in order.

    Raises:
        FileNotFoundError, ValueError, TypeError: Bad input; nothing was sent.
        TransferError: A checksum or size disagrees, a file changed while being sent, or a
            resumable upload kept failing (run again to resume).
        APIError: The API refused a request or could not be reached.
    """
    check_id(dsid, "dataset id")
    if isinstance(resumable_threshold, bool) or resumable_threshold < 0:
        raise ValueError(f"resumable_threshold must be >= 0 bytes, got {resumable_threshold!r}")
    if isinstance(chunk_size, bool) or chunk_size <= 0 or chunk_size % CHUNK_QUANTUM:
        raise ValueError(f"chunk_size must be a positive multiple of 256 KiB, got {chunk_size!r}")
    files = local_files(paths)
    store = StateStore(state_dir)
    resumable = [f.size > 0 and f.size >= resumable_threshold for f in files]
    held = _held_records(api, dsid) if not all(resumable) else {}
    results: list[UploadedFile] = []
    for file, large in zip(files, resumable, strict=True):
        meter = ProgressMeter(progress, file.name, file.size)
        meter.update(0)
        existing = None if large else _already_held(file, held)
        if existing is not None:
            log.info("%s: the dataset already holds it (same SHA-256); not sent", file.name)
            meter.update(file.size)
            results.append(existing)
            continue
        if large:
            outcome = upload_resumable(
                api, storage, dsid, file, chunk_size=chunk_size, store=store, meter=meter
            )
            result = UploadedFile(
                file.path, file.name, file.size, outcome.sha256, outcome.server_path, outcome.method
            )
        else:
            result = _upload_multipart(api, storage, dsid, file, meter)
        log.info("uploaded %s (%d bytes, %s)", file.name, file.size, result.method)
        results.append(result)
    multipart = [r for r in results if r.method == "multipart"]
    if multipart:
        _verify_against_records(api, dsid, multipart)
    return results


def _upload_multipart(
    api: AuthenticatedClient,
    storage: httpx.Client,
    dsid: str,
    file: LocalFile,
    meter: ProgressMeter,
) -> UploadedFile:
    """Streams one file as the single `files` part of a multipart POST."""
    http = api.get_httpx_client()
    upload = route("upload_files")
    with file.path.open("rb") as handle:
        reader = HashingReader(handle, meter)
        part = (file.name, cast(BinaryIO, reader), "application/octet-stream")
        # The transfer timeout, not the API one: the answer comes after the last byte is stored.
        try:
            with translate_errors():
                response = http.request(
                    upload.method,
                    upload.url(dsid=dsid),
                    files=[("files", part)],
                    timeout=storage.timeout,
                    extensions={TRANSFER: True},
                )
        except APIConnectionError as exc:
            raise _lost_upload_error(exc, file, dsid) from exc
    meter.finish()
    sha = reader.hexdigest()
    if sha is None or reader.bytes_read != file.size:
        raise TransferError(f"{file.path} changed while it was being uploaded")
    file.check_unchanged()
    return UploadedFile(file.path, file.name, file.size, sha, _server_path(response), "multipart")


def _lost_upload_error(exc: APIConnectionError, file: LocalFile, dsid: str) -> APIConnectionError:
    """The same error, saying that running the upload again is safe.

    A multipart POST is not retried automatically (its body is a one-shot stream, and the
    server may have stored the file before the answer was lost), but the server stores files
    by name: a second upload of the same file replaces the first instead of adding a copy.
    """
    return type(exc)(
        f"{exc}; the upload of {file.name} to dataset {dsid} was not retried automatically. "
        "Running it again is safe: files are stored by name, so a second upload replaces the "
        "first rather than adding a copy"
    )


def _server_path(response: httpx.Response) -> str | None:
    """Reads the stored path from the upload answer (a JSON list of paths)."""
    try:
        body: Any = response.json()
    except ValueError:
        text = response.text.strip()
        log.debug("upload answer is not JSON: %r", text[:200])
        return text or None
    if isinstance(body, list) and all(isinstance(item, str) for item in body):
        return body[0] if body else None
    if isinstance(body, str):
        return body
    raise UnexpectedResponseError(
        f"upload: expected a list of stored paths, got {response.content[:200]!r}",
        response=response,
    )


def _records_by_name(api: AuthenticatedClient, dsid: str) -> dict[str, list[AssociatedFile]]:
    """The dataset's associated-file records, by file name."""
    response = invoke(list_associated_files.sync_detailed, dsid, client=api)
    by_name: dict[str, list[AssociatedFile]] = {}
    for record in parse_list(response, AssociatedFile, f"files of dataset {dsid}"):
        by_name.setdefault(record.filename, []).append(record)
    return by_name


def _held_records(api: AuthenticatedClient, dsid: str) -> dict[str, list[AssociatedFile]]:
    """The records that let a small file the dataset already holds be skipped; none (everything
    is sent) when they cannot be read: skipping is a saving, not a requirement."""
    try:
        return _records_by_name(api, dsid)
    except APIError as exc:
        log.info("could not read the files of dataset %s (%s); sending every file", dsid, exc)
        return {}


def _already_held(file: LocalFile, by_name: dict[str, list[AssociatedFile]]) -> UploadedFile | None:
    """The dataset's record of this file when it holds the same name, size and SHA-256.

    The file is hashed only when a record of the same name exists.
    """
    candidates = [r for n in matching_records(file.name, by_name) for r in by_name[n]]
    recorded = [r for r in candidates if isinstance(r.sha256_hash, str) and r.size == file.size]
    if not recorded:
        return None
    sha = sha256_file(file.path)
    for record in recorded:
        if isinstance(record.sha256_hash, str) and record.sha256_hash.lower() == sha:
            return UploadedFile(file.path, file.name, file.size, sha, record.filename, "existing")
    return None


def _verify_against_records(
    api: AuthenticatedClient, dsid: str, uploaded: list[UploadedFile]
) -> None:
    """Compares each upload's SHA-256 and size with the dataset's associated-file records.

    A file with no matching record, or a record without a hash, is left unverified (logged).

    Raises:
        TransferError: A matching record disagrees.
    """
    by_name = _records_by_name(api, dsid)
    for item in uploaded:
        names = matching_records(item.server_path or item.name, by_name)
        if not names and item.server_path:
            names = matching_records(item.name, by_name)
        candidates = [record for name in names for record in by_name[name]]
        hashes = {r.sha256_hash.lower() for r in candidates if isinstance(r.sha256_hash, str)}
        sizes = {r.size for r in candidates if isinstance(r.size, int)}
        if not hashes:
            log.info("%s: the server keeps no checksum for it; not verified", item.name)
        elif item.sha256 not in hashes:
            raise TransferError(
                f"{item.name}: the server recorded SHA-256 {sorted(hashes)}, sent {item.sha256}"
            )
        if sizes and item.size not in sizes:
            raise TransferError(
                f"{item.name}: the server recorded size {sorted(sizes)}, sent {item.size}"
            )
