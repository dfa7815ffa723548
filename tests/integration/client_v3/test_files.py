"""File records, remote pointers, links, downloads and thumbnails on API v3, over HTTP."""

from __future__ import annotations

import base64
import hashlib
import time
from pathlib import Path

import httpx
import pytest

from pycrucible import (
    APIConnectionError,
    CrucibleClient,
    NotFoundError,
    UnprocessableEntityError,
    UnsupportedByServerError,
)
from pycrucible.errors import EtagMismatchError, FilenameExistsError
from pycrucible.testing import LocalCrucible
from pycrucible.testing._ids import new_mfid

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 40


def _ingest(server: LocalCrucible, file_mfid: str) -> None:
    """Ingests a file over HTTP (stored files are served once ingested)."""
    with httpx.Client(base_url=server.url_v3, timeout=10) as http:
        http.headers["Authorization"] = f"Bearer {server.user_key}"
        started = http.post(f"/files/{file_mfid}/ingest")
        assert started.status_code == 200, started.text
        for _ in range(1000):
            answer = http.get(f"/ingestion_requests/{started.json()['id']}")
            if answer.json()["status"] not in ("requested", "started", "in_progress"):
                return
            time.sleep(0.01)
    raise AssertionError("ingestion did not finish")


def _stored(
    server: LocalCrucible, user: CrucibleClient, dataset: str, path: Path, data: bytes
) -> str:
    path.write_bytes(data)
    mfid = user.v3.files.upload(dataset, path)[0].mfid
    _ingest(server, mfid)
    return mfid


def test_get_and_list_all_by_content_and_in_pages(
    user: CrucibleClient, dataset: str, tmp_path: Path
) -> None:
    data = b"unique content " + new_mfid().encode()
    (tmp_path / "a.txt").write_bytes(data)
    (tmp_path / "b.txt").write_bytes(b"other " + new_mfid().encode())
    first, second = user.v3.files.upload(dataset, [tmp_path / "a.txt", tmp_path / "b.txt"])
    got = user.v3.files.get(first.mfid)
    assert (got["filename"], got.size, got.dataset_mfid) == ("a.txt", len(data), dataset)
    assert got.etag
    digest = hashlib.sha256(data).hexdigest()
    assert [f.mfid for f in user.v3.files.list_all(sha256_hash=digest)] == [first.mfid]
    pages = user.v3.files.list_all(page_size=1)
    seen = [f.mfid for f in pages]
    assert {first.mfid, second.mfid} <= set(seen)
    assert len(seen) == len(set(seen)) == pages.count()
    assert len(user.v3.files.list_all(page_size=1, limit=2).to_list()) == 2
    with pytest.raises(ValueError, match="64 hex"):
        user.v3.files.list_all(sha256_hash="abc")
    with pytest.raises(NotFoundError):
        user.v3.files.get(new_mfid())


def test_remote_pointer_is_recorded_once_and_edited(user: CrucibleClient, dataset: str) -> None:
    sha = hashlib.sha256(b"far away").hexdigest()
    made = user.v3.files.add_remote(
        dataset,
        "raw/run7.h5",
        "globus",
        storage_path="globus://endpoint/run7.h5",
        access_note="ask the beamline",
        size=8,
        sha256_hash=sha,
    )
    assert (made.storage_backend, made.storage_path) == ("globus", "globus://endpoint/run7.h5")
    assert (made.size, made.sha256_hash, made.access_note) == (8, sha, "ask the beamline")
    again = user.v3.files.add_remote(
        dataset, "raw/run7.h5", "globus", storage_path="globus://endpoint/moved.h5"
    )
    assert again.mfid == made.mfid
    assert again.storage_path == "globus://endpoint/moved.h5"
    assert [f.mfid for f in user.v3.files.list(dataset)] == [made.mfid]
    renamed = user.v3.files.update(made.mfid, filename="raw/run7-final.h5")
    assert renamed.filename == "raw/run7-final.h5"
    user.v3.files.delete(made.mfid)
    with pytest.raises(NotFoundError):
        user.v3.files.get(made.mfid)
    assert user.v3.files.list(dataset) == []


