"""The parts of an API v3 signed multipart upload: sign in batches, PUT in parallel, re-sign.

Parts are signed at most `SIGN_BATCH` at a time and sent by a pool of threads, each streamed
from the file (never a whole part in memory) through the key-less storage client. A signed
URL that is about to expire (`RESIGN_MARGIN` seconds) is signed again before it is used, and a
part refused as expired or forbidden (403, or 400 naming an expired token) is signed again and
resent, so a long upload outlives its URLs. A part refused because its bytes failed the CRC32C
check (damaged on the way) is sent again, up to `part_attempts` times.
"""

from __future__ import annotations

import contextvars
import datetime
from collections.abc import Callable, Generator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
from crucible_openapi.v3 import AuthenticatedClient
from crucible_openapi.v3.api.uploads import sign_upload_parts
from crucible_openapi.v3.models import PartChecksum, PartSignRequest, SignedPart, SignedParts

from pycrucible._http import translate_errors
from pycrucible._redact import get_logger
from pycrucible._transfers.calls_v3 import MultipartSettings, busy_wait, upload_call
from pycrucible._transfers.digest_v3 import READ_BLOCK, Digest
from pycrucible.errors import (
    APIConnectionError,
    APIStatusError,
    TransferError,
    UnexpectedResponseError,
)

__all__ = ["RESIGN_MARGIN", "SIGN_BATCH", "part_damaged", "read_range", "send_parts"]

log = get_logger("transfers")

SIGN_BATCH = 32
"""Most parts signed by one call (the API's limit)."""
RESIGN_MARGIN = 30.0
"""Seconds: a signed URL expiring sooner than this is signed again before it is used."""
_RESIGNS = 3
"""Most times one part's URL is signed again within one upload."""


class _ExpiredError(Exception):
    """Storage refused a part's URL as expired or forbidden: sign it again."""


class _Parts:
    """The signing and sending of one session's parts.

    Args:
        api: The v3 generated client (carries the key).
        storage: The key-less client for signed URLs.
        dataset: The dataset's MFID.
        upload_id: The session.
        local: The local file.
        digest: Its digests at the session's part size.
        settings: Workers, tries, sleep and clock.
        sent: Called with each part's size once storage accepted it.
    """

    def __init__(
        self,
        api: AuthenticatedClient,
        storage: httpx.Client,
        dataset: str,
        upload_id: str,
        local: Path,
        digest: Digest,
        settings: MultipartSettings,
        sent: Callable[[int], None] | None = None,
    ) -> None:
        self.sent = sent
        self.api = api
        self.storage = storage
        self.dataset = dataset
        self.upload_id = upload_id
        self.local = local
        self.digest = digest
        self.settings = settings

    def sign(self, numbers: list[int]) -> list[SignedPart]:
        """Signed URLs for the given part numbers (at most `SIGN_BATCH`)."""
        request = PartSignRequest(
            parts=[
                PartChecksum(part_number=n, crc32c=self.digest.part_crcs[n - 1]) for n in numbers
            ]
        )
        signed = upload_call(
            self.settings,
            sign_upload_parts.sync_detailed,
            self.dataset,
            self.upload_id,
            client=self.api,
            body=request,
        ).parsed
        if not isinstance(signed, SignedParts) or len(signed.parts) != len(numbers):
            raise UnexpectedResponseError(f"upload {self.upload_id}: no signed parts")
        return signed.parts

    def expiring(self, part: SignedPart) -> bool:
        """Whether the part's URL expires within `RESIGN_MARGIN` seconds."""
        expires = part.expires_at
        if not isinstance(expires, datetime.datetime):
            return False
        return expires.timestamp() - self.settings.clock() < RESIGN_MARGIN

    def send(self, part: SignedPart) -> None:
        """Sends one part, signing its URL again when it expires; retries what may pass."""
        resigned = 0
        if self.expiring(part):
            part, resigned = self.sign([part.part_number])[0], 1
        failures = 0
        while True:
            try:
                self._put(part)
                if self.sent is not None:
                    self.sent(part.size)
                return
            except _ExpiredError as refusal:
                if resigned >= _RESIGNS:
                    raise TransferError(
                        f"part {part.part_number} refused by storage after signing it again "
                        f"{resigned} times: {refusal}"
                    ) from None
                log.info(
                    "part %d: signed URL refused (%s); signing again", part.part_number, refusal
                )
                part, resigned = self.sign([part.part_number])[0], resigned + 1
            except (APIConnectionError, APIStatusError) as exc:
                failures += 1
                if failures >= max(1, self.settings.part_attempts):
                    if isinstance(exc, APIConnectionError):
                        raise  # the session stays open: the upload resumes on the next call
                    raise TransferError(
                        f"part {part.part_number} failed after {failures} attempts: {exc}"
                    ) from exc
                if isinstance(exc, APIStatusError):
                    self.settings.sleep(busy_wait(exc) if exc.status_code in (429, 503) else 1.0)

    def _put(self, part: SignedPart) -> None:
        headers = part.headers.to_dict() if part.headers else {}
        sent = {
            str(k): str(v)
            for k, v in headers.items()
            if str(k).lower() not in ("content-length", "authorization")
        }
        sent["Content-Length"] = str(part.size)
        try:
            with translate_errors():
                self.storage.put(
                    part.url, content=read_range(self.local, part.offset, part.size), headers=sent
                )
        except APIStatusError as exc:
            status, detail = exc.status_code, exc.detail
            if status == 403 or (status == 400 and "expired" in detail.lower()):
                raise _ExpiredError(f"{status} {detail}".strip()) from exc
            if status == 400 and part_damaged(detail):
                raise  # the bytes changed on the way: sending the part again may pass
            if status < 500 and status != 429:
                raise TransferError(f"part {part.part_number} refused: {status} {detail}") from exc
            raise


