"""Downloading 200 small files of one dataset: in parallel, one by one, and one call per file.

The files (4 to 64 KiB each) are uploaded once, untimed. Contenders, in this process (the
server runs in its own), each writing into a fresh folder:

* parallel: `client.download_dataset(dsid, output_dir=...)` with the default
  `download_workers` (8 threads over the signed links);
* one by one: the same call with `client.download_workers = 1`;
* one call per file: `client.download_dataset(dsid, file_name=name, ...)` for each file, the
  way scripts written for the older clients fetch files (each call reads the dataset's records
  and fetches the file through the API).

All three verify every file against its recorded SHA-256. Rounds are interleaved in a shuffled
order; the table gives the medians.
"""

from __future__ import annotations

import argparse
import os
import shutil
import time
from collections.abc import Callable
from pathlib import Path

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


def run(rounds: int = 5, count: int = FILES) -> None:
    """Runs the benchmark and prints its table.

    Args:
        rounds: Rounds; each runs every contender once, in a shuffled order.
        count: Number of files.
    """
    with ServerProcess() as server:
        client = CrucibleClient(server.url, server.user_key, state_dir=server.scratch / "state")
        dsid = client.create_dataset(dataset_name="bench many files").unique_id
        files = _make_files(server.scratch / "src", count)
        client.upload_dataset(dsid, files)
        names = [path.name for path in files]
        total = sum(path.stat().st_size for path in files)

        def parallel(out: Path) -> int:
            client.download_workers = 8
            return len(client.download_dataset(dsid, output_dir=out))

        def sequential(out: Path) -> int:
            client.download_workers = 1
            try:
                return len(client.download_dataset(dsid, output_dir=out))
            finally:
                client.download_workers = 8

        def per_file(out: Path) -> int:
            return sum(
                len(client.download_dataset(dsid, file_name=name, output_dir=out)) for name in names
            )

        contenders: dict[str, Callable[[Path], int]] = {
            "parallel (download_dataset, 8 workers)": parallel,
            "one by one (download_workers=1)": sequential,
            "one download_dataset(file_name=...) call per file": per_file,
        }
        labels = list(contenders)
        times: dict[str, list[float]] = {label: [] for label in labels}
        parallel(server.scratch / "warm-up")
        for index in range(rounds):
            for number, label in enumerate(round_order(labels, index)):
                out = server.scratch / f"out-{index}-{number}"
                started = time.perf_counter()
                fetched = contenders[label](out)
                times[label].append(time.perf_counter() - started)
                if fetched != count:
                    raise RuntimeError(f"{label}: {fetched} files, expected {count}")
                shutil.rmtree(out)
        client.close()
    base = median(times[labels[1]])
    report = Report(
        f"download of {count} small files ({total / 1024:.0f} KiB in all) of one dataset "
        f"({rounds} rounds, median)",
        ["contender", "time", "files/s", "vs one by one", "rounds (s)"],
    )
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
    args = parser.parse_args()
    run(args.rounds, args.files)
    write()


if __name__ == "__main__":
    main()
