"""`CrucibleFileSystem` on API v3, over HTTP against the local server."""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Callable
from pathlib import Path

import fsspec
import pytest

from pycrucible import CrucibleClient
from pycrucible.errors import PermissionDeniedError, TransferError
from pycrucible.fs import CrucibleFileSystem, ReadOnlyFileSystemError
from pycrucible.testing import LocalCrucible

Fill = Callable[[dict[str, bytes]], str]  # the `fill_v3` / `fill_v1` fixtures


BLOCK = 64 * 1024


def test_the_protocol_is_registered_by_the_entry_point() -> None:
    assert fsspec.get_filesystem_class("crucible") is CrucibleFileSystem


def test_ls_info_and_folders(fs_v3: CrucibleFileSystem, fill_v3: Fill) -> None:
    dsid = fill_v3({"a.csv": b"x,y\n1,2\n", "raw/scan.bin": b"\0" * 300, "raw/deep/z.txt": b"z"})
    assert fs_v3.ls(dsid, detail=False) == [f"{dsid}/a.csv", f"{dsid}/raw"]
    assert fs_v3.ls(f"crucible://{dsid}/raw", detail=False) == [
        f"{dsid}/raw/deep",
        f"{dsid}/raw/scan.bin",
    ]
    info = fs_v3.info(f"crucible://{dsid}/raw/scan.bin")
    assert info["type"] == "file"
    assert info["size"] == 300
    assert info["sha256"] == hashlib.sha256(b"\0" * 300).hexdigest()
    assert len(info["file_mfid"]) == 26
    assert fs_v3.info(f"{dsid}/raw")["type"] == "directory"
    assert fs_v3.isdir(dsid)
    assert fs_v3.exists(f"crucible://{dsid}/raw/deep/z.txt")
    assert not fs_v3.exists(f"crucible://{dsid}/nope.txt")
    with pytest.raises(FileNotFoundError):
        fs_v3.ls(f"{dsid}/nope")


def test_the_root_is_not_a_listing_of_datasets(fs_v3: CrucibleFileSystem) -> None:
    with pytest.raises(ValueError, match="list_datasets"):
        fs_v3.ls("crucible://")
    assert fs_v3.info("crucible://")["type"] == "directory"


def test_unknown_dataset_is_file_not_found(fs_v3: CrucibleFileSystem) -> None:
    with pytest.raises(FileNotFoundError):
        fs_v3.ls("crucible://0000000000000000000000000z")


def test_random_access_reads_at_block_edges(fs_v3: CrucibleFileSystem, fill_v3: Fill) -> None:
    data = os.urandom(3 * BLOCK + 17)
    dsid = fill_v3({"big.bin": data})
    with fs_v3.open(f"crucible://{dsid}/big.bin", "rb", block_size=BLOCK) as handle:
        for start, length in [
            (0, 1),
            (BLOCK - 1, 2),
            (BLOCK, BLOCK),
            (2 * BLOCK - 3, BLOCK + 6),
            (3 * BLOCK, 17),
            (3 * BLOCK + 10, 100),
        ]:
            handle.seek(start)
            assert handle.read(length) == data[start : start + length]
        handle.seek(-5, os.SEEK_END)
        assert handle.read() == data[-5:]
    assert (
        fs_v3.cat_file(f"{dsid}/big.bin", start=BLOCK - 2, end=BLOCK + 2)
        == data[BLOCK - 2 : BLOCK + 2]
    )
    assert fs_v3.cat_file(f"{dsid}/big.bin", start=-3) == data[-3:]
    assert fs_v3.cat_file(f"{dsid}/big.bin", start=10, end=10) == b""
    assert fs_v3.cat_file(f"{dsid}/big.bin") == data


def test_cat_ranges_and_glob(fs_v3: CrucibleFileSystem, fill_v3: Fill) -> None:
    dsid = fill_v3({"a.csv": b"0123456789", "b.csv": b"abcdefghij", "c.txt": b"no"})
    assert fs_v3.glob(f"crucible://{dsid}/*.csv") == [f"{dsid}/a.csv", f"{dsid}/b.csv"]
    parts = fs_v3.cat_ranges([f"{dsid}/a.csv", f"{dsid}/b.csv"], [2, 5], [4, 10])
    assert parts == [b"23", b"fghij"]


def test_only_range_requests_reach_storage_and_never_the_key(
    server: LocalCrucible, fs_v3: CrucibleFileSystem, fill_v3: Fill
) -> None:
    data = os.urandom(4 * BLOCK)
    dsid = fill_v3({"r.bin": data})
    server.clear_storage_log()
    with fs_v3.open(f"{dsid}/r.bin", block_size=BLOCK, cache_type="none") as handle:
        handle.seek(2 * BLOCK)
        assert handle.read(10) == data[2 * BLOCK : 2 * BLOCK + 10]
    log = server.storage_log
    assert len(log) == 1
    assert not any(entry.had_authorization for entry in log)


def test_links_are_reused_and_an_expired_one_is_renewed_once(
    server: LocalCrucible, fs_v3: CrucibleFileSystem, fill_v3: Fill
) -> None:
    dsid = fill_v3({"f.bin": b"0123456789"})
    assert fs_v3.cat_file(f"{dsid}/f.bin", 0, 3) == b"012"
    assert fs_v3.cat_file(f"{dsid}/f.bin", 3, 6) == b"345"
    assert fs_v3.links.fetches == 1
    rule = server.faults.add(
        "status", status=403, detail="Signed URL expired", path_prefix="/storage/", times=1
    )
    assert fs_v3.cat_file(f"{dsid}/f.bin", 6, 10) == b"6789"
    assert rule.consumed == 1
    assert fs_v3.links.fetches == 2


