"""Listing 10,000 datasets: with lazy pages the memory stays flat however many there are.

Setup (untimed): ten datasets made over HTTP, the rest copies of their rows written into the
server's database (see `_make_datasets`).

Contenders on API v3, each in its own child process (imports, the client, its connection and a
first one-record request happen before the baseline RSS is taken):

* pycrucible, lazy: `for ds in client.v3.datasets.list(page_size=1000)`: keyset pages fetched
  as the loop reaches them, each page's records let go as the loop moves on, each record read
  as `ds.unique_id`. This is the measured target;
* the same for the first half only (`limit=5000`). When memory is flat, listing twice as many
  records does not raise the peak: the two peaks are about the same;
* pycrucible, every record kept (`.to_list()`): what the memory would be without laziness;
* pycrucible, lazy, each record read through the dict view (`ds["unique_id"]`, as the seed
  README's code reads records) instead of the typed attribute (`ds.unique_id`);
* raw httpx keyset loop: `GET /api/v3/datasets?limit=1000&cursor=...` and `.json()`, plain
  dicts, nothing checked (the time reference), for all of them and for the first half: what
  the process's memory does when nothing but the JSON pages passes through it.

With `--api-version v1` (or `both`) the seed-era call runs too: `client.list_datasets(limit=None)`
(the seed-era API answers one array holding every dataset; it has no pages).

Reported, as medians over the rounds: wall time, the RSS growth from before to after the listing,
and the peak RSS over the baseline.
"""

from __future__ import annotations

import argparse
from typing import Any

from bench._harness import (
    Report,
    ServerProcess,
    human_bytes,
    measured,
    median,
    memory_status,
    round_order,
    run_child,
    write,
)

COUNT = 10_000
PAGE_SIZE = 1000
FLAT = 1.25  # listing twice as many may raise the lazy peak by at most this factor
VERSIONS = {"v1": ("v1",), "v3": ("v3",), "both": ("v1", "v3")}


def _listing(operation: Any) -> dict[str, Any]:
    """Runs `operation` (which returns how many records it saw) under `measured`."""
    seen: list[int] = []
    figures = measured(lambda: seen.append(operation()))
    after, _ = memory_status()
    return {**figures, "after_over_baseline": max(0.0, after - figures["baseline"]), "n": seen[0]}


def pycrucible_v3(
    url: str, key: str, state_dir: str, mode: str, limit: int | None, page_size: int
) -> dict[str, Any]:
    """Child: lists the datasets on API v3 with pycrucible, lazily or keeping every record."""
    from pycrucible import CrucibleClient

    with CrucibleClient(url, key, api_version="v3", state_dir=state_dir) as client:
        next(iter(client.v3.datasets.list(limit=1)))  # imports, connection, first parse

        def lazy() -> int:
            count = 0
            for dataset in client.v3.datasets.list(limit=limit, page_size=page_size):
                count += bool(dataset.unique_id)
            return count

        def lazy_dict_view() -> int:
            count = 0
            for dataset in client.v3.datasets.list(limit=limit, page_size=page_size):
                count += bool(dataset["unique_id"])
            return count

        def kept() -> int:
            return len(client.v3.datasets.list(limit=limit, page_size=page_size).to_list())

        modes = {"lazy": lazy, "lazy_dict_view": lazy_dict_view, "kept": kept}
        return _listing(modes[mode])


def raw_v3(url: str, key: str, page_size: int, limit: int | None = None) -> dict[str, Any]:
    """Child: the same keyset loop by hand with httpx, plain dicts (stops after `limit`)."""
    import httpx

    with httpx.Client(base_url=url, headers={"Authorization": f"Bearer {key}"}) as http:
        http.get("/datasets", params={"limit": 1}).raise_for_status()

        def loop() -> int:
            count, cursor = 0, None
            while True:
                params: dict[str, Any] = {"limit": page_size}
                if cursor is not None:
                    params["cursor"] = cursor
                response = http.get("/datasets", params=params)
                response.raise_for_status()
                page = response.json()
                count += sum(bool(item["unique_id"]) for item in page["items"])
                cursor = page.get("next_cursor")
                if not cursor or (limit is not None and count >= limit):
                    return count

        return _listing(loop)


def pycrucible_v1(url: str, key: str, state_dir: str) -> dict[str, Any]:
    """Child: the seed-era call, one array with every dataset."""
    from pycrucible import CrucibleClient

    with CrucibleClient(url, key, api_version="v1", state_dir=state_dir) as client:
        client.list_datasets(limit=1)
        return _listing(lambda: len(client.list_datasets(limit=None)))


def _make_datasets(server: ServerProcess, version: str, count: int) -> None:
    """Makes `count` datasets of the seed user (untimed setup).

    The first few go through `POST /datasets`; the rest are copies of the first one's row,
    written straight into the server's database in one transaction (on a busy machine ten
    thousand creates over HTTP take many minutes, and creating is not what is measured). The
    listing reports how many records it saw, so rows the server could not serve would show.
    """
    import httpx

    from pycrucible._checks import new_mfid
    from pycrucible.testing._db import Database

    base = f"{server.url}/api/v3" if version == "v3" else server.url
    headers = {"Authorization": f"Bearer {server.user_key}"}
    made = []
    with httpx.Client(base_url=base, headers=headers, timeout=60) as http:
        for index in range(min(count, 10)):
            body = {"unique_id": new_mfid(), "dataset_name": f"bench list {index}"}
            http.post("/datasets", json=body).raise_for_status()
            made.append(body["unique_id"])
    table = "v3_datasets" if version == "v3" else "datasets"
    db = Database(server.data_dir / "crucible.sqlite3")
    try:
        with db.transaction():
            row = db.one(f"SELECT * FROM {table} WHERE unique_id = ?", [made[0]])
            assert row is not None, made[0]
            template = dict(row)
            del template["id"]
            columns = list(template)
            insert = (
                f"INSERT INTO {table} ({', '.join(columns)}) "
                f"VALUES ({', '.join('?' for _ in columns)})"
            )
            for _ in range(count - len(made)):
                template["unique_id"] = new_mfid()
                db.execute(insert, [template[column] for column in columns])
    finally:
        db.close()


