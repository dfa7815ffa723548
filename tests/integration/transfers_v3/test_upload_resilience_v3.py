"""The v3 upload engine against a busy server and expiring signed URLs, over HTTP."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from crucible_openapi.v3 import AuthenticatedClient

from pycrucible._http import HttpClients, build_clients
from pycrucible._transfers.calls_v3 import MultipartSettings
from pycrucible._transfers.multipart_v3 import upload_file_multipart
from pycrucible._transfers.resumable_v3 import upload_file_v3
from pycrucible._transport import RetryPolicy
from pycrucible.errors import RateLimitError, TransferError
from pycrucible.testing import LocalCrucible

PART_SIZE = 64 * 1024  # the part size the conftest sets on the server
Connect = Callable[[], tuple[AuthenticatedClient, HttpClients]]


def _file(tmp_path: Path, size: int) -> tuple[Path, bytes]:
    data = os.urandom(size)
    path = tmp_path / "payload.bin"
    path.write_bytes(data)
    return path, data


def _settings(pauses: list[float], **changes: object) -> MultipartSettings:
    return MultipartSettings(
        guess_part_size=PART_SIZE,
        sleep=pauses.append,
        **changes,  # type: ignore[arg-type]
    )


def _signing_requests(clients: HttpClients) -> list[str]:
    """Records the paths of the sign-parts requests the client sends."""
    seen: list[str] = []

    def note(request: httpx.Request) -> None:
        if request.url.path.endswith("/parts"):
            seen.append(request.url.path)

    clients.http.event_hooks["request"].append(note)
    return seen


def test_busy_answers_wait_the_retry_after_clamped(
    server: LocalCrucible, connect: Connect, dataset: str, tmp_path: Path
) -> None:
    path, data = _file(tmp_path, 2 * PART_SIZE + 1)
    api, clients = connect()
    prefix = f"/api/v3/datasets/{dataset}/upload/multipart/"
    # initiate, then the first sign-parts call: both POSTs under the prefix
    long = server.faults.add(
        "status", status=429, retry_after=600, times=1, method="POST", path_prefix=prefix
    )
    pauses: list[float] = []
    record = upload_file_multipart(api, clients.storage, dataset, path, settings=_settings(pauses))
    assert long.consumed == 1
    short = server.faults.add(
        "status", status=502, retry_after=0.2, times=2, method="POST", path_prefix=prefix
    )
    path.write_bytes(data[::-1])
    other = upload_file_multipart(
        api, clients.storage, dataset, path, filename="other.bin", settings=_settings(pauses)
    )
    assert short.consumed == 2
    assert pauses == [60.0, 1.0, 1.0]  # 600 s clamped to 60; 0.2 s raised to 1
    assert record.sha256_hash == hashlib.sha256(data).hexdigest()
    assert other.sha256_hash == hashlib.sha256(data[::-1]).hexdigest()


def test_a_server_busy_for_too_long_is_an_error_after_the_tries(
    server: LocalCrucible, connect: Connect, dataset: str, tmp_path: Path
) -> None:
    path, _ = _file(tmp_path, 10)
    api, clients = connect()
    server.faults.add(
        "status",
        status=429,
        times=None,
        method="POST",
        path_prefix=f"/api/v3/datasets/{dataset}/upload/multipart/initiate",
    )
    pauses: list[float] = []
    with pytest.raises(RateLimitError):
        upload_file_multipart(
            api, clients.storage, dataset, path, settings=_settings(pauses, call_attempts=3)
        )
    assert pauses == [5.0, 5.0]  # no Retry-After: the default wait, between the three tries


@pytest.fixture
def patient(
    server: LocalCrucible,
) -> Iterator[tuple[AuthenticatedClient, HttpClients, list[float]]]:
    """Clients with the default retry policy (3 retries), recording the transport's pauses."""
    pauses: list[float] = []
    clients = build_clients(
        server.url_v3,
        server.user_key,
        timeout=httpx.Timeout(10),
        transfer_timeout=httpx.Timeout(30),
        policy=RetryPolicy(sleep=pauses.append),
    )
    api = AuthenticatedClient(base_url=server.url_v3, token=server.user_key)
    api.set_httpx_client(clients.http)
    yield api, clients, pauses
    clients.close()


