"""The resumable upload protocol: initiate, PUT chunks, ask for progress, complete.

1. `POST /datasets/{dsid}/upload/initiate` with name, size and SHA-256. If the dataset already
   holds that content (`existing_file`), nothing is sent.
2. `PUT <resumable_uri>` with `Content-Range: bytes a-b/total`, each chunk streamed from the file
   in 1 MiB blocks. The answer is 308 with `Range: bytes=0-N` while bytes are missing, 200/201
   once all have arrived. `Content-Range: bytes */total` with an empty body asks for progress
   (308 without `Range` means nothing is stored yet). The URI is the credential: it goes through
   the keyless storage client, so the API key never reaches it.
3. A chunk that fails (dropped connection, timeout, 5xx, 429) is followed by a progress query
   and the upload continues from the server's offset; five failures in a row without progress
   give up with `TransferError`. A 404 means the session is gone: start a new one.
4. `POST /datasets/{dsid}/upload/complete` with the SHA-256; the server checks it.

Between steps the session is saved in a `StateStore`, so a later process continues it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import attrs
import httpx
from crucible_openapi.v1 import AuthenticatedClient
from crucible_openapi.v1.api.uploads import complete_upload, initiate_upload
from crucible_openapi.v1.models import AssociatedFile, UploadComplete, UploadInitiate, UploadSession
from crucible_openapi.v1.types import Unset

from pycrucible._http import invoke, parse_one
from pycrucible._redact import get_logger, redact_url
from pycrucible._transfers.io import (
    BLOCK_SIZE,
    LocalFile,
    ProgressMeter,
    retry_policy_of,
    sha256_file,
)
from pycrucible._transfers.state import StateStore, UploadState
from pycrucible._transport import RetryPolicy
from pycrucible._v1.contract import route
from pycrucible.errors import (
    APIConnectionError,
    BadRequestError,
    ConflictError,
    NotFoundError,
    RateLimitError,
    ServerError,
    TransferError,
    UnexpectedResponseError,
)

__all__ = ["MAX_FAILURES", "ResumableResult", "query_offset", "upload_resumable"]

log = get_logger("transfers")

MAX_FAILURES = 5
"""Failed chunk attempts in a row, without the server's offset moving, before giving up."""

_MAX_SESSIONS = 3
_MAX_COMPLETE_ROUNDS = 3
_RANGE = re.compile(r"^\s*bytes=0-(\d+)\s*$")
# What a chunk PUT may fail with and still be worth a progress query and another try.
_TRANSIENT: tuple[type[Exception], ...] = (
    httpx.TransportError,
    APIConnectionError,
    ServerError,
    RateLimitError,
    BadRequestError,
)


class SessionLostError(Exception):
    """The upload session is unknown to the server (expired, completed or discarded)."""


class _ChecksumRefusedError(Exception):
    """`complete` answered 400: the server discarded the session (the bytes do not match)."""

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


@attrs.frozen
class ResumableResult:
    """Outcome of one resumable upload.

    Attributes:
        sha256: Hex SHA-256 of the file.
        server_path: The recorded file name, if the server said.
        method: `"resumable"`, or `"existing"` when the server already held the content.
    """

    sha256: str
    server_path: str | None
    method: str


def offset_from_response(response: httpx.Response, total: int) -> int:
    """Reads how many bytes the server holds from a chunk or progress answer.

    Args:
        response: The answer to a PUT on the upload URI.
        total: File size in bytes.

    Returns:
        Bytes stored from offset 0: `N + 1` for `Range: bytes=0-N`, 0 for a 308 without
        `Range`, `total` for 200/201.

    Raises:
        UnexpectedResponseError: Any other status or an unreadable `Range`.
    """
    status = response.status_code
    if status in (200, 201):
        return total
    if status != 308:
        raise UnexpectedResponseError(
            f"upload chunk: unexpected status {status}", response=response
        )
    value = response.headers.get("range")
    if value is None:
        return 0
    match = _RANGE.match(value)
    if match is None:
        raise UnexpectedResponseError(
            f"upload chunk: unreadable Range {value!r}", response=response
        )
    return min(int(match.group(1)) + 1, total)