def test_bad_file_edits_fail_before_the_network_or_with_the_servers_reason(
    user: CrucibleClient, dataset: str, tmp_path: Path
) -> None:
    with pytest.raises(ValueError, match="upload"):
        user.v3.files.add_remote(dataset, "x.bin", "gcs")
    with pytest.raises(ValueError, match="sha256_hash"):
        user.v3.files.add_remote(dataset, "x.bin", "globus", sha256_hash="nothex")
    with pytest.raises(FileNotFoundError):
        user.upload_dataset(dataset, [tmp_path / "missing.bin"])
    with pytest.raises(ValueError, match="dsid"):
        user.v3.files.upload("not/an id", tmp_path)
    assert user.v3.files.list(dataset) == []  # nothing was sent
    (tmp_path / "s.bin").write_bytes(b"stored")
    stored = user.v3.files.upload(dataset, tmp_path / "s.bin")[0]
    with pytest.raises(ValueError, match="not \\['owner'\\]"):
        user.v3.files.update(stored.mfid, owner="someone")
    with pytest.raises(UnprocessableEntityError, match="storage_path"):
        user.v3.files.update(stored.mfid, storage_path="/elsewhere")
    assert user.v3.files.get(stored.mfid).storage_path != "/elsewhere"


def test_seed_add_associated_file_registers_a_pointer_or_says_why_not(
    user: CrucibleClient, dataset: str, tmp_path: Path
) -> None:
    local = tmp_path / "notes.txt"
    local.write_bytes(b"lab notes")
    record = user.add_associated_file(dataset, local)
    assert (record["filename"], record["storage_backend"]) == ("notes.txt", "local")
    assert record["storage_path"] == str(local.resolve())
    assert record["size"] == 9
    assert record["sha256_hash"] == hashlib.sha256(b"lab notes").hexdigest()
    again = user.add_associated_file(dataset, local)  # a re-run: the same record
    assert again["mfid"] == record["mfid"]
    sha = hashlib.sha256(b"elsewhere").hexdigest()
    with pytest.raises(UnsupportedByServerError, match="storage_backend") as caught:
        user.add_associated_file(dataset, "big/run.h5", 9, sha)
    assert caught.value.api_version == "v3"
    remote = user.v3.add_associated_file(dataset, "big/run.h5", 9, sha, storage_backend="globus")
    assert (remote.filename, remote.storage_backend, remote.size) == ("big/run.h5", "globus", 9)
    names = sorted(f.filename for f in user.get_associated_files(dataset))
    assert names == ["big/run.h5", "notes.txt"]


def test_thumbnails_added_three_ways_updated_and_deleted(
    user: CrucibleClient, dataset: str, tmp_path: Path
) -> None:
    image = tmp_path / "plot.png"
    image.write_bytes(PNG)
    user.add_thumbnail(dataset, image)  # the seed-era calls
    user.add_thumbnail(dataset, PNG, "raw.png")
    text = base64.b64encode(PNG).decode()
    from_b64 = user.v3.files.add_thumbnail(dataset, "given.png", b64=text)
    names = [t["thumbnail_name"] for t in user.get_thumbnails(dataset)]
    assert names == ["plot.png", "raw.png", "given.png"]
    from_file, from_bytes, _ = listed = user.v3.files.thumbnails(dataset)
    assert all(base64.b64decode(str(t.thumbnail_b64str)) == PNG for t in listed)
    renamed = user.v3.files.update_thumbnail(
        dataset, from_bytes.id, thumbnail_name="renamed.png", image=b"\x89PNG new"
    )
    assert renamed.thumbnail_name == "renamed.png"
    assert base64.b64decode(str(renamed.thumbnail_b64str)) == b"\x89PNG new"
    user.v3.files.delete_thumbnail(dataset, from_file.id)
    user.v3.files.delete_thumbnail(dataset, from_b64.id)
    assert [t.id for t in user.v3.files.thumbnails(dataset)] == [from_bytes.id]
    with pytest.raises(NotFoundError):
        user.v3.files.delete_thumbnail(dataset, from_file.id)


