"""Input limits of the local server, as small rules any API version can reuse.

- :func:`check_metadata_depth`: free-form metadata (dataset scientific metadata, sample-type
  metadata) nested deeper than :data:`MAX_METADATA_DEPTH` is refused with 422 before storing,
  because a record that deep could be stored but not served (its JSON answer fails).
- :class:`JsonBodyLimit`: request bodies other than file uploads are refused with 413 above a
  size limit, before they are read into memory.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

logger = logging.getLogger("pycrucible.testing")

MAX_METADATA_DEPTH = 64
"""Deepest nesting of objects and arrays accepted in metadata (the top-level object is 1)."""

DEFAULT_MAX_JSON_BODY = 16 * 1024 * 1024
"""Largest request body accepted outside file uploads, in bytes (16 MiB)."""


def json_depth(value: Any) -> int:
    """Return how deeply objects and arrays nest in a JSON value (a scalar is 0).

    Iterative, so any depth is measured without recursion.
    """
    deepest = 0
    pending: list[tuple[Any, int]] = [(value, 0)]
    while pending:
        item, depth = pending.pop()
        if isinstance(item, dict):
            children: Iterable[Any] = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        deepest = max(deepest, depth + 1)
        pending.extend((child, depth + 1) for child in children)
    return deepest


def check_metadata_depth(value: dict[str, Any]) -> dict[str, Any]:
    """Return metadata unchanged when it nests at most :data:`MAX_METADATA_DEPTH` levels.

    Used as a validator of request bodies, so a refusal answers FastAPI's 422.

    Raises:
        ValueError: The metadata nests deeper.
    """
    depth = json_depth(value)
    if depth > MAX_METADATA_DEPTH:
        raise ValueError(
            f"metadata nests {depth} levels deep; at most {MAX_METADATA_DEPTH} are accepted"
        )
    return value


class JsonBodyLimit:
    """ASGI middleware refusing request bodies larger than a limit with 413.

    At most ``max_bytes`` are held in memory: a body found larger (by its ``Content-Length`` or
    while it streams in) is read to its end and dropped, then answered 413. Paths under
    ``exempt_prefixes`` and ``multipart/form-data`` bodies (file uploads, streamed to disk) are
    passed through.

    Args:
        app: The wrapped application.
        max_bytes: The largest accepted body, in bytes.
        exempt_prefixes: Path prefixes whose bodies are not limited (e.g. upload chunks).
    """

    def __init__(
        self,
        app: ASGIApp,
        max_bytes: int = DEFAULT_MAX_JSON_BODY,
        exempt_prefixes: tuple[str, ...] = (),
    ) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.exempt_prefixes = exempt_prefixes

    def _limited(self, scope: Scope) -> bool:
        if scope["type"] != "http" or scope["path"].startswith(self.exempt_prefixes):
            return False
        headers = dict(scope["headers"])
        content_type = headers.get(b"content-type", b"").decode("latin-1").lower()
        return not content_type.startswith("multipart/form-data")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not self._limited(scope):
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        too_large = declared is not None and declared.isdigit() and int(declared) > self.max_bytes
        messages: list[Message] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                messages.append(message)
                break
            size += len(message.get("body", b""))
            too_large = too_large or size > self.max_bytes
            # Over the limit, the rest is read and dropped (never kept), so the client can
            # finish sending and read the 413 instead of seeing a reset connection.
            if not too_large:
                messages.append(message)
            if not message.get("more_body", False):
                break
        if too_large:
            await self._refuse(scope, send)
            return

        async def replay() -> Message:
            return messages.pop(0) if messages else await receive()

        await self.app(scope, replay, send)

    async def _refuse(self, scope: Scope, send: Send) -> None:
        logger.info("refused a request body over %d bytes: %s", self.max_bytes, scope["path"])
        body = json.dumps(
            {"detail": f"Request body too large: at most {self.max_bytes} bytes are accepted"}
        ).encode()
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode()),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})
