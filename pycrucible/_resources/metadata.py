"""Scientific metadata and keywords of datasets."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from crucible_openapi.v1.api.metadata import (
    add_dataset_keyword,
    get_scientific_metadata,
    list_dataset_keywords,
    list_keywords,
    merge_scientific_metadata,
    set_scientific_metadata,
)
from crucible_openapi.v1.models import Keyword, ScientificMetadata, ScientificMetadataRecord

from pycrucible._checks import check_id, check_limit, check_text
from pycrucible._core import Resource, per_call
from pycrucible._http import invoke, invoke_idempotent, parse_list, parse_one
from pycrucible._metadata import encode_metadata
from pycrucible.errors import NotFoundError

__all__ = ["Metadata"]


class Metadata(Resource):
    """Scientific metadata and keywords."""

    @per_call
    def metadata_record(
        self,
        dsid: str,
        *,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> ScientificMetadataRecord | None:
        try:
            return parse_one(
                invoke(get_scientific_metadata.sync_detailed, dsid=dsid, client=self._api),
                ScientificMetadataRecord,
                f"scientific metadata of dataset {dsid}",
            )
        except NotFoundError as exc:
            if exc.status_code == 200:
                return None  # 200 + null: the dataset has no metadata yet
            raise

    @per_call
    def get_scientific_metadata(
        self,
        dsid: str,
        *,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> dict[str, Any]:
        """Returns the dataset's scientific metadata: the dictionary itself.

        Args:
            dsid: The dataset's `unique_id`.

        Returns:
            The metadata (an empty dict when the dataset has none).
        """
        record = self.metadata_record(check_id(dsid, "dsid"))
        if record is None:
            return {}
        return dict(record.scientific_metadata.additional_properties)

    @per_call
    def update_scientific_metadata(
        self,
        dsid: str,
        metadata: Mapping[str, Any],
        overwrite: bool = False,
        *,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> dict[str, Any]:
        """Merges `metadata` into the dataset's metadata, or replaces it all.

        Values are encoded first (datetimes, paths, decimals, numpy values; see
        `pycrucible._metadata`), so an unencodable value raises before anything is sent.

        Args:
            dsid: The dataset's `unique_id`.
            metadata: The metadata.
            overwrite: False (default): deep-merge, nested objects key by key (PATCH).
                True: replace the whole metadata with `metadata` (POST).

        Returns:
            The dataset's metadata after the change.

        Raises:
            ValueError: A value cannot be encoded as JSON (the key path is named).
        """
        ds = check_id(dsid, "dsid")
        body = ScientificMetadata.from_dict(encode_metadata(metadata, "metadata"))
        operation = (
            set_scientific_metadata.sync_detailed
            if overwrite
            else merge_scientific_metadata.sync_detailed
        )
        response = invoke_idempotent(operation, dsid=ds, body=body, client=self._api)
        record = parse_one(response, ScientificMetadataRecord, f"scientific metadata of {ds}")
        return dict(record.scientific_metadata.additional_properties)

    @per_call
    def add_dataset_keyword(
        self,
        dsid: str,
        keyword: str,
        *,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Keyword:
        """Tags a dataset with a keyword (adding one twice is harmless).

        Returns:
            The keyword with its usage count.
        """
        ds = check_id(dsid, "dsid")
        word = check_text(keyword, "keyword").strip()
        response = invoke_idempotent(
            add_dataset_keyword.sync_detailed, dsid=ds, keyword=word, client=self._api
        )
        return parse_one(response, Keyword, f"keyword {word!r} of dataset {ds}")

    @per_call
    def get_dataset_keywords(
        self,
        dsid: str,
        limit: int | None = None,
        *,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> list[Keyword]:
        """Lists a dataset's keywords, with usage counts; at most `limit` (None: all)."""
        ds = check_id(dsid, "dsid")
        keep = check_limit(limit)
        return parse_list(
            invoke(list_dataset_keywords.sync_detailed, dsid=ds, client=self._api),
            Keyword,
            f"keywords of dataset {ds}",
        )[:keep]

    @per_call
    def get_keywords(
        self,
        dsid: str | None = None,
        limit: int | None = None,
        *,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> list[Keyword]:
        """Lists every keyword with the number of datasets carrying it.

        Args:
            dsid: Only this dataset's keywords (same as `get_dataset_keywords`).
            limit: At most this many (None: all; the API sends all, the client keeps these).
        """
        keep = check_limit(limit)
        if dsid is not None:
            return self.get_dataset_keywords(dsid, keep)
        return parse_list(
            invoke(list_keywords.sync_detailed, client=self._api), Keyword, "keywords"
        )[:keep]
