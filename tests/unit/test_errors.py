"""The error tree: one status-to-class mapping, `detail` and field errors, not-found handling."""

from __future__ import annotations

import httpx
import pytest
from _client_fakes import API_KEY, FakeAPI, reply

import pycrucible.errors as errors
from pycrucible import CrucibleClient


def error_for(status: int, body: object = None, *, content: bytes | None = None):
    request = httpx.Request("GET", "https://crucible.test/api/datasets/x")
    response = reply(status, body) if content is None else httpx.Response(status, content=content)
    response.request = request
    return errors.error_for_response(response)


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (400, errors.BadRequestError),
        (401, errors.AuthenticationError),
        (403, errors.PermissionDeniedError),
        (404, errors.NotFoundError),
        (409, errors.ConflictError),
        (422, errors.UnprocessableEntityError),
        (429, errors.RateLimitError),
        (500, errors.ServerError),
        (501, errors.ServerError),
        (502, errors.ServerError),
        (503, errors.ServerError),
        (504, errors.ServerError),
        (418, errors.APIStatusError),
    ],
)
def test_every_status_maps_to_its_class(status: int, cls: type) -> None:
    exc = error_for(status, {"detail": "nope"})
    assert type(exc) is cls
    assert isinstance(exc, errors.APIStatusError)
    assert isinstance(exc, errors.APIError)
    assert isinstance(exc, errors.CrucibleError)
    assert exc.status_code == status
    assert exc.detail == "nope"
    assert "nope" in str(exc)
    assert exc.response is not None


def test_the_seed_era_unknown_key_answer_is_an_authentication_error() -> None:
    exc = error_for(400, {"detail": "No account found for this API key"})
    assert type(exc) is errors.AuthenticationError
    assert exc.status_code == 400
    assert "check the API key" in str(exc)
    other = error_for(400, {"detail": "Account name is malformed"})
    assert type(other) is errors.BadRequestError


def test_field_errors_of_422_are_kept() -> None:
    body = {"detail": [{"loc": ["body", "size"], "msg": "not an int", "type": "int_parsing"}]}
    exc = error_for(422, body)
    assert isinstance(exc, errors.UnprocessableEntityError)
    assert exc.errors == body["detail"]
    assert "body.size: not an int" in exc.detail


def test_plain_text_error_body_becomes_detail() -> None:
    exc = error_for(502, content=b"<html>bad gateway</html>")
    assert exc.detail == "<html>bad gateway</html>"


def test_unknown_key_hint_on_400() -> None:
    exc = error_for(400, {"detail": "no account found for this API key"})
    assert "check the API key" in str(exc)


def test_non_status_error_classes() -> None:
    assert issubclass(errors.APITimeoutError, errors.APIConnectionError)
    assert issubclass(errors.APIConnectionError, errors.APIError)
    assert issubclass(errors.UnexpectedResponseError, errors.APIError)
    for cls in (errors.WaitTimeoutError, errors.RequestFailedError):
        exc = cls("msg", request={"status": "failed"})
        assert exc.request == {"status": "failed"}
        assert isinstance(exc, errors.CrucibleError)
    assert issubclass(errors.TransferError, errors.CrucibleError)


def test_not_found_helper() -> None:
    exc = errors.not_found("dataset abc")
    assert isinstance(exc, errors.NotFoundError)
    assert exc.status_code == 200
    assert str(exc) == "dataset abc not found"


@pytest.mark.parametrize("status", [400, 401, 403, 404, 409, 422, 429, 500, 503])
def test_client_raises_typed_errors(client: CrucibleClient, fake: FakeAPI, status: int) -> None:
    fake.on("GET", "/projects/p1", reply(status, {"detail": f"status {status}"}))
    with pytest.raises(errors.APIStatusError) as caught:
        client.get_project("p1")
    assert caught.value.status_code == status
    assert caught.value.detail == f"status {status}"


@pytest.mark.parametrize(
    ("method", "path", "call"),
    [
        ("GET", "/datasets/d1", lambda c: c.get_dataset("d1")),
        ("GET", "/samples/s1", lambda c: c.get_sample("s1")),
        ("GET", "/projects/p1", lambda c: c.get_project("p1")),
        ("GET", "/users/0000-0001", lambda c: c.get_user("0000-0001")),
        ("GET", "/samples/s1/metadata/batch", lambda c: c.get_sample_metadata("s1", "batch")),
    ],
)
def test_null_answer_is_not_found(
    client: CrucibleClient, fake: FakeAPI, method, path, call
) -> None:
    fake.on(method, path, reply(200, None))
    with pytest.raises(errors.NotFoundError, match="not found"):
        call(client)


def test_missing_scientific_metadata_is_an_empty_dict(
    client: CrucibleClient, fake: FakeAPI
) -> None:
    fake.on("GET", "/datasets/d1/scientific_metadata", reply(200, None))
    assert client.get_scientific_metadata("d1") == {}


def test_body_that_breaks_the_contract_is_unexpected(client: CrucibleClient, fake: FakeAPI) -> None:
    fake.on("GET", "/datasets/d1", reply(200, {"no_unique_id": True}))
    with pytest.raises(errors.UnexpectedResponseError):
        client.get_dataset("d1")
    fake.on("GET", "/datasets", reply(200, {"not": "a list"}))
    with pytest.raises(errors.UnexpectedResponseError):
        client.list_datasets()


def test_error_message_never_shows_the_key(client: CrucibleClient, fake: FakeAPI) -> None:
    fake.on("GET", "/projects/p1", reply(400, {"detail": f"bad key Bearer {API_KEY}"}))
    with pytest.raises(errors.BadRequestError) as caught:
        client.get_project("p1")
    assert API_KEY not in str(caught.value)
    assert API_KEY not in caught.value.detail


def test_connection_errors_are_translated(client: CrucibleClient, fake: FakeAPI) -> None:
    fake.on("GET", "/projects/p1", httpx.ConnectError("refused"))
    with pytest.raises(errors.APIConnectionError) as caught:
        client.get_project("p1")
    assert not isinstance(caught.value, errors.APITimeoutError)
    fake.on("GET", "/projects/p2", httpx.ReadTimeout("slow"))
    with pytest.raises(errors.APITimeoutError):
        client.get_project("p2")
