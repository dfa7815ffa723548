"""The API v3 contract is valid, complete for the agreed scope, well-formed and generates."""

from __future__ import annotations

import importlib
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from openapi_spec_validator import validate

ROOT = Path(__file__).resolve().parents[2]
V3_CONTRACT = ROOT / "openapi.json"
SPEC: dict[str, Any] = json.loads(V3_CONTRACT.read_text())
SCHEMAS: dict[str, Any] = SPEC["components"]["schemas"]
METHODS = ("get", "put", "post", "patch", "delete")


def _pairs(table: str) -> set[tuple[str, str]]:
    """(method, path) pairs of a table with one `METHOD /path` a line and `#` comment lines."""
    rows = [line.split() for line in table.splitlines() if line and not line.startswith("#")]
    return {(method, path) for method, path in rows}


def _words(text: str) -> set[str]:
    return set(text.split())


# Every (method, path) of inventory-v3 §2 except label printing (POST /print/barcode). Path
# parameters keep the inventory's names, except that /projects/{project_ref} also serves the
# MFID-only GET (§7 Q4).
_SCOPE_TABLE = """
# §2.1 health and account
GET    /health/live
GET    /health/ready
GET    /account
GET    /account/profile
PATCH  /account/profile
GET    /account/apikey
GET    /account/verify
POST   /account/sync-projects
GET    /account/join_requests
# §2.2 datasets
GET    /datasets
GET    /datasets/facets
GET    /datasets/search
GET    /datasets/{dataset_mfid}
POST   /datasets
PATCH  /datasets/{dataset_mfid}
PUT    /datasets/{dataset_mfid}/instrument
GET    /datasets/{dataset_mfid}/keywords
POST   /datasets/{dataset_mfid}/keywords
GET    /datasets/{dataset_mfid}/thumbnails
POST   /datasets/{dataset_mfid}/thumbnails
PATCH  /datasets/{dataset_mfid}/thumbnails/{thumbnail_id}
DELETE /datasets/{dataset_mfid}/thumbnails/{thumbnail_id}
POST   /datasets/{dataset_mfid}/samples/{sample_mfid}
DELETE /datasets/{dataset_mfid}/samples/{sample_mfid}
POST   /datasets/{parent_mfid}/children/{child_mfid}
DELETE /datasets/{parent_mfid}/children/{child_mfid}
GET    /datasets/{parent_mfid}/children
GET    /datasets/{child_mfid}/parents
POST   /datasets/{dataset_mfid}/carrier_segmentation
POST   /datasets/{dataset_mfid}/insitu_spec_aggregation
POST   /datasets/{dataset_mfid}/rga_analysis
POST   /datasets/{dataset_mfid}/mosaic_stitch
# §2.3 files, uploads, downloads
GET    /datasets/{dataset_mfid}/files
POST   /datasets/{dataset_mfid}/files
GET    /datasets/{dataset_mfid}/download_links
POST   /datasets/{dataset_mfid}/upload/multipart/initiate
GET    /datasets/{dataset_mfid}/upload/multipart/{upload_id}
POST   /datasets/{dataset_mfid}/upload/multipart/{upload_id}/parts
POST   /datasets/{dataset_mfid}/upload/multipart/complete
DELETE /datasets/{dataset_mfid}/upload/multipart/{upload_id}
POST   /files/{file_mfid}/upload/multipart/initiate
POST   /datasets/{dataset_mfid}/upload/initiate/multipart
POST   /datasets/{dataset_mfid}/upload/initiate
POST   /datasets/{dataset_mfid}/upload/complete
GET    /files
GET    /files/{file_mfid}
PATCH  /files/{file_mfid}
DELETE /files/{file_mfid}
GET    /files/{file_mfid}/download_link
POST   /files/{file_mfid}/ingest
# §2.4 ingestion requests
GET    /ingestion_requests
GET    /ingestion_requests/{request_id}
PATCH  /ingestion_requests/{request_id}
GET    /ingestors
# §2.5 samples
GET    /samples
GET    /samples/facets
GET    /samples/search
GET    /samples/{sample_mfid}
POST   /samples
PATCH  /samples/{sample_mfid}
GET    /samples/{parent_mfid}/children
GET    /samples/{child_mfid}/parents
POST   /samples/{parent_mfid}/children/{child_mfid}
DELETE /samples/{parent_mfid}/children/{child_mfid}
# §2.6 type-agnostic resources
GET    /resources/{mfid}
GET    /resources/{mfid}/links
GET    /resources/{mfid}/metadata
POST   /resources/{mfid}/metadata
PATCH  /resources/{mfid}/metadata
GET    /resources/metadata/search
GET    /resources/{mfid}/access
PUT    /resources/{mfid}/access/{kind}/{principal}
DELETE /resources/{mfid}/access/{kind}/{principal}
PUT    /resources/{mfid}/access/public
DELETE /resources/{mfid}/access/public
GET    /resources/{mfid}/access_groups
POST   /resources/{mfid}/access_groups
POST   /resources/{mfid}/transfer_ownership
POST   /resources/{mfid}/project
POST   /resources/{mfid}/delete
DELETE /resources/{mfid}
# §2.7 deletion workflow
GET    /deletion_requests
GET    /deletion_requests/{request_id}
PATCH  /deletion_requests/{request_id}
GET    /deletion_audit
GET    /deletion_audit/{audit_id}
# §2.8 projects
GET    /projects
GET    /projects/search
GET    /projects/{project_ref}
POST   /projects
PATCH  /projects/{project_ref}
GET    /projects/{project_ref}/users
POST   /projects/{project_ref}/users/{user_ref}
PATCH  /projects/{project_ref}/users/{user_ref}
DELETE /projects/{project_ref}/users/{user_ref}
# §2.9 instruments
GET    /instruments
GET    /instruments/search
GET    /instruments/{instrument_mfid}
POST   /instruments
PATCH  /instruments/{instrument_mfid}
POST   /instruments/{instrument_mfid}/status
GET    /instruments/{instrument_mfid}/service_accounts
POST   /instruments/{instrument_mfid}/service_accounts/{sa_mfid}
DELETE /instruments/{instrument_mfid}/service_accounts/{sa_mfid}
# §2.10 users
GET    /users
GET    /users/search
GET    /users/{user_id}
POST   /users
PATCH  /users/{user_id}
POST   /users/resolve
PATCH  /users/{user_id}/platform_role
DELETE /users/{user_id}/apikey
GET    /users/{user_id}/apikey/verify
GET    /users/{user_id}/access_groups
POST   /users/{user_id}/access_groups/{group_name}
DELETE /users/{user_id}/access_groups/{group_name}
GET    /users/{user_id}/projects
GET    /users/{user_ref}/datasets/{dataset_mfid}
# §2.11 service accounts
POST   /service_accounts
GET    /service_accounts
GET    /service_accounts/{sa_mfid}
PATCH  /service_accounts/{sa_mfid}
POST   /service_accounts/{sa_mfid}/rotate_key
# §2.12 access groups and join requests
POST   /access_groups/{group_name}/join
GET    /join_requests
PATCH  /join_requests/{request_id}
# §2.13 graphs
GET    /entity_graph_cte/{mfid}
GET    /project_graph/{project_id}
"""
IN_SCOPE = _pairs(_SCOPE_TABLE)

