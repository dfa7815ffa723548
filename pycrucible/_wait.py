"""Bounded waiting for processing requests (ingestion, SciCat; API v1 and v3 alike).

A request is polled until its status is a finished one. What each status means comes from the
contract (`x-status-pending`, `x-status-success` and `x-status-failure` on its status schema:
`ProcessingStatus` in v1, see `pycrucible._v1.contract.statuses`; `IngestionStatus` in v3, see
`pycrucible._v3.contract.ingestion_statuses`). A status the contract does not name (a value
added on the server since) counts as pending, with one warning per wait: ending the wait there
could make a re-run file the same request twice. The wait never outlasts its deadline.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any, Generic, Protocol, TypeVar

from pycrucible._redact import get_logger
from pycrucible._v1.contract import Statuses, statuses
from pycrucible.errors import RequestFailedError, WaitTimeoutError

__all__ = [
    "REQUEST_TYPES",
    "PolledRequest",
    "RequestWatch",
    "Statuses",
    "check_seconds",
    "normalize_request_type",
    "statuses",
    "wait_for_request",
]

log = get_logger("wait")


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


class PolledRequest(Protocol):
    """What a wait reads of a request record (v1 `ProcessingRequest`, v3 `IngestionRequest`)."""

    @property
    def status(self) -> str: ...

    @property
    def error_message(self) -> object: ...


RequestT = TypeVar("RequestT", bound=PolledRequest)


def _status(request: PolledRequest) -> str:
    return str(request.status).strip().lower()


class RequestWatch(Generic[RequestT]):
    """The decisions of one bounded wait, without its I/O (shared by the sync and async waits).

    Args:
        what: Names the request in messages.
        interval: Seconds between polls.
        timeout: Seconds before giving up, counted from now.
        raise_on_failure: Raise `RequestFailedError` when it ends in a non-success status.
        clock: Monotonic seconds.
        meanings: What each status means; the v1 contract's lists when None.
        interval_name: The caller's name for `interval`, for messages.

    Raises:
        ValueError: `interval` or `timeout` is not a positive finite number.
    """

    def __init__(
        self,
        *,
        what: str,
        interval: float,
        timeout: float,
        raise_on_failure: bool,
        clock: Callable[[], float],
        meanings: Statuses | None = None,
        interval_name: str = "sleep_interval",
    ) -> None:
        self._interval = check_seconds(interval_name, interval)
        self._timeout = check_seconds("timeout", timeout)
        self._what = what
        self._raise = raise_on_failure
        self._clock = clock
        self._known = meanings if meanings is not None else statuses()
        self._warned: set[str] = set()
        self._deadline = clock() + timeout

    def pause_after(self, request: RequestT) -> float | None:
        """Reads one polled record: None when the wait is over, else the seconds to pause.

        Raises:
            WaitTimeoutError: Still pending at the deadline; carries the last record.
            RequestFailedError: Ended in a non-success status and `raise_on_failure` is set.
        """
        what, known = self._what, self._known
        status = _status(request)
        if not known.is_known(status) and status not in self._warned:
            self._warned.add(status)
            log.warning(
                "%s has status %r, which the API contract does not name; waiting on as if it "
                "were pending",
                what,
                request.status,
            )
        if status in known.success or status in known.failure:
            if status in known.success:
                log.info("%s finished: %s", what, request.status)
            elif self._raise:
                detail = f" ({request.error_message})" if request.error_message else ""
                raise RequestFailedError(
                    f"{what} ended with status {request.status!r}{detail}", request=request
                )
            else:
                log.warning("%s ended with status %r", what, request.status)
            return None
        remaining = self._deadline - self._clock()
        if remaining <= 0:
            raise WaitTimeoutError(
                f"{what} still {request.status!r} after {self._timeout:g} s", request=request
            )
        log.debug("%s is %r; polling again in %.1f s", what, request.status, self._interval)
        return min(self._interval, remaining)


def wait_for_request(
    poll: Callable[[], RequestT],
    *,
    what: str,
    interval: float,
    timeout: float,
    raise_on_failure: bool,
    sleep: Callable[[float], None],
    clock: Callable[[], float],
    progress: Callable[[RequestT], None] | None = None,
    meanings: Statuses | None = None,
    interval_name: str = "sleep_interval",
) -> RequestT:
    """Polls until the request is finished, or the deadline passes.

    Args:
        poll: Fetches the request once.
        what: Names the request in messages (e.g. `"ingestion request 7 of dataset 0tb..."`).
        interval: Seconds between polls.
        timeout: Seconds before giving up, counted from the call.
        raise_on_failure: Raise `RequestFailedError` when it ends in a non-success status.
        sleep: Pauses for the given seconds.
        clock: Monotonic seconds.
        progress: Called with every request record polled.
        meanings: What each status means; the v1 contract's lists when None.
        interval_name: The caller's name for `interval`, for messages.

    Returns:
        The final request record.

    Raises:
        ValueError: `interval` or `timeout` is not a positive finite number.
        WaitTimeoutError: Still pending at the deadline; carries the last record.
        RequestFailedError: Ended in a non-success status and `raise_on_failure` is set.
    """
    watch: RequestWatch[RequestT] = RequestWatch(
        what=what,
        interval=interval,
        timeout=timeout,
        raise_on_failure=raise_on_failure,
        clock=clock,
        meanings=meanings,
        interval_name=interval_name,
    )
    while True:
        request = poll()
        if progress is not None:
            progress(request)
        pause = watch.pause_after(request)
        if pause is None:
            return request
        sleep(pause)
