"""The README journey, end to end, against a throw-away local Crucible server.

Used by `scripts/demo` and `crucible demo`; needs the `server` extra. The journey runs against
the local server's API v3 by default, and against its seed-era API with `api_version="v1"`. It
makes the seed README's calls (the flat names, `client.create_dataset(...)`) on both versions.

On API v3 a step whose seed functions this version of the client does not offer there yet is
not run: the step says which functions it waits for, and runs as soon as they exist (it asks
the v3 client, it keeps no list of its own). The journey then still ends well, and says which
steps waited.
"""

from __future__ import annotations

import hashlib
import inspect
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pycrucible import CrucibleClient

__all__ = ["DemoResult", "make_png", "missing_on_v3", "run_demo"]

API_VERSIONS = ("v3", "v1")
INGESTION = ("request_ingestion", "wait_for_request_completion")
SAMPLES = ("add_sample", "add_sample_to_dataset")


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


def missing_on_v3(client: CrucibleClient, *calls: str) -> list[str]:
    """The seed-era calls that the client does not offer on the server's API v3 (yet).

    Args:
        client: The client; on a seed-era server nothing is missing.
        *calls: Flat names (`"add_sample"`), or a name and one keyword argument the call
            needs (`"list_datasets(keyword=)"`).

    Returns:
        The calls, as given, that `client.v3` lacks.
    """
    if client.api_version != "v3":
        return []
    v3_class = type(client.v3)
    missing = []
    for call in calls:
        name, _, argument = call.partition("(")
        function = getattr(v3_class, name, None)
        if function is None:
            missing.append(call)
            continue
        if argument and argument.rstrip("=)") not in inspect.signature(function).parameters:
            missing.append(call)
    return missing


@dataclass
class DemoResult:
    """What a run of the journey did.

    Attributes:
        api_version: The API version it ran against (`"v3"` or `"v1"`).
        ran: The numbers of the steps that ran.
        waiting: Step number -> the seed functions it waits for on API v3.
        seconds: Wall time of the whole journey, server start included.
    """

    api_version: str
    ran: list[int] = field(default_factory=list)
    waiting: dict[int, list[str]] = field(default_factory=dict)
    seconds: float = 0.0


