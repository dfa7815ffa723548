"""What every API v3 resource builds on: the shared core, per-call options and small helpers.

Every v3 method takes the keyword arguments of `CallKwargs`: `timeout=` (seconds per
request), `extra_headers=` and `privilege_mode=` (`"normal"` or `"elevated"`, sent as the
`Crucible-Privilege-Mode` header for the requests of that call). `per_call` applies them; the
client-wide privilege mode is a default header of the API connection.
"""

from __future__ import annotations

import functools
import inspect
import time
from collections.abc import Callable, Mapping
from typing import Any, NoReturn, ParamSpec, TypedDict, TypeVar

from crucible_openapi.v3 import AuthenticatedClient
from crucible_openapi.v3.types import UNSET, Unset

from pycrucible._checks import check_text
from pycrucible._config import Settings
from pycrucible._config_values import check_privilege_mode
from pycrucible._core import check_call_options
from pycrucible._http import HttpClients
from pycrucible._transport import CallOptions, call_options
from pycrucible.errors import UnsupportedByServerError

__all__ = [
    "API_VERSION",
    "PRIVILEGE_HEADER",
    "CallKwargs",
    "V3Core",
    "V3Resource",
    "check_privilege_mode",
    "opt",
    "opt_text",
    "per_call",
    "per_call_wait",
    "unsupported",
    "update_fields",
]

API_VERSION = "v3"
PRIVILEGE_HEADER = "Crucible-Privilege-Mode"

P = ParamSpec("P")
R = TypeVar("R")
T = TypeVar("T")


class CallKwargs(TypedDict, total=False):
    """The per-call keyword arguments every API v3 method takes.

    Attributes:
        timeout: Seconds for each request of the call (for the methods that wait, the wait's
            deadline instead).
        extra_headers: Headers added to each request of the call.
        privilege_mode: `"normal"` or `"elevated"` for this call (overrides the client's).
    """

    timeout: float | None
    extra_headers: Mapping[str, str] | None
    privilege_mode: str | None


def _options(timeout: Any, headers: Any, mode: Any) -> CallOptions:
    options = check_call_options(timeout, headers)
    if mode is None:
        return options
    pairs = [(k, v) for k, v in options.headers if k.lower() != PRIVILEGE_HEADER.lower()]
    pairs.append((PRIVILEGE_HEADER, check_privilege_mode(mode)))
    return CallOptions(timeout=options.timeout, headers=tuple(pairs))


def _named(method: Callable[..., Any]) -> frozenset[str] | None:
    """The parameters of `method` a keyword argument may name, when its only `**` parameter
    is `**options: Unpack[CallKwargs]`; None when it takes other keywords (`**fields`)."""
    kinds = (inspect.Parameter.POSITIONAL_OR_KEYWORD, inspect.Parameter.KEYWORD_ONLY)
    parameters = inspect.signature(method).parameters.values()
    for p in parameters:
        if p.kind is inspect.Parameter.VAR_KEYWORD and "CallKwargs" not in str(p.annotation):
            return None
    return frozenset(p.name for p in parameters if p.kind in kinds)


def _refuse_unknown(method: Callable[..., Any], named: frozenset[str] | None, given: Any) -> None:
    if named is None:
        return
    unknown = [name for name in given if name not in named]
    if unknown:
        # `**options` would take any keyword at run time: a misspelt argument is refused
        # here, as Python refuses it for an ordinary function, instead of being ignored.
        raise TypeError(
            f"{method.__qualname__}() got an unexpected keyword argument {unknown[0]!r}"
        )


def _wrap(method: Callable[..., Any], *, with_timeout: bool) -> Callable[..., Any]:
    named = _named(method)

    def pop(kwargs: dict[str, Any]) -> CallOptions | None:
        timeout = kwargs.pop("timeout", None) if with_timeout else None
        headers = kwargs.pop("extra_headers", None)
        mode = kwargs.pop("privilege_mode", None)
        _refuse_unknown(method, named, kwargs)
        if timeout is None and headers is None and mode is None:
            return None
        return _options(timeout, headers, mode)

    if inspect.iscoroutinefunction(method):
        # The async client's methods: the options must hold while the coroutine runs, not
        # only while it is created (they are checked when it starts, before any request).
        @functools.wraps(method)
        async def acall(*args: Any, **kwargs: Any) -> Any:
            options = pop(kwargs)
            if options is None:
                return await method(*args, **kwargs)
            with call_options(options):
                return await method(*args, **kwargs)

        return acall

    @functools.wraps(method)
    def call(*args: Any, **kwargs: Any) -> Any:
        options = pop(kwargs)
        if options is None:
            return method(*args, **kwargs)
        with call_options(options):
            return method(*args, **kwargs)

    return call


def per_call(method: Callable[P, R]) -> Callable[P, R]:
    """Applies the `CallKwargs` of a call (checked before any request) to its requests.

    The wrapped method declares `**options: Unpack[CallKwargs]` and never sees them. An
    `async def` method (the async client's) gets an async wrapper that applies them while it runs.
    """
    return _wrap(method, with_timeout=True)


def per_call_wait(method: Callable[P, R]) -> Callable[P, R]:
    """Like `per_call`, for methods whose own `timeout=` bounds a wait (it is passed through)."""
    return _wrap(method, with_timeout=False)


def opt(value: T | None) -> T | Unset:
    """Maps None (not given) to the generated models' `UNSET`."""
    return UNSET if value is None else value


def opt_text(value: str | None, name: str) -> str | Unset:
    """Checks a text argument (`ValueError` if bad); None (not given) becomes `UNSET`."""
    return UNSET if value is None else check_text(value, name)


def update_fields(model: type[Any]) -> frozenset[str]:
    """The field names a generated update model takes (not its `additional_properties`)."""
    names = (f.name for f in model.__attrs_attrs__ if f.name[0] != "_")
    return frozenset(names) - {"additional_properties"}


def unsupported(operation: str, replacement: str | None = None) -> NoReturn:
    """Raises `UnsupportedByServerError` for an operation API v3 removed."""
    raise UnsupportedByServerError(operation, API_VERSION, replacement)


class RedactedV3Client(AuthenticatedClient):
    """The generated v3 client with a `repr` that never shows the key."""

    def __repr__(self) -> str:
        return f"AuthenticatedClient(base_url={self._base_url!r}, token='<redacted>')"


class V3Core:
    """What the v3 resources of one client share: connections, settings, sleep and clock.

    Args:
        http: The pooled, authenticated, retrying clients, with the v3 base URL.
        settings: The resolved settings (key, state folder, transfer sizes).
        sleep: Pauses for the given seconds (waits).
        clock: Monotonic seconds (wait deadlines).
    """

    def __init__(
        self,
        http: HttpClients,
        settings: Settings,
        *,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.http = http
        self.settings = settings
        self.sleep = sleep
        self.clock = clock
        api = RedactedV3Client(
            base_url=str(http.http.base_url).rstrip("/"),
            token=settings.api_key,
            raise_on_unexpected_status=False,
        )
        api.set_httpx_client(http.http)
        self.api = api


class V3Resource:
    """Base of the v3 resource objects: the shared core and short names for what it holds."""

    def __init__(self, core: V3Core) -> None:
        self._core = core

    @property
    def _api(self) -> AuthenticatedClient:
        return self._core.api

    @property
    def _http(self) -> HttpClients:
        return self._core.http

    def _sleep(self, seconds: float) -> None:
        self._core.sleep(seconds)

    def _clock(self) -> float:
        return self._core.clock()
