"""Resume state of API v3 uploads: one private JSON file per (server, dataset, local file).

The state names the upload session (its id, and for a resumable session its URI) and the
file's size, modification time and SHA-256 when the session began, so a later run, also in a
new process, goes on with the same session only while the file is unchanged. It never holds
the API key. A resumable session URI does let its holder send bytes to that one session, so
the file is private to the user (mode 0600).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from pycrucible._config import write_private_file

__all__ = ["drop_state", "load_state", "save_state", "state_path"]

_VERSION = 1


def state_path(
    state_dir: Path | None, kind: str, api_url: str, dataset: str, local: Path
) -> Path | None:
    """Where the state of one upload lives (None when no state is kept).

    Args:
        state_dir: The folder of upload state; None keeps none.
        kind: `"multipart"` or `"resumable"` (each route has its own state).
        api_url: The API's base URL.
        dataset: The dataset's MFID.
        local: The local file (resolved).
    """
    if state_dir is None:
        return None
    key = hashlib.sha256(f"v3\0{api_url}\0{dataset}\0{local}".encode()).hexdigest()[:32]
    return state_dir / f"v3-{kind}-{key}.json"


def load_state(file: Path | None, size: int, mtime_ns: int, sha256: str) -> dict[str, Any] | None:
    """The saved state when it exists and the file is unchanged since; None otherwise."""
    if file is None or not file.is_file():
        return None
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("version") != _VERSION:
        return None
    same = (data.get("size"), data.get("mtime_ns"), data.get("sha256")) == (size, mtime_ns, sha256)
    return data if same else None


def save_state(file: Path | None, **fields: Any) -> None:
    """Writes the state (a private file); does nothing when no state is kept."""
    if file is not None:
        write_private_file(file, json.dumps({"version": _VERSION, **fields}))


def drop_state(file: Path | None) -> None:
    """Removes the state once the upload finished or cannot go on."""
    if file is not None:
        file.unlink(missing_ok=True)
