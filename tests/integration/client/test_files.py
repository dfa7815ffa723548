"""Uploads, downloads, associated files and thumbnails through the client."""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path

import pytest

from pycrucible import CrucibleClient, NotFoundError, UploadedFile
from pycrucible._demo import make_png
from pycrucible.testing import LocalCrucible


def write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def test_upload_one_and_several(user: CrucibleClient, dataset: str, tmp_path: Path) -> None:
    one = write(tmp_path / "one.dat", b"1" * 5000)
    first = user.upload_dataset(dataset, one)
    assert isinstance(first[0], UploadedFile)
    assert (first[0].name, first[0].size) == ("one.dat", 5000)
    assert first[0].sha256 == hashlib.sha256(one.read_bytes()).hexdigest()
    more = [write(tmp_path / "a.txt", b"aa"), write(tmp_path / "b.txt", b"bbb")]
    assert [u.name for u in user.upload_dataset(dataset, more)] == ["a.txt", "b.txt"]
    recorded = {Path(f["filename"]).name: f for f in user.get_associated_files(dataset)}
    assert set(recorded) == {"one.dat", "a.txt", "b.txt"}
    assert recorded["b.txt"]["size"] == 3


def test_upload_progress_is_reported(user: CrucibleClient, dataset: str, tmp_path: Path) -> None:
    data = write(tmp_path / "p.bin", b"p" * 70_000)
    seen: list[tuple[str, int, int | None]] = []
    user.upload_dataset(dataset, data, progress=lambda *event: seen.append(event))
    assert seen
    assert seen[-1][1:] == (70_000, 70_000)


def test_resumable_flow_for_large_files(
    server: LocalCrucible, user: CrucibleClient, dataset: str, tmp_path: Path
) -> None:
    data = write(tmp_path / "big.bin", bytes(range(256)) * 4096)  # 1 MiB
    with CrucibleClient(
        server.url,
        server.user_key,
        state_dir=tmp_path / "state",
        resumable_threshold=512 * 1024,
        upload_chunk_size=256 * 1024,
    ) as small_chunks:
        uploaded = small_chunks.upload_dataset(dataset, data)
    assert uploaded[0].method == "resumable"
    again = user.upload_dataset(dataset, data)
    assert again[0].method in ("existing", "multipart")


def test_download_everything_and_one_file(
    server: LocalCrucible, user: CrucibleClient, dataset: str, tmp_path: Path
) -> None:
    files = [write(tmp_path / "up" / f"f{i}.dat", bytes([i]) * 1000) for i in range(3)]
    user.upload_dataset(dataset, files)
    server.clear_storage_log()
    out = tmp_path / "down"
    paths = user.download_dataset(dataset, output_dir=out)
    assert sorted(p.name for p in paths) == ["f0.dat", "f1.dat", "f2.dat"]
    assert all(p.read_bytes() == (tmp_path / "up" / p.name).read_bytes() for p in paths)
    assert all(p.is_relative_to(out) for p in paths)
    assert server.storage_log
    assert not any(entry.had_authorization for entry in server.storage_log)
    (out_one := tmp_path / "one").mkdir()
    only = user.download_dataset(dataset, "f1.dat", out_one)
    assert [p.name for p in only] == ["f1.dat"]
    only[0].write_bytes(b"local edit")
    user.download_dataset(dataset, "f1.dat", out_one, overwrite_existing=False)
    assert only[0].read_bytes() == b"local edit"
    user.download_dataset(dataset, "f1.dat", out_one, overwrite_existing=True)
    assert only[0].read_bytes() == bytes([1]) * 1000
    with pytest.raises(NotFoundError):
        user.download_dataset(dataset, "nope.dat", out_one)


def test_download_links(user: CrucibleClient, dataset: str, tmp_path: Path) -> None:
    user.upload_dataset(dataset, write(tmp_path / "l.dat", b"link"))
    links = user.get_dataset_download_links(dataset)
    assert list(links) == [f"{dataset}/l.dat"]
    assert "signature=" in links[f"{dataset}/l.dat"]


def test_add_associated_file(user: CrucibleClient, dataset: str, tmp_path: Path) -> None:
    local = write(tmp_path / "side.csv", b"a,b\n1,2\n")
    record = user.add_associated_file(dataset, local)
    assert record["filename"] == "side.csv"
    assert record["sha256_hash"] == hashlib.sha256(local.read_bytes()).hexdigest()
    elsewhere = user.add_associated_file(dataset, "large-files/run9.h5", 123, "ab" * 32)
    assert (elsewhere["filename"], elsewhere["size"]) == ("large-files/run9.h5", 123)
    names = {f["filename"] for f in user.get_associated_files(dataset)}
    assert {"side.csv", "large-files/run9.h5"} <= names


def test_thumbnails(user: CrucibleClient, dataset: str, tmp_path: Path) -> None:
    image = make_png(tmp_path / "preview.png")
    made = user.add_thumbnail(dataset, image)
    assert made["thumbnail_name"] == "preview.png"
    user.add_thumbnail(dataset, image.read_bytes(), "again.png")
    thumbs = user.get_thumbnails(dataset)
    assert [t["thumbnail_name"] for t in thumbs] == ["preview.png", "again.png"]
    assert base64.b64decode(thumbs[0]["thumbnail_b64str"]) == image.read_bytes()
