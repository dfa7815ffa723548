"""Hardening of the local server: long names, metadata depth, body size, keyword visibility."""

from __future__ import annotations

import hashlib
import logging
import socket
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import quote, urlsplit

import httpx
import pytest

from pycrucible.testing import LocalCrucible
from pycrucible.testing._ids import new_mfid
from pycrucible.testing._limits import MAX_METADATA_DEPTH, json_depth

MakeDataset = Callable[..., dict[str, Any]]

# Names of exactly 255 bytes in UTF-8: the longest a file system takes and the name check allows.
LONG_NAMES = [
    "a" * 251 + ".txt",
    "é" * 125 + "x.txt",  # 2-byte characters
    "🧪" * 63 + "abc",  # 4-byte characters
]


@pytest.mark.parametrize("name", LONG_NAMES, ids=["ascii", "two-byte", "four-byte"])
def test_a_255_byte_upload_name_is_stored_and_served(
    name: str, make_dataset: MakeDataset, user: httpx.Client, server: LocalCrucible
) -> None:
    assert len(name.encode("utf-8")) == 255
    dsid = make_dataset()["unique_id"]
    data = name.encode("utf-8") * 3
    response = user.post(
        f"/datasets/{dsid}/upload", files=[("files", (name, data, "application/octet-stream"))]
    )
    assert response.status_code == 200, response.text
    assert response.json() == [f"api-uploads/{name}"]
    download = user.get(f"/datasets/{dsid}/download/{quote(name)}")
    assert download.status_code == 200
    assert download.content == data
    (entry,) = user.get(f"/datasets/{dsid}/associated_files").json()
    assert entry["sha256_hash"] == hashlib.sha256(data).hexdigest()
    assert not list((server.data_dir / "uploads").glob("*.tmp"))  # no temporary file left


def test_a_256_byte_upload_name_is_refused_with_400(
    make_dataset: MakeDataset, user: httpx.Client
) -> None:
    dsid = make_dataset()["unique_id"]
    name = "é" * 126 + "abcd"
    assert len(name.encode("utf-8")) == 256
    response = user.post(f"/datasets/{dsid}/upload", files=[("files", (name, b"x", "text/plain"))])
    assert response.status_code == 400


def _nested(depth: int) -> dict[str, Any]:
    """An object nesting `depth` levels of objects (the outer object counts)."""
    value: Any = {"leaf": True}
    for _ in range(depth - 1):
        value = {"k": value}
    return dict(value)


def _deep_text(depth: int) -> str:
    return '{"k":' * (depth - 1) + '{"leaf":1}' + "}" * (depth - 1)


def test_metadata_at_the_depth_limit_is_stored_and_served_everywhere(
    make_dataset: MakeDataset, user: httpx.Client
) -> None:
    dataset = make_dataset(public=True)
    dsid = dataset["unique_id"]
    deepest = _nested(MAX_METADATA_DEPTH)
    assert user.post(f"/datasets/{dsid}/scientific_metadata", json=deepest).status_code == 200
    read = user.get(f"/datasets/{dsid}/scientific_metadata")
    assert read.json()["scientific_metadata"] == deepest
    listed = user.get("/datasets", params={"unique_id": dsid, "include_metadata": True})
    assert listed.status_code == 200
    assert listed.json()[0]["scientific_metadata"]["scientific_metadata"] == deepest


@pytest.mark.parametrize("depth", [MAX_METADATA_DEPTH + 1, 255, 900, 5000])
@pytest.mark.parametrize("method", ["POST", "PATCH"])
def test_deeper_dataset_metadata_is_refused_with_422_and_nothing_changes(
    depth: int, method: str, make_dataset: MakeDataset, user: httpx.Client
) -> None:
    dsid = make_dataset(public=True)["unique_id"]
    user.post(f"/datasets/{dsid}/scientific_metadata", json={"kept": 1})
    response = user.request(
        method,
        f"/datasets/{dsid}/scientific_metadata",
        content=_deep_text(depth),
        headers={"Content-Type": "application/json"},
    )
    # Too deep for the JSON parser itself: FastAPI's 400 for an unparsable body.
    assert response.status_code == (422 if depth < 1000 else 400), response.text
    assert user.get(f"/datasets/{dsid}/scientific_metadata").json()["scientific_metadata"] == {
        "kept": 1
    }
    listed = user.get("/datasets", params={"unique_id": dsid, "include_metadata": True})
    assert listed.status_code == 200


