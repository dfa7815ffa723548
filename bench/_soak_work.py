"""The soak's workload: mixed API v3 operations on one shared client, measured one by one.

Each worker (a thread, or an asyncio task) owns its datasets and files, so no worker waits on
another's state; the client and its connection pool are shared by all of them. `Tally` gathers
every operation's latency and every error that reached the caller, by operation kind.

Operation kinds and whether a repeat of the request is safe (the client then retries every
fault the soak injects, so the caller should never see one):

* idempotent: `create` (the client mints the dataset MFID, a repeat finds the record), `get`,
  `list`, `merge` (a deep merge applied twice equals one), `upload` (initiate carries an
  `Idempotency-Key`, parts are PUTs, completion is safe to repeat), `download` (GETs of signed
  links, verified and renamed into place) and `wait` (GET polling of an ingestion request);
* not idempotent: `ingest` (a POST that makes a new ingestion request each time: never resent
  once it may have reached the server). Faults that hit it after sending (or that leave the
  client unable to tell) surface to the caller by design.
"""

from __future__ import annotations

import random
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

IDEMPOTENT_KINDS = ("create", "get", "list", "merge", "upload", "download", "wait")
NON_IDEMPOTENT_KINDS = ("ingest",)
KINDS = IDEMPOTENT_KINDS + NON_IDEMPOTENT_KINDS

# Relative frequency of each kind (an `ingest` is followed by its `wait`).
WEIGHTS = {
    "create": 10,
    "get": 25,
    "list": 12,
    "merge": 15,
    "upload": 14,
    "ingest": 8,
    "download": 8,
}
SMALL_FILE_MIN = 1024  # bytes
SMALL_FILE_MAX = 16 * 1024  # bytes
INGEST_TIMEOUT = 60.0  # seconds a wait may take before it counts as an error
INGEST_POLL = 0.05  # seconds between polls of an ingestion request


