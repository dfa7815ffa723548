"""`client.v3.files`: file records, remote pointers and thumbnails of datasets on API v3.

Every file of a dataset is its own record with an MFID. Bytes stored by Crucible arrive through
an upload and leave through signed links (`pycrucible._v3.transfers`); files kept elsewhere
(Globus, a lab disk...) are registered as remote pointers. Thumbnails are in
`pycrucible._v3.thumbnails`.
"""

from __future__ import annotations

import builtins
import os
from typing import Any, Unpack

from crucible_openapi.v3.api.files import (
    delete_file,
    get_file,
    list_dataset_files,
    list_files,
    register_dataset_file,
    update_file,
)
from crucible_openapi.v3.models import FileRecord, FileRecordOffsetPage, FileRegister, FileUpdate
from crucible_openapi.v3.types import UNSET

from pycrucible._checks import check_file, check_id, check_text
from pycrucible._http import invoke, parse_list, parse_one
from pycrucible._records import as_record
from pycrucible._redact import get_logger
from pycrucible._transfers.io import size_and_sha256
from pycrucible._v3._base import CallKwargs, opt, per_call, unsupported
from pycrucible._v3.datasets import PAGE_SIZE, check_page_size
from pycrucible._v3.pages import OffsetPages
from pycrucible._v3.thumbnails import Thumbnails
from pycrucible._v3.transfers import Transfers
from pycrucible.errors import UnexpectedResponseError

__all__ = ["Files"]

log = get_logger("client")

_HEX = frozenset("0123456789abcdef")
_EDITABLE = frozenset({"filename", "storage_path", "access_note", "size", "sha256_hash"})
GCS = "gcs"


def check_sha256(value: Any, what: str = "sha256_hash") -> str:
    """Checks a hex SHA-256 (64 hex digits); returns it in lower case.

    Raises:
        ValueError: Not 64 hex digits.
    """
    digest = check_text(value, what).lower()
    if len(digest) != 64 or not set(digest) <= _HEX:
        raise ValueError(f"{what} must be 64 hex digits, got {value!r}")
    return digest


def check_size(value: Any, what: str = "size") -> int:
    """Checks a size in bytes (a whole number, zero or more).

    Raises:
        ValueError: Not a whole number of bytes.
    """
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"{what} must be a number of bytes (0 or more), got {value!r}")
    return value


def _optional_text(value: Any, what: str) -> str | None:
    return None if value is None else check_text(value, what)


def _check_backend(value: Any) -> str:
    backend = check_text(value, "storage_backend")
    if backend.strip().lower() == GCS:
        raise ValueError(
            "storage_backend 'gcs' files come from an upload (upload_dataset / "
            "client.v3.files.upload); a remote pointer names another backend, e.g. 'globus'"
        )
    return backend


