"""Async v3 uploads: the signed multipart route, parts sent `upload_workers` at a time.

The rules are the sync engine's (`pycrucible._transfers.multipart_v3`, `parts_v3`,
`calls_v3`), imported rather than copied: the file's digests and part CRC32Cs (`digest_file`,
run in a worker thread so the event loop keeps going), the resume state, the stable
Idempotency-Key, busy answers (`busy_retry`), which storage refusals mean "sign again" or "send
again", and the session stepping past closed ones. Parts go under an `asyncio.Semaphore`,
their bytes read in worker threads (`_disk.file_blocks`); pauses are awaited. Several files go
at once (`upload_files_v3`): at most `upload_workers` files, and at most `upload_workers` parts
in flight across all of them.

A server with multipart uploads switched off gets a resumable session
(`pycrucible._async._resumable`), as from the sync engine.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import ParamSpec, TypeVar

import httpx
from crucible_openapi.v3 import AuthenticatedClient
from crucible_openapi.v3.api.files import get_file
from crucible_openapi.v3.api.uploads import (
    abort_multipart_upload,
    complete_multipart_upload,
    initiate_multipart_upload,
    initiate_replace_upload,
    list_upload_parts,
)
from crucible_openapi.v3.models import (
    FileRecord,
    MultipartUploadComplete,
    MultipartUploadSession,
    ReplaceUploadInitiate,
    UploadInitiate,
    UploadPartsStatus,
)
from crucible_openapi.v3.types import UNSET

from pycrucible._async._calls import MultipartSettings, upload_call
from pycrucible._async._http import ainvoke
from pycrucible._async._parts import PART_GATE, Parts
from pycrucible._async._resumable import upload_file_resumable
from pycrucible._redact import get_logger
from pycrucible._transfers.calls_v3 import (
    REOPENS,
    idempotency_key,
    is_about_upload,
    is_multipart_disabled,
    local_file,
    structured_detail,
)
from pycrucible._transfers.digest_v3 import Digest, digest_file
from pycrucible._transfers.io import ProgressMeter
from pycrucible._transfers.state_v3 import drop_state, load_state, save_state, state_path
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

__all__ = ["MultipartSettings", "replace_file_multipart", "upload_file_v3", "upload_files_v3"]

log = get_logger("transfers")
P = ParamSpec("P")
R = TypeVar("R")


async def _digest(settings: MultipartSettings, local: Path, name: str, size: int) -> Digest:
    meter = ProgressMeter(settings.progress, name, local.stat().st_size)
    report = meter.hashing if hasattr(settings.progress, "hashing") else None
    return await asyncio.to_thread(digest_file, local, size, report)


def _state_of(
    api: AuthenticatedClient, settings: MultipartSettings, dataset: str, local: Path
) -> Path | None:
    api_url = str(api.get_async_httpx_client().base_url)
    return state_path(settings.state_dir, "multipart", api_url, dataset, local)


async def upload_files_v3(
    api: AuthenticatedClient,
    storage: httpx.AsyncClient,
    dataset_mfid: str,
    paths: Sequence[Path],
    *,
    settings: MultipartSettings | None = None,
) -> list[FileRecord]:
    """Uploads several files into a dataset, up to `settings.workers` files at once.

    The parts of all these files share one bound too: at most `settings.workers` parts are
    in flight at any time, whichever files they belong to. The first failure cancels the
    other files' uploads (their sessions stay open, so a new call resumes them).

    Returns:
        The file records, in the order of `paths`.
    """
    settings = settings or MultipartSettings()
    workers = max(1, settings.workers)
    files = asyncio.Semaphore(workers)

    async def one(path: Path) -> FileRecord:
        async with files:
            return await upload_file_v3(api, storage, dataset_mfid, path, settings=settings)

    shared = PART_GATE.set(asyncio.Semaphore(workers))
    try:  # the tasks copy the context now: they all see the shared gate
        tasks = [asyncio.ensure_future(one(path)) for path in paths]
    finally:
        PART_GATE.reset(shared)
    try:
        return list(await asyncio.gather(*tasks))
    except BaseException:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        raise


async def upload_file_v3(
    api: AuthenticatedClient,
    storage: httpx.AsyncClient,
    dataset_mfid: str,
    path: str | os.PathLike[str],
    *,
    filename: str | None = None,
    settings: MultipartSettings | None = None,
) -> FileRecord:
    """Uploads one file: signed multipart, or a resumable session when multipart is off (see
    the sync `upload_file_v3`)."""
    settings = settings or MultipartSettings()
    local = local_file(path)
    name = filename or local.name
    digest = await _digest(settings, local, name, settings.guess_part_size)
    state_file = _state_of(api, settings, dataset_mfid, local)
    saved = load_state(state_file, digest.size, digest.mtime_ns, digest.sha256)
    key = saved["idempotency_key"] if saved else idempotency_key(dataset_mfid, name, digest)
    job = _Upload(api, storage, dataset_mfid, local, name, settings)
    try:
        return await job.open_and_finish(
            digest, key, lambda c: idempotency_key(dataset_mfid, f"{name}\nafter {c}", digest)
        )
    except APIStatusError as exc:
        if not is_multipart_disabled(exc):
            raise
        log.info("multipart uploads are disabled on this server: using a resumable session")
    return await upload_file_resumable(api, storage, dataset_mfid, local, name, settings)


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
    local = local_file(path)
    record = (await ainvoke(get_file.asyncio_detailed, file_mfid, client=api)).parsed
    if not isinstance(record, FileRecord) or not isinstance(record.dataset_mfid, str):
        raise UnexpectedResponseError(f"file {file_mfid}: no file record")
    name = record.filename if isinstance(record.filename, str) else local.name
    digest = await _digest(settings, local, name, settings.guess_part_size)
    key = idempotency_key(file_mfid, f"replace:{etag}", digest)
    job = _Upload(api, storage, record.dataset_mfid, local, name, settings, (file_mfid, etag))
    return await job.open_and_finish(
        digest, key, lambda c: idempotency_key(file_mfid, f"replace:{etag}\nafter {c}", digest)
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
                if (
                    reopened >= REOPENS
                    or not isinstance(closed, str)
                    or not is_about_upload(exc, closed)
                ):
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
            parts = Parts(
                self.api,
                self.storage,
                self.dataset,
                self.local,
                upload_id,
                digest,
                settings,
                meter.advance,
            )
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
