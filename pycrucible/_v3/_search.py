"""Search, facets and counts of datasets and samples on API v3.

`DatasetSearch` and `SampleSearch` hold these methods of `client.v3.datasets` and
`client.v3.samples` (those classes build on them).

Search (`GET /datasets/search`, `/samples/search`) is one ranked answer of at most 50 records.
Facets (`GET /datasets/facets`, `/samples/facets`) count the distinct values of one field over
the records you can read, paged by an opaque `next_cursor` like the keyset lists. Counts read
the `total` of a one-record keyset page.
"""

from __future__ import annotations

import builtins
from collections.abc import Callable
from typing import Any, Unpack

from crucible_openapi.v3.api.datasets import list_dataset_facets, list_datasets, search_datasets
from crucible_openapi.v3.api.samples import list_sample_facets, list_samples, search_samples
from crucible_openapi.v3.models import (
    Dataset,
    DatasetCursorPage,
    DatasetSearchResults,
    FacetBucket,
    FacetResponse,
    Sample,
    SampleCursorPage,
    SampleSearchResults,
    SortDirection,
)
from crucible_openapi.v3.types import UNSET, Unset

from pycrucible._checks import check_text, id_of
from pycrucible._http import Answer, invoke
from pycrucible._records import as_record
from pycrucible._v3._base import CallKwargs, V3Resource, opt_text, per_call
from pycrucible._v3._refs import PAGE_SIZE, DatasetRef, SampleRef, check_page_size
from pycrucible._v3.pages import KeysetPages
from pycrucible.errors import UnexpectedResponseError

__all__ = [
    "SEARCH_LIMIT",
    "DatasetSearch",
    "SampleSearch",
    "check_facet_sort",
    "check_search",
    "facet_pages",
]

SEARCH_LIMIT = 50
"""The most records one search answers with (the contract's maximum)."""

MIN_QUERY = 3
"""The shortest search text the contract accepts (characters)."""


def check_search(q: str, limit: int) -> str:
    """Checks a search's text (3 characters or more) and `limit` (1 to 50).

    Returns:
        The text, unchanged.

    Raises:
        ValueError: Either is out of range.
    """
    text = check_text(q, "q")
    if len(text.strip()) < MIN_QUERY:
        raise ValueError(f"search text q needs at least {MIN_QUERY} characters, got {q!r}")
    if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= SEARCH_LIMIT:
        raise ValueError(f"search limit must be between 1 and {SEARCH_LIMIT}, got {limit!r}")
    return text


def check_facet_sort(
    sort: str | None, direction: str | None
) -> tuple[str | Unset, SortDirection | Unset]:
    """Checks a facet listing's order: `sort` (`value`, `label` or `count`) and `direction`.

    Returns:
        The two, as the generated call takes them (`UNSET` when not given).

    Raises:
        ValueError: A direction that is not `"asc"` / `"desc"`, or a direction without a sort
            (the server would refuse it).
    """
    if direction is None:
        return (UNSET if sort is None else check_text(sort, "sort")), UNSET
    if sort is None:
        raise ValueError("direction needs sort (for example sort='count', direction='desc')")
    try:
        order = SortDirection(direction)
    except ValueError:
        raise ValueError(f"direction must be 'asc' or 'desc', got {direction!r}") from None
    return check_text(sort, "sort"), order


def facet_pages(
    fetch: Callable[[str | Unset], Answer], what: str, limit: int | None
) -> KeysetPages[FacetBucket]:
    """Lazy facet buckets: one facet-cursor page per request, as iteration reaches it.

    Args:
        fetch: Calls the generated facet operation for a cursor (`UNSET` for the first page).
        what: What is counted, for messages (e.g. `"dataset facets of measurement"`).
        limit: Stop after this many buckets (None: all of them).
    """

    def page(cursor: str | None) -> tuple[list[FacetBucket], str | None]:
        response = fetch(UNSET if cursor is None else cursor)
        parsed = response.parsed
        if not isinstance(parsed, FacetResponse):
            raise UnexpectedResponseError(
                f"{what}: expected a facet page, got {response.content[:200]!r}"
            )
        following = parsed.next_cursor if isinstance(parsed.next_cursor, str) else None
        return as_record(parsed.items), following

    return KeysetPages(page, limit)


