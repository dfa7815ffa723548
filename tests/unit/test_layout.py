"""The layout rules: the local server stands apart from the client, one version string."""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

import pycrucible
from pycrucible._http import USER_AGENT

ROOT = Path(__file__).resolve().parents[2]


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


# Leaf modules of the standard library only, shared by the client and the local server.
SHARED = {"pycrucible._loopback"}


def test_the_local_server_imports_no_client_internals() -> None:
    for path in (ROOT / "pycrucible" / "testing").rglob("*.py"):
        for name in _imports(path):
            if name == "pycrucible" or name.startswith("pycrucible."):
                assert name.startswith("pycrucible.testing") or name in SHARED, (path, name)
    for name in SHARED:
        module = ROOT / (name.replace(".", "/") + ".py")
        assert not any(n.startswith("pycrucible") for n in _imports(module)), name


def test_resources_do_not_inherit_from_each_other() -> None:
    for path in (ROOT / "pycrucible" / "_resources").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                bases = {ast.unparse(base) for base in node.bases}
                assert bases <= {"Resource", "Exception"}, (path, node.name, bases)


def test_the_version_has_one_source() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert "version" in project["dynamic"]
    assert "version" not in project
    assert USER_AGENT.startswith(f"pycrucible/{pycrucible.__version__} ")
