"""Limits on API answers: a bound on the decoded body and a deadline for the whole answer.

`LimitedTransport` sits under the retrying transport, so every attempt of an API call gets:

* a deadline for the whole answer (status line, headers and body), `response_deadline` seconds
  from the moment the request is sent: every wait is capped at the time left, and
  `DeadlineWatch` cuts the connection when the deadline passes, however slowly the server drips
  bytes; the call raises `APITimeoutError` (not retried: the time is used up);
* a bound on the decoded body, `max_response_bytes`: the client asks for `gzip, deflate` only,
  decodes them itself in bounded steps (so a small compressed body cannot expand into memory
  unchecked) and refuses any other `Content-Encoding`.

File transfers (signed links, upload chunks, the named-file download route, multipart
uploads) carry the `TRANSFER` request extension and are left alone: they stream to disk under
`transfer_timeout` and are verified against the dataset's records instead.
"""

from __future__ import annotations

import time
import zlib
from collections.abc import Iterator
from typing import Any

import attrs
import httpx

from pycrucible._deadline_watch import DEADLINE_WATCH, Watched
from pycrucible._redact import redact_url
from pycrucible.errors import APITimeoutError, UnexpectedResponseError

__all__ = [
    "TRANSFER",
    "BodyBound",
    "LimitedTransport",
    "ResponseLimits",
    "cap_timeouts",
    "deadline_error",
    "decoder_for",
]

TRANSFER = "pycrucible.transfer"
"""Request extension marking a file transfer, which these limits do not apply to."""

_ORIGINAL_TIMEOUTS = "pycrucible.timeouts"
_ORIGINAL_TRACE = "pycrucible.trace"
ACCEPTED = "gzip, deflate"


@attrs.frozen
class ResponseLimits:
    """Limits of one API answer.

    Attributes:
        max_bytes: Largest decoded body in bytes.
        deadline: Seconds for the whole answer of one attempt, from sending to the last byte.
    """

    max_bytes: int = attrs.field(validator=attrs.validators.gt(0))
    deadline: float = attrs.field(validator=attrs.validators.gt(0))


def _where(request: httpx.Request) -> str:
    return f"{request.method} {redact_url(str(request.url))}"


def decoder_for(encoding: str, request: httpx.Request) -> Any:
    """A zlib decompressor for the answer's `Content-Encoding`; None for an unencoded body."""
    if encoding in ("", "identity"):
        return None
    if encoding == "gzip":
        return zlib.decompressobj(16 + zlib.MAX_WBITS)
    if encoding == "deflate":
        return zlib.decompressobj(zlib.MAX_WBITS)
    raise UnexpectedResponseError(
        f"{_where(request)}: the answer uses Content-Encoding {encoding!r}, "
        f"which was not asked for (only {ACCEPTED})"
    )


def cap_timeouts(request: httpx.Request, seconds: float) -> None:
    """Makes every wait of this attempt at most `seconds` (the time left before the deadline)."""
    original = request.extensions.get(_ORIGINAL_TIMEOUTS)
    if original is None:
        original = dict(request.extensions.get("timeout") or {})
        request.extensions[_ORIGINAL_TIMEOUTS] = original
    capped = {
        key: (seconds if value is None else min(value, seconds)) for key, value in original.items()
    }
    for key in ("connect", "read", "write", "pool"):
        capped.setdefault(key, seconds)
    # httpcore reads this dict when it starts the headers and again when it starts the body.
    timeouts = request.extensions.setdefault("timeout", {})
    timeouts.clear()
    timeouts.update(capped)


class BodyBound:
    """Decodes one API answer's body in bounded steps (shared by the sync and async streams).

    Args:
        decoder: The zlib decompressor of its `Content-Encoding` (None: not encoded).
        limits: The body bound.
        request: The request, for messages.
    """

    def __init__(self, decoder: Any, limits: ResponseLimits, request: httpx.Request) -> None:
        self._decoder = decoder
        self._limits = limits
        self._request = request

    def _decode(self, chunk: bytes, room: int) -> bytes:
        if self._decoder is None:
            self._check_size(self._limits.max_bytes - room + len(chunk))
            return chunk
        try:
            # One byte more than there is room for is enough to know the body is too large.
            data: bytes = self._decoder.decompress(chunk, room + 1)
        except zlib.error as exc:
            raise UnexpectedResponseError(
                f"{_where(self._request)}: the compressed answer is corrupt ({exc})"
            ) from None
        self._check_size(self._limits.max_bytes - room + len(data))
        return data

    def _check_size(self, produced: int) -> None:
        if produced > self._limits.max_bytes:
            raise UnexpectedResponseError(
                f"{_where(self._request)}: the answer is larger than max_response_bytes "
                f"({self._limits.max_bytes} bytes once decoded); nothing more was read"
            )


