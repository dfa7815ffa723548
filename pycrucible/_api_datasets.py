"""Datasets: list, read, create (with metadata and keywords), update, link."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from typing import Any

import attrs
from crucible_openapi.v1.api.datasets import (
    create_dataset,
    delete_dataset,
    get_dataset,
    link_datasets,
    list_dataset_children,
    list_dataset_parents,
    list_datasets,
    list_sample_datasets,
    update_dataset,
)
from crucible_openapi.v1.models import (
    Dataset,
    DatasetCreate,
    DatasetUpdate,
    Link,
    Message,
    ScientificMetadata,
    ScientificMetadataRecord,
)

from pycrucible._api_metadata import MetadataMixin
from pycrucible._api_people import PeopleMixin
from pycrucible._checks import check_datetime, check_id, check_text, new_mfid
from pycrucible._core import answers_own_retry
from pycrucible._http import parse_one
from pycrucible._metadata import encode_metadata
from pycrucible._redact import get_logger
from pycrucible.errors import ConflictError, PermissionDeniedError, ServerError

__all__ = ["DatasetsMixin"]

log = get_logger("client")


def _field_names(cls: type) -> frozenset[str]:
    return frozenset(f.name for f in attrs.fields(cls) if f.name != "additional_properties")


_CREATE_FIELDS = _field_names(DatasetCreate)
_UPDATE_FIELDS = _field_names(DatasetUpdate)


def _check_fields(fields: Mapping[str, Any], allowed: frozenset[str], what: str) -> dict[str, Any]:
    unknown = sorted(set(fields) - allowed)
    if unknown:
        raise ValueError(
            f"unknown {what} field(s) {', '.join(unknown)}; known: {', '.join(sorted(allowed))}"
        )
    out = dict(fields)
    if out.get("creation_time") is not None:
        out["creation_time"] = check_datetime(out["creation_time"], "creation_time")
    for key in ("owner_orcid", "project_id"):
        if out.get(key) is not None:
            check_id(out[key], key)
    return out


def check_dataset_fields(fields: Mapping[str, Any]) -> dict[str, Any]:
    """Checks the fields of a new dataset (names, times, ids); see `create_dataset`."""
    return _check_fields(fields, _CREATE_FIELDS - {"unique_id"}, "dataset")


def check_keywords(keywords: Iterable[str]) -> list[str]:
    """Checks a keyword list (a lone string is refused: it is a common slip)."""
    if isinstance(keywords, str):
        raise ValueError("keywords must be a list of strings, not one string")
    return [check_text(k, "keyword").strip() for k in keywords]


class DatasetsMixin(MetadataMixin, PeopleMixin):
    """Datasets."""

    def list_datasets(
        self, sample_id: str | None = None, limit: int | None = 100, **filters: Any
    ) -> list[Dataset]:
        """Lists the datasets you may read, optionally those of one sample, filtered.

        Args:
            sample_id: Only datasets linked to this sample.
            limit: At most this many (None: the server's default, all of them).
            **filters: Exact-match filters: `keyword` (case-insensitive substring), `unique_id`,
                `public`, `dataset_name`, `owner_orcid`, `project_id`, `instrument_name`,
                `measurement`, `session_name`, `data_format`, ... and `include_metadata`
                (not with `sample_id`).

        Returns:
            The datasets.

        Raises:
            ValueError: An unknown filter name, or a bad `sample_id`.
        """
        if sample_id is not None:
            sid = check_id(sample_id, "sample_id")
            params = self._filters(list_sample_datasets, filters, exclude=("limit",))
            return self._list(
                list_sample_datasets,
                Dataset,
                f"datasets of sample {sid}",
                sample_id=sid,
                limit=limit,
                **params,
            )
        params = self._filters(list_datasets, filters, exclude=("limit",))
        return self._list(list_datasets, Dataset, "datasets", limit=limit, **params)

    def get_dataset(self, dsid: str, include_metadata: bool = False) -> Dataset:
        """Reads one dataset.

        Args:
            dsid: The dataset's `unique_id`.
            include_metadata: Also fetch its scientific metadata into `scientific_metadata`
                (a record whose `scientific_metadata` holds the dict; None when it has none).

        Raises:
            NotFoundError: No such dataset (or it is hidden from you).
        """
        ds = check_id(dsid, "dsid")
        dataset = self._one(get_dataset, Dataset, f"dataset {ds}", dsid=ds)
        if include_metadata:
            dataset.scientific_metadata = self._metadata_record(ds)
        return dataset

    def _resolve_instrument(self, name: str) -> int | None:
        try:
            instrument = self.get_or_add_instrument(name)
        except PermissionDeniedError:
            log.warning(
                "instrument %r is not registered and only admins may register it; "
                "the dataset records its name only",
                name,
            )
            return None
        return instrument.id or None

    def create_dataset(
        self,
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
            The dataset; `scientific_metadata` holds the metadata record when metadata was given.

        Raises:
            ValueError: Bad input (unknown field, unencodable metadata, bad id); nothing was sent.
            ConflictError: Your `unique_id` is taken.
        """
        given = {
            "dataset_name": dataset_name,
            "public": bool(public),
            "owner_orcid": owner_orcid,
            "project_id": project_id,
            "instrument_name": instrument_name,
            "instrument_id": instrument_id,
            "measurement": measurement,
            "session_name": session_name,
            "creation_time": creation_time,
            "data_format": data_format,
            **fields,
        }
        body_fields = check_dataset_fields({k: v for k, v in given.items() if v is not None})
        metadata = None
        if scientific_metadata is not None:
            metadata = encode_metadata(scientific_metadata, "scientific_metadata")
        words = check_keywords(keywords)
        chosen = unique_id is not None
        mfid = check_id(unique_id, "unique_id") if chosen else new_mfid()
        if instrument_name is not None and instrument_id is None:
            found = self._resolve_instrument(check_text(instrument_name, "instrument_name"))
            if found is not None:
                body_fields["instrument_id"] = found
        dataset = self._create_dataset(mfid, body_fields, user_chose_id=chosen)
        dsid = dataset.unique_id
        try:
            if metadata is not None:
                merged = self.update_scientific_metadata(dsid, metadata)
                dataset.scientific_metadata = ScientificMetadataRecord(
                    scientific_metadata=ScientificMetadata.from_dict(merged), dataset_id=dsid
                )
            for word in words:
                self.add_dataset_keyword(dsid, word)
        except Exception as exc:
            exc.add_note(f"dataset {dsid} was created; its metadata or keywords are incomplete")
            raise
        return dataset

    def _create_dataset(self, mfid: str, fields: dict[str, Any], *, user_chose_id: bool) -> Dataset:
        body = DatasetCreate(unique_id=mfid)
        for key, value in fields.items():
            setattr(body, key, value)
        log.info("creating dataset %s", mfid)
        try:
            response = self._send_idempotent(create_dataset, body=body)
        except ConflictError as exc:
            if not answers_own_retry(exc, chosen_id=user_chose_id):
                raise
            return self.get_dataset(mfid)  # the 409 answers our own retried create
        return parse_one(response, Dataset, f"new dataset {mfid}")

    def update_dataset(self, dsid: str, **fields: Any) -> Dataset:
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
        body = DatasetUpdate()
        for key, value in _check_fields(fields, _UPDATE_FIELDS, "dataset").items():
            setattr(body, key, value)
        response = self._call(update_dataset, dsid=ds, body=body)
        return parse_one(response, Dataset, f"dataset {ds}")

    def delete_dataset(self, dsid: str) -> Message:
        """Asks the API to delete a dataset.

        The Crucible API does not implement deletion: it answers 501, which surfaces as a
        `ServerError` saying so. Ask a Crucible administrator to remove a dataset.

        Raises:
            ServerError: Always on the current API (status 501).
        """
        ds = check_id(dsid, "dsid")
        try:
            response = self._call(delete_dataset, dsid=ds)
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

    def link_datasets(self, parent_dsid: str, child_dsid: str) -> Link:
        """Makes `child_dsid` a child of `parent_dsid` (linking twice is harmless)."""
        parent = check_id(parent_dsid, "parent_dsid")
        child = check_id(child_dsid, "child_dsid")
        response = self._send_idempotent(link_datasets, parent_dsid=parent, child_dsid=child)
        return parse_one(response, Link, f"link {parent} -> {child}")

    def list_children_of_dataset(
        self, dsid: str, limit: int | None = None, **filters: Any
    ) -> list[Dataset]:
        """Lists the datasets linked as children of `dsid` (same filters as `list_datasets`)."""
        ds = check_id(dsid, "dsid")
        params = self._filters(list_dataset_children, filters, exclude=("limit",))
        return self._list(
            list_dataset_children, Dataset, f"children of {ds}", dsid=ds, limit=limit, **params
        )

    def list_parents_of_dataset(
        self, dsid: str, limit: int | None = None, **filters: Any
    ) -> list[Dataset]:
        """Lists the datasets linked as parents of `dsid` (same filters as `list_datasets`)."""
        ds = check_id(dsid, "dsid")
        params = self._filters(list_dataset_parents, filters, exclude=("limit",))
        return self._list(
            list_dataset_parents, Dataset, f"parents of {ds}", dsid=ds, limit=limit, **params
        )
