"""Dict-style reading of the generated record classes.

Records returned by pycrucible are the generated attrs models (`record.unique_id`, typed), and
code written for the older clients indexes them like the JSON dicts it used to get
(`child["unique_id"]`, `result["status"]`). `install()` gives every generated model a read-only
mapping view of its JSON form: `record[key]` is exactly `record.to_dict()[key]` (dates as ISO
strings, nested records as dicts), `key in record`, `record.get(key)`, `keys()`, `items()`,
`values()`. Fields the server sends beyond the contract live in `additional_properties` and are
part of that view, so nothing is dropped.
"""

from __future__ import annotations

import inspect
from collections.abc import ItemsView, KeysView, ValuesView
from typing import Any

import crucible_openapi.v1.models as models

__all__ = ["install"]


def _json(self: Any) -> dict[str, Any]:
    data: dict[str, Any] = self.to_dict()
    return data


def _getitem(self: Any, key: str) -> Any:
    return _json(self)[key]


def _contains(self: Any, key: object) -> bool:
    return key in _json(self)


def _get(self: Any, key: str, default: Any = None) -> Any:
    return _json(self).get(key, default)


def _keys(self: Any) -> KeysView[str]:
    return _json(self).keys()


def _items(self: Any) -> ItemsView[str, Any]:
    return _json(self).items()


def _values(self: Any) -> ValuesView[Any]:
    return _json(self).values()


_METHODS = {
    "__getitem__": _getitem,
    "__contains__": _contains,
    "get": _get,
    "keys": _keys,
    "items": _items,
    "values": _values,
}


def install() -> None:
    """Adds the mapping view to every generated model class (idempotent)."""
    for _, cls in inspect.getmembers(models, inspect.isclass):
        if cls.__module__.startswith("crucible_openapi.v1.models") and hasattr(cls, "to_dict"):
            for name, function in _METHODS.items():
                setattr(cls, name, function)
