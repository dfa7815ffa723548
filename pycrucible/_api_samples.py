"""Samples: records, parent/child links, dataset links and sample-type metadata."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
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

from pycrucible._checks import check_datetime, check_id, id_of, new_mfid
from pycrucible._core import ClientCore, answers_own_retry
from pycrucible._http import parse_one
from pycrucible._metadata import encode_metadata
from pycrucible._redact import get_logger
from pycrucible.errors import ConflictError

__all__ = ["SamplesMixin"]

log = get_logger("client")

SampleRef = str | Sample | dict[str, Any]
"""A sample id, or a sample record (or dict) carrying `unique_id`."""


class SamplesMixin(ClientCore):
    """Samples."""

    def list_samples(
        self, dataset_id: str | None = None, parent_id: str | None = None, **filters: Any
    ) -> list[Sample]:
        """Lists samples you may read: all, those of a dataset, or the children of a sample.

        Args:
            dataset_id: Only samples linked to this dataset.
            parent_id: Only children of this sample.
            **filters: Exact-match filters: `unique_id`, `sample_name`, `owner_orcid`,
                `project_id`, `sample_type`, `description`, and `limit`.

        Raises:
            ValueError: Both `dataset_id` and `parent_id`, or an unknown filter.
        """
        if dataset_id is not None and parent_id is not None:
            raise ValueError("give dataset_id or parent_id, not both")
        params = self._filters(list_samples, filters)
        if dataset_id is not None:
            ds = id_of(dataset_id, "dataset_id")
            return self._list(
                list_dataset_samples, Sample, f"samples of dataset {ds}", dsid=ds, **params
            )
        if parent_id is not None:
            return self.list_children_of_sample(parent_id, **params)
        return self._list(list_samples, Sample, "samples", **params)

    def get_sample(self, sample_id: str) -> Sample:
        """Reads one sample, with the datasets linked to it.

        Raises:
            NotFoundError: No such sample.
        """
        sid = id_of(sample_id, "sample_id")
        return self._one(get_sample, Sample, f"sample {sid}", sample_id=sid)

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

        Returns:
            The new sample (`sample["unique_id"]` works).

        Raises:
            ValueError: Neither `unique_id` nor `sample_name`, or a bad id (nothing was sent).
            ConflictError: Your `unique_id` is taken.
        """
        if unique_id is None and sample_name is None:
            raise ValueError("give a sample_name (or a unique_id) for the new sample")
        parent_ids = [id_of(p, "parents item") for p in parents]
        child_ids = [id_of(c, "children item") for c in children]
        chosen = unique_id is not None
        mfid = check_id(unique_id, "unique_id") if chosen else new_mfid()
        fields: dict[str, Any] = {
            "unique_id": mfid,
            "sample_name": sample_name,
            "description": description,
            "owner_orcid": check_id(owner_orcid, "owner_orcid") if owner_orcid else None,
            "owner_user_id": owner_user_id,
            "project_id": check_id(project_id, "project_id") if project_id else None,
            "sample_type": sample_type,
        }
        body = SampleCreate.from_dict({k: v for k, v in fields.items() if v is not None})
        if date_created is not None:
            body.date_created = check_datetime(date_created, "date_created")
        log.info("creating sample %s", mfid)
        try:
            sample = parse_one(
                self._send_idempotent(create_sample, body=body), Sample, f"new sample {mfid}"
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

    def add_sample_to_dataset(self, dataset_id: str, sample_id: str) -> DatasetSampleLink:
        """Links a sample to a dataset (linking twice is harmless).

        Args:
            dataset_id: The dataset (id or record).
            sample_id: The sample (id or record).
        """
        ds = id_of(dataset_id, "dataset_id")
        sid = id_of(sample_id, "sample_id")
        response = self._send_idempotent(add_sample_to_dataset, dsid=ds, sample_id=sid)
        return parse_one(response, DatasetSampleLink, f"link of sample {sid} to {ds}")

    add_dataset_to_sample = add_sample_to_dataset

    def remove_sample_from_dataset(self, dataset_id: str, sample_id: str) -> Message:
        """Removes the link between a sample and a dataset."""
        ds = id_of(dataset_id, "dataset_id")
        sid = id_of(sample_id, "sample_id")
        response = self._call(remove_sample_from_dataset, dsid=ds, sample_id=sid)
        return parse_one(response, Message, f"unlink of sample {sid} from {ds}")

    def link_samples(self, parent_id: str, child_id: str) -> Link:
        """Makes `child_id` a child of `parent_id` (ids or records; linking twice is harmless)."""
        parent = id_of(parent_id, "parent_id")
        child = id_of(child_id, "child_id")
        response = self._send_idempotent(link_samples, parent_id=parent, child_id=child)
        return parse_one(response, Link, f"link {parent} -> {child}")

    def list_parents_of_sample(self, sample_id: str, **filters: Any) -> list[Sample]:
        """Lists the samples `sample_id` derives from (same filters as `list_samples`)."""
        sid = id_of(sample_id, "sample_id")
        params = self._filters(list_sample_parents, filters)
        return self._list(list_sample_parents, Sample, f"parents of {sid}", sample_id=sid, **params)

    def list_children_of_sample(self, sample_id: str, **filters: Any) -> list[Sample]:
        """Lists the samples derived from `sample_id` (same filters as `list_samples`)."""
        sid = id_of(sample_id, "sample_id")
        params = self._filters(list_sample_children, filters)
        return self._list(
            list_sample_children, Sample, f"children of {sid}", sample_id=sid, **params
        )

    def add_sample_metadata(
        self, sample_id: str, sample_type: str, **fields: Any
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
        response = self._send_idempotent(
            add_sample_metadata, sample_id=sid, sample_type=kind, body=body
        )
        return parse_one(response, SampleTypeMetadata, f"{kind} metadata of sample {sid}")

    def get_sample_metadata(self, sample_id: str, sample_type: str) -> SampleTypeMetadata:
        """Reads the fields of a sample's type-specific table.

        Raises:
            NotFoundError: The sample has no metadata of this type.
        """
        sid = id_of(sample_id, "sample_id")
        kind = check_id(sample_type, "sample_type")
        return self._one(
            get_sample_metadata,
            SampleTypeMetadata,
            f"{kind} metadata of sample {sid}",
            sample_id=sid,
            sample_type=kind,
        )
