"""Soak: threads and asyncio tasks share one client each on API v3 while 2% of requests fail.

    python -m bench.soak                # 20,000 operations, 16 threads + 16 tasks, 2% faults
    python -m bench.soak --ops 2000     # the quick run
    bench/run soak                      # the same as the first line

The local server runs in its own process (`bench._harness.ServerProcess`), so the client's
memory is measured alone. The run is done twice on the same server: first without faults (the
baseline latencies; a quarter of `--ops` by default, `--baseline-ops`), then with faults.
Fault rules are the server's own (`POST /_control/faults` with a seeded `probability`), spread
evenly over five kinds and over every request, API and storage alike: 503; 429 with
`Retry-After: 1`; the connection dropped before the server acts; the connection dropped after
it acted (a lost answer); and a delay longer than the client's timeout (a read timeout).

The workload (`bench._soak_work`): creates, reads, lists, metadata merges, small uploads
(1 to 16 KiB), ingestion requests with their waits, and verified downloads of ingested files.

Reported: operations per second; errors that reached the caller, by operation kind and class
(the idempotent kinds should show none); duplicate records counted in the server's database
(datasets per name, file records per dataset and name, ingestion requests per file); the
client's RSS at the start, along the run and at the end; p50 and p99 latency per operation
kind, with and without faults.

Drivers: `--threads` threads share one `CrucibleClient` while `--tasks` asyncio tasks share
one `AsyncCrucibleClient` (its event loop in a thread of its own), all taking operations from
the same count; errors are reported per driver.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import sqlite3
import statistics
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from bench._harness import MIB, ServerProcess, write
from bench._soak_work import (
    IDEMPOTENT_KINDS,
    KINDS,
    NON_IDEMPOTENT_KINDS,
    Tally,
    Worker,
    awork_once,
    rss_bytes,
    work_once,
)

SOAK = "json_extract(doc, '$.dataset_name') LIKE 'soak-%'"  # the soak's datasets only
FAULT_KINDS = ("503", "429", "drop before", "drop after", "read timeout")


def fault_rules(rate: float, seed: int, timeout: float) -> list[dict[str, Any]]:
    """The server fault rules giving `rate` of all requests a fault, split over five kinds."""
    share = rate / len(FAULT_KINDS)
    common: dict[str, Any] = {"times": None, "probability": share}
    return [
        {"kind": "status", "status": 503, "seed": seed, **common},
        {"kind": "status", "status": 429, "retry_after": 1, "seed": seed + 1, **common},
        {"kind": "drop", "seed": seed + 2, **common},
        {"kind": "drop_after", "seed": seed + 3, **common},
        {"kind": "delay", "seconds": timeout + 1.0, "seed": seed + 4, **common},
    ]


@dataclass
class Phase:
    """One run: its tallies per driver, wall time, RSS samples and faults injected.

    Attributes:
        ops: Operations run.
        tallies: `threads` (the sync client) and, when run, `asyncio tasks` (the async one).
        wall: Seconds from the first operation to the last.
        rss: (operations started, client RSS in bytes) samples.
        faults: Requests faulted per fault kind.
    """

    ops: int
    tallies: dict[str, Tally] = field(default_factory=dict)
    wall: float = 0.0
    rss: list[tuple[int, int]] = field(default_factory=list)
    faults: dict[str, int] = field(default_factory=dict)


def run_phase(
    server: ServerProcess, args: argparse.Namespace, *, ops: int, faulted: bool, folder: Path
) -> Phase:
    """Runs `ops` operations: `args.threads` threads share one `CrucibleClient` while
    `args.tasks` asyncio tasks share one `AsyncCrucibleClient`, taking from the same count."""
    from pycrucible import AsyncCrucibleClient, CrucibleClient

    control = httpx.Client(
        base_url=server.url, headers={"Authorization": f"Bearer {server.admin_key}"}, timeout=30
    )
    control.delete("/_control/faults").raise_for_status()
    phase = Phase(ops)
    settings: dict[str, Any] = {
        "api_version": "v3",
        "timeout": args.timeout,
        "transfer_timeout": args.timeout,
    }
    api = f"{server.url}/api/v3"
    client = CrucibleClient(api, server.user_key, state_dir=folder / "state", **settings)
    run = "faults" if faulted else "baseline"
    remaining = [ops]
    lock = threading.Lock()

    def take() -> bool:
        with lock:
            if remaining[0] <= 0:
                return False
            remaining[0] -= 1
            started = ops - remaining[0]
            if started % args.sample_every == 0:
                phase.rss.append((started, rss_bytes()))
            return True

    def worker(index: int) -> Worker:
        scratch = folder / f"w{index}"
        scratch.mkdir(parents=True, exist_ok=True)
        return Worker(index, run, scratch, random.Random(args.seed * 1000 + index))

    def loop(index: int, tally: Tally) -> None:
        mine = worker(index)
        while take():
            work_once(client, mine, tally)

    async def tasks(tally: Tally) -> None:
        async with AsyncCrucibleClient(
            api, server.user_key, state_dir=folder / "astate", **settings
        ) as aclient:

            async def task(index: int) -> None:
                mine = worker(index)
                while take():
                    await awork_once(aclient, mine, tally)

            await asyncio.gather(*(task(500 + i) for i in range(args.tasks)))

    if faulted:
        for rule in fault_rules(args.fault_rate, args.seed, args.timeout):
            control.post("/_control/faults", json=rule).raise_for_status()
    phase.tallies["threads"] = Tally()
    drivers = [
        threading.Thread(target=loop, args=(i, phase.tallies["threads"]), daemon=True)
        for i in range(args.threads)
    ]
    if args.tasks:
        phase.tallies["asyncio tasks"] = Tally()
        drivers.append(
            threading.Thread(
                target=asyncio.run, args=(tasks(phase.tallies["asyncio tasks"]),), daemon=True
            )
        )
    phase.rss.append((0, rss_bytes()))
    started = time.perf_counter()
    for thread in drivers:
        thread.start()
    for thread in drivers:
        thread.join()
    phase.wall = time.perf_counter() - started
    phase.rss.append((ops, rss_bytes()))
    rules = control.get("/_control/faults").json()
    control.delete("/_control/faults").raise_for_status()
    control.close()
    client.close()
    phase.faults = {name: rule["consumed"] for name, rule in zip(FAULT_KINDS, rules, strict=False)}
    return phase


def duplicates(data_dir: Path) -> dict[str, int]:
    """Counts duplicate records in the server's database (read-only).

    Returns:
        Extra records beyond the first: datasets per name, file records per dataset and file
        name, ingestion requests per file; and the totals of each kind.
    """
    uri = f"file:{data_dir / 'crucible.sqlite3'}?mode=ro"
    with sqlite3.connect(uri, uri=True) as db:

        def scalar(sql: str) -> int:
            row = db.execute(sql).fetchone()
            return int(row[0] or 0)

        return {
            "datasets": scalar(f"SELECT COUNT(*) FROM v3_datasets WHERE {SOAK}"),
            "duplicate datasets": scalar(
                f"SELECT SUM(n - 1) FROM (SELECT COUNT(*) AS n FROM v3_datasets WHERE {SOAK}"
                " GROUP BY json_extract(doc, '$.dataset_name'))"
            ),
            "file records": scalar("SELECT COUNT(*) FROM v3_files"),
            "duplicate file records": scalar(
                "SELECT SUM(n - 1) FROM (SELECT COUNT(*) AS n FROM v3_files"
                " GROUP BY dataset_mfid, filename)"
            ),
            "ingestion requests": scalar("SELECT COUNT(*) FROM v3_ingestion"),
            "duplicate ingestion requests": scalar(
                "SELECT SUM(n - 1) FROM (SELECT COUNT(*) AS n FROM v3_ingestion GROUP BY file_mfid)"
            ),
        }


def _ms(values: list[float], quantile: float) -> str:
    if not values:
        return "-"
    if len(values) == 1:
        return f"{values[0] * 1000:.1f}"
    cuts = statistics.quantiles(values, n=100, method="inclusive")
    return f"{cuts[int(quantile * 100) - 1] * 1000:.1f}"


def report(args: argparse.Namespace, phases: dict[str, Phase], counts: dict[str, int]) -> None:
    """Prints the soak's figures (see the module docstring)."""
    write(
        f"# soak: {args.ops} operations, {args.threads} threads on one client and "
        f"{args.tasks} asyncio tasks on one async client, fault rate {args.fault_rate:.1%}, "
        f"seed {args.seed}, client timeout {args.timeout:g} s"
    )
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    write(f"# {os.cpu_count()} CPUs, load average at the end {load} (other work slows the run)")
    for name, phase in phases.items():
        calls = sum(tally.done for tally in phase.tallies.values())
        write(f"\n## {name}: {phase.ops} operations ({calls} calls) in {phase.wall:.1f} s")
        write(f"operations/s: {phase.ops / phase.wall:.1f}")
        if phase.faults and name != "no faults":
            total = sum(phase.faults.values())
            write("faults injected: " + ", ".join(f"{k} {v}" for k, v in phase.faults.items()))
            write(f"  ({total} requests faulted)")
        for driver, tally in phase.tallies.items():
            idem = tally.error_total(IDEMPOTENT_KINDS)
            other = tally.error_total(NON_IDEMPOTENT_KINDS)
            write(
                f"errors to the caller ({driver}, {tally.done} calls): "
                f"idempotent kinds {idem}, non-idempotent kinds {other}"
            )
            for kind in KINDS:
                for cls, n in sorted(tally.errors[kind].items()):
                    write(f"  {kind}: {cls} x{n}  e.g. {tally.examples[f'{kind}:{cls}']}")
        first, last = phase.rss[0][1], phase.rss[-1][1]
        write(f"client RSS MiB: start {first / MIB:.1f}, end {last / MIB:.1f}")
        samples = ", ".join(f"{done}:{rss / MIB:.1f}" for done, rss in phase.rss)
        write(f"  samples (operations started: MiB): {samples}")
    write("\n## latency per call kind, ms (p50 / p99; both drivers)")
    names = list(phases)
    write(f"{'kind':<10}" + "".join(f"{n + ' p50':>22}{n + ' p99':>22}" for n in names))
    for kind in KINDS:
        cells = []
        for name in names:
            values = [v for t in phases[name].tallies.values() for v in t.latencies.get(kind, [])]
            cells += [f"{_ms(values, 0.50):>22}", f"{_ms(values, 0.99):>22}"]
        write(f"{kind:<10}" + "".join(cells))
    write("\n## records on the server after both runs")
    for key, value in counts.items():
        write(f"{key}: {value}")


