"""`CrucibleFileSystem` on the seed-era API (v1), over HTTP against the local server."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from pycrucible.errors import TransferError
from pycrucible.fs import CrucibleFileSystem
from pycrucible.testing import LocalCrucible

Fill = Callable[[dict[str, bytes]], str]  # the `fill_v3` / `fill_v1` fixtures


def _names(fs: CrucibleFileSystem, dsid: str) -> list[str]:
    return [name.rsplit("/", 1)[-1] for name in fs.find(dsid)]


def test_ls_info_and_reads(server: LocalCrucible, fs_v1: CrucibleFileSystem, fill_v1: Fill) -> None:
    data = os.urandom(200_000)
    dsid = fill_v1({"a.csv": b"x,y\n1,2\n", "big.bin": data})
    assert _names(fs_v1, dsid) == ["a.csv", "big.bin"]
    path = next(name for name in fs_v1.find(dsid) if name.endswith("big.bin"))
    info = fs_v1.info(path)
    assert info["size"] == len(data)
    assert info["sha256"] == hashlib.sha256(data).hexdigest()
    server.clear_storage_log()
    with fs_v1.open(f"crucible://{path}", block_size=4096) as handle:
        handle.seek(4095)
        assert handle.read(2) == data[4095:4097]
    assert fs_v1.cat_file(path, start=-10) == data[-10:]
    assert server.storage_log
    assert not any(entry.had_authorization for entry in server.storage_log)
    assert fs_v1.links.fetches == 0  # the links came with the listing


def test_glob_and_an_expired_link_renewed(
    server: LocalCrucible, fs_v1: CrucibleFileSystem, fill_v1: Fill
) -> None:
    dsid = fill_v1({"one.csv": b"1", "two.csv": b"22", "three.txt": b"333"})
    found = fs_v1.glob(f"crucible://{dsid}/**/*.csv")
    assert sorted(name.rsplit("/", 1)[-1] for name in found) == ["one.csv", "two.csv"]
    rule = server.faults.add(
        "status", status=403, detail="Signed URL expired", path_prefix="/storage/", times=1
    )
    assert fs_v1.cat_file(found[0]) in (b"1", b"22")
    assert rule.consumed == 1
    assert fs_v1.links.fetches == 1


def test_get_verified(
    server: LocalCrucible, fs_v1: CrucibleFileSystem, fill_v1: Fill, tmp_path: Path
) -> None:
    data = os.urandom(3000)
    dsid = fill_v1({"g.bin": data})
    path = fs_v1.find(dsid)[0]
    target = tmp_path / "g.bin"
    fs_v1.get(path, str(target))
    assert target.read_bytes() == data
    server.faults.add("corrupt", times=None, method="GET", path_prefix="/storage", offset=3)
    with pytest.raises(TransferError):
        fs_v1.get(path, str(target))
    assert target.read_bytes() == data
