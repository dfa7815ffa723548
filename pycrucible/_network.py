"""The transport under the retry layer: direct, through a proxy, or through the caller's client.

httpx reads the proxy environment variables only when it builds its own transport, and the
client always passes one (the retrying wrapper), so the variables are honoured here instead:
`HTTPS_PROXY` / `HTTP_PROXY` by URL scheme, else `ALL_PROXY`, except for hosts matched by
`NO_PROXY` (comma-separated names: a host, a domain suffix with or without a leading dot, an
optional `:port`, or `*` for every host). An explicit `proxy=` wins over the environment.
"""

from __future__ import annotations

import ssl
import threading
import urllib.request

import httpx

from pycrucible._redact import get_logger, redact_url

__all__ = [
    "ClientTransport",
    "EnvironmentProxyTransport",
    "bypasses",
    "inner_transport",
    "ssl_context",
]

log = get_logger("http")

VerifyArg = bool | str | ssl.SSLContext


def ssl_context(verify: VerifyArg) -> ssl.SSLContext | bool:
    """Turns `verify=` into what httpx takes: True, False or an SSL context (a CA bundle path
    becomes a context that trusts that bundle).

    Raises:
        ValueError: Not a bool, a path or a context.
        FileNotFoundError: The CA bundle does not exist.
    """
    if isinstance(verify, bool | ssl.SSLContext):
        return verify
    if isinstance(verify, str) and verify:
        return ssl.create_default_context(cafile=verify)
    raise ValueError(f"verify must be True, False, a CA bundle path or an SSLContext: {verify!r}")


class ClientTransport(httpx.BaseTransport):
    """Sends every request through a caller-supplied `httpx.Client`, which is used as it is
    (its transport, proxies, TLS settings, auth and hooks). It is never closed here."""

    def __init__(self, client: httpx.Client) -> None:
        self._client = client

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        """Sends `request` with the caller's client; the body stays a stream."""
        response = self._client.send(request, stream=True)
        return httpx.Response(
            response.status_code,
            headers=response.headers,
            stream=response.stream,
            extensions=response.extensions,
        )


class EnvironmentProxyTransport(httpx.BaseTransport):
    """Chooses, per request, a direct or proxied pooled transport from the proxy variables.

    Args:
        proxies: The environment's proxies by scheme (`urllib.request.getproxies_environment`).
        verify: TLS verification for the target hosts.
    """

    def __init__(self, proxies: dict[str, str], verify: ssl.SSLContext | bool) -> None:
        self._proxies = proxies
        self._verify = verify
        self._direct = httpx.HTTPTransport(verify=verify)
        self._through: dict[str, httpx.HTTPTransport] = {}
        self._lock = threading.Lock()

    def proxy_for(self, url: httpx.URL) -> str | None:
        """The proxy URL for a request URL, or None to connect directly."""
        if bypasses(url.host, url.port, self._proxies.get("no", "")):
            return None
        return self._proxies.get(url.scheme) or self._proxies.get("all")

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        """Sends `request` directly or through its proxy."""
        proxy = self.proxy_for(request.url)
        if proxy is None:
            return self._direct.handle_request(request)
        with self._lock:
            transport = self._through.get(proxy)
            if transport is None:
                log.debug("using proxy %s", redact_url(proxy))
                transport = httpx.HTTPTransport(verify=self._verify, proxy=proxy)
                self._through[proxy] = transport
        return transport.handle_request(request)

    def close(self) -> None:
        """Closes every pool."""
        self._direct.close()
        for transport in self._through.values():
            transport.close()


def bypasses(host: str, port: int | None, no_proxy: str) -> bool:
    """Whether `NO_PROXY` (its value `no_proxy`) exempts the host (and port) from proxying."""
    host = host.lower().strip("[]")
    for entry in (part.strip().lower() for part in no_proxy.split(",")):
        if not entry:
            continue
        if entry == "*":
            return True
        name, _, entry_port = entry.rpartition(":") if entry.count(":") == 1 else (entry, "", "")
        if entry_port and (port is None or str(port) != entry_port):
            continue
        name = name.strip("[]").lstrip(".")
        if host == name or host.endswith("." + name):
            return True
    return False


def inner_transport(
    *,
    verify: VerifyArg = True,
    proxy: str | None = None,
    http_client: httpx.Client | None = None,
    transport: httpx.BaseTransport | None = None,
) -> httpx.BaseTransport:
    """The transport the retry layer wraps.

    Args:
        verify: TLS verification (see `ssl_context`).
        proxy: One proxy for every request; the environment's proxies when None.
        http_client: The caller's client to send through (then `verify` and `proxy` are its own).
        transport: A transport to use as it is (tests).

    Raises:
        ValueError: More than one of `http_client` and `transport`, or a bad `verify`.
    """
    if http_client is not None and transport is not None:
        raise ValueError("give http_client or transport, not both")
    if http_client is not None:
        if not isinstance(http_client, httpx.Client):
            raise ValueError(f"http_client must be an httpx.Client, got {http_client!r}")
        return ClientTransport(http_client)
    if transport is not None:
        return transport
    context = ssl_context(verify)
    if proxy is not None:
        return httpx.HTTPTransport(verify=context, proxy=proxy)
    proxies = {k: v for k, v in urllib.request.getproxies_environment().items() if v}
    if not any(key != "no" for key in proxies):
        return httpx.HTTPTransport(verify=context)
    return EnvironmentProxyTransport(proxies, context)
