"""Helpers of the regeneration tests: a copy of the tree to run scripts/regenerate in, and a real
HTTP server on loopback that publishes prepared OpenAPI documents (no live server is called).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
CONTRACTS = {"v1": "openapi-v1.json", "v3": "openapi.json"}


def copy_tree(destination: Path) -> Path:
    """Copies what the generator reads and writes into ``destination`` and returns it."""
    destination.mkdir()
    for name in (*CONTRACTS.values(), "openapi-python-client.yaml", "pyproject.toml"):
        shutil.copy2(ROOT / name, destination / name)
    shutil.copytree(ROOT / "scripts", destination / "scripts")
    shutil.copytree(
        ROOT / "generated",
        destination / "generated",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    return destination


def run_regenerate(tree: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Runs the tree's scripts/regenerate with the running environment."""
    env = dict(os.environ)
    env["PYCRUCIBLE_VENV"] = sys.prefix
    env["PYCRUCIBLE_SKIP_INSTALL"] = "1"
    return subprocess.run(
        ["bash", str(tree / "scripts" / "regenerate"), *args],
        cwd=tree,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (caches left out) by relative path."""
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts
    }


class Publisher:
    """What the server answers: one JSON document per path, replaceable between requests."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self.documents: dict[str, bytes] = {}

    def publish(self, document: dict[str, Any] | bytes, path: str = "/openapi.json") -> str:
        """Serves ``document`` at ``path`` and returns its URL."""
        body = document if isinstance(document, bytes) else json.dumps(document).encode()
        self.documents[path] = body
        return self.base_url + path


@contextmanager
def publishing() -> Iterator[Publisher]:
    """Runs the loopback server in a thread for the duration of the block."""
    holder: dict[str, Publisher] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = holder["publisher"].documents.get(self.path)
            self.send_response(200 if body is not None else 404)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(body if body is not None else b'{"detail": "Not Found"}')

        def log_message(self, format: str, *args: Any) -> None:
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    holder["publisher"] = Publisher(f"http://127.0.0.1:{server.server_address[1]}")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield holder["publisher"]
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
