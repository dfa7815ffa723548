"""Network settings against the local server: proxies from the environment or `proxy=`, and a
caller's own `httpx.Client`. The proxy is a real forward proxy on loopback that the test runs."""

from __future__ import annotations

import http.client
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest

from pycrucible import APIConnectionError, CrucibleClient
from pycrucible.testing import LocalCrucible

PROXY_VARIABLES = ("HTTPS_PROXY", "HTTP_PROXY", "ALL_PROXY", "NO_PROXY")


class _ProxyHandler(BaseHTTPRequestHandler):
    """Forwards absolute-form requests to their host; refuses CONNECT after noting it."""

    server: _Proxy

    def log_message(self, format: str, *args: object) -> None:
        pass

    def _forward(self) -> None:
        self.server.seen.append((self.command, self.path))
        target = urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else None
        headers = {k: v for k, v in self.headers.items() if k.lower() != "proxy-connection"}
        connection = http.client.HTTPConnection(target.hostname or "", target.port, timeout=10)
        try:
            path = target.path + (f"?{target.query}" if target.query else "")
            connection.request(self.command, path, body=body, headers=headers)
            answer = connection.getresponse()
            data = answer.read()
        finally:
            connection.close()
        self.send_response(answer.status)
        for name, value in answer.getheaders():
            if name.lower() not in ("transfer-encoding", "connection", "content-length"):
                self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _forward  # noqa: N815 - http.server names

    def do_CONNECT(self) -> None:
        self.server.seen.append(("CONNECT", self.path))
        self.send_error(502, "this test proxy does not tunnel")


class _Proxy(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _ProxyHandler)
        self.seen: list[tuple[str, str]] = []

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


@pytest.fixture
def proxy() -> Iterator[_Proxy]:
    running = _Proxy()
    thread = threading.Thread(target=running.serve_forever, daemon=True)
    thread.start()
    try:
        yield running
    finally:
        running.shutdown()
        running.server_close()


@pytest.fixture
def no_proxy_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)


def test_http_proxy_from_the_environment_carries_api_calls(
    server: LocalCrucible,
    proxy: _Proxy,
    dataset: str,
    tmp_path: Path,
    no_proxy_env: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("HTTP_PROXY", proxy.url)
    with CrucibleClient(server.url, server.user_key, state_dir=tmp_path) as client:
        assert client.get_dataset(dataset).unique_id == dataset
    assert ("GET", f"{server.url}/datasets/{dataset}") in proxy.seen


def test_all_proxy_is_the_fallback_and_no_proxy_exempts(
    server: LocalCrucible,
    proxy: _Proxy,
    dataset: str,
    tmp_path: Path,
    no_proxy_env: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("ALL_PROXY", proxy.url)
    with CrucibleClient(server.url, server.user_key, state_dir=tmp_path) as client:
        client.get_dataset(dataset)
    assert len(proxy.seen) == 1
    monkeypatch.setenv("NO_PROXY", "localhost,127.0.0.1")
    with CrucibleClient(server.url, server.user_key, state_dir=tmp_path) as client:
        client.get_dataset(dataset)
    assert len(proxy.seen) == 1  # the second client went directly


def test_https_proxy_from_the_environment_is_asked_to_tunnel(
    proxy: _Proxy, tmp_path: Path, no_proxy_env: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HTTPS_PROXY", proxy.url)
    with (
        CrucibleClient(
            "https://crucible.example.org/api", "k" * 20, state_dir=tmp_path, max_retries=0
        ) as client,
        pytest.raises(APIConnectionError),
    ):
        client.get_dataset("0tbgnoproxy0000000000000000")
    assert proxy.seen == [("CONNECT", "crucible.example.org:443")]


def test_the_proxy_argument_wins_over_the_environment(
    server: LocalCrucible,
    proxy: _Proxy,
    dataset: str,
    tmp_path: Path,
    no_proxy_env: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("HTTP_PROXY", "http://127.0.0.1:9")  # nothing listens there
    with CrucibleClient(server.url, server.user_key, state_dir=tmp_path, proxy=proxy.url) as c:
        assert c.get_dataset(dataset).unique_id == dataset
    assert proxy.seen


def test_a_callers_http_client_is_used_as_it_is_and_retries_still_apply(
    server: LocalCrucible, dataset: str, tmp_path: Path, no_proxy_env: None
) -> None:
    sent: list[str] = []
    own = httpx.Client(event_hooks={"request": [lambda request: sent.append(request.url.path)]})
    server.faults.add("status", status=503, times=1, path_prefix=f"/datasets/{dataset}")
    with CrucibleClient(
        server.url, server.user_key, state_dir=tmp_path, http_client=own, sleep=lambda s: None
    ) as client:
        assert client.get_dataset(dataset).unique_id == dataset
    assert sent.count(f"{urlsplit(server.url).path}/datasets/{dataset}") == 2  # one retry
    assert not own.is_closed  # the caller's to close
    own.close()
