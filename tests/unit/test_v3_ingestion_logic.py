"""The client's own logic of API v3 ingestion: waits on a fake clock (nothing really sleeps),
the status lists, and the list of requests that reads like one request."""

from __future__ import annotations

import inspect
import json
import logging
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from _client_fakes import API_KEY, API_URL, FakeAPI, reply
from crucible_openapi.v3.models import IngestionRequest

from pycrucible import CrucibleClient, WaitTimeoutError
from pycrucible._records import as_record
from pycrucible._v3.client import CrucibleClientV3
from pycrucible._v3.contract import DOCUMENTED_STATUSES, ingestion_statuses
from pycrucible._v3.ingestion import IngestionRequests, completion_time

ROOT = Path(__file__).resolve().parents[2]


class FakeClock:
    """A monotonic clock that only moves when `sleep` is called."""

    def __init__(self) -> None:
        self.now = 500.0
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
def v3(clean_env: Path, fake: FakeAPI, clock: FakeClock) -> Iterator[CrucibleClient]:
    with CrucibleClient(
        API_URL + "/v3",
        API_KEY,
        api_version="v3",
        transport=httpx.MockTransport(fake),
        sleep=clock.sleep,
        clock=clock,
        state_dir=clean_env / "state",
    ) as made:
        yield made


def answers(*names: str) -> list[httpx.Response]:
    return [reply(200, {"id": 7, "status": name, "dataset_mfid": "d" * 26}) for name in names]


def test_wait_polls_every_second_by_default(
    v3: CrucibleClient, fake: FakeAPI, clock: FakeClock
) -> None:
    fake.on("GET", "/v3/ingestion_requests/7", *answers("requested", "started", "complete"))
    assert v3.v3.ingestion.wait(7).status == "complete"
    assert clock.sleeps == [1.0, 1.0]
    assert len(fake.requests) == 3


def test_wait_ends_at_its_deadline_on_the_core_clock(
    v3: CrucibleClient, fake: FakeAPI, clock: FakeClock
) -> None:
    fake.on("GET", "/v3/ingestion_requests/7", *answers("requested"))
    with pytest.raises(WaitTimeoutError) as caught:
        v3.v3.ingestion.wait(7, timeout=2.5)
    assert clock.sleeps == [1.0, 1.0, 0.5]  # the last pause is cut to the deadline
    assert caught.value.request.status == "requested"


def test_seed_wait_keeps_its_interval_name_and_checks(
    v3: CrucibleClient, fake: FakeAPI, clock: FakeClock
) -> None:
    with pytest.raises(ValueError, match="sleep_interval"):
        v3.wait_for_request_completion("d" * 26, 7, "ingest", 0)
    assert fake.requests == []
    fake.on("GET", "/v3/ingestion_requests/7", *answers("in_progress", "complete"))
    done = v3.v3.wait_for_request_completion("d" * 26, 7, "ingestion", 3)
    assert (done.status, clock.sleeps) == ("complete", [3.0])


def test_an_unknown_status_is_pending_with_one_warning(
    v3: CrucibleClient, fake: FakeAPI, caplog: pytest.LogCaptureFixture
) -> None:
    fake.on("GET", "/v3/ingestion_requests/7", *answers("queued", "queued", "complete"))
    with caplog.at_level(logging.WARNING, logger="pycrucible"):
        assert v3.v3.ingestion.wait(7).status == "complete"
    assert sum("'queued'" in r.getMessage() for r in caplog.records) == 1


def test_the_documented_statuses_are_the_contracts() -> None:
    schema = json.loads((ROOT / "openapi.json").read_text())["components"]["schemas"]
    lists = schema["IngestionStatus"]
    assert ingestion_statuses() == DOCUMENTED_STATUSES
    assert DOCUMENTED_STATUSES.pending == frozenset(lists["x-status-pending"])
    assert DOCUMENTED_STATUSES.failure == frozenset(lists["x-status-failure"])


def test_one_request_reads_like_the_request() -> None:
    request = as_record(IngestionRequest(id=3, status="requested"))
    one = IngestionRequests([request])
    assert (one["id"], one["status"], one[0].id, one.only().id) == (3, "requested", 3, 3)
    assert one[:1] == [request]
    several = IngestionRequests([request, request])
    for result, held in ((several, "2"), (IngestionRequests(), "0")):
        with pytest.raises(KeyError, match=f"{held} ingestion requests"):
            result["id"]


def test_completion_time_goes_only_with_complete() -> None:
    stamped = completion_time("complete", None)
    assert stamped is not None
    assert stamped.utcoffset() is not None
    assert completion_time("started", None) is None
    given = completion_time("complete", "2026-01-02T03:04:05+01:00")
    assert given is not None
    assert given.isoformat() == "2026-01-02T03:04:05+01:00"
    with pytest.raises(ValueError, match="only with status 'complete'"):
        completion_time("failed", "2026-01-02T03:04:05+01:00")
    with pytest.raises(ValueError, match="time_completed"):
        completion_time("complete", "soon")


SEED_NAMES = [
    "request_ingestion",
    "get_request_status",
    "get_ingestion_status",
    "wait_for_request_completion",
    "update_ingestion_status",
    "upload_new_dataset",
]


@pytest.mark.parametrize("name", SEED_NAMES)
def test_the_v3_aliases_take_the_seed_call_shapes(name: str) -> None:
    seed = inspect.signature(getattr(CrucibleClient, name)).parameters
    ours = inspect.signature(getattr(CrucibleClientV3, name)).parameters
    # Same positional order; every seed keyword is accepted under its seed name.
    positional = (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)
    assert [p for p, v in seed.items() if v.kind in positional] == [
        p for p, v in ours.items() if v.kind in positional
    ]
    taken = set(ours) - {"options"}
    assert set(seed) - {"timeout", "extra_headers"} <= taken
    assert "options" in ours  # extra_headers= and privilege_mode= arrive there
