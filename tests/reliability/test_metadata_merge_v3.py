"""API v3 metadata merges survive lost answers: a deep merge is safe to send again.

Found by the soak (`bench/soak.py`): a merge whose answer was lost (or timed out, or met a
502) reached the caller as an error although sending it again changes nothing. The merge is
now retried like a PUT; what the server holds afterwards is what one merge leaves.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from _reliability_helpers import Pauses

from pycrucible import CrucibleClient
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
