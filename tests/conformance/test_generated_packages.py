"""Both contracts are valid and both generated packages import, each on its own.

Nothing here assumes what a contract holds: the checks run over whatever operations it has.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import re
from pathlib import Path
from typing import Any

import pytest
from openapi_spec_validator import validate

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "generated" / "crucible_openapi"
CONTRACTS = {"v1": "openapi-v1.json", "v3": "openapi.json"}
METHODS = {"get", "put", "post", "delete", "patch", "head", "options", "trace"}


def _spec(version: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((ROOT / CONTRACTS[version]).read_text())
    return loaded


def _operation_ids(spec: dict[str, Any]) -> list[str]:
    return [
        str(op["operationId"])
        for item in spec["paths"].values()
        for method, op in item.items()
        if method in METHODS
    ]


@pytest.mark.parametrize("version", sorted(CONTRACTS))
def test_contract_is_valid_openapi_31(version: str) -> None:
    spec = _spec(version)
    assert spec["openapi"].startswith("3.1")
    validate(spec)


def test_contract_versions() -> None:
    assert _spec("v1")["info"]["version"].startswith("1.")
    assert _spec("v3")["info"]["version"].startswith("3.")
    urls = [server["url"] for server in _spec("v3")["servers"]]
    assert "https://crucible.lbl.gov/api/v3" in urls


@pytest.mark.parametrize("version", sorted(CONTRACTS))
def test_every_operation_has_an_importable_module(version: str) -> None:
    package = f"crucible_openapi.{version}"
    api = importlib.import_module(f"{package}.api")
    modules = {
        info.name.rsplit(".", 1)[-1]: info.name
        for info in pkgutil.walk_packages(api.__path__, f"{package}.api.")
        if not info.ispkg
    }
    ids = _operation_ids(_spec(version))
    assert sorted(modules) == sorted(ids)
    for name in modules.values():
        module = importlib.import_module(name)
        assert callable(module.sync_detailed), name
        assert callable(module.asyncio_detailed), name


@pytest.mark.parametrize("version", sorted(CONTRACTS))
def test_every_model_imports_and_the_client_is_there(version: str) -> None:
    package = importlib.import_module(f"crucible_openapi.{version}")
    assert package.AuthenticatedClient.__module__ == f"crucible_openapi.{version}.client"
    models = importlib.import_module(f"crucible_openapi.{version}.models")
    names = [info.name for info in pkgutil.iter_modules(models.__path__)]
    assert names
    for name in names:
        importlib.import_module(f"crucible_openapi.{version}.models.{name}")


def test_the_packages_are_separate_and_typed() -> None:
    import crucible_openapi

    assert "crucible_openapi.v1" in (crucible_openapi.__doc__ or "")
    assert "crucible_openapi.v3" in (crucible_openapi.__doc__ or "")
    assert {p.name for p in PACKAGE.iterdir() if p.name != "__pycache__"} == {
        "__init__.py",
        "py.typed",
        "v1",
        "v3",
    }
    absolute = re.compile(r"^\s*(from|import)\s+crucible_openapi\b", re.MULTILINE)
    for path in PACKAGE.rglob("*.py"):
        assert not absolute.search(path.read_text()), path
    for folder in (PACKAGE, PACKAGE / "v1", PACKAGE / "v3"):
        assert (folder / "py.typed").is_file()
    v1 = importlib.import_module("crucible_openapi.v1.client")
    v3 = importlib.import_module("crucible_openapi.v3.client")
    assert v1.AuthenticatedClient is not v3.AuthenticatedClient
