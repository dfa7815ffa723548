"""Downloading 200 small files of one dataset: in parallel, one by one, and one call per file.

The files (4 to 64 KiB each) are uploaded once, untimed. Contenders, in this process (the
server runs in its own), each writing into a fresh folder:

* parallel: `client.download_dataset(dsid, output_dir=...)` with the default
  `download_workers` (8 threads over the signed links);
* one by one: the same call on a client made with `download_workers=1`;
* one call per file: `client.download_dataset(dsid, file_name=name, ...)` for each file, the
  way scripts written for the older clients fetch files (each call reads the dataset's records
  and fetches the file through the API).

All three verify every file against its recorded SHA-256. Rounds are interleaved in a shuffled
order; the table gives the medians.

On loopback a request costs almost nothing but CPU, and with two cores the client and the
server are each CPU-bound, so threads have little to hide. The second table adds 20 ms to every
request (a `delay` fault through the server's `/_control/faults`), the order of a round trip to
a remote server or a cloud store, which is what parallel downloads are for.
"""

from __future__ import annotations

import argparse
import os
import shutil
import time
from collections.abc import Callable
from pathlib import Path

import httpx

from bench._harness import Report, ServerProcess, median, round_order, write
from pycrucible import CrucibleClient

FILES = 200


def _make_files(folder: Path, count: int) -> list[Path]:
    folder.mkdir(parents=True)
    block = os.urandom(64 * 1024)
    paths = []
    for index in range(count):
        size = 4096 + (index * 7919) % (60 * 1024)
        path = folder / f"frame_{index:04d}.bin"
        path.write_bytes(index.to_bytes(4, "little") + block[: size - 4])
        paths.append(path)
    return paths


def _add_latency(server: ServerProcess, seconds: float) -> None:
    """Delays every API and storage request by `seconds` (a fault rule until the server stops)."""
    rule = {"kind": "delay", "seconds": seconds, "times": None}
    headers = {"Authorization": f"Bearer {server.admin_key}"}
    httpx.post(f"{server.url}/_control/faults", json=rule, headers=headers).raise_for_status()


def run(
    rounds: int = 5, count: int = FILES, latency: float = 0.02, latency_rounds: int = 3
) -> None:
    """Runs the benchmark and prints its tables.

    Args:
        rounds: Rounds on plain loopback; each runs every contender once, in a shuffled order.
        count: Number of files.
        latency: Seconds added to every request for the second table.
        latency_rounds: Rounds with the added latency.
    """
    with ServerProcess() as server:
        client = CrucibleClient(server.url, server.user_key, state_dir=server.scratch / "state")
        one_by_one = CrucibleClient(
            server.url, server.user_key, state_dir=server.scratch / "state", download_workers=1
        )
        dsid = client.create_dataset(dataset_name="bench many files").unique_id
        files = _make_files(server.scratch / "src", count)
        client.upload_dataset(dsid, files)
        names = [path.name for path in files]
        total = sum(path.stat().st_size for path in files)

        def parallel(out: Path) -> int:
            return len(client.download_dataset(dsid, output_dir=out))

        def sequential(out: Path) -> int:
            return len(one_by_one.download_dataset(dsid, output_dir=out))

        def per_file(out: Path) -> int:
            return sum(
                len(client.download_dataset(dsid, file_name=name, output_dir=out)) for name in names
            )

        contenders: dict[str, Callable[[Path], int]] = {
            "parallel (download_dataset, 8 workers)": parallel,
            "one by one (download_workers=1)": sequential,
            "one download_dataset(file_name=...) call per file": per_file,
        }
        parallel(server.scratch / "warm-up")
        times = _rounds(contenders, rounds, count, server.scratch / "loopback")
        _add_latency(server, latency)
        slow = _rounds(contenders, latency_rounds, count, server.scratch / "latency")
        client.close()
        one_by_one.close()
    size = f"{count} small files ({total / 1024:.0f} KiB in all) of one dataset"
    _report(f"download of {size}, loopback ({rounds} rounds, median)", times, count)
    _report(
        f"download of {size}, {latency * 1000:.0f} ms added to every request "
        f"({latency_rounds} rounds, median)",
        slow,
        count,
    )


def _rounds(
    contenders: dict[str, Callable[[Path], int]], rounds: int, count: int, scratch: Path
) -> dict[str, list[float]]:
    labels = list(contenders)
    times: dict[str, list[float]] = {label: [] for label in labels}
    for index in range(rounds):
        for number, label in enumerate(round_order(labels, index)):
            out = scratch / f"out-{index}-{number}"
            started = time.perf_counter()
            fetched = contenders[label](out)
            times[label].append(time.perf_counter() - started)
            if fetched != count:
                raise RuntimeError(f"{label}: {fetched} files, expected {count}")
            shutil.rmtree(out)
    return times


def _report(title: str, times: dict[str, list[float]], count: int) -> None:
    labels = list(times)
    base = median(times[labels[1]])
    report = Report(title, ["contender", "time", "files/s", "vs one by one", "rounds (s)"])
    for label in labels:
        seconds = median(times[label])
        report.add(
            label,
            f"{seconds:.2f} s",
            f"{count / seconds:.0f}",
            f"{seconds / base:.2f}x",
            " ".join(f"{value:.2f}" for value in times[label]),
        )
    report.note(f"speed-up of parallel over one by one: {base / median(times[labels[0]]):.2f}x")
    report.print()


def main() -> None:
    """Command line: `python -m bench.many_files [--rounds N --files N]`."""
    parser = argparse.ArgumentParser(description="many small files benchmark")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--files", type=int, default=FILES)
    parser.add_argument("--latency-ms", type=float, default=20.0)
    parser.add_argument("--latency-rounds", type=int, default=3)
    args = parser.parse_args()
    run(args.rounds, args.files, args.latency_ms / 1000, args.latency_rounds)
    write()


if __name__ == "__main__":
    main()
