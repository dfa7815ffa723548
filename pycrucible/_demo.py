"""The README journey, end to end, against a throw-away local Crucible server.

Used by `scripts/demo` and `crucible demo`; needs the `server` extra.
"""

from __future__ import annotations

import hashlib
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

__all__ = ["make_png", "run_demo"]


def make_png(path: Path, size: int = 64) -> Path:
    """Writes a small square PNG (a stand-in for an instrument image).

    Args:
        path: Where to write it; its name picks the colours.
        size: Width and height in pixels.

    Returns:
        The path.
    """
    from pycrucible.testing._files import make_png as png_bytes

    path.write_bytes(png_bytes(path.name.encode(), size))
    return path


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run_demo(say: Callable[[str], None]) -> None:
    """Runs the journey, reporting each step through `say`.

    Args:
        say: Receives one human-readable line per step.

    Raises:
        AssertionError: A step did not give the expected result (the demo then exits non-zero).
    """
    from pycrucible import CrucibleClient
    from pycrucible.testing import LocalCrucible

    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="crucible-demo-") as tmp, LocalCrucible() as server:
        work = Path(tmp)
        say(f"1. Started a local Crucible at {server.url} (data in {server.data_dir})")
        with CrucibleClient(api_url=server.url, api_key=server.user_key) as client:
            me = client.whoami()
            say(f"2. Connected as {me['user_info']['first_name']} {me['user_info']['last_name']}")

            dataset = client.create_dataset(
                dataset_name="My Experiment",
                measurement="XRD",
                public=False,
                scientific_metadata={
                    "temperature": 298.15,
                    "voltage": 200,
                    "sample_preparation": "standard protocol",
                },
                keywords=["crystallography", "materials"],
            )
            dsid = dataset["unique_id"]
            say(f"3. Created dataset {dsid} with scientific metadata and two keywords")

            image = make_png(work / "scan_0001.png")
            client.upload_dataset(dsid, str(image))
            say(f"4. Uploaded {image.name} ({image.stat().st_size} bytes, sha256 verified)")

            request = client.request_ingestion(dsid, ingestor="ImageIngestor")
            result = client.wait_for_request_completion(
                dsid, request["id"], "ingest", 0.1, timeout=60
            )
            say(f"5. Ingestion request {request['id']} finished: {result['status']}")
            assert result["status"] == "complete", result

            scicat = client.send_to_scicat(dsid)
            scicat_done = client.wait_for_request_completion(
                dsid, scicat["id"], "scicat", 0.1, timeout=60
            )
            say(f"6. SciCat sync request {scicat['id']} finished: {scicat_done['status']}")

            parent = client.add_sample(
                sample_name="Bulk Material XYZ", description="Starting material for experiment"
            )
            child = client.add_sample(
                sample_name="Prepared Section 1",
                description="TEM sample preparation",
                parents=[parent],
            )
            client.add_sample_to_dataset(dsid, child["unique_id"])
            say(
                f"7. Built samples {parent['unique_id']} -> {child['unique_id']} and linked the "
                "child to the dataset"
            )

            found = client.list_datasets(keyword="crystal")
            children = client.list_samples(parent_id=parent["unique_id"])
            linked = client.list_samples(dataset_id=dsid)
            assert dsid in [d["unique_id"] for d in found], found
            assert [s["unique_id"] for s in children] == [child["unique_id"]], children
            assert [s["unique_id"] for s in linked] == [child["unique_id"]], linked
            say(
                f"8. Filtered: {len(found)} dataset(s) with keyword 'crystal'; the parent has "
                f"{len(children)} child; the dataset has {len(linked)} sample"
            )

            metadata = client.get_scientific_metadata(dsid)
            assert metadata["voltage"] == 200, metadata
            thumbnails = client.get_thumbnails(dsid)
            say(
                f"9. Metadata reads back ({len(metadata)} keys); ingestion made "
                f"{len(thumbnails)} thumbnail(s)"
            )

            out = work / "downloads"
            paths = client.download_dataset(dsid, file_name=image.name, output_dir=str(out))
            downloaded = Path(paths[0])
            assert _sha256(downloaded) == _sha256(image), "downloaded bytes differ"
            say(f"10. Downloaded {downloaded.name} back; sha256 matches the original")
    say(f"Done in {time.monotonic() - started:.1f} s: every step of the journey worked.")
