"""Helpers of the v3 file tests: a small signed-multipart client written with plain httpx."""

from __future__ import annotations

import hashlib
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx

from pycrucible.testing._crc32c import crc32c_b64

PART_SIZE = 64 * 1024
V3 = "/api/v3"


def digest(data: bytes) -> tuple[str, str]:
    """SHA-256 hex and base64 CRC32C of some bytes."""
    return hashlib.sha256(data).hexdigest(), crc32c_b64(data)


def initiate(
    client: httpx.Client, dataset: str, name: str, data: bytes, key: str | None = None
) -> httpx.Response:
    """Start a signed multipart upload (with an Idempotency-Key when given)."""
    headers = {} if key is None else {"Idempotency-Key": key}
    sha, _ = digest(data)
    body = {"filename": name, "size": len(data), "sha256_hash": sha}
    return client.post(f"/datasets/{dataset}/upload/multipart/initiate", json=body, headers=headers)


def sign(
    client: httpx.Client, dataset: str, upload_id: str, data: bytes, part_size: int
) -> list[dict[str, Any]]:
    """Sign every part of the bytes, 32 per call."""
    count = -(-len(data) // part_size)
    parts = [
        {"part_number": n, "crc32c": crc32c_b64(data[(n - 1) * part_size : n * part_size])}
        for n in range(1, count + 1)
    ]
    signed: list[dict[str, Any]] = []
    for start in range(0, len(parts), 32):
        response = client.post(
            f"/datasets/{dataset}/upload/multipart/{upload_id}/parts",
            json={"parts": parts[start : start + 32]},
        )
        assert response.status_code == 200, response.text
        signed.extend(response.json()["parts"])
    return signed


def put_parts(storage: httpx.Client, signed: list[dict[str, Any]], data: bytes) -> list[int]:
    """PUT every signed part in parallel (4 threads); return the status codes in order."""

    def put(part: dict[str, Any]) -> int:
        body = data[part["offset"] : part["offset"] + part["size"]]
        return storage.put(part["url"], content=body, headers=part["headers"]).status_code

    with ThreadPoolExecutor(4) as pool:
        return list(pool.map(put, signed))


def complete(client: httpx.Client, dataset: str, upload_id: str, data: bytes) -> httpx.Response:
    """Finish a signed multipart upload with the whole-object SHA-256 and CRC32C."""
    sha, crc = digest(data)
    body = {"upload_id": upload_id, "sha256_hash": sha, "crc32c": crc}
    return client.post(f"/datasets/{dataset}/upload/multipart/complete", json=body)


def wait_terminal(client: httpx.Client, request_id: int, timeout: float = 10.0) -> dict[str, Any]:
    """Poll an ingestion request until it leaves the pending statuses."""
    deadline = time.monotonic() + timeout
    while True:
        found = client.get(f"/ingestion_requests/{request_id}")
        assert found.status_code == 200, found.text
        body = dict(found.json())
        if body["status"] not in ("requested", "started", "in_progress"):
            return body
        assert time.monotonic() < deadline, f"still {body['status']}"
        time.sleep(0.02)


def ingest(client: httpx.Client, file_mfid: str, **params: str) -> dict[str, Any]:
    """Request ingestion of a file and wait for the request to finish."""
    response = client.post(f"/files/{file_mfid}/ingest", params=params)
    assert response.status_code == 200, response.text
    return wait_terminal(client, response.json()["id"])
