"""Transfer progress in the `crucible` command: one status line, and what an interruption says.

Before a large upload sends anything, the line shows the checksum pass (`checking big.h5
(SHA-256): ...`), labelled as such.

Parallel transfers share one line (files, bytes, rate), so bars never overwrite each other. The
rate counts only bytes moved by this run, from the moment the first byte moved: a resumed upload
does not claim the bytes sent last time, and a slow start does not predict hours.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

import click

__all__ = ["TransferProgress", "human_bytes"]

_REDRAW_EVERY = 0.1  # seconds between two redraws of the status line


def human_bytes(count: float) -> str:
    """Formats a byte count with a decimal unit (`12.3 MB`)."""
    for unit in ("B", "kB", "MB", "GB"):
        if abs(count) < 1000 or unit == "GB":
            return f"{count:.0f} {unit}" if unit == "B" else f"{count:.1f} {unit}"
        count /= 1000
    return f"{count:.1f} TB"  # pragma: no cover - the loop returns at GB


def _of(done: int, total: int | None) -> str:
    """`12.3 MB of 40.0 MB (30%)`, or just `12.3 MB` when the total is unknown."""
    if total is None:
        return human_bytes(done)
    return f"{human_bytes(done)} of {human_bytes(total)} ({100 * done // max(total, 1)}%)"


class TransferProgress:
    """Follows transfers file by file; draws a status line on a terminal when enabled.

    Call it as a pycrucible progress callback: `(file name, bytes done, total bytes or None)`.

    Args:
        verb: What happens to the bytes ("sent", "received"), for messages.
        draw: Draw the status line (stderr must be a terminal too).
        clock: Monotonic seconds (injectable for tests).
    """

    def __init__(
        self, verb: str, *, draw: bool, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.verb = verb
        self._draw = draw and sys.stderr.isatty()
        self._clock = clock
        self._done: dict[str, int] = {}
        self._total: dict[str, int | None] = {}
        self._start: dict[str, int] = {}
        self._flow_base = 0
        self._first_byte_at: float | None = None
        self._drawn_at = 0.0
        self._line_open = False

    def __call__(self, name: str, done: int, total: int | None) -> None:
        """Records progress of one file (and says so once when it resumes part-way)."""
        if name not in self._done:
            self._start[name] = done
            self._flow_base += done  # what an earlier run moved is not this run's rate
            if total and 0 < done < total:
                self._message(f"{name}: resuming at {100 * done // total}%")
        self._done[name] = done
        self._total[name] = total
        if self._first_byte_at is None and done > self._start[name]:
            # The rate clock starts here: bytes moved from now on, over time from now on.
            self._first_byte_at = self._clock()
            self._flow_base = sum(self._done.values())
        self._redraw(self.line, final=self._complete())

    def hashing(self, name: str, done: int, total: int | None) -> None:
        """Shows the checksum pass that runs before a large upload sends its first byte."""
        final = total is not None and done >= total
        self._redraw(lambda: f"checking {name} (SHA-256): {_of(done, total)}", final=final)

    def _redraw(self, text: Callable[[], str], *, final: bool) -> None:
        """Draws the status line in place, at most every `_REDRAW_EVERY` seconds or when final."""
        if not self._draw:
            return
        now = self._clock()
        if now - self._drawn_at >= _REDRAW_EVERY or final:
            self._drawn_at = now
            click.echo(f"\r{text()}\x1b[K", err=True, nl=False)
            self._line_open = True

    def _complete(self) -> bool:
        return all(t is not None and self._done[n] >= t for n, t in self._total.items())

    def _message(self, text: str) -> None:
        prefix = "\r\x1b[K" if self._line_open else ""
        click.echo(prefix + text, err=True)
        self._line_open = False

    def _amount(self) -> str:
        """Bytes so far, and of the total with a percentage when every total is known."""
        totals = [t for t in self._total.values() if t is not None]
        whole = sum(totals) if totals and len(totals) == len(self._total) else None
        return _of(sum(self._done.values()), whole)

    def line(self) -> str:
        """The status text: files, bytes so far of the total, and the rate of this run."""
        done = sum(self._done.values())
        text = f"{len(self._done)} file(s): {self._amount()}"
        if self._first_byte_at is not None:
            moved = done - self._flow_base
            elapsed = self._clock() - self._first_byte_at
            if elapsed > 0 and moved > 0:
                text += f", {human_bytes(moved / elapsed)}/s"
        return text

    def summary(self) -> str:
        """What moved so far, for the message after an interruption."""
        return f"{self._amount()} {self.verb}"

    def close(self) -> None:
        """Ends the status line (a newline, so later output starts on a line of its own)."""
        if self._line_open:
            click.echo("", err=True)
            self._line_open = False
