"""Contract enforcement: every request and response checked against the API's contract.

:class:`ContractMiddleware` wraps one API version's app. For a request that matches an
operation of the contract it

1. converts and checks path, query and header parameters by their schemas (on v3 an unknown
   query parameter is ``extra_forbidden``), and the JSON body; a violation answers 422 in
   FastAPI's shape (``{"detail": [{"type", "loc", "msg", "input"}]}``) before any route runs;
2. leaves the converted values in ``scope["state"]`` (read them with :func:`query_params` and
   :func:`json_body`), so routes need no second, handwritten model of the contract;
3. checks the response: its status must be declared, its content type too, and a JSON body
   must match the declared schema. A response that breaks the contract is a server bug: it is
   logged and replaced by a 500 whose ``detail`` names the operationId and the violation.

With ``check_responses=False`` (benchmarks) the response check is skipped; with
``check_requests=False`` requests are passed on unchecked (v1 only: v3 routes rely on the
converted values).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import parse_qsl

from jsonschema import ValidationError
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from pycrucible.testing._contract import Operation, load_contract, match
from pycrucible.testing._enforce_response import ResponseChecker, send_json

logger = logging.getLogger("pycrucible.testing")

STATE_QUERY = "contract_query"
STATE_BODY = "contract_body"
STATE_OPERATION = "contract_operation"

_TRUE = {"true", "1", "yes", "on"}
_FALSE = {"false", "0", "no", "off"}
_ERROR_TYPES = {
    "maximum": "less_than_equal",
    "minimum": "greater_than_equal",
    "exclusiveMaximum": "less_than",
    "exclusiveMinimum": "greater_than",
    "enum": "enum",
    "const": "literal_error",
    "pattern": "string_pattern_mismatch",
    "minLength": "string_too_short",
    "maxLength": "string_too_long",
    "minItems": "too_short",
    "maxItems": "too_long",
    "required": "missing",
    "format": "value_error",
}
_TYPE_ERRORS = {
    "string": "string_type",
    "integer": "int_type",
    "number": "float_type",
    "boolean": "bool_type",
    "array": "list_type",
    "object": "dict_type",
}


def query_params(request: Request) -> dict[str, Any]:
    """Return the request's query parameters, converted to the types the contract gives."""
    found: dict[str, Any] = request.scope.get("state", {}).get(STATE_QUERY, {})
    return found


def json_body(request: Request) -> Any:
    """Return the request's JSON body as validated against the contract (None when absent)."""
    return request.scope.get("state", {}).get(STATE_BODY)


def _item(kind: str, loc: list[Any], msg: str, value: Any) -> dict[str, Any]:
    return {"type": kind, "loc": loc, "msg": msg, "input": value}


class _Converter:
    """Converts text parameters to the JSON values their schemas describe."""

    def __init__(self, version: str) -> None:
        self.schemas = load_contract(version).get("components", {}).get("schemas", {})

    def resolve(self, schema: dict[str, Any]) -> dict[str, Any]:
        while "$ref" in schema:
            schema = self.schemas[schema["$ref"].rsplit("/", 1)[-1]]
        options = schema.get("anyOf") or schema.get("oneOf")
        if options:
            for option in options:
                option = self.resolve(option)
                if option.get("type") != "null":
                    return option
        return schema

    def convert(self, schema: dict[str, Any], texts: list[str]) -> tuple[Any, str | None]:
        """Return the value (or the first text) and an error type, or None when it converts."""
        schema = self.resolve(schema)
        kind = schema.get("type")
        if kind == "array":
            values = []
            for text in texts:
                value, error = self.convert(schema.get("items", {}), [text])
                if error:
                    return text, error
                values.append(value)
            return values, None
        text = texts[-1]
        try:
            if kind == "integer":
                return int(text), None
            if kind == "number":
                return float(text), None
        except ValueError:
            return text, "int_parsing" if kind == "integer" else "float_parsing"
        if kind == "boolean":
            if text.lower() in _TRUE:
                return True, None
            if text.lower() in _FALSE:
                return False, None
            return text, "bool_parsing"
        return text, None


