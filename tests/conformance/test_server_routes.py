"""The local server's routes are exactly the contract's operations, with the same inputs."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI

from pycrucible.testing._app import create_app
from pycrucible.testing._state import open_backend

ROOT = Path(__file__).resolve().parents[2]
SPEC: dict[str, Any] = json.loads((ROOT / "openapi-v1.json").read_text())
METHODS = {"get", "post", "put", "patch", "delete"}

# Routes that are not part of the Crucible API, under prefixes of their own and so left out of
# the comparison: signed storage URLs (served by the storage host in the real deployment) and
# the local server's test control.
NON_API_PREFIXES = ("/storage/", "/_control/")


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FastAPI]:
    backend = open_backend(tmp_path_factory.mktemp("routes"))
    yield create_app(backend)
    backend.close()


def _spec_operations() -> dict[tuple[str, str], dict[str, Any]]:
    return {
        (method.upper(), path): op
        for path, item in SPEC["paths"].items()
        for method, op in item.items()
        if method in METHODS
    }


def _served_operations(app: FastAPI) -> dict[tuple[str, str], dict[str, Any]]:
    """The app's operations, from the schema FastAPI builds from its routes."""
    return {
        (method.upper(), path): op
        for path, item in app.openapi()["paths"].items()
        if not path.startswith(NON_API_PREFIXES)
        for method, op in item.items()
        if method in METHODS
    }


def test_every_contract_operation_is_served(app: FastAPI) -> None:
    missing = set(_spec_operations()) - set(_served_operations(app))
    assert missing == set()


def test_every_served_route_is_in_the_contract(app: FastAPI) -> None:
    extra = set(_served_operations(app)) - set(_spec_operations())
    assert extra == set()


def test_there_are_71_operations(app: FastAPI) -> None:
    assert len(_served_operations(app)) == len(_spec_operations()) == 71


def test_route_function_names_are_the_operation_ids(app: FastAPI) -> None:
    served = _served_operations(app)
    for key, op in _spec_operations().items():
        assert served[key]["operationId"] == op["operationId"], key


def test_only_non_api_routes_live_under_the_separate_prefixes(app: FastAPI) -> None:
    assert not any(path.startswith(NON_API_PREFIXES) for path in SPEC["paths"])
    schema_paths = set(app.openapi()["paths"])
    assert any(path.startswith("/_control/") for path in schema_paths)


def _parameters(op: dict[str, Any]) -> set[tuple[str, str, bool]]:
    return {
        (param["in"], param["name"].lower(), bool(param.get("required", False)))
        for param in op.get("parameters", [])
    }


def test_parameters_match_the_contract(app: FastAPI) -> None:
    served = _served_operations(app)
    for key, op in _spec_operations().items():
        assert _parameters(served[key]) == _parameters(op), key


def test_request_bodies_match_the_contract(app: FastAPI) -> None:
    served = _served_operations(app)
    for (method, path), op in _spec_operations().items():
        mine = served[(method, path)].get("requestBody")
        theirs = op.get("requestBody")
        assert (mine is None) == (theirs is None), (method, path)
        if mine and theirs:
            assert set(mine["content"]) == set(theirs["content"]), (method, path)
            assert mine.get("required", False) == theirs.get("required", False), (method, path)
