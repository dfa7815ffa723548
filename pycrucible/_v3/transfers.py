"""The transfer methods of `client.v3.files`: uploads, replacements, downloads and signed links.

The client's settings apply: `state_dir` (resume state of interrupted uploads, under
`uploads/`), `upload_chunk_size` (bytes per resumable-session chunk), `download_workers`
(files fetched at once) and the client's `sleep` (waits asked for by a busy server).
"""

from __future__ import annotations

import builtins
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Unpack

from crucible_openapi.v3.api.files import (
    get_dataset_download_links,
    get_file_download_link,
    list_dataset_files,
)
from crucible_openapi.v3.models import DownloadDisposition, DownloadLink, DownloadLinks, FileRecord

from pycrucible._checks import check_file, check_files, check_id, check_output_folder, check_text
from pycrucible._http import invoke, parse_one
from pycrucible._progress import ProgressArg, reporting
from pycrucible._records import as_record
from pycrucible._redact import get_logger
from pycrucible._transfers.calls_v3 import MultipartSettings
from pycrucible._transfers.downloads_v3 import download_dataset_v3, download_file_v3
from pycrucible._transfers.multipart_v3 import replace_file_multipart
from pycrucible._transfers.resumable_v3 import upload_files_v3
from pycrucible._types import ProgressCallback
from pycrucible._v3._base import CallKwargs, V3Resource, opt, per_call
from pycrucible.errors import NotFoundError

__all__ = ["Transfers"]

log = get_logger("client")

PathArg = str | os.PathLike[str]
_DISPOSITIONS = {d.value: d for d in DownloadDisposition}


def _disposition(value: str | None) -> DownloadDisposition | None:
    if value is None:
        return None
    if value not in _DISPOSITIONS:
        raise ValueError(f"disposition must be 'attachment' or 'inline', got {value!r}")
    return _DISPOSITIONS[value]


