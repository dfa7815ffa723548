"""What every resource of `CrucibleClient` builds on: the shared core and filter checks.

Generated operations are called with their own signatures through `pycrucible._http.invoke`
(`invoke(get_dataset.sync_detailed, dsid, client=core.api)`), so mypy checks every argument
against the generated code. Creates that may safely be repeated go through `invoke_idempotent`.
"""

from __future__ import annotations

import functools
import inspect
import ssl
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

import httpx
from crucible_openapi.v1 import AuthenticatedClient
from crucible_openapi.v1.types import UNSET, Unset

from pycrucible._config import Settings
from pycrucible._http import HttpClients, build_clients
from pycrucible._limits import ResponseLimits
from pycrucible._transport import CallOptions, RetryPolicy, attempts, call_options
from pycrucible._wait import check_seconds
from pycrucible.errors import ConflictError

__all__ = [
    "Core",
    "Resource",
    "answers_own_retry",
    "check_call_options",
    "check_filters",
    "given",
    "per_call",
    "per_call_headers",
]

T = TypeVar("T")
P = ParamSpec("P")
R = TypeVar("R")


def check_call_options(timeout: Any, extra_headers: Any) -> CallOptions:
    """Checks the per-call `timeout=` and `extra_headers=` of a client method.

    Raises:
        ValueError: A timeout that is not a positive number of seconds, headers that are not a
            mapping of strings, or an `Authorization` header (the client sends the key itself).
    """
    seconds = None if timeout is None else check_seconds("timeout", timeout)
    pairs: list[tuple[str, str]] = []
    if extra_headers is not None:
        if not isinstance(extra_headers, Mapping):
            raise ValueError(f"extra_headers must be a dict of strings, got {extra_headers!r}")
        for name, value in extra_headers.items():
            if not isinstance(name, str) or not isinstance(value, str) or not name.strip():
                raise ValueError(f"extra_headers must map names to strings, got {name!r}")
            if name.strip().lower() == "authorization":
                raise ValueError("extra_headers must not set Authorization; pass api_key instead")
            pairs.append((name.strip(), value))
    return CallOptions(timeout=seconds, headers=tuple(pairs))


def _run_with(options: CallOptions, method: Callable[P, R], *args: P.args, **kwargs: P.kwargs) -> R:
    with call_options(options):
        return method(*args, **kwargs)


def per_call(method: Callable[P, R]) -> Callable[P, R]:
    """Applies a method's keyword arguments `timeout=` (seconds per request) and
    `extra_headers=` to every request the call sends; both are checked before any is sent."""

    @functools.wraps(method)
    def call(*args: P.args, **kwargs: P.kwargs) -> R:
        timeout, headers = kwargs.get("timeout"), kwargs.get("extra_headers")
        if timeout is None and headers is None:
            return method(*args, **kwargs)
        return _run_with(check_call_options(timeout, headers), method, *args, **kwargs)

    return call


def per_call_headers(method: Callable[P, R]) -> Callable[P, R]:
    """Like `per_call`, for methods whose own `timeout=` bounds a wait: only `extra_headers=`."""

    @functools.wraps(method)
    def call(*args: P.args, **kwargs: P.kwargs) -> R:
        headers = kwargs.get("extra_headers")
        if headers is None:
            return method(*args, **kwargs)
        return _run_with(check_call_options(None, headers), method, *args, **kwargs)

    return call


def given(value: T | None) -> T | Unset:
    """Maps None (the argument was not given) to the generated models' `UNSET`."""
    return UNSET if value is None else value


def _keyword_parameters(operation: Callable[..., Any]) -> list[str]:
    return [
        name
        for name, param in inspect.signature(operation).parameters.items()
        if param.kind is inspect.Parameter.KEYWORD_ONLY and name != "client"
    ]


def check_filters(
    operation: Callable[..., Any], filters: Mapping[str, Any], *, exclude: tuple[str, ...] = ()
) -> dict[str, Any]:
    """Checks filter names against a generated operation's query parameters, dropping `None`s.

    Args:
        operation: The generated `sync_detailed` function.
        filters: The caller's filters.
        exclude: Parameters the caller may not pass as filters (the method sets them).

    Returns:
        The filters whose value is not None.

    Raises:
        ValueError: An unknown filter name (the valid ones are listed).
    """
    known = [name for name in _keyword_parameters(operation) if name not in exclude]
    unknown = sorted(set(filters) - set(known))
    if unknown:
        raise ValueError(
            f"unknown filter(s) {', '.join(unknown)}; valid filters: {', '.join(known)}"
        )
    return {key: value for key, value in filters.items() if value is not None}


def answers_own_retry(exc: ConflictError, *, chosen_id: bool) -> bool:
    """Whether a create's 409 only reports the record an earlier attempt of this call made.

    A fresh client-generated id cannot belong to anybody else, so its 409 always answers our
    own retry. An id the caller chose is treated the same only when the request was actually
    sent more than once (the first answer was lost); otherwise the id was already taken.
    """
    return not chosen_id or attempts(exc.response) > 1


class Core:
    """What every resource of one client shares: its connections, settings, sleep and clock.

    Args:
        http: The pooled, authenticated, retrying HTTP clients.
        settings: The resolved settings.
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

    @classmethod
    def connect(
        cls,
        api_url: str,
        settings: Settings,
        *,
        transport: httpx.BaseTransport | None,
        verify: bool | str | ssl.SSLContext,
        proxy: str | None,
        http_client: httpx.Client | None,
        sleep: Callable[[float], None],
        clock: Callable[[], float],
    ) -> Core:
        """Opens the pooled connections `settings` describe (timeouts in seconds, retries,
        response limits) and wraps them in a core.

        Args:
            api_url: The checked base URL of the API.
            settings: The resolved settings.
            transport: Inner httpx transport (tests), or None.
            verify: TLS verification, as `CrucibleClient` takes it.
            proxy: Proxy URL, or None for the environment's.
            http_client: The caller's own `httpx.Client`, or None.
            sleep: Pauses for the given seconds (retries and waits).
            clock: Monotonic seconds (wait deadlines).
        """
        http = build_clients(
            api_url,
            settings.api_key,
            timeout=httpx.Timeout(settings.timeout, connect=settings.connect_timeout),
            transfer_timeout=httpx.Timeout(
                settings.transfer_timeout, connect=settings.connect_timeout
            ),
            policy=RetryPolicy(max_retries=settings.max_retries, sleep=sleep),
            limits=ResponseLimits(
                max_bytes=settings.max_response_bytes,
                deadline=settings.response_deadline,
            ),
            transport=transport,
            verify=verify,
            proxy=proxy,
            http_client=http_client,
        )
        return cls(http, settings, sleep=sleep, clock=clock)

    @property
    def api(self) -> AuthenticatedClient:
        """The generated client the resources call (error statuses raise)."""
        return self.http.api


class Resource:
    """Base of the resource objects: the shared core and short names for what it holds."""

    def __init__(self, core: Core) -> None:
        self._core = core

    @property
    def _api(self) -> AuthenticatedClient:
        return self._core.http.api

    @property
    def _http(self) -> HttpClients:
        return self._core.http

    @property
    def _state_dir(self) -> Path:
        return self._core.settings.state_dir

    def _sleep(self, seconds: float) -> None:
        self._core.sleep(seconds)

    def _clock(self) -> float:
        return self._core.clock()
