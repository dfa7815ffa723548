"""Small shared types of the public API."""

from __future__ import annotations

from collections.abc import Callable

__all__ = ["ProgressCallback"]

ProgressCallback = Callable[[str, int, int | None], None]
"""Transfer progress: called with (file name, bytes done so far, total bytes or None).

The first call of a file gives where it starts: 0, or the bytes a resumed upload already has on
the server. A callback object with a `hashing(name, bytes hashed, total)` method also hears the
SHA-256 pass that runs before a large upload sends anything.
"""