class _LimitedStream(BodyBound, httpx.SyncByteStream):
    """The body of one API answer, decoded in bounded steps and cut off at the deadline."""

    def __init__(
        self,
        raw: httpx.SyncByteStream,
        decoder: Any,
        limits: ResponseLimits,
        watched: Watched,
        request: httpx.Request,
    ) -> None:
        super().__init__(decoder, limits, request)
        self._raw = raw
        self._watched = watched

    def __iter__(self) -> Iterator[bytes]:
        produced = 0
        try:
            for chunk in self._raw:
                self._check_deadline()
                data = self._decode(chunk, self._limits.max_bytes - produced)
                produced += len(data)
                if data:
                    yield data
        except httpx.TransportError as exc:
            if self._watched.fired:
                raise deadline_error(self._request, self._limits) from exc
            raise
        finally:
            DEADLINE_WATCH.finish(self._watched)
        if self._decoder is not None:
            tail = self._decoder.flush()
            produced += len(tail)
            self._check_size(produced)
            if tail:
                yield tail

    def _check_deadline(self) -> None:
        if self._watched.fired or time.monotonic() > self._watched.deadline:
            raise deadline_error(self._request, self._limits)

    def close(self) -> None:
        DEADLINE_WATCH.finish(self._watched)
        self._raw.close()


def deadline_error(request: httpx.Request, limits: ResponseLimits) -> APITimeoutError:
    return APITimeoutError(
        f"{_where(request)}: no complete answer within response_deadline ({limits.deadline:g} s)"
    )


class LimitedTransport(httpx.BaseTransport):
    """Wraps a transport and applies `ResponseLimits` to every API answer (not to transfers).

    Args:
        inner: The transport that does the work.
        limits: The body bound and the deadline.
    """

    def __init__(self, inner: httpx.BaseTransport, limits: ResponseLimits) -> None:
        self._inner = inner
        self.limits = limits

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        """Sends one attempt of `request` and returns its answer with the limits attached."""
        if request.extensions.get(TRANSFER):
            return self._inner.handle_request(request)
        limits = self.limits
        if _ORIGINAL_TRACE not in request.extensions:
            request.extensions[_ORIGINAL_TRACE] = request.extensions.get("trace")
        watched = DEADLINE_WATCH.watch(
            time.monotonic() + limits.deadline, request.extensions[_ORIGINAL_TRACE]
        )
        request.extensions["trace"] = watched.trace
        cap_timeouts(request, limits.deadline)
        request.headers["Accept-Encoding"] = ACCEPTED
        try:
            response = self._inner.handle_request(request)
        except httpx.TransportError as exc:
            DEADLINE_WATCH.finish(watched)
            if watched.fired:
                raise deadline_error(request, limits) from exc
            raise
        except BaseException:
            DEADLINE_WATCH.finish(watched)
            raise
        try:
            left = watched.deadline - time.monotonic()
            if left <= 0 or watched.fired:
                raise deadline_error(request, limits)
            watched.stream = response.extensions.get("network_stream", watched.stream)
            encoding = response.headers.get("content-encoding", "").strip().lower()
            decoder = decoder_for(encoding, request)
            cap_timeouts(request, left)
            raw = response.stream
            if not isinstance(raw, httpx.SyncByteStream):
                raise TypeError("LimitedTransport needs a synchronous inner transport")
        except BaseException:
            DEADLINE_WATCH.finish(watched)
            response.close()
            raise
        headers = response.headers
        if decoder is not None:  # the body handed on is decoded: drop what described it encoded
            headers = httpx.Headers(
                [
                    (key, value)
                    for key, value in response.headers.multi_items()
                    if key.lower() not in ("content-encoding", "content-length")
                ]
            )
        stream = _LimitedStream(raw, decoder, limits, watched, request)
        return httpx.Response(
            response.status_code,
            headers=headers,
            stream=stream,
            extensions=response.extensions,
            request=request,
        )

    def close(self) -> None:
        """Closes the wrapped transport."""
        self._inner.close()
