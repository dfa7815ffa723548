"""`client.v3.post_seed`: the upstream pycrucible's later calls on API v3 (see `_upstream_names`).

`update_sample` edits what a v3 sample update may edit and adds links;
`request_carrier_segmentation` queues the analysis; `link_datasets` and
`list_children_of_dataset` also take that client's keyword names (`parent_dataset_id=`,
`child_dataset_id=`). Owner and project changes are their own
previewed calls on v3 (`client.v3.access.transfer_ownership`, `.reassign_project`), so they
raise here.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any, Unpack

from crucible_openapi.v3.api.datasets import request_carrier_segmentation
from crucible_openapi.v3.models import Dataset, LinkResult, ProcessingRequestInfo, Sample

from pycrucible._checks import check_id, one_of
from pycrucible._http import invoke, parse_one
from pycrucible._redact import get_logger
from pycrucible._v3._base import CallKwargs, V3Core, V3Resource, per_call, unsupported
from pycrucible._v3._refs import DatasetRef, SampleRef
from pycrucible._v3.datasets import Datasets
from pycrucible._v3.pages import OffsetPages
from pycrucible._v3.samples import Samples

__all__ = ["PostSeed"]

log = get_logger("client")


class PostSeed(V3Resource):
    """The upstream pycrucible's `update_sample` and `request_carrier_segmentation` on v3.

    Args:
        core: The shared v3 core.
        samples: The samples resource (updates and links go through it).
    """

    def __init__(self, core: V3Core, *, samples: Samples, datasets: Datasets) -> None:
        super().__init__(core)
        self._samples = samples
        self._datasets = datasets

    @per_call
    def link_datasets(
        self,
        parent_dsid: DatasetRef | None = None,
        child_dsid: DatasetRef | None = None,
        relationship_type: str | None = None,
        *,
        parent_dataset_id: str | None = None,
        child_dataset_id: str | None = None,
        **options: Unpack[CallKwargs],
    ) -> LinkResult:
        """`client.v3.datasets.link` under the seed name, also with the upstream keywords.

        Args:
            parent_dsid: The parent dataset's MFID (or its record).
            child_dsid: The child dataset's MFID (or its record).
            relationship_type: The child relative to the parent (see `datasets.link`).
            parent_dataset_id: The upstream pycrucible's name for `parent_dsid`.
            child_dataset_id: The upstream pycrucible's name for `child_dsid`.
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=`.

        Raises:
            ValueError: A missing id, or one given under both names (nothing was sent).
        """
        parent = one_of(parent_dsid, parent_dataset_id, "parent_dsid", "parent_dataset_id")
        child = one_of(child_dsid, child_dataset_id, "child_dsid", "child_dataset_id")
        if parent is None or child is None:
            raise ValueError("link_datasets needs the parent and the child dataset")
        return self._datasets.link(parent, child, relationship_type)

    @per_call
    def list_children_of_dataset(
        self,
        dsid: DatasetRef | None = None,
        limit: int | None = None,
        *,
        parent_dataset_id: str | None = None,
        relationship_type: str | None = None,
        **options: Unpack[CallKwargs],
    ) -> OffsetPages[Dataset]:
        """`client.v3.datasets.children` under the seed name, also with the upstream keyword.

        Args:
            dsid: The dataset's MFID (or its record).
            limit: Stop after this many datasets (None: all of them).
            parent_dataset_id: The upstream pycrucible's name for `dsid`.
            relationship_type: Only links of this type.
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=`.

        Raises:
            ValueError: No dataset, or one given under both names (nothing was sent).
        """
        parent = one_of(dsid, parent_dataset_id, "dsid", "parent_dataset_id")
        if parent is None:
            raise ValueError("list_children_of_dataset needs the dataset (dsid)")
        return self._datasets.children(parent, limit, relationship_type=relationship_type)

    @per_call
    def update_sample(
        self,
        unique_id: str,
        sample_name: str | None = None,
        description: str | None = None,
        creation_date: datetime.datetime | str | None = None,
        owner_orcid: str | None = None,
        owner_id: int | None = None,
        project_id: str | None = None,
        sample_type: str | None = None,
        parents: Iterable[SampleRef] = (),
        children: Iterable[SampleRef] = (),
        **options: Unpack[CallKwargs],
    ) -> Sample:
        """Changes the given fields of a sample, then adds links (the upstream signature).

        Args:
            unique_id: The sample's MFID.
            sample_name: New name.
            description: New description.
            creation_date: The sample's own time (v3's `timestamp`).
            owner_orcid: Not on v3 here: use `client.v3.access.transfer_ownership`.
            owner_id: Not on v3 (no integer user ids).
            project_id: Not on v3 here: use `client.v3.access.reassign_project`.
            sample_type: New type.
            parents: Samples to link as parents (added to the existing links).
            children: Samples to link as children.
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=`.

        Returns:
            The sample after the change.

        Raises:
            UnsupportedByServerError: An owner or project change (before any request).
        """
        sid = check_id(unique_id, "unique_id")
        if owner_orcid is not None or owner_id is not None:
            unsupported("update_sample(owner_...)", "client.v3.access.transfer_ownership")
        if project_id is not None:
            unsupported("update_sample(project_id=...)", "client.v3.access.reassign_project")
        given: dict[str, Any] = {
            "sample_name": sample_name,
            "description": description,
            "sample_type": sample_type,
            "timestamp": creation_date,
        }
        fields = {name: value for name, value in given.items() if value is not None}
        parent_ids, child_ids = list(parents), list(children)
        sample = self._samples.update(sid, **fields) if fields else self._samples.get(sid)
        for parent in parent_ids:
            self._samples.link(parent, sid)
        for child in child_ids:
            self._samples.link(sid, child)
        return sample

    @per_call
    def request_carrier_segmentation(
        self, dsid: str, **options: Unpack[CallKwargs]
    ) -> ProcessingRequestInfo:
        """Queues the carrier-segmentation analysis of a dataset (sent once: never retried).

        Args:
            dsid: The dataset's MFID.
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=`.

        Returns:
            The queued request's record.
        """
        ds = check_id(dsid, "dsid")
        log.info("requesting carrier segmentation of %s", ds)
        response = invoke(request_carrier_segmentation.sync_detailed, ds, client=self._api)
        return parse_one(response, ProcessingRequestInfo, f"carrier segmentation of {ds}")
