"""Typed delegation from `CrucibleClient`'s flat, seed-era method names to its resources.

`list_datasets = delegate("datasets", Datasets.list_datasets)` makes `client.list_datasets(...)`
call `client.datasets.list_datasets(...)`, with the resource method's signature for mypy and
`inspect`, and its docstring for `help()`. The bound method is cached on the instance after the
first use, so a delegated call costs the same as a direct one.

An owner may define `_flat_target(resource, name)` returning another callable to use instead
(or None): `CrucibleClient` uses it to send the flat names to its API v3 client on a v3 server.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Iterable
from typing import Any, Concatenate, Generic, ParamSpec, TypeVar, overload

__all__ = ["Delegate", "delegate", "delegate_list"]

P = ParamSpec("P")
R = TypeVar("R")
T = TypeVar("T")


class Delegate(Generic[P, R]):
    """A non-data descriptor: class access gives the resource's function, instance access its
    bound method on the instance's resource object."""

    def __init__(
        self,
        resource: str,
        function: Callable[Concatenate[Any, P], Any],
        wrap: Callable[[Callable[..., Any]], Callable[..., Any]] | None = None,
    ) -> None:
        self._resource = resource
        self._function = function
        self._name = function.__name__
        self._wrap = wrap
        self.__doc__ = function.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self._name_on_owner = name

    @overload
    def __get__(self, obj: None, owner: type | None = None) -> Callable[Concatenate[Any, P], R]: ...

    @overload
    def __get__(self, obj: object, owner: type | None = None) -> Callable[P, R]: ...

    def __get__(self, obj: object | None, owner: type | None = None) -> Callable[..., Any]:
        if obj is None:
            return self._function
        route = getattr(obj, "_flat_target", None)
        target = route(self._resource, self._name) if route is not None else None
        bound: Callable[..., Any] = (
            target if target is not None else getattr(getattr(obj, self._resource), self._name)
        )
        if self._wrap is not None:
            bound = functools.wraps(bound)(self._wrap(bound))
        vars(obj)[self._name_on_owner] = bound
        return bound


def delegate_list(
    resource: str,
    function: Callable[Concatenate[Any, P], Iterable[T]],
    *,
    default_limit: int | None = None,
) -> Delegate[P, list[T]]:
    """Like `delegate`, for a seed-era list name whose method returns lazy pages: the flat
    name returns a list, as the seed-era function did.

    Args:
        resource: The attribute holding the resource object (e.g. `"datasets"`).
        function: The resource class's method returning an iterable (e.g. `Datasets.list`).
        default_limit: The seed-era default of the method's `limit` parameter, applied when the
            call gives none (the lazy method's own default is every record).
    """
    signature = inspect.signature(function)

    def wrap(bound: Callable[..., Iterable[T]]) -> Callable[..., list[T]]:
        def eager(*args: Any, **kwargs: Any) -> list[T]:
            if default_limit is not None:
                given = signature.bind_partial(None, *args, **kwargs).arguments
                if "limit" not in given:
                    kwargs["limit"] = default_limit
            return list(bound(*args, **kwargs))

        return eager

    return Delegate(resource, function, wrap)


def delegate(resource: str, function: Callable[Concatenate[Any, P], R]) -> Delegate[P, R]:
    """A flat method of the client that calls `function` on the client's `resource` attribute.

    Args:
        resource: The attribute holding the resource object (e.g. `"datasets"`).
        function: The resource class's method (e.g. `Datasets.list_datasets`).
    """
    return Delegate(resource, function)
