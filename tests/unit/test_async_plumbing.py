"""The async client's own logic, with `httpx.MockTransport`: retries, limits, pages' options."""

from __future__ import annotations

import asyncio
import gzip

import httpx
import pytest

from pycrucible._async._limits import AsyncLimitedTransport
from pycrucible._async._transport import AsyncRetryTransport
from pycrucible._async.pages import AsyncKeysetPages, AsyncOffsetPages
from pycrucible._limits import ResponseLimits
from pycrucible._transport import _CALL_OPTIONS, CallOptions, RetryPolicy, call_options
from pycrucible.errors import UnexpectedResponseError


class Pauses:
    def __init__(self) -> None:
        self.asked: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.asked.append(seconds)


def _send(transport: httpx.AsyncBaseTransport, method: str = "GET") -> httpx.Response:
    async def go() -> httpx.Response:
        async with httpx.AsyncClient(transport=transport, base_url="http://api") as client:
            response = await client.request(method, "/x", content=b"{}")
            await response.aread()
            return response

    return asyncio.run(go())


def test_retry_after_is_honoured_and_the_pause_awaited() -> None:
    answers = iter([httpx.Response(503, headers={"Retry-After": "3"}), httpx.Response(200)])
    pauses = Pauses()
    inner = httpx.MockTransport(lambda request: next(answers))
    response = _send(AsyncRetryTransport(inner, RetryPolicy(max_retries=3), sleep=pauses))
    assert response.status_code == 200
    assert pauses.asked == [3.0]


def test_a_post_is_not_repeated_after_a_500_and_retries_are_bounded() -> None:
    calls: list[str] = []

    def answer(request: httpx.Request) -> httpx.Response:
        calls.append(request.method)
        return httpx.Response(500 if request.method == "POST" else 503)

    pauses = Pauses()
    transport = AsyncRetryTransport(httpx.MockTransport(answer), RetryPolicy(2), sleep=pauses)
    assert _send(transport, "POST").status_code == 500
    assert calls == ["POST"]
    assert _send(transport, "GET").status_code == 503
    assert calls == ["POST", "GET", "GET", "GET"]
    assert len(pauses.asked) == 2


def test_a_connection_failure_before_sending_is_retried() -> None:
    failures = [httpx.ConnectError("refused")]

    def answer(request: httpx.Request) -> httpx.Response:
        if failures:
            raise failures.pop()
        return httpx.Response(200)

    pauses = Pauses()
    transport = AsyncRetryTransport(httpx.MockTransport(answer), RetryPolicy(), sleep=pauses)
    assert _send(transport, "POST").status_code == 200
    assert len(pauses.asked) == 1


def test_per_call_options_reach_the_request() -> None:
    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200)

    transport = AsyncRetryTransport(httpx.MockTransport(answer), sleep=Pauses())

    async def go() -> None:
        async with httpx.AsyncClient(transport=transport, base_url="http://api") as client:
            with call_options(CallOptions(timeout=2.0, headers=(("X-Trace", "t1"),))):
                await client.get("/x")

    asyncio.run(go())
    assert seen[0].headers["X-Trace"] == "t1"
    assert seen[0].extensions["timeout"]["read"] == 2.0


def test_a_body_larger_than_the_limit_is_refused_also_compressed() -> None:
    body = gzip.compress(b"x" * 10_000)
    inner = httpx.MockTransport(
        lambda request: httpx.Response(200, content=body, headers={"Content-Encoding": "gzip"})
    )
    limited = AsyncLimitedTransport(inner, ResponseLimits(max_bytes=1000, deadline=30))
    with pytest.raises(UnexpectedResponseError, match="max_response_bytes"):
        _send(limited)
    roomy = AsyncLimitedTransport(inner, ResponseLimits(max_bytes=20_000, deadline=30))
    assert _send(roomy).content == b"x" * 10_000


def test_pages_fetch_with_the_options_of_the_call_that_made_them() -> None:
    """Pages made inside a call's options are fetched with them, also when another task
    iterates after the call returned."""
    seen: list[CallOptions | None] = []

    async def fetch(cursor: str | None) -> tuple[list[int], str | None]:
        seen.append(_CALL_OPTIONS.get())
        start = int(cursor or 0)
        return [start, start + 1], (str(start + 2) if start < 4 else None)

    async def offsets(offset: int) -> tuple[list[int], int | None]:
        seen.append(_CALL_OPTIONS.get())
        return [offset], 3

    options = CallOptions(timeout=None, headers=(("X-Call", "1"),))

    async def go() -> tuple[list[int], list[int], int]:
        with call_options(options):
            keyset = AsyncKeysetPages(fetch, limit=5)
            offset = AsyncOffsetPages(offsets)
        items = await asyncio.create_task(keyset.to_list())
        counted = await offset.count()
        return items, [i async for i in offset], counted

    items, listed, counted = asyncio.run(go())
    assert items == [0, 1, 2, 3, 4]
    assert (listed, counted) == ([0, 1, 2], 3)
    assert seen
    assert all(option is options for option in seen)
