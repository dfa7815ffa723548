"""Files: multipart upload, resumable upload, direct download and signed links."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qs, urlsplit, urlunsplit

import httpx
import pytest

from pycrucible.testing import LocalCrucible, StorageRequest

MakeDataset = Callable[..., dict[str, Any]]


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _upload(client: httpx.Client, dsid: str, *files: tuple[str, bytes]) -> httpx.Response:
    parts = [("files", (name, data, "application/octet-stream")) for name, data in files]
    return client.post(f"/datasets/{dsid}/upload", files=parts)


def test_multipart_upload_stores_records_and_sets_the_main_file(
    make_dataset: MakeDataset, user: httpx.Client, server: LocalCrucible
) -> None:
    dsid = make_dataset()["unique_id"]
    first, second = b"first file" * 1000, b"second"
    response = _upload(user, dsid, ("scan.h5", first), ("notes.txt", second))
    assert response.json() == ["api-uploads/scan.h5", "api-uploads/notes.txt"]
    files = user.get(f"/datasets/{dsid}/associated_files").json()
    assert [(f["filename"], f["size"], f["sha256_hash"]) for f in files] == [
        ("api-uploads/scan.h5", len(first), _sha(first)),
        ("api-uploads/notes.txt", len(second), _sha(second)),
    ]
    dataset = user.get(f"/datasets/{dsid}").json()
    assert dataset["file_to_upload"] == "api-uploads/scan.h5"
    assert (dataset["size"], dataset["sha256_hash_file_to_upload"]) == (len(first), _sha(first))
    assert (server.data_dir / "storage" / dsid / "scan.h5").read_bytes() == first


def test_upload_fills_size_and_hash_of_a_declared_main_file(
    make_dataset: MakeDataset, user: httpx.Client
) -> None:
    dsid = make_dataset(file_to_upload="api-uploads/raw.dat")["unique_id"]
    _upload(user, dsid, ("other.txt", b"x"), ("raw.dat", b"raw bytes"))
    dataset = user.get(f"/datasets/{dsid}").json()
    assert dataset["file_to_upload"] == "api-uploads/raw.dat"
    assert dataset["sha256_hash_file_to_upload"] == _sha(b"raw bytes")


def test_upload_keeps_only_the_base_name_and_needs_write_access(
    make_dataset: MakeDataset, user: httpx.Client, other_user: httpx.Client
) -> None:
    dsid = make_dataset()["unique_id"]
    assert _upload(user, dsid, ("../../etc/evil.txt", b"x")).json() == ["api-uploads/evil.txt"]
    assert _upload(user, dsid, ("..", b"x")).status_code == 400
    assert _upload(other_user, dsid, ("a.txt", b"x")).status_code == 403


def test_direct_download_streams_and_honours_ranges(
    make_dataset: MakeDataset, user: httpx.Client
) -> None:
    dsid = make_dataset()["unique_id"]
    data = bytes(range(256)) * 100
    _upload(user, dsid, ("blob.bin", data))
    full = user.get(f"/datasets/{dsid}/download/blob.bin")
    assert full.content == data
    assert full.headers["content-type"] == "application/octet-stream"
    part = user.get(f"/datasets/{dsid}/download/blob.bin", headers={"Range": "bytes=100-"})
    assert part.status_code == 206
    assert part.content == data[100:]
    assert user.get(f"/datasets/{dsid}/download/missing.bin").status_code == 404


def _initiate(client: httpx.Client, dsid: str, name: str, data: bytes) -> dict[str, Any]:
    body = {"filename": name, "size": len(data), "sha256_hash": _sha(data)}
    response = client.post(f"/datasets/{dsid}/upload/initiate", json=body)
    assert response.status_code == 200, response.text
    return dict(response.json())


def _put(uri: str, content: bytes, content_range: str) -> httpx.Response:
    return httpx.put(uri, content=content, headers={"Content-Range": content_range})


def test_resumable_upload_with_308_progress_and_overlap(
    make_dataset: MakeDataset, user: httpx.Client, server: LocalCrucible
) -> None:
    dsid = make_dataset()["unique_id"]
    data = b"0123456789" * 10
    session = _initiate(user, dsid, "big.raw", data)
    uri = session["resumable_uri"]
    assert uri == f"{server.url}/uploads/{session['upload_id']}"
    assert session["existing_file"] is None
    assert session["chunk_size_hint"] > 0

    nothing = _put(uri, b"", "bytes */100")
    assert nothing.status_code == 308
    assert "range" not in nothing.headers
    first = _put(uri, data[:40], "bytes 0-39/100")
    assert (first.status_code, first.headers["range"]) == (308, "bytes=0-39")
    assert _put(uri, data[60:], "bytes 60-99/100").status_code == 400  # a gap
    overlap = _put(uri, data[30:70], "bytes 30-69/100")  # bytes 30-39 are skipped
    assert overlap.headers["range"] == "bytes=0-69"
    assert _put(uri, b"", "bytes */100").headers["range"] == "bytes=0-69"
    early = user.post(
        f"/datasets/{dsid}/upload/complete",
        json={"upload_id": session["upload_id"], "sha256_hash": _sha(data)},
    )
    assert early.status_code == 409
    done = _put(uri, data[70:], "bytes 70-99/100")
    assert done.status_code == 200
    assert done.json() == {
        "upload_id": session["upload_id"],
        "received": 100,
        "size": 100,
        "complete": True,
    }
    completed = user.post(
        f"/datasets/{dsid}/upload/complete",
        json={"upload_id": session["upload_id"], "sha256_hash": _sha(data)},
    )
    assert completed.status_code == 200
    assert completed.json()["sha256_hash"] == _sha(data)
    assert completed.json()["filename"] == "api-uploads/big.raw"
    assert user.get(f"/datasets/{dsid}/download/big.raw").content == data
    assert _put(uri, b"", "bytes */100").status_code == 404  # the session is gone

    again = _initiate(user, dsid, "copy.raw", data)
    assert again["resumable_uri"] is None
    assert again["existing_file"]["sha256_hash"] == _sha(data)


def test_resumable_upload_with_a_wrong_hash_is_discarded(
    make_dataset: MakeDataset, user: httpx.Client
) -> None:
    dsid = make_dataset()["unique_id"]
    declared = b"what the client meant"
    session = _initiate(user, dsid, "bad.bin", declared)
    _put(
        session["resumable_uri"],
        b"X" * len(declared),
        f"bytes 0-{len(declared) - 1}/{len(declared)}",
    )
    response = user.post(
        f"/datasets/{dsid}/upload/complete",
        json={"upload_id": session["upload_id"], "sha256_hash": _sha(declared)},
    )
    assert response.status_code == 400
    assert user.get(f"/datasets/{dsid}/associated_files").json() == []
    retry = user.post(
        f"/datasets/{dsid}/upload/complete",
        json={"upload_id": session["upload_id"], "sha256_hash": _sha(declared)},
    )
    assert retry.status_code == 404


def test_chunk_put_refuses_bad_ranges(make_dataset: MakeDataset, user: httpx.Client) -> None:
    dsid = make_dataset()["unique_id"]
    uri = _initiate(user, dsid, "f.bin", b"abcd")["resumable_uri"]
    assert _put(uri, b"ab", "bytes=0-1/4").status_code == 400
    assert _put(uri, b"ab", "bytes 0-1/5").status_code == 400
    assert _put(uri, b"ab", "bytes 3-5/4").status_code == 400
    assert httpx.put(uri, content=b"ab").status_code == 422


def test_initiate_refuses_paths_and_bad_hashes(
    make_dataset: MakeDataset, user: httpx.Client
) -> None:
    dsid = make_dataset()["unique_id"]
    url = f"/datasets/{dsid}/upload/initiate"
    path = user.post(url, json={"filename": "a/b.bin", "size": 1, "sha256_hash": _sha(b"x")})
    assert path.status_code == 400
    short = user.post(url, json={"filename": "b.bin", "size": 1, "sha256_hash": "abc"})
    assert short.status_code == 400


def test_download_links_cover_every_stored_file_and_work_without_a_key(
    make_dataset: MakeDataset, user: httpx.Client, server: LocalCrucible
) -> None:
    dsid = make_dataset()["unique_id"]
    assert user.get(f"/datasets/{dsid}/download_links").status_code == 404
    _upload(user, dsid, ("a.txt", b"alpha"), ("b.txt", b"beta"))
    links = user.get(f"/datasets/{dsid}/download_links").json()
    assert set(links) == {f"{dsid}/a.txt", f"{dsid}/b.txt"}
    url = links[f"{dsid}/a.txt"]
    assert url.startswith(f"{server.url}/storage/{dsid}/a.txt?expires=")
    expires = int(parse_qs(urlsplit(url).query)["expires"][0])
    assert 3590 <= expires - time.time() <= 3600
    server.clear_storage_log()
    assert httpx.get(url).content == b"alpha"
    ranged = httpx.get(url, headers={"Range": "bytes=1-2"})
    assert (ranged.status_code, ranged.content) == (206, b"lp")
    assert server.storage_log == [
        StorageRequest(f"/storage/{dsid}/a.txt", had_authorization=False, status=200),
        StorageRequest(f"/storage/{dsid}/a.txt", had_authorization=False, status=206),
    ]


def test_the_storage_log_records_an_authorization_header(
    make_dataset: MakeDataset, user: httpx.Client, server: LocalCrucible
) -> None:
    dsid = make_dataset()["unique_id"]
    _upload(user, dsid, ("a.txt", b"alpha"))
    url = user.get(f"/datasets/{dsid}/download_links").json()[f"{dsid}/a.txt"]
    server.clear_storage_log()
    httpx.get(url, headers={"Authorization": "Bearer leaked"})
    assert [entry.had_authorization for entry in server.storage_log] == [True]


def test_signed_links_expire_and_refuse_alterations(
    make_dataset: MakeDataset, user: httpx.Client, server: LocalCrucible
) -> None:
    dsid = make_dataset()["unique_id"]
    _upload(user, dsid, ("a.txt", b"alpha"), ("b.txt", b"beta"))
    links = user.get(f"/datasets/{dsid}/download_links", params={"expires_in": 60}).json()
    url = links[f"{dsid}/a.txt"]
    parts = urlsplit(url)
    query = parse_qs(parts.query)
    later = int(query["expires"][0]) + 1000
    forged_expiry = urlunsplit(
        parts._replace(query=f"expires={later}&signature={query['signature'][0]}")
    )
    other_file = url.replace("/a.txt?", "/b.txt?")
    unsigned = url.split("?")[0]
    # Change the signature's last character to a different one, whatever it was.
    last_changed = url[:-1] + ("1" if url.endswith("0") else "0")
    for altered in (forged_expiry, other_file, unsigned, last_changed):
        assert httpx.get(altered).status_code == 403, altered
    expired = server.backend.signer.url(server.url, f"{dsid}/a.txt", 60, now=time.time() - 120)
    response = httpx.get(expired)
    assert response.status_code == 403
    assert response.json() == {"detail": "Signed URL expired"}


@pytest.mark.parametrize("lifetime", [0, 604801])
def test_link_lifetime_is_bounded(
    make_dataset: MakeDataset, user: httpx.Client, lifetime: int
) -> None:
    dsid = make_dataset()["unique_id"]
    response = user.get(f"/datasets/{dsid}/download_links", params={"expires_in": lifetime})
    assert response.status_code == 422


def test_associated_files_can_be_recorded_without_bytes(
    make_dataset: MakeDataset, user: httpx.Client
) -> None:
    dsid = make_dataset()["unique_id"]
    body = {"filename": "large-files/huge.h5", "size": 10**12, "sha256_hash": "ab" * 32}
    recorded = user.post(f"/datasets/{dsid}/associated_files", json=body).json()
    assert {k: recorded[k] for k in body} == body
    assert user.get(f"/datasets/{dsid}/download_links").status_code == 404
