"""The upstream pycrucible's later method names, as thin aliases on `CrucibleClient`.

The upstream pycrucible (its last flat client, February 2026) renamed or added some methods
after the seed era. Code written for it runs on `CrucibleClient` unchanged:

* here, the names it added: `create_new_dataset`, `create_new_dataset_from_files`,
  `upload_dataset_file`, `request_scicat_upload`, `get_google_drive_location`,
  `update_sample`, `request_carrier_segmentation`, `remove_dataset_from_sample`;
* on the seed methods themselves, the keywords it added: `request_ingestion(...,
  wait_for_response=, ingestion_class=)`, `get_user(email=)`,
  `link_datasets(parent_dataset_id=, child_dataset_id=)` and `limit=` on the list methods.

Each alias calls a seed-era flat name (or a resource method through the same routing), so on
an API v3 server it goes where that name goes (`client.v3`), and what v3 removed raises
`UnsupportedByServerError` there.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypedDict

from crucible_openapi.v1.models import (
    Dataset,
    DriveLocation,
    ProcessingRequest,
    ScientificMetadataRecord,
)

from pycrucible._delegate import delegate
from pycrucible._records import as_record
from pycrucible._resources.post_seed import PostSeed
from pycrucible._resources.processing import DEFAULT_WAIT_TIMEOUT
from pycrucible._resources.samples import Samples
from pycrucible._transfers.uploads import UploadedFile
from pycrucible.errors import UnsupportedByServerError

if TYPE_CHECKING:
    from pycrucible._client import CrucibleClient

__all__ = ["DatasetModel", "NewDataset", "NewDatasetFromFiles", "UpstreamNames"]

# The fields `upload_new_dataset` takes; the file's size and hash it computes itself.
_PIPELINE_FIELDS = frozenset(
    {
        "dataset_name",
        "unique_id",
        "public",
        "owner_orcid",
        "project_id",
        "instrument_name",
        "measurement",
        "session_name",
        "creation_time",
        "data_format",
    }
)
_COMPUTED_FIELDS = frozenset({"size", "sha256_hash_file_to_upload"})


class DatasetModel(Protocol):
    """A dataset description with `model_dump()`, such as the upstream client's `BaseDataset`."""

    def model_dump(self) -> dict[str, Any]:
        """The fields, as a dict."""
        ...


class NewDataset(TypedDict):
    """What `create_new_dataset` returns, keyed as the upstream client's dict."""

    created_record: Dataset
    scientific_metadata_record: ScientificMetadataRecord | None
    dsid: str


class NewDatasetFromFiles(TypedDict):
    """What `create_new_dataset_from_files` returns, keyed as the upstream client's dict."""

    created_record: Dataset
    scientific_metadata_record: ScientificMetadataRecord | None
    ingestion_request: ProcessingRequest | None
    uploaded_files: list[UploadedFile]
    dsid: str


def dataset_fields(dataset: Mapping[str, Any] | DatasetModel | None) -> dict[str, Any]:
    """The fields of a dataset description (a dict, or a model with `model_dump()`), Nones
    left out.

    Raises:
        ValueError: Neither a dict nor a model.
    """
    if dataset is None:
        return {}
    if isinstance(dataset, Mapping):
        raw = dict(dataset)
    elif callable(getattr(dataset, "model_dump", None)):
        raw = dict(dataset.model_dump())
    else:
        raise ValueError(
            f"dataset must be a dict of dataset fields or a model with model_dump(), "
            f"got {type(dataset).__name__}"
        )
    return {key: value for key, value in raw.items() if value is not None}


def main_file_first(files: Sequence[str | os.PathLike[str]], main: Any) -> list[Path]:
    """The files with the one named by `file_to_upload` (a path, or its base name) first.

    Raises:
        ValueError: `main` names none of the files.
    """
    paths = [Path(f) for f in files]
    if main is None:
        return paths
    name = Path(str(main)).name
    for index, path in enumerate(paths):
        if path.name == name:
            return [path, *paths[:index], *paths[index + 1 :]]
    raise ValueError(f"file_to_upload {main!r} is not one of files_to_upload")


