"""Bounded waiting for processing requests (ingestion, SciCat).

A request is polled until its status leaves the pending set. Success is `complete` (what the
workers write) or `completed` (what older docs say); `requested`, `started` and `in_progress`
mean "keep waiting"; every other status (`failed`, `not supported`, `file not found`, `file too
large`, or one nobody has seen yet) is terminal. The wait never outlasts its deadline.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from crucible_openapi.v1.models import ProcessingRequest

from pycrucible._redact import get_logger
from pycrucible.errors import RequestFailedError, WaitTimeoutError

__all__ = [
    "PENDING_STATUSES",
    "REQUEST_TYPES",
    "SUCCESS_STATUSES",
    "check_seconds",
    "normalize_request_type",
    "wait_for_request",
]

log = get_logger("wait")

SUCCESS_STATUSES = frozenset({"complete", "completed"})
PENDING_STATUSES = frozenset({"requested", "started", "in_progress"})

# Accepted spellings of request types, mapped to the canonical one.
REQUEST_TYPES = {
    "ingest": "ingest",
    "ingestion": "ingest",
    "ingestion_request": "ingest",
    "ingest_request": "ingest",
    "scicat": "scicat",
    "scicat_update": "scicat",
    "scicat_upload": "scicat",
    "scicat_request": "scicat",
}


def normalize_request_type(request_type: Any) -> str:
    """Maps a request-type spelling (`"ingest"`, `"Ingestion"`, `"scicat_update"`...) to
    `"ingest"` or `"scicat"`.

    Raises:
        ValueError: Unknown type (Google Drive transfers have no status endpoint in the API).
    """
    key = str(request_type).strip().lower().replace("-", "_").replace(" ", "_")
    if key in REQUEST_TYPES:
        return REQUEST_TYPES[key]
    hint = ""
    if "drive" in key:
        hint = (
            "; the API has no status endpoint for Google Drive transfers: read the dataset's "
            "drive locations (get_current_google_drive_info) instead"
        )
    raise ValueError(f"unknown request_type {request_type!r}: use 'ingest' or 'scicat'{hint}")


def check_seconds(name: str, value: Any) -> float:
    """Checks a duration argument: a positive, finite number of seconds.

    Raises:
        ValueError: Anything else (booleans and text included).
    """
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"{name} must be a number of seconds, got {value!r}")
    if not math.isfinite(value) or value <= 0:
        raise ValueError(f"{name} must be a positive number of seconds, got {value!r}")
    return float(value)


def _status(request: ProcessingRequest) -> str:
    return str(request.status).strip().lower()


def wait_for_request(
    poll: Callable[[], ProcessingRequest],
    *,
    what: str,
    interval: float,
    timeout: float,
    raise_on_failure: bool,
    sleep: Callable[[float], None],
    clock: Callable[[], float],
    progress: Callable[[ProcessingRequest], None] | None = None,
) -> ProcessingRequest:
    """Polls until the request is no longer pending, or the deadline passes.

    Args:
        poll: Fetches the request once.
        what: Names the request in messages (e.g. `"ingestion request 7 of dataset 0tb..."`).
        interval: Seconds between polls.
        timeout: Seconds before giving up, counted from the call.
        raise_on_failure: Raise `RequestFailedError` when it ends in a non-success status.
        sleep: Pauses for the given seconds.
        clock: Monotonic seconds.
        progress: Called with every request record polled.

    Returns:
        The final request record.

    Raises:
        ValueError: `interval` or `timeout` is not a positive finite number.
        WaitTimeoutError: Still pending at the deadline; carries the last record.
        RequestFailedError: Ended in a non-success status and `raise_on_failure` is set.
    """
    check_seconds("sleep_interval", interval)
    check_seconds("timeout", timeout)
    deadline = clock() + timeout
    while True:
        request = poll()
        status = _status(request)
        if progress is not None:
            progress(request)
        if status not in PENDING_STATUSES:
            if status in SUCCESS_STATUSES:
                log.info("%s finished: %s", what, request.status)
            elif raise_on_failure:
                detail = f" ({request.error_message})" if request.error_message else ""
                raise RequestFailedError(
                    f"{what} ended with status {request.status!r}{detail}", request=request
                )
            else:
                log.warning("%s ended with status %r", what, request.status)
            return request
        remaining = deadline - clock()
        if remaining <= 0:
            raise WaitTimeoutError(
                f"{what} still {request.status!r} after {timeout:g} s", request=request
            )
        log.debug("%s is %r; polling again in %.1f s", what, request.status, interval)
        sleep(min(interval, remaining))
