"""API v3 secrets stay secret: keys, Idempotency-Keys, upload session ids and signed URLs.

One flow as a service account, through the public client, touches everything that carries one:
a signed multipart upload whose parts fail (500 every time; a signed URL expiring once), whose
completion answer is lost (once; every time), a resumable session (multipart disabled, a chunk
lost), ingestion, download links, a download whose link expires once, one that is dropped
every time, and not-found errors. Logging is at DEBUG on the root logger. Then:

* no storage request carried the API key, nor any API-only header, under any header name (the
  server's storage log keeps every header of every storage request);
* no log record of any logger, formatted with its traceback, holds a secret: an API key, an
  `Idempotency-Key`, an upload session id or access token, a signed URL's signature;
* neither do `repr()`/`str()` of the records the flow got, of the client, nor any exception
  raised on the way (message, notes and causes);
* a cassette recorded with the recorded tier's filters holds none either.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs

import httpx
import pytest
from _security_helpers import WireLog

from pycrucible import CrucibleClient
from pycrucible.errors import APIConnectionError, CrucibleError, NotFoundError

sys.path.insert(0, str(Path(__file__).parents[1] / "recorded"))
from _recording import Scrubber, recorder  # the recorded tier's own filters

if TYPE_CHECKING:
    from pycrucible.testing import LocalCrucible, StorageRequest

PART = 64 * 1024  # bytes per part on the server during this module
PARTS = "/storage/v3-parts/"
CHUNKS = "/storage/v3-resumable/"
DOWNLOADS = "/storage/v3/"
COMPLETE = "/api/v3/datasets/{dataset}/upload/multipart/complete"
API_ONLY_HEADERS = {"authorization", "idempotency-key", "crucible-privilege-mode", "cookie"}


class Flow:
    """What the flow saw: errors, records, the wire, the storage log and the log records."""

    def __init__(self) -> None:
        self.wire = WireLog()
        self.errors: list[BaseException] = []
        self.records: list[object] = []
        self.storage_log: list[StorageRequest] = []
        self.logs: list[logging.LogRecord] = []
        self.service_key = ""

    def expect(self, kind: type[BaseException], action: Callable[[], object]) -> None:
        """Runs `action()`, which must raise `kind`; keeps the exception."""
        with pytest.raises(kind) as caught:
            action()
        self.errors.append(caught.value)

    def keep(self, value: object) -> Any:
        """Keeps a record the flow got (for the repr checks) and returns it."""
        self.records.append(value)
        return value


def _control(server: LocalCrucible) -> httpx.Client:
    return httpx.Client(
        base_url=server.url, headers={"Authorization": f"Bearer {server.admin_key}"}, timeout=10
    )


def _secrets(server: LocalCrucible, flow: Flow) -> dict[str, str]:
    """Every secret of the flow, each with what it is: keys, session ids, tokens, signatures."""
    found = {
        server.user_key: "user key",
        server.admin_key: "admin key",
        flow.service_key: "service-account key",
    }
    rows = server.backend.db.all(
        "SELECT upload_id, idempotency_key, access_token FROM v3_uploads", []
    )
    for row in rows:
        for column in ("upload_id", "idempotency_key", "access_token"):
            if row[column]:
                found[row[column]] = column
    for _, url, _ in flow.wire.requests:
        for signature in parse_qs(url.query.decode()).get("signature", []):
            found[signature] = "signature"
    return found


def _file(folder: Path, name: str, size: int) -> Path:
    path = folder / name
    path.write_bytes(bytes((i * 7 + len(name)) % 251 for i in range(size)))
    return path


@pytest.fixture(scope="module")
def flow(server: LocalCrucible, tmp_path_factory: pytest.TempPathFactory) -> Flow:
    """Runs the whole flow once, at DEBUG on the root logger; hands over what it saw."""
    folder = tmp_path_factory.mktemp("flow_v3")
    seen = Flow()

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            seen.logs.append(record)

    handler = Keep(level=logging.DEBUG)
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    with _control(server) as control:
        before = control.get("/_control/uploads").json()
        control.put("/_control/uploads", json={"part_size": PART}).raise_for_status()
        try:
            _run(server, seen, folder, control)
        finally:
            root.removeHandler(handler)
            root.setLevel(old_level)
            server.faults.clear()
            seen.storage_log = server.storage_log
            control.put("/_control/uploads", json=before).raise_for_status()
    return seen


def _run(server: LocalCrucible, seen: Flow, folder: Path, control: httpx.Client) -> None:
    server.clear_storage_log()
    with CrucibleClient(
        server.url_v3, server.admin_key, api_version="v3", state_dir=folder / "admin"
    ) as admin:
        account = seen.keep(admin.v3.service_accounts.create("secretsflow"))
        admin.v3.service_accounts.update(account.unique_id, "contributor")
    seen.service_key = account.api_key
    with CrucibleClient(
        server.url_v3,
        account.api_key,
        api_version="v3",
        state_dir=folder / "state",
        transport=seen.wire,
        sleep=lambda seconds: None,
        timeout=10,
    ) as client:
        _steps(server, client, seen, folder, control)
        seen.records += [client, client.v3, client.settings]


def _steps(
    server: LocalCrucible,
    client: CrucibleClient,
    seen: Flow,
    folder: Path,
    control: httpx.Client,
) -> None:
    v3, faults = client.v3, server.faults
    dsid = seen.keep(v3.datasets.create(dataset_name="secrets v3", scientific_metadata={"t": 1}))
    dsid = dsid.unique_id
    scan = _file(folder, "scan.bin", 3 * PART + 11)
    faults.add("status", status=500, path_prefix=PARTS, times=None)
    seen.expect(CrucibleError, lambda: v3.files.upload(dsid, scan))
    faults.clear()
    faults.add("status", status=403, detail="Signed URL expired", path_prefix=PARTS)
    [record] = seen.keep(v3.files.upload(dsid, scan))
    complete = COMPLETE.format(dataset=dsid)
    faults.add("drop_after", method="POST", path_prefix=complete)
    seen.keep(v3.files.upload(dsid, _file(folder, "lost.bin", PART + 5)))
    faults.add("drop_after", method="POST", path_prefix=complete, times=None)
    lost_always = _file(folder, "lost-always.bin", PART + 9)
    seen.expect(APIConnectionError, lambda: v3.files.upload(dsid, lost_always))
    faults.clear()
    control.put("/_control/uploads", json={"multipart_enabled": False}).raise_for_status()
    try:
        faults.add("drop", method="PUT", path_prefix=CHUNKS)
        seen.keep(v3.files.upload(dsid, _file(folder, "session.bin", 2 * PART)))
        faults.add("status", status=403, detail="expired", path_prefix=CHUNKS, times=None)
        refused = _file(folder, "refused.bin", PART)
        seen.expect(CrucibleError, lambda: v3.files.upload(dsid, refused))
        faults.clear()
    finally:
        control.put("/_control/uploads", json={"multipart_enabled": True}).raise_for_status()
    request = seen.keep(v3.ingestion.request(record.mfid))
    seen.keep(v3.ingestion.wait(request.id, timeout=30, poll=0.02))
    links = v3.files.download_links(dsid)  # a plain dict of the signed URLs the caller asked for
    assert [url for url in links.values() if url and "signature=" in url]
    seen.keep(v3.files.download(dsid, output_dir=folder / "all"))
    faults.add("status", status=403, detail="Signed URL expired", path_prefix=DOWNLOADS)
    seen.keep(v3.files.download_file(record.mfid, folder / "one"))  # a new link is asked for
    faults.add("drop", path_prefix=DOWNLOADS, times=None)
    seen.expect(CrucibleError, lambda: v3.files.download(dsid, output_dir=folder / "dropped"))
    faults.clear()
    seen.expect(NotFoundError, lambda: v3.datasets.get("0000000000000000000000zzzz"))
    seen.expect(NotFoundError, lambda: v3.files.get("0000000000000000000000zzzz"))


def test_the_flow_touched_every_kind_of_secret(server: LocalCrucible, flow: Flow) -> None:
    kinds = set(_secrets(server, flow).values())
    assert kinds >= {"service-account key", "upload_id", "idempotency_key", "signature"}
    assert len(flow.errors) == 6
    paths = [entry.path for entry in flow.storage_log]
    for prefix in (PARTS, CHUNKS, DOWNLOADS):
        assert [p for p in paths if p.startswith(prefix)], prefix


def test_no_storage_request_carried_a_key_or_an_api_header(
    server: LocalCrucible, flow: Flow
) -> None:
    keys = [server.user_key, server.admin_key, flow.service_key]
    assert len(flow.storage_log) >= 10
    for entry in flow.storage_log:
        names = {name for name, _ in entry.headers}
        assert not names & API_ONLY_HEADERS, entry.path
        assert not entry.had_authorization, entry.path
        assert not [v for _, v in entry.headers if any(key in v for key in keys)], entry.path
    api = [h for _, url, h in flow.wire.requests if url.path.startswith("/api/v3/")]
    assert all(h["authorization"] == f"Bearer {flow.service_key}" for h in api)
    assert any("idempotency-key" in h for h in api)  # it is sent: to the API only


def test_no_log_record_holds_a_secret(server: LocalCrucible, flow: Flow) -> None:
    secrets = _secrets(server, flow)
    loggers = {record.name.split(".")[0] for record in flow.logs}
    assert {"pycrucible", "httpx", "httpcore"} <= loggers
    lines = [r.getMessage() for r in flow.logs if r.name == "pycrucible.http"]
    assert any("/upload/multipart/<redacted>/" in line for line in lines)
    assert any("/storage/v3-parts/<redacted>/" in line for line in lines)
    formatter = logging.Formatter("%(name)s %(message)s")
    for record in flow.logs:
        text = formatter.format(record)  # the message and any traceback
        leaked = [kind for secret, kind in secrets.items() if secret in text]
        assert not leaked, f"{leaked}: {text}"


def test_no_repr_or_exception_holds_a_secret(server: LocalCrucible, flow: Flow) -> None:
    secrets = _secrets(server, flow)
    texts = [text for value in flow.records for text in (repr(value), str(value))]
    for error in flow.errors:
        chain: BaseException | None = error
        while chain is not None:  # the message, its notes and every cause
            texts += [str(chain), repr(chain), *getattr(chain, "__notes__", [])]
            chain = chain.__cause__ or chain.__context__
    assert any("<redacted>" in text for text in texts)  # the new key's own record
    for text in texts:
        leaked = [kind for secret, kind in secrets.items() if secret in text]
        assert not leaked, f"{leaked}: {text}"


def test_a_recorded_cassette_holds_no_secret(server: LocalCrucible, tmp_path: Path) -> None:
    scrubber = Scrubber(server.url, [server.user_key, server.admin_key])
    cassette = tmp_path / "v3_flow.yaml"
    source = _file(tmp_path, "recorded.bin", 2 * PART + 3)
    with _control(server) as control:
        before = control.get("/_control/uploads").json()
        control.put("/_control/uploads", json={"part_size": PART}).raise_for_status()
        try:
            with (
                recorder(scrubber, "all", tmp_path).use_cassette(str(cassette)),
                CrucibleClient(
                    server.url_v3, server.admin_key, api_version="v3", state_dir=tmp_path / "s"
                ) as admin,
            ):
                account = admin.v3.service_accounts.create("recordedflow")
                admin.v3.service_accounts.update(account.unique_id, "contributor")
                with CrucibleClient(
                    server.url_v3, account.api_key, api_version="v3", state_dir=tmp_path / "t"
                ) as client:
                    dsid = client.v3.datasets.create(dataset_name="recorded v3").unique_id
                    client.v3.files.upload(dsid, source)
                    client.v3.files.download_links(dsid)
        finally:
            control.put("/_control/uploads", json=before).raise_for_status()
    text = cassette.read_text()
    assert "/upload/multipart/" in text  # the upload is in it
    found = {account.api_key: "service-account key"}
    rows = server.backend.db.all(
        "SELECT upload_id, idempotency_key FROM v3_uploads WHERE dataset_mfid = ?", [dsid]
    )
    assert rows
    for row in rows:
        found[row["upload_id"]] = "upload_id"
        found[row["idempotency_key"]] = "idempotency_key"
    found[server.user_key] = found[server.admin_key] = "key"
    leaked = sorted({kind for secret, kind in found.items() if secret in text})
    assert not leaked, f"the cassette holds: {leaked}"
    assert "signature=REDACTED" in text
    assert "idempotency-key" not in text.lower()
