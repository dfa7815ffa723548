"""`client.v3.files`: a dataset's file records and thumbnails, uploads and downloads on API v3."""

from __future__ import annotations

import builtins
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Unpack

from crucible_openapi.v3.api.files import list_dataset_files, list_dataset_thumbnails
from crucible_openapi.v3.models import FileRecord, Thumbnail

from pycrucible._checks import check_id
from pycrucible._http import invoke, parse_list
from pycrucible._records import as_record
from pycrucible._transfers.downloads_v3 import download_dataset_v3
from pycrucible._transfers.resumable_v3 import upload_file_v3
from pycrucible._v3._base import CallKwargs, V3Resource, per_call

__all__ = ["Files"]


class Files(V3Resource):
    """`client.v3.files`: file records, thumbnails, uploads and downloads."""

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
    def thumbnails(self, dsid: str, **options: Unpack[CallKwargs]) -> builtins.list[Thumbnail]:
        """A dataset's thumbnails.

        Args:
            dsid: The dataset's MFID.
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=`.
        """
        ds = check_id(dsid, "dsid")
        response = invoke(list_dataset_thumbnails.sync_detailed, ds, client=self._api)
        return parse_list(response, Thumbnail, f"thumbnails of {ds}")

    @per_call
    def upload(
        self,
        dsid: str,
        file_path: str | os.PathLike[str] | Sequence[str | os.PathLike[str]],
        **options: Unpack[CallKwargs],
    ) -> builtins.list[FileRecord]:
        """Uploads files into a dataset: signed multipart, else a resumable session.

        Args:
            dsid: The dataset's MFID.
            file_path: One path or a list of paths.
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=` (API requests
                only; storage requests never carry them).

        Returns:
            The file records, in the order given.

        Raises:
            ValueError: A bad dataset id (before any request).
        """
        ds = check_id(dsid, "dsid")
        paths = [file_path] if isinstance(file_path, str | os.PathLike) else list(file_path)
        storage = self._http.storage
        return [as_record(upload_file_v3(self._api, storage, ds, path)) for path in paths]

    @per_call
    def download(
        self,
        dsid: str,
        output_dir: str | os.PathLike[str] = "crucible-downloads",
        **options: Unpack[CallKwargs],
    ) -> builtins.list[Path]:
        """Downloads every file of a dataset (verified, atomic, in parallel) into `output_dir`.

        Args:
            dsid: The dataset's MFID.
            output_dir: Folder to write into (created if missing).
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=`.

        Returns:
            The paths written.
        """
        ds = check_id(dsid, "dsid")
        return download_dataset_v3(self._api, self._http.storage, ds, output_dir)
