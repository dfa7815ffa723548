"""The v3 resumable-session route: chunks from the settings, and resume across runs."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import attrs
import httpx
import pytest
from crucible_openapi.v3 import AuthenticatedClient

from pycrucible._http import HttpClients
from pycrucible._transfers.calls_v3 import MultipartSettings
from pycrucible._transfers.resumable_v3 import upload_file_resumable
from pycrucible.errors import APIConnectionError
from pycrucible.testing import LocalCrucible

Connect = Callable[[], tuple[AuthenticatedClient, HttpClients]]
CHUNK = 256 * 1024


@pytest.fixture(autouse=True)
def _multipart_off(server: LocalCrucible) -> Iterator[None]:
    """Resumable sessions are what a server with multipart uploads off offers."""
    with httpx.Client(base_url=server.url, timeout=10) as control:
        control.headers["Authorization"] = f"Bearer {server.admin_key}"
        control.put("/_control/uploads", json={"multipart_enabled": False})
        yield
        control.put("/_control/uploads", json={"multipart_enabled": True})


def _ranges(clients: HttpClients) -> list[str]:
    """Records the Content-Range of every request to storage."""
    seen: list[str] = []

    def note(request: httpx.Request) -> None:
        seen.append(request.headers.get("Content-Range", ""))

    clients.storage.event_hooks["request"].append(note)
    return seen


def test_chunks_follow_the_clients_chunk_size(
    connect: Connect, dataset: str, tmp_path: Path
) -> None:
    data = os.urandom(2 * CHUNK + 10)
    path = tmp_path / "c.bin"
    path.write_bytes(data)
    api, clients = connect()
    ranges = _ranges(clients)
    settings = MultipartSettings(chunk_size=CHUNK, sleep=lambda _: None)
    record = upload_file_resumable(api, clients.storage, dataset, path, settings=settings)
    total = len(data)
    assert ranges == [
        f"bytes 0-{CHUNK - 1}/{total}",
        f"bytes {CHUNK}-{2 * CHUNK - 1}/{total}",
        f"bytes {2 * CHUNK}-{total - 1}/{total}",
    ]
    assert record.sha256_hash == hashlib.sha256(data).hexdigest()


def test_an_interrupted_session_is_resumed_by_a_later_run(
    server: LocalCrucible, connect: Connect, dataset: str, tmp_path: Path
) -> None:
    data = os.urandom(3 * CHUNK + 5)
    path = tmp_path / "r.bin"
    path.write_bytes(data)
    state = tmp_path / "state"
    settings = MultipartSettings(
        chunk_size=CHUNK, part_attempts=1, state_dir=state, sleep=lambda _: None
    )
    # The first chunk arrives but its answer is lost; with one try per chunk the run stops.
    lost = server.faults.add(
        "drop_after", times=1, method="PUT", path_prefix="/storage/v3-resumable/"
    )
    api, clients = connect()
    with pytest.raises(APIConnectionError):
        upload_file_resumable(api, clients.storage, dataset, path, settings=settings)
    assert lost.consumed == 1
    saved = list(state.iterdir())
    assert len(saved) == 1
    assert saved[0].stat().st_mode & 0o077 == 0
    assert server.user_key not in saved[0].read_text()
    api2, clients2 = connect()  # a new process would build new clients from the same state
    ranges = _ranges(clients2)
    calls: list[tuple[str, int, int | None]] = []
    watched = attrs.evolve(settings, progress=lambda *call: calls.append(call))
    record = upload_file_resumable(api2, clients2.storage, dataset, path, settings=watched)
    total = len(data)
    assert ranges[0] == f"bytes */{total}"  # asked the session what it holds
    assert ranges[1] == f"bytes {CHUNK}-{2 * CHUNK - 1}/{total}"  # the first chunk not resent
    assert len(ranges) == 4
    assert calls[0] == ("r.bin", CHUNK, len(data))  # progress starts where the session was
    assert calls[-1] == ("r.bin", len(data), len(data))
    assert record.sha256_hash == hashlib.sha256(data).hexdigest()
    assert list(state.iterdir()) == []


def test_a_changed_file_starts_a_new_session(
    server: LocalCrucible, connect: Connect, dataset: str, tmp_path: Path
) -> None:
    path = tmp_path / "m.bin"
    path.write_bytes(os.urandom(2 * CHUNK))
    state = tmp_path / "state"
    settings = MultipartSettings(
        chunk_size=CHUNK, part_attempts=1, state_dir=state, sleep=lambda _: None
    )
    server.faults.add("drop_after", times=1, method="PUT", path_prefix="/storage/v3-resumable/")
    api, clients = connect()
    with pytest.raises(APIConnectionError):
        upload_file_resumable(api, clients.storage, dataset, path, settings=settings)
    changed = os.urandom(2 * CHUNK)
    path.write_bytes(changed)
    ranges = _ranges(clients)
    record = upload_file_resumable(
        api, clients.storage, dataset, path, filename="m2.bin", settings=settings
    )
    assert ranges[0].startswith("bytes 0-")  # a fresh session from the first byte
    assert record.sha256_hash == hashlib.sha256(changed).hexdigest()
