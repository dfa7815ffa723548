"""Regression tests for what the v3 conformance passes found in the local server.

Each test names the finding: a request the contract forbids must get the API's 422 (FastAPI's
list shape), and no input may make the server answer 500.
"""

from __future__ import annotations

import httpx

from pycrucible.testing._ids import new_mfid


def _locations(response: httpx.Response) -> list[list[object]]:
    assert response.status_code == 422, response.text
    detail = response.json()["detail"]
    assert isinstance(detail, list)
    return [list(item["loc"]) for item in detail]


def test_a_query_date_time_that_is_not_one_is_422(user: httpx.Client) -> None:
    # Found: `modification_time_lte=` (empty) was accepted with 200.
    for value in ("", "yesterday", "2026-13-01T00:00:00Z"):
        response = user.get("/datasets", params={"modification_time_lte": value})
        assert _locations(response) == [["query", "modification_time_lte"]], value
    fine = user.get("/datasets", params={"modification_time_lte": "2026-01-01T00:00:00Z"})
    assert fine.status_code == 200


def test_a_body_date_time_that_is_not_one_is_422(user: httpx.Client) -> None:
    body = {"unique_id": new_mfid(), "timestamp": "not a time"}
    assert _locations(user.post("/datasets", json=body)) == [["body", "timestamp"]]
    body = {"unique_id": new_mfid(), "timestamp": "2026-01-02T03:04:05+01:00"}
    assert user.post("/datasets", json=body).status_code == 200


def test_semantic_refusals_use_the_validation_list_shape(user: httpx.Client) -> None:
    # Found: 422 with a string `detail` (the contract declares the list shape), answered 500.
    response = user.post("/datasets", json={"unique_id": new_mfid(), "project_id": "nil"})
    assert _locations(response)


def test_an_integer_id_beyond_64_bits_is_not_a_server_error(admin: httpx.Client) -> None:
    # Found: GET /ingestion_requests/23427402885039031435919360 answered 500.
    huge = "23427402885039031435919360"
    for path in (f"/ingestion_requests/{huge}", f"/deletion_requests/{huge}"):
        assert admin.get(path).status_code in (404, 422), path
