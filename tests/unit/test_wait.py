"""Bounded waits: every outcome, on a fake clock (nothing really sleeps)."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from _client_fakes import API_KEY, API_URL, FakeAPI, reply

from pycrucible import CrucibleClient, RequestFailedError, WaitTimeoutError
from pycrucible._v1.contract import contract
from pycrucible._v1.contract import statuses as contract_statuses
from pycrucible._wait import normalize_request_type


class FakeClock:
    """A monotonic clock that only moves when `sleep` is called."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def waiter(clean_env: Path, fake: FakeAPI, clock: FakeClock) -> Iterator[CrucibleClient]:
    with CrucibleClient(
        API_URL,
        API_KEY,
        transport=httpx.MockTransport(fake),
        sleep=clock.sleep,
        clock=clock,
        state_dir=clean_env / "state",
    ) as made:
        yield made


def statuses(*names: str) -> list[httpx.Response]:
    return [reply(200, {"id": 7, "status": name}) for name in names]


@pytest.mark.parametrize("final", ["complete", "completed", "Complete"])
def test_success_after_pending_statuses(
    waiter: CrucibleClient, fake: FakeAPI, clock: FakeClock, final: str
) -> None:
    fake.on("GET", "/datasets/d1/ingest/7", *statuses("requested", "started", "in_progress", final))
    result = waiter.wait_for_request_completion("d1", 7, "ingest", sleep_interval=2)
    assert result["status"] == final
    assert len(fake.requests) == 4
    assert clock.sleeps == [2, 2, 2]


@pytest.mark.parametrize("final", ["failed", "not supported", "file not found", "file too large"])
def test_failure_is_returned_by_default(waiter: CrucibleClient, fake: FakeAPI, final: str) -> None:
    fake.on("GET", "/datasets/d1/ingest/7", *statuses("requested", final))
    assert waiter.wait_for_request_completion("d1", 7, "ingest")["status"] == final


def test_failure_raises_when_asked(waiter: CrucibleClient, fake: FakeAPI) -> None:
    fake.on(
        "GET",
        "/datasets/d1/ingest/7",
        reply(200, {"id": 7, "status": "failed", "error_message": "corrupt header"}),
    )
    with pytest.raises(RequestFailedError, match="corrupt header") as caught:
        waiter.wait_for_request_completion("d1", 7, "ingest", raise_on_failure=True)
    assert caught.value.request["status"] == "failed"


def test_unknown_status_counts_as_pending_with_one_warning(
    waiter: CrucibleClient, fake: FakeAPI, caplog: pytest.LogCaptureFixture
) -> None:
    fake.on(
        "GET",
        "/datasets/d1/ingest/7",
        *statuses("requested", "held for review", "held for review", "complete"),
    )
    with caplog.at_level(logging.WARNING, logger="pycrucible.wait"):
        assert waiter.wait_for_request_completion("d1", 7, "ingest")["status"] == "complete"
    warned = [r for r in caplog.records if "'held for review'" in r.getMessage()]
    assert len(warned) == 1
    assert len(fake.requests) == 4


def test_an_unknown_status_that_never_ends_is_still_bounded(
    waiter: CrucibleClient, fake: FakeAPI, clock: FakeClock
) -> None:
    fake.on("GET", "/datasets/d1/ingest/8", *statuses("mystery"))
    with pytest.raises(WaitTimeoutError, match="still 'mystery' after 12 s"):
        waiter.wait_for_request_completion("d1", 8, "ingest", sleep_interval=5, timeout=12)
    assert clock.now == 1012


def test_statuses_come_from_the_contract() -> None:
    known = contract_statuses()
    schema = contract()["components"]["schemas"]["ProcessingStatus"]
    assert known.pending == frozenset(schema["x-status-pending"])
    assert known.success == frozenset(schema["x-status-success"])
    assert known.failure == frozenset(schema["x-status-failure"])
    assert {"requested", "complete", "failed"} <= known.pending | known.success | known.failure


def test_deadline_raises_with_the_last_request(
    waiter: CrucibleClient, fake: FakeAPI, clock: FakeClock
) -> None:
    fake.on("GET", "/datasets/d1/scicat_update/7", *statuses("requested", "started"))
    with pytest.raises(WaitTimeoutError, match="still 'started' after 12 s") as caught:
        waiter.wait_for_request_completion("d1", 7, "scicat", sleep_interval=5, timeout=12)
    assert caught.value.request["status"] == "started"
    assert clock.sleeps == [5, 5, 2]  # never sleeps past the deadline
    assert clock.now == 1012


def test_progress_sees_every_poll(waiter: CrucibleClient, fake: FakeAPI) -> None:
    fake.on("GET", "/datasets/d1/ingest/7", *statuses("requested", "started", "complete"))
    seen: list[str] = []
    waiter.wait_for_request_completion(
        "d1", "7", "ingestion", sleep_interval=1, progress=lambda r: seen.append(r.status)
    )
    assert seen == ["requested", "started", "complete"]


@pytest.mark.parametrize(
    ("alias", "path"),
    [
        ("ingest", "ingest"),
        ("ingestion", "ingest"),
        ("Ingestion", "ingest"),
        ("ingestion_request", "ingest"),
        ("scicat", "scicat_update"),
        ("scicat_update", "scicat_update"),
        ("SciCat-Upload", "scicat_update"),
    ],
)
def test_request_type_aliases(waiter: CrucibleClient, fake: FakeAPI, alias: str, path: str) -> None:
    fake.on("GET", f"/datasets/d1/{path}/7", *statuses("complete"))
    assert waiter.wait_for_request_completion("d1", 7, alias)["status"] == "complete"


def test_drive_transfers_have_no_status_endpoint() -> None:
    with pytest.raises(ValueError, match="no status endpoint for Google Drive"):
        normalize_request_type("google_drive_transfer")
    with pytest.raises(ValueError, match="unknown request_type"):
        normalize_request_type("carrier")


@pytest.mark.parametrize(
    ("interval", "timeout"), [(0, 10), (-1, 10), (5, 0), (5, float("inf")), (5, True), ("5", 10)]
)
def test_bad_interval_or_timeout_is_refused_before_polling(
    waiter: CrucibleClient, fake: FakeAPI, interval: object, timeout: object
) -> None:
    with pytest.raises(ValueError, match="seconds"):
        waiter.wait_for_request_completion(
            "d1",
            7,
            "ingest",
            sleep_interval=interval,  # type: ignore[arg-type]
            timeout=timeout,  # type: ignore[arg-type]
        )
    assert fake.requests == []


def test_send_to_scicat_can_wait(waiter: CrucibleClient, fake: FakeAPI) -> None:
    fake.on("POST", "/datasets/d1/scicat_update", reply(200, {"id": 3, "status": "requested"}))
    fake.on("GET", "/datasets/d1/scicat_update/3", *statuses("started", "complete"))
    assert waiter.send_to_scicat("d1")["status"] == "requested"
    final = waiter.send_to_scicat("d1", wait_for_scicat_response=True, overwrite_data=True)
    assert final["status"] == "complete"
    posts = [r for r in fake.requests if r.method == "POST"]
    assert posts[-1].url.params["overwrite_data"] == "true"
