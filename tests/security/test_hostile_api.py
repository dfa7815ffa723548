"""API calls against a hostile server on the loopback interface (issue 18, client items 1, 5-7).

* A gzip bomb as the body of `get_dataset` stops at `max_response_bytes` (decoded), while an
  honest compressed answer still reads; an encoding that was not asked for is refused.
* A body that drips one byte at a time, or a server that says nothing, ends with
  `APITimeoutError` at `response_deadline`; an endless chunked body stops at the body bound.
* A 301 or 307 says where it points, never `NotFoundError`, and is not followed (so the key goes
  nowhere else).
* A key shorter than 6 characters, echoed in an error body, is redacted from the exception.
"""

from __future__ import annotations

import gzip
import json
import socket
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from _hostile import DSID, KEY, HostileServer, Request, head, send, send_json

from pycrucible import (
    APIConnectionError,
    APITimeoutError,
    CrucibleClient,
    CrucibleError,
    NotFoundError,
    UnexpectedResponseError,
)

KIB = 1024
MIB = 1024 * KIB
DATASET = {"unique_id": DSID, "dataset_name": "hostile", "public": False}


def _client(url: str, **settings: Any) -> CrucibleClient:
    settings.setdefault("max_retries", 0)
    return CrucibleClient(api_url=url, api_key=settings.pop("api_key", KEY), **settings)


@pytest.fixture(autouse=True)
def _no_user_settings(clean_env: Path) -> None:
    """No CRUCIBLE_* settings of the machine reach these clients."""


# -- item 1: the decoded body is bounded --------------------------------------------------------


def _gzip_json(padding: int) -> bytes:
    document = dict(DATASET, measurement="a" * padding)
    return gzip.compress(json.dumps(document).encode(), compresslevel=9)


def test_a_gzip_bomb_stops_at_the_body_bound() -> None:
    bomb = _gzip_json(4 * MIB)  # about 4 KiB on the wire
    assert len(bomb) < 64 * KIB

    def handler(request: Request, conn: socket.socket) -> None:
        send(conn, 200, bomb, {"Content-Type": "application/json", "Content-Encoding": "gzip"})

    with (
        HostileServer(handler) as server,
        _client(server.url, max_response_bytes=MIB) as client,
        pytest.raises(UnexpectedResponseError, match="max_response_bytes"),
    ):
        client.get_dataset(DSID)
    assert server.requests[0].headers["accept-encoding"] == "gzip, deflate"


def test_an_honest_compressed_answer_below_the_bound_is_read() -> None:
    body = _gzip_json(100 * KIB)

    def handler(request: Request, conn: socket.socket) -> None:
        send(conn, 200, body, {"Content-Type": "application/json", "Content-Encoding": "gzip"})

    with HostileServer(handler) as server, _client(server.url, max_response_bytes=MIB) as client:
        dataset = client.get_dataset(DSID)
    assert dataset.unique_id == DSID
    assert dataset.measurement == "a" * 100 * KIB


def test_an_encoding_that_was_not_asked_for_is_refused() -> None:
    def handler(request: Request, conn: socket.socket) -> None:
        send(conn, 200, b"\x28\xb5\x2f\xfd" + b"\0" * 64, {"Content-Encoding": "zstd"})

    with (
        HostileServer(handler) as server,
        _client(server.url) as client,
        pytest.raises(UnexpectedResponseError, match="Content-Encoding 'zstd'"),
    ):
        client.get_dataset(DSID)


# -- item 5: a deadline for the whole answer ----------------------------------------------------


def test_a_dripping_body_ends_at_the_deadline() -> None:
    body = json.dumps(dict(DATASET, measurement="x" * 400)).encode()
    sent = []

    def handler(request: Request, conn: socket.socket) -> None:
        conn.sendall(head(200, {"Content-Type": "application/json"}, length=len(body)))
        for byte in body:  # one byte every 20 ms: 9 s for the whole body
            conn.sendall(bytes([byte]))
            sent.append(byte)
            time.sleep(0.02)

    with (
        HostileServer(handler) as server,
        _client(server.url, timeout=5, response_deadline=0.3) as client,
        pytest.raises(APITimeoutError, match="response_deadline"),
    ):
        client.get_dataset(DSID)
    assert len(sent) < len(body)


