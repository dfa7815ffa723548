"""What every benchmark shares: the server process, child processes, memory probes, reporting.

* `ServerProcess` runs `python -m pycrucible.testing` on a free loopback port with a temporary
  data directory, waits until it accepts connections and stops it at the end.
* `run_child` runs one contender in a fresh Python process (`python -m bench._child ...`) and
  returns the JSON it printed, so each contender's memory is measured on its own.
* `reset_peak` / `memory_status` read and reset the process's peak RSS through `/proc`.
* `Report` collects rows and writes one aligned table per benchmark to standard output.
"""

from __future__ import annotations

import json
import os
import random
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any, Self

ROOT = Path(__file__).resolve().parent.parent
MIB = 1024 * 1024
LOOPBACK = "127.0.0.1"


def write(text: str = "") -> None:
    """Writes one line of the report to standard output (benchmarks report nothing else)."""
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def free_port() -> int:
    """Returns a TCP port that is free on the loopback interface right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((LOOPBACK, 0))
        port: int = sock.getsockname()[1]
        return port


class ServerProcess:
    """The local Crucible server in its own process, on loopback, with a throw-away data dir.

    Args:
        worker_delay: Seconds per simulated worker step, or None to freeze the workers.
        startup_timeout: Seconds to wait for the port to accept connections.
    """

    def __init__(self, *, worker_delay: float | None = None, startup_timeout: float = 30.0) -> None:
        self.port = free_port()
        self.url = f"http://{LOOPBACK}:{self.port}"
        self.admin_key = "bench-admin-" + secrets.token_hex(12)
        self.user_key = "bench-user-" + secrets.token_hex(12)
        self._worker_delay = worker_delay
        self._startup_timeout = startup_timeout
        self._temp = Path(tempfile.mkdtemp(prefix="crucible-bench-"))
        self.data_dir = self._temp / "server"
        self.scratch = self._temp / "scratch"
        self.scratch.mkdir()
        self._process: subprocess.Popen[bytes] | None = None

    def start(self) -> Self:
        """Starts the server and returns once it accepts connections.

        Raises:
            RuntimeError: The server exited or did not listen in time.
        """
        delay = "none" if self._worker_delay is None else str(self._worker_delay)
        command = [
            sys.executable,
            "-m",
            "pycrucible.testing",
            "--host",
            LOOPBACK,
            "--port",
            str(self.port),
            "--data-dir",
            str(self.data_dir),
            "--admin-key",
            self.admin_key,
            "--user-key",
            self.user_key,
            "--worker-delay",
            delay,
            "--log-level",
            "WARNING",
            # Benchmarks measure the server, not the contract check of its responses.
            "--no-contract-check",
        ]
        log = (self._temp / "server.log").open("wb")
        self._process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, cwd=ROOT)
        log.close()
        deadline = time.monotonic() + self._startup_timeout
        while True:
            if self._process.poll() is not None:
                output = (self._temp / "server.log").read_text(errors="replace")
                raise RuntimeError(f"the server exited early:\n{output[-2000:]}")
            try:
                with socket.create_connection((LOOPBACK, self.port), timeout=1):
                    return self
            except OSError:
                if time.monotonic() > deadline:
                    self.stop()
                    raise RuntimeError("the server did not accept connections in time") from None
                time.sleep(0.05)

    @property
    def pid(self) -> int:
        """Process id of the running server.

        Raises:
            RuntimeError: The server is not running.
        """
        if self._process is None:
            raise RuntimeError("the server is not running")
        return self._process.pid

    def discard_files(self, dsid: str) -> None:
        """Deletes a dataset's stored files and every partial upload, then flushes the page cache.

        Benchmarks call it between contenders, so that no contender pays for the disk writeback
        of another's gigabyte (the layout is `storage/<dsid>/` and `uploads/<id>.part`, see
        `pycrucible.testing`; an unfinished upload session keeps its part file otherwise).
        """
        shutil.rmtree(self.data_dir / "storage" / dsid, ignore_errors=True)
        for part in (self.data_dir / "uploads").glob("*.part"):
            part.unlink(missing_ok=True)
        os.sync()

    def stop(self) -> None:
        """Stops the server (SIGTERM, then SIGKILL after 15 s) and removes its data."""
        process, self._process = self._process, None
        if process is not None and process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        shutil.rmtree(self._temp, ignore_errors=True)

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


def run_child(function: str, **arguments: Any) -> dict[str, Any]:
    """Runs `bench.<module>.<function>(**arguments)` in a fresh interpreter; returns its dict.

    Args:
        function: `"<module>:<function>"` inside the `bench` package, e.g. `"upload:contender"`.
        **arguments: JSON-serialisable keyword arguments.

    Raises:
        RuntimeError: The child failed (its standard error is included).
    """
    command = [sys.executable, "-m", "bench._child", function, json.dumps(arguments)]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{function} failed ({done.returncode}):\n{done.stderr[-4000:]}")
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if not lines:
        raise RuntimeError(f"{function} printed no result:\n{done.stdout[-2000:]}")
    result: dict[str, Any] = json.loads(lines[-1])
    return result


def reset_peak() -> None:
    """Resets the peak resident set size (`VmHWM`) to the current one (Linux 4.0+)."""
    with open("/proc/self/clear_refs", "w") as handle:
        handle.write("5")


def memory_status() -> tuple[int, int]:
    """Returns (current RSS, peak RSS) of this process in bytes, from `/proc/self/status`."""
    values: dict[str, int] = {}
    with open("/proc/self/status") as handle:
        for line in handle:
            key, _, rest = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                values[key] = int(rest.split()[0]) * 1024
    return values["VmRSS"], values["VmHWM"]


def measured(operation: Callable[[], object]) -> dict[str, float]:
    """Runs `operation` once with the peak RSS reset just before it.

    Returns:
        `seconds` (wall time), `cpu_seconds` (this process), `baseline` (RSS before, bytes)
        and `peak_over_baseline` (bytes).
    """
    import gc

    gc.collect()
    reset_peak()
    baseline, _ = memory_status()
    started, cpu = time.perf_counter(), time.process_time()
    operation()
    seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu
    _, peak = memory_status()
    return {
        "seconds": seconds,
        "cpu_seconds": cpu_seconds,
        "baseline": float(baseline),
        "peak_over_baseline": float(max(0, peak - baseline)),
    }


def round_order(names: Sequence[str], index: int) -> list[str]:
    """The contenders' order in round `index`: shuffled, the same in every run.

    A fixed rotation would give each contender the same predecessor in every round, so anything
    one leaves behind (a busy disk, a warm cache) would always land on the same other one.
    """
    return random.Random(index).sample(list(names), k=len(names))


def median(values: Sequence[float]) -> float:
    """The median of the rounds."""
    return float(statistics.median(values))


def make_file(path: Path, size: int) -> Path:
    """Writes `size` bytes of random-looking data (a random block, stamped per MiB).

    Every MiB differs (its first 8 bytes hold its index), so no two files or blocks are equal,
    while generating 1 GiB takes a second rather than reading that much from the kernel's RNG.
    """
    block = bytearray(os.urandom(4 * MIB))
    with path.open("wb") as out:
        written = 0
        while written < size:
            for mib in range(0, len(block), MIB):
                block[mib : mib + 8] = ((written + mib) // MIB).to_bytes(8, "little")
            piece = memoryview(block)[: min(len(block), size - written)]
            out.write(piece)
            written += len(piece)
    return path


def human_bytes(value: float) -> str:
    """Formats bytes as MiB with one decimal."""
    return f"{value / MIB:.1f} MiB"


class Report:
    """Rows of one benchmark, written as an aligned table.

    Args:
        title: The benchmark's title line.
        columns: Column headings.
    """

    def __init__(self, title: str, columns: Sequence[str]) -> None:
        self.title = title
        self.columns = list(columns)
        self.rows: list[list[str]] = []
        self.notes: list[str] = []

    def add(self, *cells: object) -> None:
        """Adds a row (cells are formatted with `str`)."""
        self.rows.append([str(cell) for cell in cells])

    def note(self, text: str) -> None:
        """Adds a line printed under the table."""
        self.notes.append(text)

    def print(self) -> None:
        """Writes the title, the table and the notes to standard output."""
        widths = [len(c) for c in self.columns]
        for row in self.rows:
            widths = [max(w, len(cell)) for w, cell in zip(widths, row, strict=True)]

        def line(cells: Sequence[str]) -> str:
            return "| " + " | ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)) + " |"

        write()
        write(f"## {self.title}")
        write()
        write(line(self.columns))
        write("|" + "|".join("-" * (w + 2) for w in widths) + "|")
        for row in self.rows:
            write(line(row))
        for text in self.notes:
            write(f"  {text}")


def verdict(ratio: float, target: float) -> str:
    """`met` or `missed by N%` for a ratio whose target is an upper bound."""
    if ratio <= target:
        return f"met (target <= {target:.2f}x)"
    return f"MISSED by {(ratio / target - 1) * 100:.1f}% (target <= {target:.2f}x)"
