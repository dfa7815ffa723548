"""The seed-era processing functions on API v3: ingestion in the v1 call shapes.

`client.v3.processing` holds them (as `client.processing` does on v1); `CrucibleClientV3`'s
flat names (`request_ingestion`, `wait_for_request_completion`, ...) are its aliases. Each maps
onto `client.v3.ingestion`:

* `request_ingestion(dsid)` makes one request per file of the dataset (API v3 ingests files,
  not datasets), or one for the file named; it returns an `IngestionRequests` list that reads
  like the single seed-era request when it holds one (`req["id"]`);
* the status reads and waits take the seed-era `dsid` and check that the request belongs to
  that dataset (v3 request ids are global);
* SciCat and Google Drive calls raise `UnsupportedByServerError`: API v3 removed them.
"""

from __future__ import annotations

import datetime
from pathlib import PurePosixPath
from typing import Any, NoReturn, Unpack

from crucible_openapi.v3.models import FileRecord, IngestionRequest

from pycrucible._checks import check_id, check_reqid, check_text
from pycrucible._v3._base import (
    CallKwargs,
    V3Core,
    V3Resource,
    per_call,
    per_call_wait,
    unsupported,
)
from pycrucible._v3.files import Files
from pycrucible._v3.ingestion import (
    DEFAULT_POLL_INTERVAL,
    DEFAULT_WAIT_TIMEOUT,
    Ingestion,
    IngestionProgress,
    IngestionRequests,
    WaitKwargs,
    follow,
)
from pycrucible._wait import check_seconds, normalize_request_type
from pycrucible.errors import NotFoundError, not_found

__all__ = ["Processing"]

# The seed-era spelling of success that API v3 spells `complete`.
_SEED_SPELLINGS = {"completed": "complete"}


def _ingestion_only(request_type: str, name: str) -> None:
    """Checks a seed-era request type: ingestion works, SciCat is gone on v3.

    Raises:
        ValueError: An unknown type.
        UnsupportedByServerError: A SciCat request.
    """
    if normalize_request_type(request_type) != "ingest":
        unsupported(f"{name} for SciCat requests (SciCat sync)")


def _pick(files: list[FileRecord], wanted: str, dsid: str) -> FileRecord:
    """The file named by a seed-era `file_to_upload`: its MFID, its name in the dataset, or
    (a seed-era stored path such as `api-uploads/run7.h5`) its last path part."""
    for record in files:
        if wanted in (record.mfid, record.filename):
            return record
    base = PurePosixPath(wanted).name
    matches = [
        r for r in files if isinstance(r.filename, str) and PurePosixPath(r.filename).name == base
    ]
    if len(matches) == 1:
        return matches[0]
    if matches:
        names = ", ".join(sorted(str(r.filename) for r in matches))
        raise ValueError(f"file_to_upload {wanted!r} matches several files of {dsid}: {names}")
    raise not_found(f"file {wanted!r} of dataset {dsid}")


