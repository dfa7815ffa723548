"""Fault injection: each kind, matching, counting, and control over HTTP."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from pycrucible.testing import FaultInjector, LocalCrucible
from pycrucible.testing._ids import new_mfid

MakeDataset = Callable[..., dict[str, Any]]
DATA = bytes(range(256)) * 64  # 16 KiB


def _drain(response: httpx.Response, into: bytearray) -> None:
    for chunk in response.iter_raw():
        into.extend(chunk)


@pytest.fixture
def stored(make_dataset: MakeDataset, user: httpx.Client) -> tuple[str, str]:
    """A dataset holding DATA as ``blob.bin``: its id and the file's signed URL."""
    dsid = make_dataset()["unique_id"]
    user.post(f"/datasets/{dsid}/upload", files=[("files", ("blob.bin", DATA))])
    url = user.get(f"/datasets/{dsid}/download_links").json()[f"{dsid}/blob.bin"]
    return dsid, url


@pytest.mark.parametrize("status", [502, 503, 504])
def test_status_faults_answer_then_stop(
    server: LocalCrucible, user: httpx.Client, status: int
) -> None:
    fault = server.faults.add("status", status=status, times=2)
    answers = [user.get("/account").status_code for _ in range(3)]
    assert answers == [status, status, 200]
    assert fault.consumed == 2
    assert not fault.active


def test_skip_lets_the_first_matching_requests_through(
    server: LocalCrucible, user: httpx.Client
) -> None:
    fault = server.faults.add("status", status=503, times=1, skip=2, method="GET")
    answers = [user.get("/account").status_code for _ in range(4)]
    assert answers == [200, 200, 503, 200]
    assert fault.consumed == 1
    assert fault.to_dict()["skip"] == 2
    with pytest.raises(ValueError, match="skip"):
        server.faults.add("drop", skip=-1)


def test_429_carries_retry_after(server: LocalCrucible, user: httpx.Client) -> None:
    server.faults.add("status", status=429, retry_after=3)
    response = user.get("/datasets")
    assert response.status_code == 429
    assert response.headers["retry-after"] == "3"
    assert isinstance(response.json()["detail"], str)


def test_faults_match_path_prefix_and_method(server: LocalCrucible, user: httpx.Client) -> None:
    fault = server.faults.add(
        "status", status=503, times=None, path_prefix="/samples", method="POST"
    )
    assert user.get("/samples").status_code == 200
    assert user.get("/datasets").status_code == 200
    assert user.post("/samples", json={}).status_code == 503
    assert user.post("/samples", json={}).status_code == 503
    assert fault.consumed == 2
    assert fault.active
    server.faults.clear()
    assert user.post("/samples", json={}).status_code == 200


def test_a_faulted_request_is_not_processed(server: LocalCrucible, user: httpx.Client) -> None:
    before = server.count("datasets")
    server.faults.add("status", status=503)
    assert user.post("/datasets", json={}).status_code == 503
    assert server.count("datasets") == before


def test_drop_closes_the_connection_without_answer(
    server: LocalCrucible, user: httpx.Client
) -> None:
    before = server.count("samples")
    fault = server.faults.add("drop", method="POST")
    with pytest.raises(httpx.RemoteProtocolError):
        user.post("/samples", json={"sample_name": "lost"})
    assert fault.consumed == 1
    assert server.count("samples") == before
    assert user.get("/account").status_code == 200


def test_drop_after_processing_loses_only_the_answer(
    server: LocalCrucible, user: httpx.Client
) -> None:
    chosen = new_mfid()
    server.faults.add("drop_after", method="POST", path_prefix="/datasets")
    with pytest.raises(httpx.RemoteProtocolError):
        user.post("/datasets", json={"unique_id": chosen})
    retried = user.post("/datasets", json={"unique_id": chosen})
    assert retried.status_code == 409
    assert user.get(f"/datasets/{chosen}").json()["unique_id"] == chosen


