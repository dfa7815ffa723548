"""scripts/regenerate --check: passes on the committed tree, fails on drift, changes nothing."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A copy of what the generator reads and writes, using the running environment."""
    copy = tmp_path / "repo"
    copy.mkdir()
    for name in ("openapi.json", "openapi-python-client.yaml", "pyproject.toml"):
        shutil.copy2(ROOT / name, copy / name)
    shutil.copytree(ROOT / "scripts", copy / "scripts")
    shutil.copytree(
        ROOT / "generated", copy / "generated", ignore=shutil.ignore_patterns("__pycache__")
    )
    return copy


def _run(tree: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env["PYCRUCIBLE_VENV"] = sys.prefix
    env["PYCRUCIBLE_SKIP_INSTALL"] = "1"
    return subprocess.run(
        ["bash", str(tree / "scripts" / "regenerate"), *args],
        cwd=tree,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts
    }


def test_check_passes_on_the_committed_tree(tree: Path) -> None:
    result = _run(tree, "--check")
    assert result.returncode == 0, result.stderr
    assert "matches" in result.stdout


def test_check_fails_on_a_changed_description_and_touches_nothing(tree: Path) -> None:
    spec = json.loads((tree / "openapi.json").read_text())
    spec["paths"]["/datasets/{dsid}"]["get"]["description"] = "Changed description."
    (tree / "openapi.json").write_text(json.dumps(spec, indent=2))
    before = _snapshot(tree / "generated")

    result = _run(tree, "--check")

    assert result.returncode == 1
    assert "api/datasets/get_dataset.py" in result.stderr
    assert _snapshot(tree / "generated") == before

    fixed = _run(tree)
    assert fixed.returncode == 0, fixed.stderr
    assert _run(tree, "--check").returncode == 0


def test_check_lists_extra_and_missing_files(tree: Path) -> None:
    generated = tree / "generated" / "crucible_openapi"
    (generated / "stray.py").write_text("x = 1\n")
    (generated / "py.typed").unlink()

    result = _run(tree, "--check")

    assert result.returncode == 1
    assert "stray.py" in result.stderr
    assert "py.typed" in result.stderr


def test_unknown_argument_is_a_usage_error(tree: Path) -> None:
    assert _run(tree, "--bogus").returncode == 2
