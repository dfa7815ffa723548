"""Pure logic of the v3 transfer engines: one-pass digests, the idempotency key, session ranges."""

from __future__ import annotations

import base64
import hashlib
import inspect
from collections.abc import Callable
from pathlib import Path

import google_crc32c
import httpx
import pytest

from pycrucible._resources.files import Files
from pycrucible._transfers.calls_v3 import (
    RETRY_AFTER_DEFAULT,
    busy_wait,
    idempotency_key,
    is_multipart_disabled,
)
from pycrucible._transfers.multipart_v3 import digest_file
from pycrucible._transfers.resumable_v3 import range_end
from pycrucible._v3.client import CrucibleClientV3
from pycrucible.errors import APIStatusError, RateLimitError


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
    key = idempotency_key("ds1", "f.bin", digest)
    assert key == idempotency_key("ds1", "f.bin", digest_file(path, 4096))
    assert key != idempotency_key("ds2", "f.bin", digest)
    assert key != idempotency_key("ds1", "g.bin", digest)
    path.write_bytes(b"other")
    assert key != idempotency_key("ds1", "f.bin", digest_file(path, 4096))


def test_session_range_header_gives_the_next_offset() -> None:
    assert range_end(httpx.Response(308, headers={"Range": "bytes=0-1023"})) == 1024
    assert range_end(httpx.Response(308)) == 0
    assert range_end(httpx.Response(308, headers={"Range": "bytes=5-9"})) == 0


@pytest.mark.parametrize(
    ("header", "wait"),
    [(None, RETRY_AFTER_DEFAULT), ("0", 1.0), ("2.5", 2.5), ("3600", 60.0), ("soon", 5.0)],
)
def test_busy_wait_is_the_retry_after_clamped(header: str | None, wait: float) -> None:
    request = httpx.Request("POST", "https://crucible.example/api/v3/datasets/x/upload")
    headers = {"Retry-After": header} if header is not None else {}
    answer = httpx.Response(429, headers=headers, json={"detail": "slow down"}, request=request)
    assert busy_wait(RateLimitError("busy", status_code=429, detail="", response=answer)) == wait


def test_only_the_disabled_503_switches_routes() -> None:
    def error(status: int, detail: str) -> APIStatusError:
        return APIStatusError("x", status_code=status, detail=detail)

    assert is_multipart_disabled(error(503, "New multipart uploads are disabled"))
    assert not is_multipart_disabled(error(503, "Service unavailable"))
    assert not is_multipart_disabled(error(429, "New multipart uploads are disabled"))


@pytest.mark.parametrize(
    ("flat", "seed"),
    [
        ("get_dataset_download_links", Files.get_dataset_download_links),
        ("add_associated_file", Files.add_associated_file),
        ("add_thumbnail", Files.add_thumbnail),
        ("download_dataset", Files.download_dataset),
        ("upload_dataset", Files.upload_dataset),
        ("get_associated_files", Files.get_associated_files),
        ("get_thumbnails", Files.get_thumbnails),
    ],
)
def test_v3_file_aliases_take_the_seed_calls(flat: str, seed: Callable[..., object]) -> None:
    """Positional order and keyword names of the v1 method are accepted by the v3 alias."""
    v3 = inspect.signature(getattr(CrucibleClientV3, flat)).parameters
    v1 = inspect.signature(seed).parameters
    positional = [p.name for p in v1.values() if p.kind is p.POSITIONAL_OR_KEYWORD]
    assert [p.name for p in v3.values() if p.kind is p.POSITIONAL_OR_KEYWORD][
        : len(positional)
    ] == positional
    for name, param in v1.items():
        if param.kind is param.KEYWORD_ONLY and name not in ("timeout", "extra_headers"):
            assert name in v3, f"{flat} on v3 lacks the seed keyword {name!r}"
