"""The expected answer of every v3 operation for every principal: one table, from the contract.

Derivation (:func:`rule_for`), in this order:

1. ``security: []`` in ``openapi.json`` → :data:`PUBLIC` (health checks: everyone, with or without a
   key; inventory-v3 §1.2).
2. ``x-elevation: required`` → :data:`ELEVATED` (inventory-v3 §1.3: only a human platform
   administrator in elevated mode; an absent header means elevated for them, §4.6).
3. An entry of :data:`EXCEPTIONS` (hand-written, each with its reason).
4. ``x-required-role`` → that least role on the operation's target.
5. Otherwise, by the first path parameter: a record target (dataset, sample, instrument, project)
   needs ``viewer`` for GET and ``editor`` for any write; a user target is the user themself.
6. No path parameter → any authenticated caller (:data:`ANY`).

``x-idempotent`` does not change who may call; it is kept on :class:`Operation` and decides which
operations need a fresh target per allowed principal (checked in the matrix module).

Then :func:`expected` applies the principals (inventory-v3 §1.2, §1.3, §4.6): no key or a bad key
→ 401 everywhere but PUBLIC; an elevated administrator (no header or ``elevated``) → allowed
everywhere; ``normal`` makes the administrator an ordinary user with no role on the targets.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

CONTRACT = Path(__file__).resolve().parents[2] / "openapi.json"
METHODS = ("get", "put", "post", "patch", "delete")
ROLES = ("viewer", "contributor", "editor", "admin", "owner")

OK, LISTED, HIDDEN = "allowed", "listed", "hidden"
"""Outcomes besides the status codes 401, 403 and 404."""


@dataclass(frozen=True)
class Rule:
    """Who may call an operation.

    Attributes:
        kind: ``public``, ``any``, ``list`` (any caller; the target shows only to its readers),
            ``list_all`` (any caller sees the target), ``role`` (least ``role`` on ``target``),
            ``self`` (the target user themself), ``lead`` (the project's lead), ``elevated``
            (platform administrators in elevated mode), ``upload`` (``editor`` on the dataset,
            then only the session's owner: others get 404).
        target: ``dataset``, ``sample``, ``instrument``, ``project`` or ``user``.
        role: Least role for ``role``.
        humans_only: Service accounts get 403 (``can_create_project``/``can_register_instrument``).
        reason: Why a hand-written rule departs from the derivation (empty when derived).
    """

    kind: str
    target: str = ""
    role: str = ""
    humans_only: bool = False
    reason: str = ""


PUBLIC, ANY, ELEVATED = Rule("public"), Rule("any"), Rule("elevated")

_ADMIN_ONLY = "inventory-v3 §1.3 and §2.7 name it admin only (x-elevation when-eligible)"
_ACL = "managing access needs the admin role (capabilities.can_manage_access, inventory-v3 #73-#76)"
EXCEPTIONS: dict[str, Rule] = {
    "list_datasets": Rule("list", "dataset", reason="a list: records show only to their readers"),
    "search_datasets": Rule("list", "dataset", reason="a list: records show only to their readers"),
    "list_dataset_facets": Rule("list", "dataset", reason="facet counts come from readable rows"),
    "list_samples": Rule("list", "sample", reason="a list: records show only to their readers"),
    "search_samples": Rule("list", "sample", reason="a list: records show only to their readers"),
    "list_sample_facets": Rule("list", "sample", reason="facet counts come from readable rows"),
    "list_files": Rule("list", "dataset", reason="files of accessible datasets (inventory #46)"),
    "list_ingestion_requests": Rule("list", "dataset", reason="requests of readable datasets"),
    "search_resource_metadata": Rule("list", "dataset", reason="ranked readable records (#71)"),
    "list_projects": Rule("list", "project", reason="projects the caller can see (#88)"),
    "search_projects": Rule(
        "list_all", "project", reason="all projects, not just the caller's (inventory-v3 #89)"
    ),
    "list_instruments": Rule("list_all", "instrument", reason="a shared catalogue"),
    "search_instruments": Rule("list_all", "instrument", reason="a shared catalogue"),
    "get_project": Rule(
        "any", "project", reason="public-safe view for any caller; members-only parts null (#90)"
    ),
    "get_project_graph": Rule(
        "list", "dataset", reason="a graph of the project's entities the caller can read (#129)"
    ),
    "get_instrument": Rule("any", "instrument", reason="instruments are a shared catalogue (#99)"),
    "list_instrument_service_accounts": Rule("any", "instrument", reason="catalogue detail (#103)"),
    "list_users": Rule(
        "list", "user", reason="others see users sharing an access group (inventory-v3 #106)"
    ),
    "get_user": Rule("any", "user", reason="public-safe user record for any caller (#108)"),
    "create_project": Rule(
        "any", humans_only=True, reason="not for service accounts (can_create_project)"
    ),
    "create_instrument": Rule(
        "any", humans_only=True, reason="'Service accounts cannot create instruments' (#100)"
    ),
    "request_carrier_segmentation": Rule("role", "dataset", "contributor", reason="processing"),
    "request_insitu_spec_aggregation": Rule("role", "dataset", "contributor", reason="processing"),
    "request_mosaic_stitch": Rule("role", "dataset", "contributor", reason="processing"),
    "request_rga_analysis": Rule("role", "dataset", "contributor", reason="processing"),
    "grant_resource_access": Rule("role", "dataset", "admin", reason=_ACL),
    "revoke_resource_access": Rule("role", "dataset", "admin", reason=_ACL),
    "make_resource_public": Rule("role", "dataset", "admin", reason=_ACL),
    "make_resource_private": Rule("role", "dataset", "admin", reason=_ACL),
    "transfer_resource_ownership": Rule(
        "role", "dataset", "owner", reason="capabilities.can_transfer is the owner's (#79)"
    ),
    "reassign_resource_project": Rule(
        "role", "dataset", "owner", reason="moving a record changes its readers, as a transfer does"
    ),
    "delete_resource": Rule("elevated", reason=_ADMIN_ONLY),
    "get_deletion_request": Rule("elevated", reason=_ADMIN_ONLY),
    "review_deletion_request": Rule("elevated", reason=_ADMIN_ONLY),
    "get_deletion_audit_log": Rule("elevated", reason=_ADMIN_ONLY),
    "list_deletion_requests": Rule("any", reason="default scope: the caller's own requests (#83)"),
    "list_deletion_audit_logs": Rule("any", reason="non-admins see their own entries (#86)"),
    "add_user_access_group": Rule("elevated", reason="deprecated admin route (inventory-v3 #116)"),
    "remove_user_access_group": Rule("elevated", reason="deprecated admin route (#117)"),
    "list_join_requests": Rule("lead", "project", reason="admins or the group's lead (#126)"),
    "review_join_request": Rule("lead", "project", reason="admins or the group's lead (#127)"),
    "join_access_group": Rule("any", reason="anyone may ask to join a group (#125)"),
    "list_upload_parts": Rule("upload", "dataset", reason="a session is its initiator's"),
    "sign_upload_parts": Rule("upload", "dataset", reason="a session is its initiator's"),
    "abort_multipart_upload": Rule("upload", "dataset", reason="a session is its initiator's"),
    "complete_multipart_upload": Rule("upload", "dataset", reason="a session is its initiator's"),
    "complete_upload": Rule("upload", "dataset", reason="a session is its initiator's"),
}
"""Hand-written rules, each with the reason it is not derived."""

ROLE_OF: dict[str, dict[str, str]] = {
    "dataset": {
        "viewer": "viewer",
        "contributor": "contributor",
        "editor": "editor",
        "owner": "owner",
        "member": "contributor",
        "service": "contributor",
    },
    "sample": {
        "viewer": "viewer",
        "contributor": "contributor",
        "editor": "editor",
        "owner": "owner",
        "member": "contributor",
    },
    "instrument": {
        "viewer": "viewer",
        "contributor": "contributor",
        "editor": "editor",
        "owner": "owner",
    },
    "project": {
        "viewer": "viewer",
        "contributor": "contributor",
        "editor": "editor",
        "owner": "owner",
        "member": "contributor",
    },
    "user": {name: "viewer" for name in ("viewer", "contributor", "editor", "owner", "member")},
}
"""Principal → role on each kind of target (see :mod:`_authz_world`). For ``user`` the target is
the owner, and "viewer" means "shares an access group with them" (the project)."""

_PATH_TARGETS = {
    "dataset_mfid": "dataset",
    "parent_mfid": "record",
    "child_mfid": "record",
    "sample_mfid": "sample",
    "mfid": "dataset",
    "file_mfid": "dataset",
    "thumbnail_id": "dataset",
    "upload_id": "dataset",
    "instrument_mfid": "instrument",
    "project_ref": "project",
    "project_id": "project",
    "user_id": "user",
    "user_ref": "user",
}


@dataclass(frozen=True)
class Operation:
    """One operation of the contract with its rule."""

    operation_id: str
    method: str
    path: str
    rule: Rule
    idempotent: bool


def _target(path: str) -> str | None:
    for name in (part[1:-1] for part in path.split("/") if part.startswith("{")):
        if name in _PATH_TARGETS:
            found = _PATH_TARGETS[name]
            if found == "record":
                return "sample" if path.startswith("/samples") else "dataset"
            return found
    if path.startswith("/ingestion_requests/"):
        return "dataset"
    return None


def rule_for(path: str, method: str, op: dict[str, Any]) -> Rule:
    """Derive the rule of one operation (see the module docstring for the order)."""
    if op.get("security") == []:
        return PUBLIC
    if op.get("x-elevation") == "required":
        return ELEVATED
    if op["operationId"] in EXCEPTIONS:
        return EXCEPTIONS[op["operationId"]]
    target = _target(path)
    if target == "user":
        return Rule("self", "user")
    if "x-required-role" in op:
        return Rule("role", target or "dataset", op["x-required-role"])
    if target is not None:
        return Rule("role", target, "viewer" if method == "get" else "editor")
    return ANY


def operations() -> list[Operation]:
    """Every operation of ``openapi.json`` with its rule, in contract order."""
    spec = json.loads(CONTRACT.read_text(encoding="utf-8"))
    found = []
    for path, item in spec["paths"].items():
        for method in METHODS:
            if method in item:
                op = item[method]
                found.append(
                    Operation(
                        op["operationId"],
                        method.upper(),
                        path,
                        rule_for(path, method, op),
                        bool(op.get("x-idempotent")),
                    )
                )
    return found


def _rank(role: str | None) -> int:
    return ROLES.index(role) + 1 if role in ROLES else 0


def expected(rule: Rule, principal: str) -> str | int:
    """The answer the server must give ``principal`` for an operation with ``rule``."""
    if rule.kind == "public":
        return OK
    if principal in ("anonymous", "bad_key"):
        return 401
    is_list = rule.kind in ("list", "list_all")
    if principal in ("admin_default", "admin_elevated"):
        return LISTED if is_list else OK
    if rule.kind == "elevated":
        return 403
    if rule.humans_only and principal == "service":
        return 403
    role = ROLE_OF.get(rule.target, {}).get(principal)
    if rule.kind == "any":
        return OK
    if rule.kind == "list_all":
        return LISTED
    if rule.kind == "list":
        return LISTED if role is not None else HIDDEN
    if rule.kind in ("self", "lead"):
        return OK if principal == "owner" else 403
    if rule.kind == "upload":
        if _rank(role) < _rank("editor"):
            return 403
        return OK if principal == "owner" else 404
    return OK if _rank(role) >= _rank(rule.role) else 403


def outcome(status: int, body: str, marker: str | None) -> str | int:
    """Classify an answer: 401/403/404 as such, a 2xx as allowed (listed or hidden for lists)."""
    if status in (401, 403, 404):
        return status
    if 200 <= status < 300:
        if marker is None:
            return OK
        return LISTED if marker in body else HIDDEN
    return f"HTTP {status}"
