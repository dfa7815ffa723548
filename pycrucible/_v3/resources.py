"""`client.v3.resources`: any dataset, sample, project or instrument by its MFID."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Unpack

from crucible_openapi.v3.api.resources import get_resource
from crucible_openapi.v3.models import ResourceRecord

from pycrucible._checks import id_of
from pycrucible._http import invoke, parse_one
from pycrucible._v3._base import CallKwargs, V3Resource, per_call

__all__ = ["Resources"]


class Resources(V3Resource):
    """`client.v3.resources`: a record of any type, told apart by its `resource_type`."""

    @per_call
    def get(
        self,
        mfid: str | Mapping[str, Any],
        include_links: bool = False,
        include_metadata: bool = False,
        include_owner: bool = True,
        **options: Unpack[CallKwargs],
    ) -> ResourceRecord:
        """Reads any record by MFID; the fields of its type are kept (`record["dataset_name"]`).

        Args:
            mfid: The record's MFID (or the record).
            include_links: Also return its links (`record["links"]`, each with its direction
                and relationship type).
            include_metadata: Also return its scientific metadata.
            include_owner: Also return its owner (`record.owner`).
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=`.

        Raises:
            NotFoundError: No such record (or it is hidden from you).
        """
        ref = id_of(mfid, "mfid")
        response = invoke(
            get_resource.sync_detailed,
            ref,
            client=self._api,
            include_links=include_links,
            include_metadata=include_metadata,
            include_owner=include_owner,
            include_datasets=False,
        )
        return parse_one(response, ResourceRecord, f"resource {ref}")
