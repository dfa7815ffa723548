"""Contract drift: prepared edits of a copy of the contract, regenerated, type-checked, tested.

For every edit the copy is regenerated and `mypy --strict` runs on it; when mypy is green the
client's tests run there too. A breaking edit must be caught in handwritten code (a mypy error
in `pycrucible/`, or a failing client test); an additive edit must need no handwritten change
(mypy and the tests green on the untouched client). Several minutes in all, so it runs in
`.ci/run` and on demand (`pytest -m drift tests/drift`), not in the default test run.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from _scratch import Outcome, Spec, check_copy, edit_contract, make_copy, regenerate_scratch

pytestmark = [pytest.mark.drift, pytest.mark.slow]

CLIENT_TESTS = [
    "tests/unit",
    "tests/integration/client/test_hand_built_routes.py",
    "tests/integration/client/test_datasets.py",
    "tests/integration/client/test_processing.py",
]


def _schemas(spec: Spec) -> Spec:
    schemas: Spec = spec["components"]["schemas"]
    return schemas


def add_field(spec: Spec) -> None:
    for name in ("Dataset", "DatasetCreate"):
        _schemas(spec)[name]["properties"]["beamline"] = {
            "anyOf": [{"type": "string"}, {"type": "null"}],
            "description": "Beamline of the acquisition.",
        }


def add_endpoint(spec: Spec) -> None:
    spec["paths"]["/datasets/{dsid}/notes"] = {
        "get": {
            "operationId": "list_dataset_notes",
            "tags": ["datasets"],
            "summary": "List a dataset's notes",
            "description": "Free-text notes of a dataset.",
            "parameters": [
                {"name": "dsid", "in": "path", "required": True, "schema": {"type": "string"}}
            ],
            "responses": {
                "200": {
                    "description": "The notes.",
                    "content": {
                        "application/json": {
                            "schema": {"type": "array", "items": {"type": "string"}}
                        }
                    },
                }
            },
        }
    }


def rename_field(spec: Spec) -> None:
    properties = _schemas(spec)["DatasetCreate"]["properties"]
    properties["acquisition_session"] = properties.pop("session_name")


def change_type(spec: Spec) -> None:
    _schemas(spec)["DatasetCreate"]["properties"]["size"] = {
        "anyOf": [{"type": "string"}, {"type": "null"}],
        "description": "Size of the main file, as text.",
    }


def add_required_parameter(spec: Spec) -> None:
    spec["paths"]["/datasets/{dsid}"]["get"]["parameters"].append(
        {"name": "reason", "in": "query", "required": True, "schema": {"type": "string"}}
    )


def remove_generated_operation(spec: Spec) -> None:
    del spec["paths"]["/datasets/{parent_dsid}/children/{child_dsid}"]["post"]


def remove_hand_built_operation(spec: Spec) -> None:
    del spec["paths"]["/uploads/{upload_id}"]


def add_status(spec: Spec) -> None:
    _schemas(spec)["ProcessingStatus"]["x-status-pending"].append("queued")


ADDITIVE: dict[str, Callable[[Spec], None]] = {
    "add a field": add_field,
    "add an endpoint": add_endpoint,
    "add a status value": add_status,
}
BREAKING_TYPED: dict[str, tuple[Callable[[Spec], None], list[str]]] = {
    # edit -> the handwritten files mypy must point at
    "rename a field the client uses": (
        rename_field,
        ["pycrucible/_resources/dataset_fields.py", "pycrucible/_resources/pipeline.py"],
    ),
    "change a type": (change_type, ["pycrucible/_resources/pipeline.py"]),
    "add a required parameter": (
        add_required_parameter,
        ["pycrucible/_resources/datasets.py"],
    ),
    "remove an operation the client uses": (
        remove_generated_operation,
        ["pycrucible/_resources/lineage.py"],
    ),
}


def _edited(tmp_path: Path, change: Callable[[Spec], None], tests: list[str]) -> Outcome:
    tree = make_copy(tmp_path / "copy")
    edit_contract(tree, change)
    regenerate_scratch(tree)
    return check_copy(tree, tests)


@pytest.mark.parametrize("edit", list(ADDITIVE))
def test_additive_edits_need_no_handwritten_change(tmp_path: Path, edit: str) -> None:
    outcome = _edited(tmp_path, ADDITIVE[edit], CLIENT_TESTS)
    assert outcome.mypy_ok, outcome.mypy_errors
    assert outcome.tests_ok, outcome.test_output


@pytest.mark.parametrize("edit", list(BREAKING_TYPED))
def test_breaking_edits_fail_mypy_at_the_handwritten_call_site(tmp_path: Path, edit: str) -> None:
    change, files = BREAKING_TYPED[edit]
    outcome = _edited(tmp_path, change, CLIENT_TESTS)
    assert not outcome.mypy_ok
    located = outcome.handwritten_errors()
    print(f"{edit}:", *located, sep="\n  ")
    assert located, outcome.mypy_errors
    for file in files:
        assert any(line.startswith(file + ":") for line in located), (file, located)


def test_removing_a_hand_built_operation_fails_the_client_tests(tmp_path: Path) -> None:
    outcome = _edited(
        tmp_path,
        remove_hand_built_operation,
        ["tests/integration/client/test_hand_built_routes.py"],
    )
    assert outcome.mypy_ok  # the route is read from the contract at run time
    assert outcome.tests_ok is False
    assert "upload_chunk" in outcome.test_output


def test_an_added_status_is_waited_on_from_the_contract(tmp_path: Path) -> None:
    tree = make_copy(tmp_path / "copy")
    edit_contract(tree, add_status)
    probe = (
        "from pycrucible._v1.contract import statuses, contract_path\n"
        f"assert str(contract_path()).startswith({str(tree)!r}), contract_path()\n"
        "assert 'queued' in statuses().pending\n"
    )
    subprocess.run([sys.executable, "-c", probe], cwd=tree, check=True)
