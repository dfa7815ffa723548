"""The local server's test controls on API v3 paths, driven over HTTP through ``/_control``.

Fault rules (every kind) match ``/api/v3`` paths and nothing else; the storage log records the
v3 storage stand-in's requests (signed part PUTs without an API key, refused tampered ones);
worker control freezes and resumes v3 ingestion.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from _v3files_helpers import initiate, sign

from pycrucible.testing import LocalCrucible
from pycrucible.testing._ids import new_mfid
from tests.integration.server_v3.conftest import make_dataset

V3 = "/api/v3"


def _fault(control: httpx.Client, **rule: Any) -> dict[str, Any]:
    response = control.post("/_control/faults", json=rule)
    assert response.status_code == 200, response.text
    return dict(response.json())


def _consumed(control: httpx.Client, rule_id: int) -> int:
    rules = {rule["id"]: rule for rule in control.get("/_control/faults").json()}
    return int(rules[rule_id]["consumed"])


def _count(client: httpx.Client, session: str) -> int:
    return int(client.get("/datasets", params={"session_name": session}).json()["total"])


def test_a_status_fault_answers_before_the_v3_route_runs(
    control: httpx.Client, user: httpx.Client
) -> None:
    rule = _fault(
        control,
        kind="status",
        status=503,
        retry_after=3,
        path_prefix=f"{V3}/datasets",
        method="POST",
    )
    session, mfid = f"fault-{new_mfid()}", new_mfid()
    body = {"unique_id": mfid, "session_name": session}
    refused = user.post("/datasets", json=body)
    assert (refused.status_code, refused.headers["Retry-After"]) == (503, "3")
    assert user.get(f"/datasets/{mfid}").status_code == 404
    assert user.post("/datasets", json=body).status_code == 200
    assert _consumed(control, rule["id"]) == 1
    assert _count(user, session) == 1


def test_faults_match_v3_paths_only_by_their_prefix_and_method(
    server: LocalCrucible, control: httpx.Client, user: httpx.Client
) -> None:
    rule = _fault(control, kind="status", status=502, times=None, path_prefix=f"{V3}/datasets")
    assert user.get("/datasets").status_code == 502
    assert user.get("/account").status_code == 200
    with httpx.Client(base_url=server.url, timeout=10) as seed_era:
        seed_era.headers["Authorization"] = f"Bearer {server.user_key}"
        assert seed_era.get("/datasets").status_code == 200
        assert seed_era.get("/api/v1/datasets").status_code == 200
    # The control routes are never faulted, even by a rule that matches every path.
    _fault(control, kind="status", status=500, times=None)
    assert control.get("/_control/faults").status_code == 200
    assert _consumed(control, rule["id"]) == 1
    assert control.delete("/_control/faults").status_code == 200
    assert user.get("/datasets", params={"limit": 1}).status_code == 200


def test_a_dropped_v3_request_is_not_processed(control: httpx.Client, user: httpx.Client) -> None:
    _fault(control, kind="drop", path_prefix=f"{V3}/datasets", method="POST")
    mfid = new_mfid()
    with pytest.raises(httpx.TransportError):
        user.post("/datasets", json={"unique_id": mfid})
    assert user.get(f"/datasets/{mfid}").status_code == 404


def test_a_lost_v3_response_leaves_one_record_after_the_retry(
    control: httpx.Client, user: httpx.Client
) -> None:
    _fault(control, kind="drop_after", path_prefix=f"{V3}/datasets", method="POST")
    session, mfid = f"lost-{new_mfid()}", new_mfid()
    body = {"unique_id": mfid, "session_name": session}
    with pytest.raises(httpx.TransportError):
        user.post("/datasets", json=body)
    assert user.get(f"/datasets/{mfid}").status_code == 200
    # The retry of the same create (same client-chosen MFID) cannot duplicate the record.
    assert user.post("/datasets", json=body).status_code == 409
    assert _count(user, session) == 1


def test_a_truncated_v3_response_fails_the_read(control: httpx.Client, user: httpx.Client) -> None:
    mfid = make_dataset(user, dataset_name="truncated")["unique_id"]
    _fault(control, kind="truncate", after_bytes=10, path_prefix=f"{V3}/datasets/{mfid}")
    with pytest.raises(httpx.TransportError):
        user.get(f"/datasets/{mfid}")
    assert user.get(f"/datasets/{mfid}").json()["unique_id"] == mfid


def test_a_corrupted_v3_response_keeps_its_length_and_loses_its_meaning(
    control: httpx.Client, user: httpx.Client
) -> None:
    mfid = make_dataset(user, dataset_name="corrupted")["unique_id"]
    good = user.get(f"/datasets/{mfid}")
    _fault(control, kind="corrupt", offset=0, path_prefix=f"{V3}/datasets/{mfid}")
    bad = user.get(f"/datasets/{mfid}")
    assert len(bad.content) == len(good.content)
    assert bad.content[0] == good.content[0] ^ 0xFF
    with pytest.raises(ValueError, match=r"\w"):
        json.loads(bad.content)


def test_a_delayed_v3_request_is_still_answered(control: httpx.Client, user: httpx.Client) -> None:
    rule = _fault(control, kind="delay", seconds=0.05, path_prefix=f"{V3}/account")
    assert user.get("/account").status_code == 200
    assert _consumed(control, rule["id"]) == 1


def test_the_storage_log_records_v3_part_uploads_without_a_key(
    server: LocalCrucible,
    control: httpx.Client,
    user: httpx.Client,
    storage: httpx.Client,
    dataset: str,
) -> None:
    data = os.urandom(3000)
    session = initiate(user, dataset, "logged.bin", data).json()
    signed = sign(user, dataset, session["upload_id"], data, session["part_size"])
    server.clear_storage_log()
    part = signed[0]
    body = data[part["offset"] : part["offset"] + part["size"]]
    tampered = part["url"].replace("signature=", "signature=x")
    assert storage.put(tampered, content=body, headers=part["headers"]).status_code == 403
    assert storage.put(part["url"], content=body, headers=part["headers"]).status_code == 200
    log = control.get("/_control/storage_log").json()
    assert [(entry["status"], entry["had_authorization"]) for entry in log] == [
        (403, False),
        (200, False),
    ]
    assert all(entry["path"].startswith("/storage/") for entry in log)
    assert all(session["upload_id"] in entry["path"] for entry in log)


def _status(user: httpx.Client, request_id: int) -> str:
    return str(user.get(f"/ingestion_requests/{request_id}").json()["status"])


def test_worker_control_freezes_and_resumes_v3_ingestion(
    control: httpx.Client,
    user: httpx.Client,
    dataset: str,
    upload: Callable[..., dict[str, Any]],
) -> None:
    stored = upload(dataset, "frozen.txt", b"frozen workers\n")
    assert control.put("/_control/workers", json={"delay": None}).json() == {"delay": None}
    assert control.get("/_control/workers").json() == {"delay": None}
    request_id = int(user.post(f"/files/{stored['mfid']}/ingest").json()["id"])
    assert [_status(user, request_id) for _ in range(5)] == ["requested"] * 5
    assert control.put("/_control/workers", json={"delay": 0.01}).json() == {"delay": 0.01}
    deadline = time.monotonic() + 10
    while _status(user, request_id) in ("requested", "started"):
        assert time.monotonic() < deadline, "the resumed workers never finished"
    assert _status(user, request_id) == "complete"
