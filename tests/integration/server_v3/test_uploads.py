"""v3 uploads over HTTP: signed multipart, resumable and token sessions, dedup and replace."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import httpx
from _v3files_helpers import PART_SIZE, complete, digest, initiate, put_parts, sign

from pycrucible.testing import LocalCrucible
from pycrucible.testing._crc32c import crc32c_b64


def test_parallel_multipart_upload_without_api_key(
    server: LocalCrucible, user: httpx.Client, storage: httpx.Client, dataset: str
) -> None:
    data = os.urandom(5 * PART_SIZE + 123)
    session = initiate(user, dataset, "raw/scan.h5", data).json()
    assert (session["state"], session["part_count"]) == ("uploading", 6)
    signed = sign(user, dataset, session["upload_id"], data, session["part_size"])
    assert all(part["headers"]["x-goog-hash"].startswith("crc32c=") for part in signed)
    server.clear_storage_log()
    assert put_parts(storage, signed, data) == [200] * 6
    log = server.storage_log
    assert len(log) == 6
    assert not any(entry.had_authorization for entry in log)
    listed = user.get(f"/datasets/{dataset}/upload/multipart/{session['upload_id']}").json()
    assert [part["part_number"] for part in listed["parts"]] == [1, 2, 3, 4, 5, 6]
    done = complete(user, dataset, session["upload_id"], data)
    assert done.status_code == 200, done.text
    record = done.json()
    assert (record["filename"], record["size"]) == ("raw/scan.h5", len(data))
    assert record["sha256_hash"] == digest(data)[0]
    assert record["etag"]
    # A repeated completion answers the same file and creates nothing.
    again = complete(user, dataset, session["upload_id"], data)
    assert again.json()["mfid"] == record["mfid"]
    assert len(user.get(f"/datasets/{dataset}/files").json()) == 1


def test_corrupted_part_is_refused(user: httpx.Client, storage: httpx.Client, dataset: str) -> None:
    data = os.urandom(2 * PART_SIZE)
    session = initiate(user, dataset, "a.bin", data).json()
    signed = sign(user, dataset, session["upload_id"], data, session["part_size"])
    bad = bytearray(data[:PART_SIZE])
    bad[10] ^= 0xFF
    refused = storage.put(signed[0]["url"], content=bytes(bad), headers=signed[0]["headers"])
    assert refused.status_code == 400
    assert "CRC32C" in refused.text
    parts = user.get(f"/datasets/{dataset}/upload/multipart/{session['upload_id']}").json()
    assert parts["parts"] == []
    # A wrong x-goog-hash header is refused before any byte counts.
    wrong = {**signed[0]["headers"], "x-goog-hash": f"crc32c={crc32c_b64(b'x')}"}
    assert storage.put(signed[0]["url"], content=data[:PART_SIZE], headers=wrong).status_code == 400
    # Whole-object checksum: a wrong CRC32C at completion is refused, the session stays open.
    assert put_parts(storage, signed, data) == [200, 200]
    sha, _ = digest(data)
    body = {"upload_id": session["upload_id"], "sha256_hash": sha, "crc32c": crc32c_b64(b"no")}
    wrong_crc = user.post(f"/datasets/{dataset}/upload/multipart/complete", json=body)
    assert wrong_crc.status_code == 422
    assert wrong_crc.json()["detail"][0]["loc"] == ["body", "crc32c"]
    assert complete(user, dataset, session["upload_id"], data).status_code == 200


def test_altered_or_expired_part_url_is_refused(
    user: httpx.Client, storage: httpx.Client, dataset: str
) -> None:
    data = os.urandom(100)
    session = initiate(user, dataset, "b.bin", data).json()
    part = sign(user, dataset, session["upload_id"], data, session["part_size"])[0]
    scheme, netloc, path, query, _ = urlsplit(part["url"])
    params = dict(parse_qsl(query))
    past = {**params, "expires": "1000"}
    expired = urlunsplit((scheme, netloc, path, urlencode(past), ""))
    assert storage.put(expired, content=data, headers=part["headers"]).status_code == 403
    other_crc = {**params, "crc32c": crc32c_b64(b"other")}
    altered = urlunsplit((scheme, netloc, path, urlencode(other_crc), ""))
    assert storage.put(altered, content=data, headers=part["headers"]).status_code == 403


def test_idempotency_key_answers_the_same_session(user: httpx.Client, dataset: str) -> None:
    data = os.urandom(300)
    first = initiate(user, dataset, "c.bin", data, key="key-123").json()
    second = initiate(user, dataset, "c.bin", data, key="key-123").json()
    assert first["upload_id"] == second["upload_id"]
    other = initiate(user, dataset, "c.bin", data, key="key-456").json()
    assert other["upload_id"] != first["upload_id"]
    reused = initiate(user, dataset, "d.bin", data, key="key-123")
    assert reused.status_code == 409


def test_dedup_and_filename_exists(
    user: httpx.Client, dataset: str, upload: Callable[..., dict[str, Any]]
) -> None:
    data = os.urandom(1000)
    stored = upload(dataset, "e.bin", data)
    again = initiate(user, dataset, "copy-of-e.bin", data).json()
    assert again["state"] == "completed"
    assert again["existing_file"]["mfid"] == stored["mfid"]
    clash = initiate(user, dataset, "e.bin", os.urandom(1000))
    assert clash.status_code == 409
    detail = clash.json()["detail"]
    assert detail["code"] == "filename_exists"
    assert (detail["file_mfid"], detail["etag"]) == (stored["mfid"], stored["etag"])
    by_hash = user.get("/files", params={"sha256_hash": stored["sha256_hash"]}).json()
    assert [item["mfid"] for item in by_hash["items"]] == [stored["mfid"]]


def test_replace_with_if_match(
    user: httpx.Client, storage: httpx.Client, dataset: str, upload: Callable[..., dict[str, Any]]
) -> None:
    stored = upload(dataset, "f.bin", os.urandom(500))
    new = os.urandom(PART_SIZE + 7)
    sha, _ = digest(new)
    body = {"size": len(new), "sha256_hash": sha}
    path = f"/files/{stored['mfid']}/upload/multipart/initiate"
    stale = user.post(path, json=body, headers={"If-Match": '"9-deadbeef"'})
    assert stale.status_code == 412
    assert stale.json()["detail"] == {"code": "etag_mismatch", "etag": stored["etag"]}
    assert user.post(path, json=body).status_code == 422  # If-Match is required
    session = user.post(path, json=body, headers={"If-Match": stored["etag"]}).json()
    busy = user.post(path, json=body, headers={"If-Match": "*"})
    assert busy.status_code == 409
    assert busy.json()["detail"]["code"] == "replace_in_progress"
    signed = sign(user, dataset, session["upload_id"], new, session["part_size"])
    assert put_parts(storage, signed, new) == [200, 200]
    replaced = complete(user, dataset, session["upload_id"], new).json()
    assert replaced["mfid"] == stored["mfid"]
    assert replaced["sha256_hash"] == sha
    assert replaced["etag"] != stored["etag"]
    assert len(user.get(f"/datasets/{dataset}/files").json()) == 1


def test_abort_discards_parts(user: httpx.Client, storage: httpx.Client, dataset: str) -> None:
    data = os.urandom(2 * PART_SIZE)
    session = initiate(user, dataset, "g.bin", data).json()
    signed = sign(user, dataset, session["upload_id"], data, session["part_size"])
    assert put_parts(storage, signed[:1], data) == [200]
    path = f"/datasets/{dataset}/upload/multipart/{session['upload_id']}"
    assert user.delete(path).status_code == 200
    assert complete(user, dataset, session["upload_id"], data).status_code == 404
    assert storage.put(signed[1]["url"], content=data[PART_SIZE:]).status_code == 404


def test_disabled_multipart_answers_503(
    control: httpx.Client, user: httpx.Client, dataset: str
) -> None:
    assert control.put("/_control/uploads", json={"multipart_enabled": False}).status_code == 200
    refused = initiate(user, dataset, "h.bin", b"abc")
    assert refused.status_code == 503
    assert refused.json()["detail"] == "New multipart uploads are disabled"
    assert int(refused.headers["Retry-After"]) > 0
    # The token route still works: it is what clients fall back to.
    sha, _ = digest(b"abc")
    body = {"filename": "h.bin", "size": 3, "sha256_hash": sha}
    token = user.post(f"/datasets/{dataset}/upload/initiate/multipart", json=body)
    assert token.status_code == 200


def test_token_upload(
    server: LocalCrucible, user: httpx.Client, storage: httpx.Client, dataset: str
) -> None:
    data = os.urandom(3000)
    sha, crc = digest(data)
    body = {"filename": "t.bin", "size": len(data), "sha256_hash": sha}
    session = user.post(f"/datasets/{dataset}/upload/initiate/multipart", json=body).json()
    url = f"{session['upload_url']}{session['object_prefix']}t.bin"
    assert storage.put(url, content=data).status_code == 401
    wrong = storage.put(url, content=data, headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 403
    # The storage token is no API key.
    as_key = httpx.get(
        f"{server.url}/api/v3/files",
        headers={"Authorization": f"Bearer {session['access_token']}"},
    )
    assert as_key.status_code in (400, 401)
    put = storage.put(
        url, content=data, headers={"Authorization": f"Bearer {session['access_token']}"}
    )
    assert put.status_code == 200
    assert put.json()["crc32c"] == crc
    done = user.post(
        f"/datasets/{dataset}/upload/complete",
        json={"upload_id": session["upload_id"], "sha256_hash": sha},
    )
    assert done.status_code == 200, done.text
    assert done.json()["size"] == len(data)


def test_resumable_upload_308_and_probe(
    user: httpx.Client, storage: httpx.Client, dataset: str
) -> None:
    data = os.urandom(10_000)
    sha, crc = digest(data)
    body = {"filename": "r.bin", "size": len(data), "sha256_hash": sha}
    session = user.post(f"/datasets/{dataset}/upload/initiate", json=body).json()
    uri = session["resumable_uri"]
    total = len(data)
    probe = storage.put(uri, headers={"Content-Range": f"bytes */{total}"})
    assert probe.status_code == 308
    assert "Range" not in probe.headers
    first = storage.put(
        uri, content=data[:4000], headers={"Content-Range": f"bytes 0-3999/{total}"}
    )
    assert (first.status_code, first.headers["Range"]) == (308, "bytes=0-3999")
    probe = storage.put(uri, headers={"Content-Range": f"bytes */{total}"})
    assert (probe.status_code, probe.headers["Range"]) == (308, "bytes=0-3999")
    # A resend overlapping stored bytes only adds the new ones.
    rest = storage.put(
        uri, content=data[3000:], headers={"Content-Range": f"bytes 3000-{total - 1}/{total}"}
    )
    assert rest.status_code == 200
    assert rest.json()["crc32c"] == crc
    done = user.post(
        f"/datasets/{dataset}/upload/complete",
        json={"upload_id": session["upload_id"], "sha256_hash": sha},
    )
    assert done.status_code == 200, done.text
    assert done.json()["sha256_hash"] == sha
    dedup = user.post(f"/datasets/{dataset}/upload/initiate", json=body).json()
    assert dedup["existing_file"]["mfid"] == done.json()["mfid"]


def test_fault_injection_on_v3_paths(
    server: LocalCrucible, user: httpx.Client, dataset: str
) -> None:
    rule = server.faults.add(
        "status", status=429, retry_after=2, path_prefix="/api/v3/datasets", method="POST"
    )
    refused = initiate(user, dataset, "i.bin", b"xyz")
    assert (refused.status_code, refused.headers["Retry-After"]) == (429, "2")
    assert rule.consumed == 1
    assert initiate(user, dataset, "i.bin", b"xyz").status_code == 200
