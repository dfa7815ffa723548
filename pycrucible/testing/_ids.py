"""Identifiers: MFIDs (UUIDv7 in lowercase Crockford base32), API keys and upload ids."""

from __future__ import annotations

import os
import re
import secrets
import threading
import time

_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"
_MFID_LENGTH = 26  # ceil(128 / 5)
_CLIENT_ID = re.compile(r"[A-Za-z0-9_~-][A-Za-z0-9._~-]{0,127}")

_lock = threading.Lock()
_last_ms = 0
_counter = 0


def _uuid7_int() -> int:
    """Return a UUIDv7 as a 128-bit integer, monotonic within one process.

    Layout (RFC 9562): 48-bit Unix time in milliseconds, version 7, 12-bit counter, variant 10,
    62 random bits. The counter keeps ids made in the same millisecond in creation order.
    """
    global _last_ms, _counter
    with _lock:
        now_ms = time.time_ns() // 1_000_000
        if now_ms <= _last_ms:
            _counter += 1
            if _counter > 0xFFF:
                _last_ms += 1
                _counter = 0
            now_ms = _last_ms
        else:
            _last_ms = now_ms
            _counter = int.from_bytes(os.urandom(2), "big") & 0x3FF
        counter = _counter
    rand_b = int.from_bytes(os.urandom(8), "big") & ((1 << 62) - 1)
    return (now_ms << 80) | (0x7 << 76) | (counter << 64) | (0b10 << 62) | rand_b


def encode_base32(value: int) -> str:
    """Encode a 128-bit integer as 26 lowercase Crockford base32 characters."""
    chars = []
    for _ in range(_MFID_LENGTH):
        chars.append(_ALPHABET[value & 0x1F])
        value >>= 5
    return "".join(reversed(chars))


def new_mfid() -> str:
    """Return a fresh MFID: a UUIDv7 encoded as 26 lowercase Crockford base32 characters."""
    return encode_base32(_uuid7_int())


def is_acceptable_client_id(value: str) -> bool:
    """Tell whether a client-chosen ``unique_id`` is safe to use in URL paths.

    MFIDs always pass; other ids pass when they are 1-128 unreserved URL characters that do not
    start with a dot.
    """
    return _CLIENT_ID.fullmatch(value) is not None


def new_api_key() -> str:
    """Return a new random API key (43 URL-safe characters)."""
    return secrets.token_urlsafe(32)


def new_token() -> str:
    """Return a random URL-safe token used for upload session ids."""
    return secrets.token_urlsafe(18)
