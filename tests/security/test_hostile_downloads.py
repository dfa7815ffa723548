"""Downloads against a hostile storage server on the loopback interface (issue 18, items 1-4).

* A gzip bomb on a signed link is refused (`Content-Encoding` that was not asked for); nothing
  is written.
* A server that ignores `Range` and drops every connection, each time a little further, is
  followed from the start once, then refused; one that sends past the recorded size is cut off;
  one that drops at the same byte every time is given up on after `MAX_ATTEMPTS`.
* A dataset holding both `x` and `.x.part` downloads both correctly, one at a time and in
  parallel.
* A planted `.x.part` hard link to an outside file is never written through.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import re
import socket
from collections.abc import Callable
from pathlib import Path

import pytest
from _hostile import (
    DSID,
    KEY,
    HostileServer,
    Request,
    file_record,
    head,
    send,
    send_json,
)

from pycrucible import CrucibleClient, TransferError
from pycrucible._transfers.downloads import MAX_ATTEMPTS

KIB = 1024
MIB = 1024 * KIB
StorageHandler = Callable[[Request, socket.socket, str], None]


@pytest.fixture(autouse=True)
def _no_user_settings(clean_env: Path) -> None:
    """No CRUCIBLE_* settings of the machine reach these clients."""


def _dataset_server(
    records: list[dict[str, object]], names: list[str], storage: StorageHandler, **kwargs: int
) -> HostileServer:
    """The API routes a download needs, and `storage` for `/storage/<name>`."""

    def handler(request: Request, conn: socket.socket) -> None:
        if request.path == f"/datasets/{DSID}/associated_files":
            send_json(conn, records)
        elif request.path.startswith(f"/datasets/{DSID}/download_links"):
            send_json(conn, {f"{DSID}/{name}": f"/storage/{name}" for name in names})
        elif request.path.startswith("/storage/"):
            storage(request, conn, request.path.removeprefix("/storage/"))
        else:
            send_json(conn, {"detail": "Not Found"}, status=404)

    return HostileServer(handler, **kwargs)


def _download(server: HostileServer, out: Path, *, max_workers: int = 8) -> list[Path]:
    """Downloads every file of the dataset, `max_workers` at a time."""
    with CrucibleClient(
        api_url=server.url,
        api_key=KEY,
        max_retries=0,
        sleep=lambda s: None,
        download_workers=max_workers,
    ) as c:
        return c.download_dataset(DSID, output_dir=out)


def _storage_requests(server: HostileServer) -> list[Request]:
    return [r for r in server.requests if r.path.startswith("/storage/")]


def _everything_in(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


# -- item 1: a compressed bomb on a signed link -------------------------------------------------


def test_a_gzip_bomb_on_a_signed_link_is_refused_and_nothing_is_written(tmp_path: Path) -> None:
    bomb = gzip.compress(b"\0" * 32 * MIB)

    def storage(request: Request, conn: socket.socket, name: str) -> None:
        send(conn, 200, bomb, {"Content-Encoding": "gzip"})

    out = tmp_path / "out"
    with (
        _dataset_server([], ["scan.h5"], storage) as server,
        pytest.raises(TransferError, match="Content-Encoding 'gzip'"),
    ):
        _download(server, out)
    assert _storage_requests(server)[0].headers["accept-encoding"] == "identity"
    assert _everything_in(out) == []


# -- item 2: the retry limit holds --------------------------------------------------------------


def test_a_server_ignoring_range_and_dropping_further_each_time_is_refused(
    tmp_path: Path,
) -> None:
    data = os.urandom(64 * KIB)
    served = [0]

    def storage(request: Request, conn: socket.socket, name: str) -> None:
        served[0] += 1  # ignores Range; each attempt gets 4 KiB further than the one before
        conn.sendall(head(200, length=len(data)) + data[: 4 * KIB * served[0]])

    out = tmp_path / "out"
    with (
        _dataset_server([file_record("a.bin", data)], ["a.bin"], storage) as server,
        pytest.raises(TransferError, match="does not honour range requests"),
    ):
        _download(server, out)
    ranges = [r.headers.get("range") for r in _storage_requests(server)]
    assert ranges == [None, "bytes=4096-", "bytes=8192-"]
    assert _everything_in(out) == []


def test_a_server_sending_past_the_recorded_size_is_cut_off(tmp_path: Path) -> None:
    data = os.urandom(8 * KIB)
    record = file_record("a.bin", data)

    def storage(request: Request, conn: socket.socket, name: str) -> None:
        match = re.fullmatch(r"bytes=(\d+)-", request.headers.get("range", "bytes=0-"))
        assert match is not None
        start = int(match.group(1))
        total = 1024 * MIB  # claims a much larger file, sends 4 KiB per connection, drops
        headers = {"Content-Range": f"bytes {start}-{total - 1}/{total}"}
        conn.sendall(head(206 if start else 200, headers, length=total - start))
        conn.sendall(os.urandom(4 * KIB))

    out = tmp_path / "out"
    with (
        _dataset_server([record], ["a.bin"], storage) as server,
        pytest.raises(TransferError, match="more than the 8192 bytes"),
    ):
        _download(server, out)
    assert len(_storage_requests(server)) == 3  # 4 KiB, 4 KiB, then the excess is refused
    assert _everything_in(out) == []


def test_a_server_dropping_at_the_same_byte_is_given_up_on(tmp_path: Path) -> None:
    data = os.urandom(16 * KIB)

    def storage(request: Request, conn: socket.socket, name: str) -> None:
        if "range" in request.headers:
            start = int(request.headers["range"].removeprefix("bytes=").rstrip("-"))
            headers = {"Content-Range": f"bytes {start}-{len(data) - 1}/{len(data)}"}
            conn.sendall(head(206, headers, length=len(data) - start))
        else:
            conn.sendall(head(200, length=len(data)) + data[: 2 * KIB])

    out = tmp_path / "out"
    with (
        _dataset_server([file_record("a.bin", data)], ["a.bin"], storage) as server,
        pytest.raises(TransferError, match=f"broke off {MAX_ATTEMPTS} times"),
    ):
        _download(server, out)
    assert len(_storage_requests(server)) == MAX_ATTEMPTS
    assert _everything_in(out) == []


# -- items 3 and 4: partial files never collide, never open what exists -------------------------


def _honest_storage(files: dict[str, bytes]) -> StorageHandler:
    def storage(request: Request, conn: socket.socket, name: str) -> None:
        send(conn, 200, files[name])

    return storage


@pytest.mark.parametrize("workers", [1, 8])
def test_a_dataset_holding_x_and_its_old_partial_name_downloads_both(
    tmp_path: Path, workers: int
) -> None:
    files = {f"f{i}.bin": os.urandom(64 * KIB + i) for i in range(4)}
    files |= {f".f{i}.bin.part": os.urandom(32 * KIB + i) for i in range(4)}
    records = [file_record(name, data) for name, data in files.items()]
    out = tmp_path / "out"
    with _dataset_server(records, sorted(files), _honest_storage(files)) as server:
        paths = _download(server, out, max_workers=workers)
    assert sorted(p.name for p in paths) == sorted(files)
    for path in paths:
        assert (
            hashlib.sha256(path.read_bytes()).hexdigest()
            == file_record(path.name, files[path.name])["sha256_hash"]
        )
    assert _everything_in(out) == sorted(files)  # and no hidden folder left behind


def test_a_planted_partial_hard_link_is_never_written_through(tmp_path: Path) -> None:
    data = os.urandom(48 * KIB)
    victim = tmp_path / "victim.txt"
    victim.write_bytes(b"precious outside file")
    out = tmp_path / "out"
    out.mkdir()
    os.link(victim, out / ".scan.h5.part")
    files = {"scan.h5": data}
    with _dataset_server([file_record("scan.h5", data)], ["scan.h5"], _honest_storage(files)) as s:
        [path] = _download(s, out)
    assert path.read_bytes() == data
    assert victim.read_bytes() == b"precious outside file"
    assert "range" not in _storage_requests(s)[0].headers  # the planted file was not resumed
    assert _everything_in(out) == [".scan.h5.part", "scan.h5"]
