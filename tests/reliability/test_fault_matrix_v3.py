"""The fault matrix of API v3 transfers, over real HTTP against the local server.

Each case injects one fault into a signed multipart upload, a resumable fallback or a signed
download, and checks the outcome the user relies on: the transfer completes or fails with a
`CrucibleError`; the dataset holds exactly one file record for the file (a retry by the user
after a failure completes and adds none); and nothing partial is left at the destination (no
stray file beside a downloaded one, an existing good file untouched when a download fails).
Pauses are recorded, never slept, so no case waits out a backoff.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import httpx
import pytest
from _reliability_helpers import (
    Pauses,
    make_file,
    new_v3_dataset,
    v3_records,
    v3_sessions,
    v3_user,
)
from crucible_openapi.v3 import AuthenticatedClient

from pycrucible._http import HttpClients, build_clients
from pycrucible._transfers.calls_v3 import MultipartSettings
from pycrucible._transfers.downloads_v3 import download_dataset_v3, download_file_v3
from pycrucible._transfers.multipart_v3 import replace_file_multipart
from pycrucible._transfers.resumable_v3 import upload_file_v3
from pycrucible._transport import RetryPolicy
from pycrucible.errors import (
    APIConnectionError,
    CrucibleError,
    PermissionDeniedError,
    TransferError,
)
from pycrucible.testing import LocalCrucible

PART = 64 * 1024  # bytes per part, set on the server for this module
SIZE = 3 * PART + 7  # four parts, the last one short
PARTS = "/storage/v3-parts/"
CHUNKS = "/storage/v3-resumable/"
DOWNLOADS = "/storage/v3/"
T = TypeVar("T")
INITIATE = "/api/v3/datasets/{dataset}/upload/multipart/initiate"
COMPLETE = "/api/v3/datasets/{dataset}/upload/multipart/complete"


@dataclass(frozen=True)
class Case:
    """One fault: the rules to inject (`FaultInjector.add` arguments) and the expected outcome.

    `outcome` is None when the transfer must complete, else the error class it must raise.
    A `{dataset}` in a rule's path prefix is replaced by the test dataset's MFID.
    """

    name: str
    rules: tuple[dict[str, Any], ...]
    outcome: type[CrucibleError] | None = None
    multipart: bool = True
    records_after_failure: int = 0
    links: int = 1


UPLOAD_CASES = [
    Case("part lost once", ({"kind": "drop", "method": "PUT", "path_prefix": PARTS},)),
    Case(
        "part lost every time",
        ({"kind": "drop", "method": "PUT", "path_prefix": PARTS, "times": None},),
        outcome=APIConnectionError,
    ),
    Case("part stored but its answer lost", ({"kind": "drop_after", "path_prefix": PARTS},)),
    Case(
        "part corrupted once (CRC32C mismatch)",
        ({"kind": "corrupt_request", "path_prefix": PARTS, "offset": 1000},),
    ),
    Case(
        "part corrupted every time (CRC32C mismatch)",
        ({"kind": "corrupt_request", "path_prefix": PARTS, "offset": 1000, "times": None},),
        outcome=TransferError,
    ),
    Case(
        "signed URL expires mid-upload (403)",
        (
            {"kind": "drop_after", "path_prefix": PARTS},  # one part through first
            {"kind": "status", "status": 403, "detail": "Signed URL expired", "path_prefix": PARTS},
        ),
    ),
    Case(
        "signed URL expires mid-upload (400 ExpiredToken)",
        (
            {
                "kind": "status",
                "status": 400,
                "detail": "ExpiredToken: the signed URL has expired",
                "path_prefix": PARTS,
                "times": 2,
            },
        ),
    ),
    Case(
        "multipart disabled: resumable session",
        (),
        multipart=False,
    ),
    Case(
        "multipart disabled: resumable chunk lost",
        ({"kind": "drop", "method": "PUT", "path_prefix": CHUNKS},),
        multipart=False,
    ),
    Case(
        "initiate answer lost: Idempotency-Key reused",
        ({"kind": "drop_after", "method": "POST", "path_prefix": INITIATE},),
    ),
    Case(
        "complete answer lost once",
        ({"kind": "drop_after", "method": "POST", "path_prefix": COMPLETE},),
    ),
    Case(
        "complete answer lost every time",
        ({"kind": "drop_after", "method": "POST", "path_prefix": COMPLETE, "times": None},),
        outcome=APIConnectionError,
        records_after_failure=1,
    ),
]


@pytest.fixture(autouse=True)
def _small_parts(server: LocalCrucible) -> Iterator[None]:
    """Small parts keep the cases quick; the server's settings are restored afterwards."""
    with httpx.Client(base_url=server.url, timeout=10) as control:
        control.headers["Authorization"] = f"Bearer {server.admin_key}"
        before = control.get("/_control/uploads").json()
        control.put("/_control/uploads", json={"multipart_enabled": True, "part_size": PART})
        yield
        control.put("/_control/uploads", json=before)