class Processing(V3Resource):
    """`client.v3.processing`: the seed-era ingestion calls, in their v1 shapes, on API v3.

    Args:
        core: The shared v3 core.
        ingestion: The ingestion resource they call.
        files: The file records (`request_ingestion` ingests them).
    """

    def __init__(self, core: V3Core, *, ingestion: Ingestion, files: Files) -> None:
        super().__init__(core)
        self._ingestion = ingestion
        self._files = files

    @per_call
    def request_ingestion(
        self,
        dsid: str,
        file_to_upload: str | None = None,
        ingestor: str | None = None,
        wait_for_response: bool = False,
        *,
        ingestion_class: str | None = None,
        **options: Unpack[CallKwargs],
    ) -> IngestionRequests:
        """Asks the workers to ingest a dataset's files: one request per file on API v3.

        Each request is sent once (never retried blindly). Should one fail, the requests made
        before it stand: `client.v3.ingestion.list(dataset_mfid=dsid)` shows them.

        Args:
            dsid: The dataset's MFID.
            file_to_upload: Only this file: its MFID or its name in the dataset (a seed-era
                stored path such as `"api-uploads/run7.h5"` matches by its last part). Every
                file of the dataset when None.
            ingestor: Ingestion class (e.g. `"ImageIngestor"`); the server picks per file
                when None.
            wait_for_response: Wait (for at most 600 s in all) until every request finishes,
                as the upstream pycrucible's `request_ingestion` does.
            ingestion_class: The API v3 name of `ingestor` (give one or the other).
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=`.

        Returns:
            The requests, one per file in the dataset's order (`requested` at first; their final
            state when waiting). Holding
            one, it reads like it: `result["id"]`, `result["status"]`.

        Raises:
            ValueError: A bad argument (before any request), or a name matching several files.
            NotFoundError: No such dataset or file, or a dataset without files.
        """
        ds = check_id(dsid, "dsid")
        wanted = (
            check_text(file_to_upload, "file_to_upload") if file_to_upload is not None else None
        )
        kind = ingestor if ingestion_class is None else ingestion_class
        if ingestor is not None and ingestion_class is not None and ingestor != ingestion_class:
            raise ValueError(
                f"ingestor={ingestor!r} and ingestion_class={ingestion_class!r} differ: "
                "give one of them"
            )
        if kind is not None:
            kind = check_text(kind, "ingestor")
        files = self._files.list(ds)
        if wanted is not None:
            files = [_pick(files, wanted, ds)]
        elif not files:
            raise NotFoundError(
                f"dataset {ds} has no files to ingest (upload them first)",
                status_code=200,
                detail="[]",
            )
        made = IngestionRequests([self._ingestion.request(f.mfid, kind) for f in files])
        if not wait_for_response:
            return made
        deadline = self._clock() + DEFAULT_WAIT_TIMEOUT
        return IngestionRequests(
            [self._ingestion.wait(r.id, timeout=max(0.001, deadline - self._clock())) for r in made]
        )

    @per_call
    def get_request_status(
        self, dsid: str, reqid: int | str, request_type: str, **options: Unpack[CallKwargs]
    ) -> IngestionRequest:
        """Reads an ingestion request of a dataset.

        Args:
            dsid: The dataset's MFID.
            reqid: The request's `id`.
            request_type: `"ingest"` (also `"ingestion"`); SciCat requests are gone on v3.
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=`.

        Returns:
            The request (`request["status"]`).

        Raises:
            NotFoundError: No such request, or it belongs to another dataset.
            UnsupportedByServerError: A SciCat request type.
        """
        ds, rid = check_id(dsid, "dsid"), check_reqid(reqid)
        _ingestion_only(request_type, "get_request_status")
        request = self._ingestion.get(rid)
        owner = request.dataset_mfid
        if isinstance(owner, str) and owner != ds:
            raise not_found(f"ingestion request {rid} of dataset {ds} (it belongs to {owner})")
        return request

    @per_call
    def get_ingestion_status(
        self, dsid: str, reqid: int | str, **options: Unpack[CallKwargs]
    ) -> IngestionRequest:
        """Reads an ingestion request of a dataset (see `get_request_status`)."""
        return self.get_request_status(dsid, reqid, "ingest")

    @per_call_wait
    def wait_for_request_completion(
        self,
        dsid: str,
        reqid: int | str,
        request_type: str,
        sleep_interval: float = DEFAULT_POLL_INTERVAL,
        *,
        timeout: float = DEFAULT_WAIT_TIMEOUT,
        raise_on_failure: bool = False,
        progress: IngestionProgress | None = None,
        **options: Unpack[WaitKwargs],
    ) -> IngestionRequest:
        """Polls an ingestion request until it finishes, for at most `timeout` seconds.

        Pending statuses (`requested`, `started`, `in_progress`, and any the contract does not
        name) keep it waiting; `complete` is success; `failed` ends it too.

        Args:
            dsid: The dataset's MFID.
            reqid: The request's `id`.
            request_type: `"ingest"` / `"ingestion"`.
            sleep_interval: Seconds between polls (1 s on API v3).
            timeout: Seconds before giving up.
            raise_on_failure: Raise `RequestFailedError` when it ends in failure.
            progress: Called with the request record after every poll.
            **options: Per-call `extra_headers=`, `privilege_mode=`.

        Returns:
            The final request (`result["status"]`).

        Raises:
            WaitTimeoutError: Still running at the deadline (`.request` is the last record).
            RequestFailedError: Ended in failure and `raise_on_failure` is set.
            NotFoundError: No such request, or it belongs to another dataset.
            UnsupportedByServerError: A SciCat request type.
        """
        ds, rid = check_id(dsid, "dsid"), check_reqid(reqid)
        _ingestion_only(request_type, "wait_for_request_completion")
        check_seconds("sleep_interval", sleep_interval)
        check_seconds("timeout", timeout)
        return follow(
            self._core,
            lambda: self.get_request_status(ds, rid, "ingest"),
            what=f"ingestion request {rid} of dataset {ds}",
            timeout=timeout,
            poll=sleep_interval,
            raise_on_failure=raise_on_failure,
            progress=progress,
            poll_name="sleep_interval",
        )

    @per_call
    def update_ingestion_status(
        self,
        dsid: str,
        reqid: int | str,
        status: str,
        *,
        error_message: str | None = None,
        time_completed: datetime.datetime | None = None,
        **options: Unpack[CallKwargs],
    ) -> IngestionRequest:
        """Sets an ingestion request's status, as a worker does (editor role on the dataset).

        Args:
            dsid: The dataset's MFID.
            reqid: The request's `id`.
            status: New status (`started`, `in_progress`, `complete`, `failed`, ...); the
                seed-era `completed` is sent as `complete`.
            error_message: Not on API v3 (its updates carry no message): raises.
            time_completed: Completion time, only with `complete` (now when None).
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=`.

        Raises:
            UnsupportedByServerError: An `error_message` (before any request).
            NotFoundError: No such request, or it belongs to another dataset.
        """
        ds, rid = check_id(dsid, "dsid"), check_reqid(reqid)
        new_status = check_text(status, "status").strip()
        new_status = _SEED_SPELLINGS.get(new_status.lower(), new_status)
        if error_message is not None:
            unsupported("update_ingestion_status(error_message=...) (messages on status updates)")
        self.get_request_status(ds, rid, "ingest")
        return self._ingestion.update(rid, new_status, time_completed=time_completed)

    # What API v3 removed

    def get_scicat_status(self, *args: Any, **kwargs: Any) -> NoReturn:
        """Gone in API v3 (SciCat sync): raises `UnsupportedByServerError`."""
        unsupported("get_scicat_status (SciCat sync)")

    def update_scicat_upload_status(self, *args: Any, **kwargs: Any) -> NoReturn:
        """Gone in API v3 (SciCat sync): raises `UnsupportedByServerError`."""
        unsupported("update_scicat_upload_status (SciCat sync)")

    def update_transfer_status(self, *args: Any, **kwargs: Any) -> NoReturn:
        """Gone in API v3 (Google Drive transfer): raises `UnsupportedByServerError`."""
        unsupported("update_transfer_status (Google Drive transfer)")

    def get_current_google_drive_info(self, *args: Any, **kwargs: Any) -> NoReturn:
        """Gone in API v3 (Google Drive locations): raises `UnsupportedByServerError`."""
        unsupported(
            "get_current_google_drive_info (Google Drive locations)",
            "download_dataset(dsid) or the files' download links",
        )

    def get_organized_google_drive_info(self, *args: Any, **kwargs: Any) -> NoReturn:
        """Gone in API v3 (Google Drive locations): raises `UnsupportedByServerError`."""
        unsupported(
            "get_organized_google_drive_info (Google Drive locations)",
            "download_dataset(dsid) or the files' download links",
        )
