"""Async v3 uploads: the signed multipart route, parts sent `upload_workers` at a time.

The rules are the sync engine's (`pycrucible._transfers.multipart_v3`, `parts_v3`,
`calls_v3`), imported rather than copied: the file's digests and part CRC32Cs (`digest_file`,
run in a worker thread so the event loop keeps going), the resume state, the stable
Idempotency-Key, busy answers (`busy_retry`), which storage refusals mean "sign again" or "send
again", and the session stepping past closed ones. Parts go under an `asyncio.Semaphore`;
pauses are awaited.

Not here yet: the resumable-session route the sync engine falls back to when a server has
multipart uploads switched off; such a server gets a clear `TransferError` naming the sync
client's `files.upload`.
"""

from __future__ import annotations

import asyncio
import datetime
import os
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from pathlib import Path
from typing import ParamSpec, TypeVar

import attrs
import httpx
from crucible_openapi.v3 import AuthenticatedClient
from crucible_openapi.v3.api.files import get_file
from crucible_openapi.v3.api.uploads import (
    abort_multipart_upload,
    complete_multipart_upload,
    initiate_multipart_upload,
    initiate_replace_upload,
    list_upload_parts,
    sign_upload_parts,
)
from crucible_openapi.v3.models import (
    FileRecord,
    MultipartUploadComplete,
    MultipartUploadSession,
    PartChecksum,
    PartSignRequest,
    ReplaceUploadInitiate,
    SignedPart,
    SignedParts,
    UploadInitiate,
    UploadPartsStatus,
)
from crucible_openapi.v3.types import UNSET

from pycrucible._async._http import ainvoke
from pycrucible._http import translate_errors
from pycrucible._redact import get_logger
from pycrucible._transfers.calls_v3 import (
    busy_retry,
    busy_wait,
    is_multipart_disabled,
    structured_detail,
)
from pycrucible._transfers.digest_v3 import Digest, digest_file
from pycrucible._transfers.io import ProgressMeter
from pycrucible._transfers.multipart_v3 import _REOPENS, _about, _idempotency_key, _local_file
from pycrucible._transfers.parts_v3 import RESIGN_MARGIN, SIGN_BATCH, _damaged, _read_range
from pycrucible._transfers.state_v3 import drop_state, load_state, save_state, state_path
from pycrucible._transport import idempotent_calls, status_retries_by_caller
from pycrucible._types import ProgressCallback
from pycrucible.errors import (
    APIConnectionError,
    APIStatusError,
    ConflictError,
    CrucibleError,
    EtagMismatchError,
    FilenameExistsError,
    NotFoundError,
    TransferError,
    UnexpectedResponseError,
)

__all__ = ["MultipartSettings", "replace_file_multipart", "upload_file_v3"]

log = get_logger("transfers")
P = ParamSpec("P")
R = TypeVar("R")
_RESIGNS = 3


@attrs.frozen
class MultipartSettings:
    """How the async v3 uploads run (the sync `MultipartSettings`, with an awaited `sleep`).

    Attributes:
        workers: Parts sent at the same time.
        part_attempts: Tries per part before the upload fails.
        state_dir: Folder of resume state; None keeps no state.
        guess_part_size: Part size (bytes) assumed while hashing.
        chunk_size: Unused here (the resumable route's chunk size).
        call_attempts: Tries per upload-route call answered 429/502/503/504.
        progress: Called with (file name, bytes sent, total) as an upload goes.
        sleep: Awaited to pause for the given seconds.
        clock: Unix time in seconds (signed URLs about to expire are signed again first).
    """

    workers: int = 8
    part_attempts: int = 3
    state_dir: Path | None = None
    guess_part_size: int = 64 * 1024 * 1024
    chunk_size: int | None = None
    call_attempts: int = 6
    progress: ProgressCallback | None = None
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep
    clock: Callable[[], float] = time.time


