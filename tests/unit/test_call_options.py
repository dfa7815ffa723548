"""Per-call `timeout=` and `extra_headers=`: on every public method, applied to every request."""

from __future__ import annotations

import inspect

import pytest
from _client_fakes import FakeAPI, reply

from pycrucible import CrucibleClient

WAIT_METHODS = {"wait_for_request_completion", "send_to_scicat", "upload_new_dataset"}


def _public_methods() -> list[str]:
    return [
        name
        for name, value in vars(CrucibleClient).items()
        if not name.startswith("_")
        and callable(getattr(CrucibleClient, name))
        and name not in ("close",)
    ]


@pytest.mark.parametrize("name", _public_methods())
def test_every_method_takes_timeout_and_extra_headers(name: str) -> None:
    parameters = inspect.signature(getattr(CrucibleClient, name)).parameters
    assert parameters["extra_headers"].kind is inspect.Parameter.KEYWORD_ONLY
    assert "timeout" in parameters
    if name not in WAIT_METHODS:
        assert parameters["timeout"].kind is inspect.Parameter.KEYWORD_ONLY
        assert parameters["timeout"].default is None


def test_options_reach_every_request_of_the_call(client: CrucibleClient, fake: FakeAPI) -> None:
    fake.on("GET", "/datasets/d1", reply(200, {"unique_id": "d1"}))
    client.get_dataset("d1", timeout=2.5, extra_headers={"X-Trace": "abc"})
    [request] = fake.requests
    assert request.headers["x-trace"] == "abc"
    assert request.extensions["timeout"]["read"] == 2.5
    client.get_dataset("d1")
    assert "x-trace" not in fake.requests[-1].headers  # only for that call
    assert fake.requests[-1].extensions["timeout"]["read"] != 2.5


def test_bad_options_fail_before_the_network(client: CrucibleClient, fake: FakeAPI) -> None:
    with pytest.raises(ValueError, match="timeout"):
        client.get_dataset("d1", timeout=-1)
    with pytest.raises(ValueError, match="Authorization"):
        client.get_dataset("d1", extra_headers={"Authorization": "Bearer other"})
    with pytest.raises(ValueError, match="extra_headers"):
        client.datasets.get_dataset("d1", extra_headers={"X-Number": 5})  # type: ignore[dict-item]
    assert fake.requests == []
