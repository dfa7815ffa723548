"""Retries, in one httpx transport wrapper, so every call (generated or not) behaves the same.

What is retried:

* failures before the request was sent (connection refused, connect timeout, pool timeout) and
  429 / 503 answers: on every method, since the server did not act on the request;
* 500 / 502 / 504 answers, read timeouts and connections dropped mid-answer: only on idempotent
  requests (GET, HEAD, OPTIONS, PUT, DELETE) or requests marked idempotent with the
  `IDEMPOTENT` extension (a create that carries a client-chosen `unique_id`);
* never a request whose body cannot be sent again (a one-shot stream).

Waits grow exponentially with full jitter, capped, and honour `Retry-After` (seconds or an HTTP
date) up to `RetryPolicy.max_retry_after`; a server asking for a longer pause gets its answer
returned unretried.
"""

from __future__ import annotations

import email.utils
import random
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, datetime

import attrs
import httpx

from pycrucible._redact import get_logger, redact_url

__all__ = [
    "ATTEMPTS",
    "IDEMPOTENT",
    "STORAGE",
    "CallOptions",
    "RetryPolicy",
    "RetryRules",
    "RetryTransport",
    "attempts",
    "call_options",
    "idempotent_calls",
    "status_retries_by_caller",
]

log = get_logger("http")

# Request extension that marks a non-idempotent method as safe to repeat.
IDEMPOTENT = "pycrucible.idempotent"
# Request extension of the storage client's requests (signed URLs): no per-call headers.
STORAGE = "pycrucible.storage"
# Response extension: how many times the request was sent to get this answer.
ATTEMPTS = "pycrucible.attempts"

# Set while a call that may safely be repeated runs; the transport marks its requests.
_IDEMPOTENT_CALL: ContextVar[bool] = ContextVar("pycrucible_idempotent_call", default=False)
# Set while the caller retries error answers itself (the v3 upload engine): answers pass through.
_CALLER_RETRIES: ContextVar[bool] = ContextVar("pycrucible_caller_retries", default=False)


@attrs.frozen
class CallOptions:
    """Per-call settings of one client method call, applied to every request it sends.

    Attributes:
        timeout: Seconds for each of connect, read, write and pool (None: the client's).
        headers: Extra request headers.
    """

    timeout: float | None
    headers: tuple[tuple[str, str], ...]


_CALL_OPTIONS: ContextVar[CallOptions | None] = ContextVar("pycrucible_call", default=None)

_IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
_ALWAYS_RETRY_STATUSES = frozenset({429, 503})
_IDEMPOTENT_RETRY_STATUSES = frozenset({500, 502, 504})
_NOT_SENT_ERRORS: tuple[type[Exception], ...] = (httpx.ConnectError, httpx.ConnectTimeout)
_NOT_SENT_ERRORS += (httpx.PoolTimeout,)
_SENT_ERRORS: tuple[type[Exception], ...] = (
    httpx.ReadTimeout,
    httpx.WriteTimeout,
    httpx.ReadError,
    httpx.WriteError,
    httpx.RemoteProtocolError,
)


@attrs.frozen
class RetryPolicy:
    """How often and how patiently to retry.

    Attributes:
        max_retries: Retries after the first attempt (0 disables retrying).
        backoff_base: First backoff ceiling in seconds; doubles on every retry.
        backoff_max: Largest backoff ceiling in seconds.
        max_retry_after: Longest `Retry-After` in seconds that is waited out.
        sleep: Called with the pause in seconds; tests pass a function that records and returns.
    """

    max_retries: int = attrs.field(default=3, validator=attrs.validators.ge(0))
    backoff_base: float = attrs.field(default=0.5, validator=attrs.validators.ge(0))
    backoff_max: float = attrs.field(default=8.0, validator=attrs.validators.ge(0))
    max_retry_after: float = attrs.field(default=60.0, validator=attrs.validators.ge(0))
    sleep: Callable[[float], None] = time.sleep

    def backoff(self, attempt: int) -> float:
        """Full-jitter exponential backoff for retry number `attempt` (1-based), in seconds."""
        ceiling = min(self.backoff_max, self.backoff_base * (2 ** (attempt - 1)))
        return random.uniform(0, ceiling)  # jitter, not cryptography


def retry_after_seconds(response: httpx.Response) -> float | None:
    """Reads `Retry-After` (delta-seconds or HTTP date); None when absent or unreadable."""
    value = response.headers.get("retry-after")
    if value is None:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def _replayable(request: httpx.Request) -> bool:
    """True when the body can be sent again: bytes, or a multipart body of seekable files."""
    stream = request.stream
    return isinstance(stream, httpx.ByteStream) or type(stream).__name__ == "MultipartStream"


def _idempotent(request: httpx.Request) -> bool:
    return request.method in _IDEMPOTENT_METHODS or bool(request.extensions.get(IDEMPOTENT))


@contextmanager
def idempotent_calls() -> Iterator[None]:
    """Marks every request sent inside the block with the `IDEMPOTENT` extension.

    The generated operations take no request extensions, so a create that is safe to repeat is
    called inside this block and `RetryTransport` adds the mark (threads and tasks each see
    their own setting).
    """
    token = _IDEMPOTENT_CALL.set(True)
    try:
        yield
    finally:
        _IDEMPOTENT_CALL.reset(token)


