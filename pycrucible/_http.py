"""The HTTP plumbing under `CrucibleClient`: one retrying transport, and the clients on it.

* `api`: the generated `AuthenticatedClient` the resources call, on the httpx client `http`.
  That httpx client carries the key and turns every 4xx/5xx answer into the matching
  `pycrucible.errors` exception.
* `raw`: a second generated client for users of the typed raw layer, minus the raising: they
  get the generated `Response` objects with their status codes, as the generator documents.
* `storage`: an httpx client with no base URL and no key, for signed download URLs and
  resumable-upload URIs, which may live on another host that must never see the key. It raises
  like `api`.

All of them share one `RetryTransport` (one connection pool, one retry policy), which wraps
`LimitedTransport` (every API answer bounded: decoded size, whole-answer deadline; file
transfers are marked and left to the transfer code) over the transport `pycrucible._network`
picks (direct, proxied, or the caller's own `httpx.Client`). API answers that redirect raise.
`invoke` calls a generated operation with its own typed signature.
"""

from __future__ import annotations

import logging
import platform
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, ParamSpec, Protocol, TypeVar

import attrs
import httpx
from crucible_openapi.v1 import AuthenticatedClient

from pycrucible._config import DEFAULTS
from pycrucible._limits import TRANSFER, LimitedTransport, ResponseLimits
from pycrucible._loopback import is_loopback
from pycrucible._network import VerifyArg, inner_transport
from pycrucible._records import as_record
from pycrucible._redact import get_logger, redact_url, register_secret
from pycrucible._transport import STORAGE, RetryPolicy, RetryTransport, idempotent_calls
from pycrucible._version import __version__
from pycrucible.errors import (
    APIConnectionError,
    APITimeoutError,
    UnexpectedResponseError,
    error_for_response,
    not_found,
)

__all__ = [
    "ANSWERED",
    "HttpClients",
    "build_clients",
    "invoke",
    "invoke_idempotent",
    "is_loopback",
    "log_request_hook",
    "log_response_hook",
    "mark_answered",
    "mark_transfer",
    "parse_list",
    "parse_one",
    "refuse_redirect",
]

log = get_logger("http")
T = TypeVar("T")
R = TypeVar("R")
P = ParamSpec("P")

ANSWERED: ContextVar[bool] = ContextVar("pycrucible_answered", default=False)
"""True once the current `invoke` (or `ainvoke`) got its answer (set by `mark_answered`)."""

USER_AGENT = (
    f"pycrucible/{__version__} httpx/{httpx.__version__} python/{platform.python_version()}"
)


def _raise_for_status(response: httpx.Response) -> None:
    """Response hook: turns an error status into the matching exception."""
    if response.status_code >= 400:
        response.read()
        raise error_for_response(response)


def refuse_redirect(response: httpx.Response) -> None:
    """Response hook: a 3xx answer raises, naming where it points (redirects are not followed).

    Following one could carry the key to another host, and reading its empty body as the API's
    answer would misreport it (for example as a missing record).
    """
    status = response.status_code
    if 300 <= status < 400 and status != 304:
        request = response.request
        location = response.headers.get("location")
        target = redact_url(str(request.url.join(location))) if location else "nowhere"
        raise UnexpectedResponseError(
            f"{request.method} {redact_url(str(request.url))} was redirected ({status}) to "
            f"{target}; redirects are not followed: check the URL (api_url)",
            response=response,
        )


def mark_transfer(request: httpx.Request) -> None:
    """Request hook of the storage client: its requests are file transfers (see `_limits`)."""
    request.extensions[TRANSFER] = True
    request.extensions[STORAGE] = True


def log_request_hook(request: httpx.Request) -> None:
    """Request hook: logs the method and the redacted URL (at DEBUG)."""
    if log.isEnabledFor(logging.DEBUG):  # redacting the URL costs ~5 us a call: only when shown
        log.debug("-> %s %s", request.method, redact_url(str(request.url)))


def log_response_hook(response: httpx.Response) -> None:
    """Response hook: logs the method, the redacted URL and the status (at DEBUG)."""
    if log.isEnabledFor(logging.DEBUG):
        request = response.request
        log.debug("<- %s %s %d", request.method, redact_url(str(request.url)), response.status_code)