async def upload_call(
    settings: MultipartSettings,
    operation: Callable[P, Awaitable[R]],
    /,
    *args: P.args,
    **kwargs: P.kwargs,
) -> R:
    """Awaits a generated upload-route operation, retrying busy answers (see `calls_v3`)."""
    attempt = 1
    while True:
        try:
            with status_retries_by_caller(), idempotent_calls():
                return await ainvoke(operation, *args, **kwargs)
        except APIStatusError as exc:
            pause = busy_retry(exc, attempt, settings.call_attempts)
            if pause is None:
                raise
            await settings.sleep(pause)
            attempt += 1


async def _digest(settings: MultipartSettings, local: Path, name: str, size: int) -> Digest:
    meter = ProgressMeter(settings.progress, name, local.stat().st_size)
    report = meter.hashing if hasattr(settings.progress, "hashing") else None
    return await asyncio.to_thread(digest_file, local, size, report)


def _state_of(
    api: AuthenticatedClient, settings: MultipartSettings, dataset: str, local: Path
) -> Path | None:
    api_url = str(api.get_async_httpx_client().base_url)
    return state_path(settings.state_dir, "multipart", api_url, dataset, local)


async def upload_file_v3(
    api: AuthenticatedClient,
    storage: httpx.AsyncClient,
    dataset_mfid: str,
    path: str | os.PathLike[str],
    *,
    filename: str | None = None,
    settings: MultipartSettings | None = None,
) -> FileRecord:
    """Uploads one file by signed multipart (see the sync `upload_file_multipart`).

    Raises:
        TransferError: Also when the server has multipart uploads switched off (the async
            client has no resumable-session fallback yet).
    """
    settings = settings or MultipartSettings()
    local = _local_file(path)
    name = filename or local.name
    digest = await _digest(settings, local, name, settings.guess_part_size)
    state_file = _state_of(api, settings, dataset_mfid, local)
    saved = load_state(state_file, digest.size, digest.mtime_ns, digest.sha256)
    key = saved["idempotency_key"] if saved else _idempotency_key(dataset_mfid, name, digest)
    job = _Upload(api, storage, dataset_mfid, local, name, settings)
    try:
        return await job.open_and_finish(
            digest, key, lambda c: _idempotency_key(dataset_mfid, f"{name}\nafter {c}", digest)
        )
    except APIStatusError as exc:
        if not is_multipart_disabled(exc):
            raise
        raise TransferError(
            f"{name}: this server has multipart uploads switched off, and the async client "
            "has no resumable-session upload; use the sync client's files.upload"
        ) from exc


async def replace_file_multipart(
    api: AuthenticatedClient,
    storage: httpx.AsyncClient,
    file_mfid: str,
    path: str | os.PathLike[str],
    *,
    etag: str = "*",
    settings: MultipartSettings | None = None,
) -> FileRecord:
    """Replaces a file record's content (`If-Match`), signed multipart (see the sync one)."""
    settings = settings or MultipartSettings()
    local = _local_file(path)
    record = (await ainvoke(get_file.asyncio_detailed, file_mfid, client=api)).parsed
    if not isinstance(record, FileRecord) or not isinstance(record.dataset_mfid, str):
        raise UnexpectedResponseError(f"file {file_mfid}: no file record")
    name = record.filename if isinstance(record.filename, str) else local.name
    digest = await _digest(settings, local, name, settings.guess_part_size)
    key = _idempotency_key(file_mfid, f"replace:{etag}", digest)
    job = _Upload(api, storage, record.dataset_mfid, local, name, settings, (file_mfid, etag))
    return await job.open_and_finish(
        digest, key, lambda c: _idempotency_key(file_mfid, f"replace:{etag}\nafter {c}", digest)
    )


