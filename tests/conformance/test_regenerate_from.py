"""scripts/regenerate --from URL end to end, against documents a loopback server publishes.

The edits are generic (any operation, a new path) so nothing depends on what openapi.json holds.
"""

from __future__ import annotations

import copy
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from _regen_helpers import Publisher, copy_tree, publishing, run_regenerate, snapshot

METHODS = {"get", "put", "post", "delete", "patch", "head", "options", "trace"}


@pytest.fixture(scope="module")
def publisher() -> Iterator[Publisher]:
    with publishing() as running:
        yield running


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    return copy_tree(tmp_path / "repo")


def _contract(tree: Path) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((tree / "openapi.json").read_text())
    return loaded


def _state(tree: Path) -> dict[str, bytes]:
    return {
        "openapi.json": (tree / "openapi.json").read_bytes(),
        "openapi-v1.json": (tree / "openapi-v1.json").read_bytes(),
        **snapshot(tree / "generated"),
    }


def test_check_from_the_committed_contract_is_no_change(publisher: Publisher, tree: Path) -> None:
    url = publisher.publish((tree / "openapi.json").read_bytes())
    before = _state(tree)

    result = run_regenerate(tree, "--check", "--from", url)

    assert result.returncode == 0, result.stderr
    assert "no change" in result.stdout
    assert _state(tree) == before


def test_check_from_a_breaking_edit_fails_and_writes_nothing(
    publisher: Publisher, tree: Path
) -> None:
    served = copy.deepcopy(_contract(tree))
    path, item = next(iter(served["paths"].items()))
    method = next(m for m in item if m in METHODS)
    removed = item.pop(method)
    if not set(item) & METHODS:
        del served["paths"][path]
    url = publisher.publish(served)
    before = _state(tree)

    result = run_regenerate(tree, "--check", "--from", url)

    assert result.returncode == 1, result.stderr
    expected = f"- [breaking] removed {method.upper()} {path} ({removed['operationId']})"
    assert expected in result.stdout.splitlines()
    assert "1 breaking, 0 not breaking." in result.stdout
    assert _state(tree) == before


def test_from_a_non_breaking_edit_writes_regenerates_and_reports(
    publisher: Publisher, tree: Path
) -> None:
    served = copy.deepcopy(_contract(tree))
    served["paths"]["/zz_regeneration_probe"] = {
        "get": {
            "operationId": "list_zz_regeneration_probe_zz_regeneration_probe_get",
            "tags": ["zz_probe"],
            "summary": "List Zz Regeneration Probe",
            "description": "A probe operation added by the test.",
            "security": [],
            "responses": {
                "200": {
                    "description": "Successful Response",
                    "content": {"application/json": {"schema": {"type": "string"}}},
                }
            },
        }
    }
    url = publisher.publish(served)
    v1_before = snapshot(tree / "generated" / "crucible_openapi" / "v1")

    check = run_regenerate(tree, "--check", "--from", url)
    result = run_regenerate(tree, "--from", url)

    assert check.returncode == 0, check.stderr
    assert result.returncode == 0, result.stderr
    line = "- [not breaking] added GET /zz_regeneration_probe (list_zz_regeneration_probe)"
    assert line in check.stdout.splitlines()
    assert line in result.stdout.splitlines()
    written = _contract(tree)["paths"]["/zz_regeneration_probe"]["get"]
    assert written["operationId"] == "list_zz_regeneration_probe"
    module = tree / "generated/crucible_openapi/v3/api/zz_probe/list_zz_regeneration_probe.py"
    assert module.is_file()
    assert snapshot(tree / "generated" / "crucible_openapi" / "v1") == v1_before
    assert run_regenerate(tree, "--check", "--version", "v3").returncode == 0


def test_workflows_run_the_scripts_they_should() -> None:
    yaml = pytest.importorskip("yaml")
    root = Path(__file__).resolve().parents[2] / ".github" / "workflows"
    ci = yaml.safe_load((root / "ci.yml").read_text())
    job = ci["jobs"]["test"]
    assert job["strategy"]["matrix"]["python"] == ["3.11", "3.12", "3.13"]
    assert {"run": "scripts/test"} in job["steps"]
    regenerate = yaml.safe_load((root / "regenerate.yml").read_text())
    triggers = regenerate[True]  # YAML 1.1 reads the key `on` as True
    assert "workflow_dispatch" in triggers
    assert triggers["schedule"][0]["cron"]
    job = regenerate["jobs"]["regenerate"]
    assert job["env"]["SOURCE_URL"] == "https://crucible.lbl.gov/api/v3/openapi.json"
    runs = "\n".join(step.get("run", "") for step in job["steps"])
    assert 'scripts/regenerate --from "$SOURCE_URL" > report.md' in runs
    assert "--body-file report.md" in runs
