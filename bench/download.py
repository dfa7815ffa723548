"""Downloading a 1 GiB file back: peak memory over the process baseline, and time against raw httpx.

The file is uploaded once (untimed). Contenders, each in its own child process (imports and
client creation happen before the peak RSS is reset), each writing into a fresh folder:

* pycrucible: `client.download_dataset(dsid, output_dir=...)`: the dataset's records and signed
  links, then the signed URL streamed (without the key) into `.<name>.part` while hashing,
  `fsync`, the size and SHA-256 checked against the record, and a rename into place;
* raw httpx GET: one streamed GET of the signed URL (fetched beforehand, untimed) into the
  destination file, nothing checked. This is the reference of the target;
* raw httpx, the same guarantees by hand: the same GET, hashing while writing to a temporary
  file, `fsync`, comparing with the known SHA-256 and renaming, to show the cost of verified,
  durable, atomic writes apart from the client's own.

Rounds are interleaved in a shuffled order; after each contender its output is deleted and the
page cache flushed (`os.sync`), so no contender pays for another's disk writeback.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
from pathlib import Path
from typing import Any

from bench._harness import (
    MIB,
    Report,
    ServerProcess,
    human_bytes,
    make_file,
    measured,
    median,
    round_order,
    run_child,
    verdict,
    write,
)

TIME_TARGET = 1.25
MEMORY_TARGET = 64 * MIB
GIB = 1024 * MIB
BLOCK = 64 * 1024


def pycrucible_download(url: str, key: str, dsid: str, out: str, state_dir: str) -> dict[str, Any]:
    """Child: downloads every file of the dataset with `CrucibleClient.download_dataset`."""
    from pycrucible import CrucibleClient

    with CrucibleClient(url, key, state_dir=state_dir) as client:
        paths: list[Path] = []
        figures = measured(lambda: paths.extend(client.download_dataset(dsid, output_dir=out)))
    return {**figures, "size": paths[0].stat().st_size}


def raw_get(link: str, out: str) -> dict[str, Any]:
    """Child: one streamed httpx GET of the signed URL into a file; nothing checked."""
    import httpx

    target = Path(out) / "download.bin"
    Path(out).mkdir(parents=True, exist_ok=True)
    with httpx.Client(timeout=300) as client:

        def fetch() -> None:
            with client.stream("GET", link) as response, target.open("wb") as handle:
                response.raise_for_status()
                for block in response.iter_bytes():
                    handle.write(block)

        figures = measured(fetch)
    return {**figures, "size": target.stat().st_size}


def raw_verified(link: str, out: str, sha256: str) -> dict[str, Any]:
    """Child: the same GET, hashed while written to a temporary file, fsync, check, rename."""
    import httpx

    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    target, part = folder / "download.bin", folder / ".download.bin.part"
    with httpx.Client(timeout=300) as client:

        def fetch() -> None:
            digest = hashlib.sha256()
            with client.stream("GET", link) as response, part.open("wb") as handle:
                response.raise_for_status()
                for block in response.iter_bytes():
                    handle.write(block)
                    digest.update(block)
                handle.flush()
                os.fsync(handle.fileno())
            if digest.hexdigest() != sha256:
                part.unlink()
                raise RuntimeError("checksum mismatch")
            os.replace(part, target)

        figures = measured(fetch)
    return {**figures, "size": target.stat().st_size}


def run(rounds: int = 5, size: int = GIB) -> None:
    """Runs the benchmark and prints its table.

    Args:
        rounds: Rounds; each runs every contender once, in a shuffled order.
        size: File size in bytes (1 GiB by default).
    """
    from pycrucible import CrucibleClient

    with ServerProcess() as server:
        source = make_file(server.scratch / "download.bin", size)
        with CrucibleClient(server.url, server.user_key, state_dir=server.scratch) as setup:
            dsid = setup.create_dataset(dataset_name="bench download").unique_id
            [uploaded] = setup.upload_dataset(dsid, source)
            [link] = setup.get_dataset_download_links(dsid).values()
        source.unlink()
        os.sync()
        contenders: dict[str, tuple[str, dict[str, Any]]] = {
            "pycrucible download_dataset (verified)": (
                "download:pycrucible_download",
                {"url": server.url, "key": server.user_key, "dsid": dsid},
            ),
            "raw httpx streamed GET to a file": ("download:raw_get", {"link": link}),
            "raw httpx GET + SHA-256 + fsync + rename": (
                "download:raw_verified",
                {"link": link, "sha256": uploaded.sha256},
            ),
        }
        names = list(contenders)
        results: dict[str, list[dict[str, Any]]] = {name: [] for name in names}
        for index in range(rounds):
            for number, name in enumerate(round_order(names, index)):
                function, arguments = contenders[name]
                out = server.scratch / f"out-{index}-{number}"
                extra = {"out": str(out)}
                if function.endswith("pycrucible_download"):
                    extra["state_dir"] = str(server.scratch / "state")
                result = run_child(function, **arguments, **extra)
                if result["size"] != size:
                    raise RuntimeError(f"{name}: got {result['size']} bytes, expected {size}")
                results[name].append(result)
                shutil.rmtree(out, ignore_errors=True)
                os.sync()
    _report(results, rounds, size)


def _report(results: dict[str, list[dict[str, Any]]], rounds: int, size: int) -> None:
    names = list(results)
    times = {name: median([r["seconds"] for r in results[name]]) for name in names}
    peaks = {name: max(r["peak_over_baseline"] for r in results[name]) for name in names}
    reference, by_hand = times[names[1]], times[names[2]]
    report = Report(
        f"download of a {size // MIB} MiB file ({rounds} rounds, median; each in its own process)",
        [
            "contender",
            "time",
            "MiB/s",
            "vs raw GET",
            "vs same guarantees by hand",
            "peak RSS over baseline",
            "rounds (s)",
        ],
    )
    for name in names:
        report.add(
            name,
            f"{times[name]:.2f} s",
            f"{size / MIB / times[name]:.0f}",
            f"{times[name] / reference:.2f}x",
            f"{times[name] / by_hand:.2f}x",
            human_bytes(peaks[name]),
            " ".join(f"{r['seconds']:.2f}" for r in results[name]),
        )
    ratio = times[names[0]] / reference
    report.note(f"time, pycrucible / raw GET: {ratio:.2f}x -> {verdict(ratio, TIME_TARGET)}")
    report.note(f"time, pycrucible / the same guarantees by hand: {times[names[0]] / by_hand:.2f}x")
    peak = peaks[names[0]]
    status = "met" if peak < MEMORY_TARGET else "MISSED"
    report.note(
        f"peak RSS over baseline (largest of the rounds), pycrucible: {human_bytes(peak)} -> "
        f"{status} (target < {human_bytes(MEMORY_TARGET)})"
    )
    report.print()


def main() -> None:
    """Command line: `python -m bench.download [--rounds N --size-mib N]`."""
    parser = argparse.ArgumentParser(description="download benchmark")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--size-mib", type=int, default=1024)
    args = parser.parse_args()
    run(args.rounds, args.size_mib * MIB)
    write()


if __name__ == "__main__":
    main()
