"""API v3 transfer engines: a 1 GiB signed multipart upload and a 1 GiB download.

The server runs in its own process. Each contender runs in a fresh interpreter (`run_child`),
so its peak resident memory is its own:

* `engine_upload`: `pycrucible._transfers.multipart_v3.upload_file_multipart` (8 part workers);
* `raw_upload`: the same protocol written by hand with httpx (one hashing pass, initiate, sign
  in batches of 32, parts streamed from the file by 8 threads, complete);
* `engine_download`: `pycrucible._transfers.downloads_v3.download_file_v3` (streamed into a
  partial file, size and SHA-256 checked, renamed into place).

Reported: wall time, the ratio engine / hand-written (target <= 1.15) and the extra RSS during
each run (target < 64 MiB).
"""

from __future__ import annotations

import argparse
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx

from bench._harness import MIB, Report, ServerProcess, human_bytes, make_file, measured, run_child
from bench.upload_v3 import _checksums, _slice

TARGET_RATIO = 1.15
TARGET_EXTRA = 64 * MIB


def _v3(url: str, key: str) -> tuple[Any, Any]:
    from crucible_openapi.v3 import AuthenticatedClient

    from pycrucible._http import build_clients
    from pycrucible._transport import RetryPolicy

    clients = build_clients(
        url,
        key,
        timeout=httpx.Timeout(600),
        transfer_timeout=httpx.Timeout(600),
        policy=RetryPolicy(),
    )
    api = AuthenticatedClient(base_url=url, token=key)
    api.set_httpx_client(clients.http)
    return api, clients


def engine_upload(url: str, key: str, dataset: str, path: str) -> dict[str, Any]:
    """The engine uploads `path`; returns the measurement."""
    from pycrucible._transfers.multipart_v3 import MultipartSettings, upload_file_multipart

    api, clients = _v3(url, key)
    figures = measured(
        lambda: upload_file_multipart(
            api,
            clients.storage,
            dataset,
            path,
            filename="engine.bin",
            settings=MultipartSettings(workers=8),
        )
    )
    clients.close()
    return figures


def raw_upload(url: str, key: str, dataset: str, path: str) -> dict[str, Any]:
    """The same protocol by hand with httpx; returns the measurement."""
    source = Path(path)

    def upload() -> None:
        with (
            httpx.Client(
                base_url=url, headers={"Authorization": f"Bearer {key}"}, timeout=600
            ) as api,
            httpx.Client(timeout=600) as storage,
        ):
            sha, whole, crcs = _checksums(source, 64 * MIB)
            body = {"filename": "raw.bin", "size": source.stat().st_size, "sha256_hash": sha}
            session = api.post(
                f"/datasets/{dataset}/upload/multipart/initiate",
                json=body,
                headers={"Idempotency-Key": sha[:32]},
            ).json()
            if session["part_size"] != 64 * MIB:
                _, _, crcs = _checksums(source, session["part_size"])
            upload_id = session["upload_id"]

            def put(part: dict[str, Any]) -> None:
                headers = {**part["headers"], "Content-Length": str(part["size"])}
                content = _slice(source, part["offset"], part["size"])
                storage.put(part["url"], content=content, headers=headers).raise_for_status()

            with ThreadPoolExecutor(8) as pool:
                for start in range(0, len(crcs), 32):
                    batch = [
                        {"part_number": n + 1, "crc32c": c}
                        for n, c in enumerate(crcs[start : start + 32], start)
                    ]
                    signed = api.post(
                        f"/datasets/{dataset}/upload/multipart/{upload_id}/parts",
                        json={"parts": batch},
                    )
                    signed.raise_for_status()
                    list(pool.map(put, signed.json()["parts"]))
            done = api.post(
                f"/datasets/{dataset}/upload/multipart/complete",
                json={"upload_id": upload_id, "sha256_hash": sha, "crc32c": whole},
            )
            done.raise_for_status()

    return measured(upload)


def engine_download(url: str, key: str, file_mfid: str, out: str) -> dict[str, Any]:
    """The engine downloads one file; returns the measurement."""
    from pycrucible._transfers.downloads_v3 import download_file_v3

    api, clients = _v3(url, key)
    figures = measured(lambda: download_file_v3(api, clients.storage, file_mfid, out))
    clients.close()
    return figures


def run(size: int) -> None:
    """Runs each contender once and prints the table."""
    with ServerProcess(worker_delay=0.0) as server:
        url = server.url + "/api/v3"
        path = make_file(server.scratch / "big.bin", size)
        # Two datasets, so neither upload is answered by the other's stored content.
        with httpx.Client(
            base_url=url, headers={"Authorization": f"Bearer {server.user_key}"}, timeout=600
        ) as api:
            from pycrucible.testing.v3.ids import mint_mfid

            datasets = []
            for _ in range(2):
                made = api.post("/datasets", json={"unique_id": mint_mfid(), "dataset_name": "b"})
                made.raise_for_status()
                datasets.append(made.json()["unique_id"])
            raw = run_child(
                "transfers_v3:raw_upload",
                url=url,
                key=server.user_key,
                dataset=datasets[0],
                path=str(path),
            )
            engine = run_child(
                "transfers_v3:engine_upload",
                url=url,
                key=server.user_key,
                dataset=datasets[1],
                path=str(path),
            )
            files = api.get(f"/datasets/{datasets[1]}/files").json()
            ingest = api.post(f"/files/{files[0]['mfid']}/ingest").json()
            for _ in range(6000):
                if api.get(f"/ingestion_requests/{ingest['id']}").json()["status"] in (
                    "complete",
                    "completed",
                    "failed",
                ):
                    break
            down = run_child(
                "transfers_v3:engine_download",
                url=url,
                key=server.user_key,
                file_mfid=files[0]["mfid"],
                out=str(server.scratch / "out"),
            )
    ratio = engine["seconds"] / raw["seconds"]
    report = Report(
        f"API v3 transfers of {human_bytes(size)}", ["contender", "time", "extra RSS", "target"]
    )
    report.add(
        "hand-written httpx upload",
        f"{raw['seconds']:.1f} s",
        human_bytes(raw["peak_over_baseline"]),
        "",
    )
    report.add(
        "engine upload",
        f"{engine['seconds']:.1f} s ({ratio:.2f}x)",
        human_bytes(engine["peak_over_baseline"]),
        f"<= {TARGET_RATIO}x, < {human_bytes(TARGET_EXTRA)}",
    )
    report.add(
        "engine download",
        f"{down['seconds']:.1f} s",
        human_bytes(down["peak_over_baseline"]),
        f"< {human_bytes(TARGET_EXTRA)}",
    )
    report.note("One run on a shared 2-core machine; times vary with the load, memory much less.")
    report.print()


def main() -> None:
    """Parses the size and runs."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mib", type=int, default=1024, help="file size (default 1024)")
    run(parser.parse_args().size_mib * MIB)


if __name__ == "__main__":
    main()
