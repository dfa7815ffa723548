"""scripts/regenerate --check: passes on the committed tree, fails on drift in either package,
changes nothing; one version regenerates without touching the other."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from _regen_helpers import CONTRACTS, ROOT, copy_tree, snapshot
from _regen_helpers import run_regenerate as _run

METHODS = {"get", "put", "post", "delete", "patch", "head", "options", "trace"}


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    return copy_tree(tmp_path / "repo")


def _first_operation(spec: dict[str, Any]) -> dict[str, Any]:
    """Any operation of a contract (its content is not assumed)."""
    for item in spec["paths"].values():
        for method, operation in item.items():
            if method in METHODS:
                return dict(operation)
    raise AssertionError("the contract has no operation")


def _edit_a_description(tree: Path, version: str) -> str:
    """Changes the description of one operation; returns its generated module's path."""
    contract = tree / CONTRACTS[version]
    spec = json.loads(contract.read_text())
    operation = _first_operation(spec)
    for item in spec["paths"].values():
        for method in set(item) & METHODS:
            if item[method].get("operationId") == operation["operationId"]:
                item[method]["description"] = "Changed description."
    contract.write_text(json.dumps(spec, indent=2))
    return f"{version}/api/{operation['tags'][0]}/{operation['operationId']}.py"


def test_check_names_every_drift_in_either_package_and_touches_nothing(tree: Path) -> None:
    modules = [_edit_a_description(tree, "v1"), _edit_a_description(tree, "v3")]
    generated = tree / "generated" / "crucible_openapi"
    (generated / "v3" / "stray.py").write_text("x = 1\n")
    (generated / "v1" / "py.typed").unlink()
    (generated / "__init__.py").write_text('"""Edited by hand."""\n')
    before = snapshot(tree / "generated")

    result = _run(tree, "--check")

    assert result.returncode == 1
    for name in (*modules, "v3: stray.py", "v1: py.typed", "__init__.py"):
        assert name in result.stderr, name
    assert snapshot(tree / "generated") == before


def test_regenerating_one_version_touches_only_its_files(tree: Path) -> None:
    module = _edit_a_description(tree, "v3")
    before = snapshot(tree / "generated")

    fixed = _run(tree, "--version", "v3")

    assert fixed.returncode == 0, fixed.stderr
    after = snapshot(tree / "generated")
    changed = {name for name in after if after[name] != before.get(name)}
    assert changed == {f"crucible_openapi/{module}"}
    assert set(after) == set(before)


def test_one_version_only_checks_that_version(tree: Path) -> None:
    (tree / "generated" / "crucible_openapi" / "v3" / "stray.py").write_text("x = 1\n")

    v1 = _run(tree, "--check", "--version", "v1")
    v3 = _run(tree, "--check", "--version", "v3")

    assert (v1.returncode, v1.stdout) == (
        0,
        "generated/crucible_openapi/v1 matches openapi-v1.json\n",
    )
    assert v3.returncode == 1
    assert "stray.py" in v3.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["--bogus"],
        ["--version", "v2"],
        ["--version"],
        ["--from", "x", "--version", "v1"],
        ["--from", ""],
    ],
)
def test_bad_arguments_are_usage_errors(tree: Path, args: list[str]) -> None:
    result = _run(tree, *args)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_help_says_how_the_normaliser_decides() -> None:
    env = dict(os.environ, PYCRUCIBLE_VENV=sys.prefix, PYCRUCIBLE_SKIP_INSTALL="1")
    result = subprocess.run(
        ["bash", str(ROOT / "scripts" / "regenerate"), "--help"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert "get_dataset_datasets__dataset_mfid__get" in result.stdout
    assert "shorter than ours" in result.stdout
    assert "source" not in result.stdout
