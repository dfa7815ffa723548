"""The API v3 authorization matrix: every operation of the contract, called as every principal.

The expected answers come from one table (:mod:`_authz_table`), derived from ``openapi.json``
(``security``, ``x-elevation``, ``x-required-role``) plus hand-written exceptions with reasons.
The local server must give exactly those answers: allowed (2xx; for lists, the target listed or
hidden), 401, 403 or 404; and no answer but ``GET /account/apikey`` carries an API key. One
server and one set of people and records serve the whole module; each test id names the
operation and the principal.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from _authz_calls import FRESH, build, fill
from _authz_table import EXCEPTIONS, OK, PUBLIC, Operation, expected, operations, outcome
from _authz_world import BAD_KEY, PRINCIPALS, World, build_world

from pycrucible.testing import LocalCrucible

OPERATIONS = operations()
CELLS = [(op, principal) for op in OPERATIONS for principal in PRINCIPALS]


@pytest.fixture(scope="module")
def world() -> Iterator[World]:
    with LocalCrucible(worker_delay=0.01) as server:
        yield from build_world(server)


def test_the_matrix_covers_the_whole_contract() -> None:
    assert len(OPERATIONS) == 128
    assert len({op.operation_id for op in OPERATIONS}) == 128
    assert len(CELLS) == 128 * 12
    public = [op.operation_id for op in OPERATIONS if op.rule == PUBLIC]
    assert public == ["get_liveness", "get_readiness"]


def test_every_hand_written_rule_names_its_reason() -> None:
    known = {op.operation_id for op in OPERATIONS}
    for operation_id, rule in EXCEPTIONS.items():
        assert operation_id in known, operation_id
        assert rule.reason, operation_id


REPEATABLE = {
    "register_dataset_file",
    "request_carrier_segmentation",
    "request_insitu_spec_aggregation",
    "request_mosaic_stitch",
    "request_rga_analysis",
    "add_dataset_keyword",
    "create_dataset_thumbnail",
    "initiate_resumable_upload",
    "initiate_token_upload",
    "request_file_ingestion",
    "create_sample",
    "create_service_account",
}
"""Operations the contract marks not retry-safe whose repeat makes one more record (a new
processing request, thumbnail, session...) with the same answer, so every principal may share
the target."""


def test_every_operation_unsafe_to_repeat_gets_a_fresh_target_or_repeats_alike() -> None:
    unsafe = {op.operation_id for op in OPERATIONS if not op.idempotent}
    assert len(unsafe) == 18
    assert unsafe - REPEATABLE <= set(FRESH), sorted(unsafe - REPEATABLE - set(FRESH))
    assert unsafe >= REPEATABLE


@pytest.mark.parametrize(
    ("operation", "principal"),
    CELLS,
    ids=[f"{op.operation_id}-{principal}" for op, principal in CELLS],
)
def test_authorization(world: World, operation: Operation, principal: str) -> None:
    want = expected(operation.rule, principal)
    call = build(world, operation.operation_id, operation.path, principal, fresh=want == OK)
    response = world.clients[principal].request(
        operation.method,
        fill(operation.path, call.path),
        params=call.params,
        json=call.json,
        headers=call.headers,
    )
    got = outcome(response.status_code, response.text, call.marker)
    assert got == want, (
        f"{operation.method} {operation.path} as {principal}: expected {want}, got {got} "
        f"({response.text[:300]})"
    )
    if operation.operation_id != "get_account_apikey":  # the one answer that is a key
        for key in (*world.keys.values(), BAD_KEY):
            assert key not in response.text, "an API key in an answer"
