"""v3 file records, ingestion and downloads over HTTP."""

from __future__ import annotations

import base64
import hashlib
import os
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import httpx
from _v3files_helpers import ingest, wait_terminal

from pycrucible.testing import LocalCrucible
from pycrucible.testing._ids import new_mfid

Upload = Callable[..., dict[str, Any]]


def test_file_records(user: httpx.Client, dataset: str, upload: Upload) -> None:
    stored = upload(dataset, "raw/a.h5", os.urandom(200))
    fetched = user.get(f"/files/{stored['mfid']}").json()
    assert fetched == stored
    assert fetched["storage_backend"] == "gcs"
    for field, value in (("storage_path", "x/y"), ("size", 3), ("sha256_hash", "0" * 64)):
        refused = user.patch(f"/files/{stored['mfid']}", json={field: value})
        assert refused.status_code == 422, field
        assert refused.json()["detail"][0]["loc"] == ["body", field]
    renamed = user.patch(f"/files/{stored['mfid']}", json={"filename": "raw/b.h5"})
    assert renamed.json()["filename"] == "raw/b.h5"
    assert user.patch(f"/files/{stored['mfid']}", json={"colour": "red"}).status_code == 422
    assert user.delete(f"/files/{stored['mfid']}").status_code == 200
    assert user.get(f"/files/{stored['mfid']}").status_code == 404


def test_register_remote_file(user: httpx.Client, dataset: str) -> None:
    body = {"filename": "big.tif", "storage_backend": "globus", "size": 10, "access_note": "ask"}
    created = user.post(f"/datasets/{dataset}/files", json=body)
    assert created.status_code == 200, created.text
    record = created.json()
    assert (record["storage_backend"], record["storage_path"]) == ("globus", None)
    moved = user.patch(f"/files/{record['mfid']}", json={"storage_path": "/data/big.tif"})
    assert moved.json()["storage_path"] == "/data/big.tif"
    gcs = user.post(f"/datasets/{dataset}/files", json={**body, "storage_backend": "gcs"})
    assert gcs.status_code == 422
    listed = user.get(f"/datasets/{dataset}/files").json()
    assert [item["mfid"] for item in listed] == [record["mfid"]]


def test_other_users_cannot_see_private_files(
    new_user: Callable[[], httpx.Client], dataset: str, upload: Upload
) -> None:
    stored = upload(dataset, "secret.bin", os.urandom(50))
    stranger = new_user()
    assert stranger.get(f"/files/{stored['mfid']}").status_code == 403
    assert (
        stranger.get("/files", params={"sha256_hash": stored["sha256_hash"]}).json()["items"] == []
    )
    assert stranger.post(f"/files/{stored['mfid']}/ingest").status_code == 403


def test_ingestion_to_complete_and_downloads(
    server: LocalCrucible, user: httpx.Client, storage: httpx.Client, dataset: str, upload: Upload
) -> None:
    data = os.urandom(3000)
    stored = upload(dataset, "img/scan.png", data)
    assert user.get(f"/files/{stored['mfid']}/download_link").status_code == 404
    assert user.get(f"/datasets/{dataset}/download_links").status_code == 404
    done = ingest(user, stored["mfid"])
    assert done["status"] == "complete"
    assert done["ingestion_class"] == "ImageIngestor"
    assert (done["file_mfid"], done["dataset_mfid"]) == (stored["mfid"], dataset)
    assert done["time_completed"]
    thumbnails = user.get(f"/datasets/{dataset}/thumbnails").json()
    assert len(thumbnails) == 1
    assert base64.b64decode(thumbnails[0]["thumbnail_b64str"]).startswith(b"\x89PNG")
    links = user.get(f"/datasets/{dataset}/download_links").json()
    assert list(links) == [stored["mfid"]]
    server.clear_storage_log()
    fetched = storage.get(links[stored["mfid"]])
    assert fetched.status_code == 200
    assert fetched.content == data
    assert fetched.headers["content-disposition"].startswith("attachment")
    ranged = storage.get(links[stored["mfid"]], headers={"Range": "bytes=10-19"})
    assert (ranged.status_code, ranged.content) == (206, data[10:20])
    assert not any(entry.had_authorization for entry in server.storage_log)
    link = user.get(f"/files/{stored['mfid']}/download_link", params={"disposition": "inline"})
    body = link.json()
    assert (body["disposition"], body["expires_in"]) == ("inline", 3600)
    assert storage.get(body["url"]).headers["content-disposition"].startswith("inline")
    # An altered link is refused: change the disposition the signature covers.
    scheme, netloc, path, query, _ = urlsplit(body["url"])
    params = {**dict(parse_qsl(query)), "disposition": "attachment"}
    altered = urlunsplit((scheme, netloc, path, urlencode(params), ""))
    assert storage.get(altered).status_code == 403
    assert user.get(f"/datasets/{dataset}/download_links", params={"expires": 1}).status_code == 422


def test_html_links_always_download(user: httpx.Client, dataset: str, upload: Upload) -> None:
    stored = upload(dataset, "page.html", b"<html>hi</html>")
    assert ingest(user, stored["mfid"])["status"] == "complete"
    link = user.get(f"/files/{stored['mfid']}/download_link", params={"disposition": "inline"})
    assert link.json()["disposition"] == "attachment"


