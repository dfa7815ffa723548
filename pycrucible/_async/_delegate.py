"""The async client's seed-era flat names: `delegate` as it is, and `adelegate_list`.

`delegate` (from `pycrucible._delegate`) already serves `async def` methods: the flat name is
the resource's coroutine method. A seed-era list name must return a list, as the seed-era
function did, while the async resources return lazy async pages: `adelegate_list` makes the
flat name a coroutine collecting them (`await client.list_datasets(limit=10)`). A method that
must first resolve a reference (a user's projects: the user's id) is itself awaited for its pages.
"""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any, Concatenate, ParamSpec, TypeVar

from pycrucible._async.pages import AsyncKeysetPages, AsyncOffsetPages
from pycrucible._delegate import Delegate
from pycrucible._delegate import delegate as delegate

__all__ = ["adelegate_list", "delegate"]

P = ParamSpec("P")
T = TypeVar("T")
Pages = AsyncKeysetPages[T] | AsyncOffsetPages[T]


def adelegate_list(
    resource: str,
    function: Callable[Concatenate[Any, P], Pages[T] | Awaitable[Pages[T]]],
    *,
    default_limit: int | None = None,
) -> Delegate[P, Coroutine[Any, Any, list[T]]]:
    """Like `pycrucible._delegate.delegate_list`, for async pages: the flat name is awaited and
    returns a list.

    Args:
        resource: The attribute holding the resource object (e.g. `"datasets"`).
        function: The resource class's method returning async pages (e.g. `Datasets.list`).
        default_limit: The seed-era default of the method's `limit` parameter, applied when the
            call gives none.
    """
    signature = inspect.signature(function)

    def wrap(bound: Callable[..., Any]) -> Callable[..., Coroutine[Any, Any, list[T]]]:
        async def eager(*args: Any, **kwargs: Any) -> list[T]:
            if default_limit is not None:
                given = signature.bind_partial(None, *args, **kwargs).arguments
                if "limit" not in given:
                    kwargs["limit"] = default_limit
            pages = bound(*args, **kwargs)
            if inspect.isawaitable(pages):  # a method that resolves a reference first
                pages = await pages
            return await pages.to_list()  # type: ignore[no-any-return]

        return eager

    return Delegate(resource, function, wrap)
