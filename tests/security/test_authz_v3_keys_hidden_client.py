"""API v3 authorization beyond the matrix: revoked and rotated keys, hidden records, client errors.

- A revoked user key or a rotated service-account key stops working on the very next request.
- A record with a pending deletion request is invisible to every non-reviewer in lists, search,
  facets, metadata search, links, children, files and graphs; read by its MFID it still answers,
  marked with its ``deletion_request`` (inventory-v3 3.1), so its readers can follow it.
- The client raises the error class of the table's answer (401 → AuthenticationError, 403 →
  PermissionDeniedError, 404 → NotFoundError) through ``CrucibleClient(...).v3``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from _authz_table import OK, expected, operations
from _authz_world import BAD_KEY, World, build_world, expect_ok, unique

from pycrucible import CrucibleClient
from pycrucible.errors import AuthenticationError, NotFoundError, PermissionDeniedError
from pycrucible.testing import LocalCrucible
from pycrucible.testing._ids import new_mfid

RULES = {op.operation_id: op.rule for op in operations()}
ERRORS: dict[int, type[Exception]] = {
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
}
NON_REVIEWERS = (
    "stranger",
    "viewer",
    "contributor",
    "editor",
    "owner",
    "member",
    "service",
    "admin_normal",
)


@pytest.fixture(scope="module")
def world() -> Iterator[World]:
    with LocalCrucible(worker_delay=0.01) as server:
        yield from build_world(server)


# -- keys ----------------------------------------------------------------------------------


def test_a_revoked_user_key_stops_working_at_once(world: World) -> None:
    key, user_id = world.new_user("revoked")
    with world.client(key) as user:
        assert user.get("/account").status_code == 200
        assert world.admin.delete(f"/users/{user_id}/apikey").is_success
        assert user.get("/account").status_code == 401
        assert user.get(f"/datasets/{world.t['dataset']}").status_code == 401
    verify = expect_ok(world.admin.get(f"/users/{user_id}/apikey/verify"))
    assert verify["valid"] is False


def test_a_rotated_service_key_stops_working_at_once(world: World) -> None:
    made = expect_ok(world.admin.post("/service_accounts", json={"username": unique("rotsa")}))
    old, mfid = made["api_key"], made["unique_id"]
    with world.client(old) as before:
        assert before.get("/account").status_code == 200
        rotated = expect_ok(world.admin.post(f"/service_accounts/{mfid}/rotate_key"))
        new = rotated["api_key"]
        assert new != old
        assert before.get("/account").status_code == 401
        assert before.post("/datasets", json={"unique_id": new_mfid()}).status_code == 401
    with world.client(new) as after:
        assert expect_ok(after.get("/account"))["user_unique_id"] == mfid


def test_a_revoked_key_raises_authentication_error_in_the_client(
    world: World, tmp_path: Path
) -> None:
    key, user_id = world.new_user("clientrevoked")
    with CrucibleClient(world.server.url_v3, key, api_version="v3", state_dir=tmp_path) as client:
        client.v3.datasets.create(dataset_name="before revocation")
        assert world.admin.delete(f"/users/{user_id}/apikey").is_success
        with pytest.raises(AuthenticationError):
            client.v3.datasets.create(dataset_name="after revocation")


# -- a deleted (hidden) record ---------------------------------------------------------------


@pytest.fixture(scope="module")
def hidden(world: World) -> dict[str, str]:
    """A public dataset, linked and described, then submitted for deletion (pending)."""
    marker = unique("hiddenmark")
    parent = world.new_dataset()
    mfid = world.new_dataset(session_name=marker, dataset_name=f"{marker} dataset")
    owner = world.owner
    for record in (mfid, parent):  # public: every principal reads the views around it
        expect_ok(owner.put(f"/resources/{record}/access/public"))
    expect_ok(owner.post(f"/datasets/{parent}/children/{mfid}"))
    sample = world.new_sample()
    expect_ok(owner.put(f"/resources/{sample}/access/public"))
    expect_ok(owner.post(f"/datasets/{mfid}/samples/{sample}"))
    expect_ok(owner.post(f"/resources/{mfid}/metadata", json={"note": marker}))
    for name in ("stranger", "owner"):  # visible before the request, so hiding is what changes
        found = world.clients[name].get("/datasets/search", params={"q": marker})
        assert mfid in found.text, name
    expect_ok(owner.post(f"/resources/{mfid}/delete", params={"reason": "matrix"}))
    return {"mfid": mfid, "parent": parent, "marker": marker, "sample": sample}


def _views(world: World, h: dict[str, str]) -> dict[str, Callable[[Any], Any]]:
    parent, marker, sample = h["parent"], h["marker"], h["sample"]
    return {
        "list": lambda c: c.get("/datasets", params={"limit": 1000}),
        "search": lambda c: c.get("/datasets/search", params={"q": marker}),
        "facets": lambda c: c.get("/datasets/facets", params={"field": "session", "limit": 1000}),
        "metadata search": lambda c: c.get("/resources/metadata/search", params={"q": marker}),
        "children": lambda c: c.get(f"/datasets/{parent}/children"),
        "links": lambda c: c.get(f"/resources/{parent}/links"),
        "sample links": lambda c: c.get(f"/resources/{sample}/links"),
        "entity graph": lambda c: c.get(f"/entity_graph_cte/{parent}", params={"recursive": True}),
        "project graph": lambda c: c.get(f"/project_graph/{world.t['project_slug']}"),
        "files": lambda c: c.get("/files", params={"limit": 1000}),
    }


@pytest.mark.parametrize("principal", NON_REVIEWERS)
def test_a_hidden_record_is_invisible_to_non_reviewers(
    world: World, hidden: dict[str, str], principal: str
) -> None:
    client = world.clients[principal]
    mfid = hidden["mfid"]
    for path in (f"/datasets/{mfid}", f"/resources/{mfid}"):
        direct = client.get(path)  # by its MFID it still reads, marked (inventory-v3 3.1)
        assert direct.status_code == 200, (principal, path, direct.text)
        assert direct.json()["deletion_request"]["status"] == "pending", (principal, path)
    shown = []
    for name, view in _views(world, hidden).items():
        response = view(client)
        assert response.status_code == 200, (principal, name, response.text)
        if mfid in response.text or hidden["marker"] in response.text:
            shown.append(name)
    assert shown == [], f"{principal} sees the hidden record in {shown}"


def test_a_hidden_record_stays_visible_to_the_reviewer(
    world: World, hidden: dict[str, str]
) -> None:
    mfid = hidden["mfid"]
    assert world.admin.get(f"/datasets/{mfid}").status_code == 200
    pending = expect_ok(world.admin.get("/deletion_requests", params={"scope": "reviewable"}))
    assert mfid in str(pending["items"])


def test_a_hidden_record_is_left_out_of_the_clients_lists(
    world: World, hidden: dict[str, str], tmp_path: Path
) -> None:
    key = world.keys["owner"]
    with CrucibleClient(world.server.url_v3, key, api_version="v3", state_dir=tmp_path) as client:
        listed = [record.unique_id for record in client.v3.datasets.list(limit=1000)]
        assert hidden["mfid"] not in listed
        assert world.t["dataset"] in listed
        assert client.v3.datasets.get(hidden["mfid"])["deletion_request"] is not None


# -- the client's error classes ---------------------------------------------------------------

CLIENT_PRINCIPALS = ("bad_key", "stranger", "viewer", "contributor", "editor", "admin_normal")
CLIENT_CALLS: dict[str, Callable[[Any, World], Any]] = {
    "get_dataset": lambda v3, w: v3.datasets.get(w.t["dataset"]),
    "update_dataset": lambda v3, w: v3.datasets.update(w.t["dataset"], measurement="client"),
    "add_dataset_keyword": lambda v3, w: v3.datasets.add_keyword(w.t["dataset"], "clientkw"),
    "list_dataset_keywords": lambda v3, w: v3.datasets.keywords(w.t["dataset"]),
    "get_resource_metadata": lambda v3, w: v3.metadata.get(w.t["dataset"]),
    "merge_resource_metadata": lambda v3, w: v3.metadata.update(w.t["dataset"], {"c": 1}),
    "list_dataset_files": lambda v3, w: v3.files.list(w.t["dataset"]),
    "list_dataset_thumbnails": lambda v3, w: v3.files.thumbnails(w.t["dataset"]),
}
CLIENT_CELLS = [(op, p) for op in CLIENT_CALLS for p in CLIENT_PRINCIPALS]


def _client(world: World, principal: str, state: Path) -> CrucibleClient:
    key = BAD_KEY if principal == "bad_key" else world.keys[principal]
    mode = "normal" if principal == "admin_normal" else None
    return CrucibleClient(
        world.server.url_v3, key, api_version="v3", state_dir=state, privilege_mode=mode
    )


@pytest.mark.parametrize(
    ("operation_id", "principal"), CLIENT_CELLS, ids=[f"{o}-{p}" for o, p in CLIENT_CELLS]
)
def test_the_client_raises_the_tables_error_class(
    world: World, tmp_path: Path, operation_id: str, principal: str
) -> None:
    want = expected(RULES[operation_id], principal)
    with _client(world, principal, tmp_path) as client:
        if want == OK:
            CLIENT_CALLS[operation_id](client.v3, world)
            return
        assert isinstance(want, int)
        with pytest.raises(ERRORS[want]) as raised:
            CLIENT_CALLS[operation_id](client.v3, world)
        assert raised.value.status_code == want  # type: ignore[attr-defined]


def test_an_unknown_record_raises_not_found(world: World, tmp_path: Path) -> None:
    with _client(world, "owner", tmp_path) as client, pytest.raises(NotFoundError):
        client.v3.datasets.get(new_mfid())


def test_elevated_mode_from_an_ineligible_caller_raises_permission_denied(
    world: World, tmp_path: Path
) -> None:
    key = world.keys["owner"]
    with (
        CrucibleClient(
            world.server.url_v3,
            key,
            api_version="v3",
            state_dir=tmp_path,
            privilege_mode="elevated",
        ) as client,
        pytest.raises(PermissionDeniedError),
    ):
        client.v3.datasets.get(world.t["dataset"])


# -- a service account's key stays with the API ------------------------------------------------


def test_a_service_key_reaches_no_storage_request_log_repr_or_error(
    world: World, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    made = expect_ok(world.admin.post("/service_accounts", json={"username": unique("upsa")}))
    key = made["api_key"]
    source = tmp_path / "scan.bin"
    source.write_bytes(b"instrument bytes " * 4096)
    world.server.clear_storage_log()
    caplog.set_level("DEBUG")
    with CrucibleClient(
        world.server.url_v3, key, api_version="v3", state_dir=tmp_path / "state"
    ) as client:
        dataset = client.v3.datasets.create(dataset_name="service upload").unique_id
        uploaded = client.v3.files.upload(dataset, source)
        assert uploaded[0]["size"] == source.stat().st_size
        with pytest.raises(PermissionDeniedError) as refused:
            client.v3.datasets.get(world.t["dataset"])
        shown = [repr(client), repr(client.v3), str(refused.value), repr(refused.value)]
    log = world.server.storage_log
    assert log, "the upload went to the storage stand-in"
    assert not any(entry.had_authorization for entry in log)
    assert all(key not in entry.path for entry in log)
    assert all(key not in text for text in shown)
    assert key not in caplog.text
