"""The v3 signed multipart engine over HTTP against the local server."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest
from crucible_openapi.v3 import AuthenticatedClient

from pycrucible._http import HttpClients
from pycrucible._transfers.calls_v3 import idempotency_key
from pycrucible._transfers.multipart_v3 import (
    FilenameExistsError,
    MultipartSettings,
    _initiate,
    digest_file,
    replace_file_multipart,
    upload_file_multipart,
)
from pycrucible._transfers.resumable_v3 import upload_file_v3
from pycrucible.errors import APIConnectionError, APIStatusError
from pycrucible.testing import LocalCrucible

PART_SIZE = 64 * 1024  # the part size the conftest sets on the server
Connect = Callable[[], tuple[AuthenticatedClient, HttpClients]]


def _file(tmp_path: Path, name: str, size: int) -> tuple[Path, bytes]:
    data = os.urandom(size)
    path = tmp_path / name
    path.write_bytes(data)
    return path, data


def test_parallel_parts_with_crc32c_and_no_key_to_storage(
    server: LocalCrucible, connect: Connect, dataset: str, tmp_path: Path
) -> None:
    path, data = _file(tmp_path, "scan.h5", 5 * PART_SIZE + 77)
    api, clients = connect()
    server.clear_storage_log()
    record = upload_file_multipart(
        api,
        clients.storage,
        dataset,
        path,
        filename="raw/scan.h5",
        settings=MultipartSettings(workers=4, guess_part_size=PART_SIZE),
    )
    assert (record.filename, record.size) == ("raw/scan.h5", len(data))
    assert record.sha256_hash == hashlib.sha256(data).hexdigest()
    puts = server.storage_log
    assert len(puts) == 6  # every part once: the storage stand-in checked each part's CRC32C
    assert all(entry.status == 200 for entry in puts)
    assert not any(entry.had_authorization for entry in puts)


def test_server_part_size_differs_from_guess(
    connect: Connect, dataset: str, tmp_path: Path
) -> None:
    path, data = _file(tmp_path, "b.bin", 3 * PART_SIZE)
    api, clients = connect()
    record = upload_file_multipart(
        api, clients.storage, dataset, path, settings=MultipartSettings(guess_part_size=1000)
    )
    assert record.sha256_hash == hashlib.sha256(data).hexdigest()


def test_same_content_is_not_sent_twice(
    server: LocalCrucible, connect: Connect, dataset: str, tmp_path: Path
) -> None:
    path, _ = _file(tmp_path, "d.bin", 2 * PART_SIZE)
    api, clients = connect()
    first = upload_file_multipart(api, clients.storage, dataset, path)
    server.clear_storage_log()
    again = upload_file_multipart(api, clients.storage, dataset, path)
    assert again.mfid == first.mfid
    assert server.storage_log == []


def test_other_content_under_a_taken_name_is_a_clear_error(
    connect: Connect, dataset: str, tmp_path: Path
) -> None:
    api, clients = connect()
    path, _ = _file(tmp_path, "n.bin", 100)
    first = upload_file_multipart(api, clients.storage, dataset, path)
    path.write_bytes(b"other content")
    with pytest.raises(FilenameExistsError) as caught:
        upload_file_multipart(api, clients.storage, dataset, path)
    assert caught.value.file_mfid == first.mfid
    assert caught.value.etag
    replaced = replace_file_multipart(
        api, clients.storage, first.mfid, path, etag=caught.value.etag
    )
    assert replaced.mfid == first.mfid
    assert replaced.sha256_hash == hashlib.sha256(b"other content").hexdigest()
    path.write_bytes(b"third content")
    with pytest.raises(APIStatusError) as stale:  # the old ETag no longer matches
        replace_file_multipart(api, clients.storage, first.mfid, path, etag=caught.value.etag)
    assert stale.value.status_code == 412


def test_interrupted_upload_resumes_from_a_new_client(
    server: LocalCrucible, connect: Connect, dataset: str, tmp_path: Path
) -> None:
    path, data = _file(tmp_path, "r.bin", 4 * PART_SIZE + 5)
    settings = MultipartSettings(state_dir=tmp_path / "state", guess_part_size=PART_SIZE)
    api, clients = connect()
    server.faults.add(
        "drop",
        times=None,
        method="POST",
        path_prefix=f"/api/v3/datasets/{dataset}/upload/multipart/complete",
    )
    server.clear_storage_log()
    with pytest.raises(APIConnectionError):
        upload_file_multipart(api, clients.storage, dataset, path, settings=settings)
    assert len(server.storage_log) == 5
    state = list((tmp_path / "state").iterdir())
    assert len(state) == 1
    assert state[0].stat().st_mode & 0o077 == 0
    assert server.user_key not in state[0].read_text()
    server.faults.clear()
    server.clear_storage_log()
    api2, clients2 = connect()  # a new client object, same state folder
    record = upload_file_multipart(api2, clients2.storage, dataset, path, settings=settings)
    assert server.storage_log == []  # every part was acknowledged: none sent again
    assert record.sha256_hash == hashlib.sha256(data).hexdigest()
    assert list((tmp_path / "state").iterdir()) == []


def test_multipart_disabled_falls_back_to_a_resumable_session(
    server: LocalCrucible, connect: Connect, dataset: str, tmp_path: Path
) -> None:
    with httpx.Client(base_url=server.url, timeout=10) as control:
        control.headers["Authorization"] = f"Bearer {server.admin_key}"
        answer = control.put("/_control/uploads", json={"multipart_enabled": False})
        assert answer.status_code == 200, answer.text
    path, data = _file(tmp_path, "fallback.bin", 3 * PART_SIZE + 9)
    api, clients = connect()
    server.clear_storage_log()
    record = upload_file_v3(api, clients.storage, dataset, path)
    assert record.sha256_hash == hashlib.sha256(data).hexdigest()
    assert record.size == len(data)
    assert server.storage_log, "the bytes went to the resumable session URI"
    assert not any(entry.had_authorization for entry in server.storage_log)


def test_a_repeated_initiate_is_the_same_session(
    connect: Connect, dataset: str, tmp_path: Path
) -> None:
    path, _ = _file(tmp_path, "k.bin", 2 * PART_SIZE)
    api, _clients = connect()
    digest = digest_file(path, PART_SIZE)
    key = idempotency_key(dataset, "k.bin", digest)
    first = _initiate(api, dataset, "k.bin", digest, key)
    again = _initiate(api, dataset, "k.bin", digest, key)  # as after a lost answer
    assert isinstance(first.upload_id, str)
    assert again.upload_id == first.upload_id


def test_an_empty_file_goes_through_a_resumable_session(
    server: LocalCrucible, connect: Connect, dataset: str, tmp_path: Path
) -> None:
    # A multipart upload has no parts to sign for 0 bytes: empty files use a session.
    path, data = _file(tmp_path, "empty.bin", 0)
    api, clients = connect()
    server.clear_storage_log()
    record = upload_file_v3(api, clients.storage, dataset, path)
    assert record.size == 0
    assert record.sha256_hash == hashlib.sha256(b"").hexdigest()
    assert data == b""
    assert not any(entry.had_authorization for entry in server.storage_log)
