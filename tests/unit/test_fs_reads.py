"""Range reads of `CrucibleFileSystem` against odd storage answers (its own logic, mocked)."""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest

pytest.importorskip("fsspec")

from pycrucible.errors import APIStatusError, PermissionDeniedError, TransferError
from pycrucible.fs._links import Link
from pycrucible.fs._reads import probe_size, read_range, with_fresh_link

DATA = bytes(range(256)) * 4


def _storage(answer: Callable[[httpx.Request], httpx.Response]) -> httpx.Client:
    return httpx.Client(transport=httpx.MockTransport(answer))


def _ranged(request: httpx.Request) -> httpx.Response:
    first, last = request.headers["range"].removeprefix("bytes=").split("-")
    start, end = int(first), min(int(last), len(DATA) - 1)
    return httpx.Response(
        206,
        content=DATA[start : end + 1],
        headers={"Content-Range": f"bytes {start}-{end}/{len(DATA)}"},
    )


def test_a_range_is_asked_for_exactly_and_without_encoding() -> None:
    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return _ranged(request)

    with _storage(answer) as storage:
        assert read_range(storage, "https://s.example/f", 10, 20) == DATA[10:20]
        assert read_range(storage, "https://s.example/f", 5, 5) == b""
    assert len(seen) == 1
    assert seen[0].headers["range"] == "bytes=10-19"
    assert seen[0].headers["accept-encoding"] == "identity"
    assert "authorization" not in seen[0].headers


def test_a_server_that_ignores_ranges_is_cut_to_the_range() -> None:
    with _storage(lambda request: httpx.Response(200, content=DATA)) as storage:
        assert read_range(storage, "https://s.example/f", 100, 110) == DATA[100:110]


@pytest.mark.parametrize(
    ("headers", "body", "problem"),
    [
        ({"Content-Range": "bytes 0-9/1024"}, DATA[:10], "range"),
        ({"Content-Range": "bytes 10-29/1024"}, DATA[10:30], "bytes for a 10-byte range"),
        ({"Content-Range": "bytes 10-19/1024", "Content-Encoding": "gzip"}, b"x", "gzip"),
    ],
)
def test_a_wrong_range_answer_raises(headers: dict[str, str], body: bytes, problem: str) -> None:
    with (
        _storage(lambda request: httpx.Response(206, content=body, headers=headers)) as storage,
        pytest.raises(TransferError, match=problem),
    ):
        read_range(storage, "https://s.example/f", 10, 20)


def test_the_size_comes_from_a_one_byte_range() -> None:
    with _storage(_ranged) as storage:
        assert probe_size(storage, "https://s.example/f") == len(DATA)


def _refusing(status: int, detail: str) -> Callable[[str], bytes]:
    def use(url: str) -> bytes:
        if url == "old":
            if status == 403:
                raise PermissionDeniedError(detail, status_code=status, detail=detail)
            raise APIStatusError(detail, status_code=status, detail=detail)
        return b"ok"

    return use


@pytest.mark.parametrize(("status", "detail"), [(403, "denied"), (400, "Request has expired")])
def test_a_refused_link_is_renewed_once(status: int, detail: str) -> None:
    links = iter([Link("old", 0, 10), Link("new", 0, 10)])
    forgotten: list[bool] = []
    got = with_fresh_link(
        lambda: next(links), lambda: forgotten.append(True), _refusing(status, detail)
    )
    assert got == b"ok"
    assert forgotten == [True]


def test_other_errors_are_not_retried_with_a_new_link() -> None:
    links = iter([Link("old", 0, 10)])
    with pytest.raises(APIStatusError):
        with_fresh_link(lambda: next(links), lambda: None, _refusing(400, "bad request"))
