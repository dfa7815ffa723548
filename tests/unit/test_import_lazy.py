"""`import pycrucible` stays light: the generated layers and heavy modules load on first use."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

import pycrucible

# Prefixes of modules that `import pycrucible` must not load.
HEAVY = (
    "crucible_openapi",  # both generated layers: models and API modules
    "pycrucible._client",
    "pycrucible._v3",
    "pycrucible._v1",
    "pycrucible._resources",
    "pycrucible._transfers",
    "pycrucible.cli",
    "pycrucible.testing",
    "pycrucible.parsers",
    "attrs",
    "google_crc32c",
    "pandas",
    "tqdm",
)
# click and rich are left out: httpx itself loads them (its command line) when installed.


def _loaded_after(code: str) -> list[str]:
    program = f"import json, sys\n{code}\nprint(json.dumps(sorted(sys.modules)))"
    done = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, check=True, timeout=120
    )
    modules: list[str] = json.loads(done.stdout)
    return modules


def _heavy(modules: list[str]) -> list[str]:
    return [m for m in modules if any(m == h or m.startswith(h + ".") for h in HEAVY)]


def test_import_pycrucible_loads_no_generated_layer_or_heavy_module() -> None:
    modules = _loaded_after("import pycrucible")
    assert "pycrucible.errors" in modules
    assert "httpx" in modules  # the error tree is built on httpx; that is the baseline
    assert _heavy(modules) == []


def test_the_client_loads_on_first_use() -> None:
    # The check above can fail: the same probe sees the generated layer once a name needs it.
    modules = _loaded_after("from pycrucible import CrucibleClient")
    assert "pycrucible._client" in modules
    assert "crucible_openapi.v1.models" in modules
    # The v3 layer waits for `client.v3` (or a flat name on a v3 server).
    assert not [m for m in modules if m.startswith(("crucible_openapi.v3", "pycrucible._v3"))]


def test_every_public_name_is_importable_and_listed() -> None:
    for name in pycrucible.__all__:
        assert getattr(pycrucible, name) is not None, name
    assert set(pycrucible.__all__) <= set(dir(pycrucible))
    code = f"from pycrucible import {', '.join(pycrucible.__all__)}"
    assert "pycrucible._client" in _loaded_after(code)


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="NoSuchThing"):
        pycrucible.NoSuchThing  # type: ignore[attr-defined]  # noqa: B018
