"""Retries: what is retried, what never is, how long it waits (sleeps recorded, never slept)."""

from __future__ import annotations

import email.utils
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from _client_fakes import FakeAPI, Sleeps, reply

from pycrucible import CrucibleClient
from pycrucible._transport import (
    IDEMPOTENT,
    RetryPolicy,
    RetryTransport,
    attempts,
    retry_after_seconds,
)
from pycrucible.errors import ConflictError, ServerError

URL = "https://crucible.test/api/thing"


def make(fake: FakeAPI, sleeps: Sleeps, retries: int = 3, **policy: float) -> httpx.Client:
    transport = RetryTransport(
        httpx.MockTransport(fake), RetryPolicy(max_retries=retries, sleep=sleeps, **policy)
    )
    return httpx.Client(transport=transport)


def send(http: httpx.Client, method: str, *, idempotent: bool = False, **kw) -> httpx.Response:
    extensions = {IDEMPOTENT: True} if idempotent else {}
    return http.request(method, URL, extensions=extensions, **kw)


ALL_METHODS = ["GET", "HEAD", "OPTIONS", "PUT", "DELETE", "POST", "PATCH"]
SAFE_METHODS = ["GET", "HEAD", "OPTIONS", "PUT", "DELETE"]
UNSAFE_METHODS = ["POST", "PATCH"]


@pytest.mark.parametrize("status", [429, 503])
@pytest.mark.parametrize("method", ALL_METHODS)
def test_429_and_503_are_retried_on_every_method(
    fake: FakeAPI, sleeps: Sleeps, method: str, status: int
) -> None:
    fake.on(method, "/thing", reply(status), reply(200, {}))
    response = send(make(fake, sleeps), method, content=b"x" if method != "GET" else None)
    assert response.status_code == 200
    assert len(fake.requests) == 2
    assert len(sleeps) == 1


@pytest.mark.parametrize("status", [500, 502, 504])
@pytest.mark.parametrize("method", SAFE_METHODS)
def test_server_errors_are_retried_on_idempotent_methods(
    fake: FakeAPI, sleeps: Sleeps, method: str, status: int
) -> None:
    fake.on(method, "/thing", reply(status), reply(status), reply(200, {}))
    assert send(make(fake, sleeps), method).status_code == 200
    assert len(fake.requests) == 3


@pytest.mark.parametrize("status", [500, 502, 504])
@pytest.mark.parametrize("method", UNSAFE_METHODS)
def test_server_errors_are_not_retried_on_post_and_patch(
    fake: FakeAPI, sleeps: Sleeps, method: str, status: int
) -> None:
    fake.on(method, "/thing", reply(status), reply(200, {}))
    assert send(make(fake, sleeps), method, content=b"{}").status_code == status
    assert len(fake.requests) == 1
    assert sleeps == []


@pytest.mark.parametrize("status", [500, 502, 504])
def test_marked_idempotent_create_is_retried(fake: FakeAPI, sleeps: Sleeps, status: int) -> None:
    fake.on("POST", "/thing", reply(status), reply(200, {}))
    assert send(make(fake, sleeps), "POST", idempotent=True, content=b"{}").status_code == 200
    assert len(fake.requests) == 2


@pytest.mark.parametrize("status", [400, 401, 403, 404, 409, 422, 501])
@pytest.mark.parametrize("method", ["GET", "POST"])
def test_other_statuses_are_never_retried(
    fake: FakeAPI, sleeps: Sleeps, method: str, status: int
) -> None:
    fake.on(method, "/thing", reply(status), reply(200, {}))
    assert send(make(fake, sleeps), method, idempotent=True).status_code == status
    assert len(fake.requests) == 1


def test_retries_stop_at_the_limit_and_return_the_last_answer(
    fake: FakeAPI, sleeps: Sleeps
) -> None:
    fake.on("GET", "/thing", reply(503))
    assert send(make(fake, sleeps, retries=2), "GET").status_code == 503
    assert len(fake.requests) == 3
    assert len(sleeps) == 2


