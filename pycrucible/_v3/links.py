"""Lineage on API v3: parent/child links of datasets and of samples, dataset-sample links, and
every link of a record with its relationship type (`client.v3.links`).

`DatasetLineage` and `SampleLineage` hold the link methods of `client.v3.datasets` and
`client.v3.samples` (those classes build on them), so each resource module stays small.
A parent/child link may carry a relationship type, the child relative to the parent:
`"is_derived_from"` or `"is_part_of"` (open vocabulary). Linking twice is harmless (linking
again with a type changes the stored type).
"""

from __future__ import annotations

import builtins
from typing import Unpack

from crucible_openapi.v3.api.datasets import (
    link_dataset_child,
    link_dataset_sample,
    list_dataset_children,
    list_dataset_parents,
    unlink_dataset_child,
    unlink_dataset_sample,
)
from crucible_openapi.v3.api.resources import list_resource_links
from crucible_openapi.v3.api.samples import (
    link_sample_child,
    list_sample_children,
    list_sample_parents,
    unlink_sample_child,
)
from crucible_openapi.v3.models import (
    ActionResult,
    Dataset,
    DatasetOffsetPage,
    Link,
    LinkResult,
    Sample,
    SampleOffsetPage,
)

from pycrucible._checks import id_of
from pycrucible._http import invoke, invoke_idempotent, parse_list, parse_one
from pycrucible._v3._base import CallKwargs, V3Resource, per_call
from pycrucible._v3._lineage import linked_page, relationship, unlinked
from pycrucible._v3._refs import PAGE_SIZE, DatasetRef, SampleRef, check_page_size
from pycrucible._v3.pages import OffsetPages

__all__ = ["DatasetLineage", "Links", "SampleLineage"]


