"""Fault injection: make chosen requests fail the way networks and busy servers do.

Faults are rules kept by a `FaultInjector`. Each rule matches requests by optional path
prefix and method and applies to the next ``times`` matching requests (``None``: until cleared),
after letting the first ``skip`` matching requests through (a fault on a list's third page:
``skip=2``).
The first active rule that matches a request is used and counted in `Fault.consumed`.
A rule with a ``probability`` applies to each matching request only with that chance (drawn from
its own generator, seeded by ``seed`` for repeatable runs); when it does not, the next rule is
tried. Soak runs use such rules to fault a small share of all traffic.
Requests under the control prefix (``/_control``) are never faulted.

Kinds:

- ``status``: answer ``status`` (for example 503, 502, 504 or 429) with a ``{detail}`` body (the
  rule's ``detail`` text, or a generic one) and, when ``retry_after`` is set, a ``Retry-After``
  header (seconds). The request is not processed.
- ``drop``: close the connection without answering; the request is not processed.
- ``drop_after``: process the request, then close the connection without answering (a lost
  response: the client cannot tell whether its write happened).
- ``delay``: wait ``seconds`` before processing the request.
- ``truncate``: send the response headers (with the full ``Content-Length``) and only the first
  ``after_bytes`` body bytes, then close the connection.
- ``corrupt``: flip the response body byte at ``offset`` (XOR 0xFF); the length stays the same.
- ``corrupt_request``: flip the request body byte at ``offset`` before the server reads it (bytes
  damaged on the way in, for example a part whose CRC32C no longer matches).
"""

from __future__ import annotations

import asyncio
import itertools
import random
import threading
from typing import Any, Literal, get_args

from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

FaultKind = Literal[
    "status", "drop", "drop_after", "delay", "truncate", "corrupt", "corrupt_request"
]
FAULT_KINDS: frozenset[str] = frozenset(get_args(FaultKind))
CONTROL_PREFIX = "/_control"


class Fault:
    """One fault rule and how many requests it has consumed.

    Create rules with `FaultInjector.add`; the attributes are read-only.
    """

    def __init__(
        self,
        fault_id: int,
        kind: FaultKind,
        *,
        times: int | None,
        path_prefix: str | None,
        method: str | None,
        status: int | None,
        retry_after: float | None,
        seconds: float | None,
        after_bytes: int | None,
        offset: int,
        detail: str | None = None,
        probability: float | None = None,
        seed: int | None = None,
        skip: int = 0,
    ) -> None:
        self.id = fault_id
        self.kind: FaultKind = kind
        self.times = times
        self.path_prefix = path_prefix
        self.method = method.upper() if method else None
        self.status = status
        self.retry_after = retry_after
        self.seconds = seconds
        self.after_bytes = after_bytes
        self.offset = offset
        self.detail = detail
        self.probability = probability
        self.seed = seed
        self._random = random.Random(seed)  # test traffic, not cryptography
        self.skip = skip
        self._consumed = 0
        self._skipped = 0

    @property
    def consumed(self) -> int:
        """How many requests this rule has been applied to."""
        return self._consumed

    @property
    def active(self) -> bool:
        """Whether the rule still applies to future requests."""
        return self.times is None or self._consumed < self.times

    def matches(self, method: str, path: str) -> bool:
        """Tell whether a request is one this rule targets (ignoring how often it was used)."""
        if self.method is not None and method.upper() != self.method:
            return False
        return self.path_prefix is None or path.startswith(self.path_prefix)

    def fires(self) -> bool:
        """Draw whether the rule applies to one matching request (always without probability)."""
        return self.probability is None or self._random.random() < self.probability

    def to_dict(self) -> dict[str, Any]:
        """Return the rule as plain JSON-able data."""
        return {
            "id": self.id,
            "kind": self.kind,
            "times": self.times,
            "path_prefix": self.path_prefix,
            "method": self.method,
            "status": self.status,
            "retry_after": self.retry_after,
            "seconds": self.seconds,
            "after_bytes": self.after_bytes,
            "offset": self.offset,
            "detail": self.detail,
            "probability": self.probability,
            "seed": self.seed,
            "skip": self.skip,
            "consumed": self._consumed,
            "active": self.active,
        }

    def __repr__(self) -> str:
        return f"Fault({self.kind!r}, id={self.id}, consumed={self._consumed}, times={self.times})"


