"""The soak's workload: mixed API v3 operations on one shared client, measured one by one.

Each worker (a thread, or an asyncio task) owns its datasets and files, so no worker waits on
another's state; the client and its connection pool are shared by all of them. `Tally` gathers
every operation's latency and every error that reached the caller, by operation kind.

Operation kinds and whether a repeat of the request is safe (the client then retries every
fault the soak injects, so the caller should never see one):

* idempotent: `create` (the client mints the dataset MFID, a repeat finds the record), `get`,
  `list`, `upload` (initiate carries an `Idempotency-Key`, parts are PUTs, completion is safe
  to repeat), `download` (GETs of signed links, verified and renamed into place) and `wait`
  (GET polling of an ingestion request);
* not idempotent: `merge` (a metadata PATCH: the client does not resend it once it may have
  reached the server) and `ingest` (a POST that makes a new ingestion request each time: never
  resent blindly). Faults that hit these after sending surface to the caller by design.
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

IDEMPOTENT_KINDS = ("create", "get", "list", "upload", "download", "wait")
NON_IDEMPOTENT_KINDS = ("merge", "ingest")
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
    """Latencies (seconds) and caller-visible errors per operation kind; thread-safe.

    Attributes:
        sample_every: Record the RSS after every this many operations.
    """

    sample_every: int = 500
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    examples: dict[str, str] = field(default_factory=dict)
    rss: list[tuple[int, int]] = field(default_factory=list)
    done: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, kind: str, seconds: float, error: BaseException | None) -> None:
        """Counts one finished operation, and samples the RSS when it is time to."""
        with self._lock:
            self.latencies[kind].append(seconds)
            if error is not None:
                name = type(error).__name__
                self.errors[kind][name] += 1
                self.examples.setdefault(f"{kind}:{name}", str(error)[:300])
            self.done += 1
            if self.done % self.sample_every == 0:
                self.rss.append((self.done, rss_bytes()))

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


def run_operation(client: Any, worker: Worker, kind: str) -> list[tuple[str, Callable[[], Any]]]:
    """Returns the calls that make up one operation of `kind` (one, or ingest then wait).

    Each call updates the worker's records when it succeeds, so a failed call leaves nothing
    for later operations to trip over.
    """
    v3 = client.v3
    rng = worker.rng
    if kind == "create":
        name = worker.next_name("soak")

        def create() -> None:
            made = v3.datasets.create(dataset_name=name, measurement="soak")
            worker.datasets.append(made.unique_id)

        return [("create", create)]
    if kind == "get":
        dsid = rng.choice(worker.datasets)
        return [("get", lambda: v3.datasets.get(dsid))]
    if kind == "list":
        return [("list", lambda: v3.datasets.list(measurement="soak", limit=20).to_list())]
    if kind == "merge":
        dsid = rng.choice(worker.datasets)
        patch = {"soak": {f"k{rng.randint(0, 9)}": rng.randint(0, 10**6)}}
        return [("merge", lambda: v3.metadata.update(dsid, patch))]
    if kind == "upload":
        dsid = rng.choice(worker.datasets)
        path = worker.small_file()

        def upload() -> None:
            [record] = v3.files.upload(dsid, path)
            worker.uploaded.append((dsid, path.name, record.mfid))

        return [("upload", upload)]
    if kind == "ingest":
        dsid, name, file_mfid = worker.uploaded.pop(rng.randrange(len(worker.uploaded)))
        request: list[Any] = []

        def ingest() -> None:
            request.append(v3.ingestion.request(file_mfid))

        def wait() -> None:
            if not request:
                return
            done = v3.ingestion.wait(
                request[0].id, timeout=INGEST_TIMEOUT, poll=INGEST_POLL, raise_on_failure=True
            )
            if done.status in ("complete", "completed", "ingested"):
                worker.ingested.append((dsid, name))

        return [("ingest", ingest), ("wait", wait)]
    dsid, name = rng.choice(worker.ingested)
    target = worker.folder / "downloads"
    return [
        (
            "download",
            lambda: v3.files.download(dsid, file_name=name, output_dir=target),
        )
    ]


def work_once(client: Any, worker: Worker, tally: Tally) -> int:
    """Runs one operation (its calls in order) and records each; returns the calls made."""
    calls = run_operation(client, worker, worker.choose())
    for kind, call in calls:
        started = time.perf_counter()
        error: BaseException | None = None
        try:
            call()
        except Exception as exc:  # every error class reaching the caller is what we count
            error = exc
        tally.record(kind, time.perf_counter() - started, error)
        if error is not None:
            break
    return len(calls)