@contextmanager
def status_retries_by_caller() -> Iterator[None]:
    """Inside the block, error answers (429, 5xx) are returned at once, never retried here.

    For callers with their own rules for those answers, such as the v3 upload engine, which
    honours `Retry-After` clamped and must see a 503 "multipart uploads are disabled" at once.
    Failures before a request was sent are still retried.
    """
    token = _CALLER_RETRIES.set(True)
    try:
        yield
    finally:
        _CALLER_RETRIES.reset(token)


@contextmanager
def call_options(options: CallOptions) -> Iterator[None]:
    """Applies `options` to every request sent inside the block (by `RetryTransport`)."""
    token = _CALL_OPTIONS.set(options)
    try:
        yield
    finally:
        _CALL_OPTIONS.reset(token)


def _apply(request: httpx.Request, options: CallOptions) -> None:
    if not request.extensions.get(STORAGE):  # extra headers go to the API only, never storage
        for name, value in options.headers:
            request.headers[name] = value
    if options.timeout is not None:
        seconds = options.timeout
        request.extensions["timeout"] = {
            "connect": seconds,
            "read": seconds,
            "write": seconds,
            "pool": seconds,
        }


def attempts(response: httpx.Response | None) -> int:
    """How many times the request behind `response` was sent (1 when never retried)."""
    if response is None:
        return 1
    return int(response.extensions.get(ATTEMPTS, 1))


class RetryRules:
    """The retry decisions both transports share (sync `RetryTransport`, async
    `pycrucible._async._transport.AsyncRetryTransport`): only their I/O loop differs.

    Attributes:
        policy: Retry limits and backoff.
    """

    policy: RetryPolicy

    def prepare(self, request: httpx.Request) -> None:
        """Adds the call's marks and per-call options to a request before its first attempt."""
        if _IDEMPOTENT_CALL.get():
            request.extensions[IDEMPOTENT] = True
        options = _CALL_OPTIONS.get()
        if options is not None:
            _apply(request, options)

    def failure_delay(self, request: httpx.Request, attempt: int, exc: Exception) -> float | None:
        """Seconds to wait before retrying after a transport failure; None: re-raise it.

        Args:
            request: The request that failed.
            attempt: Retries already made (0 after the first attempt).
            exc: The failure.
        """
        if isinstance(exc, _NOT_SENT_ERRORS):
            sent = False
        elif isinstance(exc, _SENT_ERRORS):
            sent = True
        else:
            return None
        if not self._may_retry(request, attempt, sent=sent):
            return None
        return self.policy.backoff(attempt + 1)

    def _may_retry(self, request: httpx.Request, attempt: int, *, sent: bool) -> bool:
        if attempt >= self.policy.max_retries or not _replayable(request):
            return False
        return not sent or _idempotent(request)

    def _retry_delay(
        self, request: httpx.Request, response: httpx.Response, attempt: int
    ) -> float | None:
        status = response.status_code
        if _CALLER_RETRIES.get():
            return None
        if status in _ALWAYS_RETRY_STATUSES:
            allowed = True
        elif status in _IDEMPOTENT_RETRY_STATUSES:
            allowed = _idempotent(request)
        else:
            return None
        if not allowed or not self._may_retry(request, attempt, sent=False):
            return None
        asked = retry_after_seconds(response)
        if asked is None:
            return self.policy.backoff(attempt + 1)
        if asked > self.policy.max_retry_after:
            log.warning(
                "%s %s: server asks to wait %.0f s, more than %.0f s; not retrying",
                request.method,
                redact_url(str(request.url)),
                asked,
                self.policy.max_retry_after,
            )
            return None
        return asked

    def _log_retry(self, request: httpx.Request, attempt: int, delay: float, why: str) -> None:
        log.info(
            "retry %d/%d of %s %s in %.2f s after %s",
            attempt,
            self.policy.max_retries,
            request.method,
            redact_url(str(request.url)),
            delay,
            why,
        )


class RetryTransport(RetryRules, httpx.BaseTransport):
    """Wraps a transport and retries what is safe to retry (see the module docstring).

    Args:
        inner: The transport that does the work; a pooled `httpx.HTTPTransport` by default.
        policy: Retry limits and backoff.
    """

    def __init__(
        self, inner: httpx.BaseTransport | None = None, policy: RetryPolicy | None = None
    ) -> None:
        self._inner = inner if inner is not None else httpx.HTTPTransport()
        self.policy = policy if policy is not None else RetryPolicy()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        """Sends `request`, retrying as the policy allows; returns the last answer or raises."""
        self.prepare(request)
        attempt = 0
        while True:
            try:
                response = self._inner.handle_request(request)
            except (*_NOT_SENT_ERRORS, *_SENT_ERRORS) as exc:
                delay = self.failure_delay(request, attempt, exc)
                if delay is None:
                    raise
                attempt += 1
                self._pause(request, attempt, delay, repr(exc))
                continue
            delay = self._retry_delay(request, response, attempt)
            if delay is None:
                response.extensions[ATTEMPTS] = attempt + 1
                return response
            response.close()
            attempt += 1
            self._pause(request, attempt, delay, f"status {response.status_code}")

    def close(self) -> None:
        """Closes the wrapped transport and its connection pool."""
        self._inner.close()

    def _pause(self, request: httpx.Request, attempt: int, delay: float, why: str) -> None:
        self._log_retry(request, attempt, delay, why)
        self.policy.sleep(delay)
