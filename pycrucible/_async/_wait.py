"""The async bounded wait for processing requests: `pycrucible._wait` with awaited I/O.

Every decision (what each status means, unknown statuses, failure, the deadline) is
`RequestWatch`, shared with the sync wait; only polling and pausing are awaited here.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from pycrucible._wait import RequestT, RequestWatch, Statuses
from pycrucible._wait import check_seconds as check_seconds
from pycrucible._wait import normalize_request_type as normalize_request_type

__all__ = ["check_seconds", "normalize_request_type", "wait_for_request"]


async def wait_for_request(
    poll: Callable[[], Awaitable[RequestT]],
    *,
    what: str,
    interval: float,
    timeout: float,
    raise_on_failure: bool,
    sleep: Callable[[float], Awaitable[None]],
    clock: Callable[[], float],
    progress: Callable[[RequestT], None] | None = None,
    meanings: Statuses | None = None,
    interval_name: str = "sleep_interval",
) -> RequestT:
    """Polls until the request is finished, or the deadline passes (see the sync
    `pycrucible._wait.wait_for_request` for the arguments and errors; `poll` and `sleep` are
    awaited here)."""
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
        request = await poll()
        if progress is not None:
            progress(request)
        pause = watch.pause_after(request)
        if pause is None:
            return request
        await sleep(pause)
