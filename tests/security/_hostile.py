"""A hostile HTTP server on the loopback interface, for the client's defences.

`HostileServer` accepts connections in a thread and hands each request to a script (`handler`)
that writes whatever it likes to the raw socket: compressed bombs, bodies that drip, dropped
connections, redirects. It is bounded: loopback only, a fixed number of connections, a socket
timeout on every connection, and it stops when the test's `with` block ends.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import socket
import threading
from collections.abc import Callable
from types import TracebackType
from typing import Any, Self

import attrs

Handler = Callable[["Request", socket.socket], None]

DSID = "0hostile0000000000000000ab"
KEY = "hostile-test-key-0123456789"


@attrs.define
class Request:
    """One request as the server read it."""

    method: str
    path: str
    headers: dict[str, str]
    body: bytes


def read_request(conn: socket.socket) -> Request | None:
    """Reads one request head (and a `Content-Length` body); None when the peer closed first."""
    data = b""
    while b"\r\n\r\n" not in data:
        block = conn.recv(65536)
        if not block:
            return None
        data += block
        if len(data) > 1024 * 1024:
            return None
    head, _, rest = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    method, path, _ = lines[0].split(" ", 2)
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    length = int(headers.get("content-length", "0"))
    while len(rest) < length:
        block = conn.recv(65536)
        if not block:
            break
        rest += block
    return Request(method, path, headers, rest[:length])


def head(status: int, headers: dict[str, str] | None = None, *, length: int | None = None) -> bytes:
    """The status line and headers of an answer (always `Connection: close`)."""
    lines = [f"HTTP/1.1 {status} X"]
    for name, value in (headers or {}).items():
        lines.append(f"{name}: {value}")
    if length is not None:
        lines.append(f"Content-Length: {length}")
    lines.append("Connection: close")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


def send(
    conn: socket.socket, status: int, body: bytes = b"", headers: dict[str, str] | None = None
) -> None:
    """Writes a whole answer with a `Content-Length`."""
    conn.sendall(head(status, headers, length=len(body)) + body)


def send_json(conn: socket.socket, value: Any, status: int = 200) -> None:
    """Writes a JSON answer."""
    send(conn, status, json.dumps(value).encode(), {"Content-Type": "application/json"})


def file_record(name: str, data: bytes) -> dict[str, Any]:
    """An associated-file record that describes `data` truthfully."""
    return {"filename": name, "size": len(data), "sha256_hash": hashlib.sha256(data).hexdigest()}


class HostileServer:
    """Serves every connection with `handler` until the `with` block ends.

    Args:
        handler: Called with each request and its socket; it writes the answer itself.
        max_connections: Connections accepted in all; later ones are refused.
        timeout: Socket timeout in seconds of every connection.
    """

    def __init__(self, handler: Handler, *, max_connections: int = 40, timeout: float = 10) -> None:
        self._handler = handler
        self._max = max_connections
        self._timeout = timeout
        self._sock = socket.create_server(("127.0.0.1", 0))
        self._sock.settimeout(0.1)
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._lock = threading.Lock()
        self.requests: list[Request] = []
        self.errors: list[BaseException] = []

    @property
    def url(self) -> str:
        """The base URL, `http://127.0.0.1:<port>`."""
        return f"http://127.0.0.1:{self._sock.getsockname()[1]}"

    def paths(self, prefix: str = "/") -> list[str]:
        """Paths of the requests seen so far that start with `prefix`."""
        with self._lock:
            return [r.path for r in self.requests if r.path.startswith(prefix)]

    def __enter__(self) -> Self:
        thread = threading.Thread(target=self._accept, daemon=True)
        thread.start()
        self._threads.append(thread)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._stop.set()
        for thread in list(self._threads):
            thread.join(timeout=10)
        self._sock.close()

    def _accept(self) -> None:
        accepted = 0
        while not self._stop.is_set() and accepted < self._max:
            try:
                conn, _ = self._sock.accept()
            except TimeoutError:
                continue
            accepted += 1
            thread = threading.Thread(target=self._serve, args=(conn,), daemon=True)
            thread.start()
            self._threads.append(thread)

    def _serve(self, conn: socket.socket) -> None:
        conn.settimeout(self._timeout)
        try:
            request = read_request(conn)
            if request is None:
                return
            with self._lock:
                self.requests.append(request)
            if not self._stop.is_set():
                self._handler(request, conn)
        except OSError:
            pass  # the client hung up: that is often the point
        except BaseException as exc:  # reported to the test
            self.errors.append(exc)
        finally:
            with contextlib.suppress(OSError):
                conn.close()