# x-elevation: `required` for what the client always elevates (§1.3) and for documented admin-only
# operations no resource role governs; `when-eligible` for §1.3's E? operations and for admin-only
# claims §7 Q13 calls possibly stale (the operation's description says why).
_ELEVATED_ALWAYS = """
add_resource_access_group create_user set_user_platform_role revoke_user_apikey
create_service_account list_service_accounts get_service_account update_service_account
rotate_service_account_key
"""
_ELEVATED_WHEN_ELIGIBLE = """
unlink_dataset_sample delete_resource list_deletion_requests get_deletion_request
review_deletion_request list_deletion_audit_logs get_deletion_audit_log update_project
list_project_members update_user verify_user_apikey add_user_access_group
remove_user_access_group list_join_requests
"""
ELEVATION = dict.fromkeys(_words(_ELEVATED_ALWAYS), "required")
ELEVATION |= dict.fromkeys(_words(_ELEVATED_WHEN_ELIGIBLE), "when-eligible")
# x-required-role: the documented resource-role requirements (§2 "R:" rows and project roles).
REQUIRED_ROLE = {
    "assign_dataset_instrument": "admin",
    "initiate_replace_upload": "editor",
    "update_ingestion_request": "editor",
    "update_project": "admin",
    "add_project_member": "editor",
    "update_project_member": "editor",
    "remove_project_member": "owner",
    "update_instrument": "editor",
    "set_instrument_status": "admin",
    "bind_instrument_service_account": "admin",
    "unbind_instrument_service_account": "admin",
}
# x-idempotent is false exactly here: each call creates something, or a repeat is refused.
NOT_RETRY_SAFE = _words(
    """
add_dataset_keyword create_dataset_thumbnail request_carrier_segmentation
request_insitu_spec_aggregation request_rga_analysis request_mosaic_stitch
register_dataset_file initiate_token_upload initiate_resumable_upload request_file_ingestion
create_sample request_resource_deletion review_deletion_request add_project_member
create_service_account rotate_service_account_key join_access_group review_join_request
"""
)
# Request-only vocabularies the server validates; every other vocabulary is an open string.
CLOSED_VOCABULARIES = {
    "PrivilegeMode",
    "SortDirection",
    "DownloadDisposition",
    "IngestionChoice",
    "ReviewDecision",
}
FREE_FORM_BODIES = {"ScientificMetadata"}


