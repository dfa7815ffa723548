"""The seed-era contract (openapi-v1.json) is valid, complete for the agreed scope, well-formed."""

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
SPEC: dict[str, Any] = json.loads((ROOT / "openapi-v1.json").read_text())
METHODS = {"get", "post", "put", "patch", "delete"}

# Every (method, path) the contract must hold: the seed client's 43 calls (inventory §2A), the
# seed-era endpoints it does not call, all of §2B, the chosen part of §2C and the resumable upload.
SEED_CALLS = {
    ("GET", "/projects"),
    ("GET", "/projects/{project_id}"),
    ("POST", "/projects"),
    ("GET", "/projects/{project_id}/users"),
    ("GET", "/users/{orcid}"),
    ("GET", "/users"),
    ("POST", "/users"),
    ("GET", "/datasets"),
    ("GET", "/samples/{sample_id}/datasets"),
    ("GET", "/datasets/{dsid}"),
    ("POST", "/datasets"),
    ("DELETE", "/datasets/{dsid}"),
    ("POST", "/datasets/{dsid}/upload"),
    ("GET", "/datasets/{dsid}/download/{file_name}"),
    ("POST", "/datasets/{dsid}/ingest"),
    ("GET", "/datasets/{dsid}/ingest/{reqid}"),
    ("PATCH", "/datasets/{dsid}/ingest/{reqid}"),
    ("POST", "/datasets/{dsid}/scicat_update"),
    ("GET", "/datasets/{dsid}/scicat_update/{reqid}"),
    ("PATCH", "/datasets/{dsid}/scicat_update/{reqid}"),
    ("POST", "/datasets/{dsid}/google_drive_transfer"),
    ("PATCH", "/datasets/{dsid}/google_drive_transfer/{reqid}"),
    ("GET", "/datasets/{dsid}/drive_location"),
    ("GET", "/datasets/{dsid}/access_groups"),
    ("GET", "/datasets/{dsid}/keywords"),
    ("POST", "/datasets/{dsid}/keywords"),
    ("GET", "/datasets/{dsid}/scientific_metadata"),
    ("POST", "/datasets/{dsid}/scientific_metadata"),
    ("GET", "/datasets/{dsid}/thumbnails"),
    ("POST", "/datasets/{dsid}/thumbnails"),
    ("GET", "/datasets/{dsid}/associated_files"),
    ("POST", "/datasets/{dsid}/associated_files"),
    ("GET", "/instruments"),
    ("POST", "/instruments"),
    ("GET", "/samples"),
    ("GET", "/samples/{sample_id}"),
    ("POST", "/samples"),
    ("GET", "/samples/{sample_id}/children"),
    ("POST", "/samples/{parent_id}/children/{child_id}"),
    ("GET", "/datasets/{dsid}/samples"),
    ("POST", "/datasets/{dsid}/samples/{sample_id}"),
    ("POST", "/samples/{sample_id}/metadata/{sample_type}"),
    ("GET", "/samples/{sample_id}/metadata/{sample_type}"),
}
SEED_ERA_UNCALLED = {
    ("PATCH", "/datasets/{dsid}"),
    ("PATCH", "/datasets/{dsid}/scientific_metadata"),
    ("GET", "/account"),
    ("GET", "/users/{orcid}/projects"),
}
POST_SEED_2B = {
    ("GET", "/keywords"),
    ("POST", "/projects/{project_id}/users/{orcid}"),
    ("PATCH", "/samples/{sample_id}"),
    ("GET", "/samples/{sample_id}/parents"),
    ("GET", "/datasets/{dsid}/download_links"),
    ("POST", "/datasets/{parent_dsid}/children/{child_dsid}"),
    ("GET", "/datasets/{dsid}/children"),
    ("GET", "/datasets/{dsid}/parents"),
    ("POST", "/datasets/{dsid}/carrier_segmentation"),
    ("DELETE", "/datasets/{dsid}/samples/{sample_id}"),
    ("GET", "/projects/{project_id}/sample_graph"),
}
CHOSEN_2C = {
    ("POST", "/datasets/{dsid}/access_groups"),
    ("GET", "/users/{orcid}/access_groups"),
    ("POST", "/users/{orcid}/access_groups/{group_name}"),
    ("DELETE", "/users/{orcid}/access_groups/{group_name}"),
    ("GET", "/users/{orcid}/datasets"),
    ("GET", "/users/{orcid}/datasets/{dsid}"),
    ("DELETE", "/projects/{project_id}/users/{orcid}"),
    ("DELETE", "/datasets/{parent_dsid}/children/{child_dsid}"),
    ("DELETE", "/samples/{parent_id}/children/{child_id}"),
    ("GET", "/resources/{resource_id}"),
}
RESUMABLE_UPLOAD = {
    ("POST", "/datasets/{dsid}/upload/initiate"),
    ("PUT", "/uploads/{upload_id}"),
    ("POST", "/datasets/{dsid}/upload/complete"),
}
IN_SCOPE = SEED_CALLS | SEED_ERA_UNCALLED | POST_SEED_2B | CHOSEN_2C | RESUMABLE_UPLOAD


def _operations() -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (method.upper(), path, op)
        for path, item in SPEC["paths"].items()
        for method, op in item.items()
        if method in METHODS
    ]


def _walk(node: Any, trail: str = "") -> list[tuple[str, dict[str, Any]]]:
    found: list[tuple[str, dict[str, Any]]] = []
    if isinstance(node, dict):
        found.append((trail, node))
        for key, value in node.items():
            found.extend(_walk(value, f"{trail}/{key}"))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found.extend(_walk(value, f"{trail}/{index}"))
    return found


