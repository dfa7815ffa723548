"""Server-given file names cannot write outside the output folder, end to end.

The local server never stores such names, so a crafted API (an in-memory `httpx.MockTransport`;
nothing is sent anywhere) answers `download_links` with them, next to a harmless file. The
download must refuse before anything is fetched or written: not the harmless file either, and
nothing next to or above the output folder.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import httpx
import pytest
from _security_helpers import FAKE_API, FakeAPI

from pycrucible import CrucibleClient, TransferError

DSID = "0tbhpathsdataset0000000000"
CONTENT = b"what a malicious server would like to plant\n"

UNSAFE = [
    "../escape.txt",
    "../../escape.txt",
    "sub/../../escape.txt",
    "./../escape.txt",
    "/tmp/escape.txt",
    "//server/share/escape.txt",
    "C:/escape.txt",
    "C:escape.txt",
    "c:\\Windows\\escape.txt",
    "..\\escape.txt",
    "sub\\..\\..\\escape.txt",
    "..",
    "a/b/../../../escape.txt",
    "escape.txt\x00.png",
]


def _api(links: dict[str, str]) -> FakeAPI:
    digest = hashlib.sha256(CONTENT).hexdigest()
    records = [
        {"filename": f"api-uploads/{DSID}/{name.removeprefix(DSID + '/')}", "sha256_hash": digest}
        for name in links
    ]
    routes: dict[tuple[str, str], object] = {
        ("GET", f"/datasets/{DSID}/associated_files"): records,
        ("GET", f"/datasets/{DSID}/download_links"): links,
    }
    for url in links.values():
        routes[("GET", httpx.URL(url).path)] = lambda request: httpx.Response(200, content=CONTENT)
    return FakeAPI(routes)


@pytest.fixture
def sandbox(tmp_path: Path) -> Path:
    """`tmp_path/a/b/out` is the output folder, so escapes one or two levels up land in it."""
    out = tmp_path / "a" / "b" / "out"
    out.mkdir(parents=True)
    return out


def _everything(root: Path) -> list[Path]:
    return sorted(root.rglob("*"))


def _client(api: FakeAPI, tmp_path: Path) -> CrucibleClient:
    return CrucibleClient(
        FAKE_API,
        "fake-key-for-path-tests",
        transport=httpx.MockTransport(api),
        state_dir=tmp_path / "state",
        sleep=lambda seconds: None,
    )


@pytest.mark.parametrize("name", UNSAFE)
def test_unsafe_link_names_write_nothing_anywhere(name: str, sandbox: Path, tmp_path: Path) -> None:
    links = {
        f"{DSID}/harmless.txt": f"{FAKE_API}/storage/{DSID}/harmless.txt?signature=abc",
        f"{DSID}/{name}": f"{FAKE_API}/storage/{DSID}/evil?signature=def",
    }
    api = _api(links)
    before = _everything(tmp_path)
    with _client(api, tmp_path) as client, pytest.raises(TransferError, match=r"unsafe|outside"):
        client.download_dataset(DSID, output_dir=sandbox)
    assert _everything(tmp_path) == before
    assert not [r for r in api.requests if r.url.path.startswith("/storage/")]


def test_a_link_key_without_the_dataset_prefix_is_checked_too(
    sandbox: Path, tmp_path: Path
) -> None:
    api = _api({"../../escape.txt": f"{FAKE_API}/storage/{DSID}/evil?signature=x"})
    before = _everything(tmp_path)
    with _client(api, tmp_path) as client, pytest.raises(TransferError):
        client.download_dataset(DSID, output_dir=sandbox)
    assert _everything(tmp_path) == before


def test_a_symlinked_folder_inside_the_output_cannot_lead_out(
    sandbox: Path, tmp_path: Path
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (sandbox / "data").symlink_to(outside, target_is_directory=True)
    api = _api({f"{DSID}/data/planted.txt": f"{FAKE_API}/storage/{DSID}/p?signature=x"})
    with _client(api, tmp_path) as client, pytest.raises(TransferError, match="outside"):
        client.download_dataset(DSID, output_dir=sandbox)
    assert list(outside.iterdir()) == []


@pytest.mark.parametrize("name", ["../escape.txt", "/etc/passwd", "C:/x.txt", "a\\..\\x"])
def test_unsafe_names_asked_for_are_refused_before_sending(
    name: str, sandbox: Path, tmp_path: Path
) -> None:
    api = _api({})
    with _client(api, tmp_path) as client, pytest.raises(ValueError, match="unsafe"):
        client.download_dataset(DSID, file_name=name, output_dir=sandbox)
    assert api.requests == []


def test_safe_sub_folders_are_kept_below_the_output(sandbox: Path, tmp_path: Path) -> None:
    api = _api({f"{DSID}/raw/run 1/scan.h5": f"{FAKE_API}/storage/{DSID}/scan?signature=x"})
    with _client(api, tmp_path) as client:
        [path] = client.download_dataset(DSID, output_dir=sandbox)
    assert path == sandbox.resolve() / "raw" / "run 1" / "scan.h5"
    assert path.read_bytes() == CONTENT


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Belt and braces: a real connection attempt would fail the test."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("no real connection may be opened here")

    monkeypatch.setattr(httpx.HTTPTransport, "handle_request", refuse)
