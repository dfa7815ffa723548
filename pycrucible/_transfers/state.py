"""Resume state of resumable uploads, kept on disk between processes.

One small JSON file per (API base URL, dataset, absolute file path), named by a hash of those
three. It also records the file's size and `mtime_ns` at hashing time: a state whose file has
changed since is stale and ignored. Its content::

    {"version": 1, "api_url": "...", "dsid": "...", "path": "/abs/file.h5", "size": 123,
     "mtime_ns": 1700000000000000000, "sha256": "<hex>", "upload_id": "...",
     "resumable_uri": "https://..."}

The API key is never written. The upload URI is a capability, so the folder is created 0700 and
the files 0600. Writes are atomic (temporary file + `os.replace`); the file is removed once the
upload is complete.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from pathlib import Path
from typing import Any

import attrs

from pycrucible._config import write_private_file
from pycrucible._redact import get_logger

__all__ = ["StateStore", "UploadState", "default_state_dir"]

log = get_logger("transfers")

_VERSION = 1


def default_state_dir() -> Path:
    """Returns the default folder for upload resume state.

    `$XDG_CACHE_HOME/pycrucible/uploads`, or `~/.cache/pycrucible/uploads`.
    """
    cache = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(cache) / "pycrucible" / "uploads"


@attrs.frozen
class UploadState:
    """What is needed to continue one resumable upload.

    Attributes:
        api_url: Base URL of the API the session belongs to.
        dsid: Dataset id.
        path: Absolute path of the local file.
        size: File size in bytes when it was hashed.
        mtime_ns: File modification time (ns) when it was hashed.
        sha256: Hex SHA-256 of the file.
        upload_id: The server's session id.
        resumable_uri: Where the chunks go.
    """

    api_url: str
    dsid: str
    path: str
    size: int
    mtime_ns: int
    sha256: str
    upload_id: str
    resumable_uri: str


class StateStore:
    """Reads and writes `UploadState` files in one folder.

    Args:
        directory: The folder; created on first write. `default_state_dir()` when None.
    """

    def __init__(self, directory: Path | None) -> None:
        self.directory = Path(directory) if directory is not None else default_state_dir()

    def _file(self, api_url: str, dsid: str, path: str) -> Path:
        key = hashlib.sha256("\n".join((api_url, dsid, path)).encode()).hexdigest()[:40]
        return self.directory / f"{key}.json"

    def load(
        self, api_url: str, dsid: str, path: str, size: int, mtime_ns: int
    ) -> UploadState | None:
        """Returns the saved state for this file if it is still valid, else None.

        A state for a file that has changed since (size or mtime) is deleted.
        """
        file = self._file(api_url, dsid, path)
        try:
            data: Any = json.loads(file.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as exc:
            log.warning("ignoring unreadable upload state %s: %s", file, exc)
            return None
        state = _parse(data)
        if state is None or (state.api_url, state.dsid, state.path) != (api_url, dsid, path):
            log.warning("ignoring malformed upload state %s", file)
            return None
        if (state.size, state.mtime_ns) != (size, mtime_ns):
            log.info("%s changed since its upload started; starting over", path)
            self.remove(state)
            return None
        return state

    def save(self, state: UploadState) -> None:
        """Writes the state atomically. A failure to write is logged, not raised."""
        file = self._file(state.api_url, state.dsid, state.path)
        payload = json.dumps({"version": _VERSION, **attrs.asdict(state)}, indent=1)
        try:
            write_private_file(file, payload)
        except OSError as exc:
            log.warning(
                "could not save upload state in %s (no resume across runs): %s", self.directory, exc
            )

    def remove(self, state: UploadState) -> None:
        """Deletes the state file of `state`'s upload, if any."""
        with contextlib.suppress(FileNotFoundError):
            self._file(state.api_url, state.dsid, state.path).unlink()


def _parse(data: Any) -> UploadState | None:
    if not isinstance(data, dict) or data.get("version") != _VERSION:
        return None
    fields = {f.name: f for f in attrs.fields(UploadState)}
    values: dict[str, Any] = {}
    for name in fields:
        value = data.get(name)
        expected = int if name in ("size", "mtime_ns") else str
        if not isinstance(value, expected) or isinstance(value, bool):
            return None
        values[name] = value
    return UploadState(**values)
