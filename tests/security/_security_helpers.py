"""Helpers of the security suite: a transport that records what goes on the wire.

`WireLog` sits under the client's retrying transport, right above the socket: what it records
is exactly what each request carried. The server's own `storage_log` says the same for signed
download URLs; resumable-upload chunks are only visible here.
"""

from __future__ import annotations

import httpx


class WireLog(httpx.BaseTransport):
    """A pooled HTTP transport that records the method, URL and headers of every request."""

    def __init__(self) -> None:
        self._inner = httpx.HTTPTransport()
        self.requests: list[tuple[str, httpx.URL, httpx.Headers]] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.requests.append((request.method, request.url, httpx.Headers(request.headers)))
        return self._inner.handle_request(request)

    def close(self) -> None:
        self._inner.close()

    def paths(self, prefix: str) -> list[tuple[httpx.URL, httpx.Headers]]:
        """The requests whose path starts with `prefix`."""
        return [(url, headers) for _, url, headers in self.requests if url.path.startswith(prefix)]


FAKE_API = "http://127.0.0.1:9"
"""Base URL of the in-memory API below (loopback, and nothing is ever sent: a MockTransport)."""


class FakeAPI:
    """An in-memory API for `httpx.MockTransport`: answers by (method, path), records requests.

    Args:
        routes: `(method, path) -> response`; a callable gets the request.
    """

    def __init__(self, routes: dict[tuple[str, str], object]) -> None:
        self.routes = routes
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        answer = self.routes.get((request.method, request.url.path))
        if answer is None:
            return httpx.Response(404, json={"detail": "Not Found"})
        if callable(answer):
            result: httpx.Response = answer(request)
            return result
        return httpx.Response(200, json=answer)
