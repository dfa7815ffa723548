"""`CrucibleFileSystem`: Crucible datasets as a read-only fsspec filesystem (`crucible://`).

Paths are `crucible://<dataset-mfid>/<file name>`; file names may hold folders
(`crucible://<mfid>/raw/run7.h5`), which show as directories. The protocol is registered
through fsspec's `fsspec.specs` entry point, so `fsspec.open`, pandas, xarray and Dask find it
by URL once pycrucible is installed.

Credentials resolve as `CrucibleClient`'s do: arguments, then `CRUCIBLE_API_URL` /
`CRUCIBLE_API_KEY` (and the other `CRUCIBLE_*` variables), then the config file. The key is
never part of a URL, of `storage_options` or of the instance token, and never pickled: a
filesystem sent to another process (a Dask worker) carries only its other options, and that
process finds the key in its own environment or config file.
"""

from __future__ import annotations

import os
import ssl
import threading
from typing import Any

from fsspec.callbacks import DEFAULT_CALLBACK, Callback
from fsspec.spec import AbstractBufferedFile, AbstractFileSystem

from pycrucible._client import CrucibleClient
from pycrucible._redact import get_logger
from pycrucible.errors import NotFoundError
from pycrucible.fs._links import LinkCache
from pycrucible.fs._reads import download_verified, probe_size, read_range, with_fresh_link
from pycrucible.fs._sources import Entry, Source, source_for

__all__ = ["CrucibleFile", "CrucibleFileSystem", "ReadOnlyFileSystemError"]

log = get_logger("fs")

_UPLOADS = (
    "crucible:// is read-only; add files with client.upload_dataset(dsid, path) "
    "(API v3: client.v3.files.upload(dsid, path))"
)
_ROOT = (
    "crucible:// has no listing of its own (datasets are not folders of one root): "
    "name a dataset, crucible://<dataset-mfid>/, and find datasets with "
    "CrucibleClient().list_datasets()"
)


class ReadOnlyFileSystemError(NotImplementedError):
    """A write, delete or folder creation on `crucible://`, which is read-only."""


class _KeyAside(type(AbstractFileSystem)):  # type: ignore[misc]
    """Instances made with an explicit `api_key=` are never shared from fsspec's cache.

    The key is left out of the instance token (`_strip_tokenize_options`), so two filesystems
    differing only by key would otherwise be the same cached instance.
    """

    def __call__(cls, *args: Any, **kwargs: Any) -> Any:
        if kwargs.get("api_key") is not None:
            kwargs["skip_instance_cache"] = True
        return super().__call__(*args, **kwargs)


class CrucibleFile(AbstractBufferedFile):  # type: ignore[misc]
    """A file of a dataset opened for reading: random access by HTTP Range, buffered by fsspec
    (its default read-ahead cache, 5 MiB blocks unless `block_size=` says otherwise)."""

    def _fetch_range(self, start: int, end: int) -> bytes:
        data: bytes = self.fs.cat_file(self.path, start=start, end=end)
        return data


