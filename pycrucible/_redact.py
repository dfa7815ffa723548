"""Keeps API keys and signed-URL tokens out of logs, reprs and exception messages.

Besides pycrucible's own loggers, the `httpx` logger gets a filter: httpx logs the full URL of
every request at INFO (`HTTP Request: GET <url> ...`), signed-URL signatures and resumable
upload URIs included, so its URLs are redacted like ours.
"""

from __future__ import annotations

import logging
import re
import threading
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import httpx

REDACTED = "<redacted>"

# Query parameters that carry credentials in signed URLs (ours and common cloud stores).
_SECRET_QUERY_KEYS = frozenset(
    {
        "token",
        "signature",
        "sig",
        "x-goog-signature",
        "x-goog-credential",
        "x-amz-signature",
        "x-amz-credential",
        "x-amz-security-token",
        "access_token",
        "api_key",
        "key",
        "upload_id",
    }
)
# Path segments that are themselves credentials: resumable-upload sessions, signed paths, and
# API v3 upload session ids (`/upload/multipart/<id>`, `/storage/v3-parts/<id>/<n>`, ...).
_SECRET_PATH = re.compile(
    r"(/(?:uploads|signed|storage(?:/v3(?:-[a-z]+)?)?|upload/multipart)/)"
    r"(?!(?:initiate|complete)(?:[/?#]|$))[^/?#]+"
)
_BEARER = re.compile(r"(?i)(bearer\s+)[^\s'\",]+")

_lock = threading.Lock()
_secrets: set[str] = set()


def register_secret(value: str | None) -> None:
    """Remembers a secret so that `redact_text` and the log filter hide it.

    Every non-empty value is remembered, however short: a short key echoed by a server must
    not reach a message either (hiding it may also hide the same letters in ordinary text).

    Args:
        value: The secret, for example an API key.
    """
    if value:
        with _lock:
            _secrets.add(value)


def redact_url(url: str) -> str:
    """Returns `url` with credential query values and capability path segments hidden.

    Args:
        url: Any absolute or relative URL.

    Returns:
        The URL, safe to log or show.
    """
    parts = urlsplit(url)
    query = parts.query
    if query:
        pairs = parse_qsl(query, keep_blank_values=True)
        query = urlencode(
            [(k, REDACTED if k.lower() in _SECRET_QUERY_KEYS else v) for k, v in pairs], safe="<>"
        )
    path = _SECRET_PATH.sub(lambda m: m.group(1) + REDACTED, parts.path)
    return redact_text(urlunsplit((parts.scheme, parts.netloc, path, query, parts.fragment)))


def redact_urls(value: Any) -> Any:
    """A JSON value with every absolute URL in it (nested in dicts and lists too) redacted as
    `redact_url` does: how records show a signed link or an upload session."""
    if isinstance(value, str) and value.startswith(("http://", "https://")):
        return redact_url(value)
    if isinstance(value, dict):
        return {key: redact_urls(item) for key, item in value.items()}
    if isinstance(value, list):
        return [redact_urls(item) for item in value]
    return value


def redact_text(text: str) -> str:
    """Hides registered secrets and bearer tokens inside free text.

    Args:
        text: Any text, such as a log message or an error body.

    Returns:
        The text with every registered secret replaced by `<redacted>`.
    """
    with _lock:
        secrets = sorted(_secrets, key=len, reverse=True)
    for secret in secrets:
        if secret in text:
            text = text.replace(secret, REDACTED)
    return _BEARER.sub(lambda m: m.group(1) + REDACTED, text)


class RedactingFilter(logging.Filter):
    """A logging filter that renders each record's message once, redacted."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact_text(message)
        if cleaned != message:
            record.msg = cleaned
            record.args = None
        return True


class HttpxUrlFilter(logging.Filter):
    """A filter for the `httpx` logger that redacts the URLs among a record's arguments."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if isinstance(args, tuple) and any(isinstance(arg, httpx.URL) for arg in args):
            record.args = tuple(
                redact_url(str(arg)) if isinstance(arg, httpx.URL) else arg for arg in args
            )
        return True


_FILTER = RedactingFilter()
logging.getLogger("pycrucible").addHandler(logging.NullHandler())
_HTTPX_LOGGER = logging.getLogger("httpx")
if not any(isinstance(f, HttpxUrlFilter) for f in _HTTPX_LOGGER.filters):
    _HTTPX_LOGGER.addFilter(HttpxUrlFilter())


def get_logger(name: str) -> logging.Logger:
    """Returns the `pycrucible.<name>` logger with redaction attached.

    Filters only see records logged on their own logger, so every pycrucible module takes its
    logger from here.

    Args:
        name: The dotted suffix, for example `"http"`.

    Returns:
        The logger.
    """
    log = logging.getLogger(f"pycrucible.{name}")
    if _FILTER not in log.filters:
        log.addFilter(_FILTER)
    return log
