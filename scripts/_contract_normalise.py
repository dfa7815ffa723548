"""Normalises a Crucible server's published OpenAPI document against our contract.

The server's document is the truth about what exists; ours is kept where the server says less:

* Operations are matched by (method, path), parameters by (location, name), schemas, fields,
  responses and tags by name.
* A server operationId is *worse* than ours when it is missing, not snake_case, or FastAPI's
  generated form ``<function><path with non-word characters as _>_<method>``
  (``get_dataset_datasets__dataset_mfid__get``). Then ours is kept. For an operation we do not
  have, FastAPI's form is cut back to its function name (``get_dataset``) when that name is free.
* A server summary or description is worse than ours when it is missing, blank, only restates
  the name of what it describes (FastAPI's default summary ``Get Dataset``), or is shorter than
  ours. Then ours is kept.
* Operations without tags keep ours (tags name the generated modules); our ``x-`` extensions are
  kept where the server has none of that name; ``info`` fields, ``servers``, ``security`` and
  ``tags`` the server omits are kept.
* A title that only restates the name of its schema, field or parameter (FastAPI's ``Unique Id``
  on ``unique_id``) is dropped.
* A string schema with ``contentMediaType`` (FastAPI's file parts) gets ``format: binary``
  instead, the form the generator reads as a file.
* Key order: keys (and named list items) we have keep our order, new ones follow sorted (list
  items in the server's order), so the same inputs always give the same bytes and a document equal
  to ours comes back byte for byte.
"""

from __future__ import annotations

import copy
import re
from typing import Any

JSON = Any
METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")
SNAKE_CASE = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*")
TEXT_KEYS = ("summary", "description")
# FastAPI's default response descriptions: they say nothing ours do not.
FASTAPI_RESPONSE_TEXTS = ["Successful Response", "Validation Error"]


def normalise(server: dict[str, JSON], ours: dict[str, JSON]) -> dict[str, JSON]:
    """Returns the server's document with our names, texts and extensions kept where it says less.

    Args:
        server: The document the server publishes (not modified).
        ours: Our committed contract (not modified).

    Returns:
        A new document, ordered as described in the module docstring.
    """
    new: dict[str, JSON] = copy.deepcopy(server)
    _merge_top_level(new, ours)
    _merge_operations(new, ours)
    ours_schemas = ours.get("components", {}).get("schemas", {})
    for name, schema in new.get("components", {}).get("schemas", {}).items():
        if name in ours_schemas:
            _merge_schema(schema, ours_schemas[name], name)
    _binary_parts(new)
    _drop_restating_titles(new)
    ordered: dict[str, JSON] = _order(new, ours)
    return ordered


def fastapi_function_name(operation_id: str, method: str, path: str) -> str | None:
    """The route function's name if ``operation_id`` is FastAPI's generated form, else None.

    Args:
        operation_id: The id to test.
        method: The HTTP method, any case.
        path: The operation's path as published.

    Returns:
        ``get_dataset`` for ``get_dataset_datasets__dataset_mfid__get`` on
        ``GET /datasets/{dataset_mfid}``; None when the id is not of that form.
    """
    suffix = re.sub(r"\W", "_", path) + "_" + method.lower()
    if operation_id.endswith(suffix) and len(operation_id) > len(suffix):
        return operation_id[: -len(suffix)]
    return None


def is_worse_operation_id(operation_id: JSON, method: str, path: str) -> bool:
    """Whether a server operationId is missing, not snake_case, or FastAPI's generated form."""
    if not isinstance(operation_id, str) or not SNAKE_CASE.fullmatch(operation_id):
        return True
    return fastapi_function_name(operation_id, method, path) is not None


def is_worse_text(theirs: JSON, ours: JSON, names: list[str]) -> bool:
    """Whether a server summary or description says less than ours.

    Args:
        theirs: The server's text (may be missing or not a string).
        ours: Our text for the same place.
        names: Names of what the text describes (operationIds, parameter, field or schema names);
            a text that only restates one of them says nothing.

    Returns:
        True when ours should be kept.
    """
    if not isinstance(ours, str) or not ours.strip():
        return False
    if not isinstance(theirs, str) or not theirs.strip():
        return True
    words = _words(theirs)
    if any(words == _words(name) for name in names if name):
        return True
    return len(theirs.strip()) < len(ours.strip())


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", re.sub(r"([a-z0-9])([A-Z])", r"\1 \2", text).lower())