class CrucibleFileSystem(AbstractFileSystem, metaclass=_KeyAside):  # type: ignore[misc]
    """Crucible datasets as a read-only fsspec filesystem: `crucible://<dataset-mfid>/<name>`.

    `ls("<mfid>")` lists a dataset's files (folders of names such as `raw/a.h5` as
    directories); `ls("")` raises `ValueError`: listing every dataset is not a filesystem
    root (use `CrucibleClient.list_datasets`). `info` gives `size`, `sha256` and, on API v3,
    `file_mfid`, plus any time fields the file record carries. `open(path, "rb")` reads at
    random through HTTP Range requests on the file's signed link; `cat_file`, `cat_ranges` and
    `glob` work as in fsspec; `get` writes files verified against their records (size,
    SHA-256), never replacing a good file with a partial or corrupt one. Writes raise
    `ReadOnlyFileSystemError`.

    A dataset's file list is read once and kept until `invalidate_cache()`. Signed links are
    kept per file and renewed before they expire; a link storage refuses is renewed once.

    Args:
        api_url: Base URL of the API (else `CRUCIBLE_API_URL`, else the config file).
        api_key: Your API key (else `CRUCIBLE_API_KEY`, else the config file). It is never
            pickled: processes this filesystem is sent to (Dask workers) need
            `CRUCIBLE_API_KEY` or a config file of their own. A filesystem made with an
            explicit key is not shared through fsspec's instance cache.
        api_version: `"v1"` or `"v3"` (default: asked of the server once).
        config_file: Config file to read instead of the default one.
        timeout: Seconds to wait for each part of an API answer (default 30).
        transfer_timeout: Seconds without progress on a read from storage (default 300).
        max_retries: Retries of what is safe to retry (default 3).
        verify: TLS verification: True (default), False or a CA bundle path.
        proxy: Proxy URL for every request.
        **storage_options: fsspec's own options (`use_listings_cache`, ...).

    Raises:
        ValueError: No URL or key anywhere, or a setting is invalid.
    """

    protocol = ("crucible",)
    root_marker = ""
    cachable = True
    _strip_tokenize_options = ("api_key",)

    def __init__(
        self,
        api_url: str | None = None,
        *,
        api_key: str | None = None,
        api_version: str | None = None,
        config_file: str | os.PathLike[str] | None = None,
        timeout: float | None = None,
        transfer_timeout: float | None = None,
        max_retries: int | None = None,
        verify: bool | str | ssl.SSLContext = True,
        proxy: str | None = None,
        **storage_options: Any,
    ) -> None:
        super().__init__(**storage_options)
        self.client = CrucibleClient(
            api_url,
            api_key,
            api_version=api_version,
            config_file=config_file,
            timeout=timeout,
            transfer_timeout=transfer_timeout,
            max_retries=max_retries,
            verify=verify,
            proxy=proxy,
        )
        self.links = LinkCache()
        self._source: Source | None = None
        self._datasets: dict[str, dict[str, Entry]] = {}
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"CrucibleFileSystem(api_url={self.client.api_url!r})"

    def close(self) -> None:
        """Closes the connection pool of the underlying client; fsspec's instance cache no
        longer hands this filesystem out (the next one with the same options is new)."""
        cache = getattr(type(self), "_cache", None)
        if isinstance(cache, dict) and cache.get(self._fs_token) is self:
            del cache[self._fs_token]
        self.client.close()

    @property
    def _storage(self) -> Any:
        """The client's key-less connection for signed URLs."""
        return self.client._core.http.storage

    # -- paths and records -----------------------------------------------------------------

    @classmethod
    def _strip_protocol(cls, path: Any) -> Any:
        if isinstance(path, list):
            return [cls._strip_protocol(p) for p in path]
        text = os.fspath(path) if isinstance(path, os.PathLike) else str(path)
        if text.startswith("crucible://"):
            text = text[len("crucible://") :]
        elif text.startswith("crucible::"):
            text = text[len("crucible::") :]
        return text.strip("/")

    @property
    def source(self) -> Source:
        """The API version's source of records and links (the server is asked once)."""
        if self._source is None:
            self._source = source_for(self.client)
        return self._source

    def _split(self, path: str) -> tuple[str, str]:
        stripped = self._strip_protocol(path)
        if not stripped:
            raise ValueError(_ROOT)
        dsid, _, inner = stripped.partition("/")
        return dsid, inner

    def _dataset(self, dsid: str) -> dict[str, Entry]:
        with self._lock:
            known = self._datasets.get(dsid)
        if known is not None:
            return known
        try:
            entries, links = self.source.entries(dsid)
        except NotFoundError as exc:
            raise FileNotFoundError(f"crucible://{dsid}: no such dataset ({exc})") from None
        by_name = {entry.name: entry for entry in entries}
        self.links.put(links)
        with self._lock:
            self._datasets[dsid] = by_name
        return by_name

    def _entry(self, path: str) -> Entry:
        dsid, inner = self._split(path)
        entry = self._dataset(dsid).get(inner)
        if entry is None:
            raise FileNotFoundError(f"crucible://{dsid}/{inner}: no such file")
        return entry

    def _link_of(self, entry: Entry) -> Any:
        def fetch() -> Any:
            try:
                return self.source.links(entry)
            except NotFoundError as exc:
                raise FileNotFoundError(
                    f"crucible://{entry.dsid}/{entry.name} cannot be read yet: {exc}"
                ) from None

        return self.links.get(entry.key, fetch)

    def _size(self, entry: Entry) -> int:
        if entry.size is not None:
            return entry.size
        storage = self._storage
        return with_fresh_link(
            lambda: self._link_of(entry),
            lambda: self.links.forget(entry.key),
            lambda url: probe_size(storage, url),
        )

    def _file_info(self, entry: Entry) -> dict[str, Any]:
        info: dict[str, Any] = {
            "name": f"{entry.dsid}/{entry.name}",
            "type": "file",
            "size": self._size(entry),
            "sha256": entry.sha256,
        }
        if entry.file_mfid is not None:
            info["file_mfid"] = entry.file_mfid
        info.update(entry.times)
        return info

    # -- listing ---------------------------------------------------------------------------

    def ls(self, path: str, detail: bool = True, **kwargs: Any) -> list[Any]:
        """Lists a dataset (`"<mfid>"`) or a folder of it (`"<mfid>/raw"`).

        Raises:
            ValueError: The root (`""`): listing datasets is `CrucibleClient.list_datasets`.
            FileNotFoundError: No such dataset or folder.
        """
        dsid, inner = self._split(path)
        files = self._dataset(dsid)
        if inner in files:
            found = [self._file_info(files[inner])]
        else:
            prefix = f"{inner}/" if inner else ""
            folders: set[str] = set()
            found = []
            for name, entry in sorted(files.items()):
                if not name.startswith(prefix):
                    continue
                head, sep, _ = name[len(prefix) :].partition("/")
                if sep:
                    folders.add(head)
                else:
                    found.append(self._file_info(entry))
            found += [
                {"name": f"{dsid}/{prefix}{folder}", "type": "directory", "size": 0}
                for folder in sorted(folders)
            ]
            if inner and not found:
                raise FileNotFoundError(f"crucible://{dsid}/{inner}: no such file or folder")
        return found if detail else sorted(item["name"] for item in found)

    def info(self, path: str, **kwargs: Any) -> dict[str, Any]:
        """Size, SHA-256 (and on API v3 the file's MFID) of a file; type of a folder."""
        stripped = self._strip_protocol(path)
        if not stripped:
            return {"name": "", "type": "directory", "size": 0}
        dsid, inner = self._split(stripped)
        files = self._dataset(dsid)
        if inner in files:
            return self._file_info(files[inner])
        if not inner or any(name.startswith(f"{inner}/") for name in files):
            return {"name": stripped, "type": "directory", "size": 0}
        raise FileNotFoundError(f"crucible://{stripped}: no such file or folder")

    def invalidate_cache(self, path: str | None = None) -> None:
        """Forgets the file lists read so far (of `path`'s dataset, or of all)."""
        with self._lock:
            if path is None or not self._strip_protocol(path):
                self._datasets.clear()
            else:
                self._datasets.pop(self._split(path)[0], None)
        super().invalidate_cache(path)

    # -- reading ---------------------------------------------------------------------------

    def cat_file(
        self, path: str, start: int | None = None, end: int | None = None, **kwargs: Any
    ) -> bytes:
        """Bytes `start` to `end` (exclusive; negatives count from the end) of a file."""
        entry = self._entry(path)
        size = self._size(entry)
        first = 0 if start is None else (max(0, size + start) if start < 0 else start)
        stop = size if end is None else (max(0, size + end) if end < 0 else min(end, size))
        if stop <= first:
            return b""
        storage = self._storage
        return with_fresh_link(
            lambda: self._link_of(entry),
            lambda: self.links.forget(entry.key),
            lambda url: read_range(storage, url, first, stop),
        )

    def _open(
        self,
        path: str,
        mode: str = "rb",
        block_size: int | str | None = None,
        autocommit: bool = True,
        cache_options: dict[str, Any] | None = None,
        **kwargs: Any,
    ) -> CrucibleFile:
        if mode != "rb":
            raise ReadOnlyFileSystemError(f"cannot open {path!r} with mode {mode!r}: {_UPLOADS}")
        entry = self._entry(path)
        return CrucibleFile(
            self,
            f"{entry.dsid}/{entry.name}",
            mode="rb",
            block_size="default" if block_size is None else block_size,
            autocommit=autocommit,
            cache_options=cache_options,
            size=self._size(entry),
            **kwargs,
        )

    def get_file(
        self,
        rpath: str,
        lpath: str | os.PathLike[str],
        callback: Callback = DEFAULT_CALLBACK,
        outfile: Any = None,
        **kwargs: Any,
    ) -> None:
        """Writes one file to `lpath`, verified against its record (size, SHA-256), atomically.

        Raises:
            TransferError: The bytes failed the check; a file already at `lpath` is kept.
        """
        if self.isdir(rpath):
            os.makedirs(lpath, exist_ok=True)
            return
        if outfile is not None:
            raise ValueError("get_file writes to a path (lpath), not to an open file")
        entry = self._entry(rpath)
        size = self._size(entry)
        callback.set_size(size)
        download_verified(
            self._storage,
            entry,
            lpath,
            lambda: self._link_of(entry),
            lambda: self.links.forget(entry.key),
        )
        callback.relative_update(size)

    # -- writes: refused -------------------------------------------------------------------

    def _read_only(self, *args: Any, **kwargs: Any) -> Any:
        raise ReadOnlyFileSystemError(_UPLOADS)

    put_file = _read_only
    pipe_file = _read_only
    rm_file = _read_only
    _rm = _read_only
    rm = _read_only
    cp_file = _read_only
    mv = _read_only
    mkdir = _read_only
    makedirs = _read_only
    touch = _read_only
