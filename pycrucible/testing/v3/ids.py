"""Identifiers of API v3: MFIDs for records, integers only for thumbnails and workflow records."""

from __future__ import annotations

import base64
import re

from pycrucible.testing._ids import new_api_key, new_mfid

MFID = re.compile(r"^[0-9a-hjkmnp-tv-z]{26}$")
ORCID = re.compile(r"^\d{4}-\d{4}-\d{4}-\d{3}[0-9X]$")

__all__ = ["MFID", "ORCID", "decode_cursor", "encode_cursor", "mint_api_key", "mint_mfid"]


def mint_mfid() -> str:
    """Return a fresh MFID (26 lowercase Crockford base32 characters)."""
    return new_mfid()


def mint_api_key() -> str:
    """Return a fresh random API key."""
    return new_api_key()


def encode_cursor(last: str) -> str:
    """Return the opaque keyset cursor that continues after the row with this sort key."""
    return base64.urlsafe_b64encode(last.encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> str | None:
    """Return the sort key inside a cursor, or None when the cursor is not one of ours."""
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        return base64.urlsafe_b64decode(padded.encode()).decode()
    except (ValueError, UnicodeError):
        return None
