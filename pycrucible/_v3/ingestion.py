"""`client.v3.ingestion`: ingestion requests (one per file) and bounded waits on API v3.

A file's ingestion request (`POST /files/{mfid}/ingest`) is read, listed, updated and waited
for through `/ingestion_requests`. A wait polls every second by default and never outlasts its
deadline; what each status means comes from the contract's `IngestionStatus` lists (see
`pycrucible._v3.contract`), and a status it does not name counts as pending.
"""

from __future__ import annotations

import builtins
import datetime
from collections.abc import Callable, Mapping
from typing import Any, SupportsIndex, TypedDict, Unpack, overload

from crucible_openapi.v3.api.ingestion import (
    get_ingestion_request,
    list_ingestion_requests,
    list_ingestors,
    request_file_ingestion,
    update_ingestion_request,
)
from crucible_openapi.v3.models import (
    IngestionChoice,
    IngestionRequest,
    IngestionRequestOffsetPage,
    IngestionRequestUpdate,
)

from pycrucible._checks import check_datetime, check_id, check_reqid, check_text
from pycrucible._http import invoke, invoke_idempotent, parse_one
from pycrucible._progress import waiting
from pycrucible._records import as_record
from pycrucible._redact import get_logger
from pycrucible._v3._base import (
    CallKwargs,
    V3Core,
    V3Resource,
    opt,
    opt_text,
    per_call,
    per_call_wait,
)
from pycrucible._v3.contract import ingestion_statuses
from pycrucible._v3.datasets import PAGE_SIZE, check_page_size
from pycrucible._v3.pages import OffsetPages
from pycrucible._wait import check_seconds, wait_for_request
from pycrucible.errors import UnexpectedResponseError

__all__ = [
    "DEFAULT_POLL_INTERVAL",
    "DEFAULT_WAIT_TIMEOUT",
    "Ingestion",
    "IngestionRequests",
    "WaitKwargs",
    "follow",
]

log = get_logger("client")

DEFAULT_WAIT_TIMEOUT = 600.0  # seconds: how long a wait lasts at most
DEFAULT_POLL_INTERVAL = 1.0  # seconds between polls of /ingestion_requests/{id}
COMPLETE = "complete"  # the one status that takes a `time_completed`

IngestionProgress = Callable[[IngestionRequest], None]
"""Wait progress: called with the request record after every poll."""


class WaitKwargs(TypedDict, total=False):
    """The per-call keyword arguments of a method whose own `timeout=` bounds a wait.

    Attributes:
        extra_headers: Headers added to each request of the call.
        privilege_mode: `"normal"` or `"elevated"` for this call (overrides the client's).
    """

    extra_headers: Mapping[str, str] | None
    privilege_mode: str | None


class IngestionRequests(builtins.list[IngestionRequest]):
    """The ingestion requests one call made, one per file, in the dataset's file order.

    A list (`for request in result`, `result[0]`, `len(result)`). Holding one request, it also
    reads like that request, as the seed-era single result did: `result["id"]`,
    `result["status"]`.
    """

    @overload
    def __getitem__(self, key: SupportsIndex) -> IngestionRequest: ...

    @overload
    def __getitem__(self, key: slice) -> builtins.list[IngestionRequest]: ...

    @overload
    def __getitem__(self, key: str) -> Any: ...

    def __getitem__(
        self, key: SupportsIndex | slice | str
    ) -> IngestionRequest | builtins.list[IngestionRequest] | Any:
        if isinstance(key, str):
            return self.only()[key]  # records carry the dict view
        return super().__getitem__(key)

    def only(self) -> IngestionRequest:
        """The one request (the call ingested one file).

        Raises:
            KeyError: It holds no request or several (index them: `result[0]["id"]`).
        """
        if len(self) != 1:
            raise KeyError(
                f"this result holds {len(self)} ingestion requests (one per file), not one: "
                "index or iterate over them (result[0]['id'])"
            )
        return super().__getitem__(0)


def completion_time(status: str, when: datetime.datetime | str | None) -> datetime.datetime | None:
    """The `time_completed` of a status update: only with `complete`, now when not given.

    Raises:
        ValueError: A time given with another status, or a time that is not one.
    """
    if status != COMPLETE:
        if when is not None:
            raise ValueError(f"time_completed goes only with status {COMPLETE!r}, not {status!r}")
        return None
    if when is None:
        return datetime.datetime.now().astimezone()
    moment = check_datetime(when, "time_completed")
    return moment if moment.tzinfo is not None else moment.astimezone()


