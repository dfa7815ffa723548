"""A scripted fake Crucible API behind `httpx.MockTransport`, for the client unit tests."""

from __future__ import annotations

import fnmatch
import json
from collections.abc import Callable
from typing import Any

import httpx

API_URL = "https://crucible.test/api"
API_KEY = "unit-test-key-5f2c9a7e"

Reply = httpx.Response | Callable[[httpx.Request], httpx.Response] | BaseException


def reply(status: int = 200, body: Any = None, **headers: str) -> httpx.Response:
    """A JSON answer; `body=None` sends the JSON `null` the API uses for "no such record"."""
    return httpx.Response(
        status,
        content=json.dumps(body).encode(),
        headers={"content-type": "application/json", **headers},
    )


class FakeAPI:
    """Answers requests from a script: `fake.on("GET", "/datasets/x", reply(...), ...)`.

    Paths may hold `*` wildcards (`"/datasets/*"`); an exact path wins over a pattern.
    Replies for one route are used in order; the last one repeats. A reply may be a response,
    a function of the request, or an exception to raise (a transport failure). Every request is
    kept in `requests`; an unscripted route fails the test loudly.
    """

    def __init__(self) -> None:
        self.routes: dict[tuple[str, str], list[Reply]] = {}
        self.requests: list[httpx.Request] = []

    def on(self, method: str, path: str, *replies: Reply) -> FakeAPI:
        self.routes[(method.upper(), path)] = list(replies)
        return self

    def __call__(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        path = request.url.path.removeprefix("/api")
        script = self.routes.get((request.method, path))
        if script is None:
            for (method, pattern), candidate in self.routes.items():
                if method == request.method and fnmatch.fnmatchcase(path, pattern):
                    script = candidate
                    break
        if not script:
            raise AssertionError(f"unscripted request {request.method} {path}")
        answer = script.pop(0) if len(script) > 1 else script[0]
        if isinstance(answer, BaseException):
            raise answer
        if callable(answer):
            return answer(request)
        return answer

    def sent(self, method: str | None = None) -> list[tuple[str, str]]:
        """(method, path) of every request, optionally of one method."""
        return [
            (r.method, r.url.path.removeprefix("/api"))
            for r in self.requests
            if method is None or r.method == method
        ]

    def last_json(self) -> Any:
        return json.loads(self.requests[-1].content)


class Sleeps(list[float]):
    """A fake `sleep` that records the pauses and returns at once."""

    def __call__(self, seconds: float) -> None:
        self.append(seconds)
