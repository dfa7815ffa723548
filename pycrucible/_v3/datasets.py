"""`client.v3.datasets`: dataset records, their keywords, and keyset-paged lists on API v3."""

from __future__ import annotations

import builtins
from collections.abc import Iterable, Mapping
from typing import Any, Unpack

from crucible_openapi.v3.api.datasets import (
    add_dataset_keyword,
    create_dataset,
    get_dataset,
    list_dataset_keywords,
    list_datasets,
    update_dataset,
)
from crucible_openapi.v3.models import (
    Dataset,
    DatasetCreate,
    DatasetCursorPage,
    DatasetUpdate,
    Keyword,
    SortDirection,
)
from crucible_openapi.v3.types import UNSET

from pycrucible._checks import check_id, check_limit, check_text, new_mfid
from pycrucible._http import invoke, invoke_idempotent, parse_list, parse_one
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
from pycrucible._v3._refs import check_page_size
from pycrucible._v3._search import DatasetSearch
from pycrucible._v3.links import DatasetLineage
from pycrucible._v3.metadata import Metadata
from pycrucible._v3.pages import KeysetPages
from pycrucible.errors import ConflictError, UnexpectedResponseError

__all__ = ["Datasets", "check_page_size"]

log = get_logger("client")

PAGE_SIZE = 100
_EDITABLE = update_fields(DatasetUpdate)