def test_download_links_expire(tmp_path: Any) -> None:
    with (
        LocalCrucible(tmp_path, link_lifetime=1, worker_delay=0.01) as short,
        httpx.Client(
            base_url=short.url_v3, headers={"Authorization": f"Bearer {short.user_key}"}
        ) as client,
    ):
        made = client.post(
            "/datasets", json={"unique_id": new_mfid(), "dataset_name": "short links"}
        ).json()
        sha = hashlib.sha256(b"abc").hexdigest()
        body = {"filename": "a.txt", "size": 3, "sha256_hash": sha}
        session = client.post(f"/datasets/{made['unique_id']}/upload/initiate", json=body).json()
        put = httpx.put(
            session["resumable_uri"], content=b"abc", headers={"Content-Range": "bytes 0-2/3"}
        )
        assert put.status_code == 200
        record = client.post(
            f"/datasets/{made['unique_id']}/upload/complete",
            json={"upload_id": session["upload_id"], "sha256_hash": sha},
        ).json()
        assert ingest(client, record["mfid"])["status"] == "complete"
        url = client.get(f"/files/{record['mfid']}/download_link").json()["url"]
        expires = int(dict(parse_qsl(urlsplit(url).query))["expires"])
        # Wait until the signed expiry has passed (the link lives one second).
        while time.time() <= expires + 0.5:
            time.sleep(0.1)
        assert httpx.get(url).status_code == 403


def test_ingestion_to_failed_and_not_requested(
    user: httpx.Client, dataset: str, upload: Upload
) -> None:
    stored = upload(dataset, "data.bin", os.urandom(64))
    failed = ingest(user, stored["mfid"], ingestion_class="NoSuchIngestor")
    assert failed["status"] == "failed"
    assert "NoSuchIngestor" in failed["error_message"]
    recorded = user.post(f"/files/{stored['mfid']}/ingest", params={"status": "not_requested"})
    assert recorded.json()["status"] == "not_requested"
    listed = user.get("/ingestion_requests", params={"file_mfid": stored["mfid"]}).json()
    assert [item["status"] for item in listed["items"]] == ["failed", "not_requested"]
    assert listed["total"] == 2
    page = user.get(
        "/ingestion_requests", params={"dataset_mfid": dataset, "limit": 1, "offset": 1}
    ).json()
    assert [item["id"] for item in page["items"]] == [recorded.json()["id"]]
    assert (
        user.post(f"/files/{stored['mfid']}/ingest", params={"status": "done"}).status_code == 422
    )
    # Still nothing ingested: no links.
    assert user.get(f"/datasets/{dataset}/download_links").status_code == 404


def test_frozen_workers_and_patch(
    control: httpx.Client, user: httpx.Client, dataset: str, upload: Upload
) -> None:
    stored = upload(dataset, "frozen.bin", os.urandom(64))
    assert control.put("/_control/workers", json={"delay": None}).status_code == 200
    created = user.post(f"/files/{stored['mfid']}/ingest").json()
    assert user.get(f"/ingestion_requests/{created['id']}").json()["status"] == "requested"
    patched = user.patch(
        f"/ingestion_requests/{created['id']}",
        json={"id": created["id"], "status": "complete", "ingestion_githash": "abc123"},
    )
    assert patched.status_code == 200, patched.text
    assert (patched.json()["status"], patched.json()["ingestion_githash"]) == (
        "complete",
        "abc123",
    )
    assert user.get(f"/files/{stored['mfid']}/download_link").status_code == 200
    wrong = user.patch(
        f"/ingestion_requests/{created['id']}", json={"id": 999999, "status": "failed"}
    )
    assert wrong.status_code == 422
    assert control.put("/_control/workers", json={"delay": 0.02}).status_code == 200
    again = user.post(f"/files/{stored['mfid']}/ingest").json()
    assert wait_terminal(user, again["id"])["status"] == "complete"


def test_ingestors_and_thumbnails(user: httpx.Client, dataset: str) -> None:
    names = user.get("/ingestors").json()
    assert "ImageIngestor" in names
    assert names == sorted(names)
    png = base64.b64encode(b"\x89PNG fake").decode()
    made = user.post(
        f"/datasets/{dataset}/thumbnails", json={"thumbnail_name": "t", "thumbnail_b64str": png}
    )
    assert made.status_code == 200, made.text
    thumb = made.json()
    renamed = user.patch(
        f"/datasets/{dataset}/thumbnails/{thumb['id']}", json={"thumbnail_name": "u"}
    )
    assert renamed.json()["thumbnail_name"] == "u"
    assert user.patch(f"/datasets/{dataset}/thumbnails/{thumb['id']}", json={}).status_code == 422
    assert user.delete(f"/datasets/{dataset}/thumbnails/{thumb['id']}").status_code == 200
    assert user.get(f"/datasets/{dataset}/thumbnails").json() == []


def test_numbers_beyond_storage_are_refused_cleanly(user: httpx.Client, dataset: str) -> None:
    huge = 10**20
    assert user.get(f"/ingestion_requests/{huge}").status_code == 404
    thumbnail = user.patch(f"/datasets/{dataset}/thumbnails/{huge}", json={"thumbnail_name": "x"})
    assert thumbnail.status_code == 404
    sha = hashlib.sha256(b"").hexdigest()
    body = {"filename": "a", "size": huge, "sha256_hash": sha}
    assert user.post(f"/datasets/{dataset}/upload/initiate", json=body).status_code == 422
    assert user.post(f"/datasets/{dataset}/upload/multipart/initiate", json=body).status_code == 422
    remote = {"filename": "x", "storage_backend": "local", "size": huge}
    assert user.post(f"/datasets/{dataset}/files", json=remote).status_code == 422
    assert user.get("/files", params={"offset": huge}).json()["items"] == []


def test_text_that_is_not_unicode_is_refused(user: httpx.Client, dataset: str) -> None:
    headers = {"Content-Type": "application/json"}
    lone = b'{"filename": "x\\ud9ed", "storage_backend": "local"}'
    refused = user.post(f"/datasets/{dataset}/files", content=lone, headers=headers)
    assert refused.status_code == 422
    assert user.get(f"/datasets/{dataset}/files").json() == []
