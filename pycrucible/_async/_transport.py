"""`AsyncRetryTransport`: the retries of `pycrucible._transport`, on `httpx.AsyncBaseTransport`.

Every decision (what may retry, `Retry-After`, backoff, per-call options, the idempotent mark)
is `RetryRules`, shared with the sync `RetryTransport`; only the loop differs: it awaits the
inner transport and pauses with `asyncio.sleep` (or the `sleep` given), so a retry never blocks
the event loop.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

import httpx

from pycrucible._transport import ATTEMPTS, RetryPolicy, RetryRules

__all__ = ["AsyncRetryTransport", "AsyncSleep"]

AsyncSleep = Callable[[float], Awaitable[None]]
"""Pauses for the given seconds without blocking the event loop."""


class AsyncRetryTransport(RetryRules, httpx.AsyncBaseTransport):
    """Wraps an async transport and retries what is safe to retry (see `pycrucible._transport`).

    Args:
        inner: The transport that does the work; a pooled `httpx.AsyncHTTPTransport` by default.
        policy: Retry limits and backoff (its `sleep` is not used here).
        sleep: Awaited with the pause in seconds; `asyncio.sleep` by default.
    """

    def __init__(
        self,
        inner: httpx.AsyncBaseTransport | None = None,
        policy: RetryPolicy | None = None,
        *,
        sleep: AsyncSleep | None = None,
    ) -> None:
        self._inner = inner if inner is not None else httpx.AsyncHTTPTransport()
        self.policy = policy if policy is not None else RetryPolicy()
        self._sleep: AsyncSleep = sleep if sleep is not None else asyncio.sleep

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Sends `request`, retrying as the policy allows; returns the last answer or raises."""
        self.prepare(request)
        attempt = 0
        while True:
            try:
                response = await self._inner.handle_async_request(request)
            except httpx.TransportError as exc:
                delay = self.failure_delay(request, attempt, exc)
                if delay is None:
                    raise
                attempt += 1
                self._log_retry(request, attempt, delay, repr(exc))
                await self._sleep(delay)
                continue
            delay = self._retry_delay(request, response, attempt)
            if delay is None:
                response.extensions[ATTEMPTS] = attempt + 1
                return response
            await response.aclose()
            attempt += 1
            self._log_retry(request, attempt, delay, f"status {response.status_code}")
            await self._sleep(delay)

    async def aclose(self) -> None:
        """Closes the wrapped transport and its connection pool."""
        await self._inner.aclose()