def _operations() -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (method.upper(), path, item[method])
        for path, item in SPEC["paths"].items()
        for method in METHODS
        if method in item
    ]


def _by_id() -> dict[str, dict[str, Any]]:
    return {op["operationId"]: op for _, _, op in _operations()}


def _walk(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from _walk(value)


def _reachable(node: Any) -> set[str]:
    """Names of the component schemas `node` refers to, directly or through other schemas."""
    seen: set[str] = set()
    todo = [node]
    while todo:
        for sub in _walk(todo.pop()):
            name = sub.get("$ref", "").removeprefix("#/components/schemas/")
            if name and name not in seen:
                seen.add(name)
                todo.append(SCHEMAS[name])
    return seen


def _ok_schema(op: dict[str, Any]) -> dict[str, Any]:
    schema: dict[str, Any] = op["responses"]["200"]["content"]["application/json"]["schema"]
    return schema


def test_contract_is_valid_openapi_31_for_api_3() -> None:
    assert SPEC["openapi"] == "3.1.0"
    validate(SPEC)
    assert SPEC["info"]["version"] == "3.0.0"
    urls = [server["url"] for server in SPEC["servers"]]
    assert urls == ["https://crucible.lbl.gov/api/v3", "https://crucible.lbl.gov/testapi-staging"]


def test_contract_holds_every_in_scope_operation_and_nothing_else() -> None:
    present = {(method, path) for method, path, _ in _operations()}
    assert IN_SCOPE - present == set(), "missing from the contract"
    assert present - IN_SCOPE == set(), "in the contract but not in scope"
    assert "/print/barcode" not in SPEC["paths"]


def test_committed_file_is_stable_pretty_json() -> None:
    text = V3_CONTRACT.read_text()
    assert text == json.dumps(SPEC, indent=2, ensure_ascii=False) + "\n"


def test_operation_ids_are_short_unique_snake_case_with_one_known_tag() -> None:
    ids = [op["operationId"] for _, _, op in _operations()]
    assert len(ids) == len(set(ids))
    tags = [tag["name"] for tag in SPEC["tags"]]
    used = set()
    for method, path, op in _operations():
        assert re.fullmatch(r"[a-z]+(_[a-z0-9]+){1,4}", op["operationId"]), (method, path)
        assert len(op["tags"]) == 1, (method, path)
        assert op["tags"][0] in tags, (method, path)
        used.add(op["tags"][0])
    assert used == set(tags)


def test_every_operation_and_parameter_is_described() -> None:
    for method, path, op in _operations():
        assert op.get("summary"), (method, path)
        assert op.get("description"), (method, path)
        for param in op.get("parameters", []):
            assert param.get("description"), (method, path, param["name"])


def test_bodies_and_nested_objects_are_named_component_schemas() -> None:
    for method, path, op in _operations():
        for node in _walk({"b": op.get("requestBody"), "r": op["responses"]}):
            assert "properties" not in node, (method, path)
    for name, schema in SCHEMAS.items():
        for node in _walk(schema.get("properties", [])):
            assert "properties" not in node, name


def test_every_component_schema_is_used() -> None:
    assert _reachable(SPEC["paths"]) == set(SCHEMAS)


def test_no_closed_enums_on_open_vocabularies() -> None:
    enums = {name for name, schema in SCHEMAS.items() if "enum" in schema}
    assert enums == CLOSED_VOCABULARIES
    for name, schema in SCHEMAS.items():
        nested = [node for node in _walk(schema.get("properties", {})) if "enum" in node]
        assert nested == [], name
    inline = [node for node in _walk(SPEC["paths"]) if "enum" in node]
    assert inline == []
    for method, path, op in _operations():
        for code, response in op["responses"].items():
            assert _reachable(response) & CLOSED_VOCABULARIES == set(), (method, path, code)


def test_errors_have_the_three_detail_shapes() -> None:
    shapes = SCHEMAS["ErrorResponse"]["properties"]["detail"]["oneOf"]
    assert {"type": "string"} in shapes
    assert {
        "type": "array",
        "items": {"$ref": "#/components/schemas/ValidationErrorItem"},
    } in shapes
    assert {"$ref": "#/components/schemas/StructuredErrorDetail"} in shapes
    assert SCHEMAS["StructuredErrorDetail"]["required"] == ["code"]


def test_auth_not_found_and_validation_errors_are_documented() -> None:
    error = {"$ref": "#/components/schemas/ErrorResponse"}
    validation = {"$ref": "#/components/schemas/HTTPValidationError"}
    for method, path, op in _operations():
        responses = op["responses"]
        codes = ["401", "403"] if op.get("security") != [] else []
        codes += ["404"] if "{" in path else []
        for code in codes:
            assert responses[code]["content"]["application/json"]["schema"] == error, (path, code)
        if op.get("parameters") or op.get("requestBody"):
            schema = responses["422"]["content"]["application/json"]["schema"]
            assert schema == validation, (method, path)


def test_only_health_is_open_and_every_other_operation_takes_the_privilege_header() -> None:
    open_ops = {op["operationId"] for _, _, op in _operations() if op.get("security") == []}
    assert open_ops == {"get_liveness", "get_readiness"}
    for _, _, op in _operations():
        headers = [p for p in op.get("parameters", []) if p["name"] == "Crucible-Privilege-Mode"]
        if op["operationId"] in open_ops:
            assert headers == []
            continue
        assert len(headers) == 1, op["operationId"]
        assert headers[0]["in"] == "header"
        assert headers[0]["required"] is False
        assert headers[0]["schema"] == {"$ref": "#/components/schemas/PrivilegeMode"}
    assert SCHEMAS["PrivilegeMode"]["enum"] == ["normal", "elevated"]


def test_request_bodies_refuse_unknown_fields() -> None:
    for method, path, op in _operations():
        if "requestBody" not in op:
            continue
        body = op["requestBody"]["content"]["application/json"]["schema"]
        for name in _reachable(body):
            schema = SCHEMAS[name]
            if schema["type"] != "object":
                continue
            if name in FREE_FORM_BODIES:
                assert schema["additionalProperties"] is True
            else:
                assert schema["additionalProperties"] is False, (method, path, name)


@pytest.mark.parametrize("operation_id", ["get_dataset", "get_sample", "get_instrument"])
def test_records_some_servers_answer_with_null_are_nullable_and_404(operation_id: str) -> None:
    op = _by_id()[operation_id]
    assert {"type": "null"} in _ok_schema(op)["anyOf"]
    assert "404" in op["responses"]


@pytest.mark.parametrize("operation_id", ["get_user", "get_project", "get_resource"])
def test_records_that_are_never_null_answer_404(operation_id: str) -> None:
    op = _by_id()[operation_id]
    assert "$ref" in _ok_schema(op)
    assert "404" in op["responses"]


def test_metadata_of_a_record_without_any_is_200_null() -> None:
    schema = _ok_schema(_by_id()["get_resource_metadata"])
    assert schema == {"anyOf": [{"$ref": "#/components/schemas/MetadataRecord"}, {"type": "null"}]}
    nullable = {oid for oid, op in _by_id().items() if "anyOf" in _ok_schema(op)}
    assert nullable == {"get_dataset", "get_sample", "get_instrument", "get_resource_metadata"}


def test_lists_use_named_page_envelopes_and_capped_limits() -> None:
    for method, path, op in _operations():
        params = {p["name"]: p for p in op.get("parameters", [])}
        if "limit" not in params:
            continue
        schema = params["limit"]["schema"]
        cap = 50 if op["operationId"].startswith("search_") else 1000
        assert schema["maximum"] == cap, (method, path)
        assert str(schema["default"]) in params["limit"]["description"], (method, path)
        ok = _ok_schema(op)["$ref"].removeprefix("#/components/schemas/")
        if "offset" in params and not params["offset"].get("deprecated"):
            assert ok.endswith("OffsetPage"), (method, path)
        elif "cursor" in params and "field" not in params:
            assert ok.endswith("CursorPage"), (method, path)
    for name, schema in SCHEMAS.items():
        for style, required in (
            ("OffsetPage", {"items", "limit", "offset"}),
            ("CursorPage", {"items", "next_cursor"}),
        ):
            if name.endswith(style):
                item = name.removesuffix(style)
                items = schema["properties"]["items"]["items"]["$ref"]
                assert items.removeprefix("#/components/schemas/") in {item, f"{item}Read"}, name
                assert set(schema["required"]) == required, name


def test_every_operation_says_whether_it_is_retry_safe() -> None:
    ops = _by_id()
    assert set(ops) >= NOT_RETRY_SAFE
    for method, _, op in _operations():
        assert op["x-idempotent"] is (op["operationId"] not in NOT_RETRY_SAFE), op["operationId"]
        if method in {"GET", "PUT", "DELETE"}:
            assert op["x-idempotent"] is True
    for oid in ("initiate_multipart_upload", "initiate_replace_upload"):
        headers = {p["name"] for p in ops[oid]["parameters"] if p["in"] == "header"}
        assert "Idempotency-Key" in headers, oid
    assert "unique_id" in SCHEMAS["DatasetCreate"]["required"]
    assert "unique_id" not in SCHEMAS["SampleCreate"].get("required", [])


def test_elevation_and_roles_are_marked_with_a_sentence() -> None:
    ops = _by_id()
    elevation = {oid: op["x-elevation"] for oid, op in ops.items() if "x-elevation" in op}
    assert elevation == ELEVATION
    roles = {oid: op["x-required-role"] for oid, op in ops.items() if "x-required-role" in op}
    assert roles == REQUIRED_ROLE
    for oid, op in ops.items():
        assert ("Elevation:" in op["description"]) is (oid in ELEVATION), oid
        if oid in REQUIRED_ROLE:
            assert f"Role: needs at least the `{REQUIRED_ROLE[oid]}` role" in op["description"]


def test_ingestion_status_classes_are_machine_readable() -> None:
    status = SCHEMAS["IngestionStatus"]
    assert status["type"] == "string"
    assert "enum" not in status
    groups = [status[f"x-status-{kind}"] for kind in ("pending", "success", "failure")]
    flat = [value for group in groups for value in group]
    assert len(flat) == len(set(flat))
    assert {"requested", "started"} <= set(groups[0])
    assert "complete" in groups[1]
    assert "failed" in groups[2]
    for value in flat:
        assert f"`{value}`" in status["description"], value
    for name in ("IngestionRequest", "IngestionRequestUpdate"):
        assert SCHEMAS[name]["properties"]["status"] == {
            "$ref": "#/components/schemas/IngestionStatus"
        }


# Explicit links, so a stateful fuzzer can chain a create with the operations on what it made.
LINKED = {
    "create_dataset": {"get_dataset", "update_dataset"},
    "create_sample": {"get_sample", "update_sample"},
    "create_project": {"get_project", "update_project"},
    "create_instrument": {"get_instrument", "update_instrument"},
    "initiate_multipart_upload": {"list_upload_parts", "sign_upload_parts"},
}


def test_creates_link_to_the_operations_on_what_they_made() -> None:
    ops = _by_id()
    for source, op in ops.items():
        response = op["responses"]["200"]
        links = response.get("links", {})
        assert LINKED.get(source, set()) <= {link["operationId"] for link in links.values()}
        body = (
            SCHEMAS[_ok_schema(op)["$ref"].removeprefix("#/components/schemas/")] if links else {}
        )
        for name, link in links.items():
            target = ops[link["operationId"]]
            path_params = {p["name"] for p in target["parameters"] if p["in"] == "path"}
            assert set(link["parameters"]) == path_params, (source, name)
            for expression in link["parameters"].values():
                field = expression.removeprefix("$response.body#/")
                if field != expression:
                    assert field in body["properties"], (source, name, field)
                else:
                    own = {p["name"] for p in op["parameters"] if p["in"] == "path"}
                    assert expression.removeprefix("$request.path.") in own, (source, name)


def test_contract_generates_one_importable_module_per_operation() -> None:
    # The committed package: scripts/regenerate generates it with --fail-on-warning, and
    # scripts/regenerate --check keeps it equal to the contract.
    package = ROOT / "generated" / "crucible_openapi" / "v3"
    modules = sorted(f"{op['tags'][0]}.{op['operationId']}" for _, _, op in _operations())
    for module in modules:
        assert (package / "api" / Path(*module.split("."))).with_suffix(".py").is_file()
        imported = importlib.import_module(f"crucible_openapi.v3.api.{module}")
        assert callable(imported.sync_detailed), module
    models = importlib.import_module("crucible_openapi.v3.models")
    assert Path(str(models.__file__)).is_relative_to(package)
    names = {name for name in dir(models) if name[:1].isupper()}
    for name in sorted(set(SCHEMAS) - {"IngestionStatus"}):
        assert name in names, name