def test_a_status_line_and_headers_that_drip_end_at_the_deadline() -> None:
    answer = head(200, {"Content-Type": "application/json", "X-Padding": "p" * 400}, length=2)
    sent = []

    def handler(request: Request, conn: socket.socket) -> None:
        for byte in answer + b"{}":  # one byte every 20 ms, each well within the read timeout
            conn.sendall(bytes([byte]))
            sent.append(byte)
            time.sleep(0.02)

    with (
        HostileServer(handler) as server,
        _client(server.url, timeout=5, response_deadline=0.3) as client,
        pytest.raises(APITimeoutError, match="response_deadline"),
    ):
        client.get_dataset(DSID)
    assert len(sent) < len(answer)


def test_a_server_that_says_nothing_ends_at_the_deadline() -> None:
    release = threading.Event()

    def handler(request: Request, conn: socket.socket) -> None:
        release.wait(10)  # longer than the read timeout below would allow for
        send_json(conn, DATASET)

    with HostileServer(handler) as server:
        try:
            with (
                _client(server.url, timeout=20, response_deadline=0.3) as client,
                pytest.raises(APITimeoutError),
            ):
                client.get_dataset(DSID)
        finally:
            release.set()


def test_an_endless_chunked_body_stops_at_the_body_bound() -> None:
    sent = [0]
    chunk = b"[" + b"0," * (32 * KIB)

    def handler(request: Request, conn: socket.socket) -> None:
        conn.sendall(
            head(200, {"Content-Type": "application/json", "Transfer-Encoding": "chunked"})
        )
        for _ in range(512):  # up to 32 MiB, then the server gives up
            conn.sendall(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
            sent[0] += len(chunk)

    with (
        HostileServer(handler) as server,
        _client(server.url, max_response_bytes=MIB) as client,
        pytest.raises(UnexpectedResponseError, match="max_response_bytes"),
    ):
        client.list_datasets()
    assert sent[0] < 16 * MIB  # the client hung up long before the server was done


# -- item 6: redirects --------------------------------------------------------------------------


@pytest.mark.parametrize("status", [301, 307])
def test_a_redirect_says_where_it_points_and_is_not_followed(status: int) -> None:
    with HostileServer(lambda r, c: send_json(c, DATASET)) as elsewhere:
        target = f"{elsewhere.url}/moved/datasets/{DSID}"

        def handler(request: Request, conn: socket.socket) -> None:
            send(conn, status, b"", {"Location": target})

        with (
            HostileServer(handler) as server,
            _client(server.url) as client,
            pytest.raises(UnexpectedResponseError) as caught,
        ):
            client.get_dataset(DSID)
    assert not isinstance(caught.value, NotFoundError)
    assert f"redirected ({status}) to {target}" in str(caught.value)
    assert len(server.requests) == 1
    assert elsewhere.requests == []  # the key never went to the other host


def test_a_same_host_redirect_is_reported_too() -> None:
    def handler(request: Request, conn: socket.socket) -> None:
        send(conn, 301, b"", {"Location": f"/v2/datasets/{DSID}"})

    with (
        HostileServer(handler) as server,
        _client(server.url) as client,
        pytest.raises(UnexpectedResponseError, match=r"redirected \(301\) to http://127"),
    ):
        client.get_dataset(DSID)


# -- item 7: every key is redacted, whatever its length -----------------------------------------


@pytest.mark.parametrize("key", ["Zq9", "k3Y!x"])
def test_a_short_key_echoed_in_an_error_is_redacted(key: str) -> None:
    def handler(request: Request, conn: socket.socket) -> None:
        presented = request.headers["authorization"].removeprefix("Bearer ")
        send_json(conn, {"detail": f"unknown api key {presented}"}, status=403)

    with (
        HostileServer(handler) as server,
        _client(server.url, api_key=key) as client,
        pytest.raises(CrucibleError) as caught,
    ):
        client.get_dataset(DSID)
    assert server.requests[0].headers["authorization"] == f"Bearer {key}"
    assert "unknown api key" in str(caught.value)
    assert key not in str(caught.value)
    assert key not in repr(caught.value)


# -- also seen: a multipart upload that lost its connection -------------------------------------


def test_a_lost_multipart_upload_says_running_it_again_is_safe(tmp_path: Path) -> None:
    local = tmp_path / "scan.h5"
    local.write_bytes(b"scan" * 1000)

    def handler(request: Request, conn: socket.socket) -> None:
        conn.shutdown(socket.SHUT_RDWR)  # the body arrived; the answer never comes

    with (
        HostileServer(handler) as server,
        _client(server.url, max_retries=3, sleep=lambda s: None) as client,
        pytest.raises(APIConnectionError) as caught,
    ):
        client.upload_dataset(DSID, local)
    assert "Running it again is safe" in str(caught.value)
    assert "scan.h5" in str(caught.value)
    assert server.paths(f"/datasets/{DSID}/upload") == [f"/datasets/{DSID}/upload"]
