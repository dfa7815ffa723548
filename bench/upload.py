"""Uploading a 1 GiB file: peak memory over the process baseline, and time against raw httpx.

Contenders, each in its own child process (imports and client creation happen before the peak
RSS is reset), each uploading the same file to a fresh dataset:

* pycrucible: `client.upload_dataset(dsid, path)`, which takes the resumable path for files of
  100 MiB or more: a SHA-256 pass over the file, `initiate`, 16 MiB chunk PUTs to the keyless
  upload URI, `complete` (the server checks the SHA-256 before recording the file);
* raw httpx PUT: one streamed `PUT` of the open file to a resumable URI opened beforehand
  (untimed), `Content-Range: bytes 0-N/N`: the same server route and bytes, in one request,
  with no hashing and no verification. This is the reference of the target;
* raw httpx, the protocol by hand: what pycrucible does, written directly (a SHA-256 pass,
  `initiate`, the whole file in one streamed PUT, `complete`), to show the cost of verification
  apart from the client's own;
* raw httpx multipart: one streamed multipart `POST /datasets/{dsid}/upload` of the open file
  (the server hashes while storing; the client checks nothing);
* pycrucible multipart: `upload_dataset` with the resumable threshold raised above the file's
  size: the same request as raw multipart, plus the client's SHA-256 while streaming and one
  `list_associated_files` call to compare it with the server's record.

Rounds are interleaved (every contender once per round, in a shuffled order); the table gives
the medians. After each contender its stored file and any partial upload are deleted from the
server's data directory and the page cache is flushed (`os.sync`), so no contender pays for
another's disk writeback.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import time
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


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(4 * MIB):
            digest.update(block)
    return digest.hexdigest()


# -- child processes ----------------------------------------------------------------------------


def pycrucible_upload(
    url: str, key: str, dsid: str, path: str, state_dir: str, threshold: int | None = None
) -> dict[str, Any]:
    """Child: uploads with `CrucibleClient.upload_dataset` (resumable unless `threshold`)."""
    from pycrucible import CrucibleClient

    with CrucibleClient(url, key, state_dir=state_dir, resumable_threshold=threshold) as client:
        results: list[Any] = []
        figures = measured(lambda: results.extend(client.upload_dataset(dsid, path)))
        return {**figures, "method": results[0].method}


def raw_put(url: str, key: str, dsid: str, path: str, sha256: str) -> dict[str, Any]:
    """Child: one streamed httpx PUT of the whole file to a resumable URI opened beforehand."""
    import httpx

    file = Path(path)
    size = file.stat().st_size
    with httpx.Client(headers={"Authorization": f"Bearer {key}"}, timeout=300) as api:
        session = api.post(
            f"{url}/datasets/{dsid}/upload/initiate",
            json={"filename": file.name, "size": size, "sha256_hash": sha256},
        )
        session.raise_for_status()
        uri = session.json()["resumable_uri"]
    with httpx.Client(timeout=300) as storage:
        headers = {
            "Content-Range": f"bytes 0-{size - 1}/{size}",
            "Content-Length": str(size),
            "Content-Type": "application/octet-stream",
        }
        answers: list[int] = []

        def send() -> None:
            with file.open("rb") as handle:
                answers.append(storage.put(uri, content=handle, headers=headers).status_code)

        figures = measured(send)
    return {**figures, "status": answers[0]}


def raw_protocol(url: str, key: str, dsid: str, path: str) -> dict[str, Any]:
    """Child: the resumable protocol by hand: hash, initiate, one streamed PUT, complete."""
    import httpx

    file = Path(path)
    size = file.stat().st_size
    answers: list[int] = []
    with (
        httpx.Client(headers={"Authorization": f"Bearer {key}"}, timeout=300) as api,
        httpx.Client(timeout=300) as storage,
    ):

        def send() -> None:
            sha256 = _sha256(file)
            session = api.post(
                f"{url}/datasets/{dsid}/upload/initiate",
                json={"filename": file.name, "size": size, "sha256_hash": sha256},
            )
            session.raise_for_status()
            body = session.json()
            headers = {
                "Content-Range": f"bytes 0-{size - 1}/{size}",
                "Content-Length": str(size),
                "Content-Type": "application/octet-stream",
            }
            with file.open("rb") as handle:
                storage.put(body["resumable_uri"], content=handle, headers=headers)
            done = api.post(
                f"{url}/datasets/{dsid}/upload/complete",
                json={"upload_id": body["upload_id"], "sha256_hash": sha256},
            )
            answers.append(done.status_code)

        figures = measured(send)
    return {**figures, "status": answers[0]}


def raw_multipart(url: str, key: str, dsid: str, path: str) -> dict[str, Any]:
    """Child: one streamed httpx multipart POST of the file to `/datasets/{dsid}/upload`."""
    import httpx

    file = Path(path)
    with httpx.Client(headers={"Authorization": f"Bearer {key}"}, timeout=300) as api:
        answers: list[int] = []

        def send() -> None:
            with file.open("rb") as handle:
                part = (file.name, handle, "application/octet-stream")
                answer = api.post(f"{url}/datasets/{dsid}/upload", files={"files": part})
                answers.append(answer.status_code)

        figures = measured(send)
    return {**figures, "status": answers[0]}


# -- the benchmark --------------------------------------------------------------------------------


def run(rounds: int = 5, size: int = GIB) -> None:
    """Runs the benchmark and prints its table.

    Args:
        rounds: Rounds; each runs every contender once, in a shuffled order.
        size: File size in bytes (1 GiB by default).
    """
    from pycrucible import CrucibleClient

    with ServerProcess() as server:
        path = make_file(server.scratch / "upload.bin", size)
        os.sync()
        started = time.perf_counter()
        sha256 = _sha256(path)
        hash_seconds = time.perf_counter() - started
        common = {"url": server.url, "key": server.user_key, "path": str(path)}
        contenders: dict[str, tuple[str, dict[str, Any]]] = {
            "pycrucible upload_dataset (resumable)": ("upload:pycrucible_upload", {}),
            "raw httpx streamed PUT (one request)": ("upload:raw_put", {"sha256": sha256}),
            "raw httpx, protocol by hand (hash, PUT, complete)": ("upload:raw_protocol", {}),
            "raw httpx streamed multipart POST": ("upload:raw_multipart", {}),
            "pycrucible upload_dataset (multipart)": (
                "upload:pycrucible_upload",
                {"threshold": size + 1},
            ),
        }
        names = list(contenders)
        results: dict[str, list[dict[str, Any]]] = {name: [] for name in names}
        with CrucibleClient(server.url, server.user_key, state_dir=server.scratch) as setup:
            for index in range(rounds):
                for name in round_order(names, index):
                    function, extra = contenders[name]
                    dsid = setup.create_dataset(dataset_name=f"bench upload {index}").unique_id
                    arguments = {**common, **extra, "dsid": dsid}
                    if function.endswith("pycrucible_upload"):
                        arguments["state_dir"] = str(server.scratch / f"state-{dsid}")
                    results[name].append(run_child(function, **arguments))
                    server.discard_files(dsid)
    _report(results, rounds, size, hash_seconds)


def _report(
    results: dict[str, list[dict[str, Any]]], rounds: int, size: int, hash_seconds: float
) -> None:
    names = list(results)
    reference = median([r["seconds"] for r in results[names[1]]])
    multipart = median([r["seconds"] for r in results[names[3]]])
    report = Report(
        f"upload of a {size // MIB} MiB file ({rounds} rounds, median; each in its own process)",
        [
            "contender",
            "time",
            "MiB/s",
            "vs raw PUT",
            "vs raw multipart",
            "peak RSS over baseline",
            "rounds (s)",
        ],
    )
    for name in names:
        seconds = median([r["seconds"] for r in results[name]])
        peak = max(r["peak_over_baseline"] for r in results[name])
        report.add(
            name,
            f"{seconds:.2f} s",
            f"{size / MIB / seconds:.0f}",
            f"{seconds / reference:.2f}x",
            f"{seconds / multipart:.2f}x",
            human_bytes(peak),
            " ".join(f"{r['seconds']:.2f}" for r in results[name]),
        )
    ours = median([r["seconds"] for r in results[names[0]]])
    ours_peak = max(r["peak_over_baseline"] for r in results[names[0]])
    ratio = ours / reference
    report.note(
        f"time, pycrucible (resumable) / raw PUT: {ratio:.2f}x -> {verdict(ratio, TIME_TARGET)}"
    )
    by_hand = median([r["seconds"] for r in results[names[2]]])
    report.note(f"time, pycrucible (resumable) / the protocol by hand: {ours / by_hand:.2f}x")
    mp_ratio = median([r["seconds"] for r in results[names[4]]]) / multipart
    report.note(
        f"time, pycrucible (multipart) / raw multipart: {mp_ratio:.2f}x -> "
        f"{verdict(mp_ratio, TIME_TARGET)}"
    )
    report.note(
        f"for scale: one SHA-256 pass over the file takes {hash_seconds:.2f} s here; a verified "
        "resumable upload adds one before `initiate` (the contract asks for the hash up front); "
        "the server hashes while receiving, for every contender alike"
    )
    status = "met" if ours_peak < MEMORY_TARGET else "MISSED"
    report.note(
        f"peak RSS over baseline (largest of the rounds), pycrucible resumable: "
        f"{human_bytes(ours_peak)} -> {status} (target < {human_bytes(MEMORY_TARGET)})"
    )
    report.print()


def main() -> None:
    """Command line: `python -m bench.upload [--rounds N --size-mib N]`."""
    parser = argparse.ArgumentParser(description="upload benchmark")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--size-mib", type=int, default=1024)
    args = parser.parse_args()
    run(args.rounds, args.size_mib * MIB)
    write()


if __name__ == "__main__":
    main()
