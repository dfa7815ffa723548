"""Files of datasets: upload, download, associated files, thumbnails."""

from __future__ import annotations

import base64
import os
from collections.abc import Mapping, Sequence
from pathlib import Path

from crucible_openapi.v1.api.files import (
    add_associated_file,
    add_thumbnail,
    get_download_links,
    list_associated_files,
    list_thumbnails,
)
from crucible_openapi.v1.models import (
    AssociatedFile,
    AssociatedFileCreate,
    DownloadLinks,
    Thumbnail,
    ThumbnailCreate,
)

from pycrucible._checks import (
    check_file,
    check_files,
    check_id,
    check_limit,
    check_output_folder,
    check_text,
)
from pycrucible._core import Resource, given, per_call
from pycrucible._http import invoke, parse_list, parse_one
from pycrucible._progress import ProgressArg, reporting
from pycrucible._records import as_record
from pycrucible._redact import get_logger
from pycrucible._transfers.downloads import download_files
from pycrucible._transfers.io import size_and_sha256
from pycrucible._transfers.uploads import UploadedFile, upload_files
from pycrucible.errors import UnexpectedResponseError

__all__ = ["Files"]

log = get_logger("client")

PathArg = str | os.PathLike[str]
_HEX = frozenset("0123456789abcdef")


