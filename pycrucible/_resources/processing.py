"""Processing requests: ingestion, SciCat, Google Drive; their status and bounded waits."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Mapping
from typing import Any

from crucible_openapi.v1.api.requests import (
    get_ingestion_request,
    get_scicat_request,
    list_drive_locations,
    request_google_drive_transfer,
    request_ingestion,
    request_scicat_update,
    update_google_drive_transfer,
    update_ingestion_request,
    update_scicat_request,
)
from crucible_openapi.v1.models import (
    DriveLocation,
    DriveTransferOptions,
    ProcessingRequest,
    RequestStatusUpdate,
)

from pycrucible._checks import check_id, check_reqid, check_text, one_of
from pycrucible._core import Resource, given, per_call, per_call_headers
from pycrucible._http import invoke, invoke_idempotent, parse_list, parse_one
from pycrucible._progress import waiting
from pycrucible._redact import get_logger
from pycrucible._wait import normalize_request_type, statuses, wait_for_request

__all__ = ["Processing"]

log = get_logger("client")

WaitProgressCallback = Callable[[ProcessingRequest], None]
"""Wait progress: called with the request record after every poll."""

DEFAULT_WAIT_TIMEOUT = 600.0  # seconds: how long a wait lasts at most
DEFAULT_POLL_INTERVAL = 5.0  # seconds between status polls (Python and the command alike)


class Processing(Resource):
    """Ingestion, SciCat and Google Drive requests."""

    @per_call
    def request_ingestion(
        self,
        dsid: str,
        file_to_upload: str | None = None,
        ingestor: str | None = None,
        wait_for_response: bool = False,
        *,
        ingestion_class: str | None = None,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> ProcessingRequest:
        """Asks the workers to ingest a dataset's file (sent once: never retried blindly).

        Args:
            dsid: The dataset's `unique_id`.
            file_to_upload: The stored file to ingest (e.g. `"api-uploads/run7.h5"`); the
                dataset's main file when None.
            ingestor: Ingestion class (e.g. `"ImageIngestor"`); the server picks when None.
            wait_for_response: Wait (polling every 5 s, for at most 600 s) until the request
                finishes, as the upstream pycrucible's `request_ingestion` does.
            ingestion_class: The upstream pycrucible's name for `ingestor`.

        Returns:
            The request (`request["id"]`, `request["status"]`, initially `requested`); the
            final one when waiting.

        Raises:
            ValueError: `ingestor` and `ingestion_class` differ, or a bad id (nothing was sent).
        """
        ds = check_id(dsid, "dsid")
        kind = one_of(ingestor, ingestion_class, "ingestor", "ingestion_class")
        params: dict[str, Any] = {}
        if file_to_upload is not None:
            params["file_to_upload"] = check_text(file_to_upload, "file_to_upload")
        if kind is not None:
            params["ingestion_class"] = check_text(kind, "ingestor")
        log.info("requesting ingestion of %s", ds)
        request = parse_one(
            invoke(request_ingestion.sync_detailed, dsid=ds, **params, client=self._api),
            ProcessingRequest,
            f"ingestion of {ds}",
        )
        if wait_for_response:
            return self.wait_for_request_completion(ds, request.id, "ingest")
        return request

    @per_call_headers
    def send_to_scicat(
        self,
        dsid: str,
        wait_for_scicat_response: bool = False,
        overwrite_data: bool = False,
        *,
        timeout: float = DEFAULT_WAIT_TIMEOUT,
        extra_headers: Mapping[str, str] | None = None,
    ) -> ProcessingRequest:
        """Asks for the dataset to be synchronised to the SciCat catalogue.

        Args:
            dsid: The dataset's `unique_id`.
            wait_for_scicat_response: Wait (polling every 5 s) until the request finishes.
            overwrite_data: Replace what SciCat already holds for the dataset.
            timeout: Seconds to wait at most, when waiting.

        Returns:
            The request; the final one when waiting.
        """
        ds = check_id(dsid, "dsid")
        request = parse_one(
            invoke(
                request_scicat_update.sync_detailed,
                dsid=ds,
                overwrite_data=bool(overwrite_data),
                client=self._api,
            ),
            ProcessingRequest,
            f"SciCat update of {ds}",
        )
        if wait_for_scicat_response:
            return self.wait_for_request_completion(ds, request.id, "scicat", timeout=timeout)
        return request

    @per_call
    def request_google_drive_transfer(
        self,
        dsid: str,
        folder_id: str | None = None,
        *,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> ProcessingRequest:
        """Asks for the dataset's files to be copied to Google Drive.

        The API has no status endpoint for transfers: `get_current_google_drive_info` shows
        where the files went.

        Args:
            dsid: The dataset's `unique_id`.
            folder_id: Drive folder to copy into (older servers' option; usually None).
        """
        ds = check_id(dsid, "dsid")
        kwargs: dict[str, Any] = {}
        if folder_id is not None:
            kwargs["body"] = DriveTransferOptions(folder_id=check_text(folder_id, "folder_id"))
        return parse_one(
            invoke(
                request_google_drive_transfer.sync_detailed, dsid=ds, **kwargs, client=self._api
            ),
            ProcessingRequest,
            f"Google Drive transfer of {ds}",
        )

    @per_call
    def get_request_status(
        self,
        dsid: str,
        reqid: int | str,
        request_type: str,
        *,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> ProcessingRequest:
        """Reads a processing request.

        Args:
            dsid: The dataset's `unique_id`.
            reqid: The request's `id`.
            request_type: `"ingest"` (also `"ingestion"`) or `"scicat"` (also `"scicat_update"`).

        Returns:
            The request (`request["status"]`).
        """
        ds = check_id(dsid, "dsid")
        rid = check_reqid(reqid)
        if normalize_request_type(request_type) == "ingest":
            return parse_one(
                invoke(get_ingestion_request.sync_detailed, dsid=ds, reqid=rid, client=self._api),
                ProcessingRequest,
                f"ingestion request {rid} of {ds}",
            )
        return parse_one(
            invoke(get_scicat_request.sync_detailed, dsid=ds, reqid=rid, client=self._api),
            ProcessingRequest,
            f"SciCat request {rid} of {ds}",
        )

    @per_call
    def get_ingestion_status(
        self,
        dsid: str,
        reqid: int | str,
        *,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> ProcessingRequest:
        """Reads an ingestion request (see `get_request_status`)."""
        return self.get_request_status(dsid, reqid, "ingest")

    @per_call
    def get_scicat_status(
        self,
        dsid: str,
        reqid: int | str,
        *,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> ProcessingRequest:
        """Reads a SciCat request (see `get_request_status`)."""
        return self.get_request_status(dsid, reqid, "scicat")

    @per_call_headers
    def wait_for_request_completion(
        self,
        dsid: str,
        reqid: int | str,
        request_type: str,
        sleep_interval: float = DEFAULT_POLL_INTERVAL,
        *,
        timeout: float = DEFAULT_WAIT_TIMEOUT,
        raise_on_failure: bool = False,
        progress: WaitProgressCallback | bool | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> ProcessingRequest:
        """Polls a processing request until it finishes, for at most `timeout` seconds.

        `requested`, `started` and `in_progress` mean "still going"; `complete` and `completed`
        are success; any other status (`failed`, `not supported`, `file not found`, ...) ends
        the wait too.

        Args:
            dsid: The dataset's `unique_id`.
            reqid: The request's `id`.
            request_type: `"ingest"` / `"ingestion"` or `"scicat"` / `"scicat_update"`.
            sleep_interval: Seconds between polls.
            timeout: Seconds before giving up.
            raise_on_failure: Raise `RequestFailedError` when it ends in a non-success status.
            progress: Called with the request record after every poll; True shows a tqdm
                bar of the polls and the latest status (the `progress` extra).

        Returns:
            The final request (`result["status"]`).

        Raises:
            WaitTimeoutError: Still running at the deadline (`.request` is the last record).
            RequestFailedError: Ended in failure and `raise_on_failure` is set.
        """
        ds = check_id(dsid, "dsid")
        rid = check_reqid(reqid)
        kind = normalize_request_type(request_type)
        label = "ingestion" if kind == "ingest" else "SciCat"
        what = f"{label} request {rid} of dataset {ds}"
        with waiting(progress, what, self._core.settings.progress) as report:
            return wait_for_request(
                lambda: self.get_request_status(ds, rid, kind),
                what=what,
                interval=sleep_interval,
                timeout=timeout,
                raise_on_failure=raise_on_failure,
                sleep=self._sleep,
                clock=self._clock,
                progress=report,
            )

    def _drive_locations(self, dsid: str) -> list[DriveLocation]:
        ds = check_id(dsid, "dsid")
        return parse_list(
            invoke(list_drive_locations.sync_detailed, dsid=ds, client=self._api),
            DriveLocation,
            f"drive locations of {ds}",
        )

    @per_call
    def get_current_google_drive_info(
        self,
        dsid: str,
        *,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> list[DriveLocation]:
        """Lists the Google Drive folders that currently hold the dataset (status `current`)."""
        return [
            loc for loc in self._drive_locations(dsid) if (loc.status or "current") == "current"
        ]

    @per_call
    def get_organized_google_drive_info(
        self,
        dsid: str,
        *,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> list[DriveLocation]:
        """Lists the dataset's Google Drive folders in the organised tree (path has `Organized`)."""
        return [
            loc for loc in self._drive_locations(dsid) if "Organized" in loc.folder_path_in_drive
        ]

    @staticmethod
    def _status_update(
        dsid: str,
        reqid: int | str,
        status: str,
        error_message: str | None,
        time_completed: datetime.datetime | None,
    ) -> tuple[str, int, RequestStatusUpdate]:
        """Checks a status change and builds its body: (dataset id, request id, body)."""
        ds = check_id(dsid, "dsid")
        rid = check_reqid(reqid)
        new_status = check_text(status, "status").strip()
        if time_completed is None and new_status.lower() in statuses().success:
            time_completed = datetime.datetime.now().astimezone()
        body = RequestStatusUpdate(
            id=rid,
            status=new_status,
            time_completed=given(time_completed),
            error_message=given(error_message),
        )
        return ds, rid, body

    @per_call
    def update_ingestion_status(
        self,
        dsid: str,
        reqid: int | str,
        status: str,
        *,
        error_message: str | None = None,
        time_completed: datetime.datetime | None = None,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> ProcessingRequest:
        """Sets an ingestion request's status, as a worker does (admin only).

        Args:
            dsid: The dataset's `unique_id`.
            reqid: The request's `id`.
            status: New status (`started`, `in_progress`, `complete`, `failed`, ...).
            error_message: Why it failed.
            time_completed: Completion time; now (local, with offset) for `complete` when None.
        """
        ds, rid, body = self._status_update(dsid, reqid, status, error_message, time_completed)
        response = invoke_idempotent(
            update_ingestion_request.sync_detailed, dsid=ds, reqid=rid, body=body, client=self._api
        )
        return parse_one(response, ProcessingRequest, f"ingestion request {rid} of {ds}")

    @per_call
    def update_scicat_upload_status(
        self,
        dsid: str,
        reqid: int | str,
        status: str,
        *,
        error_message: str | None = None,
        time_completed: datetime.datetime | None = None,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> ProcessingRequest:
        """Sets a SciCat request's status, as the worker does (admin only; see
        `update_ingestion_status`)."""
        ds, rid, body = self._status_update(dsid, reqid, status, error_message, time_completed)
        response = invoke_idempotent(
            update_scicat_request.sync_detailed, dsid=ds, reqid=rid, body=body, client=self._api
        )
        return parse_one(response, ProcessingRequest, f"SciCat request {rid} of {ds}")

    @per_call
    def update_transfer_status(
        self,
        dsid: str,
        reqid: int | str,
        status: str,
        *,
        error_message: str | None = None,
        time_completed: datetime.datetime | None = None,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> ProcessingRequest:
        """Sets a Google Drive transfer's status, as the worker does (admin only; see
        `update_ingestion_status`)."""
        ds, rid, body = self._status_update(dsid, reqid, status, error_message, time_completed)
        response = invoke_idempotent(
            update_google_drive_transfer.sync_detailed,
            dsid=ds,
            reqid=rid,
            body=body,
            client=self._api,
        )
        return parse_one(
            response, ProcessingRequest, f"Google Drive transfer request {rid} of {ds}"
        )
