"""Uploads against an in-memory fake of the upload endpoints (no sockets).

The fake transport hands each request to the handler *unread*, so the handler sees the body
the way a server would: as the chunks httpx streams, and it can drop the connection midway.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from pycrucible._http import HttpClients, build_clients
from pycrucible._transfers.resumable import MAX_FAILURES, offset_from_response
from pycrucible._transfers.uploads import UploadedFile, upload_files
from pycrucible._transport import RetryPolicy
from pycrucible.errors import TransferError, UnexpectedResponseError

API = "http://crucible.test/api"
STORAGE = "http://storage.test"
KEY = "test-key-0123456789"
DS = "0tbgdataset01"
KIB = 1024
MIB = 1024 * 1024
QUANTUM = 256 * KIB


class LazyTransport(httpx.BaseTransport):
    """Like `httpx.MockTransport`, but leaves the request body for the handler to read."""

    def __init__(self, handler: Callable[[httpx.Request], httpx.Response]) -> None:
        self.handler = handler

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        return self.handler(request)


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def parse_multipart(body: bytes, content_type: str) -> list[tuple[str, bytes]]:
    boundary = content_type.split("boundary=", 1)[1].encode()
    parts = []
    for raw in body.split(b"--" + boundary)[1:-1]:
        head, _, data = raw[2:].partition(b"\r\n\r\n")
        match = re.search(rb'filename="([^"]*)"', head)
        assert match is not None
        parts.append((match.group(1).decode(), data[:-2]))
    return parts


class FakeServer:
    """The upload half of Crucible, in memory."""

    def __init__(self) -> None:
        self.records: list[dict[str, Any]] = []
        self.sessions: dict[str, dict[str, Any]] = {}
        self.log: list[tuple[str, str, dict[str, str]]] = []
        self.chunk_sizes: list[list[int]] = []
        # Fault injection for chunk PUTs, one entry per chunk request: "ok", a status to answer
        # with, or ("drop", offset): the connection drops once the body passes that byte.
        self.chunk_faults: list[str | int | tuple[str, int]] = []
        self.persistent_drop_at: int | None = None
        self.record_sha_override: str | None = None
        self.corrupt_session = False
        self.counter = 0

    def json(self, status: int, body: Any, **headers: str) -> httpx.Response:
        return httpx.Response(status, json=body, headers=headers)

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.log.append((request.method, str(request.url), dict(request.headers)))
        if request.url.host == "storage.test":
            return self.chunk(request)
        assert request.headers["authorization"] == f"Bearer {KEY}"
        path = request.url.path.removeprefix("/api")
        if path == f"/datasets/{DS}/upload" and request.method == "POST":
            return self.multipart(request)
        if path == f"/datasets/{DS}/associated_files" and request.method == "GET":
            return self.json(200, self.records)
        if path == f"/datasets/{DS}/upload/initiate":
            return self.initiate(json.loads(request.read()))
        if path == f"/datasets/{DS}/upload/complete":
            return self.complete(json.loads(request.read()))
        return self.json(404, {"detail": f"no route {request.method} {path}"})

    def multipart(self, request: httpx.Request) -> httpx.Response:
        sizes = [len(chunk) for chunk in request.stream]  # type: ignore[union-attr]
        self.chunk_sizes.append(sizes)
        body = b"".join(request.stream)  # type: ignore[union-attr]
        assert len(body) == int(request.headers["content-length"])
        stored = []
        for name, data in parse_multipart(body, request.headers["content-type"]):
            path = f"api-uploads/{DS}/{name}"
            digest = self.record_sha_override or sha(data)
            self.records.append({"filename": path, "size": len(data), "sha256_hash": digest})
            stored.append(path)
        return self.json(200, stored)

    def initiate(self, body: dict[str, Any]) -> httpx.Response:
        for record in self.records:
            if record["sha256_hash"] == body["sha256_hash"]:
                return self.json(200, {"upload_id": "none", "existing_file": record})
        self.counter += 1
        sid = f"s{self.counter}"
        self.sessions[sid] = {**body, "data": bytearray()}
        uri = f"{STORAGE}/uploads/{sid}"
        return self.json(200, {"upload_id": sid, "resumable_uri": uri, "existing_file": None})

    def complete(self, body: dict[str, Any]) -> httpx.Response:
        session = self.sessions.get(body["upload_id"])
        if session is None:
            return self.json(404, {"detail": "no such upload"})
        if len(session["data"]) < session["size"]:
            return self.json(409, {"detail": "bytes missing"})
        if sha(bytes(session["data"])) != body["sha256_hash"]:
            del self.sessions[body["upload_id"]]
            return self.json(400, {"detail": "sha256 mismatch"})
        del self.sessions[body["upload_id"]]
        record = {
            "filename": f"large-files/{DS}/{session['filename']}",
            "size": session["size"],
            "sha256_hash": session["sha256_hash"],
        }
        self.records.append(record)
        return self.json(200, record)

    def progress(self, sid: str, session: dict[str, Any]) -> httpx.Response:
        stored = len(session["data"])
        if stored >= session["size"]:
            return self.json(
                200, {"upload_id": sid, "received": stored, "size": stored, "complete": True}
            )
        headers = {"Range": f"bytes=0-{stored - 1}"} if stored else {}
        return httpx.Response(308, headers=headers)

    def chunk(self, request: httpx.Request) -> httpx.Response:
        assert "authorization" not in request.headers
        sid = request.url.path.rsplit("/", 1)[-1]
        session = self.sessions.get(sid)
        if session is None:
            return self.json(404, {"detail": "no such upload"})
        content_range = request.headers["content-range"]
        if content_range.startswith("bytes */"):
            request.read()
            return self.progress(sid, session)
        match = re.fullmatch(r"bytes (\d+)-(\d+)/(\d+)", content_range)
        assert match is not None
        start, end = int(match.group(1)), int(match.group(2))
        if start > len(session["data"]):
            return self.json(400, {"detail": "chunk starts after the stored end"})
        fault = self.chunk_faults.pop(0) if self.chunk_faults else None
        if isinstance(fault, int):
            return self.json(fault, {"detail": "storage hiccup"})
        drop_at = fault[1] if isinstance(fault, tuple) else self.persistent_drop_at
        received = bytearray()
        for block in request.stream:  # type: ignore[union-attr]
            received += block
            if drop_at is not None and start + len(received) > drop_at:
                # The server keeps what it got, rounded down to 256 KiB, then the line drops.
                kept = max(0, (drop_at // QUANTUM) * QUANTUM - start)
                del session["data"][start:]
                session["data"] += received[:kept]
                raise httpx.RemoteProtocolError("connection dropped")
        assert len(received) == end - start + 1 == int(request.headers["content-length"])
        del session["data"][start:]
        session["data"] += received
        if self.corrupt_session:
            session["data"][0] ^= 0xFF
            self.corrupt_session = False
        return self.progress(sid, session)


@pytest.fixture
def server() -> FakeServer:
    return FakeServer()


@pytest.fixture
def sleeps() -> list[float]:
    return []


@pytest.fixture
def clients(server: FakeServer, sleeps: list[float]) -> Iterator[HttpClients]:
    made = build_clients(
        API,
        KEY,
        timeout=httpx.Timeout(5.0),
        transfer_timeout=httpx.Timeout(30.0),
        policy=RetryPolicy(sleep=sleeps.append),
        transport=LazyTransport(server),
    )
    yield made
    made.close()


def make_file(folder: Path, name: str, size: int, seed: int = 1) -> Path:
    path = folder / name
    block = hashlib.sha256(f"{name}{seed}".encode()).digest() * 2048  # 64 KiB
    with path.open("wb") as handle:
        left = size
        while left:
            piece = block[: min(len(block), left)]
            handle.write(piece)
            left -= len(piece)
    return path


def upload(
    clients: HttpClients, paths: list[Path], tmp_path: Path, **kwargs: Any
) -> list[UploadedFile]:
    options: dict[str, Any] = {
        "resumable_threshold": MIB,
        "chunk_size": QUANTUM,
        "state_dir": tmp_path / "state",
    }
    options.update(kwargs)
    return upload_files(clients.api, clients.storage, DS, paths, **options)


def requests_to(server: FakeServer, fragment: str, method: str | None = None) -> list[str]:
    return [url for m, url, _ in server.log if fragment in url and (method is None or m == method)]


# -- multipart ---------------------------------------------------------------------------------


def test_small_files_are_sent_once_each_and_streamed(
    clients: HttpClients, server: FakeServer, tmp_path: Path
) -> None:
    a = make_file(tmp_path, "a.bin", 300 * KIB)
    b = make_file(tmp_path, "b.txt", 10)
    results = upload(clients, [a, b], tmp_path)

    assert len(requests_to(server, "/upload", "POST")) == 2
    assert [r.method for r in results] == ["multipart", "multipart"]
    assert results[0] == UploadedFile(
        a, "a.bin", 300 * KIB, sha(a.read_bytes()), f"api-uploads/{DS}/a.bin", "multipart"
    )
    assert results[1].sha256 == sha(b.read_bytes())
    # Each POST carries exactly its own file, and the body arrived as 64 KiB pieces read from
    # the file (a pre-buffered body would be one block of the whole size).
    big = server.chunk_sizes[0]
    assert len(big) > 4
    assert max(big) <= 64 * KIB + 512
    assert [r["filename"] for r in server.records] == [
        f"api-uploads/{DS}/a.bin",
        f"api-uploads/{DS}/b.txt",
    ]


def test_multipart_checksum_mismatch_is_an_error(
    clients: HttpClients, server: FakeServer, tmp_path: Path
) -> None:
    server.record_sha_override = "0" * 64
    with pytest.raises(TransferError, match="SHA-256"):
        upload(clients, [make_file(tmp_path, "a.bin", 1000)], tmp_path)


def test_multipart_without_recorded_hash_is_accepted(
    clients: HttpClients, server: FakeServer, tmp_path: Path
) -> None:
    server.record_sha_override = None
    path = make_file(tmp_path, "a.bin", 1000)
    original = server.multipart

    def no_hash(request: httpx.Request) -> httpx.Response:
        response = original(request)
        for record in server.records:
            record["sha256_hash"] = None
        return response

    server.multipart = no_hash  # type: ignore[method-assign]
    assert upload(clients, [path], tmp_path)[0].sha256 == sha(path.read_bytes())


def test_retried_multipart_post_is_hashed_once_from_the_start(
    clients: HttpClients, server: FakeServer, sleeps: list[float], tmp_path: Path
) -> None:
    path = make_file(tmp_path, "a.bin", 200 * KIB)
    original = server.multipart
    answers = iter([503])

    def busy_once(request: httpx.Request) -> httpx.Response:
        status = next(answers, None)
        if status is not None:
            request.read()  # the whole body went out before the server said no
            return server.json(status, {"detail": "busy"})
        return original(request)

    server.multipart = busy_once  # type: ignore[method-assign]
    [result] = upload(clients, [path], tmp_path)
    assert len(requests_to(server, "/upload", "POST")) == 2
    assert len(sleeps) == 1
    assert result.sha256 == sha(path.read_bytes())


def test_empty_file_goes_multipart_even_with_zero_threshold(
    clients: HttpClients, server: FakeServer, tmp_path: Path
) -> None:
    path = make_file(tmp_path, "empty", 0)
    result = upload(clients, [path], tmp_path, resumable_threshold=0)
    assert result[0].method == "multipart"
    assert result[0].sha256 == sha(b"")


# -- resumable ---------------------------------------------------------------------------------


def test_resumable_upload_sends_chunks_without_the_key(
    clients: HttpClients, server: FakeServer, tmp_path: Path
) -> None:
    path = make_file(tmp_path, "big.h5", MIB + 100)
    [result] = upload(clients, [path], tmp_path)

    assert result.method == "resumable"
    assert result.sha256 == sha(path.read_bytes())
    assert result.server_path == f"large-files/{DS}/big.h5"
    chunk_requests = [h for _, url, h in server.log if url.startswith(STORAGE)]
    assert len(chunk_requests) == 5
    assert all("authorization" not in h for h in chunk_requests)
    assert [h["content-range"] for h in chunk_requests][
        -1
    ] == f"bytes {4 * QUANTUM}-{MIB + 99}/{MIB + 100}"
    assert not list((tmp_path / "state").glob("*.json"))


def test_dropped_connection_resumes_from_the_servers_offset(
    clients: HttpClients, server: FakeServer, sleeps: list[float], tmp_path: Path
) -> None:
    path = make_file(tmp_path, "big.h5", 3 * MIB)
    server.chunk_faults = [("drop", 2 * MIB + 100 * KIB)]  # drop the connection past this byte
    [result] = upload(clients, [path], tmp_path, chunk_size=3 * MIB)

    assert result.method == "resumable"
    ranges = [h.get("content-range") for _, url, h in server.log if url.startswith(STORAGE)]
    # One 3 MiB chunk dropped after 2 MiB + 100 KiB; the server kept 2 MiB; the client asked and
    # continued from there.
    assert ranges == [
        f"bytes 0-{3 * MIB - 1}/{3 * MIB}",
        f"bytes */{3 * MIB}",
        f"bytes {2 * MIB}-{3 * MIB - 1}/{3 * MIB}",
    ]
    assert len(sleeps) == 1
    assert not server.sessions  # completed


def test_progress_query_without_range_restarts_at_zero(
    clients: HttpClients, server: FakeServer, tmp_path: Path
) -> None:
    path = make_file(tmp_path, "big.h5", 2 * MIB)
    server.chunk_faults = [("drop", 100 * KIB)]  # dropped before 256 KiB arrived: nothing kept
    upload(clients, [path], tmp_path, chunk_size=MIB)
    ranges = [h.get("content-range") for _, url, h in server.log if url.startswith(STORAGE)]
    assert ranges[:3] == [
        f"bytes 0-{MIB - 1}/{2 * MIB}",
        f"bytes */{2 * MIB}",
        f"bytes 0-{MIB - 1}/{2 * MIB}",
    ]


def test_server_errors_mid_upload_are_retried(
    clients: HttpClients, server: FakeServer, tmp_path: Path
) -> None:
    path = make_file(tmp_path, "big.h5", MIB)
    server.chunk_faults = ["ok", 503, 500]  # second chunk: two server errors in a row
    [result] = upload(clients, [path], tmp_path)
    assert result.sha256 == sha(path.read_bytes())


def test_offset_parsing() -> None:
    request = httpx.Request("PUT", f"{STORAGE}/uploads/x")
    assert offset_from_response(httpx.Response(308, request=request), 100) == 0
    assert (
        offset_from_response(
            httpx.Response(308, headers={"Range": "bytes=0-41"}, request=request), 100
        )
        == 42
    )
    assert offset_from_response(httpx.Response(200, request=request), 100) == 100
    assert offset_from_response(httpx.Response(201, request=request), 100) == 100
    with pytest.raises(UnexpectedResponseError):
        offset_from_response(
            httpx.Response(308, headers={"Range": "bytes=5-9"}, request=request), 100
        )
    with pytest.raises(UnexpectedResponseError):
        offset_from_response(httpx.Response(204, request=request), 100)


def test_gives_up_after_bounded_failures_and_keeps_state(
    clients: HttpClients, server: FakeServer, sleeps: list[float], tmp_path: Path
) -> None:
    path = make_file(tmp_path, "big.h5", 2 * MIB)
    server.persistent_drop_at = MIB + 10
    with pytest.raises(TransferError, match="run it again to resume"):
        upload(clients, [path], tmp_path)
    assert len(sleeps) == MAX_FAILURES - 1
    [state_file] = (tmp_path / "state").glob("*.json")
    assert stat.S_IMODE(state_file.stat().st_mode) == 0o600
    state = json.loads(state_file.read_text())
    assert state["upload_id"] == "s1"
    assert state["resumable_uri"] == f"{STORAGE}/uploads/s1"
    assert state["sha256"] == sha(path.read_bytes())
    assert state["path"] == str(path)
    assert KEY not in state_file.read_text()


def test_a_server_that_stores_nothing_is_given_up_on(
    clients: HttpClients, server: FakeServer, sleeps: list[float], tmp_path: Path
) -> None:
    path = make_file(tmp_path, "big.h5", 2 * MIB)

    def stores_nothing(request: httpx.Request) -> httpx.Response:
        request.read()
        return httpx.Response(308)

    server.chunk = stores_nothing  # type: ignore[method-assign]
    with pytest.raises(TransferError, match="accepts no bytes past 0"):
        upload(clients, [path], tmp_path)
    assert len(requests_to(server, STORAGE)) == MAX_FAILURES
    assert len(sleeps) == MAX_FAILURES - 1


def test_state_file_resumes_in_a_later_call(
    clients: HttpClients, server: FakeServer, tmp_path: Path
) -> None:
    path = make_file(tmp_path, "big.h5", 2 * MIB)
    server.persistent_drop_at = MIB + 10
    with pytest.raises(TransferError):
        upload(clients, [path], tmp_path)
    assert len(server.sessions["s1"]["data"]) == MIB
    server.persistent_drop_at = None
    server.log.clear()

    [result] = upload(clients, [path], tmp_path)

    assert result.method == "resumable"
    assert not requests_to(server, "/upload/initiate")  # the saved session was used
    ranges = [h.get("content-range") for _, url, h in server.log if url.startswith(STORAGE)]
    assert ranges[0] == f"bytes */{2 * MIB}"
    assert ranges[1] == f"bytes {MIB}-{MIB + QUANTUM - 1}/{2 * MIB}"
    assert not list((tmp_path / "state").glob("*.json"))


def test_lost_session_starts_over(clients: HttpClients, server: FakeServer, tmp_path: Path) -> None:
    path = make_file(tmp_path, "big.h5", 2 * MIB)
    server.persistent_drop_at = MIB + 10
    with pytest.raises(TransferError):
        upload(clients, [path], tmp_path)
    server.persistent_drop_at = None
    server.sessions.clear()  # expired on the server
    server.log.clear()

    [result] = upload(clients, [path], tmp_path)

    assert result.method == "resumable"
    assert len(requests_to(server, "/upload/initiate")) == 1
    ranges = [h.get("content-range") for _, url, h in server.log if url.startswith(STORAGE)]
    assert ranges[0] == f"bytes */{2 * MIB}"  # asked, got 404
    assert ranges[1].startswith("bytes 0-")


def test_changed_file_ignores_old_state(
    clients: HttpClients, server: FakeServer, tmp_path: Path
) -> None:
    path = make_file(tmp_path, "big.h5", 2 * MIB)
    server.persistent_drop_at = MIB + 10
    with pytest.raises(TransferError):
        upload(clients, [path], tmp_path)
    server.persistent_drop_at = None
    make_file(tmp_path, "big.h5", 2 * MIB, seed=2)
    os.utime(path, ns=(1, 1))
    [result] = upload(clients, [path], tmp_path)
    assert result.sha256 == sha(path.read_bytes())
    assert len(requests_to(server, "/upload/initiate")) == 2


def test_existing_content_is_not_sent_again(
    clients: HttpClients, server: FakeServer, tmp_path: Path
) -> None:
    path = make_file(tmp_path, "big.h5", MIB)
    server.records.append(
        {"filename": f"large-files/{DS}/old.h5", "size": MIB, "sha256_hash": sha(path.read_bytes())}
    )
    calls: list[tuple[str, int, int | None]] = []
    [result] = upload(clients, [path], tmp_path, progress=lambda *a: calls.append(a))
    assert result.method == "existing"
    assert result.server_path == f"large-files/{DS}/old.h5"
    assert not requests_to(server, STORAGE)
    assert calls[-1] == ("big.h5", MIB, MIB)


def test_server_refusing_the_checksum_is_an_error(
    clients: HttpClients, server: FakeServer, tmp_path: Path
) -> None:
    path = make_file(tmp_path, "big.h5", MIB)
    server.corrupt_session = True
    with pytest.raises(TransferError, match="do not match"):
        upload(clients, [path], tmp_path)
    assert not list((tmp_path / "state").glob("*.json"))


def test_progress_is_throttled_and_reaches_the_total(
    clients: HttpClients, server: FakeServer, tmp_path: Path
) -> None:
    small = make_file(tmp_path, "small.bin", 900 * KIB)
    big = make_file(tmp_path, "big.bin", 3 * MIB)
    calls: list[tuple[str, int, int | None]] = []
    upload(clients, [small, big], tmp_path, progress=lambda *a: calls.append(a))
    small_calls = [c for c in calls if c[0] == "small.bin"]
    big_calls = [c for c in calls if c[0] == "big.bin"]
    assert small_calls[0] == ("small.bin", 0, 900 * KIB)
    assert small_calls[-1] == ("small.bin", 900 * KIB, 900 * KIB)
    assert len(small_calls) <= 3
    assert big_calls[-1] == ("big.bin", 3 * MIB, 3 * MIB)
    assert len(big_calls) <= 6
    done = [c[1] for c in big_calls]
    assert done == sorted(done)


# -- validation before the network -------------------------------------------------------------


@pytest.fixture
def silent_clients(sleeps: list[float]) -> Iterator[HttpClients]:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise AssertionError(f"no request expected, got {request.method} {request.url}")

    made = build_clients(
        API,
        KEY,
        timeout=httpx.Timeout(5.0),
        transfer_timeout=httpx.Timeout(5.0),
        policy=RetryPolicy(sleep=sleeps.append),
        transport=httpx.MockTransport(refuse),
    )
    yield made
    made.close()


@pytest.mark.parametrize(
    ("dsid", "kwargs", "error"),
    [
        ("", {}, ValueError),
        ("a/b", {}, ValueError),
        ("  ", {}, ValueError),
        (DS, {"chunk_size": 1000}, ValueError),
        (DS, {"chunk_size": 0}, ValueError),
        (DS, {"chunk_size": -QUANTUM}, ValueError),
        (DS, {"resumable_threshold": -1}, ValueError),
    ],
)
def test_bad_arguments_send_nothing(
    silent_clients: HttpClients, tmp_path: Path, dsid: str, kwargs: dict[str, Any], error: type
) -> None:
    path = make_file(tmp_path, "a.bin", 10)
    with pytest.raises(error):
        upload_files(silent_clients.api, silent_clients.storage, dsid, [path], **kwargs)


def test_bad_paths_send_nothing(silent_clients: HttpClients, tmp_path: Path) -> None:
    api, storage = silent_clients.api, silent_clients.storage
    good = make_file(tmp_path, "a.bin", 10)
    (tmp_path / "sub").mkdir()
    twin = make_file(tmp_path / "sub", "a.bin", 10)
    with pytest.raises(FileNotFoundError):
        upload_files(api, storage, DS, [good, tmp_path / "missing.bin"])
    with pytest.raises(ValueError, match="directory"):
        upload_files(api, storage, DS, [good, tmp_path / "sub"])
    with pytest.raises(ValueError, match="two files named"):
        upload_files(api, storage, DS, [good, twin])
    with pytest.raises(TypeError):
        upload_files(api, storage, DS, str(good))  # type: ignore[arg-type]
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "pipe")
        with pytest.raises(ValueError, match="regular file"):
            upload_files(api, storage, DS, [tmp_path / "pipe"])
    assert upload_files(api, storage, DS, []) == []
