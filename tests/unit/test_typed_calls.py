"""Typed calls into the generated layer: what is blamed on the server, what is marked safe."""

from __future__ import annotations

import pytest
from _client_fakes import FakeAPI, reply
from crucible_openapi.v1.api.datasets import create_dataset
from crucible_openapi.v1.models import DatasetCreate

from pycrucible import CrucibleClient, UnexpectedResponseError
from pycrucible._http import invoke, invoke_idempotent
from pycrucible._transport import IDEMPOTENT


def test_an_unreadable_answer_is_the_servers_fault(client: CrucibleClient, fake: FakeAPI) -> None:
    fake.on("GET", "/datasets", reply(200, [1, 2]))  # the generated parser fails on it
    with pytest.raises(UnexpectedResponseError, match="list_datasets"):
        client.list_datasets()
    fake.on("GET", "/datasets/d2", reply(200, ["not", "a", "record"]))
    with pytest.raises(UnexpectedResponseError, match="expected Dataset"):
        client.get_dataset("d2")


def test_a_client_bug_before_sending_is_not_blamed_on_the_server(
    client: CrucibleClient, fake: FakeAPI
) -> None:
    body = DatasetCreate(unique_id="d1")
    body.additional_properties = None  # type: ignore[assignment]  # the bug under test
    with pytest.raises(TypeError):
        invoke(create_dataset.sync_detailed, body=body, client=client._core.http.api)
    assert fake.requests == []


def test_only_idempotent_invocations_are_marked(client: CrucibleClient, fake: FakeAPI) -> None:
    fake.on("POST", "/datasets", reply(200, {"unique_id": "d1"}))
    api = client._core.http.api
    invoke_idempotent(create_dataset.sync_detailed, body=DatasetCreate(unique_id="d1"), client=api)
    invoke(create_dataset.sync_detailed, body=DatasetCreate(unique_id="d1"), client=api)
    first, second = fake.requests
    assert first.extensions.get(IDEMPOTENT) is True
    assert not second.extensions.get(IDEMPOTENT)
