"""The local server's own limits and secrets: body size, private data files."""

from __future__ import annotations

import hashlib
import stat
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from pycrucible.testing import LocalCrucible
from pycrucible.testing._limits import DEFAULT_MAX_JSON_BODY

SMALL_LIMIT = 64 * 1024


def _auth(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


@pytest.fixture(scope="module")
def small() -> Iterator[LocalCrucible]:
    """A server accepting request bodies of at most 64 KiB outside file uploads."""
    with LocalCrucible(worker_delay=None, max_json_body=SMALL_LIMIT) as running:
        yield running


def _dataset(server: LocalCrucible) -> str:
    made = httpx.post(f"{server.url}/datasets", json={}, headers=_auth(server.user_key))
    return str(made.json()["unique_id"])


def test_a_json_body_over_the_default_limit_answers_413_and_is_not_stored(
    server: LocalCrucible,
) -> None:
    dsid = _dataset(server)
    body = b'{"blob": "' + b"x" * DEFAULT_MAX_JSON_BODY + b'"}'
    url = f"{server.url}/datasets/{dsid}/scientific_metadata"
    headers = {**_auth(server.user_key), "Content-Type": "application/json"}
    response = httpx.post(url, content=body, headers=headers, timeout=60)
    assert response.status_code == 413
    assert "too large" in response.json()["detail"]
    assert httpx.get(url, headers=headers).json() is None


def test_a_chunked_body_over_the_limit_answers_413(small: LocalCrucible) -> None:
    dsid = _dataset(small)

    def pieces() -> Iterator[bytes]:  # no Content-Length: sent chunked
        yield b'{"blob": "'
        for _ in range(SMALL_LIMIT // 1024 + 1):
            yield b"x" * 1024
        yield b'"}'

    url = f"{small.url}/datasets/{dsid}/scientific_metadata"
    headers = {**_auth(small.user_key), "Content-Type": "application/json"}
    response = httpx.post(url, content=pieces(), headers=headers)
    assert response.status_code == 413
    under = {"blob": "x" * (SMALL_LIMIT - 100)}
    assert httpx.post(url, json=under, headers=headers).status_code == 200


def test_file_uploads_are_not_limited_by_the_json_body_limit(small: LocalCrucible) -> None:
    dsid = _dataset(small)
    data = bytes(range(256)) * (SMALL_LIMIT // 64)  # 4 x the limit
    headers = _auth(small.user_key)
    upload = httpx.post(
        f"{small.url}/datasets/{dsid}/upload",
        files=[("files", ("big.bin", data, "application/octet-stream"))],
        headers=headers,
    )
    assert upload.status_code == 200, upload.text
    digest = hashlib.sha256(data).hexdigest()
    session = httpx.post(
        f"{small.url}/datasets/{dsid}/upload/initiate",
        json={"filename": "other.bin", "size": len(data) + 1, "sha256_hash": "0" * 64},
        headers=headers,
    ).json()
    chunk = httpx.put(
        session["resumable_uri"],
        content=data,
        headers={"Content-Range": f"bytes 0-{len(data) - 1}/{len(data) + 1}"},
    )
    assert chunk.status_code == 308
    (stored,) = httpx.get(f"{small.url}/datasets/{dsid}/associated_files", headers=headers).json()
    assert stored["sha256_hash"] == digest


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_data_directory_and_database_are_private(tmp_path: Path) -> None:
    data_dir = tmp_path / "fresh"
    with LocalCrucible(data_dir) as running:
        httpx.post(f"{running.url}/datasets", json={}, headers=_auth(running.user_key))
        assert _mode(data_dir) == 0o700
        database = data_dir / "crucible.sqlite3"
        assert _mode(database) == 0o600
        for companion in data_dir.glob("crucible.sqlite3-*"):  # -wal and -shm
            assert _mode(companion) == 0o600, companion


def test_an_existing_world_readable_data_directory_is_made_private(tmp_path: Path) -> None:
    data_dir = tmp_path / "old"
    with LocalCrucible(data_dir):
        pass
    data_dir.chmod(0o755)
    (data_dir / "crucible.sqlite3").chmod(0o644)
    with LocalCrucible(data_dir):
        assert _mode(data_dir) == 0o700
        assert _mode(data_dir / "crucible.sqlite3") == 0o600
