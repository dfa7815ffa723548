"""`CrucibleClientV3`: the seed-era functions on Crucible API v3, precisely typed.

Reached as `client.v3` on a `pycrucible.CrucibleClient` (it shares that client's pooled,
retrying, authenticated connection and settings). Every call into `crucible_openapi.v3` goes
through `invoke` with the generated function's own signature, so drift in the v3 contract fails
mypy at the call site. Records are the generated v3 models with the dict view
(`dataset["unique_id"]`).

What API v3 removed raises `UnsupportedByServerError` naming the version and the replacement.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, NoReturn

from crucible_openapi.v3 import AuthenticatedClient
from crucible_openapi.v3.api.datasets import (
    add_dataset_keyword,
    create_dataset,
    get_dataset,
    list_dataset_keywords,
    list_datasets,
    update_dataset,
)
from crucible_openapi.v3.api.files import list_dataset_files, list_dataset_thumbnails
from crucible_openapi.v3.api.resources import (
    get_resource_metadata,
    merge_resource_metadata,
    replace_resource_metadata,
)
from crucible_openapi.v3.models import (
    Dataset,
    DatasetCreate,
    DatasetCursorPage,
    DatasetUpdate,
    FileRecord,
    Keyword,
    MetadataRecord,
    ScientificMetadata,
    Thumbnail,
)
from crucible_openapi.v3.types import UNSET, Unset

from pycrucible._checks import check_id, check_text, new_mfid
from pycrucible._http import HttpClients, invoke, invoke_idempotent, parse_list, parse_one
from pycrucible._metadata import encode_metadata
from pycrucible._records import as_record
from pycrucible._redact import get_logger
from pycrucible._transfers.downloads_v3 import download_dataset_v3
from pycrucible._transfers.resumable_v3 import upload_file_v3
from pycrucible._v3.pages import KeysetPages
from pycrucible.errors import ConflictError, UnexpectedResponseError, UnsupportedByServerError

__all__ = ["CrucibleClientV3"]

log = get_logger("client")

API_VERSION = "v3"
_PAGE_SIZE = 100
_EDITABLE = frozenset(f.name for f in DatasetUpdate.__attrs_attrs__ if f.name[0] != "_") - {
    "additional_properties"
}


class _RedactedV3Client(AuthenticatedClient):
    """The generated v3 client with a `repr` that never shows the key."""

    def __repr__(self) -> str:
        return f"AuthenticatedClient(base_url={self._base_url!r}, token='<redacted>')"


def unsupported(operation: str, replacement: str | None = None) -> NoReturn:
    """Raises `UnsupportedByServerError` for an operation API v3 removed."""
    raise UnsupportedByServerError(operation, API_VERSION, replacement)


class CrucibleClientV3:
    """The seed-era functions on Crucible API v3.

    Args:
        http: The pooled, authenticated, retrying clients, with the v3 base URL.
        api_url: The v3 base URL (e.g. `https://crucible.lbl.gov/api/v3`).
        api_key: The API key (sent as `Authorization: Bearer`, to the API only).
    """

    api_version = API_VERSION

    def __init__(self, http: HttpClients, api_url: str, api_key: str) -> None:
        self._http = http
        self.api_url = api_url
        api = _RedactedV3Client(base_url=api_url, token=api_key, raise_on_unexpected_status=False)
        api.set_httpx_client(http.http)
        self._api = api

    def __repr__(self) -> str:
        return f"CrucibleClientV3(api_url={self.api_url!r})"

    # Datasets

    def list_datasets(
        self,
        sample_id: str | None = None,
        limit: int | None = None,
        *,
        page_size: int = _PAGE_SIZE,
        dataset_name: str | None = None,
        measurement: str | None = None,
        data_format: str | None = None,
        session_name: str | None = None,
        instrument_mfid: str | None = None,
    ) -> KeysetPages[Dataset]:
        """Lists the datasets you can see, newest first, fetching keyset pages as needed.

        Args:
            sample_id: Only datasets linked to this sample (its MFID).
            limit: Stop after this many datasets (None: all of them).
            page_size: Datasets per request (1 to 1000).
            dataset_name: Only datasets of this name.
            measurement: Only datasets of this measurement.
            data_format: Only datasets of this data format.
            session_name: Only datasets of this session.
            instrument_mfid: Only datasets of this instrument (its MFID).

        Returns:
            A lazy iterable of datasets (`for ds in ...`, `.count()`, `.to_list()`).

        Raises:
            ValueError: A bad argument (before any request).
        """
        if not 1 <= page_size <= 1000:
            raise ValueError(f"page_size must be between 1 and 1000, got {page_size!r}")
        if limit is not None and limit < 0:
            raise ValueError(f"limit must be zero or more, got {limit!r}")
        sample = check_id(sample_id, "sample_id") if sample_id is not None else UNSET

        def text(value: str | None, name: str) -> str | Unset:
            return check_text(value, name) if value is not None else UNSET

        filters = {
            "dataset_name": text(dataset_name, "dataset_name"),
            "measurement": text(measurement, "measurement"),
            "data_format": text(data_format, "data_format"),
            "session_name": text(session_name, "session_name"),
            "instrument_mfid": text(instrument_mfid, "instrument_mfid"),
        }

        def fetch(cursor: str | None) -> tuple[list[Dataset], str | None]:
            response = invoke(
                list_datasets.sync_detailed,
                client=self._api,
                limit=page_size,
                cursor=cursor if cursor is not None else UNSET,
                sample_mfid=sample,
                dataset_name=filters["dataset_name"],
                measurement=filters["measurement"],
                data_format=filters["data_format"],
                session_name=filters["session_name"],
                instrument_mfid=filters["instrument_mfid"],
            )
            page = response.parsed
            if not isinstance(page, DatasetCursorPage):
                raise UnexpectedResponseError(
                    f"dataset list: expected a page, got {response.content[:200]!r}"
                )
            # The page itself gets no dict view: its `items` field would meet the view's items().
            return as_record(page.items), page.next_cursor

        return KeysetPages(fetch, limit)

    def get_dataset(self, dsid: str, include_metadata: bool = False) -> Dataset:
        """Reads one dataset.

        Args:
            dsid: The dataset's MFID (`unique_id`).
            include_metadata: Also return its scientific metadata: `dataset["scientific_metadata"]`
                is then the metadata dict itself (None when it has none).

        Raises:
            NotFoundError: No such dataset (or it is hidden from you).
        """
        ds = check_id(dsid, "dsid")
        response = invoke(
            get_dataset.sync_detailed,
            ds,
            client=self._api,
            include_metadata=True if include_metadata else UNSET,
        )
        return parse_one(response, Dataset, f"dataset {ds}")

    def create_dataset(
        self,
        dataset_name: str | None = None,
        unique_id: str | None = None,
        public: bool = False,
        owner_orcid: str | None = None,
        project_id: str | None = None,
        instrument_name: str | None = None,
        measurement: str | None = None,
        session_name: str | None = None,
        data_format: str | None = None,
        data_type: str | None = None,
        scientific_metadata: Mapping[str, Any] | None = None,
        keywords: Iterable[str] = (),
    ) -> Dataset:
        """Creates a dataset, then its metadata and keywords. Safe to retry.

        The client mints the MFID (unless given), so a repeated request after a lost answer
        finds the same record instead of making a second one.

        Args:
            dataset_name: Its name.
            unique_id: Its MFID (default: a new one).
            public: Visible to everyone.
            owner_orcid: Owner's ORCID (default: you).
            project_id: Project slug.
            instrument_name: Instrument name.
            measurement: Measurement kind (e.g. `"XRD"`).
            session_name: Session name.
            data_format: Data format.
            data_type: Data type.
            scientific_metadata: Metadata dict (JSON-compatible).
            keywords: Keywords to add.

        Returns:
            The dataset as the server holds it after every step (metadata included).

        Raises:
            ValueError: A bad argument (before any request).
        """
        mfid = check_id(unique_id, "unique_id") if unique_id is not None else new_mfid()
        words = [check_text(word, "keyword") for word in keywords]
        metadata = encode_metadata(scientific_metadata) if scientific_metadata else None

        def opt(value: str | None) -> str | Unset:
            return value if value is not None else UNSET

        body = DatasetCreate(
            unique_id=mfid,
            public=public,
            dataset_name=dataset_name,
            measurement=measurement,
            session_name=session_name,
            data_format=data_format,
            data_type=data_type,
            owner_orcid=opt(owner_orcid),
            project_id=opt(project_id),
            instrument_name=opt(instrument_name),
        )
        try:
            parse_one(
                invoke_idempotent(create_dataset.sync_detailed, client=self._api, body=body),
                Dataset,
                "new dataset",
            )
        except ConflictError:
            # A retry after a lost answer, or a re-run: the record exists. Yours (readable)
            # means it was made; otherwise the 404 of get_dataset surfaces.
            self.get_dataset(mfid)
            log.info("dataset %s already exists; continuing with it", mfid)
        if metadata is not None:
            self.update_scientific_metadata(mfid, metadata, overwrite=True)
        for word in words:
            self.add_dataset_keyword(mfid, word)
        log.info("created dataset %s", mfid)
        return self.get_dataset(mfid, include_metadata=metadata is not None)

    def update_dataset(self, dsid: str, **fields: Any) -> Dataset:
        """Changes a dataset's descriptive fields.

        Args:
            dsid: The dataset's MFID.
            **fields: `dataset_name`, `measurement`, `data_type`, `session_name`,
                `data_format`, `timestamp`.

        Raises:
            ValueError: A field API v3 does not let you edit here (before any request).
        """
        ds = check_id(dsid, "dsid")
        unknown = sorted(set(fields) - _EDITABLE)
        if unknown:
            raise ValueError(
                f"update_dataset on API v3 edits {sorted(_EDITABLE)}, not {unknown} "
                "(owner, project, instrument and visibility have their own calls)"
            )
        body = DatasetUpdate.from_dict(fields)
        response = invoke(update_dataset.sync_detailed, ds, client=self._api, body=body)
        return parse_one(response, Dataset, f"dataset {ds}")

    # Metadata and keywords

    def get_scientific_metadata(self, dsid: str) -> MetadataRecord | None:
        """Reads a resource's metadata: a record with `unique_id` and `scientific_metadata`.

        Args:
            dsid: The dataset's (or any resource's) MFID.

        Returns:
            The record, or None when it has no metadata.
        """
        ds = check_id(dsid, "dsid")
        response = invoke(get_resource_metadata.sync_detailed, ds, client=self._api)
        if response.parsed is None:
            return None
        return parse_one(response, MetadataRecord, f"metadata of {ds}")

    def update_scientific_metadata(
        self, dsid: str, scientific_metadata: Mapping[str, Any], overwrite: bool = False
    ) -> MetadataRecord:
        """Merges into (PATCH) or, with `overwrite=True`, replaces (POST) a resource's metadata.

        Args:
            dsid: The dataset's (or any resource's) MFID.
            scientific_metadata: The metadata dict (JSON-compatible).
            overwrite: Replace instead of deep-merging.
        """
        ds = check_id(dsid, "dsid")
        body = ScientificMetadata.from_dict(encode_metadata(scientific_metadata))
        if overwrite:
            response = invoke_idempotent(
                replace_resource_metadata.sync_detailed,
                ds,
                client=self._api,
                body=body,
                overwrite=True,
            )
        else:
            response = invoke(
                merge_resource_metadata.sync_detailed, ds, client=self._api, body=body
            )
        return parse_one(response, MetadataRecord, f"metadata of {ds}")

    def add_dataset_keyword(self, dsid: str, keyword: str) -> Keyword:
        """Adds a keyword to a dataset (adding it twice is harmless)."""
        ds, word = check_id(dsid, "dsid"), check_text(keyword, "keyword")
        response = invoke_idempotent(
            add_dataset_keyword.sync_detailed, ds, client=self._api, keyword=word
        )
        return parse_one(response, Keyword, f"keyword of {ds}")

    def get_dataset_keywords(self, dsid: str) -> list[Keyword]:
        """A dataset's keywords, each with `num_datasets`."""
        ds = check_id(dsid, "dsid")
        response = invoke(list_dataset_keywords.sync_detailed, ds, client=self._api)
        return parse_list(response, Keyword, f"keywords of {ds}")

    def get_keywords(self) -> NoReturn:
        """Gone in API v3: raises `UnsupportedByServerError`."""
        unsupported("get_keywords (the global keyword list)", "get_dataset_keywords(dsid)")

    # Files

    def get_associated_files(self, dsid: str) -> list[FileRecord]:
        """A dataset's file records (each file is its own record on API v3)."""
        ds = check_id(dsid, "dsid")
        response = invoke(list_dataset_files.sync_detailed, ds, client=self._api)
        return parse_list(response, FileRecord, f"files of {ds}")

    def get_thumbnails(self, dsid: str) -> list[Thumbnail]:
        """A dataset's thumbnails."""
        ds = check_id(dsid, "dsid")
        response = invoke(list_dataset_thumbnails.sync_detailed, ds, client=self._api)
        return parse_list(response, Thumbnail, f"thumbnails of {ds}")

    def upload_dataset(
        self, dsid: str, file_path: str | os.PathLike[str] | Sequence[str | os.PathLike[str]]
    ) -> list[FileRecord]:
        """Uploads files into a dataset: signed multipart, else a resumable session.

        Args:
            dsid: The dataset's MFID.
            file_path: One path or a list of paths.

        Returns:
            The file records, in the order given.

        Raises:
            ValueError: A bad dataset id (before any request).
        """
        ds = check_id(dsid, "dsid")
        paths = [file_path] if isinstance(file_path, str | os.PathLike) else list(file_path)
        storage = self._http.storage
        return [as_record(upload_file_v3(self._api, storage, ds, path)) for path in paths]

    def download_dataset(
        self, dsid: str, output_dir: str | os.PathLike[str] = "crucible-downloads"
    ) -> list[Path]:
        """Downloads every file of a dataset (verified, atomic, in parallel) into `output_dir`.

        Args:
            dsid: The dataset's MFID.
            output_dir: Folder to write into (created if missing).

        Returns:
            The paths written.
        """
        ds = check_id(dsid, "dsid")
        return download_dataset_v3(self._api, self._http.storage, ds, output_dir)

    # What API v3 removed

    def send_to_scicat(self, *args: Any, **kwargs: Any) -> NoReturn:
        """Gone in API v3 (SciCat sync): raises `UnsupportedByServerError`."""
        unsupported("send_to_scicat (SciCat sync)")

    def request_google_drive_transfer(self, *args: Any, **kwargs: Any) -> NoReturn:
        """Gone in API v3: raises `UnsupportedByServerError`."""
        unsupported("request_google_drive_transfer (Google Drive transfer)")

    def add_sample_metadata(self, *args: Any, **kwargs: Any) -> NoReturn:
        """Gone in API v3 (sample-type metadata): raises `UnsupportedByServerError`."""
        unsupported(
            "add_sample_metadata (sample-type metadata)",
            "update_scientific_metadata(sample_mfid, metadata)",
        )

    def get_sample_metadata(self, *args: Any, **kwargs: Any) -> NoReturn:
        """Gone in API v3 (sample-type metadata): raises `UnsupportedByServerError`."""
        unsupported(
            "get_sample_metadata (sample-type metadata)", "get_scientific_metadata(sample_mfid)"
        )