@pytest.fixture
def v3(server: LocalCrucible, pauses: Pauses) -> Iterator[tuple[AuthenticatedClient, HttpClients]]:
    """The normal user's v3 clients with the default retries, pauses recorded."""
    clients = build_clients(
        server.url_v3,
        server.user_key,
        timeout=httpx.Timeout(10),
        transfer_timeout=httpx.Timeout(30),
        policy=RetryPolicy(sleep=pauses),
    )
    api = AuthenticatedClient(base_url=server.url_v3, token=server.user_key)
    api.set_httpx_client(clients.http)
    yield api, clients
    clients.close()


def _inject(server: LocalCrucible, rules: tuple[dict[str, Any], ...], dataset: str) -> list[Any]:
    added = []
    for rule in rules:
        arguments = dict(rule)
        if "path_prefix" in arguments:
            arguments["path_prefix"] = arguments["path_prefix"].format(dataset=dataset)
        added.append(server.faults.add(**arguments))
    return added


def _outcome(case: Case, transfer: Callable[[], T]) -> T | None:
    """Runs a transfer; returns its result, or None when it failed as the case expects."""
    try:
        result = transfer()
    except CrucibleError as exc:
        failed: CrucibleError = exc
    else:
        assert case.outcome is None, f"{case.name}: completed, expected {case.outcome}"
        return result
    assert case.outcome is not None, f"{case.name}: failed with {failed!r}"
    assert isinstance(failed, case.outcome), f"{case.name}: {failed!r}"
    return None


@pytest.mark.parametrize("case", UPLOAD_CASES, ids=[case.name for case in UPLOAD_CASES])
def test_upload_under_fault(
    case: Case,
    server: LocalCrucible,
    v3: tuple[AuthenticatedClient, HttpClients],
    pauses: Pauses,
    tmp_path: Path,
) -> None:
    api, clients = v3
    dataset = new_v3_dataset(server)
    source = make_file(tmp_path / "scan.bin", SIZE)
    content = source.read_bytes()
    sha256 = hashlib.sha256(content).hexdigest()
    if not case.multipart:
        with httpx.Client(base_url=server.url, timeout=10) as control:
            control.headers["Authorization"] = f"Bearer {server.admin_key}"
            control.put("/_control/uploads", json={"multipart_enabled": False})
    settings = MultipartSettings(
        workers=2, guess_part_size=PART, state_dir=tmp_path / "state", sleep=pauses
    )
    rules = _inject(server, case.rules, dataset)

    record = _outcome(
        case, lambda: upload_file_v3(api, clients.storage, dataset, source, settings=settings)
    )
    if record is None:
        assert len(v3_records(server, dataset)) == case.records_after_failure
    else:
        assert (record.sha256_hash, record.size) == (sha256, SIZE)
        assert [r["mfid"] for r in v3_records(server, dataset)] == [record.mfid]
        assert list((tmp_path / "state").iterdir()) == []  # no resume state left behind
    assert all(rule.consumed >= 1 for rule in rules), "every injected fault happened"
    # One session: a retried initiate carried the same Idempotency-Key and found it again.
    assert [kind for kind, _ in v3_sessions(server, dataset)] == [
        "multipart" if case.multipart else "resumable"
    ]

    # The user runs the upload again, faults gone: it completes and adds no record.
    server.faults.clear()
    again = upload_file_v3(api, clients.storage, dataset, source, settings=settings)
    records = v3_records(server, dataset)
    assert [r["mfid"] for r in records] == [again.mfid]
    assert records[0]["sha256_hash"] == sha256
    stored = server.data_dir / "storage" / "v3" / dataset / again.mfid
    assert stored.read_bytes() == content
    assert sorted(p.name for p in stored.parent.iterdir()) == [again.mfid]
    assert list((tmp_path / "state").iterdir()) == []


