"""The local server's API v3 routes compared with the v3 contract, both ways.

Every served route is a contract operation with the contract's operationId as its function name,
and every contract operation is served, except the explicit list of operations not served yet
(``_v3_pending.NOT_SERVED_YET``), which must name exactly the missing ones. The v3 routes take
their inputs through the contract middleware, so only paths, methods and names are compared.
"""

from __future__ import annotations

import json
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from _v3_pending import NOT_SERVED_YET
from fastapi import FastAPI

from pycrucible.testing._state import open_backend
from pycrucible.testing.v3 import create_v3_app

ROOT = Path(__file__).resolve().parents[2]
CONTRACT = ROOT / "openapi.json"
SPEC: dict[str, Any] = json.loads(CONTRACT.read_text())
METHODS = {"get", "post", "put", "patch", "delete"}


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FastAPI]:
    backend = open_backend(tmp_path_factory.mktemp("routes-v3"))
    yield create_v3_app(backend)
    backend.close()


def _contract() -> dict[tuple[str, str], str]:
    return {
        (method.upper(), path): op["operationId"]
        for path, item in SPEC["paths"].items()
        for method, op in item.items()
        if method in METHODS
    }


def _served(app: FastAPI) -> dict[tuple[str, str], str]:
    """The v3 app's routes (paths relative to ``/api/v3``) with their function names."""
    return {
        (method.upper(), path): op["operationId"]
        for path, item in app.openapi()["paths"].items()
        for method, op in item.items()
        if method in METHODS
    }


def test_every_served_route_is_a_contract_operation(app: FastAPI) -> None:
    extra = set(_served(app)) - set(_contract())
    assert extra == set()


def test_every_contract_operation_is_served_except_the_listed_ones(app: FastAPI) -> None:
    contract = _contract()
    missing = {contract[key] for key in set(contract) - set(_served(app))}
    # Served now but still listed: take it off the list. Missing but not listed: serve it.
    assert sorted(NOT_SERVED_YET - missing) == []
    assert sorted(missing - NOT_SERVED_YET) == []


def test_the_list_of_missing_operations_names_only_contract_operations() -> None:
    assert set(_contract().values()) >= NOT_SERVED_YET


def test_route_function_names_are_the_operation_ids(app: FastAPI) -> None:
    contract = _contract()
    for key, name in _served(app).items():
        assert name == contract[key], key


def test_the_contract_has_128_operations_and_the_server_serves_the_rest(app: FastAPI) -> None:
    assert len(_contract()) == 128
    assert len(_served(app)) == 128 - len(NOT_SERVED_YET)


def test_no_v3_route_uses_a_seed_era_path_parameter_name(app: FastAPI) -> None:
    # v3 identifies records by MFID: the seed-era {dsid} and {orcid} parameters must not leak in.
    for _method, path in _served(app):
        assert "{dsid}" not in path, path
        assert "{orcid}" not in path, path


def test_no_operation_is_served_by_two_route_functions(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    # The first router wins silently; FastAPI only warns when it builds the schema.
    backend = open_backend(tmp_path_factory.mktemp("routes-v3-twice"))
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            create_v3_app(backend).openapi()
    finally:
        backend.close()
    duplicates = sorted(
        str(w.message) for w in caught if "Duplicate Operation ID" in str(w.message)
    )
    assert duplicates == []
