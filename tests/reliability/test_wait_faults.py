"""Waiting for processing requests that never finish, or finish badly, over real HTTP.

Matrix (situation → outcome):

* the workers are stopped → `wait_for_request_completion` → `WaitTimeoutError` exactly at the
  deadline (a fake clock moved by the client's sleeps), carrying the last record seen.
* the API answers 503 during the wait → the polls are retried; the wait still ends on time.
* the request ends `file not found` / `not supported` → `RequestFailedError` with the final
  record when `raise_on_failure=True`, the record otherwise.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from pycrucible import CrucibleClient, RequestFailedError, WaitTimeoutError
from pycrucible.testing import LocalCrucible


class FakeTime:
    """A monotonic clock that only moves when the client sleeps."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


@pytest.fixture
def fake_time() -> FakeTime:
    return FakeTime()


@pytest.fixture
def timed(server: LocalCrucible, fake_time: FakeTime, tmp_path: Path) -> Iterator[CrucibleClient]:
    with CrucibleClient(
        server.url,
        server.user_key,
        state_dir=tmp_path / "state",
        sleep=fake_time.sleep,
        clock=fake_time.clock,
    ) as made:
        yield made


def test_a_request_that_never_finishes_times_out_at_the_deadline(
    server: LocalCrucible, timed: CrucibleClient, fake_time: FakeTime, dsid: str
) -> None:
    server.worker_delay = None
    request = timed.request_ingestion(dsid)
    polls: list[str] = []
    started = fake_time.now
    with pytest.raises(WaitTimeoutError, match="still 'requested' after 60 s") as caught:
        timed.wait_for_request_completion(
            dsid,
            request.id,
            "ingest",
            sleep_interval=7,
            timeout=60,
            progress=lambda r: polls.append(r.status),
        )
    assert fake_time.now - started == 60  # never sleeps past the deadline
    assert fake_time.sleeps == [7] * 8 + [4]
    assert polls == ["requested"] * 10
    assert caught.value.request.id == request.id
    assert caught.value.request["status"] == "requested"


def test_polls_retried_through_503s_still_end_at_the_deadline(
    server: LocalCrucible, timed: CrucibleClient, fake_time: FakeTime, dsid: str
) -> None:
    server.worker_delay = None
    request = timed.request_ingestion(dsid)
    rule = server.faults.add("status", status=503, retry_after=1, times=3, method="GET")
    started = fake_time.now
    with pytest.raises(WaitTimeoutError):
        timed.wait_for_request_completion(dsid, request.id, "ingest", 5, timeout=20)
    assert rule.consumed == 3
    # The retry pauses use the same clock; the wait never runs past its deadline by more than
    # the pauses of the poll in flight.
    assert 20 <= fake_time.now - started <= 23


def _real_short_sleep(seconds: float) -> None:
    time.sleep(min(seconds, 0.01))


@pytest.mark.parametrize(
    ("arguments", "status"),
    [
        ({"file_to_upload": "never-uploaded.h5"}, "file not found"),
        ({"ingestor": "Nope"}, "not supported"),
    ],
)
def test_a_request_that_fails_raises_when_asked(
    server: LocalCrucible,
    dsid: str,
    tmp_path: Path,
    arguments: dict[str, str],
    status: str,
) -> None:
    with CrucibleClient(
        server.url, server.user_key, state_dir=tmp_path / "state", sleep=_real_short_sleep
    ) as client:
        request = client.request_ingestion(dsid, **arguments)
        with pytest.raises(RequestFailedError) as caught:
            client.wait_for_request_completion(
                dsid, request.id, "ingest", 0.01, timeout=30, raise_on_failure=True
            )
        final = caught.value.request
        assert final.id == request.id
        assert final.status == status
        assert repr(final.status) in str(caught.value)
        returned = client.wait_for_request_completion(dsid, request.id, "ingest", 0.01, timeout=30)
        assert returned.status == final.status