def run(
    rounds: int = 3, count: int = COUNT, page_size: int = PAGE_SIZE, api_version: str = "v3"
) -> None:
    """Runs the benchmark and prints its table.

    Args:
        rounds: Rounds; each runs every contender once (in a shuffled order).
        count: Datasets to list.
        page_size: Records per page on API v3 (1 to 1000).
        api_version: `"v3"`, `"v1"` or `"both"`: whose contenders run.
    """
    versions = VERSIONS[api_version]
    with ServerProcess() as server:
        for version in versions:
            _make_datasets(server, version, count)
        url_v3, key, state = f"{server.url}/api/v3", server.user_key, str(server.scratch)
        contenders: dict[str, tuple[str, dict[str, Any]]] = {}
        if "v3" in versions:
            v3 = {"url": url_v3, "key": key, "state_dir": state, "page_size": page_size}
            contenders |= {
                f"pycrucible lazy, all {count}": (
                    "pycrucible_v3",
                    {**v3, "mode": "lazy", "limit": None},
                ),
                f"pycrucible lazy, first {count // 2}": (
                    "pycrucible_v3",
                    {**v3, "mode": "lazy", "limit": count // 2},
                ),
                f"pycrucible lazy, all {count}, ds['unique_id']": (
                    "pycrucible_v3",
                    {**v3, "mode": "lazy_dict_view", "limit": None},
                ),
                f"pycrucible .to_list(), all {count}": (
                    "pycrucible_v3",
                    {**v3, "mode": "kept", "limit": None},
                ),
                "raw httpx keyset loop (dicts)": (
                    "raw_v3",
                    {"url": url_v3, "key": key, "page_size": page_size},
                ),
                f"raw httpx keyset loop, first {count // 2}": (
                    "raw_v3",
                    {"url": url_v3, "key": key, "page_size": page_size, "limit": count // 2},
                ),
            }
        if "v1" in versions:
            contenders["v1: list_datasets(limit=None), one array"] = (
                "pycrucible_v1",
                {"url": server.url, "key": key, "state_dir": state},
            )
        results: dict[str, list[dict[str, Any]]] = {name: [] for name in contenders}
        for index in range(rounds):
            for name in round_order(list(contenders), index):
                function, arguments = contenders[name]
                results[name].append(run_child(f"list_datasets:{function}", **arguments))
    _report(results, rounds, count, page_size)


def _report(
    results: dict[str, list[dict[str, Any]]], rounds: int, count: int, page_size: int
) -> None:
    report = Report(
        f"list_datasets: {count} datasets, pages of {page_size} ({rounds} rounds, median)",
        ["contender", "records", "wall", "RSS after - before", "peak RSS over baseline"],
    )
    for name, runs in results.items():
        counts = {int(r["n"]) for r in runs}
        report.add(
            name,
            "/".join(str(n) for n in sorted(counts)),
            f"{median([r['seconds'] for r in runs]):.2f} s",
            human_bytes(median([r["after_over_baseline"] for r in runs])),
            human_bytes(median([r["peak_over_baseline"] for r in runs])),
        )
    lazy = results.get(f"pycrucible lazy, all {count}")
    half = results.get(f"pycrucible lazy, first {count // 2}")
    kept = results.get(f"pycrucible .to_list(), all {count}")
    raw = results.get("raw httpx keyset loop (dicts)")
    if lazy and half and kept and raw:
        peak = median([r["peak_over_baseline"] for r in lazy])
        half_peak = median([r["peak_over_baseline"] for r in half])
        kept_peak = median([r["peak_over_baseline"] for r in kept])
        ratio = peak / max(half_peak, 1.0)
        flat = "flat" if ratio <= FLAT else "NOT flat"
        report.note(
            f"lazy peak for all {count} / for the first {count // 2}: {ratio:.2f}x -> {flat} "
            f"(target <= {FLAT:.2f}x)"
        )
        extra = max(0.0, peak - half_peak) / (count - count // 2)
        raw_half = results.get(f"raw httpx keyset loop, first {count // 2}") or raw
        raw_extra = max(
            0.0,
            median([r["peak_over_baseline"] for r in raw])
            - median([r["peak_over_baseline"] for r in raw_half]),
        ) / (count - count // 2)
        report.note(
            f"peak growth per record past the first half: pycrucible lazy {extra:.0f} B, raw "
            f"httpx loop {raw_extra:.0f} B; every record kept in a list: {kept_peak / count:.0f} B"
        )
        time_ratio = median([r["seconds"] for r in lazy]) / median([r["seconds"] for r in raw])
        report.note(f"pycrucible lazy / raw httpx keyset loop, wall: {time_ratio:.2f}x")
    report.print()


def main() -> None:
    """Command line: `python -m bench.list_datasets [--rounds N --count N --api-version V]`."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--count", type=int, default=COUNT)
    parser.add_argument("--page-size", type=int, default=PAGE_SIZE)
    parser.add_argument("--api-version", choices=sorted(VERSIONS), default="v3")
    args = parser.parse_args()
    run(args.rounds, args.count, args.page_size, args.api_version)
    write()


if __name__ == "__main__":
    main()
