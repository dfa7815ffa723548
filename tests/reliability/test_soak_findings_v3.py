"""What the v3 soak and secrets flows found, each fixed and kept fixed here.

* A metadata merge whose answer was lost (or met a 502) reached the caller as an error
  although sending it again changes nothing (found by `bench/soak.py`). It is now retried like
  a PUT; what the server holds afterwards is what one merge leaves.
* A dataset download (`client.v3.files.download`) whose signed link was refused as expired
  failed, where a single-file download asks for a new link (found by the secrets flow). Both
  now ask once for the file's own new link, also on `AsyncCrucibleClient`; a link refused
  again fails cleanly, leaving nothing partial.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from _reliability_helpers import Pauses

from pycrucible import AsyncCrucibleClient, CrucibleClient
from pycrucible.errors import PermissionDeniedError
from pycrucible.testing import LocalCrucible

PATCH_PATHS = "/api/v3/resources/"


@pytest.fixture
def v3(server: LocalCrucible, pauses: Pauses, tmp_path: Path) -> Iterator[CrucibleClient]:
    with CrucibleClient(
        server.url_v3,
        server.user_key,
        api_version="v3",
        state_dir=tmp_path / "state",
        sleep=pauses,
        timeout=10,
    ) as made:
        yield made


@pytest.mark.parametrize(
    "rule",
    [
        {"kind": "drop_after", "method": "PATCH", "path_prefix": PATCH_PATHS},
        {"kind": "status", "status": 502, "method": "PATCH", "path_prefix": PATCH_PATHS},
        {"kind": "drop", "method": "PATCH", "path_prefix": PATCH_PATHS},
    ],
    ids=["answer lost", "502", "dropped before"],
)
def test_a_merge_is_sent_again_and_leaves_one_merge(
    server: LocalCrucible, v3: CrucibleClient, pauses: Pauses, rule: dict[str, Any]
) -> None:
    dsid = v3.v3.datasets.create(dataset_name="merge retry").unique_id
    v3.v3.metadata.update(dsid, {"run": {"gain": 3}, "tags": ["a"]})
    fault = server.faults.add(**rule)
    merged = v3.v3.metadata.update(dsid, {"run": {"bias": 2}, "tags": ["b"]})
    assert fault.consumed == 1
    assert len(pauses.calls) == 1  # sent twice: one pause between
    expected = {"run": {"gain": 3, "bias": 2}, "tags": ["b"]}
    assert merged == expected
    assert v3.v3.metadata.get(dsid) == expected  # what the server holds: one merge's result


@pytest.fixture
def ingested(v3: CrucibleClient, tmp_path: Path) -> tuple[str, bytes]:
    """A dataset holding one ingested file, `scan.csv`; its MFID and the file's bytes."""
    content = bytes(range(256)) * 40
    source = tmp_path / "scan.csv"
    source.write_bytes(content)
    dsid = v3.v3.datasets.create(dataset_name="expiring links").unique_id
    [record] = v3.v3.files.upload(dsid, source)
    request = v3.v3.ingestion.request(record.mfid)
    done = v3.v3.ingestion.wait(request.id, timeout=30, poll=0.02)
    assert done.status == "complete"
    return dsid, content


def test_a_dataset_download_asks_again_for_an_expired_link(
    server: LocalCrucible, v3: CrucibleClient, ingested: tuple[str, bytes], tmp_path: Path
) -> None:
    dsid, content = ingested
    expired = server.faults.add(
        "status", status=403, detail="Signed URL expired", path_prefix="/storage/v3/"
    )
    [written] = v3.v3.files.download(dsid, output_dir=tmp_path / "out")
    assert expired.consumed == 1
    assert written.read_bytes() == content


def test_a_dataset_download_refused_twice_fails_and_leaves_nothing(
    server: LocalCrucible, v3: CrucibleClient, ingested: tuple[str, bytes], tmp_path: Path
) -> None:
    dsid, _ = ingested
    refused = server.faults.add("status", status=403, path_prefix="/storage/v3/", times=None)
    out = tmp_path / "out"
    with pytest.raises(PermissionDeniedError):
        v3.v3.files.download(dsid, output_dir=out)
    assert refused.consumed == 2  # the dataset's link, then the file's new one
    assert list(out.iterdir()) == []


def test_an_async_dataset_download_asks_again_for_an_expired_link(
    server: LocalCrucible, ingested: tuple[str, bytes], tmp_path: Path
) -> None:
    dsid, content = ingested
    expired = server.faults.add(
        "status", status=403, detail="Signed URL expired", path_prefix="/storage/v3/"
    )

    async def body() -> list[Path]:
        async with AsyncCrucibleClient(
            server.url_v3, server.user_key, api_version="v3", state_dir=tmp_path / "state"
        ) as client:
            return await client.files.download(dsid, output_dir=tmp_path / "out")

    [written] = asyncio.run(body())
    assert expired.consumed == 1
    assert written.read_bytes() == content