def _metadata_record(dataset: Any) -> ScientificMetadataRecord | None:
    """The seed-era metadata record of a created dataset (its dict view holds the dict)."""
    try:
        metadata = dataset["scientific_metadata"]
    except (KeyError, TypeError):
        return None
    if not metadata:
        return None
    wrapper = {"dataset_id": dataset["unique_id"], "scientific_metadata": dict(metadata)}
    return as_record(ScientificMetadataRecord.from_dict(wrapper))


class UpstreamNames:
    """The upstream pycrucible's later names (see the module docstring); `CrucibleClient`
    inherits them."""

    @property
    def _seed(self) -> CrucibleClient:
        from pycrucible._client import CrucibleClient  # the client imports this module

        if not isinstance(self, CrucibleClient):
            raise TypeError("UpstreamNames is the base of CrucibleClient only")
        return self

    def create_new_dataset(
        self,
        dataset: Mapping[str, Any] | DatasetModel,
        scientific_metadata: Mapping[str, Any] | None = None,
        keywords: Iterable[str] = (),
        get_user_info_function: Callable[[str], Mapping[str, Any]] | None = None,
        verbose: bool = False,
        *,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> NewDataset:
        """The upstream pycrucible's `create_new_dataset`: `create_dataset` with the fields
        in one description.

        Args:
            dataset: The dataset's fields: a dict, or a model with `model_dump()` (the upstream
                client's `BaseDataset`); None values are left out.
            scientific_metadata: Experimental parameters.
            keywords: Keywords to tag it with.
            get_user_info_function: Called with the owner's ORCID to register an unknown
                owner (`owner_orcid` in `dataset`; admin only), as `get_or_add_user` does.
            verbose: Ignored (the client logs through `logging`).
            timeout: Seconds for each request.
            extra_headers: Headers added to each request.

        Returns:
            `{"created_record": dataset, "scientific_metadata_record": record or None,
            "dsid": unique_id}`.

        Raises:
            ValueError: An unknown field or bad value (as `create_dataset`).
        """
        client = self._seed
        fields = dataset_fields(dataset)
        in_fields = fields.pop("scientific_metadata", None)
        metadata = scientific_metadata if scientific_metadata is not None else in_fields
        in_words = fields.pop("keywords", None) or ()
        words = list(keywords) or list(in_words)
        owner = fields.get("owner_orcid")
        if get_user_info_function is not None and owner:
            client.get_or_add_user(owner, get_user_info_function)
        created = client.create_dataset(
            **fields,
            scientific_metadata=metadata,
            keywords=words,
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return NewDataset(
            created_record=created,
            scientific_metadata_record=_metadata_record(created),
            dsid=created.unique_id,
        )

    def create_new_dataset_from_files(
        self,
        dataset: Mapping[str, Any] | DatasetModel,
        files_to_upload: Sequence[str | os.PathLike[str]],
        scientific_metadata: Mapping[str, Any] | None = None,
        keywords: Iterable[str] = (),
        get_user_info_function: Callable[[str], Mapping[str, Any]] | None = None,
        ingestor: str | None = "ApiUploadIngestor",
        verbose: bool = False,
        wait_for_ingestion_response: bool = True,
        *,
        timeout: float = DEFAULT_WAIT_TIMEOUT,
        extra_headers: Mapping[str, str] | None = None,
    ) -> NewDatasetFromFiles:
        """The upstream pycrucible's `create_new_dataset_from_files`: the one-call pipeline
        `upload_new_dataset` (create, upload, ingest, wait), safe to run again.

        Args:
            dataset: The dataset's fields (a dict, or a model with `model_dump()`); its
                `file_to_upload`, when set, names the main file among `files_to_upload`.
            files_to_upload: The local files; the first is the main one unless named.
            scientific_metadata: Experimental parameters.
            keywords: Keywords to tag it with.
            get_user_info_function: Registers an unknown owner (see `create_new_dataset`).
            ingestor: Ingestion class for the main file (the upstream default
                `ApiUploadIngestor` only records the files).
            verbose: Ignored (the client logs through `logging`).
            wait_for_ingestion_response: Wait for the ingestion to finish.
            timeout: Seconds to wait at most.
            extra_headers: Headers added to each request.

        Returns:
            `{"created_record", "scientific_metadata_record", "ingestion_request",
            "uploaded_files", "dsid"}`.

        Raises:
            ValueError: A field `upload_new_dataset` does not take, or bad input (nothing was
                sent; `create_new_dataset` and `upload_dataset_file` take any field).
            FileNotFoundError: A file does not exist (nothing was sent).
        """
        client = self._seed
        fields = dataset_fields(dataset)
        files = main_file_first(files_to_upload, fields.pop("file_to_upload", None))
        for name in _COMPUTED_FIELDS:
            fields.pop(name, None)
        unknown = sorted(set(fields) - _PIPELINE_FIELDS)
        if unknown:
            raise ValueError(
                f"create_new_dataset_from_files does not take the dataset field(s) "
                f"{', '.join(unknown)}; use create_new_dataset and upload_dataset_file instead"
            )
        owner = fields.get("owner_orcid")
        if get_user_info_function is not None and owner:
            client.get_or_add_user(owner, get_user_info_function)
        result = client.upload_new_dataset(
            files,
            **fields,
            scientific_metadata=scientific_metadata,
            keywords=keywords,
            ingestor=ingestor,
            wait=wait_for_ingestion_response,
            timeout=timeout,
            extra_headers=extra_headers,
        )
        record = None
        if scientific_metadata:
            record = _metadata_record(client.get_dataset(result.dsid, include_metadata=True))
        return NewDatasetFromFiles(
            created_record=result.dataset,
            scientific_metadata_record=record,
            ingestion_request=result.ingestion,
            uploaded_files=result.files,
            dsid=result.dsid,
        )

    def upload_dataset_file(
        self,
        dsid: str,
        file_path: str | os.PathLike[str],
        verbose: bool = True,
        *,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> UploadedFile:
        """The upstream pycrucible's `upload_dataset_file`: `upload_dataset` of one file.

        Args:
            dsid: The dataset's `unique_id`.
            file_path: The local file.
            verbose: Ignored (the client logs through `logging`).
            timeout: Seconds for each request.
            extra_headers: Headers added to each request.

        Returns:
            The uploaded file (name, size, sha256, server path, method).

        Raises:
            ValueError: More than one path (use `upload_dataset`); nothing was sent.
            FileNotFoundError: The file does not exist (nothing was sent).
        """
        if not isinstance(file_path, str | os.PathLike):
            raise ValueError(
                f"upload_dataset_file takes one file, got {type(file_path).__name__}; "
                "use upload_dataset for several"
            )
        uploaded = self._seed.upload_dataset(
            dsid, file_path, timeout=timeout, extra_headers=extra_headers
        )
        return uploaded[0]

    def request_scicat_upload(
        self,
        dsid: str,
        wait_for_response: bool = False,
        overwrite_data: bool = False,
        *,
        timeout: float = DEFAULT_WAIT_TIMEOUT,
        extra_headers: Mapping[str, str] | None = None,
    ) -> ProcessingRequest:
        """The upstream pycrucible's `request_scicat_upload`: `send_to_scicat`.

        Args:
            dsid: The dataset's `unique_id`.
            wait_for_response: Wait (polling every 5 s) until the request finishes.
            overwrite_data: Replace what SciCat already holds for the dataset.
            timeout: Seconds to wait at most, when waiting.
            extra_headers: Headers added to each request.

        Returns:
            The request; the final one when waiting.

        Raises:
            UnsupportedByServerError: On API v3 (it has no SciCat sync).
        """
        return self._seed.send_to_scicat(
            dsid, wait_for_response, overwrite_data, timeout=timeout, extra_headers=extra_headers
        )

    def get_google_drive_location(
        self,
        dsid: str,
        *,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> list[DriveLocation]:
        """The upstream pycrucible's `get_google_drive_location`: every Google Drive folder
        recorded for the dataset (`get_current_google_drive_info` keeps the current ones).

        Raises:
            UnsupportedByServerError: On API v3 (it has no Google Drive locations).
        """
        client = self._seed
        if client.api_version != "v1":
            raise UnsupportedByServerError(
                "get_google_drive_location (Google Drive locations)", client.api_version
            )
        return client.post_seed.get_google_drive_location(
            dsid, timeout=timeout, extra_headers=extra_headers
        )

    update_sample = delegate("post_seed", PostSeed.update_sample)
    remove_dataset_from_sample = delegate("samples", Samples.remove_dataset_from_sample)
    request_carrier_segmentation = delegate("post_seed", PostSeed.request_carrier_segmentation)
