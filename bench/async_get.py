"""1,000 `get_dataset` calls: the async client at concurrency 32 against the sync client one
call after another, on API v3 of the local server.

Contenders, each making the same 1,000 `GET /api/v3/datasets/{mfid}` calls with the same key:

* async pycrucible: `AsyncCrucibleClient.get_dataset(mfid)`, 32 calls in flight
  (`asyncio.Semaphore`), typed records, retries and error mapping included;
* sync pycrucible: `CrucibleClient(...).v3.get_dataset(mfid)`, one call after another;
* raw httpx.AsyncClient: `client.get(url).json()`, 32 in flight (the scale: what the event loop
  and the server allow without any client logic).

Each round runs every contender once, in a shuffled order; the table gives the median over the
rounds of the wall time for the 1,000 calls. It runs twice: on loopback as it is, and with a
simulated network round trip (`--latency`, 20 ms by default: the local server's `delay` fault
on every dataset request, awaited so the server keeps serving others meanwhile). On loopback
the server (one process, on the same cores) is the limit and concurrency hides little; with a
round trip to wait on, it hides most of it. The async client's own cost shows against raw
httpx at the same concurrency.
"""

from __future__ import annotations

import argparse
import asyncio
import time
from collections.abc import Callable

import httpx

from bench._harness import Report, ServerProcess, median, round_order, write
from pycrucible import AsyncCrucibleClient, CrucibleClient

ASYNC = "async pycrucible, concurrency 32"
SYNC = "sync pycrucible, one by one"
RAW = "raw httpx.AsyncClient, concurrency 32"


async def _gather(call: Callable[[], object], calls: int, concurrency: int) -> None:
    gate = asyncio.Semaphore(concurrency)

    async def one() -> None:
        async with gate:
            await call()  # type: ignore[misc]

    await asyncio.gather(*(one() for _ in range(calls)))


def _latency(server: ServerProcess, seconds: float) -> None:
    """Every v3 dataset request waits `seconds` in the server first (0: none)."""
    with httpx.Client(base_url=server.url, timeout=10) as control:
        control.headers["Authorization"] = f"Bearer {server.admin_key}"
        control.delete("/_control/faults").raise_for_status()
        if seconds > 0:
            fault = {
                "kind": "delay",
                "seconds": seconds,
                "times": None,
                "path_prefix": "/api/v3/datasets/",
            }
            control.post("/_control/faults", json=fault).raise_for_status()


def run(rounds: int = 3, calls: int = 1000, concurrency: int = 32, latency: float = 0.02) -> None:
    """Runs the benchmark and prints its tables (loopback, then with `latency`).

    Args:
        rounds: Rounds; each runs every contender once, in a shuffled order.
        calls: `get_dataset` calls per contender per round.
        concurrency: Calls in flight for the async contenders.
        latency: Seconds of simulated network round trip per request, for the second table.
    """
    with ServerProcess() as server, asyncio.Runner() as runner:
        url_v3 = f"{server.url}/api/v3"
        sync = CrucibleClient(
            url_v3, server.user_key, api_version="v3", state_dir=server.scratch / "sync"
        )
        mfid = sync.v3.create_dataset(
            dataset_name="bench async get_dataset",
            scientific_metadata={"temperature": 77, "voltage": 200},
            keywords=["bench"],
        ).unique_id
        aclient = AsyncCrucibleClient(
            url_v3, server.user_key, api_version="v3", state_dir=server.scratch / "async"
        )
        raw = httpx.AsyncClient(
            headers={"Authorization": f"Bearer {server.user_key}"},
            # idle connections dropped before the server (5 s) does: raw httpx does not retry
            limits=httpx.Limits(max_connections=concurrency, keepalive_expiry=4.0),
        )

        async def raw_get() -> object:
            return (await raw.get(f"{url_v3}/datasets/{mfid}")).json()

        def sync_all() -> None:
            for _ in range(calls):
                sync.get_dataset(mfid)

        contenders: dict[str, Callable[[], object]] = {
            ASYNC: lambda: runner.run(
                _gather(lambda: aclient.get_dataset(mfid), calls, concurrency)
            ),
            SYNC: sync_all,
            RAW: lambda: runner.run(_gather(raw_get, calls, concurrency)),
        }
        for name in contenders:  # warm-up: connections, imports, caches
            if name == SYNC:
                for _ in range(20):
                    sync.get_dataset(mfid)
            elif name == ASYNC:
                runner.run(_gather(lambda: aclient.get_dataset(mfid), 64, concurrency))
            else:
                runner.run(_gather(raw_get, 64, concurrency))
        for delay in (0.0, latency):
            _latency(server, delay)
            wall: dict[str, list[float]] = {name: [] for name in contenders}
            for index in range(rounds):
                for name in round_order(list(contenders), index):
                    started = time.perf_counter()
                    contenders[name]()
                    wall[name].append(time.perf_counter() - started)
            _report(wall, rounds, calls, concurrency, delay)
        _latency(server, 0.0)
        runner.run(aclient.aclose())
        runner.run(raw.aclose())
        sync.close()


def _report(
    wall: dict[str, list[float]], rounds: int, calls: int, concurrency: int, delay: float
) -> None:
    where = f"{delay * 1000:.0f} ms round trip" if delay else "loopback"
    report = Report(
        f"async_get: {calls} get_dataset calls on API v3, {where} ({rounds} rounds, median)",
        ["contender", f"wall for {calls} calls", "calls per second", "vs sync one by one"],
    )
    base = median(wall[SYNC])
    for name, times in wall.items():
        spent = median(times)
        report.add(name, f"{spent:.2f} s", f"{calls / spent:.0f}", f"{base / spent:.2f}x")
    ratio = base / median(wall[ASYNC])
    per_round = [s / a for s, a in zip(wall[SYNC], wall[ASYNC], strict=True)]
    report.note(
        f"{where}: async at concurrency {concurrency} / sync one by one: {ratio:.2f}x as fast "
        f"(per-round range {min(per_round):.2f}-{max(per_round):.2f}x)"
    )
    report.note(
        f"async pycrucible / raw httpx.AsyncClient (same concurrency): "
        f"{median(wall[ASYNC]) / median(wall[RAW]):.2f}x the time"
    )
    report.print()


def main() -> None:
    """Command line: `python -m bench.async_get [--rounds N --calls N --concurrency N
    --latency S]`."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--calls", type=int, default=1000)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--latency", type=float, default=0.02, help="seconds per round trip")
    args = parser.parse_args()
    run(args.rounds, args.calls, args.concurrency, args.latency)
    write()


if __name__ == "__main__":
    main()
