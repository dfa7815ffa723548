"""Facts read from the v1 contract itself: status meanings and hand-built routes.

The contract (`openapi-v1.json`) ships inside the package (`pycrucible/_v1/openapi.json` in a
wheel) and sits at the root of a source checkout. It is read once, on first use (about 5 ms).
"""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import quote

import attrs

__all__ = [
    "HAND_BUILT_OPERATIONS",
    "Route",
    "Statuses",
    "contract",
    "contract_path",
    "route",
    "statuses",
    "statuses_of",
]

_HERE = Path(__file__).resolve().parent
_CANDIDATES = (_HERE / "openapi.json", _HERE.parents[1] / "openapi-v1.json")
# Operations whose requests the client builds itself, because their bodies are streamed (the
# generated functions read bodies whole); each takes its method and path from `route`.
HAND_BUILT_OPERATIONS = ("upload_files", "download_file", "upload_chunk")

_METHODS = ("get", "put", "post", "delete", "patch", "head", "options")


def contract_path() -> Path:
    """Where the v1 contract is: inside the package, else at the root of the checkout.

    Raises:
        FileNotFoundError: Neither place has it (a broken installation).
    """
    for candidate in _CANDIDATES:
        if candidate.is_file():
            return candidate
    looked = ", ".join(map(str, _CANDIDATES))
    raise FileNotFoundError(f"the API contract is missing; looked at {looked}")


@functools.cache
def contract() -> dict[str, Any]:
    """The parsed v1 contract (read once)."""
    data: dict[str, Any] = json.loads(contract_path().read_text(encoding="utf-8"))
    return data


@attrs.frozen
class Statuses:
    """What each processing-request status means to a waiting client (lowercase values).

    Attributes:
        pending: Keep waiting.
        success: Finished well.
        failure: Finished badly.
    """

    pending: frozenset[str]
    success: frozenset[str]
    failure: frozenset[str]

    def is_known(self, status: str) -> bool:
        """Whether the contract names this (lowercase) status."""
        return status in self.pending or status in self.success or status in self.failure


def statuses_of(schema: Mapping[str, Any]) -> Statuses:
    """The status lists (`x-status-pending`, `-success`, `-failure`) of a status schema.

    Args:
        schema: A contract's status schema (v1 `ProcessingStatus`, v3 `IngestionStatus`).

    Raises:
        KeyError: A list is missing.
    """

    def values(kind: str) -> frozenset[str]:
        return frozenset(str(v).strip().lower() for v in schema[f"x-status-{kind}"])

    return Statuses(pending=values("pending"), success=values("success"), failure=values("failure"))


@functools.cache
def statuses() -> Statuses:
    """The status lists of the contract's `ProcessingStatus` schema (`x-status-*`).

    Raises:
        KeyError: The contract has no such schema or lists (a contract that cannot be used).
    """
    return statuses_of(contract()["components"]["schemas"]["ProcessingStatus"])


@attrs.frozen
class Route:
    """A contract operation's HTTP method (upper case) and path template."""

    method: str
    path: str

    def url(self, **parameters: str) -> str:
        """The path with every `{name}` replaced by its value, percent-encoded whole.

        Raises:
            KeyError: A path parameter is missing.
        """
        path = self.path
        for name, value in parameters.items():
            path = path.replace("{" + name + "}", quote(value, safe=""))
        if "{" in path:
            raise KeyError(f"unfilled path parameter in {path}")
        return path


@functools.cache
def route(operation_id: str) -> Route:
    """The method and path of the contract operation with this `operationId`.

    Raises:
        KeyError: No such operation in the contract (it was removed or renamed).
    """
    for path, item in contract()["paths"].items():
        for method in _METHODS:
            operation = item.get(method)
            if operation is not None and operation.get("operationId") == operation_id:
                return Route(method.upper(), path)
    raise KeyError(f"operation {operation_id!r} is not in the API contract")
