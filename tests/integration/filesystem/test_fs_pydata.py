"""pandas, xarray and Dask reading `crucible://` URLs, credentials from the environment."""

from __future__ import annotations

import io
from collections.abc import Callable

import pytest

from pycrucible.fs import CrucibleFileSystem
from pycrucible.testing import LocalCrucible

Fill = Callable[[dict[str, bytes]], str]  # the `fill_v3` / `fill_v1` fixtures


pd = pytest.importorskip("pandas")


@pytest.fixture
def v3_environment(server: LocalCrucible, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CRUCIBLE_API_URL", server.url_v3)
    monkeypatch.setenv("CRUCIBLE_API_KEY", server.user_key)
    monkeypatch.setenv("CRUCIBLE_API_VERSION", "v3")


def _csv(rows: range) -> bytes:
    return ("x,y\n" + "".join(f"{i},{i * i}\n" for i in rows)).encode()


@pytest.mark.usefixtures("v3_environment")
def test_pandas_read_csv_by_url(fill_v3: Fill) -> None:
    dsid = fill_v3({"table.csv": _csv(range(50))})
    frame = pd.read_csv(f"crucible://{dsid}/table.csv")
    assert list(frame.columns) == ["x", "y"]
    assert frame["y"].sum() == sum(i * i for i in range(50))


def test_xarray_opens_a_netcdf_file_by_range(
    server: LocalCrucible, fs_v3: CrucibleFileSystem, fill_v3: Fill
) -> None:
    xr = pytest.importorskip("xarray")
    pytest.importorskip("h5netcdf")
    import numpy as np

    original = xr.Dataset(
        {"temperature": (("t", "x"), np.arange(2000.0).reshape(100, 20))},
        coords={"t": np.arange(100), "x": np.arange(20)},
    )
    buffer = io.BytesIO()
    original.to_netcdf(buffer, engine="h5netcdf")
    dsid = fill_v3({"cube.nc": buffer.getvalue()})
    with (
        fs_v3.open(f"crucible://{dsid}/cube.nc") as handle,
        xr.open_dataset(handle, engine="h5netcdf") as opened,
    ):
        assert float(opened["temperature"].sel(t=99, x=19)) == 1999.0
        assert opened["temperature"].shape == (100, 20)


@pytest.mark.usefixtures("v3_environment")
def test_dask_dataframe_read_csv_glob(fill_v3: Fill) -> None:
    dd = pytest.importorskip("dask.dataframe")
    dsid = fill_v3({f"part{i}.csv": _csv(range(i * 10, i * 10 + 10)) for i in range(4)})
    frame = dd.read_csv(f"crucible://{dsid}/*.csv", blocksize=None)
    assert frame.npartitions == 4
    result = frame.compute(scheduler="threads")
    assert sorted(result["x"].tolist()) == list(range(40))
