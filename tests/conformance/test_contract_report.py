"""The change report of the regeneration job classifies prepared contract edits correctly.

Every edit is made on a copy of openapi-v1.json (stable, known content), published by a loopback
HTTP server, and run through the same path as ``scripts/regenerate --check --from URL``: fetch,
normalise against our copy, validate, compare. The generator is not involved (see
test_regenerate_from.py for the whole script).
"""

from __future__ import annotations

import copy
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

# The contract tools are plain scripts in scripts/; the loopback helper sits beside this file.
sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

import _contract_normalise
import _contract_report
import _contract_update
from _regen_helpers import ROOT, Publisher, publishing

Spec = dict[str, Any]
V1: Spec = json.loads((ROOT / "openapi-v1.json").read_text())


def _base() -> Spec:
    """openapi-v1.json with one closed vocabulary added, so enum edits have something to edit."""
    spec = copy.deepcopy(V1)
    spec["components"]["schemas"]["Dataset"]["properties"]["measurement"] = {
        "type": "string",
        "enum": ["XRD", "SEM"],
        "description": "Measurement kind.",
    }
    return spec


@pytest.fixture(scope="module")
def publisher() -> Iterator[Publisher]:
    with publishing() as running:
        yield running


@pytest.fixture(scope="module")
def ours(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("contract") / "openapi.json"
    path.write_text(_contract_update.dump(_base()))
    return path


def _check(publisher: Publisher, ours: Path, served: Spec) -> tuple[bool, str]:
    """Fetches ``served`` over loopback, normalises it against ours and compares, as the
    ``--from`` path does (without its slow OpenAPI validation, run by the script tests)."""
    url = publisher.publish(served)
    mine = json.loads(ours.read_text())
    report = _contract_report.compare(
        mine, _contract_normalise.normalise(_contract_update.fetch(url), mine)
    )
    return report.breaking, report.render(ours.name, url)


def _dataset(spec: Spec) -> dict[str, Any]:
    props: dict[str, Any] = spec["components"]["schemas"]["Dataset"]["properties"]
    return props


def _add_field(spec: Spec) -> None:
    _dataset(spec)["colour"] = {"type": "string", "description": "Colour of the sample holder."}


def _add_endpoint(spec: Spec) -> None:
    spec["paths"]["/widgets"] = {
        "get": {
            "operationId": "list_widgets_widgets_get",
            "summary": "List Widgets",
            "responses": {
                "200": {
                    "description": "Successful Response",
                    "content": {"application/json": {"schema": {"type": "string"}}},
                }
            },
        }
    }


def _rename_field(spec: Spec) -> None:
    _dataset(spec)["dataset_title"] = _dataset(spec).pop("dataset_name")


def _change_type(spec: Spec) -> None:
    _dataset(spec)["size"]["anyOf"][0] = {"type": "string"}


def _add_required_parameter(spec: Spec) -> None:
    spec["paths"]["/datasets"]["get"]["parameters"].append(
        {"name": "owner", "in": "query", "required": True, "schema": {"type": "string"}}
    )


def _add_optional_parameter(spec: Spec) -> None:
    spec["paths"]["/datasets"]["get"]["parameters"].append(
        {"name": "colour", "in": "query", "required": False, "schema": {"type": "string"}}
    )


def _remove_operation(spec: Spec) -> None:
    del spec["paths"]["/datasets/{dsid}"]["delete"]


def _add_enum_value(spec: Spec) -> None:
    _dataset(spec)["measurement"]["enum"].append("TEM")


def _narrow_enum(spec: Spec) -> None:
    _dataset(spec)["measurement"]["enum"].remove("SEM")


EDITS: list[tuple[str, Callable[[Spec], None], str, bool]] = [
    ("added field", _add_field, "field added: colour", False),
    ("new endpoint", _add_endpoint, "added GET /widgets (list_widgets)", False),
    (
        "renamed field",
        _rename_field,
        "field removed: dataset_name (renamed to dataset_title?)",
        True,
    ),
    ("type change", _change_type, "size: type integer | null -> null | string", True),
    (
        "new required parameter",
        _add_required_parameter,
        "new required parameter: query owner",
        True,
    ),
    (
        "new optional parameter",
        _add_optional_parameter,
        "new optional parameter: query colour",
        False,
    ),
    (
        "removed operation",
        _remove_operation,
        "removed DELETE /datasets/{dsid} (delete_dataset)",
        True,
    ),
    ("new enum value", _add_enum_value, "measurement: new enum values: 'TEM'", False),
    ("narrowed enum", _narrow_enum, "measurement: enum narrowed, values removed: 'SEM'", True),
]


@pytest.mark.parametrize(
    ("edit", "expected", "breaking"), [e[1:] for e in EDITS], ids=[e[0] for e in EDITS]
)
def test_an_edit_is_reported_and_classified(
    publisher: Publisher,
    ours: Path,
    tmp_path: Path,
    edit: Callable[[Spec], None],
    expected: str,
    breaking: bool,
) -> None:
    served = _base()
    edit(served)

    flagged, report = _check(publisher, ours, served)

    mark = "[breaking]" if breaking else "[not breaking]"
    assert f"{mark} {expected}" in [line.lstrip(" -") for line in report.splitlines()], report
    summary = "1 breaking, 0 not breaking." if breaking else "0 breaking, 1 not breaking."
    assert summary in report
    assert flagged == breaking


def test_the_same_document_is_no_change(publisher: Publisher, ours: Path, tmp_path: Path) -> None:
    url = publisher.publish(_base())
    report = tmp_path / "report.md"
    status = _contract_update.main([url, "--spec", str(ours), "--check", "--report", str(report)])
    assert status == 0
    assert "no change" in report.read_text()


def test_fastapi_ids_and_missing_texts_keep_ours(
    publisher: Publisher, ours: Path, tmp_path: Path
) -> None:
    served = _base()
    get_dataset = served["paths"]["/datasets/{dsid}"]["get"]
    get_dataset["operationId"] = "get_dataset_datasets__dsid__get"
    get_dataset["summary"] = "Get Dataset"
    del get_dataset["description"]
    get_dataset["responses"]["200"]["description"] = "Successful Response"
    served["paths"]["/datasets"]["get"]["parameters"][0]["description"] = ""
    served["paths"]["/datasets"]["get"]["operationId"] = "listDatasets"
    del served["components"]["schemas"]["Dataset"]["description"]
    served["components"]["schemas"]["Dataset"]["title"] = "Dataset"
    for name, prop in _dataset(served).items():
        prop["title"] = name.replace("_", " ").title()
    get_dataset["parameters"][0]["schema"]["title"] = "Dsid"

    flagged, report = _check(publisher, ours, served)

    assert not flagged
    assert "no change" in report


def test_a_better_server_text_and_a_real_rename_are_taken() -> None:
    server = _base()
    get_dataset = server["paths"]["/datasets/{dsid}"]["get"]
    longer = get_dataset["description"] + " Since v1.1 it also lists the dataset's files."
    get_dataset["description"] = longer
    get_dataset["operationId"] = "read_dataset"

    result = _contract_normalise.normalise(server, _base())

    assert result["paths"]["/datasets/{dsid}"]["get"]["description"] == longer
    report = _contract_report.compare(_base(), result)
    lines = report.render("ours", "theirs").splitlines()
    assert "- [breaking] changed GET /datasets/{dsid} (read_dataset)" in lines
    assert any("[not breaking] description changed" in line for line in lines)


def test_a_new_fastapi_operation_gets_its_function_name() -> None:
    server = _base()
    _add_endpoint(server)
    del server["paths"]["/datasets/{dsid}"]["get"]["tags"]

    result = _contract_normalise.normalise(server, _base())

    assert result["paths"]["/widgets"]["get"]["operationId"] == "list_widgets"
    assert result["paths"]["/datasets/{dsid}"]["get"]["tags"] == ["datasets"]


def test_key_order_follows_ours_and_new_keys_are_sorted() -> None:
    server = json.loads(json.dumps(_base(), sort_keys=True))
    _add_field(server)
    server["components"]["schemas"]["Dataset"]["properties"]["alpha"] = {"type": "string"}

    result = _contract_normalise.normalise(server, _base())

    names = list(result["components"]["schemas"]["Dataset"]["properties"])
    assert names == [*_dataset(_base()), "alpha", "colour"]
    assert list(result) == list(_base())
    same = _contract_normalise.normalise(json.loads(json.dumps(_base(), sort_keys=True)), _base())
    assert _contract_update.dump(same) == _contract_update.dump(_base())


def test_binary_parts_become_format_binary() -> None:
    server = _base()
    files = server["components"]["schemas"]["UploadFilesBody"]["properties"]["files"]
    files["items"] = {"type": "string", "contentMediaType": "application/octet-stream"}

    result = _contract_normalise.normalise(server, _base())

    items = result["components"]["schemas"]["UploadFilesBody"]["properties"]["files"]["items"]
    assert items == {"type": "string", "format": "binary"}


@pytest.mark.parametrize(
    ("served", "message"),
    [
        (b"<html>not json</html>", "did not answer JSON"),
        (json.dumps({"swagger": "2.0"}).encode(), "OpenAPI 3.1"),
        (json.dumps({"openapi": "3.1.0", "paths": {"/x": {"get": 1}}}).encode(), "not a valid"),
    ],
)
def test_an_unusable_document_writes_nothing(
    publisher: Publisher,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    served: bytes,
    message: str,
) -> None:
    ours = tmp_path / "openapi.json"
    ours.write_text("{}")
    written = tmp_path / "new.json"
    url = publisher.publish(served, "/bad.json")

    status = _contract_update.main([url, "--spec", str(ours), "--write", str(written)])

    assert status == 3
    assert message in capsys.readouterr().err
    assert not written.exists()


def test_an_unreachable_server_is_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ours = tmp_path / "openapi.json"
    ours.write_text("{}")
    with publishing() as gone:
        url = gone.base_url + "/openapi.json"
    for bad in (url, "http://[::1", "not a url"):
        assert _contract_update.main([bad, "--spec", str(ours), "--check"]) == 3
        assert "cannot fetch" in capsys.readouterr().err


def _schemas(spec: Spec) -> dict[str, Any]:
    schemas: dict[str, Any] = spec["components"]["schemas"]
    return schemas


def _details(old: Spec, new: Spec) -> list[tuple[str, bool]]:
    report = _contract_report.compare(old, new)
    return [(d.text, d.breaking) for change in report.changes for d in change.details]


def test_required_fields_count_by_direction() -> None:
    new = _base()
    create = _schemas(new)["DatasetCreate"]
    create["properties"]["colour"] = {"type": "string"}
    create["required"] = ["colour", "dataset_name"]
    _schemas(new)["Dataset"]["required"] = []

    details = _details(_base(), new)

    assert ("new required field: colour", True) in details
    assert ("field dataset_name is now required", True) in details
    assert ("field unique_id is now optional", True) in details


def test_a_required_field_added_to_a_response_schema_is_not_breaking() -> None:
    new = _base()
    _dataset(new)["colour"] = {"type": "string"}
    _schemas(new)["Dataset"]["required"].append("colour")

    assert _details(_base(), new) == [("field added: colour", False)]


def test_texts_and_schemas_added_or_removed() -> None:
    new = _base()
    _schemas(new)["Widget"] = {"type": "object", "description": "A widget."}
    del _schemas(new)["Keyword"]
    new["paths"]["/keywords"]["get"]["description"] = "Another text."

    report = _contract_report.compare(_base(), new)
    lines = report.render("ours", "theirs").splitlines()

    assert "- [not breaking] added Widget" in lines
    assert "- [breaking] removed Keyword" in lines
    assert "  - [not breaking] description changed" in lines