class DatasetLineage(V3Resource):
    """Parent/child links between datasets, and dataset-sample links (`client.v3.datasets`)."""

    @per_call
    def link(
        self,
        parent_dsid: DatasetRef,
        child_dsid: DatasetRef,
        relationship_type: str | None = None,
        **options: Unpack[CallKwargs],
    ) -> LinkResult:
        """Makes `child_dsid` a child of `parent_dsid` (linking twice is harmless).

        Args:
            parent_dsid: The parent dataset's MFID (or its record).
            child_dsid: The child dataset's MFID (or its record).
            relationship_type: The child relative to the parent, e.g. `"is_derived_from"` or
                `"is_part_of"` (None: untyped, or the stored type kept).
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=`.

        Raises:
            ValueError: A bad id or type (before any request).
            ValidationError: A self-link or a cycle (the server refuses it).
        """
        parent, child = id_of(parent_dsid, "parent_dsid"), id_of(child_dsid, "child_dsid")
        response = invoke_idempotent(
            link_dataset_child.sync_detailed,
            parent,
            child,
            client=self._api,
            relationship_type=relationship(relationship_type),
        )
        return parse_one(response, LinkResult, f"link {parent} -> {child}")

    @per_call
    def unlink(
        self, parent_dsid: DatasetRef, child_dsid: DatasetRef, **options: Unpack[CallKwargs]
    ) -> ActionResult:
        """Removes a parent/child link between two datasets.

        Args:
            parent_dsid: The parent dataset's MFID (or its record).
            child_dsid: The child dataset's MFID (or its record).
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=`.

        Raises:
            NotFoundError: There is no such link.
        """
        parent, child = id_of(parent_dsid, "parent_dsid"), id_of(child_dsid, "child_dsid")
        response = invoke(unlink_dataset_child.sync_detailed, parent, child, client=self._api)
        return unlinked(response, f"unlink {parent} -> {child}")

    def _related(
        self,
        dsid: DatasetRef,
        limit: int | None,
        page_size: int,
        kind: str | None,
        *,
        children: bool,
    ) -> OffsetPages[Dataset]:
        ds = id_of(dsid, "dsid")
        check_page_size(page_size, limit)
        relationship_type = relationship(kind)
        operation = list_dataset_children if children else list_dataset_parents
        what = f"{'children' if children else 'parents'} of dataset {ds}"

        def fetch(offset: int) -> tuple[builtins.list[Dataset], int | None]:
            response = invoke(
                operation.sync_detailed,
                ds,
                client=self._api,
                relationship_type=relationship_type,
                limit=page_size,
                offset=offset,
            )
            return linked_page(response.parsed, DatasetOffsetPage, what, response.content)

        return OffsetPages(fetch, limit)

    @per_call
    def children(
        self,
        dsid: DatasetRef,
        limit: int | None = None,
        *,
        relationship_type: str | None = None,
        page_size: int = PAGE_SIZE,
        **options: Unpack[CallKwargs],
    ) -> OffsetPages[Dataset]:
        """The datasets derived from `dsid`, fetching offset pages as iteration reaches them.

        Args:
            dsid: The dataset's MFID (or its record).
            limit: Stop after this many datasets (None: all of them).
            relationship_type: Only links of this type.
            page_size: Datasets per request (1 to 1000).
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=` (they apply
                to the first page only).

        Raises:
            ValueError: A bad argument (before any request).
        """
        return self._related(dsid, limit, page_size, relationship_type, children=True)

    @per_call
    def parents(
        self,
        dsid: DatasetRef,
        limit: int | None = None,
        *,
        relationship_type: str | None = None,
        page_size: int = PAGE_SIZE,
        **options: Unpack[CallKwargs],
    ) -> OffsetPages[Dataset]:
        """The datasets `dsid` derives from, fetching offset pages as iteration reaches them.

        Args:
            dsid: The dataset's MFID (or its record).
            limit: Stop after this many datasets (None: all of them).
            relationship_type: Only links of this type.
            page_size: Datasets per request (1 to 1000).
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=` (they apply
                to the first page only).

        Raises:
            ValueError: A bad argument (before any request).
        """
        return self._related(dsid, limit, page_size, relationship_type, children=False)

    @per_call
    def link_sample(
        self, dataset_id: DatasetRef, sample_id: SampleRef, **options: Unpack[CallKwargs]
    ) -> LinkResult:
        """Links a sample to a dataset (linking twice is harmless).

        Args:
            dataset_id: The dataset's MFID (or its record).
            sample_id: The sample's MFID (or its record).
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=`.
        """
        ds, sid = id_of(dataset_id, "dataset_id"), id_of(sample_id, "sample_id")
        response = invoke_idempotent(link_dataset_sample.sync_detailed, ds, sid, client=self._api)
        return parse_one(response, LinkResult, f"link of sample {sid} to dataset {ds}")

    @per_call
    def unlink_sample(
        self, dataset_id: DatasetRef, sample_id: SampleRef, **options: Unpack[CallKwargs]
    ) -> ActionResult:
        """Removes the link between a sample and a dataset.

        Args:
            dataset_id: The dataset's MFID (or its record).
            sample_id: The sample's MFID (or its record).
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=`.

        Raises:
            NotFoundError: The sample is not linked to the dataset.
        """
        ds, sid = id_of(dataset_id, "dataset_id"), id_of(sample_id, "sample_id")
        response = invoke(unlink_dataset_sample.sync_detailed, ds, sid, client=self._api)
        return unlinked(response, f"unlink of sample {sid} from dataset {ds}")