class Transfers(V3Resource):
    """The transfer methods of `client.v3.files`."""

    def _upload_settings(self, progress: ProgressCallback | None) -> MultipartSettings:
        settings = self._core.settings
        return MultipartSettings(
            state_dir=settings.state_dir / "uploads",
            chunk_size=settings.upload_chunk_size,
            workers=settings.upload_workers,
            sleep=self._core.sleep,
            progress=progress,
        )

    @per_call
    def upload(
        self,
        dsid: str,
        file_path: PathArg | Sequence[PathArg],
        *,
        progress: ProgressArg = None,
        **options: Unpack[CallKwargs],
    ) -> builtins.list[FileRecord]:
        """Uploads files into a dataset: signed multipart, else a resumable session.

        Parts go in parallel with their CRC32C; content the server already holds is not sent
        again; an interrupted upload resumes where it stopped, also from a new process (state
        under the client's `state_dir`); the key never goes to a storage URL.

        Args:
            dsid: The dataset's MFID.
            file_path: One path or a list of paths.
            progress: Called with (file name, bytes sent, total) as each file goes; the first
                call gives where it starts (what a resumed upload already has on the server).
                True draws tqdm bars (the `progress` extra).
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=` (API requests
                only; storage requests never carry them).

        Returns:
            The file records, in the order given.

        Raises:
            ValueError: A bad dataset id or a directory (before any request).
            FileNotFoundError: A file does not exist (before any request).
            FilenameExistsError: Another file of that name is in the dataset (see `replace`).
        """
        ds = check_id(dsid, "dsid")
        paths = check_files(file_path)
        with reporting(progress, "upload", self._core.settings.progress) as report:
            storage, settings = self._http.storage, self._upload_settings(report)
            return as_record(upload_files_v3(self._api, storage, ds, paths, settings=settings))

    @per_call
    def replace(
        self,
        file_mfid: str,
        path: PathArg,
        *,
        etag: str,
        progress: ProgressArg = None,
        **options: Unpack[CallKwargs],
    ) -> FileRecord:
        """Gives an existing file record new content (`If-Match`), by signed multipart.

        Args:
            file_mfid: The file's MFID (e.g. `FilenameExistsError.file_mfid`).
            path: The local file with the new content.
            etag: The record's ETag as you last read it (`get(file_mfid).etag`,
                `FilenameExistsError.etag`); `"*"` replaces whatever is there.
            progress: Called with (file name, bytes sent, total) as the file goes; True
                draws a tqdm bar.
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=`.

        Returns:
            The record with the new content (same MFID).

        Raises:
            EtagMismatchError: The record changed since `etag` was read (412); nothing changed.
            ValueError: A bad id or an empty etag (before any request).
            FileNotFoundError: The local file does not exist (before any request).
        """
        mfid = check_id(file_mfid, "file_mfid")
        if not isinstance(etag, str) or not etag.strip():
            raise ValueError(f"etag must be the record's ETag or '*', got {etag!r}")
        local = check_file(path)
        with reporting(progress, "upload", self._core.settings.progress) as report:
            record = replace_file_multipart(
                self._api,
                self._http.storage,
                mfid,
                local,
                etag=etag,
                settings=self._upload_settings(report),
            )
        return as_record(record)

    @per_call
    def download(
        self,
        dsid: str,
        file_name: str | None = None,
        output_dir: PathArg = "crucible-downloads",
        overwrite_existing: bool = True,
        *,
        progress: ProgressArg = None,
        **options: Unpack[CallKwargs],
    ) -> builtins.list[Path]:
        """Downloads a dataset's ingested files, or one of them (verified, atomic, parallel).

        Each file comes through its signed link without the API key, is checked against its
        record (size, SHA-256) and only then renamed into place; names that would escape
        `output_dir` are refused. `client.download_dataset(...)` on API v3 is this call.

        Args:
            dsid: The dataset's MFID.
            file_name: Only this file (its name as the dataset's records give it).
            output_dir: Folder to write into (created if missing); records' folders are kept.
            overwrite_existing: Replace files already there (one with the record's SHA-256 is
                kept as it is); when False, existing files are kept.
            progress: Called with (file name, bytes received, total) per file, from the
                threads that fetch them. True draws tqdm bars (the `progress` extra).
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=`.

        Returns:
            The paths of the files (none when no file is ingested yet).

        Raises:
            NotFoundError: `file_name` is not an ingested file of the dataset.
            TransferError: An unsafe name, or a file failed its size or SHA-256 check (a good
                file already there is kept).
            PermissionError: `output_dir` cannot be written into (checked before any request).
        """
        ds = check_id(dsid, "dsid")
        if file_name is not None:
            check_text(file_name, "file_name")
        target = check_output_folder(output_dir)
        with reporting(progress, "download", self._core.settings.progress) as report:
            return download_dataset_v3(
                self._api,
                self._http.storage,
                ds,
                target,
                file_name=file_name,
                overwrite_existing=bool(overwrite_existing),
                workers=self._core.settings.download_workers,
                progress=report,
            )

    @per_call
    def download_file(
        self,
        file_mfid: str,
        dest: PathArg = "crucible-downloads",
        *,
        as_file: bool = False,
        progress: ProgressArg = None,
        **options: Unpack[CallKwargs],
    ) -> Path:
        """Downloads one file by its MFID, verified (size, SHA-256) and atomic.

        Args:
            file_mfid: The file's MFID.
            dest: The folder to write into (created if missing), under the file's recorded
                name; with `as_file=True`, the file to write.
            as_file: `dest` names the file itself, not its folder.
            progress: Called with (file name, bytes received, total); True draws a tqdm bar.
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=`.

        Returns:
            The path written.

        Raises:
            ValueError: A bad id, or `as_file` with a folder (before any request).
            NotFoundError: No such file, or it is not ingested yet (no link).
            TransferError: An unsafe name, or the bytes failed the check (a good file already
                there is kept).
        """
        mfid = check_id(file_mfid, "file_mfid")
        if as_file:
            if not isinstance(dest, str | os.PathLike) or not os.fspath(dest):
                raise ValueError(f"dest must be a file path, got {dest!r}")
            target = Path(dest).expanduser()
            if target.is_dir():
                raise ValueError(f"dest is a folder, not a file: {target} (drop as_file=True)")
            check_output_folder(target.parent)
        else:
            target = check_output_folder(dest)
        with reporting(progress, "download", self._core.settings.progress) as report:
            return download_file_v3(
                self._api,
                self._http.storage,
                mfid,
                target,
                into_folder=not as_file,
                progress=report,
            )

    @per_call
    def download_links(
        self,
        dsid: str,
        expires_in: int | None = None,
        *,
        disposition: str | None = None,
        **options: Unpack[CallKwargs],
    ) -> dict[str, str | None]:
        """Signed URLs of a dataset's ingested files, keyed by **file MFID** (not by name).

        The links need no API key and last about an hour. A file whose stored location the
        server will not serve maps to None. Names are in the records (`list(dsid)`).

        Args:
            dsid: The dataset's MFID.
            expires_in: Kept for seed-era calls; API v3 chooses the lifetime (ignored, logged).
            disposition: `"attachment"` (the server's default) or `"inline"`.
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=`.

        Returns:
            `{file_mfid: url or None}`; {} when no file of the dataset is ingested.
        """
        ds = check_id(dsid, "dsid")
        kind = _disposition(disposition)
        if expires_in is not None:
            log.warning("expires_in is ignored on API v3: the server sets the links' lifetime")
        try:
            response = invoke(
                get_dataset_download_links.sync_detailed,
                ds,
                client=self._api,
                disposition=opt(kind),
            )
        except NotFoundError:
            # The same 404 says "no such dataset" and "nothing ingested yet": tell them apart.
            invoke(list_dataset_files.sync_detailed, ds, client=self._api)
            return {}
        links = parse_one(response, DownloadLinks, f"download links of {ds}")
        return {str(k): v for k, v in links.additional_properties.items()}

    @per_call
    def link(
        self, file_mfid: str, *, disposition: str | None = None, **options: Unpack[CallKwargs]
    ) -> DownloadLink:
        """A signed download link for one file (`.url`; no API key needed, about an hour).

        Args:
            file_mfid: The file's MFID.
            disposition: `"attachment"` (the server's default) or `"inline"` (HTML, SVG and
                XML always download).
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=`.

        Raises:
            NotFoundError: No such file, or it is not ingested yet.
        """
        mfid = check_id(file_mfid, "file_mfid")
        kind = _disposition(disposition)
        response = invoke(
            get_file_download_link.sync_detailed, mfid, client=self._api, disposition=opt(kind)
        )
        return parse_one(response, DownloadLink, f"download link of file {mfid}")