class Files(Resource):
    """Uploads, downloads, associated files and thumbnails (`client.files`)."""

    @per_call
    def upload_dataset(
        self,
        dsid: str,
        file_path: PathArg | Sequence[PathArg],
        *,
        progress: ProgressArg = None,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> list[UploadedFile]:
        """Uploads one file or several to a dataset, streamed and verified.

        Files under the client's `resumable_threshold` (100 MiB by default) go as a multipart
        upload; larger ones use the resumable chunked flow, which picks up where an interrupted
        run stopped (state under the client's `state_dir`). A file the dataset already holds is
        not sent again: for a small file, a record of the same name, size and SHA-256; for a
        large one, the same content, as the server reports when the upload starts. Such files
        are reported with `method == "existing"`.

        Args:
            dsid: The dataset's `unique_id`.
            file_path: A path, or a list of paths.
            progress: Called with (file name, bytes sent, total bytes) as the upload goes;
                True draws tqdm bars (the `progress` extra).

        Returns:
            One `UploadedFile` per file (name, size, sha256, server path, method used).

        Raises:
            FileNotFoundError: A file does not exist (nothing was sent).
            ValueError: A path is a directory, or the id is bad (nothing was sent).
            TransferError: The server's record does not match what was sent.
        """
        ds = check_id(dsid, "dsid")
        paths = check_files(file_path)
        with reporting(progress, "upload", self._core.settings.progress) as report:
            return upload_files(
                self._api,
                self._http.storage,
                ds,
                paths,
                resumable_threshold=self._core.settings.resumable_threshold,
                chunk_size=self._core.settings.upload_chunk_size,
                state_dir=self._state_dir / "uploads",
                progress=report,
            )

    @per_call
    def download_dataset(
        self,
        dsid: str,
        file_name: str | None = None,
        output_dir: PathArg = "crucible-downloads",
        overwrite_existing: bool = True,
        *,
        progress: ProgressArg = None,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> list[Path]:
        """Downloads a dataset's files (or one of them) into `output_dir`.

        Files are fetched through signed links, without the API key, several at a time; each is
        written to a fresh temporary file in a hidden folder of `output_dir` that this call
        creates and removes, checked against its size and SHA-256 when the server knows them,
        then renamed into place. An interrupted file is resumed within the call; a failed call
        leaves no partial file. Names that would escape `output_dir` are refused.

        Args:
            dsid: The dataset's `unique_id`.
            file_name: Only this file (its name or path as the dataset lists it).
            output_dir: Where to write; created if needed.
            overwrite_existing: Replace files already there; when False, existing files are kept.
            progress: Called with (file name, bytes received, total bytes or None); True
                draws tqdm bars (the `progress` extra).

        Returns:
            The local paths of the files.

        Raises:
            TransferError: A checksum mismatch, a short download or an unsafe name.
            NotFoundError: `file_name` is not one of the dataset's files.
            PermissionError: `output_dir` cannot be created or written into; checked before
                anything is downloaded (other `OSError`s likewise, e.g. a full disk).
        """
        ds = check_id(dsid, "dsid")
        if file_name is not None:
            check_text(file_name, "file_name")
        target = check_output_folder(output_dir)
        with reporting(progress, "download", self._core.settings.progress) as report:
            return download_files(
                self._api,
                self._http.storage,
                ds,
                file_name=file_name,
                output_dir=target,
                overwrite_existing=bool(overwrite_existing),
                max_workers=self._core.settings.download_workers,
                progress=report,
            )

    @per_call
    def get_dataset_download_links(
        self,
        dsid: str,
        expires_in: int | None = None,
        *,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> dict[str, str]:
        """Returns a signed URL per stored file: `{"<dsid>/<file path>": url}`.

        The links work without the API key (anyone holding one can download), for one hour by
        default.

        Args:
            dsid: The dataset's `unique_id`.
            expires_in: Lifetime of the links in seconds, when the server allows choosing it.
        """
        ds = check_id(dsid, "dsid")
        response = invoke(
            get_download_links.sync_detailed,
            dsid=ds,
            expires_in=given(expires_in),
            client=self._api,
        )
        links = parse_one(response, DownloadLinks, f"download links of {ds}")
        return {str(k): str(v) for k, v in links.additional_properties.items()}

    @per_call
    def get_associated_files(
        self,
        dsid: str,
        limit: int | None = None,
        *,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> list[AssociatedFile]:
        """Lists the files recorded with a dataset (name, size, SHA-256); at most `limit`
        (None: all)."""
        ds = check_id(dsid, "dsid")
        keep = check_limit(limit)
        return parse_list(
            invoke(list_associated_files.sync_detailed, dsid=ds, client=self._api),
            AssociatedFile,
            f"files of {ds}",
        )[:keep]

    @per_call
    def add_associated_file(
        self,
        dsid: str,
        file_path_or_name: PathArg,
        size: int | None = None,
        sha256_hash: str | None = None,
        *,
        filename: str | None = None,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> AssociatedFile:
        """Records a file with a dataset (the bytes are not sent: see `upload_dataset`).

        Given a local file, its size and SHA-256 are computed (streamed) and its base name is
        recorded unless `filename` says otherwise. Given a name of a file stored elsewhere
        (e.g. `"large-files/run7.h5"`), pass `size` and `sha256_hash`.

        Args:
            dsid: The dataset's `unique_id`.
            file_path_or_name: A local file, or the stored file's name.
            size: Size in bytes (computed for a local file).
            sha256_hash: Hex SHA-256 (computed for a local file).
            filename: Name to record instead of the local file's base name.

        Returns:
            The recorded file.

        Raises:
            FileNotFoundError: Without both `size` and `sha256_hash`, the local file is missing.
            ValueError: A directory, or a malformed size or hash (nothing was sent).
        """
        ds = check_id(dsid, "dsid")
        if size is not None and sha256_hash is not None:
            name = filename or os.fspath(file_path_or_name)
        else:
            local = check_file(file_path_or_name)
            size, sha256_hash = size_and_sha256(local)
            name = filename or local.name
        name = check_text(name, "filename")
        if isinstance(size, bool) or not isinstance(size, int) or size < 0:
            raise ValueError(f"size must be a number of bytes, got {size!r}")
        digest = check_text(sha256_hash, "sha256_hash").lower()
        if len(digest) != 64 or not set(digest) <= _HEX:
            raise ValueError(f"sha256_hash must be 64 hex digits, got {sha256_hash!r}")
        body = AssociatedFileCreate(filename=name, size=size, sha256_hash=digest)
        response = invoke(add_associated_file.sync_detailed, dsid=ds, body=body, client=self._api)
        parsed = response.parsed
        if isinstance(parsed, list):  # a later server answers with the whole list
            matches = [f for f in parsed if isinstance(f, AssociatedFile) and f.filename == name]
            if matches:
                return as_record(matches[-1])
            raise UnexpectedResponseError(f"file {name!r} missing from the answer for {ds}")
        return parse_one(response, AssociatedFile, f"new file {name!r} of {ds}")

    @per_call
    def get_thumbnails(
        self,
        dsid: str,
        limit: int | None = None,
        *,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> list[Thumbnail]:
        """Lists a dataset's thumbnails (`thumbnail_b64str` holds the base64 image); at most
        `limit` (None: all)."""
        ds = check_id(dsid, "dsid")
        keep = check_limit(limit)
        return parse_list(
            invoke(list_thumbnails.sync_detailed, dsid=ds, client=self._api),
            Thumbnail,
            f"thumbnails of {ds}",
        )[:keep]

    @per_call
    def add_thumbnail(
        self,
        dsid: str,
        file_path_or_bytes: PathArg | bytes,
        thumbnail_name: str | None = None,
        *,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Thumbnail:
        """Adds a PNG or JPEG thumbnail to a dataset.

        Args:
            dsid: The dataset's `unique_id`.
            file_path_or_bytes: An image file, or the image's bytes.
            thumbnail_name: Its name; the file's base name by default (required with bytes).

        Returns:
            The thumbnail.
        """
        ds = check_id(dsid, "dsid")
        if isinstance(file_path_or_bytes, bytes | bytearray | memoryview):
            if thumbnail_name is None:
                raise ValueError("thumbnail_name is required when passing image bytes")
            data = bytes(file_path_or_bytes)
        else:
            image = check_file(file_path_or_bytes, "thumbnail")
            data = image.read_bytes()
            thumbnail_name = thumbnail_name or image.name
        if not data:
            raise ValueError("the thumbnail image is empty")
        name = check_text(thumbnail_name, "thumbnail_name")
        body = ThumbnailCreate(
            thumbnail_name=name, thumbnail_b64str=base64.b64encode(data).decode("ascii")
        )
        response = invoke(add_thumbnail.sync_detailed, dsid=ds, body=body, client=self._api)
        return parse_one(response, Thumbnail, f"thumbnail {name!r} of {ds}")
