"""Uploads and downloads under injected faults, through the public client, over real HTTP.

Matrix (fault → transfer → outcome):

* every storage answer cut short after 1 MiB → download of 3 MiB → completes by range resumes,
  verified.
* every storage answer cut short with no bytes → download → `TransferError`; no file at the
  destination and no partial file left, an existing file of the same name
  untouched; the next call completes.
* every answer corrupted → download of one named file through the API → `TransferError`; no
  file and no partial file left, an existing file untouched.
* chunk PUT processed but its answer lost → resumable upload → completes in the same call,
  one file stored.
* connection cut for good half-way → resumable upload → `TransferError` ("run it again"); the
  next run (a new client) continues from the server's offset; one file stored, no session left.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from _reliability_helpers import MIB, Pauses, make_file, stored_files

from pycrucible import CrucibleClient, TransferError
from pycrucible.testing import LocalCrucible


@pytest.fixture
def small_chunks(server: LocalCrucible, pauses: Pauses, tmp_path: Path) -> Iterator[CrucibleClient]:
    """The normal user's client, taking the resumable path from 1 MiB, in 256 KiB chunks."""
    with CrucibleClient(
        server.url,
        server.user_key,
        state_dir=tmp_path / "state",
        sleep=pauses,
        timeout=10,
        resumable_threshold=MIB,
        upload_chunk_size=256 * 1024,
    ) as made:
        yield made


def _uploaded(client: CrucibleClient, dsid: str, path: Path) -> Path:
    [result] = client.upload_dataset(dsid, path)
    assert result.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    return path


def _one_record(client: CrucibleClient, dsid: str, name: str) -> None:
    records = [f for f in client.get_associated_files(dsid) if f.filename.endswith(name)]
    assert len(records) == 1


# -- downloads -------------------------------------------------------------------------------------


def test_download_completes_when_every_answer_is_cut_short(
    server: LocalCrucible, client: CrucibleClient, dsid: str, tmp_path: Path
) -> None:
    source = _uploaded(client, dsid, make_file(tmp_path / "scan.h5", 3 * MIB + 5))
    rule = server.faults.add("truncate", after_bytes=MIB, times=None, path_prefix="/storage/")
    [path] = client.download_dataset(dsid, output_dir=tmp_path / "out")
    assert path.read_bytes() == source.read_bytes()
    assert rule.consumed == 4  # 1 MiB, 1 MiB, 1 MiB, then the last 5 bytes
    assert [entry.status for entry in server.storage_log] == [200, 206, 206, 206]
    assert sorted(p.name for p in path.parent.iterdir()) == ["scan.h5"]


def test_download_that_never_progresses_leaves_the_destination_alone(
    server: LocalCrucible, client: CrucibleClient, dsid: str, tmp_path: Path
) -> None:
    source = _uploaded(client, dsid, make_file(tmp_path / "scan.h5", 300_000))
    other = _uploaded(client, dsid, make_file(tmp_path / "new.h5", 200_000))
    out = tmp_path / "out"
    out.mkdir()
    (out / "scan.h5").write_bytes(b"an older copy the user keeps")
    rule = server.faults.add("truncate", after_bytes=0, times=None, path_prefix="/storage/")

    with pytest.raises(TransferError, match="run it again"):
        client.download_dataset(dsid, output_dir=out)

    assert rule.consumed >= 4
    assert (out / "scan.h5").read_bytes() == b"an older copy the user keeps"
    assert not (out / "new.h5").exists()
    # No partial file is left behind: the next call starts over.
    assert sorted(p.name for p in out.iterdir()) == ["scan.h5"]
    server.faults.clear()
    paths = client.download_dataset(dsid, output_dir=out)
    assert [p.read_bytes() for p in paths] == [other.read_bytes(), source.read_bytes()]
    assert sorted(p.name for p in out.iterdir()) == ["new.h5", "scan.h5"]


def test_corrupted_download_of_a_named_file_writes_nothing(
    server: LocalCrucible, client: CrucibleClient, dsid: str, tmp_path: Path
) -> None:
    _uploaded(client, dsid, make_file(tmp_path / "scan.h5", 400_000))
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.txt").write_text("unrelated")
    (out / "scan.h5").write_bytes(b"previous version")
    rule = server.faults.add(
        "corrupt", offset=123_456, times=None, path_prefix=f"/datasets/{dsid}/download/"
    )
    with pytest.raises(TransferError, match="corrupt"):
        client.download_dataset(dsid, file_name="scan.h5", output_dir=out)
    assert rule.consumed == 1  # a checksum failure is final: the bytes were all there
    assert (out / "scan.h5").read_bytes() == b"previous version"
    assert sorted(p.name for p in out.iterdir()) == ["notes.txt", "scan.h5"]


# -- uploads ---------------------------------------------------------------------------------------


def test_chunk_whose_answer_is_lost_is_not_stored_twice(
    server: LocalCrucible, small_chunks: CrucibleClient, dsid: str, tmp_path: Path
) -> None:
    source = make_file(tmp_path / "scan.h5", 2 * MIB + 100)
    rule = server.faults.add("drop_after", times=2, method="PUT", path_prefix="/uploads/")
    [result] = small_chunks.upload_dataset(dsid, source)
    assert rule.consumed == 2
    assert result.method == "resumable"
    [stored] = stored_files(server, dsid)
    assert stored.read_bytes() == source.read_bytes()
    _one_record(small_chunks, dsid, "scan.h5")


def test_upload_cut_half_way_resumes_in_the_next_run(
    server: LocalCrucible,
    small_chunks: CrucibleClient,
    dsid: str,
    tmp_path: Path,
    pauses: Pauses,
) -> None:
    source = make_file(tmp_path / "scan.h5", 2 * MIB)

    def cut_at_half(name: str, done: int, total: int | None) -> None:
        if done >= MIB and not server.faults.faults:
            server.faults.add("drop", method="PUT", path_prefix="/uploads/", times=None)

    with pytest.raises(TransferError, match="run it again"):
        small_chunks.upload_dataset(dsid, source, progress=cut_at_half)
    assert server.count("upload_sessions", version="v1") == 1
    assert stored_files(server, dsid) == []
    server.faults.clear()

    seen: list[int] = []
    with CrucibleClient(
        server.url,
        server.user_key,
        state_dir=small_chunks.settings.state_dir,
        sleep=pauses,
        resumable_threshold=MIB,
        upload_chunk_size=256 * 1024,
    ) as next_run:
        [result] = next_run.upload_dataset(
            dsid, source, progress=lambda name, done, total: seen.append(done)
        )
        _one_record(next_run, dsid, "scan.h5")
    assert result.method == "resumable"
    assert seen[1] >= MIB  # continued from the server's offset, not from zero
    assert server.count("upload_sessions", version="v1") == 0
    [stored] = stored_files(server, dsid)
    assert stored.read_bytes() == source.read_bytes()
