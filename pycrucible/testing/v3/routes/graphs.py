"""Graphs of linked records: around one record, or of a whole project."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Request

from pycrucible.testing._db import Database
from pycrucible.testing._enforce import query_params
from pycrucible.testing.v3.access import readable_sql, require_role
from pycrucible.testing.v3.auth import BackendDep, Principal, PrincipalDep
from pycrucible.testing.v3.db import load_doc
from pycrucible.testing.v3.records import RESOURCE_TYPES, find_project

router = APIRouter()


def _node(db: Database, principal: Principal, mfid: str, *, start: bool) -> dict[str, Any] | None:
    """The node of a readable record; neighbours with a deletion request are hidden, as in lists."""
    for table, kind in RESOURCE_TYPES.items():
        condition, params = readable_sql(principal)
        if not start:
            condition += " AND r.deletion_request_id IS NULL"
        row = db.one(
            f"SELECT r.* FROM {table} r WHERE r.unique_id = ? AND {condition}", [mfid, *params]
        )
        if row is not None:
            doc = load_doc(row)
            return {
                "id": mfid,
                "entity_type": kind,
                "name": doc.get("dataset_name") or doc.get("sample_name"),
            }
    return None


def _edges_of(db: Database, mfid: str) -> list[dict[str, Any]]:
    edges = [
        {
            "source": r["parent_mfid"],
            "target": r["child_mfid"],
            "relationship_type": r["relationship_type"],
        }
        for r in db.all(
            "SELECT * FROM v3_links WHERE parent_mfid = ? OR child_mfid = ?", [mfid, mfid]
        )
    ]
    edges += [
        {"source": r["dataset_mfid"], "target": r["sample_mfid"], "relationship_type": None}
        for r in db.all(
            "SELECT * FROM v3_dataset_samples WHERE dataset_mfid = ? OR sample_mfid = ?",
            [mfid, mfid],
        )
    ]
    return edges


def build_graph(
    db: Database, principal: Principal, start: list[str], *, recursive: bool
) -> dict[str, Any]:
    """Nodes the caller may read and the edges between them (``edges`` and ``links``)."""
    nodes: dict[str, dict[str, Any]] = {}
    edges: dict[tuple[str, str], dict[str, Any]] = {}
    frontier = list(start)
    depth = 0
    while frontier:
        following: list[str] = []
        for mfid in frontier:
            if mfid in nodes:
                continue
            node = _node(db, principal, mfid, start=depth == 0 and mfid in start)
            if node is None:
                continue
            nodes[mfid] = node
            if depth == 0 or recursive:
                for edge in _edges_of(db, mfid):
                    edges[(edge["source"], edge["target"])] = edge
                    following += [edge["source"], edge["target"]]
        frontier = [m for m in following if m not in nodes]
        depth += 1
        if not recursive and depth > 1:
            break
    kept = [e for e in edges.values() if e["source"] in nodes and e["target"] in nodes]
    return {"nodes": list(nodes.values()), "edges": kept, "links": kept}


@router.get("/entity_graph_cte/{mfid}")
def get_entity_graph(
    mfid: str, request: Request, backend: BackendDep, principal: PrincipalDep
) -> dict[str, Any]:
    """A record and its neighbours (all connected records with ``recursive=true``)."""
    require_role(backend.db, principal, mfid, "viewer")
    return build_graph(
        backend.db, principal, [mfid], recursive=bool(query_params(request).get("recursive"))
    )


@router.get("/project_graph/{project_id}")
def get_project_graph(
    project_id: str, backend: BackendDep, principal: PrincipalDep
) -> dict[str, Any]:
    """Every readable record of a project and the links between them."""
    db = backend.db
    project = find_project(db, project_id)
    if project is None:
        raise HTTPException(404, f"Project {project_id} not found")
    start = [
        r["unique_id"]
        for table in RESOURCE_TYPES
        for r in db.all(
            f"SELECT unique_id FROM {table} WHERE project_mfid = ? AND deletion_request_id IS NULL",
            [project["unique_id"]],
        )
    ]
    graph = build_graph(db, principal, start, recursive=False)
    inside = set(start)
    graph["nodes"] = [n for n in graph["nodes"] if n["id"] in inside]
    kept = [e for e in graph["edges"] if e["source"] in inside and e["target"] in inside]
    graph["edges"] = graph["links"] = kept
    return graph
