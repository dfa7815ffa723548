"""A valid request for every v3 operation, and fresh targets for the ones that change them.

A denied call must change nothing, so denied principals share the module's targets. An operation
that consumes or changes its target (a delete, a review, a key rotation, making a record public)
gets a fresh target for every principal, made here as the owner or the administrator.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import httpx
from _authz_world import World, digest, expect_ok, unique

from pycrucible.testing._ids import new_mfid


@dataclass
class Call:
    """One HTTP request of the matrix.

    Attributes:
        path: Path values by parameter name (filled into the contract's template).
        params: Query parameters.
        json: JSON body, or None.
        headers: Extra headers.
        marker: For lists: text that shows the target is listed.
    """

    path: dict[str, str] = field(default_factory=dict)
    params: dict[str, Any] = field(default_factory=dict)
    json: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    marker: str | None = None


def _defaults(w: World, template: str) -> dict[str, str]:
    t = w.t
    samples = template.startswith("/samples")
    values = {
        "dataset_mfid": t["dataset"],
        "parent_mfid": t["sample"] if samples else t["dataset"],
        "child_mfid": t["child_sample"] if samples else t["child"],
        "sample_mfid": t["sample"],
        "mfid": t["dataset"],
        "file_mfid": t["file"],
        "thumbnail_id": t["thumbnail"],
        "upload_id": t["upload"],
        "instrument_mfid": t["instrument"],
        "sa_mfid": t["service_mfid"],
        "project_ref": t["project_slug"],
        "project_id": t["project_slug"],
        "user_id": w.ids["owner"],
        "user_ref": w.ids["owner"],
        "audit_id": t["audit"],
        "request_id": t["ingestion"],
        "group_name": t["project_slug"],
    }
    return values


def fill(template: str, values: dict[str, str]) -> str:
    """Put path values into a contract path template."""
    return re.sub(r"\{(\w+)\}", lambda m: values[m.group(1)], template)


def _fresh_user(w: World) -> str:
    return w.new_user("extra")[1]


def _fresh_sa(w: World) -> str:
    made = expect_ok(w.admin.post("/service_accounts", json={"username": unique("matrixsa")}))
    return str(made["unique_id"])


def _pending_deletion(w: World) -> str:
    doomed = w.new_dataset(grant_only="none")
    return str(expect_ok(w.owner.post(f"/resources/{doomed}/delete"))["id"])


def _join_request(w: World) -> str:
    key, _ = w.new_user("joiner")
    with w.client(key) as joiner:
        made = expect_ok(joiner.post(f"/access_groups/{w.t['project_slug']}/join", json={}))
    return str(made["id"])


def _fresh_project(w: World) -> str:
    slug = unique("matrix-j")
    with w.client(w.keys["lead2"]) as lead:
        body = {"project_id": slug, "organization": "Matrix", "project_lead": w.ids["lead2"]}
        expect_ok(lead.post("/projects", json=body))
    return slug


def _project_victim(w: World, role: str = "viewer") -> str:
    victim = _fresh_user(w)
    expect_ok(
        w.owner.post(f"/projects/{w.t['project_slug']}/users/{victim}", params={"role": role})
    )
    return victim


def _resumable_session(w: World) -> dict[str, Any]:
    data = unique("resumable ").encode()
    sha, _ = digest(data)
    body = {"filename": unique("r") + ".bin", "size": len(data), "sha256_hash": sha}
    session = expect_ok(w.owner.post(f"/datasets/{w.t['dataset']}/upload/initiate", json=body))
    with httpx.Client(timeout=30) as storage:
        put = storage.put(
            session["resumable_uri"],
            content=data,
            headers={"Content-Range": f"bytes 0-{len(data) - 1}/{len(data)}"},
        )
        expect_ok(put)
    return {"upload_id": session["upload_id"], "sha256_hash": sha}


def _complete_multipart(w: World) -> Call:
    data = unique("complete me ").encode()
    session = w.upload(w.t["dataset"], data, finish=False)
    sha, crc = digest(data)
    return Call(json={"upload_id": session["upload_id"], "sha256_hash": sha, "crc32c": crc})


def _public_dataset(w: World, p: str) -> str:
    mfid = w.new_dataset(grant_only=p)
    expect_ok(w.owner.put(f"/resources/{mfid}/access/public"))
    return mfid


def _granted_dataset(w: World, p: str) -> Call:
    mfid = w.new_dataset(grant_only=p)
    grantee = w.ids["lead2"]
    expect_ok(
        w.owner.put(f"/resources/{mfid}/access/users/{grantee}", json={"permission": "viewer"})
    )
    return Call(path={"mfid": mfid, "kind": "users", "principal": grantee})


def _linked_child(w: World, p: str, samples: bool) -> Call:
    if samples:
        parent, child = w.t["sample"], w.new_sample(grant_only=p)
        expect_ok(w.owner.post(f"/samples/{parent}/children/{child}"))
    else:
        parent, child = w.t["dataset"], w.new_dataset(grant_only=p)
        expect_ok(w.owner.post(f"/datasets/{parent}/children/{child}"))
    return Call(path={"parent_mfid": parent, "child_mfid": child})


def _linked_sample(w: World, p: str) -> Call:
    sample = w.new_sample(grant_only=p)
    expect_ok(w.owner.post(f"/datasets/{w.t['dataset']}/samples/{sample}"))
    return Call(path={"sample_mfid": sample})


def _new_thumbnail(w: World) -> Call:
    thumb = {"thumbnail_name": "x.png", "thumbnail_b64str": "aGVsbG8="}
    made = expect_ok(w.owner.post(f"/datasets/{w.t['dataset']}/thumbnails", json=thumb))
    return Call(path={"thumbnail_id": str(made["id"])})


def _remote_file(w: World) -> Call:
    body = {"filename": unique("remote") + ".dat", "storage_backend": "local"}
    made = expect_ok(w.owner.post(f"/datasets/{w.t['dataset']}/files", json=body))
    return Call(path={"file_mfid": str(made["mfid"])})


def _uploaded_file(w: World) -> Call:
    made = w.upload(w.t["dataset"], unique("replace me ").encode())
    sha, _ = digest(b"replaced")
    return Call(
        path={"file_mfid": str(made["mfid"])},
        json={"size": 8, "sha256_hash": sha},
        headers={"If-Match": "*"},
    )


def _open_session(w: World) -> str:
    return str(w.upload(w.t["dataset"], unique("abort me ").encode(), finish=False)["upload_id"])


def _new_file_name() -> dict[str, Any]:
    sha, _ = digest(b"abc")
    return {"filename": unique("n") + ".bin", "size": 3, "sha256_hash": sha}


Builder = Callable[[World, str], Call]

SPECIAL: dict[str, Builder] = {
    # lists and searches: the marker is the target's id
    "list_datasets": lambda w, p: Call(marker=w.t["dataset"]),
    "search_datasets": lambda w, p: Call(params={"q": "matrix dataset"}, marker=w.t["dataset"]),
    "list_dataset_facets": lambda w, p: Call(params={"field": "project"}, marker=w.t["project"]),
    "list_samples": lambda w, p: Call(marker=w.t["sample"]),
    "search_samples": lambda w, p: Call(params={"q": "matrix sample"}, marker=w.t["sample"]),
    "list_sample_facets": lambda w, p: Call(params={"field": "project"}, marker=w.t["project"]),
    "list_files": lambda w, p: Call(marker=w.t["file"]),
    "list_ingestion_requests": lambda w, p: Call(marker=w.t["file"]),
    "search_resource_metadata": lambda w, p: Call(params={"q": "zeta"}, marker=w.t["dataset"]),
    "list_projects": lambda w, p: Call(params={"limit": 1000}, marker=w.t["project"]),
    "search_projects": lambda w, p: Call(params={"q": w.t["project_slug"]}, marker=w.t["project"]),
    "list_instruments": lambda w, p: Call(params={"limit": 1000}, marker=w.t["instrument"]),
    "search_instruments": lambda w, p: Call(params={"q": "Matrix"}, marker=w.t["instrument"]),
    "list_users": lambda w, p: Call(params={"limit": 1000}, marker=w.ids["owner"]),
    "search_users": lambda w, p: Call(params={"q": "Owner"}),
    "get_project_graph": lambda w, p: Call(marker=w.t["dataset"]),
    # creations and account
    "create_dataset": lambda w, p: Call(json={"unique_id": new_mfid(), "dataset_name": "m"}),
    "create_sample": lambda w, p: Call(json={"sample_name": "m"}),
    "create_project": lambda w, p: Call(
        json={
            "project_id": unique("matrix-c"),
            "organization": "M",
            "project_lead": w.ids.get(p, w.ids["owner"]),
        }
    ),
    "create_instrument": lambda w, p: Call(
        json={"instrument_id": unique("matrix-n"), "instrument_name": "N", "location": "L"}
    ),
    "create_user": lambda w, p: Call(
        json={"user_info": {"username": unique("mu"), "first_name": "M", "last_name": "U"}}
    ),
    "create_service_account": lambda w, p: Call(json={"username": unique("matrixsa")}),
    "update_account_profile": lambda w, p: Call(json={"last_name": "Matrix"}),
    "resolve_users": lambda w, p: Call(json={"orcids": [w.ids["owner"]]}),
    "join_access_group": lambda w, p: Call(json={}),
    # datasets and their parts
    "update_dataset": lambda w, p: Call(json={"measurement": "matrix"}),
    "update_sample": lambda w, p: Call(json={"sample_type": "matrix"}),
    "assign_dataset_instrument": lambda w, p: Call(json={"instrument_mfid": w.t["instrument"]}),
    "add_dataset_keyword": lambda w, p: Call(params={"keyword": "matrixkw"}),
    "create_dataset_thumbnail": lambda w, p: Call(
        json={"thumbnail_name": "y.png", "thumbnail_b64str": "aGVsbG8="}
    ),
    "update_dataset_thumbnail": lambda w, p: Call(json={"thumbnail_name": "t.png"}),
    # files, uploads, ingestion
    "register_dataset_file": lambda w, p: Call(
        json={"filename": unique("reg") + ".dat", "storage_backend": "local"}
    ),
    "update_file": lambda w, p: Call(json={"access_note": "matrix"}),
    "initiate_multipart_upload": lambda w, p: Call(json=_new_file_name()),
    "initiate_resumable_upload": lambda w, p: Call(json=_new_file_name()),
    "initiate_token_upload": lambda w, p: Call(json=_new_file_name()),
    "initiate_replace_upload": lambda w, p: Call(
        json={"size": 3, "sha256_hash": digest(b"abc")[0]}, headers={"If-Match": "*"}
    ),
    "sign_upload_parts": lambda w, p: Call(
        json={"parts": [{"part_number": 1, "crc32c": digest(b"open session")[1]}]}
    ),
    "complete_multipart_upload": lambda w, p: Call(
        json={"upload_id": w.t["upload"], "sha256_hash": "0" * 64, "crc32c": "AAAAAA=="}
    ),
    "complete_upload": lambda w, p: Call(
        json={"upload_id": w.t["upload"], "sha256_hash": "0" * 64}
    ),
    "request_file_ingestion": lambda w, p: Call(params={"status": "not_requested"}),
    "update_ingestion_request": lambda w, p: Call(
        json={"id": int(w.t["ingestion"]), "status": "complete"}
    ),
    # access, ownership, deletion
    "grant_resource_access": lambda w, p: Call(
        path={"kind": "users", "principal": w.ids["lead2"]}, json={"permission": "viewer"}
    ),
    "revoke_resource_access": lambda w, p: Call(
        path={"kind": "users", "principal": w.ids["lead2"]}
    ),
    "add_resource_access_group": lambda w, p: Call(params={"group_name": w.t["project_slug"]}),
    "replace_resource_metadata": lambda w, p: Call(
        params={"overwrite": True}, json={"matrix": {"probe": "zeta"}}
    ),
    "merge_resource_metadata": lambda w, p: Call(json={"matrix": {"probe": "zeta"}}),
    "transfer_resource_ownership": lambda w, p: Call(
        params={"confirm": False}, json={"new_owner": w.ids["editor"]}
    ),
    "reassign_resource_project": lambda w, p: Call(
        params={"confirm": False}, json={"project_mfid": w.t["project"]}
    ),
    "delete_resource": lambda w, p: Call(params={"force": True}),
    "get_deletion_request": lambda w, p: Call(path={"request_id": w.t["deletion"]}),
    "review_deletion_request": lambda w, p: Call(
        path={"request_id": w.t["deletion"]}, params={"status": "rejected"}
    ),
    # projects, instruments, groups
    "update_project": lambda w, p: Call(json={"title": "Matrix project"}),
    "add_project_member": lambda w, p: Call(
        path={"user_ref": w.ids["lead2"]}, params={"role": "viewer"}
    ),
    "update_project_member": lambda w, p: Call(
        path={"user_ref": w.t["victim"]}, params={"role": "viewer"}
    ),
    "remove_project_member": lambda w, p: Call(path={"user_ref": w.t["victim"]}),
    "update_instrument": lambda w, p: Call(json={"model": "matrix"}),
    "set_instrument_status": lambda w, p: Call(params={"status": "active"}),
    "bind_instrument_service_account": lambda w, p: Call(path={"sa_mfid": w.t["spare_sa"]}),
    "unbind_instrument_service_account": lambda w, p: Call(path={"sa_mfid": w.t["spare_sa"]}),
    "list_join_requests": lambda w, p: Call(params={"group_name": w.t["project_slug"]}),
    "review_join_request": lambda w, p: Call(
        path={"request_id": w.t["join"]}, json={"status": "rejected"}
    ),
    # users and service accounts
    "update_user": lambda w, p: Call(json={"last_name": "Matrix"}),
    "set_user_platform_role": lambda w, p: Call(json={"platform_role": "none"}),
    "revoke_user_apikey": lambda w, p: Call(path={"user_id": w.t["victim"]}),
    "add_user_access_group": lambda w, p: Call(path={"user_id": w.t["victim"]}),
    "remove_user_access_group": lambda w, p: Call(path={"user_id": w.t["victim"]}),
    "update_service_account": lambda w, p: Call(json={"platform_role": "none"}),
    "rotate_service_account_key": lambda w, p: Call(path={"sa_mfid": w.t["spare_sa"]}),
}
"""Operation-specific parts of the request on the module's shared targets, by operationId."""

FRESH: dict[str, Builder] = {
    "join_access_group": lambda w, p: Call(path={"group_name": _fresh_project(w)}, json={}),
    "delete_dataset_thumbnail": lambda w, p: _new_thumbnail(w),
    "unlink_dataset_child": lambda w, p: _linked_child(w, p, samples=False),
    "unlink_sample_child": lambda w, p: _linked_child(w, p, samples=True),
    "unlink_dataset_sample": lambda w, p: _linked_sample(w, p),
    "delete_file": lambda w, p: _remote_file(w),
    "initiate_replace_upload": lambda w, p: _uploaded_file(w),
    "abort_multipart_upload": lambda w, p: Call(path={"upload_id": _open_session(w)}),
    "complete_multipart_upload": lambda w, p: _complete_multipart(w),
    "complete_upload": lambda w, p: Call(json=_resumable_session(w)),
    "revoke_resource_access": lambda w, p: _granted_dataset(w, p),
    "make_resource_public": lambda w, p: Call(path={"mfid": w.new_dataset(grant_only=p)}),
    "make_resource_private": lambda w, p: Call(path={"mfid": _public_dataset(w, p)}),
    "add_resource_access_group": lambda w, p: Call(
        path={"mfid": w.new_dataset(grant_only=p)}, params={"group_name": w.t["project_slug"]}
    ),
    "request_resource_deletion": lambda w, p: Call(path={"mfid": w.new_dataset(grant_only=p)}),
    "delete_resource": lambda w, p: Call(
        path={"mfid": w.new_dataset(grant_only=p)}, params={"force": True}
    ),
    "review_deletion_request": lambda w, p: Call(
        path={"request_id": _pending_deletion(w)}, params={"status": "rejected"}
    ),
    "add_project_member": lambda w, p: Call(
        path={"user_ref": _fresh_user(w)}, params={"role": "viewer"}
    ),
    "remove_project_member": lambda w, p: Call(path={"user_ref": _project_victim(w)}),
    "bind_instrument_service_account": lambda w, p: Call(path={"sa_mfid": _fresh_sa(w)}),
    "unbind_instrument_service_account": lambda w, p: Call(path={"sa_mfid": _bound_sa(w)}),
    "review_join_request": lambda w, p: Call(
        path={"request_id": _join_request(w)}, json={"status": "rejected"}
    ),
    "revoke_user_apikey": lambda w, p: Call(path={"user_id": _fresh_user(w)}),
    "add_user_access_group": lambda w, p: Call(path={"user_id": _fresh_user(w)}),
    "remove_user_access_group": lambda w, p: Call(path={"user_id": _project_victim(w)}),
    "rotate_service_account_key": lambda w, p: Call(path={"sa_mfid": _fresh_sa(w)}),
}
"""Requests on a fresh target, for the cells expected to succeed: these operations consume or
change their target (a delete, a review, a rotation, making a record public), so each allowed
principal gets its own. A denied call must change nothing, so it is made on the shared target."""


def _bound_sa(w: World) -> str:
    sa = _fresh_sa(w)
    expect_ok(w.owner.post(f"/instruments/{w.t['instrument']}/service_accounts/{sa}"))
    return sa


def build(w: World, operation_id: str, template: str, principal: str, *, fresh: bool) -> Call:
    """The request of one cell: defaults for every path parameter, then the special parts.

    Args:
        w: The module's world.
        operation_id: The operation.
        template: Its path template.
        principal: Who calls.
        fresh: The call is expected to succeed: a consuming operation gets a fresh target.
    """
    builder = FRESH.get(operation_id) if fresh else None
    builder = builder or SPECIAL.get(operation_id)
    special = Call() if builder is None else builder(w, principal)
    special.path = {**_defaults(w, template), **special.path}
    return special