def query_offset(storage: httpx.Client, uri: str, total: int) -> int:
    """Asks the server how many bytes of the upload it holds (`Content-Range: bytes */total`).

    Raises:
        SessionLostError: The session is gone (404).
    """
    try:
        response = storage.request(
            route("upload_chunk").method,
            uri,
            content=b"",
            headers={"Content-Range": f"bytes */{total}"},
        )
    except NotFoundError as exc:
        raise SessionLostError from exc
    return offset_from_response(response, total)


def _chunk_body(file: LocalFile, start: int, length: int, meter: ProgressMeter) -> Iterator[bytes]:
    with file.path.open("rb") as handle:
        handle.seek(start)
        sent = 0
        while sent < length:
            block = handle.read(min(BLOCK_SIZE, length - sent))
            if not block:
                raise TransferError(f"{file.path} shrank while it was being uploaded")
            sent += len(block)
            meter.update(start + sent)
            yield block


def put_chunk(
    storage: httpx.Client,
    uri: str,
    file: LocalFile,
    start: int,
    end: int,
    meter: ProgressMeter,
) -> int:
    """Streams bytes `start..end-1` of the file to the upload URI.

    Returns:
        The server's offset after the chunk.

    Raises:
        SessionLostError: The session is gone (404).
    """
    headers = {
        "Content-Range": f"bytes {start}-{end - 1}/{file.size}",
        "Content-Length": str(end - start),
        "Content-Type": "application/octet-stream",
    }
    body = _chunk_body(file, start, end - start, meter)
    try:
        response = storage.request(route("upload_chunk").method, uri, content=body, headers=headers)
    except NotFoundError as exc:
        raise SessionLostError from exc
    return offset_from_response(response, file.size)


def send_all(
    storage: httpx.Client,
    uri: str,
    file: LocalFile,
    offset: int | None,
    chunk_size: int,
    meter: ProgressMeter,
    policy: RetryPolicy,
) -> None:
    """Sends the file from `offset` (asking the server first when None) until all bytes are in.

    Raises:
        SessionLostError: The session is gone.
        TransferError: `MAX_FAILURES` attempts in a row made no progress.
    """
    failures = 0
    known = offset or 0  # last offset the server confirmed (or where we were told to start)
    where = redact_url(uri)
    while offset is None or offset < file.size:
        try:
            if offset is None:
                new = query_offset(storage, uri, file.size)
            else:
                end = min(offset + chunk_size, file.size)
                new = put_chunk(storage, uri, file, offset, end, meter)
        except _TRANSIENT as exc:
            failures += 1
            if failures >= MAX_FAILURES:
                raise TransferError(
                    f"upload of {file.name} to {where} failed {failures} times in a row "
                    f"at byte {known}; run it again to resume"
                ) from exc
            log.info("upload of %s: %s; asking the server where to continue", file.name, exc)
            policy.sleep(policy.backoff(failures))
            offset = None
            continue
        if offset is not None and new <= offset:
            failures += 1
            if failures >= MAX_FAILURES:
                raise TransferError(
                    f"upload of {file.name}: the server accepts no bytes past {new}; "
                    "run it again to resume"
                )
            policy.sleep(policy.backoff(failures))
        elif offset is not None:
            failures = 0
        offset = known = new
        meter.update(offset)
    meter.finish()


def _initiate(api: AuthenticatedClient, dsid: str, file: LocalFile, sha: str) -> UploadSession:
    body = UploadInitiate(filename=file.name, size=file.size, sha256_hash=sha)
    response = invoke(initiate_upload.sync_detailed, dsid, client=api, body=body)
    return parse_one(response, UploadSession, f"upload session for {file.name}")


def _complete(api: AuthenticatedClient, state: UploadState) -> AssociatedFile:
    body = UploadComplete(upload_id=state.upload_id, sha256_hash=state.sha256)
    try:
        response = invoke(complete_upload.sync_detailed, state.dsid, client=api, body=body)
    except NotFoundError as exc:
        raise SessionLostError from exc
    return parse_one(response, AssociatedFile, f"completed upload of {state.path}")


def _record_sha(record: AssociatedFile) -> str | None:
    value = record.sha256_hash
    return value.lower() if isinstance(value, str) else None


