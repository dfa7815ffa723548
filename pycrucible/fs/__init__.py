"""Crucible datasets as an fsspec filesystem: `crucible://<dataset-mfid>/<file name>`.

Install it with the `fsspec` extra (`pip install "pycrucible-client[fsspec]"`). Once installed,
the `crucible` protocol is registered through fsspec's `fsspec.specs` entry point, so
`fsspec.open("crucible://...")`, `pandas.read_csv("crucible://...")` and
`dask.dataframe.read_csv("crucible://<mfid>/*.csv")` find it by URL, with credentials from the
environment (`CRUCIBLE_API_URL`, `CRUCIBLE_API_KEY`) or the config file. See
`CrucibleFileSystem`.
"""

from __future__ import annotations

try:
    import fsspec  # noqa: F401
except ImportError as exc:  # pragma: no cover - depends on the installation
    raise ImportError(
        "pycrucible.fs needs fsspec: pip install 'pycrucible-client[fsspec]'"
    ) from exc

from pycrucible.fs._filesystem import CrucibleFile, CrucibleFileSystem, ReadOnlyFileSystemError

__all__ = ["CrucibleFile", "CrucibleFileSystem", "ReadOnlyFileSystemError"]
