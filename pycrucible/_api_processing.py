"""Processing requests: ingestion, SciCat, Google Drive; their status and bounded waits."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from types import ModuleType
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

from pycrucible._checks import check_id, check_reqid, check_text
from pycrucible._core import ClientCore
from pycrucible._http import parse_one
from pycrucible._redact import get_logger
from pycrucible._wait import SUCCESS_STATUSES, normalize_request_type, wait_for_request

__all__ = ["ProcessingMixin"]

log = get_logger("client")

WaitProgressCallback = Callable[[ProcessingRequest], None]
"""Wait progress: called with the request record after every poll."""

DEFAULT_WAIT_TIMEOUT = 600.0  # seconds: how long a wait lasts at most
DEFAULT_POLL_INTERVAL = 5.0  # seconds between status polls (Python and the command alike)


class ProcessingMixin(ClientCore):
    """Ingestion, SciCat and Google Drive requests."""

    def request_ingestion(
        self, dsid: str, file_to_upload: str | None = None, ingestor: str | None = None
    ) -> ProcessingRequest:
        """Asks the workers to ingest a dataset's file (sent once: never retried blindly).

        Args:
            dsid: The dataset's `unique_id`.
            file_to_upload: The stored file to ingest (e.g. `"api-uploads/run7.h5"`); the
                dataset's main file when None.
            ingestor: Ingestion class (e.g. `"ImageIngestor"`); the server picks when None.

        Returns:
            The request (`request["id"]`, `request["status"]`, initially `requested`).
        """
        ds = check_id(dsid, "dsid")
        params: dict[str, Any] = {}
        if file_to_upload is not None:
            params["file_to_upload"] = check_text(file_to_upload, "file_to_upload")
        if ingestor is not None:
            params["ingestion_class"] = check_text(ingestor, "ingestor")
        log.info("requesting ingestion of %s", ds)
        return self._one(
            request_ingestion, ProcessingRequest, f"ingestion of {ds}", dsid=ds, **params
        )

    def send_to_scicat(
        self,
        dsid: str,
        wait_for_scicat_response: bool = False,
        overwrite_data: bool = False,
        *,
        timeout: float = DEFAULT_WAIT_TIMEOUT,
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
        request = self._one(
            request_scicat_update,
            ProcessingRequest,
            f"SciCat update of {ds}",
            dsid=ds,
            overwrite_data=bool(overwrite_data),
        )
        if wait_for_scicat_response:
            return self.wait_for_request_completion(ds, request.id, "scicat", timeout=timeout)
        return request

    def request_google_drive_transfer(
        self, dsid: str, folder_id: str | None = None
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
        return self._one(
            request_google_drive_transfer,
            ProcessingRequest,
            f"Google Drive transfer of {ds}",
            dsid=ds,
            **kwargs,
        )

    def get_request_status(
        self, dsid: str, reqid: int | str, request_type: str
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
            return self._one(
                get_ingestion_request,
                ProcessingRequest,
                f"ingestion request {rid} of {ds}",
                dsid=ds,
                reqid=rid,
            )
        return self._one(
            get_scicat_request,
            ProcessingRequest,
            f"SciCat request {rid} of {ds}",
            dsid=ds,
            reqid=rid,
        )

    def get_ingestion_status(self, dsid: str, reqid: int | str) -> ProcessingRequest:
        """Reads an ingestion request (see `get_request_status`)."""
        return self.get_request_status(dsid, reqid, "ingest")

    def get_scicat_status(self, dsid: str, reqid: int | str) -> ProcessingRequest:
        """Reads a SciCat request (see `get_request_status`)."""
        return self.get_request_status(dsid, reqid, "scicat")

    def wait_for_request_completion(
        self,
        dsid: str,
        reqid: int | str,
        request_type: str,
        sleep_interval: float = DEFAULT_POLL_INTERVAL,
        *,
        timeout: float = DEFAULT_WAIT_TIMEOUT,
        raise_on_failure: bool = False,
        progress: WaitProgressCallback | None = None,
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
            progress: Called with the request record after every poll.

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
        return wait_for_request(
            lambda: self.get_request_status(ds, rid, kind),
            what=f"{label} request {rid} of dataset {ds}",
            interval=sleep_interval,
            timeout=timeout,
            raise_on_failure=raise_on_failure,
            sleep=self._sleep,
            clock=self._clock,
            progress=progress,
        )

    def _drive_locations(self, dsid: str) -> list[DriveLocation]:
        ds = check_id(dsid, "dsid")
        return self._list(list_drive_locations, DriveLocation, f"drive locations of {ds}", dsid=ds)

    def get_current_google_drive_info(self, dsid: str) -> list[DriveLocation]:
        """Lists the Google Drive folders that currently hold the dataset (status `current`)."""
        return [
            loc for loc in self._drive_locations(dsid) if (loc.status or "current") == "current"
        ]

    def get_organized_google_drive_info(self, dsid: str) -> list[DriveLocation]:
        """Lists the dataset's Google Drive folders in the organised tree (path has `Organized`)."""
        return [
            loc for loc in self._drive_locations(dsid) if "Organized" in loc.folder_path_in_drive
        ]

    def _update_status(
        self,
        module: ModuleType,
        label: str,
        dsid: str,
        reqid: int | str,
        status: str,
        error_message: str | None,
        time_completed: datetime.datetime | None,
    ) -> ProcessingRequest:
        ds = check_id(dsid, "dsid")
        rid = check_reqid(reqid)
        new_status = check_text(status, "status").strip()
        body = RequestStatusUpdate(id=rid, status=new_status)
        if time_completed is None and new_status.lower() in SUCCESS_STATUSES:
            time_completed = datetime.datetime.now().astimezone()
        if time_completed is not None:
            body.time_completed = time_completed
        if error_message is not None:
            body.error_message = error_message
        response = self._send_idempotent(module, dsid=ds, reqid=rid, body=body)
        return parse_one(response, ProcessingRequest, f"{label} request {rid} of {ds}")

    def update_ingestion_status(
        self,
        dsid: str,
        reqid: int | str,
        status: str,
        *,
        error_message: str | None = None,
        time_completed: datetime.datetime | None = None,
    ) -> ProcessingRequest:
        """Sets an ingestion request's status, as a worker does (admin only).

        Args:
            dsid: The dataset's `unique_id`.
            reqid: The request's `id`.
            status: New status (`started`, `in_progress`, `complete`, `failed`, ...).
            error_message: Why it failed.
            time_completed: Completion time; now (local, with offset) for `complete` when None.
        """
        return self._update_status(
            update_ingestion_request,
            "ingestion",
            dsid,
            reqid,
            status,
            error_message,
            time_completed,
        )

    def update_scicat_upload_status(
        self,
        dsid: str,
        reqid: int | str,
        status: str,
        *,
        error_message: str | None = None,
        time_completed: datetime.datetime | None = None,
    ) -> ProcessingRequest:
        """Sets a SciCat request's status, as the worker does (admin only; see
        `update_ingestion_status`)."""
        return self._update_status(
            update_scicat_request, "SciCat", dsid, reqid, status, error_message, time_completed
        )

    def update_transfer_status(
        self,
        dsid: str,
        reqid: int | str,
        status: str,
        *,
        error_message: str | None = None,
        time_completed: datetime.datetime | None = None,
    ) -> ProcessingRequest:
        """Sets a Google Drive transfer's status, as the worker does (admin only; see
        `update_ingestion_status`)."""
        return self._update_status(
            update_google_drive_transfer,
            "Google Drive transfer",
            dsid,
            reqid,
            status,
            error_message,
            time_completed,
        )