def test_the_answer_says_how_many_attempts_it_took(fake: FakeAPI, sleeps: Sleeps) -> None:
    fake.on("GET", "/thing", reply(503), reply(502), reply(200, {}))
    fake.on("GET", "/other", reply(200, {}))
    http = make(fake, sleeps)
    assert attempts(send(http, "GET")) == 3
    assert attempts(http.get("https://api.test/other")) == 1
    assert attempts(None) == 1


def test_zero_retries_disables_retrying(fake: FakeAPI, sleeps: Sleeps) -> None:
    fake.on("GET", "/thing", reply(503), reply(200, {}))
    assert send(make(fake, sleeps, retries=0), "GET").status_code == 503
    assert len(fake.requests) == 1


def test_backoff_is_capped_and_jittered(fake: FakeAPI, sleeps: Sleeps) -> None:
    fake.on("GET", "/thing", reply(503))
    send(make(fake, sleeps, retries=6, backoff_base=1.0, backoff_max=4.0), "GET")
    ceilings = [1, 2, 4, 4, 4, 4]
    assert len(sleeps) == 6
    assert all(0 <= s <= c for s, c in zip(sleeps, ceilings, strict=True))


def test_retry_after_seconds_is_honoured(fake: FakeAPI, sleeps: Sleeps) -> None:
    fake.on("POST", "/thing", reply(429, **{"Retry-After": "7"}), reply(200, {}))
    assert send(make(fake, sleeps), "POST", content=b"{}").status_code == 200
    assert sleeps == [7.0]


def test_retry_after_http_date_is_honoured(fake: FakeAPI, sleeps: Sleeps) -> None:
    when = datetime.now(UTC) + timedelta(seconds=20)
    header = email.utils.format_datetime(when, usegmt=True)
    fake.on("GET", "/thing", reply(503, **{"Retry-After": header}), reply(200, {}))
    assert send(make(fake, sleeps), "GET").status_code == 200
    assert len(sleeps) == 1
    assert 15 <= sleeps[0] <= 21


def test_retry_after_in_the_past_means_now() -> None:
    past = email.utils.format_datetime(datetime.now(UTC) - timedelta(hours=1), usegmt=True)
    assert retry_after_seconds(httpx.Response(503, headers={"Retry-After": past})) == 0.0
    assert retry_after_seconds(httpx.Response(503, headers={"Retry-After": "soon"})) is None
    assert retry_after_seconds(httpx.Response(503)) is None


def test_too_long_retry_after_returns_the_answer(fake: FakeAPI, sleeps: Sleeps) -> None:
    fake.on("GET", "/thing", reply(503, **{"Retry-After": "3600"}), reply(200, {}))
    http = make(fake, sleeps, max_retry_after=60.0)
    assert send(http, "GET").status_code == 503
    assert sleeps == []
    assert len(fake.requests) == 1


def test_unreadable_retry_after_falls_back_to_backoff(fake: FakeAPI, sleeps: Sleeps) -> None:
    fake.on("GET", "/thing", reply(503, **{"Retry-After": "later"}), reply(200, {}))
    assert send(make(fake, sleeps, backoff_base=0.5), "GET").status_code == 200
    assert len(sleeps) == 1
    assert 0 <= sleeps[0] <= 0.5


def one_shot() -> Iterator[bytes]:
    yield b"streamed "
    yield b"body"


class StreamingTransport(httpx.BaseTransport):
    """Consumes the body as a network transport does (without `request.read()`)."""

    def __init__(self) -> None:
        self.bodies: list[bytes] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.bodies.append(b"".join(request.stream))  # type: ignore[arg-type]
        return reply(503)


def test_one_shot_body_is_never_resent(sleeps: Sleeps) -> None:
    inner = StreamingTransport()
    http = httpx.Client(transport=RetryTransport(inner, RetryPolicy(sleep=sleeps)))
    assert http.put(URL, content=one_shot()).status_code == 503
    assert inner.bodies == [b"streamed body"]
    assert sleeps == []


