"""Many files of a dataset read in parallel on a Dask cluster of two worker processes.

The workers find the API URL and key in their own environment (set for them here); the task
graph that reaches them carries the filesystem without the key.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from collections.abc import Callable

import pytest

from pycrucible.fs import CrucibleFileSystem
from pycrucible.testing import LocalCrucible

Fill = Callable[[dict[str, bytes]], str]  # the `fill_v3` / `fill_v1` fixtures


distributed = pytest.importorskip("distributed")
dd = pytest.importorskip("dask.dataframe")
cloudpickle = pytest.importorskip("cloudpickle")

FILES = 8
# The workers cannot import this test module: its functions travel by value.
cloudpickle.register_pickle_by_value(sys.modules[__name__])


def _sha256_of(fs: CrucibleFileSystem, path: str) -> tuple[str, int]:
    with fs.open(path, block_size=64 * 1024) as handle:
        data = handle.read()
    return hashlib.sha256(data).hexdigest(), os.getpid()


@pytest.mark.slow
def test_two_worker_processes_read_a_dataset_without_the_key_in_the_graph(
    server: LocalCrucible, fill_v3: Fill, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = 50
    contents = {
        f"part{i:02d}.csv": ("x,y\n" + f"{i},{i * 2}\n" * rows).encode() for i in range(FILES)
    }
    dsid = fill_v3(contents)
    env = {
        "CRUCIBLE_API_URL": server.url_v3,
        "CRUCIBLE_API_KEY": server.user_key,
        "CRUCIBLE_API_VERSION": "v3",
    }
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    key = server.user_key.encode()
    fs = CrucibleFileSystem(server.url_v3, api_key=server.user_key, api_version="v3")
    paths = fs.glob(f"{dsid}/*.csv")
    assert len(paths) == FILES
    frame = dd.read_csv(f"crucible://{dsid}/*.csv", blocksize=None)
    graph = dict(frame.__dask_graph__())
    assert key not in cloudpickle.dumps(graph)
    assert key not in pickle.dumps(fs)
    with (
        distributed.LocalCluster(
            n_workers=2,
            processes=True,
            threads_per_worker=1,
            dashboard_address=None,
            env=env,
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        results = client.gather(client.map(_sha256_of, [fs] * FILES, paths, pure=False))
        total = frame.compute(scheduler=client)
    digests = {hashlib.sha256(data).hexdigest() for data in contents.values()}
    assert {digest for digest, _ in results} == digests
    assert len({pid for _, pid in results}) == 2  # both worker processes read files
    assert len(total) == FILES * rows
    assert total["y"].sum() == sum(i * 2 * rows for i in range(FILES))
    fs.close()