def _results(
    response: Answer, cls: type[DatasetSearchResults] | type[SampleSearchResults], what: str
) -> builtins.list[Any]:
    """The records of a search answer (`UnexpectedResponseError` if the body is not a `cls`)."""
    found = response.parsed
    if not isinstance(found, cls):
        raise UnexpectedResponseError(f"{what}: expected results, got {response.content[:200]!r}")
    return as_record(found.items)


def _total(
    response: Answer, cls: type[DatasetCursorPage] | type[SampleCursorPage], what: str
) -> int:
    """The `total` of a one-record page (`UnexpectedResponseError` if missing or no `cls`)."""
    page = response.parsed
    if not isinstance(page, cls) or not isinstance(page.total, int):
        raise UnexpectedResponseError(
            f"{what}: expected a page with a total, got {response.content[:200]!r}"
        )
    return page.total


class DatasetSearch(V3Resource):
    """Search, facets and count of datasets (`client.v3.datasets`)."""

    @per_call
    def search(
        self,
        q: str,
        limit: int = 20,
        *,
        project_id: str | None = None,
        **options: Unpack[CallKwargs],
    ) -> builtins.list[Dataset]:
        """Datasets whose name matches `q` (typo-tolerant), best first (one answer, at most 50).

        Args:
            q: Text to look for in dataset names (3 characters or more).
            limit: At most this many datasets (1 to 50).
            project_id: Only datasets of this project (slug).
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=`.

        Raises:
            ValueError: A short `q` or a `limit` out of range (before any request).
        """
        text = check_search(q, limit)
        response = invoke(
            search_datasets.sync_detailed,
            client=self._api,
            q=text,
            limit=limit,
            project_id=opt_text(project_id, "project_id"),
        )
        return _results(response, DatasetSearchResults, "dataset search")

    @per_call
    def facets(
        self,
        field: str,
        limit: int | None = None,
        *,
        page_size: int = PAGE_SIZE,
        sort: str | None = None,
        direction: str | None = None,
        sample_id: SampleRef | None = None,
        measurement: str | None = None,
        instrument_mfid: str | None = None,
        project_id: str | None = None,
        **options: Unpack[CallKwargs],
    ) -> KeysetPages[FacetBucket]:
        """How many of the datasets you can see have each value of `field`, a page at a time.

        Each bucket has `value`, `label` and `count` (owner, project and instrument buckets
        also carry the referenced record, e.g. `bucket["instrument"]["instrument_name"]`).

        Args:
            field: `"session"`, `"measurement"`, `"data_format"`, `"owner"`, `"instrument"`
                or `"project"`.
            limit: Stop after this many buckets (None: all of them).
            page_size: Buckets per request (1 to 1000).
            sort: `"value"` (default), `"label"` or `"count"`.
            direction: `"asc"` or `"desc"` (needs `sort`).
            sample_id: Count only datasets linked to this sample (its MFID or record).
            measurement: Count only datasets of this measurement.
            instrument_mfid: Count only datasets of this instrument (its MFID).
            project_id: Count only datasets of this project (slug).
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=` (they apply
                to the first page only).

        Raises:
            ValueError: A bad argument (before any request).
        """
        name = check_text(field, "field")
        check_page_size(page_size, limit)
        order, way = check_facet_sort(sort, direction)
        sample = UNSET if sample_id is None else id_of(sample_id, "sample_id")
        kind = opt_text(measurement, "measurement")
        instrument = opt_text(instrument_mfid, "instrument")
        project = opt_text(project_id, "project_id")
        return facet_pages(
            lambda cursor: invoke(
                list_dataset_facets.sync_detailed,
                client=self._api,
                field=name,
                limit=page_size,
                sort=order,
                direction=way,
                cursor=cursor,
                sample_mfid=sample,
                measurement=kind,
                instrument_mfid=instrument,
                project_id=project,
            ),
            f"dataset facets of {name}",
            limit,
        )

    @per_call
    def count(
        self,
        sample_id: SampleRef | None = None,
        *,
        dataset_name: str | None = None,
        measurement: str | None = None,
        project_id: str | None = None,
        **options: Unpack[CallKwargs],
    ) -> int:
        """Counts the datasets you can see (one request: the server's total).

        Args:
            sample_id: Only datasets linked to this sample (its MFID or record).
            dataset_name: Only datasets of this name.
            measurement: Only datasets of this measurement.
            project_id: Only datasets of this project (slug).
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=`.
        """
        sample = UNSET if sample_id is None else id_of(sample_id, "sample_id")
        response = invoke(
            list_datasets.sync_detailed,
            client=self._api,
            limit=1,
            include_total=True,
            sample_mfid=sample,
            dataset_name=opt_text(dataset_name, "dataset_name"),
            measurement=opt_text(measurement, "measurement"),
            project_id=opt_text(project_id, "project_id"),
        )
        return _total(response, DatasetCursorPage, "dataset count")