@pytest.mark.parametrize(
    ("args", "kwargs", "message"),
    [
        ((PNG,), {}, "thumbnail_name is required"),
        (("x.png",), {"b64": "data:image/png;base64,AAAA"}, "data:"),
        (("x.png",), {"b64": "not base64!"}, "not valid base64"),
        ((b"",), {"thumbnail_name": "x.png"}, "empty"),
    ],
)
def test_bad_thumbnails_fail_before_the_network(
    user: CrucibleClient,
    dataset: str,
    args: tuple[object, ...],
    kwargs: dict[str, str],
    message: str,
) -> None:
    with pytest.raises(ValueError, match=message):
        user.v3.files.add_thumbnail(dataset, *args, **kwargs)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="give a new"):
        user.v3.files.update_thumbnail(dataset, 1)
    assert user.v3.files.thumbnails(dataset) == []


def test_download_links_are_keyed_by_file_mfid(
    server: LocalCrucible, user: CrucibleClient, dataset: str, tmp_path: Path
) -> None:
    assert user.get_dataset_download_links(dataset) == {}  # nothing ingested yet
    with pytest.raises(NotFoundError):
        user.get_dataset_download_links(new_mfid())  # no such dataset is not "no links"
    mfid = _stored(server, user, dataset, tmp_path / "data.bin", b"signed bytes")
    links = user.get_dataset_download_links(dataset)
    assert list(links) == [mfid]
    inline = user.v3.files.download_links(dataset, disposition="inline")
    with httpx.Client() as anonymous:  # signed links need no key
        assert anonymous.get(str(links[mfid])).content == b"signed bytes"
        assert anonymous.get(str(inline[mfid])).content == b"signed bytes"
        one = user.v3.files.link(mfid)
        assert anonymous.get(one.url).content == b"signed bytes"
    with pytest.raises(ValueError, match="disposition"):
        user.v3.files.link(mfid, disposition="download")


def test_download_one_file_to_a_folder_or_a_path_and_by_name(
    server: LocalCrucible, user: CrucibleClient, dataset: str, tmp_path: Path
) -> None:
    mfid = _stored(server, user, dataset, tmp_path / "one.bin", b"one file")
    _stored(server, user, dataset, tmp_path / "two.bin", b"two file")
    into = user.v3.files.download_file(mfid, tmp_path / "folder")
    assert into == (tmp_path / "folder" / "one.bin").resolve()
    exact = user.v3.files.download_file(mfid, tmp_path / "else" / "renamed.bin", as_file=True)
    assert exact.read_bytes() == b"one file"
    assert sorted(p.name for p in (tmp_path / "else").iterdir()) == ["renamed.bin"]
    with pytest.raises(ValueError, match="folder"):
        user.v3.files.download_file(mfid, tmp_path / "folder", as_file=True)
    out = tmp_path / "out"
    only = user.download_dataset(dataset, "two.bin", output_dir=out)
    assert [p.name for p in only] == ["two.bin"]
    (out / "two.bin").write_bytes(b"my edits")
    user.download_dataset(dataset, output_dir=out, overwrite_existing=False)
    assert (out / "two.bin").read_bytes() == b"my edits"
    assert (out / "one.bin").read_bytes() == b"one file"
    with pytest.raises(NotFoundError):
        user.download_dataset(dataset, "three.bin", output_dir=out)


def test_replace_needs_the_current_etag(user: CrucibleClient, dataset: str, tmp_path: Path) -> None:
    path = tmp_path / "result.csv"
    path.write_bytes(b"a,b\n1,2\n")
    first = user.v3.files.upload(dataset, path)[0]
    path.write_bytes(b"a,b\n1,3\n")
    with pytest.raises(FilenameExistsError) as taken:
        user.v3.files.upload(dataset, path)
    assert taken.value.file_mfid == first.mfid
    replaced = user.v3.files.replace(first.mfid, path, etag=str(taken.value.etag))
    assert replaced.mfid == first.mfid
    assert replaced.sha256_hash == hashlib.sha256(b"a,b\n1,3\n").hexdigest()
    path.write_bytes(b"a,b\n9,9\n")
    with pytest.raises(EtagMismatchError) as stale:
        user.v3.files.replace(first.mfid, path, etag=str(taken.value.etag))
    assert stale.value.status_code == 412
    assert stale.value.file_mfid == first.mfid
    assert user.v3.files.get(first.mfid).sha256_hash == replaced.sha256_hash
    with pytest.raises(ValueError, match="etag"):
        user.v3.files.replace(first.mfid, path, etag="")


