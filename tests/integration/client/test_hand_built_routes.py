"""Every route the client builds by hand (streamed bodies) is an operation of the contract.

The client sends each one with the method and path template of its operation; this test
records what actually goes over the wire against the local server and maps each request to the
operation it must match.
"""

from __future__ import annotations

import re
from pathlib import Path

import httpx
import pytest

from pycrucible import CrucibleClient
from pycrucible._v1.contract import HAND_BUILT_OPERATIONS, route
from pycrucible.testing import LocalCrucible

KIB = 1024


class Recording(httpx.BaseTransport):
    """Real HTTP, with every request's method and path noted."""

    def __init__(self) -> None:
        self.inner = httpx.HTTPTransport()
        self.seen: list[tuple[str, str]] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.seen.append((request.method, request.url.path))
        return self.inner.handle_request(request)

    def close(self) -> None:
        self.inner.close()


def _pattern(template: str) -> re.Pattern[str]:
    parts = re.split(r"(\{[^}]+\})", template)
    body = "".join("[^/]+" if p.startswith("{") else re.escape(p) for p in parts)
    return re.compile(body + "$")


@pytest.fixture(scope="module")
def wire(server: LocalCrucible, tmp_path_factory: pytest.TempPathFactory) -> list[tuple[str, str]]:
    folder = tmp_path_factory.mktemp("routes")
    small = folder / "small.bin"
    small.write_bytes(b"s" * 10 * KIB)
    large = folder / "large.bin"
    large.write_bytes(bytes(range(256)) * 2 * KIB)  # 512 KiB: resumable, two chunks
    recording = Recording()
    with CrucibleClient(
        server.url,
        server.user_key,
        state_dir=folder / "state",
        transport=recording,
        resumable_threshold=256 * KIB,
        upload_chunk_size=256 * KIB,
    ) as client:
        dsid = client.create_dataset(dataset_name="hand-built routes").unique_id
        methods = [u.method for u in client.upload_dataset(dsid, [small, large])]
        assert methods == ["multipart", "resumable"]
        client.download_dataset(dsid, file_name="small.bin", output_dir=folder / "out")
        assert (folder / "out" / "small.bin").read_bytes() == small.read_bytes()
    return recording.seen


@pytest.mark.parametrize("operation_id", HAND_BUILT_OPERATIONS)
def test_each_hand_built_request_matches_its_operation(
    wire: list[tuple[str, str]], operation_id: str
) -> None:
    expected = route(operation_id)
    pattern = _pattern(expected.path)
    matching = [(m, p) for m, p in wire if pattern.search(p)]
    assert matching, f"no request matched {expected.method} {expected.path}"
    assert {m for m, _ in matching} == {expected.method}


def test_the_hand_built_operations_are_the_streamed_ones() -> None:
    assert set(HAND_BUILT_OPERATIONS) == {"upload_files", "download_file", "upload_chunk"}
    for operation_id in HAND_BUILT_OPERATIONS:
        assert route(operation_id).path.startswith("/")


def test_an_operation_missing_from_the_contract_fails_loudly() -> None:
    with pytest.raises(KeyError, match="not in the API contract"):
        route("no_such_operation")


def test_route_urls_encode_each_parameter_whole() -> None:
    download = route("download_file")
    assert download.url(dsid="d1", file_name="raw/a b.h5") == "/datasets/d1/download/raw%2Fa%20b.h5"
    with pytest.raises(KeyError):
        download.url(dsid="d1")


def test_nothing_else_builds_api_paths_by_hand() -> None:
    root = Path(__file__).resolve().parents[3] / "pycrucible"
    literal = re.compile(r"""f?["']/(datasets|uploads|samples|projects|users|account)\b""")
    offenders = [
        str(path.relative_to(root))
        for path in root.rglob("*.py")
        if "testing" not in path.parts
        and "cli" not in path.parts
        and literal.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []
