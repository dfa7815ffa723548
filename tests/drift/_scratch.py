"""A scratch copy of the project, and the one step that regenerates its generated package.

`regenerate_scratch` is the only place that knows how the generated package is made from the
contract; keep it in step with `scripts/regenerate`.
"""

from __future__ import annotations

import json
import os
import shutil
import site
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs

ROOT = Path(__file__).resolve().parents[2]
CONTRACT = "openapi-v1.json"
_COPIED = ("pycrucible", "generated", "tests", "scripts", CONTRACT, "openapi.json")
_COPIED_FILES = ("openapi-python-client.yaml", "pyproject.toml")

Spec = dict[str, Any]


@attrs.frozen
class Outcome:
    """What mypy and the tests said about one edited copy."""

    mypy_ok: bool
    mypy_errors: list[str]
    tests_ok: bool | None
    test_output: str

    def handwritten_errors(self) -> list[str]:
        """mypy errors located in handwritten code (not under `generated/`)."""
        return [line for line in self.mypy_errors if line.startswith("pycrucible/")]


def make_copy(target: Path) -> Path:
    """Copies what the client, its generator step and its tests need into `target`."""
    for name in _COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(
                source,
                target / name,
                ignore=shutil.ignore_patterns("__pycache__", ".mypy_cache", "*.pyc"),
            )
        else:
            shutil.copy2(source, target / name)
    for name in _COPIED_FILES:
        shutil.copy2(ROOT / name, target / name)
    return target


def edit_contract(tree: Path, change: Callable[[Spec], None]) -> None:
    """Applies `change` to the copy's contract."""
    path = tree / CONTRACT
    spec: Spec = json.loads(path.read_text(encoding="utf-8"))
    change(spec)
    path.write_text(json.dumps(spec, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def _environment(tree: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["PYCRUCIBLE_SKIP_INSTALL"] = "1"  # use this environment's tools as they are
    env["PYCRUCIBLE_VENV"] = str(Path(sys.prefix))
    # The copy's packages, ahead of the editable install of the real tree.
    env["PYTHONPATH"] = os.pathsep.join([str(tree / "generated"), str(tree)])
    env["MYPYPATH"] = str(tree / "generated")
    return env


def regenerate_scratch(tree: Path) -> None:
    """Regenerates the copy's generated package from the copy's contract.

    Raises:
        AssertionError: The generator refused the contract.
    """
    done = subprocess.run(
        [str(tree / "scripts" / "regenerate"), "--version", "v1"],
        cwd=tree,
        env=_environment(tree),
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def _isolated_python(tree: Path) -> Path:
    """An interpreter wrapper whose module path is the copy and the third-party packages only.

    mypy asks the interpreter it checks for where modules live; this environment's own one
    also lists the real tree (the editable install), where a module the copy no longer has
    would still be found.
    """
    paths = [tree / "generated", tree, *map(Path, site.getsitepackages())]
    wrapper = tree / "python-isolated"
    wrapper.write_text(
        "#!/bin/sh\n"
        f"PYTHONPATH='{os.pathsep.join(map(str, paths))}' exec '{sys.executable}' -S \"$@\"\n",
        encoding="utf-8",
    )
    wrapper.chmod(wrapper.stat().st_mode | stat.S_IXUSR)
    return wrapper


def check_copy(tree: Path, tests: list[str]) -> Outcome:
    """Runs mypy on the copy, then (when mypy is green) the given tests of the copy."""
    env = _environment(tree)
    cache = ROOT / ".mypy_cache"
    if cache.is_dir() and not (tree / ".mypy_cache").exists():
        shutil.copytree(cache, tree / ".mypy_cache")
    typed = subprocess.run(
        [sys.executable, "-m", "mypy", "--python-executable", str(_isolated_python(tree))],
        cwd=tree,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    errors = [line for line in typed.stdout.splitlines() if ": error:" in line]
    if typed.returncode != 0:
        return Outcome(False, errors, None, "")
    ran = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider", *tests],
        cwd=tree,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    return Outcome(True, errors, ran.returncode == 0, ran.stdout[-4000:] + ran.stderr[-2000:])
