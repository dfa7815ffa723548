"""Pure logic of the v3 transfer engines: one-pass digests, the idempotency key, session ranges."""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path

import google_crc32c
import httpx

from pycrucible._transfers.multipart_v3 import _idempotency_key, digest_file
from pycrucible._transfers.resumable_v3 import _range_end


def _crc(data: bytes) -> str:
    return base64.b64encode(int(google_crc32c.value(data)).to_bytes(4, "big")).decode()


def test_one_pass_gives_sha256_whole_and_part_crc32c(tmp_path: Path) -> None:
    data = bytes(range(256)) * 41 + b"tail"  # 10500 bytes: parts of 4096 -> 3 parts
    path = tmp_path / "f.bin"
    path.write_bytes(data)
    digest = digest_file(path, 4096)
    assert digest.size == len(data)
    assert digest.sha256 == hashlib.sha256(data).hexdigest()
    assert digest.crc32c == _crc(data)
    assert digest.part_crcs == (_crc(data[:4096]), _crc(data[4096:8192]), _crc(data[8192:]))


def test_exact_multiple_has_no_empty_last_part_and_empty_file_has_one(tmp_path: Path) -> None:
    path = tmp_path / "f.bin"
    path.write_bytes(b"a" * 8192)
    assert len(digest_file(path, 4096).part_crcs) == 2
    path.write_bytes(b"")
    assert digest_file(path, 4096).part_crcs == (_crc(b""),)


def test_idempotency_key_is_stable_per_dataset_name_and_content(tmp_path: Path) -> None:
    path = tmp_path / "f.bin"
    path.write_bytes(b"content")
    digest = digest_file(path, 4096)
    key = _idempotency_key("ds1", "f.bin", digest)
    assert key == _idempotency_key("ds1", "f.bin", digest_file(path, 4096))
    assert key != _idempotency_key("ds2", "f.bin", digest)
    assert key != _idempotency_key("ds1", "g.bin", digest)
    path.write_bytes(b"other")
    assert key != _idempotency_key("ds1", "f.bin", digest_file(path, 4096))


def test_session_range_header_gives_the_next_offset() -> None:
    assert _range_end(httpx.Response(308, headers={"Range": "bytes=0-1023"})) == 1024
    assert _range_end(httpx.Response(308)) == 0
    assert _range_end(httpx.Response(308, headers={"Range": "bytes=5-9"})) == 0