class _Upload:
    """One file's multipart session: open (new file or replacement), send, complete."""

    def __init__(
        self,
        api: AuthenticatedClient,
        storage: httpx.AsyncClient,
        dataset: str,
        local: Path,
        name: str,
        settings: MultipartSettings,
        replacing: tuple[str, str] | None = None,
    ) -> None:
        self.api, self.storage, self.dataset = api, storage, dataset
        self.local, self.name, self.settings = local, name, settings
        self.replacing = replacing

    async def open_and_finish(
        self, digest: Digest, key: str, next_key: Callable[[str], str]
    ) -> FileRecord:
        """Opens a session and finishes it, stepping past closed ones (as the sync engine)."""
        reopened = 0
        while True:
            session = await self._open(digest, key)
            try:
                return await self._finish(digest, session, key)
            except NotFoundError as exc:
                closed = session.upload_id
                if reopened >= _REOPENS or not isinstance(closed, str) or not _about(exc, closed):
                    raise
                reopened += 1
                log.info("%s: upload session %s is closed; opening a new one", self.name, closed)
                key = next_key(closed)

    async def _open(self, digest: Digest, key: str) -> MultipartUploadSession:
        settings, api = self.settings, self.api
        try:
            if self.replacing is not None:
                file_mfid, etag = self.replacing
                parsed = (
                    await upload_call(
                        settings,
                        initiate_replace_upload.asyncio_detailed,
                        file_mfid,
                        client=api,
                        body=ReplaceUploadInitiate(size=digest.size, sha256_hash=digest.sha256),
                        idempotency_key=key,
                        if_match=etag,
                    )
                ).parsed
            else:
                body = UploadInitiate(
                    filename=self.name, size=digest.size, sha256_hash=digest.sha256
                )
                parsed = (
                    await upload_call(
                        settings,
                        initiate_multipart_upload.asyncio_detailed,
                        self.dataset,
                        client=api,
                        body=body,
                        idempotency_key=key,
                    )
                ).parsed
        except APIStatusError as exc:
            raise self._refusal(exc) from exc
        if not isinstance(parsed, MultipartUploadSession):
            raise UnexpectedResponseError(f"{self.name}: initiate answered no upload session")
        return parsed

    def _refusal(self, exc: APIStatusError) -> CrucibleError:
        detail = structured_detail(exc)
        if self.replacing is not None and exc.status_code == 412:
            file_mfid, etag = self.replacing
            current = detail.get("etag")
            return EtagMismatchError(
                f"file {file_mfid} changed since its etag {etag!r} was read; nothing was "
                "replaced (read the record again for its current etag)",
                cause=exc,
                file_mfid=file_mfid,
                etag=current if isinstance(current, str) else None,
            )
        if isinstance(exc, ConflictError) and detail.get("code") == "filename_exists":
            mfid, tag = detail.get("file_mfid"), detail.get("etag")
            return FilenameExistsError(
                f"dataset {self.dataset} already has another file named {self.name!r} ({mfid}); "
                "replace it (client.v3.files.replace with its etag) or choose another name",
                cause=exc,
                file_mfid=mfid if isinstance(mfid, str) else None,
                etag=tag if isinstance(tag, str) else None,
            )
        return exc

    async def _finish(
        self, digest: Digest, session: MultipartUploadSession, key: str
    ) -> FileRecord:
        settings, name = self.settings, self.name
        state_file = _state_of(self.api, settings, self.dataset, self.local)
        meter = ProgressMeter(settings.progress, name, digest.size)
        if isinstance(session.existing_file, FileRecord):
            meter.update(digest.size)
            log.info("%s: content already stored, nothing sent", name)
            drop_state(state_file)
            return session.existing_file
        upload_id, part_size = session.upload_id, session.part_size
        if not isinstance(upload_id, str) or not isinstance(part_size, int):
            raise UnexpectedResponseError(f"{name}: initiate answered no upload_id or part_size")
        if part_size != digest.part_size:
            digest = await asyncio.to_thread(digest_file, self.local, part_size)
        save_state(
            state_file,
            dataset=self.dataset,
            path=str(self.local),
            size=digest.size,
            mtime_ns=digest.mtime_ns,
            sha256=digest.sha256,
            upload_id=upload_id,
            idempotency_key=key,
        )
        try:
            done = await self._acknowledged(upload_id)
            missing = [n for n in range(1, len(digest.part_crcs) + 1) if n not in done]
            log.info("%s: %d of %d parts to send", name, len(missing), len(digest.part_crcs))
            to_send = sum(min(part_size, digest.size - (n - 1) * part_size) for n in missing)
            meter.update(digest.size - to_send)  # a resumed upload starts where the server is
            parts = _Parts(self, upload_id, digest, meter.advance)
            await parts.send_all(missing)
            body = MultipartUploadComplete(
                upload_id=upload_id, sha256_hash=digest.sha256, crc32c=digest.crc32c
            )
            record = (
                await upload_call(
                    settings,
                    complete_multipart_upload.asyncio_detailed,
                    self.dataset,
                    client=self.api,
                    body=body,
                )
            ).parsed
        except APIConnectionError:
            raise  # resumable: keep the session and the state
        except (APIStatusError, TransferError):
            await self._abort(upload_id)
            drop_state(state_file)
            raise
        if not isinstance(record, FileRecord):
            raise UnexpectedResponseError(f"{name}: completion answered no file record")
        drop_state(state_file)
        meter.finish()
        return record

    async def _acknowledged(self, upload_id: str) -> set[int]:
        done: set[int] = set()
        marker: int | None = None
        while True:
            parsed = (
                await upload_call(
                    self.settings,
                    list_upload_parts.asyncio_detailed,
                    self.dataset,
                    upload_id,
                    client=self.api,
                    part_number_marker=UNSET if marker is None else marker,
                )
            ).parsed
            if not isinstance(parsed, UploadPartsStatus):
                raise UnexpectedResponseError(f"upload {upload_id}: no parts list")
            done.update(part.part_number for part in parsed.parts)
            following = parsed.next_part_number_marker
            if not isinstance(following, int) or following == marker:
                return done
            marker = following

    async def _abort(self, upload_id: str) -> None:
        try:
            await upload_call(
                self.settings,
                abort_multipart_upload.asyncio_detailed,
                self.dataset,
                upload_id,
                client=self.api,
            )
        except CrucibleError as exc:
            log.warning("upload %s: abort failed (%s)", upload_id, exc)