class _Journey:
    """The steps, in order, sharing what earlier steps made."""

    def __init__(self, client: CrucibleClient, work: Path, say: Callable[[str], None]) -> None:
        self.client = client
        self.work = work
        self.say = say
        self.result = DemoResult(client.api_version)
        self.dsid = ""
        self.image = work / "scan_0001.png"
        self.parent: Any = None
        self.child: Any = None

    def step(self, number: int, needs: tuple[str, ...], run: Callable[[], str]) -> None:
        """Runs one step (or reports what it waits for) and says its line."""
        waiting = missing_on_v3(self.client, *needs)
        if waiting:
            self.result.waiting[number] = waiting
            self.say(f"{number}. (waits for {', '.join(waiting)} on API v3: not run)")
            return
        self.say(f"{number}. {run()}")
        self.result.ran.append(number)

    def connect(self) -> str:
        me = self.client.whoami()
        info = me["user_info"]
        version = self.client.api_version
        return f"Connected as {info['first_name']} {info['last_name']} (API {version})"

    def create(self) -> str:
        dataset = self.client.create_dataset(
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
        self.dsid = dataset["unique_id"]
        return f"Created dataset {self.dsid} with scientific metadata and two keywords"

    def upload(self) -> str:
        make_png(self.image)
        self.client.upload_dataset(self.dsid, str(self.image))
        return f"Uploaded {self.image.name} ({self.image.stat().st_size} bytes, sha256 verified)"

    def ingest(self) -> str:
        request = self.client.request_ingestion(self.dsid, ingestor="ImageIngestor")
        result = self.client.wait_for_request_completion(
            self.dsid, request["id"], "ingest", 0.1, timeout=60
        )
        assert result["status"] == "complete", result
        return f"Ingestion request {request['id']} finished: {result['status']}"

    def scicat(self) -> str:
        from pycrucible.errors import UnsupportedByServerError

        try:
            request = self.client.send_to_scicat(self.dsid)
        except UnsupportedByServerError as exc:
            return f"SciCat sync is not part of API v3; the client says so: {exc}"
        done = self.client.wait_for_request_completion(
            self.dsid, request["id"], "scicat", 0.1, timeout=60
        )
        return f"SciCat sync request {request['id']} finished: {done['status']}"

    def samples(self) -> str:
        self.parent = self.client.add_sample(
            sample_name="Bulk Material XYZ", description="Starting material for experiment"
        )
        self.child = self.client.add_sample(
            sample_name="Prepared Section 1",
            description="TEM sample preparation",
            parents=[self.parent],
        )
        self.client.add_sample_to_dataset(self.dsid, self.child["unique_id"])
        return (
            f"Built samples {self.parent['unique_id']} -> {self.child['unique_id']} and linked "
            "the child to the dataset"
        )

    def filters(self) -> str:
        found = list(self.client.list_datasets(keyword="crystal"))
        children = self.client.list_samples(parent_id=self.parent["unique_id"])
        linked = self.client.list_samples(dataset_id=self.dsid)
        child = self.child["unique_id"]
        assert self.dsid in [d["unique_id"] for d in found], found
        assert [s["unique_id"] for s in children] == [child], children
        assert [s["unique_id"] for s in linked] == [child], linked
        return (
            f"Filtered: {len(found)} dataset(s) with keyword 'crystal'; the parent has "
            f"{len(children)} child; the dataset has {len(linked)} sample"
        )

    def read_back(self) -> str:
        metadata = self.client.get_scientific_metadata(self.dsid)
        assert metadata["voltage"] == 200, metadata
        dataset = self.client.get_dataset(self.dsid, include_metadata=True)
        assert dataset["scientific_metadata"] == metadata, dataset
        thumbnails = self.client.get_thumbnails(self.dsid)
        return (
            f"Metadata reads back ({len(metadata)} keys), the same dict with "
            f"get_dataset(include_metadata=True); {len(thumbnails)} thumbnail(s)"
        )

    def download(self) -> str:
        out = self.work / "downloads"
        paths = [Path(p) for p in self.client.download_dataset(self.dsid, output_dir=str(out))]
        downloaded = [p for p in paths if p.name == self.image.name]
        assert downloaded, paths
        assert _sha256(downloaded[0]) == _sha256(self.image), "downloaded bytes differ"
        return f"Downloaded {self.image.name} back; sha256 matches the original"

    def run(self) -> DemoResult:
        """Runs every step in order."""
        self.step(2, ("whoami",), self.connect)
        self.step(3, ("create_dataset",), self.create)
        self.step(4, ("upload_dataset",), self.upload)
        self.step(5, INGESTION, self.ingest)
        self.step(6, ("send_to_scicat",), self.scicat)
        self.step(7, SAMPLES, self.samples)
        self.step(8, ("list_datasets(keyword=)", "list_samples", *SAMPLES), self.filters)
        self.step(9, ("get_scientific_metadata", "get_dataset", "get_thumbnails"), self.read_back)
        # API v3 serves a dataset's files once they are ingested: the download needs step 5.
        needs = ("download_dataset", *(INGESTION if self.result.api_version == "v3" else ()))
        self.step(10, needs, self.download)
        return self.result


def run_demo(say: Callable[[str], None], api_version: str = "v3") -> DemoResult:
    """Runs the journey, reporting each step through `say`.

    Args:
        say: Receives one human-readable line per step.
        api_version: `"v3"` (the local server's API v3) or `"v1"` (its seed-era API).

    Returns:
        Which steps ran and which wait for seed functions on API v3.

    Raises:
        ValueError: An API version other than `"v3"` or `"v1"`.
        AssertionError: A step did not give the expected result (the demo then exits non-zero).
    """
    if api_version not in API_VERSIONS:
        raise ValueError(f"api_version must be one of {API_VERSIONS}, got {api_version!r}")
    from pycrucible import CrucibleClient
    from pycrucible.testing import LocalCrucible

    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="crucible-demo-") as tmp, LocalCrucible() as server:
        url = server.url_v3 if api_version == "v3" else server.url
        say(f"1. Started a local Crucible at {url} (data in {server.data_dir})")
        with CrucibleClient(api_url=url, api_key=server.user_key, api_version=api_version) as c:
            journey = _Journey(c, Path(tmp), say)
            journey.result.ran.append(1)
            result = journey.run()
    result.seconds = time.monotonic() - started
    if not result.waiting:
        say(f"Done in {result.seconds:.1f} s: every step of the journey worked.")
    else:
        names = sorted({name for waiting in result.waiting.values() for name in waiting})
        steps = ", ".join(str(number) for number in result.waiting)
        say(
            f"Done in {result.seconds:.1f} s on API {api_version}: every step that ran worked; "
            f"steps {steps} wait for {', '.join(names)} on API v3 in this version of pycrucible."
        )
    return result
