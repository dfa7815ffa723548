"""API calls under injected faults over real HTTP: what is retried, what is not, what users see.

Matrix (fault → call → outcome):

* 502 / 503 / 504 burst, 429 with `Retry-After` → GET → recovered; pauses as asked.
* 503 burst longer than the retries → GET → `ServerError` after 1 + 3 attempts.
* 502 / 503 / 504 burst, 429 → POST create with a client `unique_id` → recovered, one record.
* connection dropped before or after processing → POST create → recovered, one record.
* 502 / 504 → POST without a client id (`request_ingestion`) → `ServerError`, sent once.
* 503 / 429 → POST without a client id → recovered (the server did not act), one request.
* 429 asking for an hour → POST without a client id → `RateLimitError` at once, nothing made.
* connection dropped after processing → POST without a client id → `APIConnectionError`,
  exactly one request on the server (never repeated blindly).
* read timeout once / every time → GET → recovered / `APITimeoutError` after 1 + 3 attempts.
* read timeout → POST without a client id → `APITimeoutError`, sent once.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from _reliability_helpers import Pauses

from pycrucible import CrucibleClient
from pycrucible.errors import (
    APIConnectionError,
    APITimeoutError,
    ConflictError,
    RateLimitError,
    ServerError,
)
from pycrucible.testing import FaultKind, LocalCrucible

ATTEMPTS = 4  # the first one and the default 3 retries

# -- GET -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("status", [502, 503, 504])
def test_get_recovers_from_a_burst_of_gateway_errors(
    server: LocalCrucible, client: CrucibleClient, dsid: str, pauses: Pauses, status: int
) -> None:
    rule = server.faults.add("status", status=status, times=3, path_prefix=f"/datasets/{dsid}")
    assert client.get_dataset(dsid).unique_id == dsid
    assert rule.consumed == 3
    assert len(pauses.calls) == 3


def test_get_waits_as_long_as_retry_after_says(
    server: LocalCrucible, client: CrucibleClient, dsid: str, pauses: Pauses
) -> None:
    rule = server.faults.add("status", status=429, retry_after=7, times=2, method="GET")
    assert client.get_dataset(dsid).unique_id == dsid
    assert rule.consumed == 2
    assert pauses.calls == [7.0, 7.0]


def test_get_gives_up_after_the_retries_with_the_status(
    server: LocalCrucible, client: CrucibleClient, dsid: str
) -> None:
    rule = server.faults.add("status", status=503, times=None, path_prefix=f"/datasets/{dsid}")
    with pytest.raises(ServerError) as caught:
        client.get_dataset(dsid)
    assert rule.consumed == ATTEMPTS
    assert caught.value.status_code == 503
    assert "503" in str(caught.value)
    assert f"/datasets/{dsid}" in str(caught.value)


def test_get_recovers_from_a_dropped_connection(
    server: LocalCrucible, client: CrucibleClient, dsid: str
) -> None:
    rule = server.faults.add("drop", times=2, method="GET", path_prefix=f"/datasets/{dsid}")
    assert client.get_dataset(dsid).unique_id == dsid
    assert rule.consumed == 2


# -- POST that creates a record with a client-chosen unique_id -------------------------------------


def _datasets_named(client: CrucibleClient, name: str) -> list[str]:
    return [d.unique_id for d in client.list_datasets(dataset_name=name)]


@pytest.mark.parametrize(("status", "retry_after"), [(502, None), (503, None), (504, 0), (429, 1)])
def test_create_with_your_unique_id_recovers_with_one_record(
    server: LocalCrucible,
    client: CrucibleClient,
    status: int,
    retry_after: float | None,
    request: pytest.FixtureRequest,
) -> None:
    name = f"create under {status} {request.node.name}"
    mine = "0tbh" + f"{status:03d}".rjust(22, "0")
    rule = server.faults.add(
        "status",
        status=status,
        retry_after=retry_after,
        times=2,
        method="POST",
        path_prefix="/datasets",
    )
    made = client.create_dataset(dataset_name=name, unique_id=mine)
    assert rule.consumed == 2
    assert made.unique_id == mine
    assert _datasets_named(client, name) == [mine]


@pytest.mark.parametrize("kind", ["drop", "drop_after"])
def test_create_recovers_from_a_lost_connection_with_one_record(
    server: LocalCrucible, client: CrucibleClient, kind: FaultKind, request: pytest.FixtureRequest
) -> None:
    name = f"create under {kind} {request.node.name}"
    rule = server.faults.add(kind, times=1, method="POST", path_prefix="/datasets")
    made = client.create_dataset(dataset_name=name)
    assert rule.consumed == 1
    assert _datasets_named(client, name) == [made.unique_id]
    sample_rule = server.faults.add(kind, times=1, method="POST", path_prefix="/samples")
    sample = client.add_sample(sample_name=name)
    assert sample_rule.consumed == 1
    assert [s.unique_id for s in client.list_samples(sample_name=name)] == [sample.unique_id]


def test_lost_answer_to_a_create_with_your_own_id_leaves_one_record(
    server: LocalCrucible, client: CrucibleClient, request: pytest.FixtureRequest
) -> None:
    """The retry meets the record its first attempt made: the call returns that record."""
    name = f"own id, lost answer {request.node.name}"
    mine = "0tbhlostanswer00000000000a"
    rule = server.faults.add("drop_after", times=1, method="POST", path_prefix="/datasets")
    made = client.create_dataset(dataset_name=name, unique_id=mine)
    assert rule.consumed == 1
    assert made.unique_id == mine
    assert made.dataset_name == name
    assert _datasets_named(client, name) == [mine]


def test_lost_answer_to_a_sample_create_with_your_own_id_returns_it(
    server: LocalCrucible, client: CrucibleClient, request: pytest.FixtureRequest
) -> None:
    name = f"own sample id, lost answer {request.node.name}"
    mine = "0tbhlostsample0000000000aa"
    rule = server.faults.add("drop_after", times=1, method="POST", path_prefix="/samples")
    made = client.add_sample(unique_id=mine, sample_name=name)
    assert rule.consumed == 1
    assert made.unique_id == mine
    assert [s.unique_id for s in client.list_samples(sample_name=name)] == [mine]


def test_your_own_id_taken_before_the_call_is_still_a_conflict(
    client: CrucibleClient, request: pytest.FixtureRequest
) -> None:
    mine = "0tbhtakenalready0000000000"
    client.create_dataset(dataset_name=f"first {request.node.name}", unique_id=mine)
    with pytest.raises(ConflictError):
        client.create_dataset(dataset_name=f"second {request.node.name}", unique_id=mine)


# -- POST without a client id: a processing request ------------------------------------------------


@pytest.mark.parametrize("status", [502, 504])
def test_request_without_an_id_is_not_retried_after_a_gateway_error(
    server: LocalCrucible, client: CrucibleClient, dsid: str, status: int
) -> None:
    before = server.count("requests")
    rule = server.faults.add("status", status=status, times=None, path_prefix=f"/datasets/{dsid}/")
    with pytest.raises(ServerError) as caught:
        client.request_ingestion(dsid)
    assert rule.consumed == 1
    assert caught.value.status_code == status
    assert str(caught.value).startswith(f"{status} ")
    assert f"POST {server.url}/datasets/{dsid}/ingest" in str(caught.value)
    assert server.count("requests") == before


@pytest.mark.parametrize(("status", "retry_after"), [(503, None), (429, 2)])
def test_request_without_an_id_is_retried_when_the_server_did_not_act(
    server: LocalCrucible,
    client: CrucibleClient,
    dsid: str,
    status: int,
    retry_after: float | None,
) -> None:
    before = server.count("requests")
    rule = server.faults.add(
        "status", status=status, retry_after=retry_after, times=2, path_prefix=f"/datasets/{dsid}/"
    )
    made = client.request_ingestion(dsid)
    assert rule.consumed == 2
    assert made.status == "requested"
    assert server.count("requests") == before + 1


def test_request_without_an_id_gives_up_on_a_long_rate_limit(
    server: LocalCrucible, client: CrucibleClient, dsid: str
) -> None:
    before = server.count("requests")
    rule = server.faults.add(
        "status", status=429, retry_after=3600, path_prefix=f"/datasets/{dsid}/"
    )
    with pytest.raises(RateLimitError):
        client.request_ingestion(dsid)
    assert rule.consumed == 1
    assert server.count("requests") == before


@pytest.mark.parametrize(("kind", "made"), [("drop", 0), ("drop_after", 1)])
def test_request_without_an_id_is_sent_once_when_the_connection_drops(
    server: LocalCrucible, client: CrucibleClient, dsid: str, kind: FaultKind, made: int
) -> None:
    before = server.count("requests")
    rule = server.faults.add(kind, times=None, method="POST", path_prefix=f"/datasets/{dsid}/")
    with pytest.raises(APIConnectionError) as caught:
        client.send_to_scicat(dsid)
    assert rule.consumed == 1
    assert server.count("requests") == before + made
    assert f"/datasets/{dsid}/" in str(caught.value)


# -- read timeouts ---------------------------------------------------------------------------------


@pytest.fixture
def impatient(server: LocalCrucible, pauses: Pauses, tmp_path: Path) -> Iterator[CrucibleClient]:
    """A client that waits 0.25 s for an answer (pauses recorded, not slept)."""
    with CrucibleClient(
        server.url, server.user_key, timeout=0.25, sleep=pauses, state_dir=tmp_path / "state"
    ) as made:
        yield made


def test_get_recovers_from_a_read_timeout(
    server: LocalCrucible, impatient: CrucibleClient, dsid: str
) -> None:
    rule = server.faults.add("delay", seconds=1.0, times=1, path_prefix=f"/datasets/{dsid}")
    assert impatient.get_dataset(dsid).unique_id == dsid
    assert rule.consumed == 1


def test_get_times_out_after_the_retries(
    server: LocalCrucible, impatient: CrucibleClient, dsid: str
) -> None:
    rule = server.faults.add("delay", seconds=1.0, times=None, path_prefix=f"/datasets/{dsid}")
    started = time.monotonic()
    with pytest.raises(APITimeoutError, match="no answer in time"):
        impatient.get_dataset(dsid)
    assert rule.consumed == ATTEMPTS
    assert time.monotonic() - started < ATTEMPTS * 0.25 + 2  # bounded by the timeouts


def test_request_without_an_id_times_out_once_and_is_not_repeated(
    server: LocalCrucible, impatient: CrucibleClient, dsid: str
) -> None:
    before = server.count("requests")
    rule = server.faults.add("delay", seconds=0.5, times=None, path_prefix=f"/datasets/{dsid}/")
    with pytest.raises(APITimeoutError):
        impatient.request_ingestion(dsid)
    assert rule.consumed == 1
    deadline = time.monotonic() + 5  # the server goes on with it after the delay
    while server.count("requests") == before and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.2)
    assert server.count("requests") == before + 1


def test_a_slow_answer_within_the_timeout_is_not_a_timeout(
    server: LocalCrucible, client: CrucibleClient, dsid: str
) -> None:
    rule = server.faults.add("delay", seconds=0.3, times=1, path_prefix=f"/datasets/{dsid}")
    assert client.get_dataset(dsid).unique_id == dsid
    assert rule.consumed == 1