class Datasets(DatasetLineage, DatasetSearch):
    """`client.v3.datasets`: list, get, create and update datasets; their keywords; search,
    facets and count; parent/child and sample links (from `DatasetLineage`).

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
        sample_id: str | None = None,
        limit: int | None = None,
        *,
        page_size: int = PAGE_SIZE,
        dataset_name: str | None = None,
        measurement: str | None = None,
        data_format: str | None = None,
        session_name: str | None = None,
        instrument_mfid: str | None = None,
        instrument_name: str | None = None,
        data_type: str | None = None,
        keyword: str | None = None,
        owner_orcid: str | None = None,
        project_id: str | None = None,
        include_metadata: bool = False,
        sort: str | None = None,
        direction: str | None = None,
        **options: Unpack[CallKwargs],
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
            instrument_name: Only datasets of this instrument (its name).
            data_type: Only datasets of this data type.
            keyword: Only datasets with this keyword.
            owner_orcid: Only datasets of this owner.
            project_id: Only datasets of this project (its slug).
            include_metadata: Each `dataset["scientific_metadata"]` is the metadata dict.
            sort: Sort field (e.g. `"created"`); the server's default order without it.
            direction: `"asc"` or `"desc"` (with `sort`).
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=` (every page,
                fetched as iteration reaches it, is sent with them).

        Returns:
            A lazy iterable of datasets (`for ds in ...`, `.count()`, `.to_list()`).

        Raises:
            ValueError: A bad argument (before any request).
        """
        check_page_size(page_size, limit)
        sample = check_id(sample_id, "sample_id") if sample_id is not None else UNSET
        filters = {
            "dataset_name": opt_text(dataset_name, "dataset_name"),
            "measurement": opt_text(measurement, "measurement"),
            "data_format": opt_text(data_format, "data_format"),
            "session_name": opt_text(session_name, "session_name"),
            "instrument_mfid": opt_text(instrument_mfid, "instrument_mfid"),
            "instrument_name": opt_text(instrument_name, "instrument_name"),
            "data_type": opt_text(data_type, "data_type"),
            "keyword": opt_text(keyword, "keyword"),
            "owner_orcid": opt_text(owner_orcid, "owner_orcid"),
            "project_id": opt_text(project_id, "project_id"),
            "sort": opt_text(sort, "sort"),
        }
        if direction is not None and direction not in ("asc", "desc"):
            raise ValueError(f"direction must be 'asc' or 'desc', got {direction!r}")
        if direction is not None and sort is None:
            raise ValueError("direction needs sort= (the field to order by)")
        order = SortDirection(direction) if direction is not None else UNSET

        def fetch(cursor: str | None) -> tuple[builtins.list[Dataset], str | None]:
            response = invoke(
                list_datasets.sync_detailed,
                client=self._api,
                limit=page_size,
                cursor=opt(cursor),
                sample_mfid=sample,
                dataset_name=filters["dataset_name"],
                measurement=filters["measurement"],
                data_format=filters["data_format"],
                session_name=filters["session_name"],
                instrument_mfid=filters["instrument_mfid"],
                instrument_name=filters["instrument_name"],
                data_type=filters["data_type"],
                keyword=filters["keyword"],
                owner_orcid=filters["owner_orcid"],
                project_id=filters["project_id"],
                sort=filters["sort"],
                direction=order,
                include_metadata=True if include_metadata else UNSET,
            )
            page = response.parsed
            if not isinstance(page, DatasetCursorPage):
                raise UnexpectedResponseError(
                    f"dataset list: expected a page, got {response.content[:200]!r}"
                )
            # The page itself gets no dict view: its `items` field would meet the view's items().
            return as_record(page.items), page.next_cursor

        return KeysetPages(fetch, limit)

    @per_call
    def get(
        self, dsid: str, include_metadata: bool = False, **options: Unpack[CallKwargs]
    ) -> Dataset:
        """Reads one dataset.

        Args:
            dsid: The dataset's MFID (`unique_id`).
            include_metadata: Also return its scientific metadata: `dataset["scientific_metadata"]`
                is then the metadata dict itself (None when it has none).
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=`.

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

    @per_call
    def create(
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
        **options: Unpack[CallKwargs],
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
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=`.

        Returns:
            The dataset as the server holds it after every step (metadata included).

        Raises:
            ValueError: A bad argument (before any request).
        """
        mfid = check_id(unique_id, "unique_id") if unique_id is not None else new_mfid()
        words = [check_text(word, "keyword") for word in keywords]
        metadata = encode_metadata(scientific_metadata) if scientific_metadata else None
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
            # means it was made; otherwise the 404 of get surfaces.
            self.get(mfid)
            log.info("dataset %s already exists; continuing with it", mfid)
        if metadata is not None:
            self._metadata.update(mfid, metadata, overwrite=True)
        for word in words:
            self.add_keyword(mfid, word)
        log.info("created dataset %s", mfid)
        return self.get(mfid, include_metadata=metadata is not None)

    @per_call
    def update(self, /, dsid: str, **fields: Any) -> Dataset:
        """Changes a dataset's descriptive fields.

        Args:
            dsid: The dataset's MFID.
            **fields: `dataset_name`, `measurement`, `data_type`, `session_name`,
                `data_format`, `timestamp`; and the per-call `timeout=`, `extra_headers=`,
                `privilege_mode=`.

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

    # Keywords

    @per_call
    def add_keyword(self, dsid: str, keyword: str, **options: Unpack[CallKwargs]) -> Keyword:
        """Adds a keyword to a dataset (adding it twice is harmless).

        Args:
            dsid: The dataset's MFID.
            keyword: The keyword.
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=`.
        """
        ds, word = check_id(dsid, "dsid"), check_text(keyword, "keyword")
        response = invoke_idempotent(
            add_dataset_keyword.sync_detailed, ds, client=self._api, keyword=word
        )
        return parse_one(response, Keyword, f"keyword of {ds}")

    @per_call
    def keywords(
        self, dsid: str, limit: int | None = None, **options: Unpack[CallKwargs]
    ) -> builtins.list[Keyword]:
        """A dataset's keywords, each with `num_datasets`.

        Args:
            dsid: The dataset's MFID.
            limit: At most this many (None: all), cut in the client (the API returns all).
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=`.
        """
        ds = check_id(dsid, "dsid")
        cap = check_limit(limit)
        response = invoke(list_dataset_keywords.sync_detailed, ds, client=self._api)
        return parse_list(response, Keyword, f"keywords of {ds}")[:cap]

    def all_keywords(
        self, dsid: str | None = None, limit: int | None = None, **options: Unpack[CallKwargs]
    ) -> builtins.list[Keyword]:
        """The seed-era `get_keywords`: with `dsid`, that dataset's keywords (as `keywords`).

        Args:
            dsid: The dataset's MFID.
            limit: At most this many (None: all).
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=`.

        Raises:
            UnsupportedByServerError: Without `dsid`: API v3 has no global keyword list.
        """
        if dsid is None:
            unsupported("get_keywords (the global keyword list)", "get_dataset_keywords(dsid)")
        return self.keywords(dsid, limit, **options)
