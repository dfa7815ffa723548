"""One background thread that cuts off API answers still arriving at their deadline.

A read timeout bounds each wait, not the sum of them: a server sending one byte just before
every timeout holds a call for as long as it likes. `DeadlineWatch` keeps the connection of each
API answer in progress with its deadline and shuts the socket down when the deadline passes, so
the read in progress ends at once (`LimitedTransport` then raises `APITimeoutError`).

The connection is known from httpcore's documented `trace` request extension (the
`connection.connect_tcp.complete` and `connection.start_tls.complete` events return the new
network stream) while the status line and headers arrive on a new connection, and from the
response's `network_stream` extension while the body arrives.
"""

from __future__ import annotations

import contextlib
import heapq
import itertools
import os
import socket
import threading
import time
from collections.abc import Callable
from typing import Any

__all__ = ["DEADLINE_WATCH", "DeadlineWatch", "Watched"]

_TIDY_ABOVE = 1024
_NEW_STREAM_EVENTS = frozenset({"connection.connect_tcp.complete", "connection.start_tls.complete"})


class Watched:
    """One answer under watch: its deadline and, once known, its network stream."""

    def __init__(self, deadline: float, chained: Callable[..., Any] | None) -> None:
        self.deadline = deadline
        self.stream: Any = None
        self.fired = False
        self.done = False
        self._chained = chained

    def trace(self, event: str, info: dict[str, Any]) -> None:
        """httpcore's trace callback: remembers the stream of a new connection."""
        if event in _NEW_STREAM_EVENTS and info.get("return_value") is not None:
            self.stream = info["return_value"]
        if self._chained is not None:
            self._chained(event, info)

    def cut(self) -> None:
        """Shuts the connection down, ending the read that waits on it."""
        self.fired = True
        sock = None
        with contextlib.suppress(Exception):
            sock = self.stream.get_extra_info("socket") if self.stream is not None else None
        if isinstance(sock, socket.socket):
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)


class DeadlineWatch:
    """The watching thread (started on first use, one per process)."""

    def __init__(self) -> None:
        self._reset()
        if hasattr(os, "register_at_fork"):  # the thread does not survive a fork: start afresh
            os.register_at_fork(after_in_child=self._reset)

    def _reset(self) -> None:
        self._cond = threading.Condition()
        self._heap: list[tuple[float, int, Watched]] = []
        self._order = itertools.count()
        self._thread: threading.Thread | None = None

    def watch(self, deadline: float, chained: Callable[..., Any] | None = None) -> Watched:
        """Starts watching an answer due by `deadline` (monotonic seconds)."""
        watched = Watched(deadline, chained)
        with self._cond:
            heap = self._heap
            # Wake the thread only when it must sleep less or tidy up, not on every call.
            wake = not heap or deadline < heap[0][0] or len(heap) > _TIDY_ABOVE
            heapq.heappush(heap, (deadline, next(self._order), watched))
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name="pycrucible-deadlines", daemon=True
                )
                self._thread.start()
            if wake:
                self._cond.notify()
        return watched

    def finish(self, watched: Watched) -> None:
        """Stops watching: after this the connection is never cut (it may go back to the pool)."""
        with self._cond:
            watched.done = True

    def _run(self) -> None:
        with self._cond:
            while True:
                if len(self._heap) > _TIDY_ABOVE:  # finished answers, still queued
                    self._heap = [entry for entry in self._heap if not entry[2].done]
                    heapq.heapify(self._heap)
                while self._heap and self._heap[0][2].done:
                    heapq.heappop(self._heap)
                if not self._heap:
                    self._cond.wait()
                    continue
                left = self._heap[0][0] - time.monotonic()
                if left > 0:
                    self._cond.wait(left)
                    continue
                _, _, watched = heapq.heappop(self._heap)
                watched.cut()  # not done: `finish` takes this lock too


DEADLINE_WATCH = DeadlineWatch()
"""The process's watch, shared by every client."""
