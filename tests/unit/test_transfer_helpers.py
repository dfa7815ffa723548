"""The small building blocks of transfers: names, hashing, progress, resume state."""

from __future__ import annotations

import hashlib
import io
import logging
from pathlib import Path, PurePosixPath

import pytest

from pycrucible._checks import check_id
from pycrucible._transfers.io import HashingReader, ProgressMeter, sha256_file
from pycrucible._transfers.paths import (
    destination,
    matching_records,
    safe_relative_path,
    strip_dataset_prefix,
)
from pycrucible._transfers.state import StateStore, UploadState, default_state_dir
from pycrucible.errors import TransferError


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("scan.h5", "scan.h5"),
        ("raw/scan.h5", "raw/scan.h5"),
        ("raw//./scan.h5", "raw/scan.h5"),
        ("..scan", "..scan"),
        ("a..b/c", "a..b/c"),
    ],
)
def test_safe_names(name: str, expected: str) -> None:
    assert safe_relative_path(name) == PurePosixPath(expected)


@pytest.mark.parametrize(
    "name", ["", ".", "./", "..", "../x", "a/../../x", "/etc/passwd", "C:x", "c:\\x", "a\\b", "a\0"]
)
def test_unsafe_names(name: str) -> None:
    with pytest.raises(TransferError, match="unsafe"):
        safe_relative_path(name)


@pytest.mark.parametrize("dsid", ["", " ", "a/b", "a\\b", "..", ".", "a\0"])
def test_bad_dataset_ids(dsid: str) -> None:
    with pytest.raises(ValueError, match="dataset id"):
        check_id(dsid, "dataset id")


def test_destination(tmp_path: Path) -> None:
    root = tmp_path.resolve()
    target = destination(root, PurePosixPath("raw/scan.h5"))
    assert target == root / "raw" / "scan.h5"
    (root / "link").symlink_to("/")
    with pytest.raises(TransferError, match="outside"):
        destination(root, PurePosixPath("link/etc/passwd"))


def test_link_keys_lose_the_dataset_prefix() -> None:
    assert strip_dataset_prefix("DS1/raw/a.h5", "DS1") == "raw/a.h5"
    assert strip_dataset_prefix("other/a.h5", "DS1") == "other/a.h5"
    assert strip_dataset_prefix("DS10/a.h5", "DS1") == "DS10/a.h5"


def test_records_match_by_path_suffix_then_base_name() -> None:
    names = ["api-uploads/DS/raw/a.h5", "api-uploads/DS/a.h5", "b.h5"]
    assert matching_records("raw/a.h5", names) == ["api-uploads/DS/raw/a.h5"]
    assert matching_records("a.h5", names) == ["api-uploads/DS/raw/a.h5", "api-uploads/DS/a.h5"]
    assert matching_records("sub/b.h5", names) == ["b.h5"]
    assert matching_records("c.h5", names) == []


def test_progress_meter_throttles() -> None:
    calls: list[tuple[str, int, int | None]] = []
    meter = ProgressMeter(lambda *a: calls.append(a), "f", 10_000, step=1000)
    for done in range(0, 10_001, 100):
        meter.update(done)
    assert calls[0] == ("f", 0, 10_000)
    assert calls[-1] == ("f", 10_000, 10_000)
    assert len(calls) == 11
    meter.finish()
    assert len(calls) == 11


def test_progress_meter_without_total_reports_on_finish() -> None:
    calls: list[tuple[str, int, int | None]] = []
    meter = ProgressMeter(lambda *a: calls.append(a), "f", None, step=1000)
    meter.update(0)
    meter.advance(500)
    meter.finish()
    assert calls == [("f", 0, None), ("f", 500, None)]


def test_hashing_reader_restarts_on_rewind(tmp_path: Path) -> None:
    path = tmp_path / "f"
    path.write_bytes(b"x" * 100_000)
    with path.open("rb") as handle:
        reader = HashingReader(handle)
        reader.read(70_000)
        reader.seek(0)
        while reader.read(65536):
            pass
        assert reader.bytes_read == 100_000
        assert reader.hexdigest() == hashlib.sha256(path.read_bytes()).hexdigest()
        assert reader.fileno() == handle.fileno()
        reader.seek(10)
        assert reader.hexdigest() is None


def test_hashing_reader_advances_progress() -> None:
    calls: list[tuple[str, int, int | None]] = []
    meter = ProgressMeter(lambda *a: calls.append(a), "f", 3, step=1)
    reader = HashingReader(io.BytesIO(b"abc"), meter)
    assert reader.read(2) == b"ab"
    assert reader.read(5) == b"c"
    assert calls == [("f", 2, 3), ("f", 3, 3)]


def test_sha256_of_a_prefix(tmp_path: Path) -> None:
    path = tmp_path / "f"
    path.write_bytes(b"0123456789" * 300_000)
    assert sha256_file(path) == hashlib.sha256(path.read_bytes()).hexdigest()
    assert sha256_file(path, start_bytes=5) == hashlib.sha256(b"01234").hexdigest()


def _state(path: str = "/data/f.h5", **changes: object) -> UploadState:
    values: dict[str, object] = {
        "api_url": "https://crucible.example/api",
        "dsid": "DS",
        "path": path,
        "size": 10,
        "mtime_ns": 5,
        "sha256": "ab" * 32,
        "upload_id": "u1",
        "resumable_uri": "https://storage.example/uploads/u1",
    }
    values.update(changes)
    return UploadState(**values)  # type: ignore[arg-type]


def test_state_round_trip_and_staleness(tmp_path: Path) -> None:
    store = StateStore(tmp_path / "state")
    state = _state()
    store.save(state)
    assert store.load(state.api_url, "DS", state.path, 10, 5) == state
    assert store.load(state.api_url, "OTHER", state.path, 10, 5) is None
    assert store.load(state.api_url, "DS", state.path, 11, 5) is None  # changed: dropped
    assert store.load(state.api_url, "DS", state.path, 10, 5) is None
    assert not list((tmp_path / "state").iterdir())


def test_malformed_state_is_ignored(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    store = StateStore(tmp_path)
    state = _state()
    store.save(state)
    [file] = tmp_path.glob("*.json")
    file.write_text("{not json")
    assert store.load(state.api_url, "DS", state.path, 10, 5) is None
    file.write_text('{"version": 1, "size": "ten"}')
    with caplog.at_level(logging.WARNING, logger="pycrucible"):
        assert store.load(state.api_url, "DS", state.path, 10, 5) is None
    assert "malformed" in caplog.text


def test_unwritable_state_dir_only_warns(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    with caplog.at_level(logging.WARNING, logger="pycrucible"):
        StateStore(blocker / "state").save(_state())
    assert "could not save upload state" in caplog.text


def test_default_state_dir_follows_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert default_state_dir() == tmp_path / "pycrucible" / "uploads"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert default_state_dir() == Path.home() / ".cache" / "pycrucible" / "uploads"
