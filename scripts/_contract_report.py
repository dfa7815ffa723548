"""Compares two OpenAPI documents and reports what changed, each change breaking or not.

Breaking (code written against the old document can fail against the new one, and
``mypy --strict`` points at it once the client is regenerated):

* a removed operation, schema, field, parameter, request content type or 2xx response;
* a new required parameter or request body, a new required field in a schema used in requests,
  a field or parameter that becomes required in a request (or optional in a response);
* a changed type (``$ref`` target, JSON type, format, nullability, array item type);
* a narrowed enum (a value removed, or an enum where any value was allowed);
* a changed operationId or tag (the generated function's module is renamed or moves).

Not breaking: an added operation, schema, field or optional parameter, a new enum value, and any
change of texts, extensions or other details.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from _contract_schemas import (
    Detail,
    direction_of,
    operations,
    resolve,
    schema_details,
    schema_directions,
)

JSON = Any
OPERATION_KEYS_COMPARED = {"operationId", "tags", "parameters", "requestBody", "responses"}


@dataclass(frozen=True)
class Change:
    """An operation, schema or contract-wide part that was added, removed or changed."""

    section: str
    action: str
    subject: str
    details: tuple[Detail, ...] = ()
    breaking: bool = False


@dataclass(frozen=True)
class Report:
    """Every change between two documents, operations first, in a stable order."""

    changes: tuple[Change, ...]
    old_version: str = ""
    new_version: str = ""
    sections: tuple[str, ...] = field(default=("operation", "schema", "contract"))

    @property
    def breaking(self) -> bool:
        """Whether any change is breaking."""
        return any(change.breaking for change in self.changes)

    def render(self, old_name: str, new_name: str) -> str:
        """The report as Markdown-friendly plain text.

        Args:
            old_name: What the old document is (``openapi.json``).
            new_name: Where the new one came from (a URL).

        Returns:
            The text, ending with a newline.
        """
        versions = f"{self.old_version or '?'} -> {self.new_version or '?'}"
        if not self.changes:
            return f"Contract change report: no change ({new_name} matches {old_name}).\n"
        broken = sum(change.breaking for change in self.changes)
        lines = [
            f"Contract change report: {old_name} -> {new_name} (info.version {versions})",
            "",
            f"{broken} breaking, {len(self.changes) - broken} not breaking.",
        ]
        titles = {"operation": "Operations", "schema": "Schemas", "contract": "Contract"}
        for section in self.sections:
            picked = [change for change in self.changes if change.section == section]
            if not picked:
                continue
            lines += ["", titles[section]]
            for change in picked:
                lines.append(f"- {_mark(change.breaking)} {change.action} {change.subject}")
                lines += [f"  - {_mark(d.breaking)} {d.text}" for d in change.details]
        return "\n".join(lines) + "\n"


def _mark(breaking: bool) -> str:
    return "[breaking]" if breaking else "[not breaking]"


def compare(old: dict[str, JSON], new: dict[str, JSON]) -> Report:
    """Lists what changed from ``old`` to ``new``.

    Args:
        old: The document in use (our contract).
        new: The candidate (a server's normalised document).

    Returns:
        The report; no changes when the documents are equal.
    """
    changes: list[Change] = []
    if old != new:
        changes += _operation_changes(old, new)
        changes += _schema_changes(old, new)
        changes += _contract_changes(old, new)
        if not changes:
            changes.append(Change("contract", "changed", "document", _other(old, new, ""), False))
    return Report(
        tuple(changes),
        str(old.get("info", {}).get("version", "")),
        str(new.get("info", {}).get("version", "")),
    )


def _change(section: str, subject: str, details: list[Detail]) -> Change:
    breaking = any(detail.breaking for detail in details)
    return Change(section, "changed", subject, tuple(details), breaking)


def _operation_changes(old: dict[str, JSON], new: dict[str, JSON]) -> list[Change]:
    old_ops, new_ops = operations(old), operations(new)
    changes: list[Change] = []
    for key in sorted(old_ops.keys() | new_ops.keys(), key=lambda k: (k[1], k[0])):
        op = new_ops.get(key) or old_ops[key]
        subject = f"{key[0]} {key[1]} ({op.get('operationId', 'no operationId')})"
        if key not in new_ops:
            changes.append(Change("operation", "removed", subject, (), True))
        elif key not in old_ops:
            changes.append(Change("operation", "added", subject, (), False))
        elif old_ops[key] != new_ops[key]:
            details = _operation_details(old_ops[key], new_ops[key], old, new)
            changes.append(_change("operation", subject, details))
    return changes


def _operation_details(
    old_op: dict[str, JSON], new_op: dict[str, JSON], old: dict[str, JSON], new: dict[str, JSON]
) -> list[Detail]:
    details: list[Detail] = []
    if old_op.get("operationId") != new_op.get("operationId"):
        text = f"operationId {old_op.get('operationId')} -> {new_op.get('operationId')}"
        details.append(Detail(text + " (the generated module is renamed)", True))
    if old_op.get("tags") != new_op.get("tags"):
        text = f"tags {old_op.get('tags')} -> {new_op.get('tags')} (the generated module moves)"
        details.append(Detail(text, True))
    details += _parameter_details(old_op, new_op, old, new)
    details += _body_details(old_op, new_op, old, new)
    details += _response_details(old_op, new_op, old, new)
    for key in sorted((old_op.keys() | new_op.keys()) - OPERATION_KEYS_COMPARED):
        if old_op.get(key) != new_op.get(key):
            details.append(Detail(f"{key} changed", False))
    return details


def _parameter_details(
    old_op: dict[str, JSON], new_op: dict[str, JSON], old: dict[str, JSON], new: dict[str, JSON]
) -> list[Detail]:
    def params(op: dict[str, JSON], spec: dict[str, JSON]) -> dict[str, dict[str, JSON]]:
        found = [resolve(p, spec) for p in op.get("parameters", [])]
        return {f"{p.get('in')} {p.get('name')}": p for p in found if isinstance(p, dict)}

    old_params, new_params = params(old_op, old), params(new_op, new)
    details: list[Detail] = []
    for name in sorted(old_params.keys() | new_params.keys()):
        before, after = old_params.get(name), new_params.get(name)
        if after is None:
            details.append(Detail(f"parameter removed: {name}", True))
        elif before is None:
            required = bool(after.get("required"))
            kind = "required" if required else "optional"
            details.append(Detail(f"new {kind} parameter: {name}", required))
        elif before != after:
            if not before.get("required") and after.get("required"):
                details.append(Detail(f"parameter {name} is now required", True))
            elif before.get("required") and not after.get("required"):
                details.append(Detail(f"parameter {name} is now optional", False))
            details += schema_details(
                before.get("schema", {}), after.get("schema", {}), f"parameter {name}", "input"
            )
            if before.get("description") != after.get("description"):
                details.append(Detail(f"parameter {name}: description changed", False))
    return details


def _body_details(
    old_op: dict[str, JSON], new_op: dict[str, JSON], old: dict[str, JSON], new: dict[str, JSON]
) -> list[Detail]:
    before = resolve(old_op.get("requestBody"), old)
    after = resolve(new_op.get("requestBody"), new)
    if before == after:
        return []
    if not isinstance(after, dict):
        return [Detail("request body removed", True)]
    if not isinstance(before, dict):
        required = bool(after.get("required"))
        return [Detail(f"new {'required' if required else 'optional'} request body", required)]
    details: list[Detail] = []
    if not before.get("required") and after.get("required"):
        details.append(Detail("request body is now required", True))
    details += _content_details(before, after, "request body", "input")
    if before.get("description") != after.get("description"):
        details.append(Detail("request body: description changed", False))
    return details


def _response_details(
    old_op: dict[str, JSON], new_op: dict[str, JSON], old: dict[str, JSON], new: dict[str, JSON]
) -> list[Detail]:
    old_responses = {c: resolve(r, old) for c, r in old_op.get("responses", {}).items()}
    new_responses = {c: resolve(r, new) for c, r in new_op.get("responses", {}).items()}
    details: list[Detail] = []
    for code in sorted(old_responses.keys() | new_responses.keys()):
        before, after = old_responses.get(code), new_responses.get(code)
        if before == after:
            continue
        if not isinstance(after, dict):
            details.append(Detail(f"response {code} removed", str(code).startswith("2")))
        elif not isinstance(before, dict):
            details.append(Detail(f"response {code} added", False))
        else:
            details += _content_details(before, after, f"response {code}", "output")
            if before.get("description") != after.get("description"):
                details.append(Detail(f"response {code}: description changed", False))
    return details


def _content_details(
    before: dict[str, JSON], after: dict[str, JSON], where: str, direction: str
) -> list[Detail]:
    old_content, new_content = before.get("content", {}), after.get("content", {})
    details: list[Detail] = []
    for media in sorted(old_content.keys() | new_content.keys()):
        if media not in new_content:
            details.append(Detail(f"{where}: {media} removed", direction == "input"))
        elif media not in old_content:
            details.append(Detail(f"{where}: {media} added", False))
        else:
            details += schema_details(
                old_content[media].get("schema", {}),
                new_content[media].get("schema", {}),
                f"{where} ({media})",
                direction,
            )
    return details


def _schema_changes(old: dict[str, JSON], new: dict[str, JSON]) -> list[Change]:
    old_schemas = old.get("components", {}).get("schemas", {})
    new_schemas = new.get("components", {}).get("schemas", {})
    usage = schema_directions(old) | schema_directions(new)
    changes: list[Change] = []
    for name in sorted(old_schemas.keys() | new_schemas.keys()):
        if name not in new_schemas:
            changes.append(Change("schema", "removed", name, (), True))
        elif name not in old_schemas:
            changes.append(Change("schema", "added", name, (), False))
        elif old_schemas[name] != new_schemas[name]:
            direction = direction_of(name, usage)
            details = schema_details(old_schemas[name], new_schemas[name], "", direction)
            changes.append(_change("schema", name, details))
    return changes


def _contract_changes(old: dict[str, JSON], new: dict[str, JSON]) -> list[Change]:
    details: list[Detail] = []
    old_info, new_info = old.get("info", {}), new.get("info", {})
    for key in sorted(old_info.keys() | new_info.keys()):
        if old_info.get(key) != new_info.get(key):
            values = f" {old_info.get(key)} -> {new_info.get(key)}" if key == "version" else ""
            details.append(Detail(f"info.{key} changed{values}", False))
    for key in sorted((old.keys() | new.keys()) - {"paths", "components", "info"}):
        if old.get(key) != new.get(key):
            details.append(Detail(f"{key} changed", False))
    old_parts, new_parts = old.get("components", {}), new.get("components", {})
    for key in sorted((old_parts.keys() | new_parts.keys()) - {"schemas"}):
        if old_parts.get(key) != new_parts.get(key):
            details.append(Detail(f"components.{key} changed", False))
    return [_change("contract", "document", details)] if details else []


def _other(old: JSON, new: JSON, trail: str) -> tuple[Detail, ...]:
    """Where two documents differ that no other rule names (first few places)."""
    places: list[str] = []

    def walk(a: JSON, b: JSON, at: str) -> None:
        if len(places) >= 5 or a == b:
            return
        if isinstance(a, dict) and isinstance(b, dict):
            for key in sorted(a.keys() | b.keys()):
                walk(a.get(key), b.get(key), f"{at}/{key}")
        else:
            places.append(at or "/")

    walk(old, new, trail)
    return tuple(Detail(f"changed at {place}", False) for place in places)