class SampleLineage(V3Resource):
    """Parent/child links between samples (`client.v3.samples`)."""

    @per_call
    def link(
        self,
        parent_id: SampleRef,
        child_id: SampleRef,
        relationship_type: str | None = None,
        **options: Unpack[CallKwargs],
    ) -> LinkResult:
        """Makes `child_id` a child of `parent_id` (linking twice is harmless).

        Args:
            parent_id: The parent sample's MFID (or its record).
            child_id: The child sample's MFID (or its record).
            relationship_type: The child relative to the parent, e.g. `"is_derived_from"` or
                `"is_part_of"` (None: untyped, or the stored type kept).
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=`.

        Raises:
            ValueError: A bad id or type (before any request).
            ValidationError: A self-link or a cycle (the server refuses it).
        """
        parent, child = id_of(parent_id, "parent_id"), id_of(child_id, "child_id")
        response = invoke_idempotent(
            link_sample_child.sync_detailed,
            parent,
            child,
            client=self._api,
            relationship_type=relationship(relationship_type),
        )
        return parse_one(response, LinkResult, f"link {parent} -> {child}")

    @per_call
    def unlink(
        self, parent_id: SampleRef, child_id: SampleRef, **options: Unpack[CallKwargs]
    ) -> ActionResult:
        """Removes a parent/child link between two samples.

        Args:
            parent_id: The parent sample's MFID (or its record).
            child_id: The child sample's MFID (or its record).
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=`.

        Raises:
            NotFoundError: There is no such link.
        """
        parent, child = id_of(parent_id, "parent_id"), id_of(child_id, "child_id")
        response = invoke(unlink_sample_child.sync_detailed, parent, child, client=self._api)
        return unlinked(response, f"unlink {parent} -> {child}")

    def _related(
        self,
        sample_id: SampleRef,
        limit: int | None,
        page_size: int,
        kind: str | None,
        *,
        children: bool,
    ) -> OffsetPages[Sample]:
        sid = id_of(sample_id, "sample_id")
        check_page_size(page_size, limit)
        relationship_type = relationship(kind)
        operation = list_sample_children if children else list_sample_parents
        what = f"{'children' if children else 'parents'} of sample {sid}"

        def fetch(offset: int) -> tuple[builtins.list[Sample], int | None]:
            response = invoke(
                operation.sync_detailed,
                sid,
                client=self._api,
                relationship_type=relationship_type,
                limit=page_size,
                offset=offset,
            )
            return linked_page(response.parsed, SampleOffsetPage, what, response.content)

        return OffsetPages(fetch, limit)

    @per_call
    def children(
        self,
        sample_id: SampleRef,
        limit: int | None = None,
        *,
        relationship_type: str | None = None,
        page_size: int = PAGE_SIZE,
        **options: Unpack[CallKwargs],
    ) -> OffsetPages[Sample]:
        """The samples derived from `sample_id`, fetching offset pages as iteration reaches them.

        Args:
            sample_id: The sample's MFID (or its record).
            limit: Stop after this many samples (None: all of them).
            relationship_type: Only links of this type.
            page_size: Samples per request (1 to 1000).
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=` (they apply
                to the first page only).

        Raises:
            ValueError: A bad argument (before any request).
        """
        return self._related(sample_id, limit, page_size, relationship_type, children=True)

    @per_call
    def parents(
        self,
        sample_id: SampleRef,
        limit: int | None = None,
        *,
        relationship_type: str | None = None,
        page_size: int = PAGE_SIZE,
        **options: Unpack[CallKwargs],
    ) -> OffsetPages[Sample]:
        """The samples `sample_id` derives from, fetching offset pages as iteration reaches them.

        Args:
            sample_id: The sample's MFID (or its record).
            limit: Stop after this many samples (None: all of them).
            relationship_type: Only links of this type.
            page_size: Samples per request (1 to 1000).
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=` (they apply
                to the first page only).

        Raises:
            ValueError: A bad argument (before any request).
        """
        return self._related(sample_id, limit, page_size, relationship_type, children=False)


class Links(V3Resource):
    """`client.v3.links`: every link of a dataset or sample, with its direction and type."""

    @per_call
    def list(
        self, mfid: DatasetRef | SampleRef, **options: Unpack[CallKwargs]
    ) -> builtins.list[Link]:
        """The links of a record that you can see, each relative to it.

        Each link has the other record's `unique_id`, `resource_type` and `name`, its
        `direction` (`"source"`: the record is the parent; `"target"`: it is the child;
        `"undirected"`: a dataset-sample link) and its `relationship_type` (None when untyped).

        Args:
            mfid: The dataset's or sample's MFID (or its record).
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=`.

        Raises:
            NotFoundError: No such record (or it is hidden from you).
        """
        ref = id_of(mfid, "mfid")
        response = invoke(list_resource_links.sync_detailed, ref, client=self._api)
        return parse_list(response, Link, f"links of {ref}")