@dataclass(frozen=True)
class Ingested:
    """A dataset holding one ingested file: its MFIDs, name and bytes."""

    dataset: str
    mfid: str
    name: str
    content: bytes


@pytest.fixture(scope="module")
def ingested(server: LocalCrucible, tmp_path_factory: pytest.TempPathFactory) -> Ingested:
    """One ingested file of the normal user, shared by the download cases (read only)."""
    dataset = new_v3_dataset(server)
    source = make_file(tmp_path_factory.mktemp("source") / "scan.bin", SIZE)
    clients = build_clients(
        server.url_v3,
        server.user_key,
        timeout=httpx.Timeout(10),
        transfer_timeout=httpx.Timeout(30),
        policy=RetryPolicy(max_retries=0),
    )
    api = AuthenticatedClient(base_url=server.url_v3, token=server.user_key)
    api.set_httpx_client(clients.http)
    try:
        record = upload_file_v3(api, clients.storage, dataset, source)
    finally:
        clients.close()
    with v3_user(server) as user:
        started = user.post(f"/files/{record.mfid}/ingest")
        assert started.status_code == 200, started.text
        for _ in range(1000):
            status = user.get(f"/ingestion_requests/{started.json()['id']}").json()["status"]
            if status not in ("requested", "started", "in_progress"):
                break
            time.sleep(0.01)
        assert status == "complete", status
    return Ingested(dataset, record.mfid, "scan.bin", source.read_bytes())


GOOD_COPY = b"the good copy the user already has"

DOWNLOAD_CASES = [
    Case("connection cut mid-file", ({"kind": "truncate", "after_bytes": 50_000},)),
    Case(
        "connection cut every time",
        ({"kind": "truncate", "after_bytes": 50_000, "times": None},),
        outcome=APIConnectionError,
    ),
    Case(
        "bytes corrupted",
        ({"kind": "corrupt", "offset": 70_000, "times": None},),
        outcome=TransferError,
    ),
    Case(
        "link expires mid-file",
        (
            {"kind": "truncate", "after_bytes": 50_000},
            {"kind": "status", "status": 403, "detail": "Signed URL expired"},
        ),
        links=2,
    ),
    Case(
        "link refused for good",
        ({"kind": "status", "status": 403, "detail": "Signed URL expired", "times": None},),
        outcome=PermissionDeniedError,
        links=2,
    ),
]


