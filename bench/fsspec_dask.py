"""`crucible://` reads: a small part of a large file by range, and many files on Dask workers.

The server runs in its own process (API v3, files uploaded and ingested once, untimed).

* Range versus download: reading 1% of a 1 GiB file as 16 ranges spread over it
  (`CrucibleFileSystem.cat_ranges`) against downloading the whole file, verified
  (`CrucibleFileSystem.get`). Reported: time and bytes that came from storage.
* Many files: 64 files of 4 MiB read whole (and hashed) through the filesystem, one after the
  other in this process, against the same reads spread over a `dask.distributed.LocalCluster`
  of 2 worker processes (1 thread each; started before timing). The workers take the URL and
  key from their environment. A second table adds 50 ms to every storage request (a `delay`
  fault of the server), the wait of a store across a network, which is what workers hide.

Rounds alternate the contenders; the tables give the medians and the ratios.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

import httpx

from bench._harness import MIB, Report, ServerProcess, make_file, median, round_order, write
from pycrucible import CrucibleClient

RANGES = 16


def _dataset(client: CrucibleClient, files: list[Path]) -> str:
    dsid = client.v3.datasets.create("bench fsspec").unique_id
    client.v3.files.upload(dsid, files)
    client.v3.processing.request_ingestion(dsid, wait_for_response=True)
    return dsid


def _timed(rounds: int, contenders: dict[str, Callable[[], int]]) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {label: [] for label in contenders}
    for index in range(rounds):
        for label in round_order(list(contenders), index):
            started = time.perf_counter()
            contenders[label]()
            times[label].append(time.perf_counter() - started)
    return times


def read_whole(fs: object, path: str) -> int:
    """Reads one file through the filesystem and hashes it; returns its size (a Dask task)."""
    with fs.open(path, block_size=4 * MIB) as handle:  # type: ignore[attr-defined]
        data = handle.read()
    hashlib.sha256(data).digest()
    return len(data)


def range_versus_download(server: ServerProcess, size_mib: int, rounds: int) -> None:
    """Prints the table of the range reads against the whole download."""
    from pycrucible.fs import CrucibleFileSystem

    url = server.url + "/api/v3"
    client = CrucibleClient(url, server.user_key, api_version="v3", max_retries=50)
    big = make_file(server.scratch / "big.bin", size_mib * MIB)
    dsid = _dataset(client, [big])
    fs = CrucibleFileSystem(url, api_key=server.user_key, api_version="v3")
    path = f"{dsid}/big.bin"
    size = fs.info(path)["size"]
    piece = size // 100 // RANGES
    starts = [index * (size // RANGES) for index in range(RANGES)]
    target = server.scratch / "downloaded.bin"

    def ranges() -> int:
        got = fs.cat_ranges([path] * RANGES, starts, [s + piece for s in starts])
        return sum(len(part) for part in got)

    def download() -> int:
        fs.get(path, str(target))
        moved = target.stat().st_size
        target.unlink()
        return moved

    moved = {"1% by 16 ranges (cat_ranges)": ranges(), "whole file, verified (get)": download()}
    times = _timed(rounds, {label: fn for label, fn in zip(moved, (ranges, download), strict=True)})
    labels = list(moved)
    base = median(times[labels[1]])
    report = Report(
        f"reading 1% of a {size_mib} MiB file ({rounds} rounds, median)",
        ["contender", "time", "bytes from storage", "vs download"],
    )
    for label in labels:
        seconds = median(times[label])
        report.add(label, f"{seconds:.3f} s", f"{moved[label]:,}", f"{seconds / base:.3f}x")
    fast = median(times[labels[0]])
    report.note(f"download / ranges: {base / fast:.1f}x the time")
    report.note(f"download / ranges: {moved[labels[1]] / moved[labels[0]]:.0f}x the bytes")
    report.print()
    fs.close()
    client.close()


def many_files_on_dask(
    server: ServerProcess, count: int, size_mib: int, rounds: int, latency: float
) -> None:
    """Prints the tables of one process against 2 Dask worker processes (loopback, then with
    `latency` seconds added to every storage request)."""
    import cloudpickle
    import distributed

    from pycrucible.fs import CrucibleFileSystem

    url = server.url + "/api/v3"
    client = CrucibleClient(url, server.user_key, api_version="v3", max_retries=50)
    folder = server.scratch / "many"
    folder.mkdir()
    files = [make_file(folder / f"f{index:03d}.bin", size_mib * MIB) for index in range(count)]
    dsid = _dataset(client, files)
    env = {"CRUCIBLE_API_URL": url, "CRUCIBLE_API_KEY": server.user_key}
    os.environ.update(env)  # this process reads with the same settings as the workers
    fs = CrucibleFileSystem(api_version="v3")
    paths = fs.glob(f"{dsid}/*.bin")
    cloudpickle.register_pickle_by_value(sys.modules[__name__])
    with (
        distributed.LocalCluster(  # type: ignore[no-untyped-call]
            n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None, env=env
        ) as cluster,
        distributed.Client(cluster) as dask,  # type: ignore[no-untyped-call]
    ):

        def one_process() -> int:
            return sum(read_whole(fs, path) for path in paths)

        def two_workers() -> int:
            return sum(dask.gather(dask.map(read_whole, [fs] * len(paths), paths, pure=False)))

        contenders = {"one process": one_process, "2 Dask workers": two_workers}
        two_workers()  # warm-up: the workers import pycrucible and open their connections
        plain = _timed(rounds, contenders)
        _storage_latency(server, latency)
        slow = _timed(rounds, contenders)
    what = f"reading {count} files of {size_mib} MiB"
    _dask_report(f"{what}, loopback ({rounds} rounds, median)", plain, count * size_mib)
    _dask_report(
        f"{what}, {latency * 1000:.0f} ms added to every storage request ({rounds} rounds, median)",
        slow,
        count * size_mib,
    )
    fs.close()
    client.close()


def _storage_latency(server: ServerProcess, seconds: float) -> None:
    """Delays every storage request by `seconds`, the wait of a store across a network."""
    rule = {"kind": "delay", "seconds": seconds, "times": None, "path_prefix": "/storage/"}
    headers = {"Authorization": f"Bearer {server.admin_key}"}
    httpx.post(f"{server.url}/_control/faults", json=rule, headers=headers).raise_for_status()


def _dask_report(title: str, times: dict[str, list[float]], mib: int) -> None:
    single, pair = median(times["one process"]), median(times["2 Dask workers"])
    report = Report(title, ["contender", "time", "MiB/s"])
    report.add("one process", f"{single:.2f} s", f"{mib / single:.0f}")
    report.add("2 Dask workers (processes)", f"{pair:.2f} s", f"{mib / pair:.0f}")
    report.note(f"speed-up of 2 workers over one process: {single / pair:.2f}x")
    report.print()


def main() -> None:
    """Command line: `python -m bench.fsspec_dask [--size-mib N --files N --file-mib N]`."""
    parser = argparse.ArgumentParser(description="crucible:// range reads and Dask benchmark")
    parser.add_argument("--size-mib", type=int, default=1024)
    parser.add_argument("--files", type=int, default=64)
    parser.add_argument("--file-mib", type=int, default=4)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--latency-ms", type=float, default=50.0)
    parser.add_argument("--only", choices=["ranges", "dask"], default=None)
    args = parser.parse_args()
    with ServerProcess(worker_delay=0.01) as server:
        if args.only in (None, "ranges"):
            range_versus_download(server, args.size_mib, args.rounds)
        if args.only in (None, "dask"):
            latency = args.latency_ms / 1000
            many_files_on_dask(server, args.files, args.file_mib, args.rounds, latency)
    write()


if __name__ == "__main__":
    main()
