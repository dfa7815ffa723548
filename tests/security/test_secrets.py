"""The API key and the capability URLs (signed download links, resumable-upload URIs) stay secret.

One flow through the public client touches everything that carries a credential: creates with
metadata, a multipart and a resumable upload (interrupted once and resumed, so the resume path
logs too), signed download links, downloads of all files and of one named file, retried 503s,
and errors from the API and from the storage routes. Then:

* the key reached no storage request (the server's `storage_log`) and no upload chunk (the wire);
* no log record of any logger (pycrucible, httpx, httpcore, at DEBUG) holds the key, a link
  signature or an upload session's token;
* neither do `repr(client)`, its views, nor any exception message raised on the way.

The cassettes of the recorded tier are checked for secrets by `tests/recorded` itself.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import parse_qs

import httpx
import pytest
from _security_helpers import FAKE_API, FakeAPI, WireLog

from pycrucible import CrucibleClient, CrucibleError, TransferError
from pycrucible.errors import APIStatusError, NotFoundError, PermissionDeniedError

if TYPE_CHECKING:
    from pycrucible.testing import LocalCrucible, StorageRequest

MIB = 1024 * 1024


class Flow:
    """What the flow saw: exceptions raised, links handed out, and the wire."""

    def __init__(self, wire: WireLog) -> None:
        self.wire = wire
        self.errors: list[BaseException] = []
        self.links: dict[str, str] = {}
        self.storage_log: list[StorageRequest] = []

    def expect(self, kind: type[BaseException], action: object) -> None:
        """Runs `action()`, which must raise `kind`; keeps the exception."""
        with pytest.raises(kind) as caught:
            action()  # type: ignore[operator]
        self.errors.append(caught.value)

    def secrets(self, key: str) -> set[str]:
        """The key, every link signature and every upload session token seen."""
        found = {key}
        urls = [httpx.URL(u) for u in self.links.values()]
        urls += [url for _, url, _ in self.wire.requests]
        for url in urls:
            found.update(parse_qs(url.query.decode()).get("signature", []))
            if url.path.startswith("/uploads/"):
                found.add(url.path.split("/")[2])
        return found


@pytest.fixture(scope="module")
def flow(
    server: LocalCrucible, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Flow, list[logging.LogRecord], CrucibleClient]]:
    """Runs the whole flow once, at DEBUG on the root logger, and hands over what it saw."""
    folder = tmp_path_factory.mktemp("flow")
    records: list[logging.LogRecord] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(record)

    handler = Keep(level=logging.DEBUG)
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    wire = WireLog()
    seen = Flow(wire)
    client = CrucibleClient(
        server.url,
        server.user_key,
        state_dir=folder / "state",
        transport=wire,
        sleep=lambda seconds: None,
        resumable_threshold=MIB,
        upload_chunk_size=256 * 1024,
    )
    try:
        _run_flow(server, client, seen, folder)
    finally:
        root.removeHandler(handler)
        root.setLevel(old_level)
    yield seen, records, client
    client.close()


def _run_flow(server: LocalCrucible, client: CrucibleClient, seen: Flow, folder: Path) -> None:
    server.clear_storage_log()
    try:
        _steps(server, client, seen, folder)
    finally:
        seen.storage_log = server.storage_log


def _steps(server: LocalCrucible, client: CrucibleClient, seen: Flow, folder: Path) -> None:
    dsid = client.create_dataset(
        dataset_name="secrets flow", scientific_metadata={"temperature": 77}, keywords=["sec"]
    ).unique_id
    small = folder / "notes.txt"
    small.write_text("small file\n" * 100)
    large = folder / "scan.h5"
    large.write_bytes(bytes(range(256)) * (8 * 1024 + 7))  # 2 MiB + 1.75 KiB

    def cut_once(name: str, done: int, total: int | None) -> None:
        if name == "scan.h5" and done >= MIB and not server.faults.faults:
            server.faults.add("drop", method="PUT", path_prefix="/uploads/", times=None)

    seen.expect(TransferError, lambda: client.upload_dataset(dsid, large, progress=cut_once))
    server.faults.clear()
    client.upload_dataset(dsid, [small, large])  # the large one resumes its session

    server.faults.add("status", status=503, times=2, method="GET")
    seen.links = client.get_dataset_download_links(dsid)
    client.download_dataset(dsid, output_dir=folder / "all")
    client.download_dataset(dsid, file_name="notes.txt", output_dir=folder / "one")

    server.faults.add("status", status=403, times=None, path_prefix="/storage/")
    seen.expect(APIStatusError, lambda: client.download_dataset(dsid, output_dir=folder / "x"))
    server.faults.clear()
    server.faults.add("drop", times=None, path_prefix="/storage/")
    seen.expect(CrucibleError, lambda: client.download_dataset(dsid, output_dir=folder / "y"))
    server.faults.clear()

    seen.expect(NotFoundError, lambda: client.get_dataset("0tbhnosuchdataset000000000"))
    seen.expect(NotFoundError, lambda: client.download_dataset(dsid, "missing.h5", folder / "z"))
    seen.expect(PermissionDeniedError, lambda: client.get_user(server.admin_orcid))


def test_the_key_never_reaches_storage_or_upload_chunks(
    server: LocalCrucible, flow: tuple[Flow, list[logging.LogRecord], object]
) -> None:
    seen, _, _ = flow
    storage = seen.wire.paths("/storage/")  # signed download URLs, also on the server's log
    chunks = seen.wire.paths("/uploads/")  # resumable-upload chunks and progress queries
    assert len(storage) >= 6
    assert len(chunks) >= 8
    for url, headers in storage + chunks:
        assert "authorization" not in headers, url.path
        assert not [value for value in headers.values() if server.user_key in value], url.path
        assert server.user_key not in str(url)
    api = [h for _, url, h in seen.wire.requests if url.path.startswith("/datasets")]
    assert api
    assert all(h["authorization"] == f"Bearer {server.user_key}" for h in api)


def test_the_server_saw_no_key_on_signed_urls(
    flow: tuple[Flow, list[logging.LogRecord], object],
) -> None:
    log = flow[0].storage_log
    # Two files in full, one named file through the API (not storage), then a refused and a
    # dropped attempt at each file: the server saw every one of them, none with a key.
    assert len(log) == len(flow[0].wire.paths("/storage/")) >= 6
    assert {entry.status for entry in log} >= {200, 403, None}
    assert not [entry.path for entry in log if entry.had_authorization]


def test_no_log_record_holds_a_secret(
    server: LocalCrucible, flow: tuple[Flow, list[logging.LogRecord], object]
) -> None:
    seen, records, _ = flow
    secrets = seen.secrets(server.user_key)
    assert len(secrets) >= 4  # the key, two signatures, one upload session
    loggers = {record.name.split(".")[0] for record in records}
    assert {"pycrucible", "httpx", "httpcore"} <= loggers
    lines = [r.getMessage() for r in records if r.name == "pycrucible.http"]
    assert any(line.startswith("-> GET ") for line in lines)
    assert any(line.startswith("<- PUT ") and "/uploads/<redacted>" in line for line in lines)
    for record in records:
        text = record.getMessage()
        leaked = [secret for secret in secrets if secret in text]
        assert not leaked, f"{record.name}: {text}"


def test_no_repr_or_exception_holds_a_secret(
    server: LocalCrucible, flow: tuple[Flow, list[logging.LogRecord], CrucibleClient]
) -> None:
    seen, _, client = flow
    secrets = seen.secrets(server.user_key)
    assert len(seen.errors) == 6
    texts = [repr(client), repr(client.raw), repr(client._core.http.http), str(client.settings)]
    for error in seen.errors:
        chain: BaseException | None = error
        while chain is not None:  # the message, its notes and every cause
            texts += [str(chain), repr(chain), *getattr(chain, "__notes__", [])]
            chain = chain.__cause__ or chain.__context__
    for text in texts:
        assert not [secret for secret in secrets if secret in text], text


def test_a_cloud_style_upload_session_stays_out_of_logs(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Cloud stores put the session credential in an `upload_id` query parameter."""
    session = "ADPycdsSECRETsessionTOKEN4f9a2b7c"
    uri = f"{FAKE_API}/upload/storage/v1/b/bucket/o?uploadType=resumable&upload_id={session}"
    dsid = "0tbhcloudstyle000000000000"
    data = bytes(range(256)) * 4096 * 2  # 2 MiB
    digest = hashlib.sha256(data).hexdigest()
    received: list[int] = []

    def chunk(request: httpx.Request) -> httpx.Response:
        match = re.fullmatch(r"bytes (\d+)-(\d+)/(\d+)", request.headers["content-range"])
        assert match is not None
        received.append(len(request.read()))
        end, total = int(match.group(2)), int(match.group(3))
        if end + 1 == total:
            return httpx.Response(200, json={})
        return httpx.Response(308, headers={"Range": f"bytes=0-{end}"})

    api = FakeAPI(
        {
            ("POST", f"/datasets/{dsid}/upload/initiate"): {
                "upload_id": "session-1",
                "resumable_uri": uri,
                "existing_file": None,
            },
            ("PUT", "/upload/storage/v1/b/bucket/o"): chunk,
            ("POST", f"/datasets/{dsid}/upload/complete"): {
                "filename": "scan.h5",
                "size": len(data),
                "sha256_hash": digest,
            },
        }
    )
    source = tmp_path / "scan.h5"
    source.write_bytes(data)
    with (
        caplog.at_level(logging.DEBUG),
        CrucibleClient(
            FAKE_API,
            "fake-key-for-cloud-test",
            transport=httpx.MockTransport(api),
            state_dir=tmp_path / "state",
            resumable_threshold=MIB,
            upload_chunk_size=512 * 1024,
        ) as client,
    ):
        [result] = client.upload_dataset(dsid, source)
    assert result.method == "resumable"
    assert sum(received) == len(data)
    chunks = [r for r in api.requests if r.url.path.startswith("/upload/storage/")]
    assert chunks
    assert not [r for r in chunks if "authorization" in r.headers]
    assert {"pycrucible", "httpx"} <= {r.name.split(".")[0] for r in caplog.records}
    assert session not in caplog.text


def test_request_lines_are_not_even_rendered_when_not_shown(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """Below DEBUG the per-request hooks do not build (redact) the URL at all."""
    import pycrucible._http

    def must_not_run(url: str) -> str:
        raise AssertionError(f"URL rendered for a log line nobody sees: {url}")

    monkeypatch.setattr(pycrucible._http, "redact_url", must_not_run)
    api = FakeAPI({("GET", "/projects/p1"): {"project_id": "p1"}})
    caplog.set_level(logging.INFO, logger="pycrucible")
    with CrucibleClient(
        FAKE_API,
        "fake-key-for-hook-test",
        transport=httpx.MockTransport(api),
        state_dir=tmp_path / "state",
    ) as client:
        assert client.get_project("p1").project_id == "p1"
    assert len(api.requests) == 1
