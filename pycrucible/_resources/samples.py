"""Samples: records, parent/child links, dataset links and sample-type metadata."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from typing import Any

from crucible_openapi.v1.api.samples import (
    add_sample_metadata,
    add_sample_to_dataset,
    create_sample,
    get_sample,
    get_sample_metadata,
    link_samples,
    list_dataset_samples,
    list_sample_children,
    list_sample_parents,
    list_samples,
    remove_sample_from_dataset,
)
from crucible_openapi.v1.models import (
    DatasetSampleLink,
    Link,
    Message,
    Sample,
    SampleCreate,
    SampleTypeMetadata,
)
from crucible_openapi.v1.types import UNSET

from pycrucible._checks import check_datetime, check_id, check_limit, id_of, new_mfid, one_of
from pycrucible._core import (
    Resource,
    answers_own_retry,
    check_filters,
    given,
    per_call,
)
from pycrucible._http import invoke, invoke_idempotent, parse_list, parse_one
from pycrucible._metadata import encode_metadata
from pycrucible._redact import get_logger
from pycrucible.errors import ConflictError

__all__ = ["Samples"]

log = get_logger("client")

SampleRef = str | Sample | dict[str, Any]
"""A sample id, or a sample record (or dict) carrying `unique_id`."""


def _limit(limit: int | None) -> dict[str, int]:
    """The `limit` query parameter, when one is given."""
    checked = check_limit(limit)
    return {} if checked is None else {"limit": checked}


class Samples(Resource):
    """Samples."""

    @per_call
    def list_samples(
        self,
        /,
        dataset_id: str | None = None,
        parent_id: str | None = None,
        limit: int | None = None,
        *,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
        **filters: Any,
    ) -> list[Sample]:
        """Lists samples you may read: all, those of a dataset, or the children of a sample.

        Args:
            dataset_id: Only samples linked to this dataset.
            parent_id: Only children of this sample.
            limit: At most this many (None: the server's default).
            **filters: Exact-match filters: `unique_id`, `sample_name`, `owner_orcid`,
                `project_id`, `sample_type`, `description`.

        Raises:
            ValueError: Both `dataset_id` and `parent_id`, or an unknown filter.
        """
        if dataset_id is not None and parent_id is not None:
            raise ValueError("give dataset_id or parent_id, not both")
        params = check_filters(list_samples.sync_detailed, filters, exclude=("limit",))
        params.update(_limit(limit))
        if dataset_id is not None:
            ds = id_of(dataset_id, "dataset_id")
            return parse_list(
                invoke(list_dataset_samples.sync_detailed, dsid=ds, **params, client=self._api),
                Sample,
                f"samples of dataset {ds}",
            )
        if parent_id is not None:
            return self.list_children_of_sample(parent_id, **params)
        return parse_list(
            invoke(list_samples.sync_detailed, **params, client=self._api), Sample, "samples"
        )

    @per_call
    def get_sample(
        self,
        sample_id: str,
        *,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Sample:
        """Reads one sample, with the datasets linked to it.

        Raises:
            NotFoundError: No such sample.
        """
        sid = id_of(sample_id, "sample_id")
        return parse_one(
            invoke(get_sample.sync_detailed, sample_id=sid, client=self._api),
            Sample,
            f"sample {sid}",
        )

    @per_call
    def add_sample(
        self,
        unique_id: str | None = None,
        sample_name: str | None = None,
        description: str | None = None,
        date_created: datetime.datetime | str | None = None,
        owner_orcid: str | None = None,
        project_id: str | None = None,
        sample_type: str | None = None,
        parents: Iterable[SampleRef] = (),
        children: Iterable[SampleRef] = (),
        *,
        owner_user_id: int | None = None,
        creation_date: datetime.datetime | str | None = None,
        owner_id: int | None = None,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Sample:
        """Creates a sample and links it to its parents and children.

        The create carries a `unique_id` (yours, or a fresh MFID) so a retried create cannot
        make a second sample.

        Args:
            unique_id: Your MFID for it; a fresh one is made when None.
            sample_name: Human-readable name.
            description: Free text.
            date_created: When it was made (datetime or ISO 8601 text).
            owner_orcid: Owner, when not the key's user.
            project_id: Project slug.
            sample_type: Type, naming its type-specific metadata table (e.g. `"spinbot_batch"`).
            parents: Samples (records or ids) this one derives from.
            children: Samples (records or ids) derived from this one.
            owner_user_id: Internal id of the owner (seed-era field).
            creation_date: The upstream pycrucible's name for `date_created`.
            owner_id: The upstream pycrucible's name for `owner_user_id`.

        Returns:
            The new sample (`sample["unique_id"]` works).

        Raises:
            ValueError: Neither `unique_id` nor `sample_name`, or a bad id (nothing was sent).
            ConflictError: Your `unique_id` is taken.
        """
        if unique_id is None and sample_name is None:
            raise ValueError("give a sample_name (or a unique_id) for the new sample")
        date_created = one_of(date_created, creation_date, "date_created", "creation_date")
        owner_user_id = one_of(owner_user_id, owner_id, "owner_user_id", "owner_id")
        parent_ids = [id_of(p, "parents item") for p in parents]
        child_ids = [id_of(c, "children item") for c in children]
        chosen = unique_id is not None
        mfid = check_id(unique_id, "unique_id") if chosen else new_mfid()
        created = check_datetime(date_created, "date_created") if date_created is not None else None
        body = SampleCreate(
            unique_id=mfid,
            sample_name=given(sample_name),
            description=given(description),
            owner_orcid=check_id(owner_orcid, "owner_orcid") if owner_orcid else UNSET,
            owner_user_id=given(owner_user_id),
            project_id=check_id(project_id, "project_id") if project_id else UNSET,
            sample_type=given(sample_type),
            date_created=given(created),
        )
        log.info("creating sample %s", mfid)
        try:
            sample = parse_one(
                invoke_idempotent(create_sample.sync_detailed, body=body, client=self._api),
                Sample,
                f"new sample {mfid}",
            )
        except ConflictError as exc:
            if not answers_own_retry(exc, chosen_id=chosen):
                raise
            sample = self.get_sample(mfid)  # the 409 answers our own retried create
        new_id = sample.unique_id
        try:
            for parent in parent_ids:
                self.link_samples(parent, new_id)
            for child in child_ids:
                self.link_samples(new_id, child)
        except Exception as exc:
            exc.add_note(f"sample {new_id} was created; some of its links are missing")
            raise
        return sample

    @per_call
    def add_sample_to_dataset(
        self,
        dataset_id: str,
        sample_id: str,
        *,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> DatasetSampleLink:
        """Links a sample to a dataset (linking twice is harmless).

        Args:
            dataset_id: The dataset (id or record).
            sample_id: The sample (id or record).
        """
        ds = id_of(dataset_id, "dataset_id")
        sid = id_of(sample_id, "sample_id")
        response = invoke_idempotent(
            add_sample_to_dataset.sync_detailed, dsid=ds, sample_id=sid, client=self._api
        )
        return parse_one(response, DatasetSampleLink, f"link of sample {sid} to {ds}")

    add_dataset_to_sample = add_sample_to_dataset

    @per_call
    def remove_sample_from_dataset(
        self,
        dataset_id: str,
        sample_id: str,
        *,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Message:
        """Removes the link between a sample and a dataset."""
        ds = id_of(dataset_id, "dataset_id")
        sid = id_of(sample_id, "sample_id")
        response = invoke(
            remove_sample_from_dataset.sync_detailed, dsid=ds, sample_id=sid, client=self._api
        )
        return parse_one(response, Message, f"unlink of sample {sid} from {ds}")

    remove_dataset_from_sample = remove_sample_from_dataset

    @per_call
    def link_samples(
        self,
        parent_id: str,
        child_id: str,
        *,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Link:
        """Makes `child_id` a child of `parent_id` (ids or records; linking twice is harmless)."""
        parent = id_of(parent_id, "parent_id")
        child = id_of(child_id, "child_id")
        response = invoke_idempotent(
            link_samples.sync_detailed, parent_id=parent, child_id=child, client=self._api
        )
        return parse_one(response, Link, f"link {parent} -> {child}")

    @per_call
    def list_parents_of_sample(
        self,
        /,
        sample_id: str,
        limit: int | None = None,
        *,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
        **filters: Any,
    ) -> list[Sample]:
        """Lists the samples `sample_id` derives from (same filters and `limit` as
        `list_samples`)."""
        sid = id_of(sample_id, "sample_id")
        params = check_filters(list_sample_parents.sync_detailed, filters, exclude=("limit",))
        params.update(_limit(limit))
        return parse_list(
            invoke(list_sample_parents.sync_detailed, sample_id=sid, **params, client=self._api),
            Sample,
            f"parents of {sid}",
        )

    @per_call
    def list_children_of_sample(
        self,
        /,
        sample_id: str,
        limit: int | None = None,
        *,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
        **filters: Any,
    ) -> list[Sample]:
        """Lists the samples derived from `sample_id` (same filters and `limit` as
        `list_samples`)."""
        sid = id_of(sample_id, "sample_id")
        params = check_filters(list_sample_children.sync_detailed, filters, exclude=("limit",))
        params.update(_limit(limit))
        return parse_list(
            invoke(list_sample_children.sync_detailed, sample_id=sid, **params, client=self._api),
            Sample,
            f"children of {sid}",
        )

    @per_call
    def add_sample_metadata(
        self,
        /,
        sample_id: str,
        sample_type: str,
        *,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
        **fields: Any,
    ) -> SampleTypeMetadata:
        """Stores the fields of a sample's type-specific table, replacing any.

        Args:
            sample_id: The sample (id or record).
            sample_type: The table (e.g. `"spinbot_batch"`).
            **fields: The fields; encoded like scientific metadata.

        Returns:
            The stored fields (`record["field"]` works).
        """
        sid = id_of(sample_id, "sample_id")
        kind = check_id(sample_type, "sample_type")
        body = SampleTypeMetadata.from_dict(encode_metadata(fields, "fields"))
        response = invoke_idempotent(
            add_sample_metadata.sync_detailed,
            sample_id=sid,
            sample_type=kind,
            body=body,
            client=self._api,
        )
        return parse_one(response, SampleTypeMetadata, f"{kind} metadata of sample {sid}")

    @per_call
    def get_sample_metadata(
        self,
        sample_id: str,
        sample_type: str,
        *,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> SampleTypeMetadata:
        """Reads the fields of a sample's type-specific table.

        Raises:
            NotFoundError: The sample has no metadata of this type.
        """
        sid = id_of(sample_id, "sample_id")
        kind = check_id(sample_type, "sample_type")
        return parse_one(
            invoke(
                get_sample_metadata.sync_detailed, sample_id=sid, sample_type=kind, client=self._api
            ),
            SampleTypeMetadata,
            f"{kind} metadata of sample {sid}",
        )
