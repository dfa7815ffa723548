"""Hardening of the local server: long names, metadata depth, body size, keyword visibility."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any
from urllib.parse import quote

import httpx
import pytest

from pycrucible.testing import LocalCrucible

MakeDataset = Callable[..., dict[str, Any]]

# Names of exactly 255 bytes in UTF-8: the longest a file system takes and the name check allows.
LONG_NAMES = [
    "a" * 251 + ".txt",
    "é" * 125 + "x.txt",  # 2-byte characters
    "🧪" * 63 + "abc",  # 4-byte characters
]


@pytest.mark.parametrize("name", LONG_NAMES, ids=["ascii", "two-byte", "four-byte"])
def test_a_255_byte_upload_name_is_stored_and_served(
    name: str, make_dataset: MakeDataset, user: httpx.Client, server: LocalCrucible
) -> None:
    assert len(name.encode("utf-8")) == 255
    dsid = make_dataset()["unique_id"]
    data = name.encode("utf-8") * 3
    response = user.post(
        f"/datasets/{dsid}/upload", files=[("files", (name, data, "application/octet-stream"))]
    )
    assert response.status_code == 200, response.text
    assert response.json()[0].endswith("/" + name)
    download = user.get(f"/datasets/{dsid}/download/{quote(name)}")
    assert download.status_code == 200
    assert download.content == data
    (entry,) = user.get(f"/datasets/{dsid}/associated_files").json()
    assert entry["sha256_hash"] == hashlib.sha256(data).hexdigest()
    assert not list((server.data_dir / "uploads").glob("*.tmp"))  # no temporary file left


def test_a_256_byte_upload_name_is_refused_with_400(
    make_dataset: MakeDataset, user: httpx.Client
) -> None:
    dsid = make_dataset()["unique_id"]
    name = "é" * 126 + "abcd"
    assert len(name.encode("utf-8")) == 256
    response = user.post(f"/datasets/{dsid}/upload", files=[("files", (name, b"x", "text/plain"))])
    assert response.status_code == 400
