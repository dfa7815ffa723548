"""`AsyncLimitedTransport`: the response limits of `pycrucible._limits` for the async client.

The same two limits on every API answer (not on file transfers, which carry the `TRANSFER`
extension): a bound on the decoded body (`BodyBound`, shared with the sync stream) and a
deadline for the whole answer, `response_deadline` seconds from sending. The sync side needs a
watcher thread to cut a dripping connection; here each wait runs under `asyncio.timeout_at`,
which cancels it at the deadline.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from typing import Any

import httpx

from pycrucible._limits import (
    ACCEPTED,
    TRANSFER,
    BodyBound,
    ResponseLimits,
    cap_timeouts,
    deadline_error,
    decoder_for,
)

__all__ = ["AsyncLimitedTransport"]


class _AsyncLimitedStream(BodyBound, httpx.AsyncByteStream):
    """The body of one API answer, decoded in bounded steps and cut off at the deadline."""

    def __init__(
        self,
        raw: httpx.AsyncByteStream,
        decoder: Any,
        limits: ResponseLimits,
        request: httpx.Request,
        deadline: float,
    ) -> None:
        super().__init__(decoder, limits, request)
        self._raw = raw
        self._deadline = deadline

    async def __aiter__(self) -> AsyncIterator[bytes]:
        produced = 0
        chunks = self._raw.__aiter__()
        while True:
            try:
                async with asyncio.timeout_at(self._deadline):
                    chunk = await chunks.__anext__()
            except StopAsyncIteration:
                break
            except TimeoutError:
                raise deadline_error(self._request, self._limits) from None
            data = self._decode(chunk, self._limits.max_bytes - produced)
            produced += len(data)
            if data:
                yield data
        if self._decoder is not None:
            tail = self._decoder.flush()
            produced += len(tail)
            self._check_size(produced)
            if tail:
                yield tail

    async def aclose(self) -> None:
        await self._raw.aclose()


class AsyncLimitedTransport(httpx.AsyncBaseTransport):
    """Wraps an async transport and applies `ResponseLimits` to every API answer.

    Args:
        inner: The transport that does the work.
        limits: The body bound and the deadline.
    """

    def __init__(self, inner: httpx.AsyncBaseTransport, limits: ResponseLimits) -> None:
        self._inner = inner
        self.limits = limits

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Sends one attempt of `request` and returns its answer with the limits attached."""
        if request.extensions.get(TRANSFER):
            return await self._inner.handle_async_request(request)
        limits = self.limits
        deadline = asyncio.get_running_loop().time() + limits.deadline
        started = time.monotonic()
        cap_timeouts(request, limits.deadline)
        request.headers["Accept-Encoding"] = ACCEPTED
        try:
            async with asyncio.timeout_at(deadline):
                response = await self._inner.handle_async_request(request)
        except TimeoutError:
            raise deadline_error(request, limits) from None
        try:
            left = limits.deadline - (time.monotonic() - started)
            if left <= 0:
                raise deadline_error(request, limits)
            encoding = response.headers.get("content-encoding", "").strip().lower()
            decoder = decoder_for(encoding, request)
            cap_timeouts(request, left)
            raw = response.stream
            if not isinstance(raw, httpx.AsyncByteStream):
                raise TypeError("AsyncLimitedTransport needs an asynchronous inner transport")
        except BaseException:
            await response.aclose()
            raise
        headers = response.headers
        if decoder is not None:  # the body handed on is decoded: drop what described it encoded
            headers = httpx.Headers(
                [
                    (key, value)
                    for key, value in response.headers.multi_items()
                    if key.lower() not in ("content-encoding", "content-length")
                ]
            )
        return httpx.Response(
            response.status_code,
            headers=headers,
            stream=_AsyncLimitedStream(raw, decoder, limits, request, deadline),
            extensions=response.extensions,
            request=request,
        )

    async def aclose(self) -> None:
        """Closes the wrapped transport."""
        await self._inner.aclose()
