"""What the v3 resources share about records and lists: references to records, page checks."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from crucible_openapi.v3.models import Dataset, Sample

__all__ = ["PAGE_SIZE", "DatasetRef", "SampleRef", "check_page_size"]

PAGE_SIZE = 100

DatasetRef = str | Dataset | Mapping[str, Any]
"""A dataset's MFID, or a dataset record (or dict) carrying `unique_id`."""

SampleRef = str | Sample | Mapping[str, Any]
"""A sample's MFID, or a sample record (or dict) carrying `unique_id`."""


def check_page_size(page_size: int, limit: int | None) -> None:
    """Checks a list's `page_size` (1 to 1000) and `limit` (None or zero and up).

    Raises:
        ValueError: Either is out of range.
    """
    if isinstance(page_size, bool) or not isinstance(page_size, int) or not 1 <= page_size <= 1000:
        raise ValueError(f"page_size must be between 1 and 1000, got {page_size!r}")
    if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int) or limit < 0):
        raise ValueError(f"limit must be zero or more, got {limit!r}")
