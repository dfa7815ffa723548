"""Endpoints added after the seed era that the upstream pycrucible calls: sample updates,
carrier segmentation, and every Google Drive location of a dataset."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping

from crucible_openapi.v1.api.requests import list_drive_locations, request_carrier_segmentation
from crucible_openapi.v1.api.samples import update_sample
from crucible_openapi.v1.models import DriveLocation, ProcessingRequest, Sample, SampleUpdate
from crucible_openapi.v1.types import UNSET

from pycrucible._checks import check_datetime, check_id, id_of
from pycrucible._core import Core, Resource, given, per_call
from pycrucible._http import invoke, parse_list, parse_one
from pycrucible._redact import get_logger
from pycrucible._resources.samples import SampleRef, Samples

__all__ = ["PostSeed"]

log = get_logger("client")


class PostSeed(Resource):
    """Sample updates, carrier segmentation and Google Drive locations (`client.post_seed`).

    Args:
        core: The client's shared core.
        samples: Samples, which an update links to its new parents and children.
    """

    def __init__(self, core: Core, *, samples: Samples) -> None:
        super().__init__(core)
        self._samples = samples

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
        *,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Sample:
        """Changes the given fields of a sample (needs write access), then adds links.

        The parameters are those of the upstream pycrucible's `update_sample`. Fields left None
        are not changed; the links are added to the ones the sample has.

        Args:
            unique_id: The sample (id or record).
            sample_name: New name.
            description: New description.
            creation_date: When it was made (datetime or ISO 8601 text).
            owner_orcid: New owner (the owner or an admin only).
            owner_id: New owner's internal id (the owner or an admin only).
            project_id: New project slug.
            sample_type: New type.
            parents: Samples (records or ids) to add as its parents.
            children: Samples (records or ids) to add as its children.

        Returns:
            The updated sample.

        Raises:
            ValueError: Nothing to change, or a bad id or date (nothing was sent).
        """
        sid = id_of(unique_id, "unique_id")
        parent_ids = [id_of(p, "parents item") for p in parents]
        child_ids = [id_of(c, "children item") for c in children]
        created = check_datetime(creation_date, "creation_date") if creation_date else None
        body = SampleUpdate(
            sample_name=given(sample_name),
            description=given(description),
            date_created=given(created),
            owner_orcid=check_id(owner_orcid, "owner_orcid") if owner_orcid else UNSET,
            owner_user_id=given(owner_id),
            project_id=check_id(project_id, "project_id") if project_id else UNSET,
            sample_type=given(sample_type),
        )
        if not body.to_dict() and not parent_ids and not child_ids:
            raise ValueError("update_sample needs at least one field to change or link to add")
        sample = None
        if body.to_dict():
            log.info("updating sample %s", sid)
            sample = parse_one(
                invoke(update_sample.sync_detailed, sample_id=sid, body=body, client=self._api),
                Sample,
                f"sample {sid}",
            )
        for parent in parent_ids:
            self._samples.link_samples(parent, sid)
        for child in child_ids:
            self._samples.link_samples(sid, child)
        return sample if sample is not None else self._samples.get_sample(sid)

    @per_call
    def request_carrier_segmentation(
        self,
        dsid: str,
        *,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> ProcessingRequest:
        """Queues the carrier-segmentation analysis of a dataset (sent once: never retried).

        Args:
            dsid: The dataset's `unique_id`.

        Returns:
            The request (`request["id"]`, `request["status"]`).
        """
        ds = check_id(dsid, "dsid")
        log.info("requesting carrier segmentation of %s", ds)
        return parse_one(
            invoke(request_carrier_segmentation.sync_detailed, dsid=ds, client=self._api),
            ProcessingRequest,
            f"carrier segmentation of {ds}",
        )

    @per_call
    def get_google_drive_location(
        self,
        dsid: str,
        *,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> list[DriveLocation]:
        """Lists every Google Drive folder recorded for the dataset, whatever its status."""
        ds = check_id(dsid, "dsid")
        return parse_list(
            invoke(list_drive_locations.sync_detailed, dsid=ds, client=self._api),
            DriveLocation,
            f"drive locations of {ds}",
        )