def schema_errors(
    op: Operation, key: str, schema: dict[str, Any], value: Any, loc: list[Any]
) -> list[dict[str, Any]]:
    """Validate a value against one schema of an operation; return FastAPI-shaped errors."""
    if op.is_valid(key, schema, value):
        return []
    items: list[dict[str, Any]] = []
    for error in op.validator(key, schema).iter_errors(value):
        where = [*loc, *error.absolute_path]
        items.extend(_describe(error, where))
    return items


def _describe(error: ValidationError, where: list[Any]) -> Iterable[dict[str, Any]]:
    kind = str(error.validator)
    if kind == "additionalProperties" and isinstance(error.instance, dict):
        known = set(error.schema.get("properties", {}))
        for name in error.instance:
            if name not in known:
                yield _item(
                    "extra_forbidden",
                    [*where, name],
                    "Extra inputs are not permitted",
                    error.instance[name],
                )
        return
    if kind == "required" and isinstance(error.instance, dict):
        for name in error.validator_value:
            if name not in error.instance:
                yield _item("missing", [*where, name], "Field required", error.instance)
        return
    if kind == "type":
        expected = error.validator_value
        expected = expected[0] if isinstance(expected, list) else expected
        yield _item(
            _TYPE_ERRORS.get(str(expected), "type_error"), where, error.message, error.instance
        )
        return
    if kind in ("anyOf", "oneOf") and error.context:
        best = min(error.context, key=lambda e: len(list(e.absolute_path)))
        yield from _describe(best, [*where, *best.relative_path])
        return
    yield _item(_ERROR_TYPES.get(kind, kind), where, error.message, error.instance)


