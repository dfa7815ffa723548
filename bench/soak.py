"""Soak: many threads share one `CrucibleClient` on API v3 while 2% of requests fail.

    python -m bench.soak                      # 20,000 operations, 16 threads, 2% faults
    python -m bench.soak --ops 2000           # the quick run (under a minute)
    bench/run soak                            # the same as the first line

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

Asynchronous driver: the client has no asynchronous counterpart in this tree yet, so only the
threaded driver runs; an asyncio driver sharing the run is pending until one exists.
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import statistics
import tempfile
import threading
import time
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


def run_phase(
    server: ServerProcess, args: argparse.Namespace, *, ops: int, faulted: bool, folder: Path
) -> tuple[Tally, float, dict[str, int]]:
    """Runs `ops` operations on `args.threads` threads sharing one client.

    Returns:
        The tally, the wall time in seconds, and the requests faulted per fault kind.
    """
    from pycrucible import CrucibleClient

    control = httpx.Client(
        base_url=server.url, headers={"Authorization": f"Bearer {server.admin_key}"}, timeout=30
    )
    control.delete("/_control/faults").raise_for_status()
    tally = Tally(sample_every=args.sample_every)
    client = CrucibleClient(
        f"{server.url}/api/v3",
        server.user_key,
        api_version="v3",
        state_dir=folder / "state",
        timeout=args.timeout,
        transfer_timeout=args.timeout,
    )
    remaining = [ops]
    lock = threading.Lock()

    def take() -> bool:
        with lock:
            if remaining[0] <= 0:
                return False
            remaining[0] -= 1
            return True

    def loop(index: int) -> None:
        scratch = folder / f"w{index}"
        scratch.mkdir(parents=True, exist_ok=True)
        run = "faults" if faulted else "baseline"
        worker = Worker(index, run, scratch, random.Random(args.seed * 1000 + index))
        while take():
            work_once(client, worker, tally)

    if faulted:
        for rule in fault_rules(args.fault_rate, args.seed, args.timeout):
            control.post("/_control/faults", json=rule).raise_for_status()
    tally.rss.append((0, rss_bytes()))
    threads = [threading.Thread(target=loop, args=(i,), daemon=True) for i in range(args.threads)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    tally.rss.append((tally.done, rss_bytes()))
    rules = control.get("/_control/faults").json()
    control.delete("/_control/faults").raise_for_status()
    control.close()
    client.close()
    faults = {name: rule["consumed"] for name, rule in zip(FAULT_KINDS, rules, strict=False)}
    return tally, wall, faults


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


def report(
    args: argparse.Namespace,
    phases: dict[str, tuple[Tally, float, dict[str, int]]],
    counts: dict[str, int],
    ops: dict[str, int],
) -> None:
    """Prints the soak's figures (see the module docstring)."""
    write(
        f"# soak: {args.ops} operations, {args.threads} threads on one client, "
        f"fault rate {args.fault_rate:.1%}, seed {args.seed}, client timeout {args.timeout:g} s"
    )
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    write(f"# {os.cpu_count()} CPUs, load average at the end {load} (other work slows the run)")
    for name, (tally, wall, faults) in phases.items():
        write(f"\n## {name}: {tally.done} calls in {wall:.1f} s")
        write(f"operations/s: {ops[name] / wall:.1f} ({ops[name]} operations)")
        if faults:
            total = sum(faults.values())
            write("faults injected: " + ", ".join(f"{k} {v}" for k, v in faults.items()))
            write(f"  ({total} requests faulted)")
        idem = tally.error_total(IDEMPOTENT_KINDS)
        other = tally.error_total(NON_IDEMPOTENT_KINDS)
        write(f"errors to the caller: idempotent kinds {idem}, non-idempotent kinds {other}")
        for kind in KINDS:
            for cls, n in sorted(tally.errors[kind].items()):
                write(f"  {kind}: {cls} x{n}  e.g. {tally.examples[f'{kind}:{cls}']}")
        samples = ", ".join(f"{done}:{rss / MIB:.1f}" for done, rss in tally.rss)
        first, last = tally.rss[0][1], tally.rss[-1][1]
        write(f"client RSS MiB: start {first / MIB:.1f}, end {last / MIB:.1f}")
        write(f"  samples (operations done: MiB): {samples}")
    write("\n## latency per call kind, ms (p50 / p99)")
    names = list(phases)
    write(f"{'kind':<10}" + "".join(f"{n + ' p50':>22}{n + ' p99':>22}" for n in names))
    for kind in KINDS:
        cells = []
        for name in names:
            values = phases[name][0].latencies.get(kind, [])
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
    if args.ops < 1 or args.threads < 1 or not 0 <= args.fault_rate <= 1:
        parser.error("--ops and --threads must be positive, --fault-rate between 0 and 1")
    baseline = args.baseline_ops if args.baseline_ops is not None else max(200, args.ops // 4)
    phases: dict[str, tuple[Tally, float, dict[str, int]]] = {}
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
    report(args, phases, counts, {"no faults": baseline, "faults": args.ops})


if __name__ == "__main__":
    main()
