"""One progress interface for transfers: a callable, the `crucible` command's bar, or tqdm.

Every upload and download method takes `progress=`:

* a callable `(file name, bytes done, total bytes or None)` (`ProgressCallback`), as always;
* `True`: bars from `tqdm.auto` (a widget in a notebook, a text bar in a terminal), one bar per
  file, closed when the call returns; tqdm comes with the `progress` extra
  (`pip install 'pycrucible-client[progress]'`);
* `False`: no progress; `None` (the default): the client's `progress` setting
  (`CRUCIBLE_PROGRESS=1` or `progress = true` in the config file draws bars everywhere).

Waits for processing requests (`wait_for_request`, `client.v3.ingestion.wait`, ...) take the same
`progress=`: a callable hears each polled request record, and `True` shows a tqdm bar counting
the polls with the latest status (`TqdmWait`).

Objects that also have `hashing(name, bytes hashed, total)` hear the SHA-256 pass that runs
before a large upload sends anything, and objects with `close()` are closed by whoever made
them. `ProgressReporter` is that full shape; both adapters have it: `TqdmProgress` here and
the `crucible` command's status line (`pycrucible.cli._progress.TransferProgress`).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, Protocol, TypeVar, cast, runtime_checkable

from pycrucible._types import ProgressCallback

__all__ = ["ProgressArg", "ProgressReporter", "TqdmProgress", "TqdmWait", "reporting", "waiting"]

RequestT = TypeVar("RequestT")
C = TypeVar("C", bound=Callable[..., None])

ProgressArg = ProgressCallback | bool | None
"""What `progress=` takes: a callback, True for tqdm bars, or None/False for nothing."""

_EXTRA_HINT = (
    "progress=True draws bars with tqdm, which is not installed: "
    "pip install 'pycrucible-client[progress]' (or pass a callable)"
)


@runtime_checkable
class ProgressReporter(Protocol):
    """A transfer progress display: hears bytes moved, the checksum pass, and the end."""

    def __call__(self, name: str, done: int, total: int | None) -> None:
        """Bytes done so far of one file (total in bytes, or None when unknown)."""

    def hashing(self, name: str, done: int, total: int | None) -> None:
        """Bytes hashed so far of one file, before a large upload sends anything."""

    def close(self) -> None:
        """Ends the display (bars closed, lines finished)."""


def _tqdm_class() -> Any:
    try:
        from tqdm.auto import tqdm
    except ImportError as exc:
        raise ImportError(_EXTRA_HINT) from exc
    return tqdm


class TqdmProgress:
    """`ProgressReporter` adapter drawing one `tqdm.auto` bar per file (thread-safe).

    Args:
        unit_label: Words before each file name on its bar ("upload", "download").
        bar: The tqdm class to draw with (default `tqdm.auto.tqdm`; injectable for tests).

    Raises:
        ImportError: tqdm is not installed (the message names the `progress` extra).
    """

    def __init__(self, unit_label: str = "", *, bar: Any = None) -> None:
        self._bar_class = bar if bar is not None else _tqdm_class()
        self._label = unit_label
        self._bars: dict[tuple[str, str], Any] = {}
        self._lock = threading.Lock()

    def _move(self, kind: str, name: str, done: int, total: int | None) -> None:
        with self._lock:
            bar = self._bars.get((kind, name))
            if bar is None:
                words = [w for w in (self._label, name, "(SHA-256)" if kind else "") if w]
                bar = self._bar_class(
                    total=total,
                    initial=done,
                    desc=" ".join(words),
                    unit="B",
                    unit_scale=True,
                    unit_divisor=1024,
                    leave=True,
                )
                self._bars[(kind, name)] = bar
            else:
                if total is not None and bar.total != total:
                    bar.total = total
                bar.update(done - bar.n)
            if total is not None and done >= total:
                bar.close()

    def __call__(self, name: str, done: int, total: int | None) -> None:
        """Moves the file's bar to `done` bytes (opens it on the first call)."""
        self._move("", name, done, total)

    def hashing(self, name: str, done: int, total: int | None) -> None:
        """Moves the file's checksum bar to `done` bytes hashed."""
        self._move("hash", name, done, total)

    def close(self) -> None:
        """Closes every bar still open (a transfer that failed part-way leaves its bar)."""
        with self._lock:
            for bar in self._bars.values():
                bar.close()


@contextmanager
def reporting(
    progress: ProgressArg, label: str = "", default: bool = False
) -> Iterator[ProgressCallback | None]:
    """The callback a transfer reports to, for the duration of the call.

    Args:
        progress: What the caller passed as `progress=`.
        label: Words before each file name on a tqdm bar.
        default: What None means: the client's `progress` setting (True: tqdm bars).

    Yields:
        The caller's callable as given, a `TqdmProgress` for True (closed on exit), or None.

    Raises:
        ImportError: `progress=True` without tqdm installed (before anything is sent).
        TypeError: `progress` is neither a callable, a bool nor None.
    """
    with _chosen(progress, default, lambda: TqdmProgress(label), "tqdm bars") as chosen:
        yield chosen


class TqdmWait:
    """A `tqdm.auto` bar for a wait: it counts the polls and shows the latest status.

    Args:
        what: The request waited for (the bar's label).
        bar: The tqdm class to draw with (default `tqdm.auto.tqdm`; injectable for tests).

    Raises:
        ImportError: tqdm is not installed (the message names the `progress` extra).
    """

    def __init__(self, what: str, *, bar: Any = None) -> None:
        self._bar_class = bar if bar is not None else _tqdm_class()
        self._what = what
        self._bar: Any = None  # drawn at the first poll: a refused argument draws nothing

    def __call__(self, request: Any) -> None:
        """Counts one poll and shows the request's status."""
        if self._bar is None:
            self._bar = self._bar_class(desc=self._what, total=None, unit=" polls", leave=True)
        self._bar.set_postfix_str(f"status {getattr(request, 'status', '?')}", refresh=False)
        self._bar.update(1)

    def close(self) -> None:
        """Closes the bar (if a poll drew one)."""
        if self._bar is not None:
            self._bar.close()


@contextmanager
def waiting(
    progress: Callable[[RequestT], None] | bool | None, what: str, default: bool = False
) -> Iterator[Callable[[RequestT], None] | None]:
    """The callback a wait reports each polled request to, for the duration of the wait.

    Args:
        progress: What the caller passed as `progress=`.
        what: The request waited for (a tqdm bar's label).
        default: What None means: the client's `progress` setting (True: a tqdm bar).

    Yields:
        The caller's callable, a `TqdmWait` for True (closed on exit), or None.

    Raises:
        ImportError: `progress=True` without tqdm installed (before the first poll).
        TypeError: `progress` is neither a callable, a bool nor None.
    """
    with _chosen(progress, default, lambda: TqdmWait(what), "a tqdm bar") as chosen:
        yield chosen


class _Bar(Protocol):
    def close(self) -> None: ...


@contextmanager
def _chosen(
    progress: C | bool | None, default: bool, bar: Callable[[], _Bar], drawn: str
) -> Iterator[C | None]:
    """What `reporting` and `waiting` share: None means `default`; True opens `bar()` for the
    call and closes it after; a callable is used as given; anything else is a TypeError."""
    if progress is None:
        progress = default
    if progress is False:
        yield None
        return
    if progress is True:
        opened = bar()
        try:
            yield cast(C, opened)  # both bars are the callbacks their callers expect
        finally:
            opened.close()
        return
    if not callable(progress):
        raise TypeError(
            f"progress must be a callable, True ({drawn}) or None, not {type(progress).__name__}"
        )
    yield progress
