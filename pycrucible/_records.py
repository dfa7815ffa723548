"""Dict-style access to the records the client returns, without touching the generated classes.

Records are the generated attrs models (`record.unique_id`, typed). Code written for the older
clients indexes them like the JSON dicts it used to get (`child["unique_id"]`,
`result["status"]`). `as_record` gives one record (and the records nested in it) that view by
moving it to a subclass of its own class made for the purpose: `isinstance` and the typed
attributes stay exactly as generated, and the generated classes are never changed, so the raw
layer (`crucible_openapi`) behaves the same whether pycrucible is imported or not.

`repr(record)` shows what the server sent, as JSON reads (unset fields left out, dates in ISO
form, registered secrets such as a new service-account key hidden, URLs redacted as in log
lines: a signed link's signature and upload session ids never show, `record["url"]` has them).
`json.dumps` needs plain data: `json.dumps(record.to_dict())`.

The view: `record[key]` is `record.to_dict()[key]` (dates as ISO strings, nested records as
dicts), `key in record`, `record.get(key)`, `keys()`, `items()`, `values()`. Assignment agrees
with reading: `record[name] = value` sets the attribute when `name` is a field of the model,
else an extra field (`additional_properties`), so `record[name]` then reads `value` back (in its
JSON form). Fields the server sends beyond the contract are part of the view.

Notebooks show a record as a small HTML table of the same fields (`_repr_html_`, from
`pycrucible._tables`: values escaped, long ones cut, secrets hidden as in `repr`).
"""

from __future__ import annotations

from collections.abc import ItemsView, KeysView, ValuesView
from typing import Any, TypeVar, cast

import attrs

from pycrucible._redact import redact_text, redact_urls

__all__ = ["RecordView", "as_record", "is_record_class"]

T = TypeVar("T")

_GENERATED_PREFIX = "crucible_openapi."
_VIEWS: dict[type, type] = {}
_FIELDS: dict[type, tuple[str, ...]] = {}


def _json(record: object) -> dict[str, Any]:
    data: dict[str, Any] = cast(Any, record).to_dict()
    return data


class RecordView:
    """The mapping view mixed into the record subclasses (see the module docstring)."""

    __slots__ = ()

    def __getitem__(self, key: str) -> Any:
        return _json(self)[key]

    def __setitem__(self, key: str, value: Any) -> None:
        if key in _FIELDS[type(self)]:
            setattr(self, key, value)
        else:
            cast(Any, self).additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        if key in _FIELDS[type(self)]:
            raise TypeError(f"{key!r} is a field of the record; set it instead of deleting it")
        del cast(Any, self).additional_properties[key]

    def __contains__(self, key: object) -> bool:
        return key in _json(self)

    def get(self, key: str, default: Any = None) -> Any:
        """`record[key]`, or `default` when the record has no such key."""
        return _json(self).get(key, default)

    def keys(self) -> KeysView[str]:
        """The JSON keys of the record."""
        return _json(self).keys()

    def items(self) -> ItemsView[str, Any]:
        """(key, JSON value) pairs."""
        return _json(self).items()

    def values(self) -> ValuesView[Any]:
        """The JSON values."""
        return _json(self).values()

    def __repr__(self) -> str:
        # What the server said, as JSON reads: unset fields left out, dates in ISO form, extra
        # server fields included, nested records as dicts.
        data = _json(self)
        known = [name for name in _FIELDS[type(self)] if name in data]
        order = known + [key for key in data if key not in known]
        fields = ", ".join(f"{key}={redact_urls(data[key])!r}" for key in order)
        # Secrets a record may carry (a service account's new key, signed URLs) never show.
        return redact_text(f"{type(self).__name__}({fields})")

    def _repr_html_(self) -> str:
        """The record as a small HTML table of its fields (notebooks display it)."""
        from pycrucible._tables import record_html

        return record_html(self)


def json_fields(record: object) -> list[tuple[str, Any]]:
    """A record's JSON fields in order: the model's fields as declared, then extra ones.

    Args:
        record: A generated record (with or without the view) or a plain dict.

    Returns:
        (key, JSON value) pairs; unset fields are left out.
    """
    if isinstance(record, dict):
        return list(record.items())
    data = _json(record)
    cls: Any = type(record)
    declared = _FIELDS.get(cls)
    if declared is None and attrs.has(cls):
        declared = tuple(f.name for f in attrs.fields(cls) if f.name != "additional_properties")
    known = [name for name in declared or () if name in data]
    order = known + [key for key in data if key not in known]
    return [(key, data[key]) for key in order]


def is_record_class(cls: type) -> bool:
    """Whether `cls` is a generated model class (of any API version's generated package)."""
    return cls.__module__.startswith(_GENERATED_PREFIX) and attrs.has(cls)


def _view_class(cls: type) -> type:
    view = _VIEWS.get(cls)
    if view is None:
        namespace = {
            "__slots__": (),
            "__module__": cls.__module__,
            "__qualname__": cls.__qualname__,
        }
        view = type(cls.__name__, (RecordView, cls), namespace)
        names = tuple(f.name for f in attrs.fields(cls) if f.name != "additional_properties")
        _FIELDS[view] = names
        view = _VIEWS.setdefault(cls, view)
    return view


def _convert(value: Any, depth: int) -> None:
    if depth > 32:
        return
    if isinstance(value, list):
        for item in value:
            _convert(item, depth + 1)
        return
    cls = type(value)
    if cls in _FIELDS or not is_record_class(cls):
        return
    value.__class__ = _view_class(cls)
    for name in _FIELDS[type(value)]:
        _convert(getattr(value, name), depth + 1)
    extra = getattr(value, "additional_properties", None)
    if isinstance(extra, dict):
        for item in extra.values():
            _convert(item, depth + 1)


def as_record(value: T) -> T:
    """Gives a generated record, a list of them, and every record nested in them the view.

    Args:
        value: What the generated parser returned (anything else is returned untouched).

    Returns:
        The same object, now also readable like a dict.
    """
    _convert(value, 0)
    return value
