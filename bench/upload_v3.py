"""The local server's memory during a 1 GiB signed multipart upload on API v3.

The server runs in its own process (``python -m pycrucible.testing``, contract checks on). This
process uploads one file the way API v3 clients do: initiate, sign the parts (64 MiB, the
server's default), PUT them to the storage stand-in from 8 threads (each part streamed from the
file, never held whole), complete with the whole-file SHA-256 and CRC32C. Meanwhile a thread
samples the server's resident memory from ``/proc/<pid>/status``; the server's peak (VmHWM) is
reset just before the upload by writing ``5`` to its ``/proc/<pid>/clear_refs``.

Reported: the server's RSS before the upload, its peak during it, the extra (peak - before;
target < 64 MiB), and the time of the parts and of the completion (which reads the parts once
to assemble and hash them).
"""

from __future__ import annotations

import argparse
import hashlib
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx

from bench._harness import MIB, Report, ServerProcess, human_bytes, make_file
from pycrucible.testing._crc32c import Crc32c, crc32c_b64
from pycrucible.testing.v3.ids import mint_mfid

GIB = 1024 * MIB
TARGET_EXTRA = 64 * MIB
READ = 4 * MIB


def _rss(pid: int) -> tuple[int, int]:
    """Current and peak resident memory of a process, in bytes."""
    values = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, rest = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            values[key] = int(rest.split()[0]) * 1024
    return values["VmRSS"], values["VmHWM"]


def _checksums(path: Path, part_size: int) -> tuple[str, str, list[str]]:
    sha, whole, parts = hashlib.sha256(), Crc32c(), []
    with path.open("rb") as source:
        while True:
            part = Crc32c()
            left = part_size
            while left:
                chunk = source.read(min(READ, left))
                if not chunk:
                    break
                sha.update(chunk)
                whole.update(chunk)
                part.update(chunk)
                left -= len(chunk)
            if left == part_size:
                break
            parts.append(part.b64())
    return sha.hexdigest(), whole.b64(), parts


def _slice(path: Path, offset: int, size: int) -> Iterator[bytes]:
    with path.open("rb") as source:
        source.seek(offset)
        while size:
            chunk = source.read(min(READ, size))
            if not chunk:
                return
            size -= len(chunk)
            yield chunk


def run(size: int) -> dict[str, Any]:
    """Upload ``size`` bytes once and measure the server; return the figures."""
    with ServerProcess() as server:
        pid = server.pid
        path = make_file(server.scratch / "big.bin", size)
        api = httpx.Client(
            base_url=server.url + "/api/v3",
            headers={"Authorization": f"Bearer {server.user_key}"},
            timeout=600,
        )
        made = api.post("/datasets", json={"unique_id": mint_mfid(), "dataset_name": "bench"})
        made.raise_for_status()
        dataset = made.json()["unique_id"]
        # Checksums come from a first pass over the file (as clients do before initiating).
        sha, whole_crc, part_crcs = _checksums(path, 64 * MIB)
        body = {"filename": "big.bin", "size": size, "sha256_hash": sha}
        session = api.post(f"/datasets/{dataset}/upload/multipart/initiate", json=body).json()
        if session["part_size"] != 64 * MIB:  # the server chose another part size
            _, _, part_crcs = _checksums(path, session["part_size"])
        signed: list[dict[str, Any]] = []
        for start in range(0, len(part_crcs), 32):
            batch = [
                {"part_number": n + 1, "crc32c": crc}
                for n, crc in enumerate(part_crcs[start : start + 32], start)
            ]
            answer = api.post(
                f"/datasets/{dataset}/upload/multipart/{session['upload_id']}/parts",
                json={"parts": batch},
            )
            answer.raise_for_status()
            signed.extend(answer.json()["parts"])
        before, _ = _rss(pid)
        Path(f"/proc/{pid}/clear_refs").write_text("5")
        samples: list[int] = []
        stop = threading.Event()

        def sample() -> None:
            while not stop.is_set():
                samples.append(_rss(pid)[0])
                time.sleep(0.02)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        storage = httpx.Client(timeout=600)

        def put(part: dict[str, Any]) -> int:
            headers = {**part["headers"], "Content-Length": str(part["size"])}
            content = _slice(path, part["offset"], part["size"])
            return storage.put(part["url"], content=content, headers=headers).status_code

        started = time.monotonic()
        with ThreadPoolExecutor(8) as pool:
            statuses = list(pool.map(put, signed))
        parts_done = time.monotonic()
        done = api.post(
            f"/datasets/{dataset}/upload/multipart/complete",
            json={"upload_id": session["upload_id"], "sha256_hash": sha, "crc32c": whole_crc},
        )
        finished = time.monotonic()
        stop.set()
        sampler.join()
        _, peak = _rss(pid)
        storage.close()
        api.close()
        if statuses != [200] * len(signed) or done.status_code != 200:
            raise RuntimeError(f"upload failed: {statuses} {done.status_code} {done.text[:300]}")
        if done.json()["sha256_hash"] != sha:
            raise RuntimeError("the stored file's SHA-256 differs")
        peak = max(peak, *samples)
        return {
            "before": before,
            "peak": peak,
            "extra": peak - before,
            "parts_seconds": parts_done - started,
            "complete_seconds": finished - parts_done,
            "parts": len(signed),
        }


def main() -> None:
    """Run once and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mib", type=int, default=1024, help="file size (default 1024)")
    size = parser.parse_args().size_mib * MIB
    assert crc32c_b64(b"123456789") == "4waSgw=="  # the checksum library works
    figures = run(size)
    report = Report(
        f"API v3 signed multipart upload of {human_bytes(size)}: server memory",
        ["server RSS before", "server peak", "extra", "target", "parts PUT", "complete"],
    )
    report.add(
        human_bytes(figures["before"]),
        human_bytes(figures["peak"]),
        human_bytes(figures["extra"]),
        f"< {human_bytes(TARGET_EXTRA)} ({'met' if figures['extra'] < TARGET_EXTRA else 'MISSED'})",
        f"{figures['parts']} parts in {figures['parts_seconds']:.1f} s",
        f"{figures['complete_seconds']:.1f} s",
    )
    report.note("One run on a shared 2-core machine; times vary with the load, memory much less.")
    report.print()


if __name__ == "__main__":
    main()
