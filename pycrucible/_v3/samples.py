"""`client.v3.samples`: sample records and keyset-paged lists on API v3 (lineage from
`links.SampleLineage`; search, facets and count from `_search.SampleSearch`)."""

from __future__ import annotations

import builtins
import datetime
from collections.abc import Iterable, Mapping
from typing import Any, Unpack

from crucible_openapi.v3.api.samples import create_sample, get_sample, list_samples, update_sample
from crucible_openapi.v3.models import Sample, SampleCreate, SampleCursorPage, SampleUpdate
from crucible_openapi.v3.types import UNSET

from pycrucible._checks import check_datetime, check_id, id_of, new_mfid, one_of
from pycrucible._core import answers_own_retry
from pycrucible._http import invoke, invoke_idempotent, parse_one
from pycrucible._metadata import encode_metadata
from pycrucible._records import as_record
from pycrucible._redact import get_logger
from pycrucible._v3._base import (
    CallKwargs,
    V3Core,
    opt,
    opt_text,
    per_call,
    unsupported,
    update_fields,
)
from pycrucible._v3._refs import PAGE_SIZE, DatasetRef, SampleRef, check_page_size
from pycrucible._v3._search import SampleSearch
from pycrucible._v3.links import SampleLineage
from pycrucible._v3.metadata import Metadata
from pycrucible._v3.pages import KeysetPages, OffsetPages
from pycrucible.errors import ConflictError, UnexpectedResponseError

__all__ = ["SampleRef", "Samples"]

log = get_logger("client")

_EDITABLE = update_fields(SampleUpdate)


