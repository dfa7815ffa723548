"""The response half of contract enforcement (see :mod:`pycrucible.testing._enforce`).

:class:`ResponseChecker` wraps an ASGI ``send``: it holds back a JSON response until its body
is complete, checks status, content type and body against the operation, and sends either the
response or, when it breaks the contract, a 500 whose ``detail`` names the operationId and the
violation (also logged). Non-JSON bodies (file bytes) stream through after their status and
content type are checked, so memory stays flat.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from starlette.types import Message, Scope, Send

from pycrucible.testing._contract import Operation

logger = logging.getLogger("pycrucible.testing")


async def send_json(send: Send, status: int, payload: Any) -> None:
    body = json.dumps(payload).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body, "more_body": False})


class ResponseChecker:
    """A ``send`` that checks the response against the operation before it leaves."""

    def __init__(
        self,
        op: Operation,
        scope: Scope,
        send: Send,
        version: str,
        request_errors: list[dict[str, Any]],
    ) -> None:
        self.request_errors = request_errors
        self.op = op
        self.scope = scope
        self.send = send
        self.version = version
        self.start: Message | None = None
        self.media_type = ""
        self.buffer: list[bytes] | None = None
        self.done = False
        self.failed = False

    async def __call__(self, message: Message) -> None:
        if self.failed:
            return
        if message["type"] == "http.response.start":
            await self._on_start(message)
            return
        if message["type"] == "http.response.body" and self.buffer is not None:
            self.buffer.append(message.get("body", b""))
            if not message.get("more_body", False):
                await self._check_json(b"".join(self.buffer))
            return
        if message["type"] == "http.response.body" and not message.get("more_body", False):
            self.done = True
        await self.send(message)

    async def _on_start(self, message: Message) -> None:
        status = int(message["status"])
        headers = {
            k.decode("latin-1").lower(): v.decode("latin-1") for k, v in message.get("headers", [])
        }
        self.media_type = headers.get("content-type", "").split(";")[0].strip()
        if status < 400 and self.request_errors:
            first = self.request_errors[0]
            await self._fail(
                f"answered {status} to a request the contract forbids "
                f"({first['type']} at {'.'.join(map(str, first['loc']))})"
            )
            return
        content = self.op.response_media(status)
        if content is None:
            await self._fail(f"status {status} is not declared")
            return
        self.start = message
        if self.media_type == "application/json" and "application/json" in content:
            self.buffer = []
            return
        if content and self.media_type and not _media_declared(self.media_type, content):
            await self._fail(f"content type {self.media_type!r} is not declared for {status}")
            return
        await self.send(message)

    async def _check_json(self, body: bytes) -> None:
        assert self.start is not None
        status = int(self.start["status"])
        schema = (self.op.response_media(status) or {}).get("application/json", {}).get("schema")
        problems: list[str] = []
        if body and schema is not None:
            try:
                document = json.loads(body)
            except ValueError as exc:
                problems.append(f"body is not JSON: {exc}")
            else:
                key = f"response:{status}"
                if not self.op.is_valid(key, schema, document):
                    problems += [
                        f"{'/'.join(map(str, e.absolute_path)) or '(root)'}: {e.message[:300]}"
                        for e in self.op.validator(key, schema).iter_errors(document)
                    ]
        if problems:
            await self._fail(f"{status} body: " + "; ".join(problems[:5]))
            return
        await self.send(self.start)
        await self.send({"type": "http.response.body", "body": body, "more_body": False})
        self.done = True

    async def _fail(self, violation: str) -> None:
        self.failed = True
        detail = (
            f"response of {self.op.operation_id} ({self.version} {self.op.method} "
            f"{self.op.path}) breaks the contract: {violation}"
        )
        logger.error("%s", detail)
        await send_json(self.send, 500, {"detail": detail})
        self.done = True

    async def finish(self) -> None:
        """Flush a buffered response that ended without a final body message."""
        if not self.done and not self.failed and self.buffer is not None:
            await self._check_json(b"".join(self.buffer))


def _media_declared(media_type: str, content: dict[str, Any]) -> bool:
    if media_type in content or "*/*" in content:
        return True
    major = media_type.split("/")[0]
    return f"{major}/*" in content
