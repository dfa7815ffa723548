"""API v3 upload operations (contract tag ``uploads``): signed multipart, resumable, token.

Route function names are the contract's operationIds. Bytes never pass through these routes:
they go to the storage stand-in (:mod:`pycrucible.testing._routes.v3_storage`) at URLs signed
here. Completion reads the stored parts once, in a worker thread, hashing as it copies.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import JSONResponse

from pycrucible.testing._enforce import json_body, query_params
from pycrucible.testing._routes.v3_storage import blobs_of
from pycrucible.testing._v3_blobs import (
    OBJECT_PREFIX,
    TOKEN_BUCKET,
    sign_part_url,
    sign_resumable_url,
)
from pycrucible.testing._v3_finish import abort, complete_multipart, complete_simple
from pycrucible.testing._v3_records import file_out, file_row
from pycrucible.testing._v3_uploads import (
    TOKEN_LIFETIME,
    UploadError,
    initiate_multipart,
    initiate_replace,
    initiate_simple,
    part_span,
    parts_page,
    session_row,
)
from pycrucible.testing.v3.auth import BackendDep, PrincipalDep
from pycrucible.testing.v3.routes._files_access import (
    LARGEST_ROW,
    dataset_row,
    principal_id,
    storable_size,
)

router = APIRouter(tags=["uploads"])

RESUMABLE_URI_LIFETIME = 7 * 24 * 3600
"""Seconds a resumable session URI stays valid (a week, as the object store's do)."""


def answer(problem: UploadError) -> JSONResponse:
    """Turn an :class:`UploadError` into the HTTP answer."""
    return JSONResponse({"detail": problem.detail}, problem.status, headers=problem.headers)


def base_url(request: Request) -> str:
    """The server's root URL as the client reached it (storage URLs live outside ``/api/v3``)."""
    root = str(request.base_url).rstrip("/")
    return root.removesuffix(request.scope.get("root_path", "")).rstrip("/")


def check_filename(name: str) -> None:
    """Refuse display names that are not clean relative paths.

    Raises:
        HTTPException: 422 for absolute paths, ``..``, empty segments or control characters.
    """
    parts = name.split("/")
    if (
        any(part in ("", ".", "..") for part in parts)
        or "\\" in name
        or any(ord(char) < 32 or ord(char) == 127 for char in name)
        or len(name.encode("utf-8", "surrogatepass")) > 1024
    ):
        raise HTTPException(
            422,
            [
                {
                    "type": "value_error",
                    "loc": ["body", "filename"],
                    "msg": "filename must be a relative path without '.', '..' or empty parts",
                    "input": name,
                }
            ],
        )


@router.post("/datasets/{dataset_mfid}/upload/multipart/initiate", response_model=None)
def initiate_multipart_upload(
    dataset_mfid: str, request: Request, caller: PrincipalDep, backend: BackendDep
) -> dict[str, Any] | JSONResponse:
    """Start (or find again, by ``Idempotency-Key``) a signed multipart upload."""
    body = json_body(request)
    dataset_row(backend, caller, dataset_mfid, "editor")
    check_filename(body["filename"])
    try:
        return initiate_multipart(
            backend.db,
            dataset_mfid=dataset_mfid,
            owner=principal_id(caller),
            filename=body["filename"],
            size=body["size"],
            sha256=body["sha256_hash"],
            idempotency_key=request.headers.get("idempotency-key"),
        )
    except UploadError as problem:
        return answer(problem)


@router.post("/files/{file_mfid}/upload/multipart/initiate", response_model=None)
def initiate_replace_upload(
    file_mfid: str, request: Request, caller: PrincipalDep, backend: BackendDep
) -> dict[str, Any] | JSONResponse:
    """Start a signed multipart upload replacing a file's content (``If-Match`` required)."""
    body = json_body(request)
    target = file_row(backend.db, file_mfid)
    if target is None:
        raise HTTPException(404, "File not found")
    dataset_row(backend, caller, target["dataset_mfid"], "editor")
    try:
        return initiate_replace(
            backend.db,
            target=target,
            owner=principal_id(caller),
            size=body["size"],
            sha256=body["sha256_hash"],
            if_match=request.headers["if-match"],
            idempotency_key=request.headers.get("idempotency-key"),
        )
    except UploadError as problem:
        return answer(problem)


def _session(backend: BackendDep, caller: PrincipalDep, dataset_mfid: str, upload_id: str) -> Any:
    dataset_row(backend, caller, dataset_mfid, "editor")
    try:
        session = session_row(backend.db, upload_id, dataset_mfid)
    except UploadError as problem:
        raise HTTPException(problem.status, problem.detail) from None
    if session["owner"] != principal_id(caller) and not caller.elevated:
        raise HTTPException(404, "Upload session not found")
    return session


@router.get("/datasets/{dataset_mfid}/upload/multipart/{upload_id}")
def list_upload_parts(
    dataset_mfid: str,
    upload_id: str,
    request: Request,
    caller: PrincipalDep,
    backend: BackendDep,
) -> dict[str, Any]:
    """Parts acknowledged so far, after ``part_number_marker``."""
    session = _session(backend, caller, dataset_mfid, upload_id)
    marker = min(int(query_params(request).get("part_number_marker") or 0), LARGEST_ROW)
    return parts_page(backend.db, session, marker)


@router.post("/datasets/{dataset_mfid}/upload/multipart/{upload_id}/parts", response_model=None)
def sign_upload_parts(
    dataset_mfid: str,
    upload_id: str,
    request: Request,
    caller: PrincipalDep,
    backend: BackendDep,
) -> dict[str, Any] | JSONResponse:
    """Signed PUT URLs for up to 32 parts, each carrying the part's expected CRC32C."""
    body = json_body(request)
    session = _session(backend, caller, dataset_mfid, upload_id)
    if session["state"] != "uploading" or session["kind"] != "multipart":
        raise HTTPException(404, "Upload session not open")
    signed = []
    for part in body["parts"]:
        try:
            offset, size = part_span(session, part["part_number"])
        except UploadError as problem:
            return answer(problem)
        url, expires = sign_part_url(
            backend.signer,
            base_url(request),
            upload_id,
            part["part_number"],
            part["crc32c"],
            backend.link_lifetime,
        )
        signed.append(
            {
                "part_number": part["part_number"],
                "url": url,
                "headers": {
                    "x-goog-hash": f"crc32c={part['crc32c']}",
                    "Content-Type": "application/octet-stream",
                },
                "offset": offset,
                "size": size,
                "expires_at": datetime.fromtimestamp(expires, UTC).isoformat(),
            }
        )
    return {"parts": signed}


@router.post("/datasets/{dataset_mfid}/upload/multipart/complete", response_model=None)
def complete_multipart_upload(
    dataset_mfid: str, request: Request, caller: PrincipalDep, backend: BackendDep
) -> dict[str, Any] | JSONResponse:
    """Assemble the parts, check the whole-object SHA-256 and CRC32C, return the file."""
    body = json_body(request)
    session = _session(backend, caller, dataset_mfid, body["upload_id"])
    if session["kind"] != "multipart":
        raise HTTPException(404, "Upload session not found")
    try:
        stored = complete_multipart(
            backend.db, blobs_of(backend), session, body["sha256_hash"], body["crc32c"]
        )
    except UploadError as problem:
        return answer(problem)
    return file_out(stored)


@router.delete("/datasets/{dataset_mfid}/upload/multipart/{upload_id}")
def abort_multipart_upload(
    dataset_mfid: str, upload_id: str, caller: PrincipalDep, backend: BackendDep
) -> dict[str, Any]:
    """Abandon the session and delete its parts."""
    session = _session(backend, caller, dataset_mfid, upload_id)
    abort(backend.db, blobs_of(backend), session)
    return {"detail": "Upload aborted"}


def _simple(
    kind: str, dataset_mfid: str, body: dict[str, Any], caller: PrincipalDep, backend: BackendDep
) -> tuple[Any, Any]:
    dataset_row(backend, caller, dataset_mfid, "editor")
    check_filename(body["filename"])
    storable_size(body["size"], "size")
    return initiate_simple(
        backend.db,
        blobs_of(backend),
        kind=kind,
        dataset_mfid=dataset_mfid,
        owner=principal_id(caller),
        filename=body["filename"],
        size=body["size"],
        sha256=body["sha256_hash"],
    )


@router.post("/datasets/{dataset_mfid}/upload/initiate")
def initiate_resumable_upload(
    dataset_mfid: str,
    request: Request,
    caller: PrincipalDep,
    backend: BackendDep,
) -> dict[str, Any]:
    """A resumable session URI on the storage stand-in (no API key), or ``existing_file``."""
    session, existing = _simple("resumable", dataset_mfid, json_body(request), caller, backend)
    if existing is not None:
        return {"upload_id": None, "resumable_uri": None, "existing_file": file_out(existing)}
    uri = sign_resumable_url(
        backend.signer, base_url(request), session["upload_id"], RESUMABLE_URI_LIFETIME
    )
    return {
        "upload_id": session["upload_id"],
        "resumable_uri": uri,
        "chunk_size_hint": backend.chunk_size_hint,
        "existing_file": None,
    }


@router.post("/datasets/{dataset_mfid}/upload/initiate/multipart")
def initiate_token_upload(
    dataset_mfid: str,
    request: Request,
    caller: PrincipalDep,
    backend: BackendDep,
) -> dict[str, Any]:
    """A short-lived storage token for one object on the storage stand-in (legacy route)."""
    session, existing = _simple("token", dataset_mfid, json_body(request), caller, backend)
    if existing is not None:
        return {"upload_id": None, "access_token": None, "existing_file": file_out(existing)}
    return {
        "upload_id": session["upload_id"],
        "access_token": session["access_token"],
        "expires_in": TOKEN_LIFETIME,
        "project": "crucible-local",
        "bucket": TOKEN_BUCKET,
        "object_prefix": f"uploads/{dataset_mfid}/{session['upload_id']}/",
        "upload_url": f"{base_url(request)}{OBJECT_PREFIX}/{TOKEN_BUCKET}/",
        "existing_file": None,
    }


@router.post("/datasets/{dataset_mfid}/upload/complete", response_model=None)
def complete_upload(
    dataset_mfid: str, request: Request, caller: PrincipalDep, backend: BackendDep
) -> dict[str, Any] | JSONResponse:
    """Check a resumable or token upload's bytes and SHA-256, return the file."""
    body = json_body(request)
    session = _session(backend, caller, dataset_mfid, body["upload_id"])
    if session["kind"] not in ("resumable", "token") or session["state"] == "aborted":
        raise HTTPException(404, "Upload session not found")
    try:
        stored = complete_simple(backend.db, blobs_of(backend), session, body["sha256_hash"])
    except UploadError as problem:
        return answer(problem)
    return file_out(stored)
