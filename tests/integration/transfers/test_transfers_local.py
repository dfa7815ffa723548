"""The transfer engine over real HTTP against the local Crucible server.

Small thresholds (1 MiB) and few-MiB files keep this fast while exercising both upload paths.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

pytest.importorskip("uvicorn")

from pycrucible import CrucibleClient
from pycrucible._http import HttpClients, build_clients
from pycrucible._transfers.downloads import download_files
from pycrucible._transfers.uploads import UploadedFile, upload_files
from pycrucible._transport import RetryPolicy
from pycrucible.errors import TransferError
from pycrucible.testing import LocalCrucible

MIB = 1024 * 1024


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def make_file(folder: Path, name: str, size: int) -> Path:
    block = hashlib.sha256(name.encode()).digest() * 2048
    path = folder / name
    with path.open("wb") as handle:
        left = size
        while left:
            piece = block[: min(left, len(block))]
            handle.write(piece)
            left -= len(piece)
    return path


@pytest.fixture(scope="module")
def server() -> Iterator[LocalCrucible]:
    with LocalCrucible(worker_delay=None) as running:
        yield running


@pytest.fixture
def clients(server: LocalCrucible) -> Iterator[HttpClients]:
    made = build_clients(
        server.url,
        server.user_key,
        timeout=httpx.Timeout(10.0),
        transfer_timeout=httpx.Timeout(30.0),
        policy=RetryPolicy(sleep=lambda seconds: None),
    )
    yield made
    made.close()
    server.faults.clear()
    server.clear_storage_log()


@pytest.fixture
def dsid(server: LocalCrucible, tmp_path: Path) -> str:
    with CrucibleClient(
        api_url=server.url, api_key=server.user_key, state_dir=tmp_path / "client-state"
    ) as client:
        dataset = client.create_dataset(dataset_name="transfer test")
    return str(dataset["unique_id"])


def upload(
    clients: HttpClients, dsid: str, paths: list[Path], state: Path, **kwargs: Any
) -> list[UploadedFile]:
    return upload_files(
        clients.api,
        clients.storage,
        dsid,
        paths,
        resumable_threshold=MIB,
        chunk_size=MIB,
        state_dir=state,
        **kwargs,
    )


def download(clients: HttpClients, dsid: str, out: Path, **kwargs: Any) -> list[Path]:
    options: dict[str, Any] = {"file_name": None, "output_dir": out, "overwrite_existing": True}
    options.update(kwargs)
    return download_files(clients.api, clients.storage, dsid, **options)


def test_round_trip_small_and_large(
    server: LocalCrucible, clients: HttpClients, dsid: str, tmp_path: Path
) -> None:
    src = tmp_path / "src"
    src.mkdir()
    files = [
        make_file(src, "notes.txt", 1000),
        make_file(src, "image.tif", 300 * 1024),
        make_file(src, "scan.h5", 3 * MIB + 17),
    ]
    results = upload(clients, dsid, files, tmp_path / "state")
    assert [r.method for r in results] == ["multipart", "multipart", "resumable"]
    assert [r.sha256 for r in results] == [sha(f.read_bytes()) for f in files]

    out = tmp_path / "out"
    paths = download(clients, dsid, out)
    assert sorted(p.name for p in paths) == ["image.tif", "notes.txt", "scan.h5"]
    for path in paths:
        assert path.read_bytes() == (src / path.name).read_bytes()
    assert server.storage_log
    assert not any(entry.had_authorization for entry in server.storage_log)
    assert not list((tmp_path / "state").glob("*.json"))

    [single] = download(clients, dsid, tmp_path / "one", file_name="scan.h5")
    assert single.read_bytes() == files[2].read_bytes()


def test_same_content_is_not_uploaded_twice(
    clients: HttpClients, dsid: str, tmp_path: Path
) -> None:
    path = make_file(tmp_path, "scan.h5", 2 * MIB)
    assert upload(clients, dsid, [path], tmp_path / "state")[0].method == "resumable"
    assert upload(clients, dsid, [path], tmp_path / "state")[0].method == "existing"


def test_upload_continues_after_a_dropped_connection(
    server: LocalCrucible, clients: HttpClients, dsid: str, tmp_path: Path
) -> None:
    path = make_file(tmp_path, "scan.h5", 4 * MIB)
    rule = server.faults.add("drop", method="PUT", path_prefix="/uploads/", times=1)
    [result] = upload(clients, dsid, [path], tmp_path / "state")
    assert rule.consumed == 1
    assert result.method == "resumable"
    assert result.sha256 == sha(path.read_bytes())
    [downloaded] = download(clients, dsid, tmp_path / "out")
    assert downloaded.read_bytes() == path.read_bytes()


def test_upload_resumes_in_a_later_run(
    server: LocalCrucible, clients: HttpClients, dsid: str, tmp_path: Path
) -> None:
    path = make_file(tmp_path, "scan.h5", 4 * MIB)
    state = tmp_path / "state"

    def cut_the_line(name: str, done: int, total: int | None) -> None:
        if done >= 2 * MIB and not server.faults.faults:
            server.faults.add("drop", method="PUT", path_prefix="/uploads/", times=None)

    with pytest.raises(TransferError, match="run it again"):
        upload(clients, dsid, [path], state, progress=cut_the_line)
    assert len(list(state.glob("*.json"))) == 1
    assert server.count("upload_sessions", version="v1") == 1
    server.faults.clear()

    calls: list[tuple[str, int, int | None]] = []
    [result] = upload(clients, dsid, [path], state, progress=lambda *a: calls.append(a))

    assert result.method == "resumable"
    # Continued from the server's offset, not from zero (1 MiB or 2 MiB: the fault may or may
    # not catch the chunk in flight when it is added); the first report says where it starts.
    assert calls[0][1] >= MIB
    assert all(done >= calls[0][1] for _, done, _ in calls)
    assert server.count("upload_sessions", version="v1") == 0  # the first one was completed
    assert not list(state.glob("*.json"))
    [downloaded] = download(clients, dsid, tmp_path / "out")
    assert downloaded.read_bytes() == path.read_bytes()


def test_parallel_download_of_many_files(
    server: LocalCrucible, clients: HttpClients, dsid: str, tmp_path: Path
) -> None:
    src = tmp_path / "src"
    src.mkdir()
    files = [make_file(src, f"frame_{i:02d}.bin", 20_000 + i) for i in range(16)]
    upload(clients, dsid, files, tmp_path / "state")
    paths = download(clients, dsid, tmp_path / "out", max_workers=6)
    assert len(paths) == 16
    assert all(p.read_bytes() == (src / p.name).read_bytes() for p in paths)
    assert len(server.storage_log) == 16
    assert not any(entry.had_authorization for entry in server.storage_log)


def test_corrupted_download_is_refused(
    server: LocalCrucible, clients: HttpClients, dsid: str, tmp_path: Path
) -> None:
    path = make_file(tmp_path, "scan.h5", 200_000)
    upload(clients, dsid, [path], tmp_path / "state")
    out = tmp_path / "out"
    out.mkdir()
    (out / "scan.h5").write_bytes(b"older copy")
    server.faults.add("corrupt", offset=12345, path_prefix="/storage/")
    with pytest.raises(TransferError, match="SHA-256"):
        download(clients, dsid, out)
    assert (out / "scan.h5").read_bytes() == b"older copy"
    assert sorted(p.name for p in out.iterdir()) == ["scan.h5"]


def test_truncated_download_resumes_with_a_range_request(
    server: LocalCrucible, clients: HttpClients, dsid: str, tmp_path: Path
) -> None:
    path = make_file(tmp_path, "scan.h5", 3 * MIB)
    upload(clients, dsid, [path], tmp_path / "state")
    rule = server.faults.add("truncate", after_bytes=MIB, path_prefix="/storage/")
    [downloaded] = download(clients, dsid, tmp_path / "out")
    assert rule.consumed == 1
    assert downloaded.read_bytes() == path.read_bytes()
    assert [entry.status for entry in server.storage_log][-1] == 206


def test_dataset_without_files_downloads_nothing(
    clients: HttpClients, dsid: str, tmp_path: Path
) -> None:
    assert download(clients, dsid, tmp_path / "out") == []


class Listener:
    """A progress callback object that also hears the checksum pass."""

    def __init__(self) -> None:
        self.events: list[tuple[str, str, int]] = []

    def __call__(self, name: str, done: int, total: int | None) -> None:
        self.events.append(("sent", name, done))

    def hashing(self, name: str, done: int, total: int | None) -> None:
        self.events.append(("hashed", name, done))


def test_a_large_upload_reports_its_checksum_pass_first(
    clients: HttpClients, dsid: str, tmp_path: Path
) -> None:
    path = make_file(tmp_path, "scan.h5", 3 * MIB)
    listener = Listener()
    upload(clients, dsid, [path], tmp_path / "state", progress=listener)
    kinds = [kind for kind, _, _ in listener.events]
    first_sent = kinds.index("sent")
    assert set(kinds[:first_sent]) == {"hashed"}  # the whole checksum pass comes first
    assert listener.events[first_sent - 1] == ("hashed", "scan.h5", 3 * MIB)
    assert listener.events[first_sent] == ("sent", "scan.h5", 0)
    assert "hashed" not in kinds[first_sent:]
    assert listener.events[-1] == ("sent", "scan.h5", 3 * MIB)