class SampleSearch(V3Resource):
    """Search, facets and count of samples (`client.v3.samples`)."""

    @per_call
    def count(
        self,
        dataset_id: DatasetRef | None = None,
        *,
        sample_type: str | None = None,
        project_id: str | None = None,
        **options: Unpack[CallKwargs],
    ) -> int:
        """Counts the samples you can see (one request: the server's total).

        Args:
            dataset_id: Only samples linked to this dataset (its MFID or record).
            sample_type: Only samples of this type.
            project_id: Only samples of this project (slug).
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=`.
        """
        dataset = UNSET if dataset_id is None else id_of(dataset_id, "dataset_id")
        kind, project = opt_text(sample_type, "sample_type"), opt_text(project_id, "project_id")
        response = invoke(
            list_samples.sync_detailed,
            client=self._api,
            limit=1,
            include_total=True,
            dataset_mfid=dataset,
            sample_type=kind,
            project_id=project,
        )
        return _total(response, SampleCursorPage, "sample count")

    @per_call
    def search(
        self,
        q: str,
        limit: int = 20,
        *,
        project_id: str | None = None,
        **options: Unpack[CallKwargs],
    ) -> builtins.list[Sample]:
        """Samples whose name matches `q`, best first (one answer, at most 50).

        Args:
            q: Text to look for in sample names (3 characters or more).
            limit: At most this many samples (1 to 50).
            project_id: Only samples of this project (slug).
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=`.

        Raises:
            ValueError: A short `q` or a `limit` out of range (before any request).
        """
        text = check_search(q, limit)
        response = invoke(
            search_samples.sync_detailed,
            client=self._api,
            q=text,
            limit=limit,
            project_id=opt_text(project_id, "project_id"),
        )
        return _results(response, SampleSearchResults, "sample search")

    @per_call
    def facets(
        self,
        field: str,
        limit: int | None = None,
        *,
        page_size: int = PAGE_SIZE,
        sort: str | None = None,
        direction: str | None = None,
        dataset_id: DatasetRef | None = None,
        sample_type: str | None = None,
        project_id: str | None = None,
        **options: Unpack[CallKwargs],
    ) -> KeysetPages[FacetBucket]:
        """How many of the samples you can see have each value of `field`, a page at a time.

        Each bucket has `value`, `label` and `count` (owner and project buckets also carry
        the referenced record under `bucket["owner"]` / `bucket["project"]`).

        Args:
            field: `"sample_type"`, `"owner"` or `"project"`.
            limit: Stop after this many buckets (None: all of them).
            page_size: Buckets per request (1 to 1000).
            sort: `"value"` (default), `"label"` or `"count"`.
            direction: `"asc"` or `"desc"` (needs `sort`).
            dataset_id: Count only samples linked to this dataset (its MFID or record).
            sample_type: Count only samples of this type.
            project_id: Count only samples of this project (slug).
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=` (they apply
                to the first page only).

        Raises:
            ValueError: A bad argument (before any request).
        """
        name = check_text(field, "field")
        check_page_size(page_size, limit)
        order, way = check_facet_sort(sort, direction)
        dataset = UNSET if dataset_id is None else id_of(dataset_id, "dataset_id")
        kind, project = opt_text(sample_type, "sample_type"), opt_text(project_id, "project_id")
        return facet_pages(
            lambda cursor: invoke(
                list_sample_facets.sync_detailed,
                client=self._api,
                field=name,
                limit=page_size,
                sort=order,
                direction=way,
                cursor=cursor,
                dataset_mfid=dataset,
                sample_type=kind,
                project_id=project,
            ),
            f"sample facets of {name}",
            limit,
        )