class ContractMiddleware:
    """ASGI middleware enforcing one API version's contract (see the module docstring).

    Args:
        app: The API version's app (paths relative to its base URL).
        version: ``v1`` or ``v3``.
        check_requests: Check (and convert) requests.
        check_responses: Check responses; a violation answers 500 naming the operation.
        forbid_extra_query: Answer 422 ``extra_forbidden`` for unknown query parameters.
        max_body: Largest JSON request body read for checking, in bytes (larger: 413).
        reject_requests: Answer 422 for a request the contract forbids. When False (the
            seed-era API, whose own validation and error order are kept) the app answers it,
            and a success answer to such a request is reported as a contract violation.
        authenticate: Called with the request headers before a 422 is sent for an operation
            that needs an API key; returning False answers 401 ``Invalid API key`` instead
            (the real API authenticates before it validates).
    """

    def __init__(
        self,
        app: ASGIApp,
        *,
        version: str,
        check_requests: bool = True,
        check_responses: bool = True,
        forbid_extra_query: bool = False,
        max_body: int = 16 * 1024 * 1024,
        reject_requests: bool = True,
        authenticate: Callable[[dict[str, str]], bool] | None = None,
    ) -> None:
        self.max_body = max_body
        self.reject_requests = reject_requests
        self.authenticate = authenticate
        self.app = app
        self.version = version
        self.check_requests = check_requests
        self.check_responses = check_responses
        self.forbid_extra_query = forbid_extra_query
        self.converter = _Converter(version)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        found = match(self.version, scope["method"], scope["path"])
        if found is None:
            await self.app(scope, receive, send)
            return
        op, path_values = found
        state = scope.setdefault("state", {})
        state[STATE_OPERATION] = op.operation_id
        if self.check_requests:
            try:
                errors, body_bytes = await self._check_request(op, scope, receive, path_values)
            except _BodyTooLargeError:
                await send_json(send, 413, {"detail": "Request body too large"})
                return
            if body_bytes is not None:
                receive = _replay(body_bytes)
            if errors and self.reject_requests:
                if self._unauthenticated(op, scope):
                    await send_json(send, 401, {"detail": "Invalid API key"})
                else:
                    await send_json(send, 422, {"detail": errors})
                return
        else:
            errors = []
        if self.check_responses:
            send = ResponseChecker(op, scope, send, self.version, errors)
        try:
            await self.app(scope, receive, send)
        finally:
            if isinstance(send, ResponseChecker):
                await send.finish()

    def _unauthenticated(self, op: Operation, scope: Scope) -> bool:
        if self.authenticate is None or op.spec.get("security") == []:
            return False
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        return not self.authenticate(headers)

    async def _check_request(
        self, op: Operation, scope: Scope, receive: Receive, path_values: dict[str, str]
    ) -> tuple[list[dict[str, Any]], bytes | None]:
        errors: list[dict[str, Any]] = []
        state = scope["state"]
        for name, param in op.parameters("path").items():
            text = path_values.get(name.replace("-", "_"))
            if text is not None:
                errors += self._param(op, param, [text], "path")
        raw = parse_qsl(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True)
        texts: dict[str, list[str]] = {}
        for name, value in raw:
            texts.setdefault(name, []).append(value)
        declared = op.parameters("query")
        converted: dict[str, Any] = {}
        for name, values in texts.items():
            query_param = declared.get(name)
            if query_param is None:
                if self.forbid_extra_query:
                    errors.append(
                        _item(
                            "extra_forbidden",
                            ["query", name],
                            "Extra inputs are not permitted",
                            values[-1],
                        )
                    )
                continue
            value, param_errors = self._convert(op, query_param, values, "query")
            errors += param_errors
            converted[name] = value
        for name, param in declared.items():
            if param.get("required") and name not in texts:
                errors.append(_item("missing", ["query", name], "Field required", None))
        state[STATE_QUERY] = converted
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        for name, param in op.parameters("header").items():
            if name.lower() in headers:
                errors += self._param(op, param, [headers[name.lower()]], "header")
            elif param.get("required"):
                errors.append(_item("missing", ["header", name], "Field required", None))
        schema = op.json_body_schema()
        if schema is None:
            return errors, None
        body = await _read_body(receive, self.max_body)
        if not body.strip():
            if op.body_required():
                errors.append(_item("missing", ["body"], "Field required", None))
            state[STATE_BODY] = None
            return errors, body
        try:
            document = json.loads(body)
            errors += schema_errors(op, "body", schema, document, ["body"])
        except (ValueError, UnicodeError) as exc:
            errors.append(_item("json_invalid", ["body", 0], f"JSON decode error: {exc}", {}))
            return errors, body
        except RecursionError:
            if self.reject_requests:
                errors.append(_item("value_error", ["body"], "JSON nested too deeply", None))
            return errors, body
        state[STATE_BODY] = document
        return errors, body

    def _convert(
        self, op: Operation, param: dict[str, Any], texts: list[str], where: str
    ) -> tuple[Any, list[dict[str, Any]]]:
        schema = param.get("schema", {})
        loc = [where, param["name"]]
        value, error = self.converter.convert(schema, texts)
        if error:
            return value, [_item(error, loc, f"Input is not a valid {error.split('_')[0]}", value)]
        return value, schema_errors(op, f"{where}:{param['name']}", schema, value, loc)

    def _param(
        self, op: Operation, param: dict[str, Any], texts: list[str], where: str
    ) -> list[dict[str, Any]]:
        return self._convert(op, param, texts, where)[1]


class _BodyTooLargeError(Exception):
    """A JSON body above the size limit."""


async def _read_body(receive: Receive, limit: int) -> bytes:
    chunks = []
    size = 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            break
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            raise _BodyTooLargeError
        chunks.append(chunk)
        if not message.get("more_body", False):
            break
    return b"".join(chunks)


def _replay(body: bytes) -> Receive:
    sent = False

    async def receive() -> Message:
        nonlocal sent
        if sent:
            return {"type": "http.disconnect"}
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return receive
