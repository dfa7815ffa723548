"""Facts read from the API v3 contract itself: what each ingestion status means.

The contract (`openapi.json`) ships inside the package (`pycrucible/_v3/openapi.json` in a
wheel) and sits at the root of a source checkout. It is read once, on first use, and only by a
wait. When it cannot be read, or its `IngestionStatus` schema has no `x-status-*` lists, the
lists the contract documents today are used.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

from pycrucible._redact import get_logger
from pycrucible._v1.contract import Statuses, statuses_of

__all__ = ["DOCUMENTED_STATUSES", "ingestion_statuses"]

log = get_logger("wait")

_HERE = Path(__file__).resolve().parent
_CANDIDATES = (_HERE / "openapi.json", _HERE.parents[1] / "openapi.json")

DOCUMENTED_STATUSES = Statuses(
    pending=frozenset({"requested", "started", "in_progress"}),
    success=frozenset({"complete", "ingested", "not_requested"}),
    failure=frozenset({"failed"}),
)
"""The `IngestionStatus` lists of the contract this version of pycrucible was built with."""


def _contract() -> dict[str, Any] | None:
    for candidate in _CANDIDATES:
        if candidate.is_file():
            data = json.loads(candidate.read_text(encoding="utf-8"))
            return data if isinstance(data, dict) else None
    return None


@functools.cache
def ingestion_statuses() -> Statuses:
    """The status lists of the v3 contract's `IngestionStatus` schema (`x-status-*`).

    Returns:
        What each status means: pending (keep waiting), success, failure.
    """
    try:
        document = _contract()
        if document is not None:
            return statuses_of(document["components"]["schemas"]["IngestionStatus"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        log.debug("the v3 contract's ingestion statuses are unreadable (%s)", exc)
    return DOCUMENTED_STATUSES
