"""The async HTTP plumbing: `httpx.AsyncClient`s on one retrying, limited async transport.

The async twin of `pycrucible._http`, sharing everything that is not I/O: the event hooks'
logic (error mapping through `error_for_response`, refusing redirects, logging with redacted
URLs, the storage client's transfer marks), the key registration for redaction, and the answer
parsing (`parse_one`, `parse_list`, re-exported here). `ainvoke` is `invoke` for the generated
`asyncio_detailed` functions: same signature checking by mypy, same error translation.

* `http`: the API client (base URL, key, hooks that raise on error statuses); the generated
  `AuthenticatedClient` of the resources uses it as its async client.
* `storage`: no base URL and no key, for signed download links and upload URIs.
"""

from __future__ import annotations

import ssl
import urllib.request
from collections.abc import Awaitable, Callable
from typing import Any, ParamSpec, TypeVar

import attrs
import httpx

from pycrucible import _http
from pycrucible._async._limits import AsyncLimitedTransport
from pycrucible._async._transport import AsyncRetryTransport, AsyncSleep
from pycrucible._http import USER_AGENT, Answer, parse_list, parse_one, translate_errors
from pycrucible._limits import ResponseLimits
from pycrucible._network import VerifyArg, bypasses, ssl_context
from pycrucible._redact import redact_url, register_secret
from pycrucible._transport import RetryPolicy, idempotent_calls
from pycrucible.errors import UnexpectedResponseError, error_for_response

__all__ = [
    "Answer",
    "AsyncClientTransport",
    "AsyncHttpClients",
    "ainvoke",
    "ainvoke_idempotent",
    "async_inner_transport",
    "build_async_clients",
    "parse_list",
    "parse_one",
]

T = TypeVar("T")
P = ParamSpec("P")

Hook = Callable[[Any], Awaitable[None]]

POOL = httpx.Limits(max_connections=100, max_keepalive_connections=100)
"""The async pool: every connection kept open for reuse. httpx keeps only 20 by default, so
with more calls in flight every answer beyond 20 closed its connection and a later call opened
a new one (300 calls at 32 in flight on loopback: about 1.2x the time of this pool)."""


async def _raise_for_status(response: httpx.Response) -> None:
    if response.status_code >= 400:
        await response.aread()
        raise error_for_response(response)


def _async_hook(hook: Callable[[Any], None]) -> Hook:
    """An httpx.AsyncClient event hook running one of the sync client's (non-I/O) hooks."""

    async def run(value: Any) -> None:
        hook(value)

    return run


class AsyncClientTransport(httpx.AsyncBaseTransport):
    """Sends every request through a caller's own `httpx.AsyncClient`, used as it is (its
    transport, proxies, TLS settings, auth and hooks). It is never closed here."""

    def __init__(self, client: httpx.AsyncClient) -> None:
        self._client = client

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Sends `request` with the caller's client; the body stays a stream."""
        response = await self._client.send(request, stream=True)
        return httpx.Response(
            response.status_code,
            headers=response.headers,
            stream=response.stream,
            extensions=response.extensions,
        )