def send_parts(
    api: AuthenticatedClient,
    storage: httpx.Client,
    dataset: str,
    upload_id: str,
    local: Path,
    digest: Digest,
    missing: list[int],
    settings: MultipartSettings,
    sent: Callable[[int], None] | None = None,
) -> None:
    """Signs and sends the missing parts of a session, `settings.workers` at a time.

    Args:
        api: The v3 generated client.
        storage: The key-less client for signed URLs.
        dataset: The dataset's MFID.
        upload_id: The session.
        local: The local file.
        digest: Its digests at the session's part size.
        missing: Part numbers (1-based) the server has not acknowledged.
        settings: Workers, tries, sleep and clock.
        sent: Called with each part's size once storage accepted it (from worker threads).

    Raises:
        TransferError: A part was refused, or failed every try with an error answer.
        APIConnectionError: A part could not be sent (the session stays open for a resume).
    """
    parts = _Parts(api, storage, dataset, upload_id, local, digest, settings, sent)
    with ThreadPoolExecutor(max_workers=max(1, settings.workers)) as pool:
        for start in range(0, len(missing), SIGN_BATCH):
            signed = parts.sign(missing[start : start + SIGN_BATCH])
            # Each job runs in a copy of this context: per-call options reach its re-signing.
            jobs = [pool.submit(contextvars.copy_context().run, parts.send, p) for p in signed]
            for job in jobs:
                job.result()


def part_damaged(detail: str) -> bool:
    """Whether a storage refusal says the part's bytes did not match their checksum.

    Args:
        detail: The text of the storage's refusal.
    """
    text = detail.lower()
    return "baddigest" in text or "crc32c" in text or "checksum" in text


def read_range(local: Path, offset: int, size: int) -> Generator[bytes, None, None]:
    """The bytes `offset:offset + size` of a file, in blocks of at most `READ_BLOCK` (1 MiB).

    Args:
        local: The file.
        offset: Where the range starts, in bytes.
        size: The range's length, in bytes.

    Raises:
        TransferError: The file ended before the range did (it shrank while it was sent).
    """
    with local.open("rb") as handle:
        handle.seek(offset)
        left = size
        while left > 0:
            chunk = handle.read(min(READ_BLOCK, left))
            if not chunk:
                raise TransferError(f"{local} shrank while it was sent")
            left -= len(chunk)
            yield chunk