def test_multipart_of_files_is_resent(fake: FakeAPI, sleeps: Sleeps, tmp_path) -> None:
    data = tmp_path / "a.bin"
    data.write_bytes(b"abc")
    fake.on("POST", "/thing", reply(503), reply(200, {}))
    with data.open("rb") as handle:
        response = send(make(fake, sleeps), "POST", files={"files": ("a.bin", handle)})
    assert response.status_code == 200
    assert fake.requests[0].content == fake.requests[1].content


@pytest.mark.parametrize("method", ALL_METHODS)
@pytest.mark.parametrize(
    "error",
    [httpx.ConnectError("refused"), httpx.ConnectTimeout("slow"), httpx.PoolTimeout("busy")],
)
def test_failures_before_sending_are_retried_on_every_method(
    fake: FakeAPI, sleeps: Sleeps, method: str, error: Exception
) -> None:
    fake.on(method, "/thing", error, reply(200, {}))
    assert send(make(fake, sleeps), method).status_code == 200
    assert len(fake.requests) == 2


@pytest.mark.parametrize(
    "error",
    [httpx.ReadTimeout("slow"), httpx.ReadError("reset"), httpx.RemoteProtocolError("closed")],
)
def test_failures_after_sending_are_retried_only_when_idempotent(
    fake: FakeAPI, sleeps: Sleeps, error: Exception
) -> None:
    fake.on("GET", "/thing", error, reply(200, {}))
    assert send(make(fake, sleeps), "GET").status_code == 200
    fake.on("POST", "/thing", error, reply(200, {}))
    with pytest.raises(type(error)):
        send(make(fake, sleeps), "POST", content=b"{}")
    fake.on("POST", "/thing", error, reply(200, {}))
    assert send(make(fake, sleeps), "POST", idempotent=True, content=b"{}").status_code == 200


def test_connection_errors_raise_after_the_last_retry(fake: FakeAPI, sleeps: Sleeps) -> None:
    fake.on("GET", "/thing", httpx.ConnectError("refused"))
    with pytest.raises(httpx.ConnectError):
        send(make(fake, sleeps, retries=2), "GET")
    assert len(fake.requests) == 3


# Through the client: which operations carry the IDEMPOTENT mark.


def test_create_is_marked_and_retried_after_a_lost_answer(
    client: CrucibleClient, fake: FakeAPI
) -> None:
    fake.on("POST", "/datasets", httpx.ReadTimeout("lost"), reply(409, {"detail": "exists"}))
    fake.on("GET", "/datasets/*", lambda r: reply(200, {"unique_id": r.url.path.split("/")[-1]}))
    dataset = client.create_dataset(dataset_name="run 1")
    posts = [r for r in fake.requests if r.method == "POST"]
    assert len(posts) == 2
    assert all(r.extensions.get(IDEMPOTENT) for r in posts)
    assert posts[0].content == posts[1].content
    assert fake.sent("GET") == [("GET", f"/datasets/{dataset.unique_id}")]


def test_conflict_on_your_own_unique_id_is_raised(client: CrucibleClient, fake: FakeAPI) -> None:
    fake.on("POST", "/datasets", reply(409, {"detail": "exists"}))
    with pytest.raises(ConflictError):
        client.create_dataset(dataset_name="run 1", unique_id="0tbg8f8eq1sbs000x1sdqdtpnm")


def test_processing_requests_are_never_retried_after_sending(
    client: CrucibleClient, fake: FakeAPI
) -> None:
    fake.on("POST", "/datasets/d1/ingest", reply(502), reply(200, {"id": 1, "status": "requested"}))
    with pytest.raises(ServerError):
        client.request_ingestion("d1")
    assert len(fake.requests) == 1
    assert not fake.requests[0].extensions.get(IDEMPOTENT)