class _ExpiredError(Exception):
    """Storage refused a part's URL as expired or forbidden: sign it again."""


class _Parts:
    """The signing and sending of one session's parts, `settings.workers` at a time."""

    def __init__(
        self, upload: _Upload, upload_id: str, digest: Digest, sent: Callable[[int], None]
    ) -> None:
        self.upload, self.upload_id, self.digest, self.sent = upload, upload_id, digest, sent
        self.settings = upload.settings

    async def send_all(self, missing: Sequence[int]) -> None:
        gate = asyncio.Semaphore(max(1, self.settings.workers))

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
        crcs = self.digest.part_crcs
        request = PartSignRequest(
            parts=[PartChecksum(part_number=n, crc32c=crcs[n - 1]) for n in numbers]
        )
        upload = self.upload
        signed = (
            await upload_call(
                self.settings,
                sign_upload_parts.asyncio_detailed,
                upload.dataset,
                self.upload_id,
                client=upload.api,
                body=request,
            )
        ).parsed
        if not isinstance(signed, SignedParts) or len(signed.parts) != len(numbers):
            raise UnexpectedResponseError(f"upload {self.upload_id}: no signed parts")
        return signed.parts

    def expiring(self, part: SignedPart) -> bool:
        expires = part.expires_at
        if not isinstance(expires, datetime.datetime):
            return False
        return expires.timestamp() - self.settings.clock() < RESIGN_MARGIN

    async def send(self, part: SignedPart) -> None:
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
                await self.upload.storage.put(
                    part.url,
                    content=_blocks(self.upload.local, part.offset, part.size),
                    headers=sent,
                )
        except APIStatusError as exc:
            status, detail = exc.status_code, exc.detail
            if status == 403 or (status == 400 and "expired" in detail.lower()):
                raise _ExpiredError(f"{status} {detail}".strip()) from exc
            if status == 400 and _damaged(detail):
                raise
            if status < 500 and status != 429:
                raise TransferError(f"part {part.part_number} refused: {status} {detail}") from exc
            raise


async def _blocks(local: Path, offset: int, size: int) -> AsyncIterator[bytes]:
    """A part's bytes, read a block at a time (never a whole part in memory)."""
    for block in _read_range(local, offset, size):
        yield block