def test_delay_holds_the_answer(server: LocalCrucible, user: httpx.Client) -> None:
    server.faults.add("delay", seconds=0.3)
    started = time.monotonic()
    assert user.get("/account").status_code == 200
    assert time.monotonic() - started >= 0.3
    server.faults.add("delay", seconds=1)
    with pytest.raises(httpx.ReadTimeout):
        user.get("/account", timeout=0.2)


def test_truncate_sends_fewer_bytes_than_promised(
    server: LocalCrucible, stored: tuple[str, str]
) -> None:
    _, url = stored
    fault = server.faults.add("truncate", after_bytes=1000, path_prefix="/storage/")
    received = bytearray()
    with httpx.stream("GET", url) as response, pytest.raises(httpx.RemoteProtocolError):
        _drain(response, received)
    assert response.headers["content-length"] == str(len(DATA))
    assert received == DATA[:1000]
    assert fault.consumed == 1
    assert httpx.get(url).content == DATA


def test_truncated_direct_download_can_be_resumed_with_a_range(
    server: LocalCrucible, user: httpx.Client, stored: tuple[str, str]
) -> None:
    dsid, _ = stored
    server.faults.add("truncate", after_bytes=5000, path_prefix=f"/datasets/{dsid}/download")
    received = bytearray()
    path = f"/datasets/{dsid}/download/blob.bin"
    with user.stream("GET", path) as response, pytest.raises(httpx.RemoteProtocolError):
        _drain(response, received)
    rest = user.get(
        f"/datasets/{dsid}/download/blob.bin", headers={"Range": f"bytes={len(received)}-"}
    )
    assert rest.status_code == 206
    assert received + rest.content == DATA


def test_corrupt_flips_a_byte_and_keeps_the_length(
    server: LocalCrucible, stored: tuple[str, str]
) -> None:
    _, url = stored
    server.faults.add("corrupt", offset=10, path_prefix="/storage/")
    corrupted = httpx.get(url).content
    assert len(corrupted) == len(DATA)
    assert corrupted[10] == DATA[10] ^ 0xFF
    assert corrupted[:10] + corrupted[11:] == DATA[:10] + DATA[11:]
    assert hashlib.sha256(corrupted).hexdigest() != hashlib.sha256(DATA).hexdigest()


def test_corrupt_request_flips_a_byte_the_server_receives(
    server: LocalCrucible, make_dataset: MakeDataset, user: httpx.Client
) -> None:
    dsid = make_dataset()["unique_id"]
    upload = user.build_request(
        "POST", f"/datasets/{dsid}/upload", files=[("files", ("blob.bin", DATA))]
    )
    where = upload.read().index(DATA) + 10
    fault = server.faults.add("corrupt_request", offset=where, path_prefix=f"/datasets/{dsid}")
    assert user.send(upload).status_code == 200
    assert fault.consumed == 1
    url = user.get(f"/datasets/{dsid}/download_links").json()[f"{dsid}/blob.bin"]
    stored = httpx.get(url).content
    assert len(stored) == len(DATA)
    assert stored[10] == DATA[10] ^ 0xFF
    assert stored[:10] + stored[11:] == DATA[:10] + DATA[11:]


def test_a_status_fault_can_name_its_detail(server: LocalCrucible, user: httpx.Client) -> None:
    server.faults.add("status", status=403, detail="Signed URL expired")
    response = user.get("/account")
    assert response.status_code == 403
    assert response.json() == {"detail": "Signed URL expired"}
    assert server.faults.faults[0].to_dict()["detail"] == "Signed URL expired"


def test_faulted_storage_requests_are_logged(
    server: LocalCrucible, stored: tuple[str, str]
) -> None:
    _, url = stored
    server.clear_storage_log()
    server.faults.add("status", status=503, path_prefix="/storage/")
    server.faults.add("drop", path_prefix="/storage/")
    assert httpx.get(url).status_code == 503
    with pytest.raises(httpx.RemoteProtocolError):
        httpx.get(url)
    assert [entry.status for entry in server.storage_log] == [503, None]