def _keep_texts(new: dict[str, JSON], ours: dict[str, JSON], names: list[str]) -> None:
    for key in TEXT_KEYS:
        if key in ours and is_worse_text(new.get(key), ours[key], names):
            new[key] = copy.deepcopy(ours[key])


def _keep_extensions(new: dict[str, JSON], ours: dict[str, JSON]) -> None:
    for key, value in ours.items():
        if key.startswith("x-") and key not in new:
            new[key] = copy.deepcopy(value)


def _merge_top_level(new: dict[str, JSON], ours: dict[str, JSON]) -> None:
    for key in ("info", "servers", "security", "tags", "externalDocs"):
        if key in ours and key not in new:
            new[key] = copy.deepcopy(ours[key])
    info, ours_info = new.get("info"), ours.get("info")
    if isinstance(info, dict) and isinstance(ours_info, dict):
        for key, value in ours_info.items():
            if key not in info:
                info[key] = copy.deepcopy(value)
        _keep_texts(info, ours_info, [str(info.get("title", ""))])
        _keep_extensions(info, ours_info)
    ours_tags = {t.get("name"): t for t in ours.get("tags", []) if isinstance(t, dict)}
    for tag in new.get("tags", []):
        if isinstance(tag, dict) and tag.get("name") in ours_tags:
            _keep_texts(tag, ours_tags[tag["name"]], [str(tag["name"])])
    _keep_extensions(new, ours)
    components, ours_components = new.get("components"), ours.get("components", {})
    if isinstance(components, dict) and "securitySchemes" in ours_components:
        components.setdefault("securitySchemes", copy.deepcopy(ours_components["securitySchemes"]))


def _operations(spec: dict[str, JSON]) -> dict[tuple[str, str], dict[str, JSON]]:
    found: dict[tuple[str, str], dict[str, JSON]] = {}
    for path, item in spec.get("paths", {}).items():
        if isinstance(item, dict):
            for method in METHODS:
                if isinstance(item.get(method), dict):
                    found[(method, path)] = item[method]
    return found


def _merge_operations(new: dict[str, JSON], ours: dict[str, JSON]) -> None:
    ours_ops = _operations(ours)
    new_ops = _operations(new)
    taken = {op.get("operationId") for op in ours_ops.values()}
    for (method, path), op in new_ops.items():
        theirs_id = op.get("operationId")
        if (method, path) not in ours_ops:
            short = fastapi_function_name(str(theirs_id or ""), method, path)
            if short and short not in taken and SNAKE_CASE.fullmatch(short):
                op["operationId"] = short
                taken.add(short)
            continue
        mine = ours_ops[(method, path)]
        if "operationId" in mine and is_worse_operation_id(theirs_id, method, path):
            op["operationId"] = mine["operationId"]
        names = [str(theirs_id or ""), str(mine.get("operationId", ""))]
        if isinstance(theirs_id, str):
            names.append(fastapi_function_name(theirs_id, method, path) or "")
        _keep_texts(op, mine, names)
        if not op.get("tags") and mine.get("tags"):
            op["tags"] = list(mine["tags"])
        _keep_extensions(op, mine)
        _merge_parameters(op, mine)
        body, ours_body = op.get("requestBody"), mine.get("requestBody")
        if isinstance(body, dict) and isinstance(ours_body, dict):
            _keep_texts(body, ours_body, [])
            _merge_content(body, ours_body)
        ours_responses = mine.get("responses", {})
        for code, response in op.get("responses", {}).items():
            if isinstance(response, dict) and isinstance(ours_responses.get(code), dict):
                _keep_texts(response, ours_responses[code], FASTAPI_RESPONSE_TEXTS)
                _merge_content(response, ours_responses[code])


def _merge_parameters(op: dict[str, JSON], mine: dict[str, JSON]) -> None:
    ours_params = {
        (p.get("in"), p.get("name")): p for p in mine.get("parameters", []) if isinstance(p, dict)
    }
    for param in op.get("parameters", []):
        if not isinstance(param, dict):
            continue
        match = ours_params.get((param.get("in"), param.get("name")))
        if match is None:
            continue
        _keep_texts(param, match, [str(param.get("name", ""))])
        _keep_extensions(param, match)
        if isinstance(param.get("schema"), dict) and isinstance(match.get("schema"), dict):
            _merge_schema(param["schema"], match["schema"], str(param.get("name", "")))


