"""Scientific metadata of any API v3 resource (`/resources/{mfid}/metadata`)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Unpack

from crucible_openapi.v3.api.resources import (
    get_resource_metadata,
    merge_resource_metadata,
    replace_resource_metadata,
)
from crucible_openapi.v3.models import MetadataRecord, ScientificMetadata

from pycrucible._checks import check_id
from pycrucible._http import invoke, invoke_idempotent, parse_one
from pycrucible._metadata import encode_metadata
from pycrucible._v3._base import CallKwargs, V3Resource, per_call

__all__ = ["Metadata"]


class Metadata(V3Resource):
    """`client.v3.metadata`: the metadata of datasets, samples, projects and instruments."""

    @per_call
    def get(self, dsid: str, **options: Unpack[CallKwargs]) -> dict[str, Any]:
        """Reads a resource's scientific metadata: the dict itself, as on seed-era servers.

        Args:
            dsid: The dataset's (or any resource's) MFID.
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=`.

        Returns:
            The metadata (an empty dict when the resource has none).

        Raises:
            NotFoundError: No such resource (or it is hidden from you).
        """
        found = self.record(dsid)
        return {} if found is None else found.scientific_metadata.to_dict()

    @per_call
    def record(self, dsid: str, **options: Unpack[CallKwargs]) -> MetadataRecord | None:
        """Reads a resource's metadata: a record with `unique_id` and `scientific_metadata`.

        Args:
            dsid: The dataset's (or any resource's) MFID.
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=`.

        Returns:
            The record, or None when it has no metadata.

        Raises:
            NotFoundError: No such resource (or it is hidden from you).
        """
        ds = check_id(dsid, "dsid")
        response = invoke(get_resource_metadata.sync_detailed, ds, client=self._api)
        if response.parsed is None:
            return None
        return parse_one(response, MetadataRecord, f"metadata of {ds}")

    @per_call
    def update(
        self,
        dsid: str,
        metadata: Mapping[str, Any],
        overwrite: bool = False,
        **options: Unpack[CallKwargs],
    ) -> dict[str, Any]:
        """Merges into (PATCH) or, with `overwrite=True`, replaces (POST) a resource's metadata.

        Both are safe to repeat and are retried after a lost answer or a timeout: a deep merge
        applied twice gives the same metadata as once.

        Args:
            dsid: The dataset's (or any resource's) MFID.
            metadata: The metadata dict (JSON-compatible).
            overwrite: Replace instead of deep-merging.
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=`.

        Returns:
            The resource's whole metadata after the change.

        Raises:
            ValueError: Metadata that is not JSON-compatible (before any request).
        """
        ds = check_id(dsid, "dsid")
        body = ScientificMetadata.from_dict(encode_metadata(metadata))
        if overwrite:
            response = invoke_idempotent(
                replace_resource_metadata.sync_detailed,
                ds,
                client=self._api,
                body=body,
                overwrite=True,
            )
        else:
            # A deep merge applied twice leaves what one application left (objects merge, other
            # values replace), so a merge whose answer was lost is sent again like a PUT.
            response = invoke_idempotent(
                merge_resource_metadata.sync_detailed, ds, client=self._api, body=body
            )
        return parse_one(
            response, MetadataRecord, f"metadata of {ds}"
        ).scientific_metadata.to_dict()
