"""Compares two schemas of an OpenAPI document: the schema part of the change report.

See ``_contract_report`` for what counts as breaking.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

JSON = Any
METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")


@dataclass(frozen=True)
class Detail:
    """One finding inside a changed operation or schema."""

    text: str
    breaking: bool


def operations(spec: dict[str, JSON]) -> dict[tuple[str, str], dict[str, JSON]]:
    """Every operation of a document by (METHOD, path)."""
    found: dict[tuple[str, str], dict[str, JSON]] = {}
    for path, item in spec.get("paths", {}).items():
        for method in METHODS:
            if isinstance(item, dict) and isinstance(item.get(method), dict):
                found[(method.upper(), path)] = item[method]
    return found


def resolve(node: JSON, spec: dict[str, JSON]) -> JSON:
    """Follows local ``$ref``s to parameters, bodies and responses (not to schemas)."""
    seen = 0
    while isinstance(node, dict) and "$ref" in node and seen < 20:
        ref = str(node["$ref"])
        if not ref.startswith("#/components/") or ref.startswith("#/components/schemas/"):
            return node
        target: JSON = spec
        for part in ref[2:].split("/"):
            target = target.get(part, {}) if isinstance(target, dict) else {}
        node, seen = target, seen + 1
    return node


def _refs(node: JSON) -> set[str]:
    if isinstance(node, dict):
        found = {str(node["$ref"]).rsplit("/", 1)[-1]} if "$ref" in node else set()
        for value in node.values():
            found |= _refs(value)
        return found
    if isinstance(node, list):
        return set().union(*(_refs(value) for value in node)) if node else set()
    return set()


def schema_directions(spec: dict[str, JSON]) -> set[tuple[str, str]]:
    """(schema, "input" or "output") for every schema reachable from requests or responses."""
    schemas = spec.get("components", {}).get("schemas", {})
    roots: dict[str, set[str]] = {"input": set(), "output": set()}
    for op in operations(spec).values():
        for param in op.get("parameters", []):
            roots["input"] |= _refs(resolve(param, spec))
        roots["input"] |= _refs(resolve(op.get("requestBody"), spec))
        for response in op.get("responses", {}).values():
            roots["output"] |= _refs(resolve(response, spec))
    found: set[tuple[str, str]] = set()
    for direction, names in roots.items():
        todo = list(names)
        while todo:
            name = todo.pop()
            if (name, direction) in found:
                continue
            found.add((name, direction))
            todo += _refs(schemas.get(name, {}))
    return found


def direction_of(name: str, directions: set[tuple[str, str]]) -> str:
    used_in = {direction for schema, direction in directions if schema == name}
    return used_in.pop() if len(used_in) == 1 else "both"


def signature(schema: JSON) -> str:
    """The type a schema gives a generated attribute: ``$ref`` name, JSON types, formats.

    Args:
        schema: A schema object.

    Returns:
        For example ``Dataset | null``, ``array[string]`` or ``string(date-time)``; enum values
        and texts are not part of it.
    """
    if not isinstance(schema, dict):
        return "any"
    if "$ref" in schema:
        return str(schema["$ref"]).rsplit("/", 1)[-1]
    for key, joiner in (("anyOf", " | "), ("oneOf", " | "), ("allOf", " & ")):
        if isinstance(schema.get(key), list):
            return joiner.join(sorted({signature(member) for member in schema[key]}))
    types = schema.get("type")
    names = [types] if isinstance(types, str) else sorted(types or [])
    parts: list[str] = []
    for name in names:
        if name == "array":
            parts.append(f"array[{signature(schema.get('items', {}))}]")
        elif name == "object" and isinstance(schema.get("additionalProperties"), dict):
            parts.append(f"object[{signature(schema['additionalProperties'])}]")
        elif "format" in schema and name in ("string", "integer", "number"):
            parts.append(f"{name}({schema['format']})")
        else:
            parts.append(str(name))
    return " | ".join(parts) or "any"


def _enum(schema: JSON) -> set[str] | None:
    if not isinstance(schema, dict):
        return None
    if isinstance(schema.get("enum"), list):
        return {repr(value) for value in schema["enum"]}
    members = [m for key in ("anyOf", "oneOf") for m in schema.get(key, [])]
    values = [_enum(member) for member in members]
    closed = [value for value in values if value is not None]
    return set().union(*closed) if closed else None


def _values(values: set[str]) -> str:
    return ", ".join(sorted(values))


def schema_details(before: JSON, after: JSON, where: str, direction: str) -> list[Detail]:
    """Findings between two schemas at one place (a field, parameter, body or component)."""
    label = f"{where}: " if where else ""
    if before == after:
        return []
    old_type, new_type = signature(before), signature(after)
    if old_type != new_type:
        return [Detail(f"{label}type {old_type} -> {new_type}", True)]
    details: list[Detail] = []
    old_enum, new_enum = _enum(before), _enum(after)
    if old_enum is None and new_enum is not None:
        details.append(Detail(f"{label}enum narrowed to {_values(new_enum)}", True))
    elif old_enum is not None and new_enum is None:
        details.append(Detail(f"{label}enum dropped: any value allowed", False))
    elif old_enum is not None and new_enum is not None:
        if old_enum - new_enum:
            text = f"{label}enum narrowed, values removed: {_values(old_enum - new_enum)}"
            details.append(Detail(text, True))
        if new_enum - old_enum:
            details.append(Detail(f"{label}new enum values: {_values(new_enum - old_enum)}", False))
    if isinstance(before, dict) and isinstance(after, dict):
        details += _object_details(before, after, where, direction)
        if isinstance(before.get("items"), dict) and isinstance(after.get("items"), dict):
            details += schema_details(before["items"], after["items"], f"{where}[]", direction)
        for key in sorted(before.keys() | after.keys()):
            texts = key in ("description", "title") or key.startswith("x-")
            if texts and before.get(key) != after.get(key):
                details.append(Detail(f"{label}{key} changed", False))
    if not details:
        details.append(Detail(f"{label}other changes", False))
    return details


def _object_details(
    before: dict[str, JSON], after: dict[str, JSON], where: str, direction: str
) -> list[Detail]:
    old_props, new_props = before.get("properties", {}), after.get("properties", {})
    old_req, new_req = set(before.get("required", [])), set(after.get("required", []))
    prefix = f"{where}." if where else ""
    added = sorted(new_props.keys() - old_props.keys())
    details: list[Detail] = []
    for name in sorted(old_props.keys() | new_props.keys()):
        if name not in new_props:
            twins = [a for a in added if signature(new_props[a]) == signature(old_props[name])]
            hint = f" (renamed to {twins[0]}?)" if len(twins) == 1 else ""
            details.append(Detail(f"field removed: {prefix}{name}{hint}", True))
        elif name not in old_props:
            required = name in new_req and direction != "output"
            kind = "new required field" if required else "field added"
            details.append(Detail(f"{kind}: {prefix}{name}", required))
        else:
            details += schema_details(old_props[name], new_props[name], prefix + name, direction)
            if name not in old_req and name in new_req:
                text = f"field {prefix}{name} is now required"
                details.append(Detail(text, direction != "output"))
            elif name in old_req and name not in new_req:
                text = f"field {prefix}{name} is now optional"
                details.append(Detail(text, direction != "input"))
    if (
        before.get("additionalProperties") is not False
        and after.get("additionalProperties") is False
    ):
        details.append(Detail(f"{prefix or 'object '}refuses extra fields", direction != "output"))
    return details
