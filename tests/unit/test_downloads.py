"""Downloads against an in-memory fake of the API and a signed-URL storage host (no sockets)."""

from __future__ import annotations

import hashlib
import logging
import re
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from pycrucible._http import HttpClients, build_clients
from pycrucible._transfers.downloads import MAX_ATTEMPTS, download_files
from pycrucible._transport import RetryPolicy
from pycrucible.errors import NotFoundError, TransferError

API = "http://crucible.test/api"
STORAGE = "http://storage.test"
KEY = "test-key-0123456789"
TOKEN = "SIGNATURE-abcdef123456"
DS = "0tbgdataset01"
KIB = 1024


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def content(name: str, size: int) -> bytes:
    block = hashlib.sha256(name.encode()).digest()
    return (block * (size // len(block) + 1))[:size]


class BreakingStream(httpx.SyncByteStream):
    """A response body that stops with a connection error after `limit` bytes."""

    def __init__(self, data: bytes, limit: int) -> None:
        self.data, self.limit = data, limit

    def __iter__(self) -> Iterator[bytes]:
        for start in range(0, self.limit, 16 * KIB):
            yield self.data[start : min(start + 16 * KIB, self.limit)]
        raise httpx.ReadError("connection reset by peer")


class FakeServer:
    """Dataset files, their records, signed links, and a storage host with fault injection."""

    def __init__(self) -> None:
        self.files: dict[str, bytes] = {}
        self.records: list[dict[str, Any]] = []
        self.extra_links: dict[str, str] = {}
        self.log: list[tuple[str, dict[str, str]]] = []
        self.honour_range = True
        self.faults: dict[str, list[str]] = {}  # file -> faults, one per request
        self.persistent: dict[str, str] = {}
        self.barrier: threading.Barrier | None = None
        self.lock = threading.Lock()

    def add(self, name: str, data: bytes, *, record: bool = True, **overrides: Any) -> None:
        self.files[name] = data
        if record:
            entry = {
                "filename": f"api-uploads/{DS}/{name}",
                "size": len(data),
                "sha256_hash": sha(data),
            }
            entry.update(overrides)
            self.records.append(entry)

    def __call__(self, request: httpx.Request) -> httpx.Response:
        with self.lock:
            self.log.append((str(request.url), dict(request.headers)))
        if request.url.host == "storage.test":
            assert "authorization" not in request.headers
            assert request.url.params["token"] == TOKEN
            return self.serve(request, request.url.path.removeprefix("/signed/"))
        assert request.headers["authorization"] == f"Bearer {KEY}"
        path = request.url.path.removeprefix("/api")
        if path == f"/datasets/{DS}/download_links":
            links = {f"{DS}/{n}": f"{STORAGE}/signed/{n}?token={TOKEN}" for n in self.files}
            if not links and not self.extra_links:
                return httpx.Response(404, json={"detail": "No files found"})
            return httpx.Response(200, json={**links, **self.extra_links})
        if path == f"/datasets/{DS}/associated_files":
            return httpx.Response(200, json=self.records)
        prefix = f"/datasets/{DS}/download/"
        if path.startswith(prefix):
            return self.serve(request, path.removeprefix(prefix))
        return httpx.Response(404, json={"detail": "not found"})

    def serve(self, request: httpx.Request, name: str) -> httpx.Response:
        if self.barrier is not None:
            self.barrier.wait()
        data = self.files.get(name)
        if data is None:
            return httpx.Response(404, json={"detail": "no such file"})
        with self.lock:
            queue = self.faults.get(name, [])
            fault = queue.pop(0) if queue else self.persistent.get(name)
        start = 0
        status = 200
        headers: dict[str, str] = {}
        wanted = request.headers.get("range")
        if wanted and self.honour_range:
            match = re.fullmatch(r"bytes=(\d+)-", wanted)
            assert match is not None
            start = int(match.group(1))
            if start >= len(data):
                return httpx.Response(416, json={"detail": "range not satisfiable"})
            status = 206
            headers["Content-Range"] = f"bytes {start}-{len(data) - 1}/{len(data)}"
        body = data[start:]
        headers["Content-Length"] = str(len(body))
        if fault == "truncate":
            return httpx.Response(status, headers=headers, content=body[: len(body) // 2])
        if fault == "corrupt":
            return httpx.Response(status, headers=headers, content=bytes([body[0] ^ 1]) + body[1:])
        if fault == "drop-at-zero":
            return httpx.Response(status, headers=headers, stream=BreakingStream(body, 0))
        if fault == "drop":
            return httpx.Response(
                status, headers=headers, stream=BreakingStream(body, len(body) // 2)
            )
        return httpx.Response(status, headers=headers, content=body)

    def storage_requests(self) -> list[tuple[str, dict[str, str]]]:
        return [(url, h) for url, h in self.log if url.startswith(STORAGE)]


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
        transport=httpx.MockTransport(server),
    )
    yield made
    made.close()


def download(clients: HttpClients, out: Path, **kwargs: Any) -> list[Path]:
    options: dict[str, Any] = {"file_name": None, "output_dir": out, "overwrite_existing": True}
    options.update(kwargs)
    return download_files(clients.api, clients.storage, DS, **options)


def leftovers(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


# -- happy paths -------------------------------------------------------------------------------


def test_all_files_are_verified_and_keep_subfolders(
    clients: HttpClients, server: FakeServer, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="pycrucible")
    server.add("a.bin", content("a", 300 * KIB))
    server.add("raw/scan.h5", content("scan", 5000))
    server.add("notes.txt", b"hello")
    out = tmp_path / "out"

    paths = download(clients, out)

    assert paths == [out / "a.bin", out / "notes.txt", out / "raw" / "scan.h5"]
    for name, data in server.files.items():
        assert (out / name).read_bytes() == data
    assert leftovers(out) == ["a.bin", "notes.txt", "raw/scan.h5"]
    assert len(server.storage_requests()) == 3
    assert all("authorization" not in h for _, h in server.storage_requests())
    assert TOKEN not in caplog.text


def test_one_named_file_comes_from_the_api(
    clients: HttpClients, server: FakeServer, tmp_path: Path
) -> None:
    server.add("a.bin", content("a", 2000))
    server.add("b.bin", content("b", 2000))
    [path] = download(clients, tmp_path, file_name="b.bin")
    assert path == tmp_path / "b.bin"
    assert path.read_bytes() == server.files["b.bin"]
    assert not server.storage_requests()
    assert any(url.endswith(f"/datasets/{DS}/download/b.bin") for url, _ in server.log)


def test_files_without_records_are_checked_by_length_only(
    clients: HttpClients, server: FakeServer, tmp_path: Path
) -> None:
    server.add("derived.png", b"png-bytes", record=False)
    [path] = download(clients, tmp_path)
    assert path.read_bytes() == b"png-bytes"


def test_many_files_download_in_parallel(
    clients: HttpClients, server: FakeServer, tmp_path: Path
) -> None:
    for i in range(24):
        server.add(f"f{i:02d}.bin", content(f"f{i}", 3000 + i))
    # The first two requests wait for each other: a sequential download would break the barrier.
    barrier = threading.Barrier(2, timeout=10)
    calls = {"n": 0}
    original = server.serve

    def serve(request: httpx.Request, name: str) -> httpx.Response:
        with server.lock:
            calls["n"] += 1
            first_two = calls["n"] <= 2
        if first_two:
            barrier.wait()
        return original(request, name)

    server.serve = serve  # type: ignore[method-assign]
    paths = download(clients, tmp_path, max_workers=4)
    assert len(paths) == 24
    assert all(p.read_bytes() == server.files[p.name] for p in paths)


def test_progress_is_reported_per_file(
    clients: HttpClients, server: FakeServer, tmp_path: Path
) -> None:
    server.add("a.bin", content("a", 3 * 1024 * KIB))
    calls: list[tuple[str, int, int | None]] = []
    download(clients, tmp_path, progress=lambda *a: calls.append(a))
    size = 3 * 1024 * KIB
    assert calls[0] == ("a.bin", 0, size)
    assert calls[-1] == ("a.bin", size, size)
    assert len(calls) <= 6


# -- failures leave nothing behind ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("fault", "message"), [("truncate", "stopped short"), ("corrupt", "SHA-256")]
)
def test_bad_transfers_write_nothing(
    clients: HttpClients, server: FakeServer, tmp_path: Path, fault: str, message: str
) -> None:
    server.add("a.bin", content("a", 100 * KIB))
    server.persistent["a.bin"] = fault
    with pytest.raises(TransferError, match=message):
        download(clients, tmp_path)
    assert not (tmp_path / "a.bin").exists()


@pytest.mark.parametrize("fault", ["truncate", "corrupt", "drop"])
def test_bad_transfers_never_touch_an_existing_file(
    clients: HttpClients, server: FakeServer, tmp_path: Path, fault: str
) -> None:
    server.add("a.bin", content("a", 100 * KIB))
    server.persistent["a.bin"] = fault
    (tmp_path / "a.bin").write_bytes(b"my precious older version")
    with pytest.raises(TransferError):
        download(clients, tmp_path, overwrite_existing=True)
    assert (tmp_path / "a.bin").read_bytes() == b"my precious older version"


def test_corrupt_download_discards_the_partial_file(
    clients: HttpClients, server: FakeServer, tmp_path: Path
) -> None:
    server.add("a.bin", content("a", 100 * KIB))
    server.persistent["a.bin"] = "corrupt"
    with pytest.raises(TransferError):
        download(clients, tmp_path)
    assert leftovers(tmp_path) == []


def test_size_disagreeing_with_the_record_is_an_error(
    clients: HttpClients, server: FakeServer, tmp_path: Path
) -> None:
    server.add("a.bin", content("a", 1000), size=999)
    with pytest.raises(TransferError, match="more than the 999 bytes"):
        download(clients, tmp_path)
    assert leftovers(tmp_path) == []


def test_failures_in_parallel_are_all_reported(
    clients: HttpClients, server: FakeServer, tmp_path: Path
) -> None:
    for name in ("a.bin", "b.bin", "c.bin"):
        server.add(name, content(name, 5000))
    server.persistent["a.bin"] = "corrupt"
    server.persistent["c.bin"] = "corrupt"
    with pytest.raises(TransferError, match=r"a\.bin") as caught:
        download(clients, tmp_path)
    assert any("c.bin" in note for note in caught.value.__notes__)
    assert (tmp_path / "b.bin").read_bytes() == server.files["b.bin"]


def test_dataset_without_files_gives_an_empty_list(
    clients: HttpClients, server: FakeServer, tmp_path: Path
) -> None:
    assert download(clients, tmp_path / "out") == []
    assert not (tmp_path / "out").exists()


def test_recorded_but_unstored_files_raise_not_found(
    clients: HttpClients, server: FakeServer, tmp_path: Path
) -> None:
    server.records.append({"filename": "a.bin", "size": 1, "sha256_hash": None})
    with pytest.raises(NotFoundError):
        download(clients, tmp_path)


def test_missing_file_raises_the_api_error(
    clients: HttpClients, server: FakeServer, tmp_path: Path
) -> None:
    with pytest.raises(NotFoundError):
        download(clients, tmp_path, file_name="nope.bin")
    assert leftovers(tmp_path) == []


# -- resume --------------------------------------------------------------------------------------


def test_a_leftover_partial_file_is_neither_resumed_nor_touched(
    clients: HttpClients, server: FakeServer, tmp_path: Path
) -> None:
    data = content("a", 200 * KIB)
    server.add("a.bin", data)
    (tmp_path / ".a.bin.part").write_bytes(data[: 70 * KIB])
    [path] = download(clients, tmp_path)
    assert path.read_bytes() == data
    [(_, headers)] = server.storage_requests()
    assert "range" not in headers
    assert (tmp_path / ".a.bin.part").read_bytes() == data[: 70 * KIB]
    assert leftovers(tmp_path) == [".a.bin.part", "a.bin"]


def test_partial_file_is_replaced_when_the_server_ignores_ranges(
    clients: HttpClients, server: FakeServer, tmp_path: Path
) -> None:
    data = content("a", 200 * KIB)
    server.add("a.bin", data)
    server.honour_range = False
    (tmp_path / ".a.bin.part").write_bytes(b"x" * 1000)
    [path] = download(clients, tmp_path)
    assert path.read_bytes() == data


def test_oversized_partial_file_starts_over(
    clients: HttpClients, server: FakeServer, tmp_path: Path
) -> None:
    data = content("a", 1000)
    server.add("a.bin", data)
    (tmp_path / ".a.bin.part").write_bytes(b"x" * 5000)  # the server answers 416
    [path] = download(clients, tmp_path)
    assert path.read_bytes() == data


def test_dropped_connection_resumes_in_the_same_call(
    clients: HttpClients, server: FakeServer, sleeps: list[float], tmp_path: Path
) -> None:
    data = content("a", 300 * KIB)
    server.add("a.bin", data)
    server.faults["a.bin"] = ["drop"]
    [path] = download(clients, tmp_path)
    assert path.read_bytes() == data
    ranges = [h.get("range") for _, h in server.storage_requests()]
    assert ranges == [None, f"bytes={150 * KIB}-"]
    assert len(sleeps) == 1


def test_a_line_that_keeps_dropping_without_ranges_restarts_once_then_gives_up(
    clients: HttpClients, server: FakeServer, sleeps: list[float], tmp_path: Path
) -> None:
    server.add("a.bin", content("a", 64))
    server.persistent["a.bin"] = "drop"
    server.honour_range = False  # every attempt delivers the same first half
    with pytest.raises(TransferError, match="does not honour range requests"):
        download(clients, tmp_path)
    assert len(server.storage_requests()) == 3  # first try, one restart, then the refusal
    assert leftovers(tmp_path) == []


def test_a_line_that_keeps_dropping_at_the_same_byte_gives_up(
    clients: HttpClients, server: FakeServer, sleeps: list[float], tmp_path: Path
) -> None:
    server.add("a.bin", content("a", 64))
    server.persistent["a.bin"] = "drop-at-zero"
    with pytest.raises(TransferError, match="run it again"):
        download(clients, tmp_path)
    assert len(server.storage_requests()) == MAX_ATTEMPTS
    assert leftovers(tmp_path) == []


def test_a_failed_call_leaves_nothing_and_the_next_call_starts_over(
    clients: HttpClients, server: FakeServer, tmp_path: Path
) -> None:
    data = content("a", 100 * KIB)
    server.add("a.bin", data)
    server.faults["a.bin"] = ["truncate"]
    with pytest.raises(TransferError):
        download(clients, tmp_path)
    assert leftovers(tmp_path) == []
    assert list(tmp_path.iterdir()) == []
    [path] = download(clients, tmp_path)
    assert path.read_bytes() == data
    assert "range" not in server.storage_requests()[-1][1]


# -- existing files ------------------------------------------------------------------------------


def test_existing_file_is_kept_without_overwrite(
    clients: HttpClients, server: FakeServer, tmp_path: Path
) -> None:
    server.add("a.bin", content("a", 1000))
    server.add("b.bin", content("b", 1000))
    (tmp_path / "a.bin").write_bytes(b"local edit")
    paths = download(clients, tmp_path, overwrite_existing=False)
    assert paths == [tmp_path / "a.bin", tmp_path / "b.bin"]
    assert (tmp_path / "a.bin").read_bytes() == b"local edit"
    assert [url for url, _ in server.storage_requests()] == [
        f"{STORAGE}/signed/b.bin?token={TOKEN}"
    ]


def test_up_to_date_file_is_skipped_even_with_overwrite(
    clients: HttpClients, server: FakeServer, tmp_path: Path
) -> None:
    data = content("a", 1000)
    server.add("a.bin", data)
    (tmp_path / "a.bin").write_bytes(data)
    download(clients, tmp_path, overwrite_existing=True)
    assert not server.storage_requests()


def test_stale_file_is_replaced_with_overwrite(
    clients: HttpClients, server: FakeServer, tmp_path: Path
) -> None:
    data = content("a", 1000)
    server.add("a.bin", data)
    (tmp_path / "a.bin").write_bytes(b"old")
    download(clients, tmp_path, overwrite_existing=True)
    assert (tmp_path / "a.bin").read_bytes() == data


# -- path safety and validation ------------------------------------------------------------------


@pytest.mark.parametrize(
    "key",
    [
        f"{DS}/../x",
        "../x",
        f"{DS}/a/../../x",
        "/etc/passwd",
        f"{DS}//etc/passwd",
        "C:\\x",
        "C:x",
        "a\\..\\b",
        "a\x00b",
        f"{DS}/",
    ],
)
def test_unsafe_names_are_refused_before_anything_is_written(
    clients: HttpClients, server: FakeServer, tmp_path: Path, key: str
) -> None:
    server.add("good.bin", b"fine")
    server.extra_links[key] = f"{STORAGE}/signed/good.bin?token={TOKEN}"
    out = tmp_path / "out"
    with pytest.raises(TransferError, match=r"unsafe|outside"):
        download(clients, out)
    assert not out.exists()
    assert not server.storage_requests()
    assert leftovers(tmp_path) == []


def test_symlink_out_of_the_output_folder_is_refused(
    clients: HttpClients, server: FakeServer, tmp_path: Path
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    out = tmp_path / "out"
    out.mkdir()
    (out / "sub").symlink_to(outside)
    server.add("sub/x.bin", b"data")
    with pytest.raises(TransferError, match="outside"):
        download(clients, out)
    assert not list(outside.iterdir())


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
    ("dsid", "kwargs"),
    [
        ("", {}),
        ("a/b", {}),
        (DS, {"max_workers": 0}),
        (DS, {"file_name": "../x"}),
        (DS, {"file_name": "/etc/passwd"}),
        (DS, {"file_name": "C:\\x"}),
        (DS, {"file_name": ""}),
    ],
)
def test_bad_arguments_send_nothing(
    silent_clients: HttpClients, tmp_path: Path, dsid: str, kwargs: dict[str, Any]
) -> None:
    options: dict[str, Any] = {
        "file_name": None,
        "output_dir": tmp_path,
        "overwrite_existing": False,
    }
    options.update(kwargs)
    with pytest.raises(ValueError, match=r"dataset id|max_workers|unsafe"):
        download_files(silent_clients.api, silent_clients.storage, dsid, **options)


def test_output_dir_that_is_a_file_is_refused(silent_clients: HttpClients, tmp_path: Path) -> None:
    (tmp_path / "f").write_text("x")
    with pytest.raises(ValueError, match="not a folder"):
        download_files(
            silent_clients.api,
            silent_clients.storage,
            DS,
            file_name=None,
            output_dir=tmp_path / "f",
            overwrite_existing=False,
        )
