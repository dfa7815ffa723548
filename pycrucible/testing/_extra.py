"""Fails early, with the install command, when the ``server`` extra is missing."""

from __future__ import annotations

import importlib.util

__all__ = ["MISSING_EXTRA"]

MISSING_EXTRA = (
    "the local Crucible server needs the 'server' extra: "
    "pip install 'pycrucible-client[server]' (from a clone: pip install '.[server]')"
)

_missing = [name for name in ("fastapi", "uvicorn") if importlib.util.find_spec(name) is None]
if _missing:
    raise ImportError(f"{MISSING_EXTRA}; not installed: {', '.join(_missing)}")
