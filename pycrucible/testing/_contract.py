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

import jsonschema_rs
from jsonschema import Draft202012Validator

REPO_ROOT = Path(__file__).resolve().parents[2]

CONTRACTS: dict[str, str] = {"v1": "openapi-v1.json", "v3": "openapi.json"}
"""Contract file (at the project root) of each API version."""

_PACKAGED: dict[str, str] = {"v1": "_v1/openapi.json", "v3": "_v3/openapi.json"}
"""Where an installed wheel carries each contract, inside the ``pycrucible`` package."""

_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def contract_path(version: str) -> Path:
    """Return the contract file of an API version (``v1`` or ``v3``): the checkout's, else the
    copy an installed wheel carries."""
    checkout = REPO_ROOT / CONTRACTS[version]
    if checkout.is_file():
        return checkout
    return Path(__file__).resolve().parents[1] / _PACKAGED[version]


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
    _fast: dict[str, Any] = field(default_factory=dict, repr=False)

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

    def is_valid(
        self, key: str, schema: dict[str, Any], value: Any, *, formats: bool = False
    ) -> bool:
        """Tell quickly whether a value matches one schema of this operation.

        Uses the compiled (Rust) validator; :meth:`validator` explains failures. With
        ``formats``, ``format`` (e.g. ``date-time``) is asserted, not only annotated.
        """
        cache_key = f"{key}|formats" if formats else key
        fast = self._fast.get(cache_key)
        if fast is None:
            fast = self._fast[cache_key] = jsonschema_rs.Draft202012Validator(
                _rooted(self.version, schema), validate_formats=formats
            )
        return bool(fast.is_valid(value))

    def validator(
        self, key: str, schema: dict[str, Any], *, formats: bool = False
    ) -> Draft202012Validator:
        """Return (compiling once) the validator that lists every error of one schema."""
        cache_key = f"{key}|formats" if formats else key
        found = self._validators.get(cache_key)
        if found is None:
            checker = Draft202012Validator.FORMAT_CHECKER if formats else None
            found = self._validators[cache_key] = Draft202012Validator(
                _rooted(self.version, schema), format_checker=checker
            )
        return found


def _rooted(version: str, schema: dict[str, Any]) -> dict[str, Any]:
    """Return a schema whose ``#/components/...`` references resolve (simplified)."""
    schema = simplify(schema)
    if "$ref" in json.dumps(schema):
        schema = {**schema, "components": simple_components(version)}
    return schema


_SIMPLE_KEYS = frozenset({"type", "format", "pattern", "minimum", "maximum", "minLength"})


def simplify(schema: Any) -> Any:
    """Return a schema that accepts the same values and validates faster.

    ``anyOf: [{type: T, ...}, {type: "null"}]`` (how the contract says "nullable") becomes
    ``type: [T, "null"]`` when the first branch holds only simple keywords (which do not apply
    to null), so the validator checks one schema instead of trying two. Descriptions go.
    """
    if isinstance(schema, list):
        return [simplify(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    result = {
        k: _simplify_each(v) if k in _NAMED_SCHEMAS else simplify(v)
        for k, v in schema.items()
        if k not in ("description", "examples")
    }
    options = result.get("anyOf")
    if isinstance(options, list) and len(options) == 2 and {"type": "null"} in options:
        other = options[0] if options[1] == {"type": "null"} else options[1]
        simple = isinstance(other, dict) and isinstance(other.get("type"), str)
        if simple and set(other) <= _SIMPLE_KEYS:
            del result["anyOf"]
            result.update({**other, "type": [other["type"], "null"]})
    return result


_NAMED_SCHEMAS = frozenset({"properties", "patternProperties", "$defs", "schemas"})
"""Keywords whose value maps names to schemas: a name such as ``description`` is kept."""


def _simplify_each(named: Any) -> Any:
    if not isinstance(named, dict):
        return simplify(named)
    return {name: simplify(schema) for name, schema in named.items()}


@cache
def simple_components(version: str) -> dict[str, Any]:
    """Return the contract's components, simplified (see :func:`simplify`)."""
    components: dict[str, Any] = simplify(load_contract(version).get("components", {}))
    return components


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