def _open_session(
    api: AuthenticatedClient, dsid: str, file: LocalFile, sha: str, api_url: str
) -> UploadState | ResumableResult:
    session = _initiate(api, dsid, file, sha)
    existing = session.existing_file
    if isinstance(existing, AssociatedFile):
        recorded = _record_sha(existing)
        if recorded is not None and recorded != sha:
            raise TransferError(
                f"{file.name}: the server reports existing content with another checksum"
            )
        log.info("%s: the dataset already holds this content as %s", file.name, existing.filename)
        return ResumableResult(sha256=sha, server_path=existing.filename, method="existing")
    uri = session.resumable_uri
    if isinstance(uri, Unset) or not uri:
        raise UnexpectedResponseError(f"upload session for {file.name} has no resumable_uri")
    absolute = str(httpx.URL(api_url + "/").join(uri))
    return UploadState(
        api_url=api_url,
        dsid=dsid,
        path=str(file.path),
        size=file.size,
        mtime_ns=file.mtime_ns,
        sha256=sha,
        upload_id=session.upload_id,
        resumable_uri=absolute,
    )


def upload_resumable(
    api: AuthenticatedClient,
    storage: httpx.Client,
    dsid: str,
    file: LocalFile,
    *,
    chunk_size: int,
    store: StateStore,
    meter: ProgressMeter,
) -> ResumableResult:
    """Uploads one file with the resumable protocol, continuing a saved session if there is one.

    Args:
        api: The authenticated generated client (initiate and complete).
        storage: The keyless client (chunks and progress queries).
        dsid: Dataset id.
        file: The checked local file.
        chunk_size: Bytes per PUT, a multiple of 256 KiB.
        store: Where sessions are saved for later processes.
        meter: Progress of this file.

    Returns:
        The SHA-256, the recorded server path and how the content got there.

    Raises:
        TransferError: The file changed, the server's checksum disagrees, or chunks kept failing.
        APIError: initiate or complete failed.
    """
    api_url = str(api.get_httpx_client().base_url).rstrip("/")
    policy = retry_policy_of(storage)
    state = store.load(api_url, dsid, str(file.path), file.size, file.mtime_ns)
    sha = state.sha256 if state is not None else None
    for _ in range(_MAX_SESSIONS):
        offset: int | None = None
        if state is None:
            if sha is None:
                sha = sha256_file(file.path)
                file.check_unchanged()
            opened = _open_session(api, dsid, file, sha, api_url)
            if isinstance(opened, ResumableResult):
                meter.update(file.size)
                meter.finish()
                return opened
            state, offset = opened, 0
            store.save(state)
        else:
            log.info("%s: continuing the saved upload session", file.name)
        try:
            record = _send_and_complete(
                api, storage, state, file, offset, chunk_size, meter, policy
            )
        except SessionLostError:
            log.info("%s: the upload session is gone; starting a new one", file.name)
            store.remove(state)
            state = None
            continue
        except _ChecksumRefusedError as exc:
            store.remove(state)
            raise TransferError(
                f"{file.name}: the server refused to complete the upload ({exc.detail}); "
                "the bytes it received do not match the file's SHA-256"
            ) from exc.__cause__
        store.remove(state)
        recorded = _record_sha(record)
        if recorded is not None and recorded != state.sha256:
            raise TransferError(
                f"{file.name}: the server recorded SHA-256 {recorded}, expected {state.sha256}"
            )
        return ResumableResult(sha256=state.sha256, server_path=record.filename, method="resumable")
    raise TransferError(f"{file.name}: the server lost the upload session {_MAX_SESSIONS} times")


def _send_and_complete(
    api: AuthenticatedClient,
    storage: httpx.Client,
    state: UploadState,
    file: LocalFile,
    offset: int | None,
    chunk_size: int,
    meter: ProgressMeter,
    policy: RetryPolicy,
) -> AssociatedFile:
    for _ in range(_MAX_COMPLETE_ROUNDS):
        send_all(storage, state.resumable_uri, file, offset, chunk_size, meter, policy)
        file.check_unchanged()
        try:
            return _complete(api, state)
        except ConflictError:
            log.info("%s: the server still misses bytes; asking where to continue", file.name)
            offset = None
        except BadRequestError as exc:
            raise _ChecksumRefusedError(exc.detail) from exc
    raise TransferError(f"{file.name}: the server kept reporting missing bytes")