def test_a_link_that_stays_refused_raises(
    server: LocalCrucible, fs_v3: CrucibleFileSystem, fill_v3: Fill
) -> None:
    dsid = fill_v3({"f.bin": b"0123456789"})
    server.faults.add(
        "status", status=403, detail="Signed URL expired", path_prefix="/storage/", times=None
    )
    with pytest.raises(PermissionDeniedError):
        fs_v3.cat_file(f"{dsid}/f.bin", 0, 3)
    assert fs_v3.links.fetches == 2


def test_a_link_past_its_expiry_is_renewed_before_use(
    server: LocalCrucible, fs_v3: CrucibleFileSystem, fill_v3: Fill
) -> None:
    dsid = fill_v3({"f.bin": b"0123456789"})
    assert fs_v3.cat_file(f"{dsid}/f.bin", 0, 1) == b"0"
    real = fs_v3.links.clock
    fs_v3.links.clock = lambda: real() + 2 * 3600  # the cached link has expired by now
    server.clear_storage_log()
    assert fs_v3.cat_file(f"{dsid}/f.bin", 1, 2) == b"1"
    assert fs_v3.links.fetches == 2
    assert [entry.status for entry in server.storage_log] == [206]


def test_get_is_verified_and_keeps_a_good_file(
    server: LocalCrucible, fs_v3: CrucibleFileSystem, fill_v3: Fill, tmp_path: Path
) -> None:
    data = os.urandom(5000)
    dsid = fill_v3({"one.bin": data, "sub/two.bin": b"two"})
    target = tmp_path / "out" / "one.bin"
    fs_v3.get(f"crucible://{dsid}/one.bin", str(target))
    assert target.read_bytes() == data
    target.write_bytes(b"my good copy")
    server.faults.add("corrupt", times=None, method="GET", path_prefix="/storage", offset=7)
    with pytest.raises(TransferError, match="SHA-256"):
        fs_v3.get(f"crucible://{dsid}/one.bin", str(target))
    assert target.read_bytes() == b"my good copy"
    assert sorted(p.name for p in target.parent.iterdir()) == ["one.bin"]  # no partial left
    server.faults.clear()
    fs_v3.get(f"crucible://{dsid}/", str(tmp_path / "all"), recursive=True)
    assert (tmp_path / "all" / "sub" / "two.bin").read_bytes() == b"two"
    assert (tmp_path / "all" / "one.bin").read_bytes() == data


def test_writes_are_refused_with_the_upload_methods_named(
    fs_v3: CrucibleFileSystem, fill_v3: Fill
) -> None:
    dsid = fill_v3({"a.txt": b"a"})
    with pytest.raises(ReadOnlyFileSystemError, match="upload_dataset"):
        fs_v3.open(f"{dsid}/new.txt", "wb")
    with pytest.raises(ReadOnlyFileSystemError, match="upload"):
        fs_v3.pipe(f"{dsid}/new.txt", b"x")
    with pytest.raises(ReadOnlyFileSystemError):
        fs_v3.rm(f"{dsid}/a.txt")
    assert fs_v3.cat_file(f"{dsid}/a.txt") == b"a"


def test_a_file_that_is_not_ingested_cannot_be_read(
    client_v3: CrucibleClient, fs_v3: CrucibleFileSystem, tmp_path: Path
) -> None:
    dsid = client_v3.v3.datasets.create("not ingested").unique_id
    source = tmp_path / "wait.bin"
    source.write_bytes(b"later")
    client_v3.v3.files.upload(dsid, source)
    assert fs_v3.info(f"{dsid}/wait.bin")["size"] == 5
    with pytest.raises(FileNotFoundError, match="cannot be read yet"):
        fs_v3.cat_file(f"{dsid}/wait.bin")


def test_pickles_carry_no_key_and_work_from_the_environment(
    server: LocalCrucible, fill_v3: Fill, monkeypatch: pytest.MonkeyPatch
) -> None:
    dsid = fill_v3({"p.txt": b"pickled"})
    fs = CrucibleFileSystem(server.url_v3, api_key=server.user_key, api_version="v3")
    assert "api_key" not in fs.storage_options
    blob = pickle.dumps(fs)
    assert server.user_key.encode() not in blob
    assert server.user_key not in repr(fs.storage_options) + str(fs._fs_token)
    monkeypatch.setenv("CRUCIBLE_API_KEY", server.user_key)
    copy = pickle.loads(blob)
    assert copy.cat_file(f"{dsid}/p.txt") == b"pickled"
    fs.close()
    copy.close()


def test_explicit_keys_do_not_share_a_cached_instance(server: LocalCrucible) -> None:
    first = CrucibleFileSystem(server.url_v3, api_key=server.user_key, api_version="v3")
    second = CrucibleFileSystem(server.url_v3, api_key=server.admin_key, api_version="v3")
    assert first is not second
    assert first.client.settings.api_key != second.client.settings.api_key
    first.close()
    second.close()


def test_fsspec_open_with_credentials_from_the_environment(
    server: LocalCrucible, fill_v3: Fill, monkeypatch: pytest.MonkeyPatch
) -> None:
    dsid = fill_v3({"env.txt": b"from the environment"})
    monkeypatch.setenv("CRUCIBLE_API_URL", server.url_v3)
    monkeypatch.setenv("CRUCIBLE_API_KEY", server.user_key)
    monkeypatch.setenv("CRUCIBLE_API_VERSION", "v3")
    with fsspec.open(f"crucible://{dsid}/env.txt", "rt") as handle:
        assert handle.read() == "from the environment"