def rss_bytes() -> int:
    """Returns this process's resident set size in bytes (`VmRSS` in `/proc/self/status`)."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    return 0


@dataclass
class Tally:
    """Latencies (seconds) and caller-visible errors per call kind; thread-safe."""

    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    examples: dict[str, str] = field(default_factory=dict)
    done: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, kind: str, seconds: float, error: BaseException | None) -> None:
        """Counts one finished call."""
        with self._lock:
            self.latencies[kind].append(seconds)
            if error is not None:
                name = type(error).__name__
                self.errors[kind][name] += 1
                self.examples.setdefault(f"{kind}:{name}", str(error)[:300])
            self.done += 1

    def error_total(self, kinds: tuple[str, ...]) -> int:
        """The number of caller-visible errors of the given kinds."""
        return sum(sum(self.errors[kind].values()) for kind in kinds)


@dataclass
class Worker:
    """One worker's own records: its datasets, uploaded files and ingested files.

    Attributes:
        index: The worker's number (names its records and seeds its choices).
        run: The run's name, part of every record name (runs share one server).
        folder: Its scratch folder (files to upload, downloads).
        rng: Its random generator (operation choice, file sizes).
    """

    index: int
    run: str
    folder: Path
    rng: random.Random
    datasets: list[str] = field(default_factory=list)
    uploaded: list[tuple[str, str, str]] = field(default_factory=list)  # (dataset, name, file)
    ingested: list[tuple[str, str]] = field(default_factory=list)  # (dataset, name)
    serial: int = 0

    def next_name(self, prefix: str) -> str:
        """A name unique to this worker and run."""
        self.serial += 1
        return f"{prefix}-{self.run}-w{self.index}-{self.serial}"

    def choose(self) -> str:
        """Picks the next operation kind, falling back to one whose records exist."""
        kind = self.rng.choices(list(WEIGHTS), weights=list(WEIGHTS.values()))[0]
        if kind != "create" and not self.datasets:
            return "create"
        if kind == "ingest" and not self.uploaded:
            return "upload"
        if kind == "download" and not self.ingested:
            return "upload" if not self.uploaded else "ingest"
        return kind

    def small_file(self) -> Path:
        """Writes a small file of random size and bytes; returns its path."""
        size = self.rng.randint(SMALL_FILE_MIN, SMALL_FILE_MAX)
        path = self.folder / f"{self.next_name('file')}.csv"
        path.write_bytes(self.rng.randbytes(size))
        return path


Step = tuple[str, Callable[[], Any], Callable[[Any], None]]
"""One call of an operation: its kind, what starts it, what to do with its result."""


def _keep(result: Any) -> None:
    """The `then` of a call whose result is not needed."""


def plan(client: Any, worker: Worker, kind: str) -> list[Step]:
    """Returns the calls that make up one operation of `kind` (one, or ingest then wait).

    The same plan runs on the sync client (each start returns the result) and on the async
    one (each start returns a coroutine to await): `client.v3` has the same surface on both.
    A call's `then` updates the worker's records only when it succeeded, so a failed call
    leaves nothing for later operations to trip over.
    """
    v3 = client.v3
    rng = worker.rng
    if kind == "create":
        name = worker.next_name("soak")
        return [
            (
                "create",
                lambda: v3.datasets.create(dataset_name=name, measurement="soak"),
                lambda made: worker.datasets.append(made.unique_id),
            )
        ]
    if kind == "get":
        dsid = rng.choice(worker.datasets)
        return [("get", lambda: v3.datasets.get(dsid), _keep)]
    if kind == "list":
        return [("list", lambda: v3.datasets.list(measurement="soak", limit=20).to_list(), _keep)]
    if kind == "merge":
        dsid = rng.choice(worker.datasets)
        patch = {"soak": {f"k{rng.randint(0, 9)}": rng.randint(0, 10**6)}}
        return [("merge", lambda: v3.metadata.update(dsid, patch), _keep)]
    if kind == "upload":
        dsid = rng.choice(worker.datasets)
        path = worker.small_file()
        return [
            (
                "upload",
                lambda: v3.files.upload(dsid, path),
                lambda records: worker.uploaded.append((dsid, path.name, records[0].mfid)),
            )
        ]
    if kind == "ingest":
        dsid, name, file_mfid = worker.uploaded.pop(rng.randrange(len(worker.uploaded)))
        request: list[Any] = []

        def done(final: Any) -> None:
            if final.status in ("complete", "completed", "ingested"):
                worker.ingested.append((dsid, name))

        return [
            ("ingest", lambda: v3.ingestion.request(file_mfid), request.append),
            (
                "wait",
                lambda: v3.ingestion.wait(
                    request[0].id, timeout=INGEST_TIMEOUT, poll=INGEST_POLL, raise_on_failure=True
                ),
                done,
            ),
        ]
    dsid, name = rng.choice(worker.ingested)
    target = worker.folder / "downloads"
    return [("download", lambda: v3.files.download(dsid, file_name=name, output_dir=target), _keep)]


def work_once(client: Any, worker: Worker, tally: Tally) -> int:
    """Runs one operation on the sync client (its calls in order), recording each call."""
    steps = plan(client, worker, worker.choose())
    for kind, start, then in steps:
        began = time.perf_counter()
        error: BaseException | None = None
        try:
            then(start())
        except Exception as exc:  # every error class reaching the caller is what we count
            error = exc
        tally.record(kind, time.perf_counter() - began, error)
        if error is not None:
            break
    return len(steps)


async def awork_once(client: Any, worker: Worker, tally: Tally) -> int:
    """Runs one operation on the async client (its calls in order), recording each call."""
    steps = plan(client, worker, worker.choose())
    for kind, start, then in steps:
        began = time.perf_counter()
        error: BaseException | None = None
        try:
            then(await start())
        except Exception as exc:  # every error class reaching the caller is what we count
            error = exc
        tally.record(kind, time.perf_counter() - began, error)
        if error is not None:
            break
    return len(steps)
