"""Per-call cost of `client.get_dataset(dsid)` against what users could write instead.

Contenders, all doing the same `GET /datasets/{dsid}` with the same key and a JSON parse:

* pycrucible: `client.get_dataset(dsid)` (a typed record, retries, error mapping, logging hooks);
* raw httpx: one reused `httpx.Client`, `client.get(url).json()`;
* requests.Session: `session.get(url, headers=...).json()` (the newer older client's way);
* requests.request: `requests.request("GET", ...)` per call, a new connection each time (the
  seed client's way).

The same pair runs on API v3 (`/api/v3`, the client with `api_version="v3"`): pycrucible's
`client.get_dataset(mfid)` against a reused `httpx.Client` on `GET /api/v3/datasets/{mfid}`.
`--api-version v1` or `v3` runs only that version's contenders (default: both).

Within a round the contenders take turns call by call, in a shuffled order, so they share the
machine's ups and downs; the table gives the median over the rounds of the mean wall time per
call, and of this process's CPU time per call (the server runs in another process, so client CPU
is the client's own cost).
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

import httpx
import requests

from bench._harness import Report, ServerProcess, median, round_order, verdict, write
from pycrucible import CrucibleClient

TARGET = 1.15


OURS = {"v1": "pycrucible get_dataset", "v3": "pycrucible get_dataset, API v3"}
RAW = {"v1": "raw httpx.Client (reused)", "v3": "raw httpx.Client (reused), API v3"}
VERSIONS = {"v1": ("v1",), "v3": ("v3",), "both": ("v1", "v3")}


def _contenders(
    server: ServerProcess, dsid: str | None, mfid: str | None
) -> dict[str, Callable[[], object]]:
    """The contenders of the versions that have a dataset (`dsid` on v1, `mfid` on v3)."""
    headers = {"Authorization": f"Bearer {server.user_key}"}
    raw = httpx.Client(headers=headers)
    contenders: dict[str, Callable[[], object]] = {}
    if dsid is not None:
        url = f"{server.url}/datasets/{dsid}"
        client = CrucibleClient(
            server.url, server.user_key, api_version="v1", state_dir=server.scratch / "state"
        )
        session = requests.Session()
        contenders[OURS["v1"]] = lambda: client.get_dataset(dsid)
        contenders[RAW["v1"]] = lambda: raw.get(url).json()
        contenders["requests.Session"] = lambda: session.get(url, headers=headers).json()
        contenders["requests.request (new connection per call)"] = lambda: requests.request(
            "GET", url, headers=headers
        ).json()
    if mfid is not None:
        url_v3 = f"{server.url}/api/v3/datasets/{mfid}"
        client_v3 = CrucibleClient(
            f"{server.url}/api/v3",
            server.user_key,
            api_version="v3",
            state_dir=server.scratch / "state-v3",
        )
        contenders[OURS["v3"]] = lambda: client_v3.get_dataset(mfid)
        contenders[RAW["v3"]] = lambda: raw.get(url_v3).json()
    return contenders


def run(rounds: int = 21, calls: int = 60, api_version: str = "both") -> None:
    """Runs the benchmark and prints its table.

    Args:
        rounds: Rounds; each runs every contender once, in a shuffled order.
        calls: Calls per contender per round.
        api_version: `"v1"`, `"v3"` or `"both"`: whose contenders run.
    """
    versions = VERSIONS[api_version]
    dsid = mfid = None
    with ServerProcess() as server:
        if "v1" in versions:
            with CrucibleClient(
                server.url, server.user_key, api_version="v1", state_dir=server.scratch
            ) as setup:
                dsid = setup.create_dataset(
                    dataset_name="bench get_dataset",
                    scientific_metadata={"temperature": 77, "voltage": 200},
                    keywords=["bench"],
                ).unique_id
        if "v3" in versions:
            with CrucibleClient(
                f"{server.url}/api/v3", server.user_key, api_version="v3", state_dir=server.scratch
            ) as setup_v3:
                mfid = setup_v3.v3.create_dataset(
                    dataset_name="bench get_dataset v3",
                    scientific_metadata={"temperature": 77, "voltage": 200},
                    keywords=["bench"],
                ).unique_id
        contenders = _contenders(server, dsid, mfid)
        names = list(contenders)
        wall: dict[str, list[float]] = {name: [] for name in names}
        cpu: dict[str, list[float]] = {name: [] for name in names}
        for function in contenders.values():  # warm-up: connections, imports, caches
            for _ in range(20):
                function()
        clock, cpu_clock = time.perf_counter, time.process_time
        for index in range(rounds):
            spent = dict.fromkeys(names, 0.0)
            spent_cpu = dict.fromkeys(names, 0.0)
            for call in range(calls):  # call by call, each time in another order
                for name in round_order(names, index * calls + call):
                    started, cpu_started = clock(), cpu_clock()
                    contenders[name]()
                    spent[name] += clock() - started
                    spent_cpu[name] += cpu_clock() - cpu_started
            for name in names:
                wall[name].append(spent[name] / calls)
                cpu[name].append(spent_cpu[name] / calls)
    report = Report(
        f"get_dataset: per-call cost ({rounds} rounds x {calls} calls, median)",
        ["contender", "wall per call", "vs raw httpx (same API)", "client CPU per call"],
    )
    for name in names:
        base = median(wall[RAW["v3" if name.endswith("API v3") else "v1"]])
        report.add(
            name,
            f"{median(wall[name]) * 1e6:.0f} us",
            f"{median(wall[name]) / base:.2f}x",
            f"{median(cpu[name]) * 1e6:.0f} us",
        )
    for version in versions:
        ours, raw = wall[OURS[version]], wall[RAW[version]]
        ratio = median(ours) / median(raw)
        per_round = [p / r for p, r in zip(ours, raw, strict=True)]
        report.note(
            f"API {version}: pycrucible / raw httpx: {ratio:.2f}x -> {verdict(ratio, TARGET)}; "
            f"median of the per-round ratios {median(per_round):.2f}x "
            f"(range {min(per_round):.2f}-{max(per_round):.2f})"
        )
    report.print()


def main() -> None:
    """Command line: `python -m bench.get_dataset [--rounds N --calls N --api-version V]`."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--rounds", type=int, default=21)
    parser.add_argument("--calls", type=int, default=60)
    parser.add_argument("--api-version", choices=sorted(VERSIONS), default="both")
    args = parser.parse_args()
    run(args.rounds, args.calls, args.api_version)
    write()


if __name__ == "__main__":
    main()