class FaultInjector:
    """The fault rules of one server; safe to use from any thread."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._faults: list[Fault] = []
        self._ids = itertools.count(1)

    def add(
        self,
        kind: FaultKind,
        *,
        times: int | None = 1,
        path_prefix: str | None = None,
        method: str | None = None,
        status: int | None = None,
        retry_after: float | None = None,
        seconds: float | None = None,
        after_bytes: int | None = None,
        offset: int = 0,
        detail: str | None = None,
        probability: float | None = None,
        seed: int | None = None,
        skip: int = 0,
    ) -> Fault:
        """Add a rule; see the module docstring for the kinds.

        Args:
            kind: ``status``, ``drop``, ``drop_after``, ``delay``, ``truncate``, ``corrupt`` or
                ``corrupt_request``.
            times: How many matching requests to fault; None for every one until cleared.
            path_prefix: Only requests whose path starts with this (for example ``/datasets``).
            method: Only requests with this HTTP method.
            status: The status code to answer, for ``status`` (400-599).
            retry_after: Seconds to put in a ``Retry-After`` header, for ``status``.
            seconds: Seconds to wait, for ``delay``.
            after_bytes: Body bytes to send before closing, for ``truncate``.
            offset: Index of the body byte to flip, for ``corrupt`` and ``corrupt_request``.
            detail: The answer's ``detail`` text, for ``status`` (a generic text by default).
            probability: The chance (0 to 1) that a matching request is faulted (None: every
                one); ``times`` then counts the requests actually faulted.
            seed: Seed of the rule's own random generator, for ``probability``.
            skip: How many matching requests to let through before the rule applies.

        Returns:
            The rule, whose `Fault.consumed` counts the requests it affected.

        Raises:
            ValueError: A kind or argument that does not make sense.
        """
        if kind not in FAULT_KINDS:
            raise ValueError(f"unknown fault kind {kind!r}; expected one of {sorted(FAULT_KINDS)}")
        if times is not None and times < 1:
            raise ValueError("times must be at least 1 (or None for unlimited)")
        if kind == "status" and (status is None or not 400 <= status <= 599):
            raise ValueError("a status fault needs a status between 400 and 599")
        if kind == "delay" and (seconds is None or seconds < 0):
            raise ValueError("a delay fault needs seconds >= 0")
        if kind == "truncate" and (after_bytes is None or after_bytes < 0):
            raise ValueError("a truncate fault needs after_bytes >= 0")
        if detail is not None and kind != "status":
            raise ValueError("only a status fault has a detail")
        if offset < 0 or skip < 0 or (retry_after is not None and retry_after < 0):
            raise ValueError("offset, skip and retry_after must not be negative")
        if probability is not None and not 0.0 <= probability <= 1.0:
            raise ValueError("probability must be between 0 and 1")
        with self._lock:
            fault = Fault(
                next(self._ids),
                kind,
                times=times,
                path_prefix=path_prefix,
                method=method,
                status=status,
                retry_after=retry_after,
                seconds=seconds,
                after_bytes=after_bytes,
                offset=offset,
                detail=detail,
                probability=probability,
                seed=seed,
                skip=skip,
            )
            self._faults.append(fault)
        return fault

    def clear(self) -> None:
        """Remove every rule."""
        with self._lock:
            self._faults.clear()

    @property
    def faults(self) -> list[Fault]:
        """The rules, oldest first (including used-up ones, until cleared)."""
        with self._lock:
            return list(self._faults)

    def consumed(self) -> int:
        """Total requests faulted by the current rules."""
        with self._lock:
            return sum(fault.consumed for fault in self._faults)

    def take(self, method: str, path: str) -> Fault | None:
        """Return the rule to apply to a request, counting it as consumed, or None."""
        if path.startswith(CONTROL_PREFIX):
            return None
        with self._lock:
            for fault in self._faults:
                if fault.active and fault.matches(method, path):
                    if fault._skipped < fault.skip:
                        fault._skipped += 1  # let it through; later rules may still apply
                        continue
                    if not fault.fires():
                        continue
                    fault._consumed += 1
                    return fault
        return None


async def _close_connection(receive: Receive) -> None:
    """Close the client connection without (further) answer, then wait for the disconnect."""
    transport = getattr(getattr(receive, "__self__", None), "transport", None)
    if transport is None:  # not uvicorn's h11 cycle: let the server close it on error
        raise ConnectionAbortedError("injected connection drop")
    transport.close()
    try:
        async with asyncio.timeout(5):
            while (await receive())["type"] != "http.disconnect":
                pass
    except TimeoutError:
        transport.abort()


class FaultMiddleware:
    """ASGI middleware applying a `FaultInjector`'s rules to every HTTP request.

    Args:
        app: The wrapped ASGI application.
        injector: The rules.
    """

    def __init__(self, app: ASGIApp, injector: FaultInjector) -> None:
        self.app = app
        self.injector = injector

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        fault = None
        if scope["type"] == "http":
            fault = self.injector.take(scope["method"], scope["path"])
        if fault is None:
            await self.app(scope, receive, send)
        elif fault.kind == "status":
            await self._answer_status(fault, scope, receive, send)
        elif fault.kind == "drop":
            await _close_connection(receive)
        elif fault.kind == "delay":
            await asyncio.sleep(fault.seconds or 0.0)
            await self.app(scope, receive, send)
        elif fault.kind == "drop_after":
            await self.app(scope, receive, _discard)
            await _close_connection(receive)
        elif fault.kind == "truncate":
            await self._truncate(fault.after_bytes or 0, scope, receive, send)
        elif fault.kind == "corrupt_request":
            await self.app(scope, _corrupting_receive(receive, fault.offset), send)
        else:
            await self.app(scope, receive, _corrupting(send, fault.offset))

    @staticmethod
    async def _answer_status(fault: Fault, scope: Scope, receive: Receive, send: Send) -> None:
        status = fault.status or 503
        headers = {}
        if fault.retry_after is not None:
            retry = fault.retry_after
            headers["Retry-After"] = str(int(retry)) if retry == int(retry) else str(retry)
        detail = fault.detail if fault.detail is not None else f"Injected fault: HTTP {status}"
        response = JSONResponse({"detail": detail}, status_code=status, headers=headers)
        await response(scope, receive, send)

    async def _truncate(self, limit: int, scope: Scope, receive: Receive, send: Send) -> None:
        sent = 0
        cut = False

        async def cutting_send(message: Message) -> None:
            nonlocal sent, cut
            if cut:
                return
            if message["type"] != "http.response.body":
                await send(message)
                return
            body = bytes(message.get("body", b""))
            if sent + len(body) < limit or (
                sent + len(body) == limit and not message.get("more_body", False)
            ):
                sent += len(body)
                await send(message)
                return
            await send(
                {"type": "http.response.body", "body": body[: limit - sent], "more_body": True}
            )
            sent = limit
            cut = True

        await self.app(scope, receive, cutting_send)
        if cut:
            await _close_connection(receive)


async def _discard(message: Message) -> None:
    """An ASGI send that throws the response away."""


def _corrupting(send: Send, offset: int) -> Send:
    position = 0

    async def corrupting_send(message: Message) -> None:
        nonlocal position
        if message["type"] == "http.response.body":
            body = bytes(message.get("body", b""))
            if position <= offset < position + len(body):
                flipped = bytearray(body)
                flipped[offset - position] ^= 0xFF
                message = {**message, "body": bytes(flipped)}
            position += len(body)
        await send(message)

    return corrupting_send


def _corrupting_receive(receive: Receive, offset: int) -> Receive:
    """An ASGI receive that flips the request body byte at ``offset`` (XOR 0xFF)."""
    position = 0

    async def corrupting_receive() -> Message:
        nonlocal position
        message = await receive()
        if message["type"] == "http.request":
            body = bytes(message.get("body", b""))
            if position <= offset < position + len(body):
                flipped = bytearray(body)
                flipped[offset - position] ^= 0xFF
                message = {**message, "body": bytes(flipped)}
            position += len(body)
        return message

    return corrupting_receive
