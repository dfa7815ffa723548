"""A list whose third page fails: what a script reads from `--json` and from `--jsonl`.

`--json` prints one document only once the whole list is read, so a failure partway leaves
stdout empty (never half an array); `--jsonl` streams, so the lines printed before the failure
stay, each one whole. Both exit 1 with one `Error:` line on stderr.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pycrucible import CrucibleClient
from pycrucible.testing import LocalCrucible
from tests.integration.cli.cli_helpers import cli_env, error_lines, run, run_ok

LISTER_ORCID = "0000-0002-0000-0303"
PAGE = 100  # the client's page size on API v3
DATASETS = 2 * PAGE + 1  # three pages


@pytest.fixture(scope="module")
def lister_key(server: LocalCrucible) -> str:
    """A user of their own, so their lists hold only the datasets this module makes."""
    key = server.add_user(LISTER_ORCID, first_name="Lena")
    with CrucibleClient(server.url_v3, key, api_version="v3") as client:
        for i in range(DATASETS):
            client.v3.create_dataset(dataset_name=f"paged {i}")
    return key


@pytest.fixture
def env(server: LocalCrucible, lister_key: str, tmp_path: Path) -> dict[str, str]:
    # No retries: the injected 503 is the answer the command gets.
    return cli_env(server.url_v3, lister_key, tmp_path, CRUCIBLE_MAX_RETRIES="0")


def _fail_third_page(server: LocalCrucible) -> None:
    server.faults.add(
        "status", status=503, method="GET", path_prefix="/api/v3/datasets", skip=2, times=1
    )


@pytest.mark.parametrize("mode", ["--json", "--jsonl"])
def test_a_list_that_fails_on_page_3(server: LocalCrucible, env: dict[str, str], mode: str) -> None:
    _fail_third_page(server)
    try:
        result = run(env, "datasets", "list", "--all", mode)
        rule = server.faults.faults[-1]
        assert rule.consumed == 1  # the third page's request, after two good ones
    finally:
        server.faults.clear()
    assert result.exit_code == 1, result.output
    assert "503" in "\n".join(error_lines(result)) or "unavailable" in result.stderr.lower()
    if mode == "--json":
        assert result.stdout == ""
    else:
        rows = [json.loads(line) for line in result.stdout.splitlines()]
        assert len(rows) == 2 * PAGE
        assert len({row["unique_id"] for row in rows}) == 2 * PAGE


def test_the_same_list_without_a_fault_is_one_document(env: dict[str, str]) -> None:
    rows = json.loads(run_ok(env, "datasets", "list", "--all", "--json").stdout)
    assert len(rows) == DATASETS
    assert {row["dataset_name"] for row in rows} == {f"paged {i}" for i in range(DATASETS)}