def test_multipart_disabled_falls_back_at_once_without_waiting(
    server: LocalCrucible,
    patient: tuple[AuthenticatedClient, HttpClients, list[float]],
    dataset: str,
    tmp_path: Path,
) -> None:
    with httpx.Client(base_url=server.url, timeout=10) as control:
        control.headers["Authorization"] = f"Bearer {server.admin_key}"
        control.put("/_control/uploads", json={"multipart_enabled": False})
    api, clients, transport_pauses = patient
    path, data = _file(tmp_path, 3 * PART_SIZE)
    engine_pauses: list[float] = []
    server.clear_storage_log()
    record = upload_file_v3(
        api, clients.storage, dataset, path, settings=_settings(engine_pauses, chunk_size=1)
    )
    assert record.sha256_hash == hashlib.sha256(data).hexdigest()
    # The 503 says Retry-After: 60; nobody waited it out before switching routes.
    assert transport_pauses == []
    assert engine_pauses == []
    assert server.storage_log
    assert all("resumable" in e.path for e in server.storage_log)


def test_a_refused_part_url_is_signed_again(
    server: LocalCrucible, connect: Connect, dataset: str, tmp_path: Path
) -> None:
    path, data = _file(tmp_path, 3 * PART_SIZE)
    api, clients = connect()
    signing = _signing_requests(clients)
    refused = server.faults.add(
        "status", status=403, times=1, method="PUT", path_prefix="/storage/v3-parts/"
    )
    calls: list[tuple[str, int, int | None]] = []
    watched = _settings([], progress=lambda *call: calls.append(call))
    record = upload_file_multipart(api, clients.storage, dataset, path, settings=watched)
    assert refused.consumed == 1
    assert calls[0] == ("payload.bin", 0, 3 * PART_SIZE)
    assert calls[-1] == ("payload.bin", 3 * PART_SIZE, 3 * PART_SIZE)
    assert len(signing) == 2  # the batch of three, then the refused part alone
    assert record.sha256_hash == hashlib.sha256(data).hexdigest()


def test_urls_about_to_expire_are_signed_again_before_use(
    server: LocalCrucible, connect: Connect, dataset: str, tmp_path: Path
) -> None:
    path, data = _file(tmp_path, 2 * PART_SIZE + 3)
    api, clients = connect()
    signing = _signing_requests(clients)
    before = server.backend.link_lifetime
    server.backend.link_lifetime = 10  # inside the 30 s margin: every URL counts as expiring
    try:
        record = upload_file_multipart(
            api, clients.storage, dataset, path, settings=_settings([], workers=1)
        )
    finally:
        server.backend.link_lifetime = before
    assert len(signing) == 1 + 3  # the batch, then each of the three parts once more
    assert record.sha256_hash == hashlib.sha256(data).hexdigest()


def test_a_part_refused_for_good_aborts_the_session(
    server: LocalCrucible, connect: Connect, dataset: str, tmp_path: Path
) -> None:
    path, _ = _file(tmp_path, 2 * PART_SIZE)
    api, clients = connect()
    server.faults.add("status", status=403, times=None, method="PUT", path_prefix="/storage/")
    with pytest.raises(TransferError, match="signing it again"):
        upload_file_multipart(api, clients.storage, dataset, path, settings=_settings([]))
    with httpx.Client(base_url=server.url_v3, timeout=10) as http:
        http.headers["Authorization"] = f"Bearer {server.user_key}"
        files = http.get(f"/datasets/{dataset}/files").json()
    assert files == []  # aborted: no record was made


def test_a_busy_storage_answer_is_waited_out_and_the_part_resent(
    server: LocalCrucible, connect: Connect, dataset: str, tmp_path: Path
) -> None:
    path, data = _file(tmp_path, 2 * PART_SIZE)
    api, clients = connect()
    busy = server.faults.add(
        "status", status=503, retry_after=2, times=1, method="PUT", path_prefix="/storage/"
    )
    pauses: list[float] = []
    server.clear_storage_log()
    record = upload_file_multipart(api, clients.storage, dataset, path, settings=_settings(pauses))
    assert busy.consumed == 1
    assert pauses == [2.0]
    assert record.sha256_hash == hashlib.sha256(data).hexdigest()
