"""What the contract check costs per API v3 request: the local server with it on and off.

Two server processes (``python -m pycrucible.testing``), identical but for the check: one with
it on (the default of ``LocalCrucible``), one with ``--no-contract-check``. With the check off,
v3 responses are not validated; v3 requests still are, as the v3 routes read the values the
check converts, so the ratio is the cost of the response check plus nothing else.

Requests, each against both servers with the seed user's key over one reused ``httpx.Client``:

* ``GET /api/v3/datasets/{mfid}``: one record;
* ``GET /api/v3/datasets?limit=100``: a keyset page of 100 records (the largest common answer);
* ``POST /api/v3/datasets``: a create (a fresh MFID each time);
* ``GET /datasets/{dsid}`` (seed-era API, where the check covers requests and responses).

Within a round the two servers take turns call by call in a shuffled order, so they share the
machine's ups and downs; the table gives the median over the rounds of the mean wall time per
call, and the ratio on/off.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

import httpx

from bench._harness import Report, ServerProcess, median, round_order, write
from pycrucible.testing.v3.ids import mint_mfid

SERVERS = ("check on", "check off")
PAGE = 100


def _seed(client: httpx.Client, seed_era: httpx.Client) -> tuple[str, str]:
    """Makes PAGE v3 datasets and one seed-era dataset; returns one MFID of each API."""
    mfid = ""
    for number in range(PAGE):
        mfid = mint_mfid()
        body = {
            "unique_id": mfid,
            "dataset_name": f"bench contract check {number}",
            "measurement": "XRD",
            "session_name": "bench",
            "data_format": "h5",
        }
        response = client.post("/datasets", json=body)
        response.raise_for_status()
    created = seed_era.post("/datasets", json={"dataset_name": "bench contract check"})
    created.raise_for_status()
    return mfid, str(created.json()["unique_id"])


def _requests(server: ServerProcess) -> dict[str, Callable[[], object]]:
    headers = {"Authorization": f"Bearer {server.user_key}"}
    v3 = httpx.Client(base_url=f"{server.url}/api/v3", headers=headers)
    v1 = httpx.Client(base_url=server.url, headers=headers)
    mfid, dsid = _seed(v3, v1)

    def ok(response: httpx.Response) -> object:
        response.raise_for_status()
        return response.json()

    return {
        "v3 GET one dataset": lambda: ok(v3.get(f"/datasets/{mfid}")),
        f"v3 GET page of {PAGE} datasets": lambda: ok(v3.get("/datasets", params={"limit": PAGE})),
        "v3 POST create dataset": lambda: ok(v3.post("/datasets", json={"unique_id": mint_mfid()})),
        "v1 GET one dataset": lambda: ok(v1.get(f"/datasets/{dsid}")),
    }


def run(rounds: int = 15, calls: int = 30) -> None:
    """Runs the benchmark and prints its table.

    Args:
        rounds: Rounds; each makes every request against both servers.
        calls: Calls per request kind and server per round.
    """
    with (
        ServerProcess(contract_check=True) as checked,
        ServerProcess(contract_check=False) as unchecked,
    ):
        per_server = {"check on": _requests(checked), "check off": _requests(unchecked)}
        kinds = list(per_server["check on"])
        for calls_of in per_server.values():  # warm-up: connections, caches, compiled schemas
            for warm in calls_of.values():
                for _ in range(10):
                    warm()
        wall: dict[tuple[str, str], list[float]] = {
            (kind, name): [] for kind in kinds for name in SERVERS
        }
        clock = time.perf_counter
        for index in range(rounds):
            for kind in kinds:
                spent = dict.fromkeys(SERVERS, 0.0)
                for number in range(calls):
                    for name in round_order(SERVERS, index * calls + number):
                        started = clock()
                        per_server[name][kind]()
                        spent[name] += clock() - started
                for name in SERVERS:
                    wall[(kind, name)].append(spent[name] / calls)
    report = Report(
        f"contract check: per-request cost on the local server ({rounds} rounds x {calls} "
        "calls, median)",
        ["request", "check on", "check off", "on / off", "extra per request"],
    )
    for kind in kinds:
        on, off = median(wall[(kind, "check on")]), median(wall[(kind, "check off")])
        report.add(
            kind,
            f"{on * 1e6:.0f} us",
            f"{off * 1e6:.0f} us",
            f"{on / off:.2f}x",
            f"{(on - off) * 1e6:.0f} us",
        )
    report.note("check off: v3 responses unchecked, v3 requests still checked (see above)")
    report.print()


def main() -> None:
    """Command line: `python -m bench.contract_check [--rounds N --calls N]`."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--calls", type=int, default=30)
    args = parser.parse_args()
    run(args.rounds, args.calls)
    write()


if __name__ == "__main__":
    main()
