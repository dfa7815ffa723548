"""The v3 download engine over HTTP against the local server: verified, atomic, path-safe."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest
from crucible_openapi.v3 import AuthenticatedClient

from pycrucible._http import HttpClients
from pycrucible._transfers.downloads_v3 import download_dataset_v3, download_file_v3
from pycrucible._transfers.multipart_v3 import upload_file_multipart
from pycrucible.errors import NotFoundError, TransferError
from pycrucible.testing import LocalCrucible

Connect = Callable[[], tuple[AuthenticatedClient, HttpClients]]


def _ingest(server: LocalCrucible, file_mfid: str) -> None:
    with httpx.Client(base_url=server.url_v3, timeout=10) as user:
        user.headers["Authorization"] = f"Bearer {server.user_key}"
        started = user.post(f"/files/{file_mfid}/ingest")
        assert started.status_code == 200, started.text
        for _ in range(500):
            status = user.get(f"/ingestion_requests/{started.json()['id']}").json()["status"]
            if status not in ("requested", "started", "in_progress"):
                return
            time.sleep(0.02)
        raise AssertionError("ingestion did not finish")


def _uploaded(
    server: LocalCrucible, connect: Connect, dataset: str, tmp_path: Path, name: str, size: int
) -> tuple[str, bytes]:
    data = os.urandom(size)
    source = tmp_path / "src" / name.replace("/", "_")
    source.parent.mkdir(exist_ok=True)
    source.write_bytes(data)
    api, clients = connect()
    record = upload_file_multipart(api, clients.storage, dataset, source, filename=name)
    _ingest(server, record.mfid)
    return record.mfid, data


def test_dataset_download_writes_verified_files_without_the_key(
    server: LocalCrucible, connect: Connect, dataset: str, tmp_path: Path
) -> None:
    _, first = _uploaded(server, connect, dataset, tmp_path, "raw/a.bin", 200_000)
    _, second = _uploaded(server, connect, dataset, tmp_path, "b.bin", 1234)
    api, clients = connect()
    out = tmp_path / "out"
    server.clear_storage_log()
    written = download_dataset_v3(api, clients.storage, dataset, out, workers=2)
    assert sorted(p.relative_to(out.resolve()).as_posix() for p in written) == [
        "b.bin",
        "raw/a.bin",
    ]
    assert (out / "raw" / "a.bin").read_bytes() == first
    assert (out / "b.bin").read_bytes() == second
    assert len(server.storage_log) == 2
    assert not any(entry.had_authorization for entry in server.storage_log)
    assert sorted(p.name for p in out.iterdir()) == ["b.bin", "raw"]  # no partial left behind


def test_single_file_by_mfid_and_a_corrupt_transfer_keeps_the_old_file(
    server: LocalCrucible, connect: Connect, dataset: str, tmp_path: Path
) -> None:
    mfid, data = _uploaded(server, connect, dataset, tmp_path, "one.bin", 5000)
    api, clients = connect()
    out = tmp_path / "out"
    path = download_file_v3(api, clients.storage, mfid, out)
    assert path.read_bytes() == data
    path.write_bytes(b"my good copy")
    server.faults.add("corrupt", times=None, method="GET", path_prefix="/storage", offset=7)
    with pytest.raises(TransferError, match="SHA-256"):
        download_file_v3(api, clients.storage, mfid, out)
    assert path.read_bytes() == b"my good copy"
    assert [p.name for p in out.iterdir()] == ["one.bin"]


def test_nothing_ingested_means_nothing_written_and_no_link_is_not_found(
    connect: Connect, dataset: str, tmp_path: Path
) -> None:
    api, clients = connect()
    source = tmp_path / "x.bin"
    source.write_bytes(b"not ingested")
    record = upload_file_multipart(api, clients.storage, dataset, source)
    assert download_dataset_v3(api, clients.storage, dataset, tmp_path / "out") == []
    with pytest.raises(NotFoundError):
        download_file_v3(api, clients.storage, record.mfid, tmp_path / "out")
