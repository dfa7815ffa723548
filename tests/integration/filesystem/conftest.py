"""Fixtures of the `crucible://` filesystem tests: one local server, datasets on both versions.

`fill_v3` and `fill_v1` create a dataset of the normal user holding the given files (on API v3
uploaded and ingested, so they have download links) and return its MFID.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

pytest.importorskip("fsspec")

from pycrucible import CrucibleClient
from pycrucible.fs import CrucibleFileSystem
from pycrucible.testing import LocalCrucible

Fill = Callable[[dict[str, bytes]], str]


def fast_sleep(seconds: float) -> None:
    """Waits of the client, shortened: the local workers finish in milliseconds."""
    time.sleep(min(seconds, 0.01))


@pytest.fixture(scope="session")
def server() -> Iterator[LocalCrucible]:
    with LocalCrucible(worker_delay=0.01) as running:
        yield running


@pytest.fixture(autouse=True)
def _no_leftover_faults(server: LocalCrucible) -> Iterator[None]:
    yield
    server.faults.clear()
    CrucibleFileSystem.clear_instance_cache()


@pytest.fixture(scope="session")
def client_v3(server: LocalCrucible, tmp_path_factory: pytest.TempPathFactory) -> CrucibleClient:
    state = tmp_path_factory.mktemp("fs-state-v3")
    return CrucibleClient(
        server.url_v3, server.user_key, api_version="v3", state_dir=state, sleep=fast_sleep
    )


@pytest.fixture(scope="session")
def client_v1(server: LocalCrucible, tmp_path_factory: pytest.TempPathFactory) -> CrucibleClient:
    state = tmp_path_factory.mktemp("fs-state-v1")
    return CrucibleClient(
        server.url, server.user_key, api_version="v1", state_dir=state, sleep=fast_sleep
    )


def _write(folder: Path, files: dict[str, bytes]) -> list[Path]:
    paths = []
    for name, data in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        paths.append(path)
    return paths


@pytest.fixture
def fill_v3(client_v3: CrucibleClient, tmp_path: Path) -> Fill:
    """A new API v3 dataset with these files (names may hold folders), uploaded and ingested."""

    def fill(files: dict[str, bytes]) -> str:
        dsid = client_v3.v3.datasets.create("fsspec test").unique_id
        folder = tmp_path / f"src-{dsid}"
        for path in _write(folder, files):
            uploaded = client_v3.v3.files.upload(dsid, path)
            name = path.relative_to(folder).as_posix()
            if uploaded[0].filename != name:
                client_v3.v3.files.update(uploaded[0].mfid, filename=name)
        client_v3.v3.processing.request_ingestion(dsid, wait_for_response=True)
        return dsid

    return fill


@pytest.fixture
def fill_v1(client_v1: CrucibleClient, tmp_path: Path) -> Fill:
    """A new seed-era dataset with these files (base names only: uploads are flat)."""

    def fill(files: dict[str, bytes]) -> str:
        dsid = client_v1.create_dataset(dataset_name="fsspec test", project_id="LOCAL-DEMO")
        folder = tmp_path / f"src-{dsid.unique_id}"
        client_v1.upload_dataset(dsid.unique_id, _write(folder, files))
        return dsid.unique_id

    return fill


@pytest.fixture
def fs_v3(server: LocalCrucible) -> Iterator[CrucibleFileSystem]:
    fs = CrucibleFileSystem(server.url_v3, api_key=server.user_key, api_version="v3")
    yield fs
    fs.close()


@pytest.fixture
def fs_v1(server: LocalCrucible) -> Iterator[CrucibleFileSystem]:
    fs = CrucibleFileSystem(server.url, api_key=server.user_key, api_version="v1")
    yield fs
    fs.close()
