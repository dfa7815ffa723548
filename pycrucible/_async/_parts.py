"""Async signing and sending of one multipart session's parts, `workers` at a time.

The twin of `pycrucible._transfers.parts_v3` (its rules imported: which refusals mean "sign
again" or "send again", the re-sign margin, the sign batch): parts go under an
`asyncio.Semaphore`, each streamed from the file a block at a time through the key-less
storage client.
"""

from __future__ import annotations

import asyncio
import contextvars
import datetime
from collections.abc import Callable, Sequence
from pathlib import Path

import httpx
from crucible_openapi.v3 import AuthenticatedClient
from crucible_openapi.v3.api.uploads import sign_upload_parts
from crucible_openapi.v3.models import PartChecksum, PartSignRequest, SignedPart, SignedParts

from pycrucible._async._calls import MultipartSettings, upload_call
from pycrucible._async._disk import file_blocks
from pycrucible._http import translate_errors
from pycrucible._redact import get_logger
from pycrucible._transfers.calls_v3 import busy_wait
from pycrucible._transfers.digest_v3 import Digest
from pycrucible._transfers.parts_v3 import RESIGN_MARGIN, SIGN_BATCH, part_damaged
from pycrucible.errors import (
    APIConnectionError,
    APIStatusError,
    TransferError,
    UnexpectedResponseError,
)

__all__ = ["PART_GATE", "Parts"]

log = get_logger("transfers")
_RESIGNS = 3

PART_GATE: contextvars.ContextVar[asyncio.Semaphore | None] = contextvars.ContextVar(
    "pycrucible_async_part_gate", default=None
)
"""The bound on parts in flight shared by the files of one `upload_files_v3` call (None: each
session bounds its own parts by `settings.workers`)."""


class _ExpiredError(Exception):
    """Storage refused a part's URL as expired or forbidden: sign it again."""


class Parts:
    """The signing and sending of one session's parts, `settings.workers` at a time.

    Args:
        api: The v3 generated client (carries the key).
        storage: The key-less client for signed URLs.
        dataset: The dataset's MFID.
        local: The local file.
        upload_id: The session.
        digest: The file's digests at the session's part size.
        settings: Workers, tries, sleep and clock.
        sent: Called with each part's size once storage accepted it.
    """

    def __init__(
        self,
        api: AuthenticatedClient,
        storage: httpx.AsyncClient,
        dataset: str,
        local: Path,
        upload_id: str,
        digest: Digest,
        settings: MultipartSettings,
        sent: Callable[[int], None],
    ) -> None:
        self.api, self.storage, self.dataset, self.local = api, storage, dataset, local
        self.upload_id, self.digest, self.settings, self.sent = upload_id, digest, settings, sent

    async def send_all(self, missing: Sequence[int]) -> None:
        """Signs and sends the given parts (numbers, 1-based), `settings.workers` at a time."""
        gate = PART_GATE.get() or asyncio.Semaphore(max(1, self.settings.workers))

        async def one(part: SignedPart) -> None:
            async with gate:
                await self.send(part)

        for start in range(0, len(missing), SIGN_BATCH):
            signed = await self.sign(list(missing[start : start + SIGN_BATCH]))
            tasks = [asyncio.ensure_future(one(part)) for part in signed]
            try:
                await asyncio.gather(*tasks)
            except BaseException:
                for task in tasks:
                    task.cancel()
                await asyncio.gather(*tasks, return_exceptions=True)
                raise

    async def sign(self, numbers: list[int]) -> list[SignedPart]:
        """Signed URLs for the given part numbers (at most `SIGN_BATCH`)."""
        crcs = self.digest.part_crcs
        request = PartSignRequest(
            parts=[PartChecksum(part_number=n, crc32c=crcs[n - 1]) for n in numbers]
        )
        signed = (
            await upload_call(
                self.settings,
                sign_upload_parts.asyncio_detailed,
                self.dataset,
                self.upload_id,
                client=self.api,
                body=request,
            )
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

    async def send(self, part: SignedPart) -> None:
        """Sends one part, signing its URL again when it expires; retries what may pass."""
        resigned = 0
        if self.expiring(part):
            part, resigned = (await self.sign([part.part_number]))[0], 1
        failures = 0
        while True:
            try:
                await self._put(part)
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
                part, resigned = (await self.sign([part.part_number]))[0], resigned + 1
            except (APIConnectionError, APIStatusError) as exc:
                failures += 1
                if failures >= max(1, self.settings.part_attempts):
                    if isinstance(exc, APIConnectionError):
                        raise  # the session stays open: the upload resumes on the next call
                    raise TransferError(
                        f"part {part.part_number} failed after {failures} attempts: {exc}"
                    ) from exc
                if isinstance(exc, APIStatusError):
                    await self.settings.sleep(
                        busy_wait(exc) if exc.status_code in (429, 503) else 1.0
                    )

    async def _put(self, part: SignedPart) -> None:
        headers = part.headers.to_dict() if part.headers else {}
        sent = {
            str(k): str(v)
            for k, v in headers.items()
            if str(k).lower() not in ("content-length", "authorization")
        }
        sent["Content-Length"] = str(part.size)
        try:
            with translate_errors():
                await self.storage.put(
                    part.url,
                    content=file_blocks(self.local, part.offset, part.size),
                    headers=sent,
                )
        except APIStatusError as exc:
            status, detail = exc.status_code, exc.detail
            if status == 403 or (status == 400 and "expired" in detail.lower()):
                raise _ExpiredError(f"{status} {detail}".strip()) from exc
            if status == 400 and part_damaged(detail):
                raise
            if status < 500 and status != 429:
                raise TransferError(f"part {part.part_number} refused: {status} {detail}") from exc
            raise