@pytest.mark.parametrize(
    "arguments",
    [
        {"kind": "explode"},
        {"kind": "status"},
        {"kind": "status", "status": 200},
        {"kind": "delay"},
        {"kind": "truncate", "after_bytes": -1},
        {"kind": "drop", "times": 0},
        {"kind": "drop", "detail": "only status faults have one"},
    ],
)
def test_nonsense_faults_are_refused(arguments: dict[str, Any]) -> None:
    with pytest.raises(ValueError):  # noqa: PT011 - the messages differ per argument
        FaultInjector().add(**arguments)


def test_faults_over_http_need_the_admin_key(
    server: LocalCrucible, admin: httpx.Client, user: httpx.Client
) -> None:
    assert user.get("/_control/faults").status_code == 403
    rule = admin.post(
        "/_control/faults",
        json={"kind": "status", "status": 503, "times": 1, "path_prefix": "/keywords"},
    ).json()
    assert rule["kind"] == "status"
    assert user.get("/keywords").status_code == 503
    assert admin.get("/_control/faults").json()[0]["consumed"] == 1
    assert admin.post("/_control/faults", json={"kind": "status"}).status_code == 400
    server.faults.add("status", status=503, times=None)
    assert admin.delete("/_control/faults").status_code == 200  # control is never faulted
    assert server.faults.faults == []
    assert user.get("/keywords").status_code == 200


def test_workers_and_users_over_http(server: LocalCrucible, admin: httpx.Client) -> None:
    assert admin.put("/_control/workers", json={"delay": None}).json() == {"delay": None}
    assert server.backend.workers.delay is None
    admin.put("/_control/workers", json={"delay": 0.02})
    made = admin.post("/_control/users", json={"orcid": "0000-0003-0000-0042"}).json()
    with httpx.Client(base_url=server.url) as client:
        response = client.get("/account", headers={"Authorization": f"Bearer {made['api_key']}"})
    assert response.json()["user_info"]["orcid"] == "0000-0003-0000-0042"
    assert admin.post("/_control/users", json={"orcid": "0000-0003-0000-0042"}).status_code == 409
    assert isinstance(admin.get("/_control/storage_log").json(), list)


# -- soak support: faults on a share of the traffic, and storage request headers -----------


def _outcomes(seed: int) -> list[int]:
    injector = FaultInjector()
    injector.add("status", status=503, times=None, probability=0.25, seed=seed)
    return [0 if injector.take("GET", "/datasets") is None else 1 for _ in range(400)]


def test_a_rule_with_a_probability_faults_a_repeatable_share() -> None:
    first = _outcomes(7)
    assert first == _outcomes(7)  # the seed makes the draw repeatable
    assert first != _outcomes(8)
    assert 60 <= sum(first) <= 140  # about a quarter of 400 requests
    injector = FaultInjector()
    never = injector.add("drop", times=None, probability=0.0, seed=1)
    always = injector.add("status", status=503, probability=1.0, seed=1)
    assert injector.take("GET", "/datasets") is always  # a rule that did not fire is passed
    assert never.consumed == 0
    assert always.consumed == 1


def test_probability_is_checked_and_travels_over_http(
    server: LocalCrucible, admin: httpx.Client
) -> None:
    with pytest.raises(ValueError, match="probability"):
        FaultInjector().add("drop", probability=1.5)
    answer = admin.post(
        "/_control/faults", json={"kind": "drop", "times": None, "probability": 0.5, "seed": 3}
    )
    assert answer.status_code == 200, answer.text
    assert (answer.json()["probability"], answer.json()["seed"]) == (0.5, 3)
    assert admin.post("/_control/faults", json={"kind": "drop", "probability": -1}).is_error


def test_the_storage_log_keeps_every_request_header(
    server: LocalCrucible, stored: tuple[str, str]
) -> None:
    _, url = stored
    server.clear_storage_log()
    assert httpx.get(url, headers={"X-Probe": "seen"}).status_code == 200
    [entry] = server.storage_log
    assert ("x-probe", "seen") in entry.headers
    assert not entry.had_authorization
    assert not [value for _, value in entry.headers if server.user_key in value]
