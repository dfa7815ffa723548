"""The API contracts the local server is checked against, and their operations.

``CONTRACTS`` names the contract file of each API version: the one place to change when a
contract file is renamed. An :class:`Operation` knows its method, path template, parameters,
request body schema and response schemas, and holds compiled JSON Schema validators
(Draft 2020-12, which OpenAPI 3.1 uses), built on first use and kept.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator

REPO_ROOT = Path(__file__).resolve().parents[2]

CONTRACTS: dict[str, str] = {"v1": "openapi.json", "v3": "openapi-v3.json"}
"""Contract file (at the project root) of each API version."""

_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def contract_path(version: str) -> Path:
    """Return the contract file of an API version (``v1`` or ``v3``)."""
    return REPO_ROOT / CONTRACTS[version]


@cache
def load_contract(version: str) -> dict[str, Any]:
    """Return the parsed contract of an API version (read once)."""
    document: dict[str, Any] = json.loads(contract_path(version).read_text(encoding="utf-8"))
    return document


@dataclass
class Operation:
    """One operation of a contract, with lazily compiled validators.

    Attributes:
        version: ``v1`` or ``v3``.
        method: Upper-case HTTP method.
        path: Path template, e.g. ``/datasets/{dataset_mfid}``.
        operation_id: The contract's operationId.
        spec: The operation object of the contract.
    """

    version: str
    method: str
    path: str
    operation_id: str
    spec: dict[str, Any]
    pattern: re.Pattern[str]
    literal_segments: int
    _validators: dict[str, Draft202012Validator] = field(default_factory=dict, repr=False)

    def parameters(self, location: str) -> dict[str, dict[str, Any]]:
        """Return the operation's parameters in one location (``query``, ``header``, ``path``)."""
        return {p["name"]: p for p in self.spec.get("parameters", []) if p.get("in") == location}

    def json_body_schema(self) -> dict[str, Any] | None:
        """Return the JSON request body schema, or None when the body is not JSON."""
        content = self.spec.get("requestBody", {}).get("content", {})
        media = content.get("application/json")
        return None if media is None else media.get("schema", {})

    def body_required(self) -> bool:
        """Whether the contract requires a request body."""
        return bool(self.spec.get("requestBody", {}).get("required", False))

    def response_media(self, status: int) -> dict[str, Any] | None:
        """Return the ``content`` map declared for a status (or its class, or default).

        None when the status is not declared at all.
        """
        responses = self.spec.get("responses", {})
        for key in (str(status), f"{str(status)[0]}XX", "default"):
            if key in responses:
                content: dict[str, Any] = responses[key].get("content", {})
                return content
        return None

    def validator(self, key: str, schema: dict[str, Any]) -> Draft202012Validator:
        """Return (compiling once) the validator of one schema of this operation."""
        found = self._validators.get(key)
        if found is None:
            components = load_contract(self.version).get("components", {})
            wrapped = (
                {**schema, "components": components} if "$ref" in json.dumps(schema) else schema
            )
            found = self._validators[key] = Draft202012Validator(wrapped)
        return found


def _pattern(path: str) -> tuple[re.Pattern[str], int]:
    parts = []
    literal = 0
    for segment in path.strip("/").split("/"):
        if segment.startswith("{") and segment.endswith("}"):
            name = re.sub(r"\W", "_", segment[1:-1])
            parts.append(f"(?P<{name}>[^/]+)")
        else:
            literal += 1
            parts.append(re.escape(segment))
    return re.compile("^/" + "/".join(parts) + "$"), literal


@cache
def operations(version: str) -> tuple[Operation, ...]:
    """Return every operation of a contract, literal paths before templated ones."""
    found = []
    for path, item in load_contract(version)["paths"].items():
        shared = item.get("parameters", [])
        for method, spec in item.items():
            if method not in _METHODS:
                continue
            merged = dict(spec)
            if shared:
                own = {(p["name"], p["in"]) for p in spec.get("parameters", [])}
                merged["parameters"] = [
                    *spec.get("parameters", []),
                    *(p for p in shared if (p["name"], p["in"]) not in own),
                ]
            pattern, literal = _pattern(path)
            found.append(
                Operation(
                    version,
                    method.upper(),
                    path,
                    spec.get("operationId", f"{method} {path}"),
                    merged,
                    pattern,
                    literal,
                )
            )
    found.sort(key=lambda op: -op.literal_segments)
    return tuple(found)


def match(version: str, method: str, path: str) -> tuple[Operation, dict[str, str]] | None:
    """Return the operation serving a request, with its path parameters; None if none does."""
    for op in operations(version):
        if op.method != method:
            continue
        found = op.pattern.match(path)
        if found is not None:
            return op, found.groupdict()
    return None
