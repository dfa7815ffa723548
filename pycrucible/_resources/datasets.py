"""Datasets: list, read, create (with metadata and keywords), update, link."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from typing import Any

from crucible_openapi.v1.api.datasets import (
    create_dataset,
    delete_dataset,
    get_dataset,
    list_datasets,
    list_sample_datasets,
    update_dataset,
)
from crucible_openapi.v1.models import (
    Dataset,
    DatasetCreate,
    DatasetUpdate,
    Message,
)
from crucible_openapi.v1.types import Unset

from pycrucible._checks import check_id, check_limit, check_text, new_mfid
from pycrucible._core import (
    Core,
    Resource,
    answers_own_retry,
    check_filters,
    given,
    per_call,
)
from pycrucible._delegate import delegate
from pycrucible._http import invoke, invoke_idempotent, parse_list, parse_one
from pycrucible._metadata import encode_metadata
from pycrucible._redact import get_logger
from pycrucible._resources.dataset_fields import (
    check_fields,
    check_keywords,
    embed_metadata,
    new_dataset_body,
    unwrap_metadata,
)
from pycrucible._resources.lineage import DatasetLineage
from pycrucible._resources.metadata import Metadata
from pycrucible._resources.registry import Registry
from pycrucible.errors import ConflictError, PermissionDeniedError, ServerError

__all__ = ["Datasets"]

log = get_logger("client")


class Datasets(Resource):
    """Datasets (`client.datasets`); the lineage methods live in `DatasetLineage` (`lineage.py`).

    Args:
        core: The client's shared core.
        metadata: Metadata and keywords, which a create adds.
        registry: Instruments, which a create registers when missing.
    """

    def __init__(self, core: Core, *, metadata: Metadata, registry: Registry) -> None:
        super().__init__(core)
        self._metadata = metadata
        self._registry = registry
        self.lineage = DatasetLineage(core)

    @per_call
    def list_datasets(
        self,
        /,
        sample_id: str | None = None,
        limit: int | None = 100,
        *,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
        **filters: Any,
    ) -> list[Dataset]:
        """Lists the datasets you may read, optionally those of one sample, filtered.

        Args:
            sample_id: Only datasets linked to this sample.
            limit: At most this many (None: the server's default, all of them).
            **filters: Exact-match filters: `keyword` (case-insensitive substring), `unique_id`,
                `public`, `dataset_name`, `owner_orcid`, `project_id`, `instrument_name`,
                `measurement`, `session_name`, `data_format`, ... and `include_metadata`
                (not with `sample_id`; each `dataset["scientific_metadata"]` is then the dict).

        Returns:
            The datasets.

        Raises:
            ValueError: An unknown filter name, or a bad `sample_id`.
        """
        if sample_id is not None:
            sid = check_id(sample_id, "sample_id")
            params = check_filters(list_sample_datasets.sync_detailed, filters, exclude=("limit",))
            of_sample = parse_list(
                invoke(
                    list_sample_datasets.sync_detailed,
                    sample_id=sid,
                    limit=given(check_limit(limit)),
                    **params,
                    client=self._api,
                ),
                Dataset,
                f"datasets of sample {sid}",
            )
            return [unwrap_metadata(dataset) for dataset in of_sample]
        params = check_filters(list_datasets.sync_detailed, filters, exclude=("limit",))
        found = parse_list(
            invoke(
                list_datasets.sync_detailed,
                limit=given(check_limit(limit)),
                **params,
                client=self._api,
            ),
            Dataset,
            "datasets",
        )
        return [unwrap_metadata(dataset) for dataset in found]

    @per_call
    def get_dataset(
        self,
        dsid: str,
        include_metadata: bool = False,
        *,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Dataset:
        """Reads one dataset.

        Args:
            dsid: The dataset's `unique_id`.
            include_metadata: Also fetch its scientific metadata: `dataset["scientific_metadata"]`
                is then the metadata dict itself (None when it has none), as on API v3.

        Raises:
            NotFoundError: No such dataset (or it is hidden from you).
        """
        ds = check_id(dsid, "dsid")
        dataset = parse_one(
            invoke(get_dataset.sync_detailed, dsid=ds, client=self._api), Dataset, f"dataset {ds}"
        )
        if include_metadata:
            record = self._metadata.metadata_record(ds)
            found = None if record is None else record.scientific_metadata.additional_properties
            embed_metadata(dataset, found)
        return dataset

    def _resolve_instrument(self, name: str) -> int | None:
        try:
            instrument = self._registry.get_or_add_instrument(name)
        except PermissionDeniedError:
            log.warning(
                "instrument %r is not registered and only admins may register it; "
                "the dataset records its name only",
                name,
            )
            return None
        return instrument.id or None

    @per_call
    def create_dataset(
        self,
        /,
        dataset_name: str | None = None,
        unique_id: str | None = None,
        public: bool = False,
        owner_orcid: str | None = None,
        project_id: str | None = None,
        instrument_name: str | None = None,
        instrument_id: int | None = None,
        measurement: str | None = None,
        session_name: str | None = None,
        creation_time: datetime.datetime | str | None = None,
        data_format: str | None = None,
        scientific_metadata: Mapping[str, Any] | None = None,
        keywords: Iterable[str] = (),
        *,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
        **fields: Any,
    ) -> Dataset:
        """Creates a dataset, with its scientific metadata and keywords.

        Everything is checked before the first request. The create carries a `unique_id`
        (yours, or a fresh MFID), so a create whose answer was lost is retried without making
        a second dataset. With `instrument_name` and no `instrument_id`, the instrument is
        looked up and registered when missing (registering needs an admin key; otherwise the
        dataset records the name only).

        Args:
            dataset_name: Human-readable name.
            unique_id: Your MFID for it; a fresh one is made when None.
            public: Readable by everybody.
            owner_orcid: Owner, when not the key's user.
            project_id: Project slug.
            instrument_name: Instrument name.
            instrument_id: Internal integer id of the instrument.
            measurement: Measurement kind (e.g. `"XRD"`).
            session_name: Acquisition session.
            creation_time: Acquisition time (datetime or ISO 8601 text).
            data_format: File format (e.g. `"h5"`).
            scientific_metadata: Experimental parameters (see `update_scientific_metadata`).
            keywords: Keywords to tag it with.
            **fields: Other dataset fields (`owner_user_id`, `file_to_upload`, `size`,
                `sha256_hash_file_to_upload`, `source_folder`).

        Returns:
            The dataset; `dataset["scientific_metadata"]` is the metadata dict when it was given.

        Raises:
            ValueError: Bad input (unknown field, unencodable metadata, bad id); nothing was sent.
            ConflictError: Your `unique_id` is taken.
        """
        body = new_dataset_body(
            None,
            dataset_name=dataset_name,
            public=public,
            owner_orcid=owner_orcid,
            project_id=project_id,
            instrument_name=instrument_name,
            instrument_id=instrument_id,
            measurement=measurement,
            session_name=session_name,
            creation_time=creation_time,
            data_format=data_format,
            extra=fields,
        )
        metadata = None
        if scientific_metadata is not None:
            metadata = encode_metadata(scientific_metadata, "scientific_metadata")
        words = check_keywords(keywords)
        chosen = unique_id is not None
        body.unique_id = check_id(unique_id, "unique_id") if chosen else new_mfid()
        return self.create_checked(body, user_chose_id=chosen, metadata=metadata, words=words)

    @per_call
    def create_checked(
        self,
        body: DatasetCreate,
        *,
        user_chose_id: bool,
        metadata: dict[str, Any] | None,
        words: list[str],
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Dataset:
        """Creates the (checked) dataset, then adds its metadata and keywords."""
        name = body.instrument_name
        if isinstance(name, str) and isinstance(body.instrument_id, Unset | None):
            found = self._resolve_instrument(check_text(name, "instrument_name"))
            if found is not None:
                body.instrument_id = found
        dataset = self._create_dataset(body, user_chose_id=user_chose_id)
        dsid = dataset.unique_id
        try:
            if metadata is not None:
                merged = self._metadata.update_scientific_metadata(dsid, metadata)
                embed_metadata(dataset, merged)
            for word in words:
                self._metadata.add_dataset_keyword(dsid, word)
        except Exception as exc:
            exc.add_note(f"dataset {dsid} was created; its metadata or keywords are incomplete")
            raise
        return dataset

    def _create_dataset(self, body: DatasetCreate, *, user_chose_id: bool) -> Dataset:
        mfid = body.unique_id
        if not isinstance(mfid, str):
            raise ValueError("a new dataset needs its unique_id")
        log.info("creating dataset %s", mfid)
        try:
            response = invoke_idempotent(create_dataset.sync_detailed, body=body, client=self._api)
        except ConflictError as exc:
            if not answers_own_retry(exc, chosen_id=user_chose_id):
                raise
            return self.get_dataset(mfid)  # the 409 answers our own retried create
        return parse_one(response, Dataset, f"new dataset {mfid}")

    @per_call
    def update_dataset(
        self,
        /,
        dsid: str,
        *,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
        **fields: Any,
    ) -> Dataset:
        """Changes the given fields of a dataset (needs write access).

        Args:
            dsid: The dataset's `unique_id`.
            **fields: Fields to set, e.g. `dataset_name="..."`, `public=True`.

        Returns:
            The updated dataset.
        """
        ds = check_id(dsid, "dsid")
        if not fields:
            raise ValueError("update_dataset needs at least one field to change")
        body = DatasetUpdate(**check_fields(fields, DatasetUpdate, "dataset"))
        response = invoke(update_dataset.sync_detailed, dsid=ds, body=body, client=self._api)
        return parse_one(response, Dataset, f"dataset {ds}")

    @per_call
    def delete_dataset(
        self,
        dsid: str,
        *,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Message:
        """Asks the API to delete a dataset.

        The Crucible API does not implement deletion: it answers 501, which surfaces as a
        `ServerError` saying so. Ask a Crucible administrator to remove a dataset.

        Raises:
            ServerError: Always on the current API (status 501).
        """
        ds = check_id(dsid, "dsid")
        try:
            response = invoke(delete_dataset.sync_detailed, dsid=ds, client=self._api)
        except ServerError as exc:
            if exc.status_code != 501:
                raise
            raise ServerError(
                f"the Crucible API does not implement dataset deletion (501) for {ds}; "
                "ask a Crucible administrator to remove it",
                status_code=exc.status_code,
                detail=exc.detail,
                response=exc.response,
            ) from exc
        return parse_one(response, Message, f"deletion of dataset {ds}")

    # ---------------------------------------------------------------- lineage

    link_datasets = delegate("lineage", DatasetLineage.link_datasets)
    list_children_of_dataset = delegate("lineage", DatasetLineage.list_children_of_dataset)
    list_parents_of_dataset = delegate("lineage", DatasetLineage.list_parents_of_dataset)
