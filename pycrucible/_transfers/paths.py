"""Name and path checks shared by uploads and downloads.

Everything here runs before the network: a bad dataset id or an unsafe server-supplied name must
fail without sending or writing anything.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

from pycrucible.errors import TransferError

__all__ = [
    "destination",
    "matching_records",
    "safe_relative_path",
    "strip_dataset_prefix",
]

_DRIVE = re.compile(r"^[A-Za-z]:")


def safe_relative_path(name: str) -> PurePosixPath:
    """Turns a server-supplied file name into a relative path that cannot escape its folder.

    Accepted: plain names and `/`-separated relative paths (`scan.h5`, `raw/scan.h5`).
    Refused: empty names, NUL, backslashes, absolute paths, drive letters (`C:`), and any `..`
    segment. Empty and `.` segments are dropped.

    Args:
        name: The name as the server (or the caller) gave it.

    Returns:
        The relative path, with at least one segment.

    Raises:
        TransferError: The name is unsafe.
    """
    problem = _name_problem(name)
    if problem is not None:
        raise TransferError(f"refusing unsafe file name {name!r}: {problem}")
    parts = [part for part in name.split("/") if part not in ("", ".")]
    return PurePosixPath(*parts)


def _name_problem(name: str) -> str | None:
    if not isinstance(name, str) or not name:
        return "empty name"
    if "\0" in name:
        return "contains NUL"
    if "\\" in name:
        return "contains a backslash"
    if name.startswith("/"):
        return "absolute path"
    if _DRIVE.match(name):
        return "drive letter"
    segments = name.split("/")
    if ".." in segments:
        return "parent-directory segment"
    if all(segment in ("", ".") for segment in segments):
        return "no file name"
    return None


def destination(root: Path, relative: PurePosixPath) -> Path:
    """Joins a checked relative path to the (resolved) output folder and re-checks containment.

    The second check catches symbolic links inside `root` that point elsewhere.

    Args:
        root: The output folder, already resolved.
        relative: A path from `safe_relative_path`.

    Returns:
        The destination file path (not resolved, so it names the link itself if one exists).

    Raises:
        TransferError: The destination resolves outside `root`.
    """
    target = root.joinpath(*relative.parts)
    if not target.resolve().is_relative_to(root):
        raise TransferError(f"refusing {relative}: it resolves outside {root}")
    return target


def strip_dataset_prefix(key: str, dsid: str) -> str:
    """Removes the leading `<dsid>/` of a download-link key, if present."""
    prefix = f"{dsid}/"
    return key[len(prefix) :] if key.startswith(prefix) else key


def matching_records(relative: str, filenames: Iterable[str]) -> list[str]:
    """Picks the recorded file names that describe the file at `relative`.

    Records name files by bucket path (`api-uploads/<dsid>/raw/scan.h5`), by dataset path or by
    base name. Exact or path-suffix matches win; base-name matches are the fallback.

    Args:
        relative: The file's path inside the dataset (`raw/scan.h5`).
        filenames: The `filename` of every associated-file record.

    Returns:
        The matching record names (possibly several, possibly none).
    """
    names = list(filenames)
    suffix = [n for n in names if n == relative or n.endswith("/" + relative)]
    if suffix:
        return suffix
    base = posixpath.basename(relative)
    return [n for n in names if posixpath.basename(n) == base]