@pytest.mark.parametrize("depth", [MAX_METADATA_DEPTH + 1, 300])
def test_deeper_sample_metadata_is_refused_with_422(depth: int, user: httpx.Client) -> None:
    sample = user.post("/samples", json={"sample_name": "deep"}).json()["unique_id"]
    path = f"/samples/{sample}/metadata/spinbot_batch"
    response = user.post(
        path, content=_deep_text(depth), headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 422, response.text
    assert user.get(path).json() is None
    assert user.post(path, json=_nested(MAX_METADATA_DEPTH)).status_code == 200
    assert user.get(path).json() == _nested(MAX_METADATA_DEPTH)


def test_json_depth_counts_objects_and_arrays() -> None:
    assert json_depth(1) == 0
    assert json_depth({}) == 1
    assert json_depth({"a": [1, {"b": []}]}) == 4
    assert json_depth(_nested(5000)) == 5000  # no recursion limit


def test_keywords_list_and_count_only_datasets_the_caller_can_read(
    make_dataset: MakeDataset,
    user: httpx.Client,
    other_user: httpx.Client,
    admin: httpx.Client,
) -> None:
    tag = new_mfid()
    secret, shared = f"secret-{tag}", f"shared-{tag}"
    private = make_dataset(other_user)["unique_id"]  # readable by its owner and admins only
    public = make_dataset(other_user, public=True)["unique_id"]
    mine = make_dataset()["unique_id"]
    for dsid, word in ((private, secret), (private, shared), (public, shared)):
        assert other_user.post(f"/datasets/{dsid}/keywords", params={"keyword": word}).is_success
    added = user.post(f"/datasets/{mine}/keywords", params={"keyword": shared})
    assert added.json() == {"keyword": shared, "num_datasets": 2}  # mine + the public one

    def listed(client: httpx.Client) -> dict[str, int]:
        words = client.get("/keywords").json()
        return {k["keyword"]: k["num_datasets"] for k in words if tag in k["keyword"]}

    assert listed(user) == {shared: 2}
    assert user.get(f"/datasets/{mine}/keywords").json() == [{"keyword": shared, "num_datasets": 2}]
    assert listed(other_user) == {secret: 1, shared: 2}  # the seed user's dataset is private
    assert listed(admin) == {secret: 1, shared: 3}
    assert other_user.get(f"/datasets/{private}/keywords").json() == [
        {"keyword": secret, "num_datasets": 1},
        {"keyword": shared, "num_datasets": 2},
    ]


def _send_and_vanish(server: LocalCrucible, head: str, body: bytes) -> None:
    """Send a request head and part of its body over a raw socket, then close it."""
    address = urlsplit(server.url)
    assert address.hostname is not None
    assert address.port is not None
    with socket.create_connection((address.hostname, address.port)) as raw:
        raw.sendall(head.encode() + body)


def _tracebacks(records: list[logging.LogRecord]) -> list[logging.LogRecord]:
    return [r for r in records if r.exc_info is not None or "Exception in ASGI" in r.getMessage()]


def test_a_client_leaving_mid_upload_logs_one_line_and_no_traceback(
    make_dataset: MakeDataset,
    user: httpx.Client,
    server: LocalCrucible,
    caplog: pytest.LogCaptureFixture,
) -> None:
    dsid = make_dataset()["unique_id"]
    size = 1_000_000
    session = user.post(
        f"/datasets/{dsid}/upload/initiate",
        json={"filename": "gone.bin", "size": size, "sha256_hash": "0" * 64},
    ).json()
    path = urlsplit(session["resumable_uri"]).path
    caplog.set_level(logging.INFO)
    head = (
        f"PUT {path} HTTP/1.1\r\nHost: test\r\nContent-Range: bytes 0-{size - 1}/{size}\r\n"
        f"Content-Length: {size}\r\n\r\n"
    )
    _send_and_vanish(server, head, b"y" * 50_000)
    boundary = "b0undary"
    multipart = (
        f"POST /datasets/{dsid}/upload HTTP/1.1\r\nHost: test\r\n"
        f"Authorization: Bearer {server.user_key}\r\n"
        f"Content-Type: multipart/form-data; boundary={boundary}\r\nContent-Length: {size}\r\n\r\n"
        f'--{boundary}\r\nContent-Disposition: form-data; name="files"; filename="x.bin"\r\n\r\n'
    )
    _send_and_vanish(server, multipart, b"z" * 50_000)
    deadline = time.monotonic() + 10
    while not any("client disconnected" in r.getMessage() for r in caplog.records):
        assert time.monotonic() < deadline, [r.getMessage() for r in caplog.records]
        time.sleep(0.02)
    gone = [r for r in caplog.records if "client disconnected" in r.getMessage()]
    assert len(gone) == 1
    assert path in gone[0].getMessage()
    assert _tracebacks(caplog.records) == []
    # The session survives (whatever part of the chunk was kept) and nothing was recorded.
    resumed = httpx.put(session["resumable_uri"], headers={"Content-Range": f"bytes */{size}"})
    assert resumed.status_code == 308
    assert user.get(f"/datasets/{dsid}/associated_files").json() == []