def check_url(api_url: str) -> str:
    """Validates the API base URL and warns when the key would cross the network unencrypted.

    Args:
        api_url: Base URL such as `https://crucible.lbl.gov/testapi`.

    Returns:
        The URL without a trailing slash.

    Raises:
        ValueError: The URL is not an absolute http(s) URL.
    """
    url = httpx.URL(api_url)
    if url.scheme not in ("http", "https") or not url.host:
        raise ValueError(f"api_url must be an absolute http(s) URL, got {api_url!r}")
    if url.scheme == "http" and not is_loopback(url.host):
        warnings.warn(
            f"the API key will be sent unencrypted over plain http to {url.host}; use https",
            stacklevel=3,
        )
    return str(url).rstrip("/")


class RedactedAuthenticatedClient(AuthenticatedClient):
    """The generated client with a `repr` that never shows the key (attrs' repr would)."""

    def __repr__(self) -> str:
        return f"AuthenticatedClient(base_url={self._base_url!r}, token='<redacted>')"


@attrs.define
class HttpClients:
    """The clients on one pooled, retrying transport (see the module docstring)."""

    api: AuthenticatedClient
    raw: AuthenticatedClient
    storage: httpx.Client
    http: httpx.Client
    transport: RetryTransport

    def close(self) -> None:
        """Closes every view and the shared connection pool."""
        self.http.close()
        self.raw.get_httpx_client().close()
        self.storage.close()
        self.transport.close()


def build_clients(
    api_url: str,
    api_key: str,
    *,
    timeout: httpx.Timeout,
    transfer_timeout: httpx.Timeout,
    policy: RetryPolicy,
    limits: ResponseLimits | None = None,
    transport: httpx.BaseTransport | None = None,
    verify: VerifyArg = True,
    proxy: str | None = None,
    http_client: httpx.Client | None = None,
) -> HttpClients:
    """Builds the pooled, authenticated, retrying clients for one `CrucibleClient`.

    Args:
        api_url: Base URL, already checked by `check_url`.
        api_key: The API key, sent as `Authorization: Bearer <key>` to `api_url` only.
        timeout: Timeouts of API calls.
        transfer_timeout: Timeouts of the storage client (signed URLs, upload chunks).
        policy: Retry policy shared by every client.
        limits: Body bound and whole-answer deadline of API calls (not of transfers); the
            defaults of `pycrucible._config.DEFAULTS` when None.
        transport: Inner transport (tests pass an `httpx.MockTransport`); pooled HTTP by default.
        verify: TLS verification: True, False, a CA bundle path or an `ssl.SSLContext`.
        proxy: Proxy URL for every request; the proxy environment variables when None.
        http_client: A caller's `httpx.Client` to send every request through, as it is.

    Returns:
        The clients; close them with `HttpClients.close()`.
    """
    register_secret(api_key)
    if limits is None:
        limits = ResponseLimits(
            max_bytes=DEFAULTS["max_response_bytes"], deadline=DEFAULTS["response_deadline"]
        )
    inner = inner_transport(
        verify=verify, proxy=proxy, http_client=http_client, transport=transport
    )
    shared = RetryTransport(LimitedTransport(inner, limits), policy)
    auth_headers = {"Authorization": f"Bearer {api_key}", "User-Agent": USER_AGENT}
    hooks: dict[str, list[Callable[..., Any]]] = {
        "request": [log_request_hook],
        "response": [log_response_hook, refuse_redirect, _raise_for_status],
    }
    # Resumable uploads answer 308 ("resume incomplete") on the storage host: not a redirect.
    storage_hooks: dict[str, list[Callable[..., Any]]] = {
        "request": [mark_transfer, log_request_hook],
        "response": [log_response_hook, _raise_for_status],
    }
    api_hooks = {"request": hooks["request"], "response": [*hooks["response"], mark_answered]}
    http = httpx.Client(
        base_url=api_url,
        headers=auth_headers,
        timeout=timeout,
        transport=shared,
        event_hooks=api_hooks,
    )
    raw_http = httpx.Client(
        base_url=api_url, headers=auth_headers, timeout=timeout, transport=shared
    )
    storage = httpx.Client(
        headers={"User-Agent": USER_AGENT},
        timeout=transfer_timeout,
        transport=shared,
        event_hooks=storage_hooks,
    )
    api = RedactedAuthenticatedClient(
        base_url=api_url, token=api_key, raise_on_unexpected_status=False
    )
    api.set_httpx_client(http)
    raw = RedactedAuthenticatedClient(
        base_url=api_url, token=api_key, raise_on_unexpected_status=False
    )
    raw.set_httpx_client(raw_http)
    return HttpClients(api=api, raw=raw, storage=storage, http=http, transport=shared)