def test_an_interrupted_upload_resumes_from_the_clients_state_dir(
    server: LocalCrucible, dataset: str, tmp_path: Path
) -> None:
    state = tmp_path / "state"
    path = tmp_path / "big.bin"
    path.write_bytes(b"x" * 300_000)
    pauses: list[float] = []
    server.faults.add(
        "drop",
        times=None,
        method="POST",
        path_prefix=f"/api/v3/datasets/{dataset}/upload/multipart/complete",
    )
    try:
        with (
            CrucibleClient(
                server.url_v3,
                server.user_key,
                api_version="v3",
                state_dir=state,
                sleep=pauses.append,
            ) as first,
            pytest.raises(APIConnectionError),
        ):
            first.upload_dataset(dataset, path)
        saved = list((state / "uploads").iterdir())
        assert len(saved) == 1
        assert server.user_key not in saved[0].read_text()
    finally:
        server.faults.clear()
    server.clear_storage_log()
    with CrucibleClient(
        server.url_v3, server.user_key, api_version="v3", state_dir=state
    ) as second:
        record = second.v3.upload_dataset(dataset, path)[0]
    assert server.storage_log == []  # the parts were acknowledged before: none sent again
    assert record.sha256_hash == hashlib.sha256(b"x" * 300_000).hexdigest()
    assert list((state / "uploads").iterdir()) == []


def test_progress_of_uploads_and_downloads_as_on_v1(
    server: LocalCrucible, user: CrucibleClient, dataset: str, tmp_path: Path
) -> None:
    path = tmp_path / "p.bin"
    path.write_bytes(b"p" * 3_000_000)
    sent: list[tuple[str, int, int | None]] = []
    user.upload_dataset(dataset, path, progress=lambda *call: sent.append(call))
    assert sent[0] == ("p.bin", 0, 3_000_000)
    assert sent[-1] == ("p.bin", 3_000_000, 3_000_000)
    _ingest(server, user.v3.files.list(dataset)[0].mfid)
    received: list[tuple[str, int, int | None]] = []
    user.download_dataset(
        dataset, output_dir=tmp_path / "out", progress=lambda *call: received.append(call)
    )
    assert received[-1] == ("p.bin", 3_000_000, 3_000_000)
    assert [done for _, done, _ in received] == sorted(done for _, done, _ in received)


def test_the_clients_chunk_size_sets_resumable_chunks_on_v3(
    server: LocalCrucible, dataset: str, tmp_path: Path
) -> None:
    path = tmp_path / "chunks.bin"
    path.write_bytes(b"c" * (3 * 256 * 1024))
    with httpx.Client(base_url=server.url, timeout=10) as control:
        control.headers["Authorization"] = f"Bearer {server.admin_key}"
        control.put("/_control/uploads", json={"multipart_enabled": False})
        try:
            with CrucibleClient(
                server.url_v3,
                server.user_key,
                api_version="v3",
                state_dir=tmp_path / "state",
                upload_chunk_size=256 * 1024,
            ) as client:
                server.clear_storage_log()
                [record] = client.v3.upload_dataset(dataset, path)
        finally:
            control.put("/_control/uploads", json={"multipart_enabled": True})
    puts = [entry for entry in server.storage_log if "resumable" in entry.path]
    assert len(puts) == 3  # one request per 256 KiB chunk (the default would send one)
    assert record.size == 3 * 256 * 1024


def test_a_thumbnails_mime_type_follows_its_image(user: CrucibleClient, dataset: str) -> None:
    jpeg = b"\xff\xd8\xff\xe0" + b"\x00" * 40
    photo = user.v3.files.add_thumbnail(dataset, jpeg, "photo.jpg")
    plot = user.v3.files.add_thumbnail(dataset, PNG, "plot.png")
    assert (photo.mime_type, plot.mime_type) == ("image/jpeg", "image/png")
    changed = user.v3.files.update_thumbnail(dataset, plot.id, image=jpeg)
    assert changed.mime_type == "image/jpeg"