def main() -> None:
    """Parses the options, runs the baseline and the faulted run, prints the report."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ops", type=int, default=20_000, help="operations per run")
    parser.add_argument("--threads", type=int, default=16, help="threads sharing the client")
    parser.add_argument(
        "--tasks", type=int, default=16, help="asyncio tasks sharing one async client (0: none)"
    )
    parser.add_argument("--fault-rate", type=float, default=0.02, help="share of requests faulted")
    parser.add_argument("--seed", type=int, default=1, help="seed of the workload and faults")
    parser.add_argument("--timeout", type=float, default=3.0, help="client timeout, seconds")
    parser.add_argument("--sample-every", type=int, default=1000, help="RSS sample period, ops")
    parser.add_argument(
        "--baseline-ops",
        type=int,
        default=None,
        help="operations of the run without faults (default: a quarter of --ops; 0: none)",
    )
    args = parser.parse_args()
    if args.ops < 1 or args.threads < 0 or args.tasks < 0 or args.threads + args.tasks < 1:
        parser.error("--ops must be positive, --threads and --tasks not negative (not both 0)")
    if not 0 <= args.fault_rate <= 1:
        parser.error("--fault-rate must be between 0 and 1")
    baseline = args.baseline_ops if args.baseline_ops is not None else max(200, args.ops // 4)
    phases: dict[str, Phase] = {}
    with (
        ServerProcess(worker_delay=0.02) as server,
        tempfile.TemporaryDirectory(prefix="crucible-soak-") as scratch,
    ):
        if baseline:
            phases["no faults"] = run_phase(
                server, args, ops=baseline, faulted=False, folder=Path(scratch) / "baseline"
            )
        phases["faults"] = run_phase(
            server, args, ops=args.ops, faulted=True, folder=Path(scratch) / "faults"
        )
        counts = duplicates(server.data_dir)
    report(args, phases, counts)


if __name__ == "__main__":
    main()
