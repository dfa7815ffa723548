"""Dataset lineage (the seed-era API): linking a parent to a child, listing either side."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

from crucible_openapi.v1.api.datasets import (
    link_datasets,
    list_dataset_children,
    list_dataset_parents,
)
from crucible_openapi.v1.models import Dataset, Link

from pycrucible._checks import check_id, check_limit, one_of
from pycrucible._core import Resource, check_filters, given, per_call
from pycrucible._http import invoke, invoke_idempotent, parse_list, parse_one

__all__ = ["DatasetLineage"]


class DatasetLineage(Resource):
    """Links between datasets (`client.datasets.lineage`; the names on `Datasets` call these)."""

    @per_call
    def link_datasets(
        self,
        parent_dsid: str | None = None,
        child_dsid: str | None = None,
        *,
        parent_dataset_id: str | None = None,
        child_dataset_id: str | None = None,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Link:
        """Makes `child_dsid` a child of `parent_dsid` (linking twice is harmless).

        Args:
            parent_dsid: The parent dataset's `unique_id`.
            child_dsid: The derived dataset's `unique_id`.
            parent_dataset_id: The upstream pycrucible's name for `parent_dsid`.
            child_dataset_id: The upstream pycrucible's name for `child_dsid`.

        Raises:
            ValueError: A missing id, or one given under both names (nothing was sent).
        """
        parent = check_id(
            one_of(parent_dsid, parent_dataset_id, "parent_dsid", "parent_dataset_id"),
            "parent_dsid",
        )
        child = check_id(
            one_of(child_dsid, child_dataset_id, "child_dsid", "child_dataset_id"), "child_dsid"
        )
        response = invoke_idempotent(
            link_datasets.sync_detailed, parent_dsid=parent, child_dsid=child, client=self._api
        )
        return parse_one(response, Link, f"link {parent} -> {child}")

    @per_call
    def list_children_of_dataset(
        self,
        /,
        dsid: str | None = None,
        limit: int | None = None,
        *,
        parent_dataset_id: str | None = None,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
        **filters: Any,
    ) -> list[Dataset]:
        """Lists the datasets linked as children of `dsid` (same filters as `list_datasets`).

        Args:
            dsid: The dataset's `unique_id`.
            limit: At most this many (None: all).
            parent_dataset_id: The upstream pycrucible's name for `dsid`.
            **filters: Dataset fields to match, as `list_datasets` takes them.

        Raises:
            ValueError: No dataset, or one given under both names (nothing was sent).
        """
        parent = one_of(dsid, parent_dataset_id, "dsid", "parent_dataset_id")
        if parent is None:
            raise ValueError("list_children_of_dataset needs the dataset (dsid)")
        return self._linked("children", parent, limit, filters)

    @per_call
    def list_parents_of_dataset(
        self,
        /,
        dsid: str,
        limit: int | None = None,
        *,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
        **filters: Any,
    ) -> list[Dataset]:
        """Lists the datasets linked as parents of `dsid` (same filters as `list_datasets`)."""
        return self._linked("parents", dsid, limit, filters)

    def _linked(
        self,
        side: Literal["children", "parents"],
        dsid: str,
        limit: int | None,
        filters: Mapping[str, Any],
    ) -> list[Dataset]:
        """One side of a dataset's lineage, filtered (both endpoints take the same parameters)."""
        endpoint = (
            list_dataset_children.sync_detailed
            if side == "children"
            else list_dataset_parents.sync_detailed
        )
        ds = check_id(dsid, "dsid")
        params = check_filters(endpoint, filters, exclude=("limit",))
        response = invoke(
            endpoint, dsid=ds, limit=given(check_limit(limit)), **params, client=self._api
        )
        return parse_list(response, Dataset, f"{side} of {ds}")
