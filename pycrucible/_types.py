"""Small shared types of the public API."""

from __future__ import annotations

from collections.abc import Callable

__all__ = ["ProgressCallback"]

ProgressCallback = Callable[[str, int, int | None], None]
"""Transfer progress: called with (file name, bytes done so far, total bytes or None)."""