class Files(Transfers, Thumbnails):
    """`client.v3.files`: file records, remote pointers, uploads, downloads and thumbnails."""

    @per_call
    def list(self, dsid: str, **options: Unpack[CallKwargs]) -> builtins.list[FileRecord]:
        """A dataset's file records (each file is its own record on API v3).

        Args:
            dsid: The dataset's MFID.
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=`.
        """
        ds = check_id(dsid, "dsid")
        response = invoke(list_dataset_files.sync_detailed, ds, client=self._api)
        return parse_list(response, FileRecord, f"files of {ds}")

    @per_call
    def get(self, file_mfid: str, **options: Unpack[CallKwargs]) -> FileRecord:
        """Reads one file record, with its `etag` (what `replace` needs).

        Args:
            file_mfid: The file's MFID.
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=`.

        Raises:
            NotFoundError: No such file (or it is hidden from you).
        """
        mfid = check_id(file_mfid, "file_mfid")
        response = invoke(get_file.sync_detailed, mfid, client=self._api)
        return parse_one(response, FileRecord, f"file {mfid}")

    @per_call
    def list_all(
        self,
        sha256_hash: str | None = None,
        limit: int | None = None,
        *,
        page_size: int = PAGE_SIZE,
        **options: Unpack[CallKwargs],
    ) -> OffsetPages[FileRecord]:
        """Lists the files of every dataset you can read, fetching offset pages as needed.

        Args:
            sha256_hash: Only files of this content (hex SHA-256): where is this file stored?
            limit: Stop after this many files (None: all of them).
            page_size: Files per request (1 to 1000).
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=` (they apply
                to the first page only; later pages are fetched as iteration reaches them).

        Returns:
            A lazy iterable of file records (`for f in ...`, `.count()`, `.to_list()`).

        Raises:
            ValueError: A bad argument (before any request).
        """
        check_page_size(page_size, limit)
        digest = check_sha256(sha256_hash) if sha256_hash is not None else None

        def fetch(offset: int) -> tuple[builtins.list[FileRecord], int | None]:
            response = invoke(
                list_files.sync_detailed,
                client=self._api,
                sha256_hash=opt(digest),
                limit=page_size,
                offset=offset,
            )
            page = response.parsed
            if not isinstance(page, FileRecordOffsetPage):
                raise UnexpectedResponseError(
                    f"file list: expected a page, got {response.content[:200]!r}"
                )
            total = page.total if isinstance(page.total, int) else None
            return as_record(page.items), total

        return OffsetPages(fetch, limit)

    @per_call
    def add_remote(
        self,
        dsid: str,
        filename: str,
        storage_backend: str,
        *,
        storage_path: str | None = None,
        access_note: str | None = None,
        size: int | None = None,
        sha256_hash: str | None = None,
        **options: Unpack[CallKwargs],
    ) -> FileRecord:
        """Records a file kept outside Crucible (a remote pointer). Safe to re-run.

        The bytes stay where they are; the record says where (`storage_path`) and how to reach
        them (`access_note`). Re-running with the same dataset, name and backend updates the
        pointer made the first time instead of adding a second one.

        Args:
            dsid: The dataset's MFID.
            filename: Its name in the dataset (may contain folders, e.g. `raw/run7.h5`).
            storage_backend: Where it is kept: `"globus"`, `"local"`, ... (not `"gcs"`).
            storage_path: Its URL or path there.
            access_note: How to reach it.
            size: Size in bytes.
            sha256_hash: Hex SHA-256 of its content.
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=`.

        Returns:
            The file record.

        Raises:
            ValueError: A bad argument, or `storage_backend="gcs"` (before any request).
        """
        ds = check_id(dsid, "dsid")
        name = check_text(filename, "filename")
        backend = _check_backend(storage_backend)
        fields: dict[str, Any] = {
            "storage_path": _optional_text(storage_path, "storage_path"),
            "access_note": _optional_text(access_note, "access_note"),
            "size": check_size(size) if size is not None else None,
            "sha256_hash": check_sha256(sha256_hash) if sha256_hash is not None else None,
        }
        earlier = [f for f in self.list(ds) if f.filename == name and f.storage_backend == backend]
        if earlier:
            log.info("file %r of %s is already recorded; updating it", name, ds)
            record = earlier[-1]
        else:
            body = FileRegister(
                filename=name,
                storage_backend=backend,
                access_note=opt(fields["access_note"]),
                size=opt(fields["size"]),
                sha256_hash=opt(fields["sha256_hash"]),
            )
            response = invoke(register_dataset_file.sync_detailed, ds, client=self._api, body=body)
            record = parse_one(response, FileRecord, f"new file {name!r} of {ds}")
        changes = {k: v for k, v in fields.items() if v is not None and getattr(record, k) != v}
        # The new record's storage_path (not part of a registration), or what a re-run changed.
        return self.update(record.mfid, **changes) if changes else record

    @per_call
    def update(self, /, file_mfid: str, **fields: Any) -> FileRecord:
        """Renames a file or edits the location fields of a remote pointer.

        Args:
            file_mfid: The file's MFID.
            **fields: `filename`, `storage_path`, `access_note`, `size`, `sha256_hash` (the
                last four only for files kept outside Crucible: for stored files the server
                owns them and answers 422); and the per-call `timeout=`, `extra_headers=`,
                `privilege_mode=`.

        Raises:
            ValueError: An unknown field or a bad value (before any request).
            UnprocessableEntityError: A server-owned field of a stored file.
        """
        mfid = check_id(file_mfid, "file_mfid")
        unknown = sorted(set(fields) - _EDITABLE)
        if unknown:
            raise ValueError(f"update on API v3 edits {sorted(_EDITABLE)}, not {unknown}")
        if not fields:
            raise ValueError("give at least one field to change")
        for name in ("filename", "storage_path", "access_note"):
            if name in fields:
                check_text(fields[name], name)
        body = FileUpdate(
            filename=opt(fields.get("filename")),
            storage_path=opt(fields.get("storage_path")),
            access_note=opt(fields.get("access_note")),
            size=check_size(fields["size"]) if "size" in fields else UNSET,
            sha256_hash=check_sha256(fields["sha256_hash"]) if "sha256_hash" in fields else UNSET,
        )
        response = invoke(update_file.sync_detailed, mfid, client=self._api, body=body)
        return parse_one(response, FileRecord, f"file {mfid}")

    @per_call
    def delete(self, file_mfid: str, **options: Unpack[CallKwargs]) -> None:
        """Deletes a file record and, for a stored file, its bytes.

        Args:
            file_mfid: The file's MFID.
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=`.

        Raises:
            NotFoundError: No such file.
        """
        mfid = check_id(file_mfid, "file_mfid")
        invoke(delete_file.sync_detailed, mfid, client=self._api)
        log.info("deleted file %s", mfid)

    @per_call
    def add_associated_file(
        self,
        dsid: str,
        file_path_or_name: str | os.PathLike[str],
        size: int | None = None,
        sha256_hash: str | None = None,
        *,
        filename: str | None = None,
        storage_backend: str | None = None,
        storage_path: str | None = None,
        access_note: str | None = None,
        **options: Unpack[CallKwargs],
    ) -> FileRecord:
        """The seed-era call on API v3: records a file kept outside Crucible (a remote pointer).

        API v3 stores bytes only through an upload, so this records where a file is kept:
        given a local file (and no `storage_backend`), a `"local"` pointer to its absolute
        path, with its size and SHA-256 computed; given a name with `size` and `sha256_hash`,
        a pointer on `storage_backend`. Re-running updates the same pointer.

        Args:
            dsid: The dataset's MFID.
            file_path_or_name: A local file, or the name of a file kept elsewhere.
            size: Size in bytes (computed for a local file).
            sha256_hash: Hex SHA-256 (computed for a local file).
            filename: Name to record instead of the local file's base name.
            storage_backend: Where it is kept (`"globus"`, ...; `"local"` for a local file).
            storage_path: Its URL or path there (a local file's absolute path by default).
            access_note: How to reach it.
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=`.

        Raises:
            UnsupportedByServerError: A name of a file kept elsewhere without `storage_backend`
                (API v3 has no file records without a storage); upload the bytes instead.
            FileNotFoundError: Without both `size` and `sha256_hash`, the local file is missing.
            ValueError: A bad argument (before any request).
        """
        ds = check_id(dsid, "dsid")
        if size is not None and sha256_hash is not None:
            name = filename or os.fspath(file_path_or_name)
            local = None
        else:
            local = check_file(file_path_or_name)
            size, sha256_hash = size_and_sha256(local)
            name = filename or local.name
        if storage_backend is None and local is None:
            unsupported(
                "add_associated_file of a file that is neither uploaded nor given a storage "
                "(a record without bytes)",
                "upload_dataset(dsid, path) for the bytes, or add_associated_file(..., "
                "storage_backend='globus', storage_path=...) for a file kept elsewhere",
            )
        return self.add_remote(
            ds,
            name,
            storage_backend or "local",
            storage_path=storage_path or (str(local.resolve()) if local is not None else None),
            access_note=access_note,
            size=size,
            sha256_hash=sha256_hash,
        )