def test_spec_is_valid_openapi_31() -> None:
    assert SPEC["openapi"] == "3.1.0"
    validate(SPEC)


def test_seed_client_calls_are_43() -> None:
    assert len(SEED_CALLS) == 43


@pytest.mark.parametrize(("method", "path"), sorted(IN_SCOPE))
def test_in_scope_operation_is_in_the_contract(method: str, path: str) -> None:
    assert method.lower() in SPEC["paths"].get(path, {}), f"{method} {path} missing"


def test_contract_holds_nothing_out_of_scope() -> None:
    present = {(method, path) for method, path, _ in _operations()}
    assert present - IN_SCOPE == set()


def test_both_seed_era_servers_are_listed() -> None:
    urls = [server["url"] for server in SPEC["servers"]]
    assert any(url.endswith("/testapi") for url in urls)
    assert any(url.endswith("/api/v1") for url in urls)


def test_operation_ids_are_short_unique_snake_case_with_one_tag() -> None:
    ids = [op["operationId"] for _, _, op in _operations()]
    assert len(ids) == len(set(ids))
    tags = {tag["name"] for tag in SPEC["tags"]}
    for method, path, op in _operations():
        assert re.fullmatch(r"[a-z]+(_[a-z0-9]+){1,4}", op["operationId"]), (method, path)
        assert len(op["tags"]) == 1, (method, path)
        assert op["tags"][0] in tags, (method, path)


def test_every_operation_and_parameter_is_described() -> None:
    for method, path, op in _operations():
        assert op.get("summary"), (method, path)
        assert op.get("description"), (method, path)
        for param in op.get("parameters", []):
            assert param.get("description"), (method, path, param["name"])


def test_one_bearer_scheme_and_only_the_chunk_put_is_open() -> None:
    schemes = SPEC["components"]["securitySchemes"]
    assert schemes == {"bearerAuth": schemes["bearerAuth"]}
    assert schemes["bearerAuth"]["scheme"] == "bearer"
    open_ops = {(m, p) for m, p, op in _operations() if op.get("security") == []}
    assert open_ops == {("PUT", "/uploads/{upload_id}")}


def test_authenticated_operations_document_auth_errors() -> None:
    for method, path, op in _operations():
        if op.get("security") == []:
            continue
        for code in ("400", "401", "403"):
            schema = op["responses"][code]["content"]["application/json"]["schema"]
            assert schema == {"$ref": "#/components/schemas/ErrorDetail"}, (method, path, code)


def test_operations_with_input_document_422() -> None:
    for method, path, op in _operations():
        if op.get("parameters") or op.get("requestBody"):
            schema = op["responses"]["422"]["content"]["application/json"]["schema"]
            assert schema == {"$ref": "#/components/schemas/HTTPValidationError"}, (method, path)


@pytest.mark.parametrize(
    "path",
    [
        "/datasets/{dsid}",
        "/samples/{sample_id}",
        "/projects/{project_id}",
        "/users/{orcid}",
        "/resources/{resource_id}",
    ],
)
def test_unknown_single_records_answer_200_null(path: str) -> None:
    schema = SPEC["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    assert {"type": "null"} in schema["anyOf"]


def test_admin_only_operations_are_marked_in_both_ways() -> None:
    admin = {(m, p) for m, p, op in _operations() if op.get("x-admin-only")}
    expected = {
        ("GET", "/projects"),
        ("POST", "/projects"),
        ("GET", "/projects/{project_id}/users"),
        ("GET", "/users/{orcid}"),
        ("GET", "/users"),
        ("POST", "/users"),
        ("GET", "/datasets/{dsid}/access_groups"),
        ("PATCH", "/datasets/{dsid}/ingest/{reqid}"),
        ("PATCH", "/datasets/{dsid}/scicat_update/{reqid}"),
        ("PATCH", "/datasets/{dsid}/google_drive_transfer/{reqid}"),
        ("POST", "/instruments"),
    }
    assert expected <= admin
    for method, path, op in _operations():
        says_admin = "Admin only" in op["description"]
        assert says_admin == bool(op.get("x-admin-only")), (method, path)


def test_no_closed_enums_anywhere() -> None:
    offenders = [trail for trail, node in _walk(SPEC) if "enum" in node]
    assert offenders == []


def test_binary_parts_use_format_binary() -> None:
    upload = SPEC["components"]["schemas"]["UploadFilesBody"]["properties"]["files"]
    assert upload["items"] == {"type": "string", "format": "binary"}
    for trail, node in _walk(SPEC):
        assert "contentMediaType" not in node, trail


def test_every_component_schema_is_used() -> None:
    text = json.dumps(SPEC["paths"]) + json.dumps(SPEC["components"]["schemas"])
    for name in SPEC["components"]["schemas"]:
        assert f'"#/components/schemas/{name}"' in text, name


def test_one_generated_module_per_operation_and_all_import() -> None:
    api = ROOT / "generated" / "crucible_openapi" / "v1" / "api"
    for method, path, op in _operations():
        module = api / op["tags"][0] / f"{op['operationId']}.py"
        assert module.is_file(), (method, path, module)
        imported = importlib.import_module(
            f"crucible_openapi.v1.api.{op['tags'][0]}.{op['operationId']}"
        )
        assert callable(imported.sync_detailed)
    models = importlib.import_module("crucible_openapi.v1.models")
    for info in pkgutil.iter_modules(models.__path__):
        importlib.import_module(f"crucible_openapi.v1.models.{info.name}")
    for name, schema in SPEC["components"]["schemas"].items():
        if schema.get("type") == "string":
            continue  # a named string (ProcessingStatus) is a plain `str` in the generated code
        assert hasattr(models, name), name