def _merge_content(new: dict[str, JSON], ours: dict[str, JSON]) -> None:
    ours_content = ours.get("content", {})
    for media, entry in new.get("content", {}).items():
        mine = ours_content.get(media)
        theirs_schema = entry.get("schema") if isinstance(entry, dict) else None
        ours_schema = mine.get("schema") if isinstance(mine, dict) else None
        if isinstance(theirs_schema, dict) and isinstance(ours_schema, dict):
            _merge_schema(theirs_schema, ours_schema, "")


def _merge_schema(new: dict[str, JSON], ours: dict[str, JSON], name: str) -> None:
    _keep_texts(new, ours, [name, str(new.get("title", ""))])
    _keep_extensions(new, ours)
    ours_props = ours.get("properties", {})
    for prop, schema in new.get("properties", {}).items():
        if isinstance(schema, dict) and isinstance(ours_props.get(prop), dict):
            _merge_schema(schema, ours_props[prop], prop)
    if isinstance(new.get("items"), dict) and isinstance(ours.get("items"), dict):
        _merge_schema(new["items"], ours["items"], "")
    for key in ("anyOf", "oneOf", "allOf"):
        members, ours_members = new.get(key), ours.get(key)
        if not (isinstance(members, list) and isinstance(ours_members, list)):
            continue
        if len(members) == len(ours_members):
            for member, mine in zip(members, ours_members, strict=True):
                if isinstance(member, dict) and isinstance(mine, dict):
                    _merge_schema(member, mine, "")


def _drop_restating_titles(spec: dict[str, JSON]) -> None:
    """Drops titles that only restate a name (FastAPI's ``Unique Id`` on ``unique_id``)."""

    def schema(node: JSON, name: str) -> None:
        if not isinstance(node, dict):
            return
        if isinstance(node.get("title"), str) and _words(node["title"]) == _words(name):
            del node["title"]
        for prop, sub in node.get("properties", {}).items():
            schema(sub, prop)
        for key in ("anyOf", "oneOf", "allOf"):
            for member in node.get(key, []) if isinstance(node.get(key), list) else []:
                schema(member, name)
        schema(node.get("items"), name)

    for name, component in spec.get("components", {}).get("schemas", {}).items():
        schema(component, name)
    for op in _operations(spec).values():
        for param in op.get("parameters", []):
            if isinstance(param, dict):
                schema(param.get("schema"), str(param.get("name", "")))


def _binary_parts(node: JSON) -> None:
    if isinstance(node, dict):
        if node.get("type") == "string" and "contentMediaType" in node:
            del node["contentMediaType"]
            node.setdefault("format", "binary")
        for value in node.values():
            _binary_parts(value)
    elif isinstance(node, list):
        for value in node:
            _binary_parts(value)


def _item_key(item: JSON) -> JSON:
    if isinstance(item, dict) and "name" in item:
        return (item.get("in"), item["name"])
    if isinstance(item, (str, int, float, bool)) or item is None:
        return ("value", item)
    return None


def _order(new: JSON, ours: JSON) -> JSON:
    """Orders ``new`` like ``ours`` where they share keys; the rest follows (see module doc)."""
    if isinstance(new, dict):
        mine = ours if isinstance(ours, dict) else {}
        keys = [key for key in mine if key in new]
        keys += sorted(key for key in new if key not in mine)
        return {key: _order(new[key], mine.get(key)) for key in keys}
    if isinstance(new, list):
        mine_list = ours if isinstance(ours, list) else []
        mine_keyed = {_item_key(item): item for item in mine_list if _item_key(item) is not None}
        if len(mine_keyed) == len(mine_list) and all(_item_key(i) is not None for i in new):
            rank = {key: index for index, key in enumerate(mine_keyed)}
            ordered = sorted(new, key=lambda i: rank.get(_item_key(i), len(rank)))
            return [_order(item, mine_keyed.get(_item_key(item))) for item in ordered]
        pairs = mine_list if len(mine_list) == len(new) else [None] * len(new)
        return [_order(item, mine) for item, mine in zip(new, pairs, strict=True)]
    return new