@pytest.mark.parametrize("whole_dataset", [False, True], ids=["one file", "whole dataset"])
@pytest.mark.parametrize("had_a_copy", [False, True], ids=["new file", "good copy present"])
@pytest.mark.parametrize("case", DOWNLOAD_CASES, ids=[case.name for case in DOWNLOAD_CASES])
def test_download_under_fault(
    case: Case,
    had_a_copy: bool,
    whole_dataset: bool,
    server: LocalCrucible,
    v3: tuple[AuthenticatedClient, HttpClients],
    ingested: Ingested,
    tmp_path: Path,
) -> None:
    api, clients = v3
    out = tmp_path / "out"
    out.mkdir()
    target = out / ingested.name
    if had_a_copy:
        target.write_bytes(GOOD_COPY)
    links: list[str] = []
    clients.http.event_hooks["request"].append(
        lambda request: links.extend(
            [request.url.path] if "download_link" in request.url.path else []
        )
    )
    rules = [
        server.faults.add(**{"method": "GET", "path_prefix": DOWNLOADS, **rule})
        for rule in case.rules
    ]

    def download() -> Path:
        if whole_dataset:
            (path,) = download_dataset_v3(api, clients.storage, ingested.dataset, out)
            return path
        return download_file_v3(api, clients.storage, ingested.mfid, out)

    written = _outcome(case, download)
    if written is None:
        if had_a_copy:
            assert target.read_bytes() == GOOD_COPY  # untouched
        else:
            assert not target.exists()
    else:
        assert written == target.resolve()
        assert target.read_bytes() == ingested.content
    assert all(rule.consumed >= 1 for rule in rules), "every injected fault happened"
    assert len(links) == case.links  # a refused link is asked for again, once
    expected = [ingested.name] if had_a_copy or case.outcome is None else []
    assert sorted(p.name for p in out.iterdir()) == expected  # nothing partial beside it
    assert [r["mfid"] for r in v3_records(server, ingested.dataset)] == [ingested.mfid]


def test_part_urls_that_really_expired_are_signed_again(
    server: LocalCrucible,
    v3: tuple[AuthenticatedClient, HttpClients],
    pauses: Pauses,
    tmp_path: Path,
) -> None:
    """Not injected: the storage stand-in itself refuses URLs signed already expired.

    The client's clock lags an hour, so it trusts the first URLs; after storage's first
    refusal the server signs with its normal lifetime again, as when time ran out mid-upload.
    """
    api, clients = v3
    dataset = new_v3_dataset(server)
    source = make_file(tmp_path / "scan.bin", SIZE)
    normal = server.backend.link_lifetime

    def back_to_normal(response: httpx.Response) -> None:
        if response.status_code == 403:
            server.backend.link_lifetime = normal

    clients.storage.event_hooks["response"].insert(0, back_to_normal)
    settings = MultipartSettings(
        workers=1, guess_part_size=PART, sleep=pauses, clock=lambda: time.time() - 3600
    )
    server.backend.link_lifetime = -60
    try:
        record = upload_file_v3(api, clients.storage, dataset, source, settings=settings)
    finally:
        server.backend.link_lifetime = normal
    puts = [(entry.status, entry.path.split("/")[-1]) for entry in server.storage_log]
    # All four parts had been signed expired: each was refused once, signed again and stored.
    assert sorted(puts) == [(200, n) for n in "1234"] + [(403, n) for n in "1234"]
    assert record.sha256_hash == hashlib.sha256(source.read_bytes()).hexdigest()
    assert [r["mfid"] for r in v3_records(server, dataset)] == [record.mfid]


def test_a_replacement_can_be_sent_again_after_it_failed(
    server: LocalCrucible,
    v3: tuple[AuthenticatedClient, HttpClients],
    pauses: Pauses,
    tmp_path: Path,
) -> None:
    api, clients = v3
    dataset = new_v3_dataset(server)
    source = make_file(tmp_path / "scan.bin", SIZE)
    settings = MultipartSettings(workers=2, guess_part_size=PART, sleep=pauses)
    first = upload_file_v3(api, clients.storage, dataset, source, settings=settings)
    newer = make_file(tmp_path / "newer.bin", SIZE)
    server.faults.add("corrupt_request", path_prefix=PARTS, offset=1000, times=None)
    with pytest.raises(TransferError):
        replace_file_multipart(api, clients.storage, first.mfid, newer, settings=settings)
    server.faults.clear()
    replaced = replace_file_multipart(api, clients.storage, first.mfid, newer, settings=settings)
    assert replaced.mfid == first.mfid
    assert replaced.sha256_hash == hashlib.sha256(newer.read_bytes()).hexdigest()
    assert [r["mfid"] for r in v3_records(server, dataset)] == [first.mfid]
    stored = server.data_dir / "storage" / "v3" / dataset / first.mfid
    assert stored.read_bytes() == newer.read_bytes()
