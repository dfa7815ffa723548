"""Typed delegation from `CrucibleClient`'s flat, seed-era method names to its resources.

`list_datasets = delegate("datasets", Datasets.list_datasets)` makes `client.list_datasets(...)`
call `client.datasets.list_datasets(...)`, with the resource method's signature for mypy and
`inspect`, and its docstring for `help()`. The bound method is cached on the instance after the
first use, so a delegated call costs the same as a direct one.

An owner may define `_flat_target(resource, name)` returning another callable to use instead
(or None): `CrucibleClient` uses it to send the flat names to its API v3 client on a v3 server.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Concatenate, Generic, ParamSpec, TypeVar, overload

__all__ = ["delegate"]

P = ParamSpec("P")
R = TypeVar("R")


class _Delegate(Generic[P, R]):
    """A non-data descriptor: class access gives the resource's function, instance access its
    bound method on the instance's resource object."""

    def __init__(self, resource: str, function: Callable[Concatenate[Any, P], R]) -> None:
        self._resource = resource
        self._function = function
        self._name = function.__name__
        self.__doc__ = function.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self._name_on_owner = name

    @overload
    def __get__(self, obj: None, owner: type | None = None) -> Callable[Concatenate[Any, P], R]: ...

    @overload
    def __get__(self, obj: object, owner: type | None = None) -> Callable[P, R]: ...

    def __get__(self, obj: object | None, owner: type | None = None) -> Callable[..., R]:
        if obj is None:
            return self._function
        route = getattr(obj, "_flat_target", None)
        target = route(self._resource, self._name) if route is not None else None
        bound: Callable[P, R] = (
            target if target is not None else getattr(getattr(obj, self._resource), self._name)
        )
        vars(obj)[self._name_on_owner] = bound
        return bound


def delegate(resource: str, function: Callable[Concatenate[Any, P], R]) -> _Delegate[P, R]:
    """A flat method of the client that calls `function` on the client's `resource` attribute.

    Args:
        resource: The attribute holding the resource object (e.g. `"datasets"`).
        function: The resource class's method (e.g. `Datasets.list_datasets`).
    """
    return _Delegate(resource, function)