def follow(
    core: V3Core,
    fetch: Callable[[], IngestionRequest],
    *,
    what: str,
    timeout: float,
    poll: float,
    raise_on_failure: bool,
    progress: IngestionProgress | bool | None,
    poll_name: str = "poll",
) -> IngestionRequest:
    """The bounded wait behind every v3 ingestion wait, on the core's sleep and clock.

    Args:
        core: The shared v3 core (its `sleep` and `clock`).
        fetch: Reads the request once.
        what: Names the request in messages.
        timeout: Seconds before giving up.
        poll: Seconds between polls.
        raise_on_failure: Raise `RequestFailedError` when it ends in failure.
        progress: Called with the request record after every poll; True shows a tqdm
            bar of the polls and the latest status (the `progress` extra).
        poll_name: The caller's name for `poll`, for messages.

    Returns:
        The final request.
    """
    with waiting(progress, what, core.settings.progress) as report:
        return wait_for_request(
            fetch,
            what=what,
            interval=poll,
            timeout=timeout,
            raise_on_failure=raise_on_failure,
            sleep=core.sleep,
            clock=core.clock,
            progress=report,
            meanings=ingestion_statuses(),
            interval_name=poll_name,
        )


class Ingestion(V3Resource):
    """`client.v3.ingestion`: request, read, list, update and wait for ingestion requests."""

    @per_call
    def request(
        self,
        file_mfid: str,
        ingestion_class: str | None = None,
        *,
        requested: bool = True,
        **options: Unpack[CallKwargs],
    ) -> IngestionRequest:
        """Asks the workers to ingest one file (sent once: never retried blindly).

        Each call makes a new request on the server, so a lost answer is not repeated: list the
        file's requests (`list(file_mfid=...)`) to see whether it arrived.

        Args:
            file_mfid: The file's MFID.
            ingestion_class: The ingestor (e.g. `"ImageIngestor"`); the server picks from the
                file's name when None (`ingestors()` lists them).
            requested: False records the request as `not_requested` (no worker runs it).
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=`.

        Returns:
            The request (`request["id"]`, `request["status"]`: `requested` at first).

        Raises:
            ValueError: A bad argument (before any request).
            NotFoundError: No such file (or it is hidden from you).
        """
        file = check_id(file_mfid, "file_mfid")
        kind = None
        if ingestion_class is not None:
            kind = check_text(ingestion_class, "ingestion_class")
        choice = IngestionChoice.REQUESTED if requested else IngestionChoice.NOT_REQUESTED
        log.info("requesting ingestion of file %s", file)
        response = invoke(
            request_file_ingestion.sync_detailed,
            file,
            client=self._api,
            status=choice,
            ingestion_class=opt(kind),
        )
        return parse_one(response, IngestionRequest, f"ingestion of file {file}")

    @per_call
    def get(self, request_id: int | str, **options: Unpack[CallKwargs]) -> IngestionRequest:
        """Reads one ingestion request.

        Args:
            request_id: The request's `id`.
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=`.

        Raises:
            ValueError: Not a request id (before any request).
            NotFoundError: No such request (or its dataset is hidden from you).
        """
        rid = check_reqid(request_id)
        response = invoke(get_ingestion_request.sync_detailed, rid, client=self._api)
        return parse_one(response, IngestionRequest, f"ingestion request {rid}")

    @per_call
    def list(
        self,
        dataset_mfid: str | None = None,
        file_mfid: str | None = None,
        limit: int | None = None,
        *,
        page_size: int = PAGE_SIZE,
        **options: Unpack[CallKwargs],
    ) -> OffsetPages[IngestionRequest]:
        """Lists the ingestion requests you can see, oldest first, fetching pages as needed.

        Args:
            dataset_mfid: Only the requests of this dataset's files.
            file_mfid: Only the requests of this file.
            limit: Stop after this many requests (None: all of them).
            page_size: Requests per page (1 to 1000).
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=` (they apply
                to the first page only).

        Returns:
            A lazy iterable of requests (`for r in ...`, `.count()`, `.to_list()`).

        Raises:
            ValueError: A bad argument (before any request).
        """
        check_page_size(page_size, limit)
        dataset = check_id(dataset_mfid, "dataset_mfid") if dataset_mfid is not None else None
        file = check_id(file_mfid, "file_mfid") if file_mfid is not None else None

        def fetch(offset: int) -> tuple[builtins.list[IngestionRequest], int | None]:
            response = invoke(
                list_ingestion_requests.sync_detailed,
                client=self._api,
                dataset_mfid=opt(dataset),
                file_mfid=opt(file),
                limit=page_size,
                offset=offset,
            )
            page = response.parsed
            if not isinstance(page, IngestionRequestOffsetPage):
                raise UnexpectedResponseError(
                    f"ingestion request list: expected a page, got {response.content[:200]!r}"
                )
            total = page.total if isinstance(page.total, int) else None
            return as_record(page.items), total

        return OffsetPages(fetch, limit)

    @per_call
    def update(
        self,
        request_id: int | str,
        status: str,
        *,
        ingestion_class: str | None = None,
        ingestion_githash: str | None = None,
        time_completed: datetime.datetime | str | None = None,
        **options: Unpack[CallKwargs],
    ) -> IngestionRequest:
        """Sets a request's status, as a worker does (needs the editor role on its dataset).

        Args:
            request_id: The request's `id`.
            status: New status (`started`, `in_progress`, `complete`, `failed`, ...).
            ingestion_class: The ingestor that ran.
            ingestion_githash: Its commit.
            time_completed: Completion time, only with `complete` (now, local with its offset,
                when None).
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=`.

        Raises:
            ValueError: A bad argument, or a completion time without `complete` (before any
                request).
        """
        rid = check_reqid(request_id)
        new_status = check_text(status, "status").strip()
        body = IngestionRequestUpdate(
            id=rid,
            status=new_status,
            ingestion_class=opt_text(ingestion_class, "ingestion_class"),
            ingestion_githash=opt_text(ingestion_githash, "ingestion_githash"),
            time_completed=opt(completion_time(new_status, time_completed)),
        )
        # Setting the same fields twice leaves the same record: safe to re-send.
        response = invoke_idempotent(
            update_ingestion_request.sync_detailed, rid, client=self._api, body=body
        )
        return parse_one(response, IngestionRequest, f"ingestion request {rid}")

    @per_call_wait
    def wait(
        self,
        request_id: int | str,
        timeout: float = DEFAULT_WAIT_TIMEOUT,
        poll: float = DEFAULT_POLL_INTERVAL,
        *,
        raise_on_failure: bool = False,
        progress: IngestionProgress | bool | None = None,
        **options: Unpack[WaitKwargs],
    ) -> IngestionRequest:
        """Polls a request until it finishes, for at most `timeout` seconds.

        `requested`, `started` and `in_progress` (and any status the contract does not name)
        mean "still going"; `complete` (also `ingested`, and `not_requested`: no worker will
        run) is success; `failed` is failure.

        Args:
            request_id: The request's `id`.
            timeout: Seconds before giving up (the whole wait, not one request).
            poll: Seconds between polls.
            raise_on_failure: Raise `RequestFailedError` when it ends in failure.
            progress: Called with the request record after every poll; True shows a tqdm
                bar of the polls and the latest status (the `progress` extra).
            **options: Per-call `extra_headers=`, `privilege_mode=`.

        Returns:
            The final request (`result["status"]`).

        Raises:
            ValueError: A bad argument (before any request).
            WaitTimeoutError: Still running at the deadline (`.request` is the last record).
            RequestFailedError: Ended in failure and `raise_on_failure` is set.
        """
        rid = check_reqid(request_id)
        check_seconds("poll", poll)
        check_seconds("timeout", timeout)
        return follow(
            self._core,
            lambda: self.get(rid),
            what=f"ingestion request {rid}",
            timeout=timeout,
            poll=poll,
            raise_on_failure=raise_on_failure,
            progress=progress,
        )

    @per_call
    def ingestors(self, **options: Unpack[CallKwargs]) -> builtins.list[str]:
        """The names of the ingestion classes the server knows (`GET /ingestors`).

        Args:
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=`.
        """
        response = invoke(list_ingestors.sync_detailed, client=self._api)
        names = response.parsed
        if not isinstance(names, builtins.list) or not all(isinstance(n, str) for n in names):
            raise UnexpectedResponseError(
                f"ingestors: expected a list of names, got {response.content[:200]!r}"
            )
        return [str(name) for name in names]