class AsyncEnvironmentProxyTransport(httpx.AsyncBaseTransport):
    """Chooses, per request, a direct or proxied pool from the proxy variables (like the sync
    `EnvironmentProxyTransport`, with the same `NO_PROXY` rules)."""

    def __init__(self, proxies: dict[str, str], verify: ssl.SSLContext | bool) -> None:
        self._proxies = proxies
        self._verify = verify
        self._direct = httpx.AsyncHTTPTransport(verify=verify, limits=POOL)
        self._through: dict[str, httpx.AsyncHTTPTransport] = {}

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Sends `request` directly or through its proxy."""
        url = request.url
        proxy = None
        if not bypasses(url.host, url.port, self._proxies.get("no", "")):
            proxy = self._proxies.get(url.scheme) or self._proxies.get("all")
        if proxy is None:
            return await self._direct.handle_async_request(request)
        transport = self._through.get(proxy)
        if transport is None:
            _http.log.debug("using proxy %s", redact_url(proxy))
            transport = self._through[proxy] = httpx.AsyncHTTPTransport(
                verify=self._verify, proxy=proxy, limits=POOL
            )
        return await transport.handle_async_request(request)

    async def aclose(self) -> None:
        """Closes every pool."""
        await self._direct.aclose()
        for transport in self._through.values():
            await transport.aclose()


def async_inner_transport(
    *,
    verify: VerifyArg = True,
    proxy: str | None = None,
    http_client: httpx.AsyncClient | None = None,
    transport: httpx.AsyncBaseTransport | None = None,
) -> httpx.AsyncBaseTransport:
    """The async transport the retry layer wraps (proxies as `pycrucible._network` reads them).

    Args:
        verify: TLS verification: True, False, a CA bundle path or an `ssl.SSLContext`.
        proxy: One proxy for every request; the environment's proxies when None.
        http_client: The caller's client to send through (then `verify` and `proxy` are its own).
        transport: A transport to use as it is (tests).

    Raises:
        ValueError: Both `http_client` and `transport`, or `http_client` is not an
            `httpx.AsyncClient`.
    """
    if http_client is not None and transport is not None:
        raise ValueError("give http_client or transport, not both")
    if http_client is not None:
        if not isinstance(http_client, httpx.AsyncClient):
            raise ValueError(f"http_client must be an httpx.AsyncClient, got {http_client!r}")
        return AsyncClientTransport(http_client)
    if transport is not None:
        return transport
    context = ssl_context(verify)
    if proxy is not None:
        return httpx.AsyncHTTPTransport(verify=context, proxy=proxy, limits=POOL)
    proxies = {k: v for k, v in urllib.request.getproxies_environment().items() if v}
    if not any(key != "no" for key in proxies):
        return httpx.AsyncHTTPTransport(verify=context, limits=POOL)
    return AsyncEnvironmentProxyTransport(proxies, context)


@attrs.define
class AsyncHttpClients:
    """The async clients on one pooled, retrying transport (see the module docstring)."""

    http: httpx.AsyncClient
    storage: httpx.AsyncClient
    transport: AsyncRetryTransport

    async def aclose(self) -> None:
        """Closes both clients and the shared connection pool."""
        await self.http.aclose()
        await self.storage.aclose()
        await self.transport.aclose()


def build_async_clients(
    api_url: str,
    api_key: str,
    *,
    timeout: httpx.Timeout,
    transfer_timeout: httpx.Timeout,
    policy: RetryPolicy,
    limits: ResponseLimits,
    sleep: AsyncSleep | None = None,
    transport: httpx.AsyncBaseTransport | None = None,
    verify: VerifyArg = True,
    proxy: str | None = None,
    http_client: httpx.AsyncClient | None = None,
) -> AsyncHttpClients:
    """Builds the pooled, authenticated, retrying async clients for one `AsyncCrucibleClient`.

    Args:
        api_url: Base URL (checked by `check_url`).
        api_key: Sent as `Authorization: Bearer <key>` to `api_url` only.
        timeout: Timeouts of API calls.
        transfer_timeout: Timeouts of the storage client.
        policy: Retry policy (limits and backoff).
        limits: Body bound and whole-answer deadline of API calls.
        sleep: Awaited for retry pauses (`asyncio.sleep` by default).
        transport: Inner async transport (tests pass an `httpx.MockTransport`).
        verify: TLS verification.
        proxy: Proxy URL; the proxy environment variables when None.
        http_client: A caller's `httpx.AsyncClient` to send every request through, as it is.
    """
    register_secret(api_key)
    inner = async_inner_transport(
        verify=verify, proxy=proxy, http_client=http_client, transport=transport
    )
    shared = AsyncRetryTransport(AsyncLimitedTransport(inner, limits), policy, sleep=sleep)
    log_request = _async_hook(_http.log_request_hook)
    log_response = _async_hook(_http.log_response_hook)
    api_hooks: dict[str, list[Callable[..., Any]]] = {
        "request": [log_request],
        "response": [
            log_response,
            _async_hook(_http.refuse_redirect),
            _raise_for_status,
            _async_hook(_http.mark_answered),
        ],
    }
    storage_hooks: dict[str, list[Callable[..., Any]]] = {
        "request": [_async_hook(_http.mark_transfer), log_request],
        "response": [log_response, _raise_for_status],
    }
    http = httpx.AsyncClient(
        base_url=api_url,
        headers={"Authorization": f"Bearer {api_key}", "User-Agent": USER_AGENT},
        timeout=timeout,
        transport=shared,
        event_hooks=api_hooks,
    )
    storage = httpx.AsyncClient(
        headers={"User-Agent": USER_AGENT},
        timeout=transfer_timeout,
        transport=shared,
        event_hooks=storage_hooks,
    )
    return AsyncHttpClients(http=http, storage=storage, transport=shared)


async def ainvoke(operation: Callable[P, Awaitable[T]], /, *args: P.args, **kwargs: P.kwargs) -> T:
    """Awaits a generated `asyncio_detailed` function with its own signature, errors translated.

    The async `invoke`: mypy checks the arguments against the generated signature; transport
    failures become `APIConnectionError` / `APITimeoutError`; a failure of the generated parser
    after the answer arrived becomes `UnexpectedResponseError`.

    Args:
        operation: The generated `asyncio_detailed` function.
        *args: Its positional arguments.
        **kwargs: Its keyword arguments, including `client`.

    Returns:
        The generated `Response` (error statuses have already raised through the hooks).
    """
    token = _http.ANSWERED.set(False)
    try:
        with translate_errors():
            return await operation(*args, **kwargs)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        if not _http.ANSWERED.get():
            raise
        name = getattr(operation, "__module__", "operation").rsplit(".", 1)[-1]
        raise UnexpectedResponseError(
            f"{name}: the answer does not match the contract ({type(exc).__name__}: {exc})"
        ) from exc
    finally:
        _http.ANSWERED.reset(token)


async def ainvoke_idempotent(
    operation: Callable[P, Awaitable[T]], /, *args: P.args, **kwargs: P.kwargs
) -> T:
    """Like `ainvoke`, for a non-GET call that may safely be repeated after a lost answer."""
    with idempotent_calls():
        return await ainvoke(operation, *args, **kwargs)