@contextmanager
def translate_errors() -> Iterator[None]:
    """Re-raises httpx transport failures as `APIConnectionError` / `APITimeoutError`."""
    try:
        yield
    except httpx.TimeoutException as exc:
        where = redact_url(str(exc.request.url)) if _has_request(exc) else "the server"
        raise APITimeoutError(f"no answer in time from {where}: {type(exc).__name__}") from exc
    except httpx.TransportError as exc:
        where = redact_url(str(exc.request.url)) if _has_request(exc) else "the server"
        raise APIConnectionError(f"could not reach {where}: {exc!s}") from exc


def _has_request(exc: httpx.RequestError) -> bool:
    try:
        exc.request  # noqa: B018 - property raises when unset
    except RuntimeError:
        return False
    return True


def mark_answered(response: httpx.Response) -> None:
    """Response hook: from here on, a failure of the call is the parse step's."""
    ANSWERED.set(True)


def invoke(operation: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> T:
    """Calls a generated `*_detailed` function with its own signature, errors translated.

    Arguments are checked by mypy against the generated signature, so a renamed or retyped
    parameter, or a new required one, fails type-checking at the call site. Transport failures
    become `APIConnectionError` / `APITimeoutError`. Only a failure after the answer arrived
    (the generated parser reading the body) becomes `UnexpectedResponseError`; a failure
    before the request was sent (building the request) is a client bug and propagates as is.

    Args:
        operation: The generated `sync_detailed` function.
        *args: Its positional arguments.
        **kwargs: Its keyword arguments, including `client`.

    Returns:
        The generated `Response` (error statuses have already raised through the response hook).

    Raises:
        UnexpectedResponseError: A successful answer the generated parser could not read.
    """
    token = ANSWERED.set(False)
    try:
        with translate_errors():
            return operation(*args, **kwargs)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        if not ANSWERED.get():
            raise
        name = getattr(operation, "__module__", "operation").rsplit(".", 1)[-1]
        raise UnexpectedResponseError(
            f"{name}: the answer does not match the contract ({type(exc).__name__}: {exc})"
        ) from exc
    finally:
        ANSWERED.reset(token)


def invoke_idempotent(operation: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> T:
    """Like `invoke`, for a non-GET call that may safely be repeated after a lost answer.

    Its requests carry the `IDEMPOTENT` mark (see `pycrucible._transport.idempotent_calls`).
    """
    with idempotent_calls():
        return invoke(operation, *args, **kwargs)


class Answer(Protocol):
    """A generated `Response` of either API version: its parsed body and its raw bytes."""

    @property
    def parsed(self) -> Any: ...

    @property
    def content(self) -> bytes: ...


def parse_one(response: Answer, cls: type[T], what: str) -> T:
    """Returns the parsed record, raising `NotFoundError` for the API's 200 + `null`.

    Args:
        response: A successful generated `Response`.
        cls: The expected model class.
        what: What was asked for, for messages (e.g. `"dataset 0tbg..."`).

    Returns:
        The parsed model.

    Raises:
        NotFoundError: The body was `null`.
        UnexpectedResponseError: The body is not a `cls`.
    """
    parsed = response.parsed
    if parsed is None and response.content.strip() in (b"null", b""):
        raise not_found(what)
    if not isinstance(parsed, cls):
        raise UnexpectedResponseError(
            f"{what}: expected {cls.__name__}, got {response.content[:200]!r}"
        )
    return as_record(parsed)


def parse_list(response: Answer, cls: type[T], what: str) -> list[T]:
    """Returns the parsed list, checking every item's type.

    Args:
        response: A successful generated `Response` whose body is a JSON array.
        cls: The expected item class.
        what: What was asked for, for messages.

    Returns:
        The items.

    Raises:
        UnexpectedResponseError: The body is not a list of `cls`.
    """
    parsed = response.parsed
    if not isinstance(parsed, list) or not all(isinstance(item, cls) for item in parsed):
        raise UnexpectedResponseError(
            f"{what}: expected a list of {cls.__name__}, got {response.content[:200]!r}"
        )
    return as_record(parsed)
