"""Recording machinery of the cassette tests (see conftest.py for how to re-record).

Cassettes: recorded against the local server, replayed offline.

By default every test replays its cassette (`record_mode="none"`: a request that is not in the
cassette fails the test). `PYCRUCIBLE_RECORD=1 pytest tests/recorded` re-records them all
against a fresh `LocalCrucible` started with random keys; every cassette is then checked for
those keys before the run ends.

What is rewritten while recording, in request URLs, request and response bodies:
the server's random `http://127.0.0.1:<port>` becomes `https://crucible.test`; the keys become
`<redacted>`; signed-URL signatures become `REDACTED` (replay asks for the same rewritten URL).
Secrets the server hands out during the recording are learnt from its JSON answers and
rewritten from then on: a new API key (`api_key`, a service account's) becomes `<redacted>`;
an API v3 upload session id or access token becomes a stable stand-in (`upload_id-1`, ...), in
the answer and in every later URL and body, so a replay still asks for what it was given.
The `Authorization`, `Cookie`, `Host`, `User-Agent` and `Idempotency-Key` headers are not
stored at all.
"""

from __future__ import annotations

import json
import os
import re
import time
from pathlib import Path
from typing import Any

import vcr

CASSETTES = Path(__file__).parent / "cassettes"
FAKE_URL = "https://crucible.test"
REPLAY_KEY = "replay-key-not-a-secret"
RECORDING = os.environ.get("PYCRUCIBLE_RECORD") == "1"
_SIGNATURE = re.compile(rb"(signature=)[0-9a-fA-F]+")
FILTERED_HEADERS = ["authorization", "cookie", "host", "user-agent", "idempotency-key"]
# Fields of JSON answers whose values are secrets handed out by the server.
_SECRET_FIELDS = ("api_key", "upload_id", "access_token", "idempotency_key")


def _secret_values(data: object, found: list[tuple[str, str]]) -> None:
    """Collects (field, value) of the secret fields anywhere in parsed JSON."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key in _SECRET_FIELDS and isinstance(value, str) and value:
                found.append((key, value))
            else:
                _secret_values(value, found)
    elif isinstance(data, list):
        for item in data:
            _secret_values(item, found)


class Scrubber:
    """Rewrites what a cassette must not keep (see the module docstring)."""

    def __init__(self, server_url: str, secrets_: list[str]) -> None:
        self.pairs = [(server_url.encode(), FAKE_URL.encode())]
        self.pairs += [(s.encode(), b"<redacted>") for s in secrets_]
        self.learnt: dict[str, str] = {}

    def learn(self, body: bytes) -> None:
        """Remembers the secrets in a JSON answer, each with its stand-in (see the docstring)."""
        try:
            data = json.loads(body)
        except ValueError:
            return
        found: list[tuple[str, str]] = []
        _secret_values(data, found)
        for field, value in found:
            if value in self.learnt:
                continue
            stand_in = "<redacted>" if field == "api_key" else f"{field}-{len(self.learnt) + 1}"
            self.learnt[value] = stand_in
            # Longest first, so a secret inside another is never half rewritten.
            self.pairs.append((value.encode(), stand_in.encode()))
            self.pairs.sort(key=lambda pair: len(pair[0]), reverse=True)

    def bytes(self, data: bytes) -> bytes:
        for old, new in self.pairs:
            data = data.replace(old, new)
        return _SIGNATURE.sub(rb"\1REDACTED", data)

    def text(self, data: str) -> str:
        return self.bytes(data.encode()).decode()

    def request(self, request: Any) -> Any:
        request.uri = self.text(request.uri)
        if isinstance(request.body, bytes):
            request.body = self.bytes(request.body)
        return request

    def response(self, response: dict[str, Any]) -> dict[str, Any]:
        body = response.get("body", {})
        if isinstance(body.get("string"), bytes):
            self.learn(body["string"])
            body["string"] = self.bytes(body["string"])
        for name in ("location", "content-location"):
            for key in [k for k in response.get("headers", {}) if k.lower() == name]:
                response["headers"][key] = [self.text(v) for v in response["headers"][key]]
        return response


class Target:
    """Where the clients of one session talk to: a recording server, or the replay host."""

    def __init__(self, url: str, user_key: str, admin_key: str, scrubber: Scrubber | None) -> None:
        self.url = url
        self.user_key = user_key
        self.admin_key = admin_key
        self.scrubber = scrubber

    @property
    def keys(self) -> list[str]:
        return [self.user_key, self.admin_key]

    def vcr(self) -> vcr.VCR:
        return recorder(self.scrubber, "all" if RECORDING else "none", CASSETTES)


def recorder(scrubber: Scrubber | None, record_mode: str, library: Path) -> vcr.VCR:
    """The cassette recorder with this tier's filters (also used by the secrets tests)."""
    return vcr.VCR(
        cassette_library_dir=str(library),
        record_mode=record_mode,
        filter_headers=FILTERED_HEADERS,
        before_record_request=scrubber.request if scrubber else None,
        before_record_response=scrubber.response if scrubber else None,
        decode_compressed_response=True,
    )


def replay_sleep(seconds: float) -> None:
    if RECORDING:  # the local workers need a moment; replays never wait
        time.sleep(min(seconds, 0.02))