class Samples(SampleLineage, SampleSearch):
    """`client.v3.samples`: list, get, create and update samples; link, search and count them.

    Args:
        core: The shared v3 core.
        metadata: The metadata resource (create writes metadata through it).
    """

    def __init__(self, core: V3Core, *, metadata: Metadata) -> None:
        super().__init__(core)
        self._metadata = metadata

    @per_call
    def list(
        self,
        dataset_id: DatasetRef | None = None,
        parent_id: SampleRef | None = None,
        limit: int | None = None,
        *,
        page_size: int = PAGE_SIZE,
        sample_name: str | None = None,
        sample_type: str | None = None,
        description: str | None = None,
        owner_orcid: str | None = None,
        project_id: str | None = None,
        unique_id: str | None = None,
        include_metadata: bool = False,
        **options: Unpack[CallKwargs],
    ) -> KeysetPages[Sample] | OffsetPages[Sample]:
        """Lists the samples you can see, newest first, fetching pages as needed.

        Args:
            dataset_id: Only samples linked to this dataset (its MFID or record).
            parent_id: Only the children of this sample (its MFID or record; no other filter
                applies then, as in `children`).
            limit: Stop after this many samples (None: all of them).
            page_size: Samples per request (1 to 1000).
            sample_name: Only samples of this name.
            sample_type: Only samples of this type.
            description: Only samples with this description.
            owner_orcid: Only samples of this owner (ORCID or MFID).
            project_id: Only samples of this project (slug).
            unique_id: Only the sample of this MFID.
            include_metadata: Also return each sample's scientific metadata.
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=` (they apply
                to the first page only; later pages are fetched as iteration reaches them).

        Returns:
            A lazy iterable of samples (`for s in ...`, `.count()`, `.to_list()`).

        Raises:
            ValueError: A bad argument, or `parent_id` with `dataset_id` or a filter (before
                any request).
        """
        check_page_size(page_size, limit)
        filters = {
            "sample_name": opt_text(sample_name, "sample_name"),
            "sample_type": opt_text(sample_type, "sample_type"),
            "description": opt_text(description, "description"),
            "owner_orcid": opt_text(owner_orcid, "owner_orcid"),
            "project_id": opt_text(project_id, "project_id"),
            "unique_id": UNSET if unique_id is None else check_id(unique_id, "unique_id"),
        }
        if parent_id is not None:
            given = [v for v in filters.values() if v is not UNSET]
            if dataset_id is not None or include_metadata or given:
                raise ValueError("parent_id lists a sample's children: give no other filter")
            return self.children(parent_id, limit, page_size=page_size)
        dataset = UNSET if dataset_id is None else id_of(dataset_id, "dataset_id")

        def fetch(cursor: str | None) -> tuple[builtins.list[Sample], str | None]:
            response = invoke(
                list_samples.sync_detailed,
                client=self._api,
                limit=page_size,
                cursor=opt(cursor),
                dataset_mfid=dataset,
                include_metadata=True if include_metadata else UNSET,
                sample_name=filters["sample_name"],
                sample_type=filters["sample_type"],
                description=filters["description"],
                owner_orcid=filters["owner_orcid"],
                project_id=filters["project_id"],
                unique_id=filters["unique_id"],
            )
            page = response.parsed
            if not isinstance(page, SampleCursorPage):
                raise UnexpectedResponseError(
                    f"sample list: expected a page, got {response.content[:200]!r}"
                )
            # The page itself gets no dict view: its `items` field would meet the view's items().
            return as_record(page.items), page.next_cursor

        return KeysetPages(fetch, limit)

    @per_call
    def get(
        self,
        sample_id: SampleRef,
        include_datasets: bool = True,
        include_metadata: bool = False,
        include_owner: bool = False,
        include_links: bool = False,
        **options: Unpack[CallKwargs],
    ) -> Sample:
        """Reads one sample, with the datasets linked to it (as the seed-era call did).

        Args:
            sample_id: The sample's MFID (or its record).
            include_datasets: Also return the linked datasets (`sample["datasets"]`).
            include_metadata: Also return its scientific metadata (the dict itself).
            include_owner: Also return its owner (`sample.owner`).
            include_links: Also return its links (`sample.links`: parents, children and
                datasets, each with its direction and relationship type).
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=`.

        Raises:
            NotFoundError: No such sample (or it is hidden from you).
        """
        sid = id_of(sample_id, "sample_id")
        response = invoke(
            get_sample.sync_detailed,
            sid,
            client=self._api,
            include_datasets=include_datasets,
            include_metadata=True if include_metadata else UNSET,
            include_owner=True if include_owner else UNSET,
            include_links=True if include_links else UNSET,
        )
        return parse_one(response, Sample, f"sample {sid}")

    @per_call
    def create(
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
        public: bool = False,
        scientific_metadata: Mapping[str, Any] | None = None,
        owner_user_id: int | None = None,
        creation_date: datetime.datetime | str | None = None,
        owner_id: int | None = None,
        **options: Unpack[CallKwargs],
    ) -> Sample:
        """Creates a sample, then its metadata and its links to parents and children. Safe to
        retry.

        The client mints the MFID (unless given), so a repeated request after a lost answer
        finds the same record instead of making a second one.

        Args:
            unique_id: Its MFID (default: a new one).
            sample_name: Its name.
            description: Free text.
            date_created: When it was made (datetime or ISO 8601 text with an offset; API v3
                stores it as the sample's `timestamp`).
            owner_orcid: Owner (ORCID or MFID; default: you).
            project_id: Project slug.
            sample_type: Sample type label.
            parents: Samples (MFIDs or records) this one derives from.
            children: Samples (MFIDs or records) derived from this one.
            public: Readable by everybody.
            scientific_metadata: Metadata dict (JSON-compatible).
            owner_user_id: Seed-era internal user id: API v3 has none (raises).
            creation_date: The upstream pycrucible's name for `date_created`.
            owner_id: The upstream pycrucible's name for `owner_user_id` (raises likewise).
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=`.

        Returns:
            The sample as the server holds it after every step (`sample["unique_id"]`).

        Raises:
            ValueError: Neither `sample_name` nor `unique_id`, or a bad argument (before any
                request).
            ConflictError: Your `unique_id` belongs to another record.
            UnsupportedByServerError: `owner_user_id` was given.
        """
        date_created = one_of(date_created, creation_date, "date_created", "creation_date")
        if owner_user_id is not None or owner_id is not None:
            unsupported("add_sample(owner_user_id=...) (internal user ids)", "owner_orcid=")
        if unique_id is None and sample_name is None:
            raise ValueError("give a sample_name (or a unique_id) for the new sample")
        parent_ids = [id_of(p, "parents item") for p in parents]
        child_ids = [id_of(c, "children item") for c in children]
        chosen = unique_id is not None
        mfid = check_id(unique_id, "unique_id") if chosen else new_mfid()
        stamp = check_datetime(date_created, "date_created") if date_created is not None else None
        metadata = encode_metadata(scientific_metadata) if scientific_metadata else None
        body = SampleCreate(
            unique_id=mfid,
            public=public,
            sample_name=opt(sample_name),
            description=opt(description),
            sample_type=opt(sample_type),
            timestamp=opt(stamp),
            owner_orcid=UNSET if owner_orcid is None else check_id(owner_orcid, "owner_orcid"),
            project_id=UNSET if project_id is None else check_id(project_id, "project_id"),
        )
        log.info("creating sample %s", mfid)
        try:
            parse_one(
                invoke_idempotent(create_sample.sync_detailed, client=self._api, body=body),
                Sample,
                f"new sample {mfid}",
            )
        except ConflictError as exc:
            if not answers_own_retry(exc, chosen_id=chosen):
                raise
            self.get(mfid, include_datasets=False)  # our own earlier attempt made it
            log.info("sample %s already exists; continuing with it", mfid)
        try:
            if metadata is not None:
                self._metadata.update(mfid, metadata, overwrite=True)
            for parent in parent_ids:
                self.link(parent, mfid)
            for child in child_ids:
                self.link(mfid, child)
        except Exception as exc:
            exc.add_note(f"sample {mfid} was created; some of its metadata or links are missing")
            raise
        return self.get(mfid, include_datasets=False, include_metadata=metadata is not None)

    @per_call
    def update(self, /, sample_id: SampleRef, **fields: Any) -> Sample:
        """Changes a sample's descriptive fields.

        Args:
            sample_id: The sample's MFID (or its record).
            **fields: `sample_name`, `sample_type`, `description`, `timestamp` (datetime or
                ISO 8601 text; None clears a field); and the per-call `timeout=`,
                `extra_headers=`, `privilege_mode=`.

        Raises:
            ValueError: A field API v3 does not let you edit here (before any request).
        """
        sid = id_of(sample_id, "sample_id")
        unknown = sorted(set(fields) - _EDITABLE)
        if unknown:
            raise ValueError(
                f"sample updates on API v3 edit {sorted(_EDITABLE)}, not {unknown} "
                "(owner, project and visibility have their own calls)"
            )
        if fields.get("timestamp") is not None:
            fields["timestamp"] = check_datetime(fields["timestamp"], "timestamp").isoformat()
        body = SampleUpdate.from_dict(fields)
        response = invoke(update_sample.sync_detailed, sid, client=self._api, body=body)
        return parse_one(response, Sample, f"sample {sid}")
