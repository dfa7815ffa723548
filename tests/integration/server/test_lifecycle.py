"""Starting, stopping and restarting the server; the command line; import isolation."""

from __future__ import annotations

import hashlib
import os
import re
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from pycrucible.testing import LocalCrucible


def _auth(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


def test_state_survives_a_restart_on_the_same_directory(tmp_path: Path) -> None:
    with LocalCrucible(tmp_path, admin_key="admin-1", user_key="user-1") as first:
        headers = _auth(first.user_key)
        dsid = httpx.post(f"{first.url}/datasets", json={"dataset_name": "kept"}, headers=headers)
        dsid = dsid.json()["unique_id"]
        httpx.post(
            f"{first.url}/datasets/{dsid}/upload",
            files=[("files", ("kept.txt", b"kept bytes"))],
            headers=headers,
        )
        httpx.post(
            f"{first.url}/datasets/{dsid}/scientific_metadata", json={"t": 1}, headers=headers
        )
        link = httpx.get(f"{first.url}/datasets/{dsid}/download_links", headers=headers).json()
        first_url = first.url
    with LocalCrucible(tmp_path) as second:
        assert (second.admin_key, second.user_key) == ("admin-1", "user-1")
        headers = _auth(second.user_key)
        assert httpx.get(f"{second.url}/datasets/{dsid}", headers=headers).json()[
            "dataset_name"
        ] == ("kept")
        download = httpx.get(f"{second.url}/datasets/{dsid}/download/kept.txt", headers=headers)
        assert download.content == b"kept bytes"
        metadata = httpx.get(f"{second.url}/datasets/{dsid}/scientific_metadata", headers=headers)
        assert metadata.json()["scientific_metadata"] == {"t": 1}
        old_url = link[f"{dsid}/kept.txt"].replace(first_url, second.url)
        assert httpx.get(old_url).content == b"kept bytes"  # the signing secret is kept too
        assert second.count("instruments", version="v1") == 1  # seeded once
        assert second.count("instruments", version="v3") == 1


def test_given_keys_replace_stored_ones(tmp_path: Path) -> None:
    with LocalCrucible(tmp_path):
        pass
    with LocalCrucible(tmp_path, user_key="rotated") as server:
        assert server.user_key == "rotated"
        ok = httpx.get(f"{server.url}/account", headers=_auth("rotated"))
        assert ok.json()["user_info"]["orcid"] == server.user_orcid


def test_a_temporary_directory_is_removed_and_the_port_freed() -> None:
    server = LocalCrucible()
    server.start()
    data_dir, url = server.data_dir, server.url
    port = int(url.rsplit(":", 1)[1])
    assert url.startswith("http://127.0.0.1:")
    assert (data_dir / "crucible.sqlite3").is_file()
    server.stop()
    server.stop()  # idempotent
    assert not data_dir.exists()
    with pytest.raises(httpx.ConnectError):
        httpx.get(f"{url}/account")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", port))
    with pytest.raises(RuntimeError):
        _ = server.url


def test_start_twice_is_refused() -> None:
    with LocalCrucible() as server, pytest.raises(RuntimeError):
        server.start()


def test_random_keys_differ_between_fresh_servers() -> None:
    with LocalCrucible() as one, LocalCrucible() as two:
        assert one.user_key != two.user_key
        assert one.admin_key != one.user_key
        assert httpx.get(f"{one.url}/account", headers=_auth(two.user_key)).status_code == 400


def test_count_refuses_unknown_tables() -> None:
    with LocalCrucible() as server, pytest.raises(ValueError, match="cannot count"):
        server.count("sqlite_master")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _run_cli(data_dir: Path, *extra: str) -> tuple[str, str, int]:
    """Run the server's command line until it serves; check it; stop it; return its output.

    Returns:
        What it wrote on stdout (the console) and on stderr (the log), and its port.
    """
    port = _free_port()
    command = [sys.executable, "-m", "pycrucible.testing", "--port", str(port)]
    command += ["--data-dir", str(data_dir), *extra]
    process = subprocess.Popen(command, stderr=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    lines = []
    try:
        assert process.stderr is not None
        deadline = time.monotonic() + 20
        while not any("Press Ctrl-C" in line for line in lines):
            assert time.monotonic() < deadline, lines
            line = process.stderr.readline()
            assert line, lines
            lines.append(line)
        response = httpx.get(f"http://127.0.0.1:{port}/account", headers=_auth("cli-user-key"))
        assert response.status_code == 200
    finally:
        process.send_signal(signal.SIGTERM)
        stdout, rest = process.communicate(timeout=20)
    assert process.returncode == 0
    return stdout, "".join(lines) + rest, port


def test_the_command_line_serves_until_terminated(tmp_path: Path) -> None:
    _stdout, log, port = _run_cli(tmp_path, "--user-key", "cli-user-key")
    assert f"http://127.0.0.1:{port}" in log
    assert "not a production" in log
    assert "loopback" in log
    assert (tmp_path / "crucible.sqlite3").is_file()


def test_the_command_line_shows_generated_keys_once_on_the_console_only(tmp_path: Path) -> None:
    stdout, log, _ = _run_cli(tmp_path, "--user-key", "cli-user-key")
    admin_key = re.search(r"admin \(\S+\): (\S+)", stdout)
    assert admin_key is not None, stdout
    with sqlite3.connect(tmp_path / "crucible.sqlite3") as db:
        stored = {row[0] for row in db.execute("SELECT api_key FROM api_keys")}
    assert stored == {admin_key.group(1), "cli-user-key"}
    assert stdout.count(admin_key.group(1)) == 1
    assert "cli-user-key" not in stdout  # given on the command line: known already
    assert admin_key.group(1) not in log
    assert "cli-user-key" not in log
    # A restart keeps the stored keys and shows none of them again.
    stdout, log, _ = _run_cli(tmp_path)
    for key in stored:
        assert key not in stdout
        assert key not in log
    assert "not shown again" in log


def test_importing_pycrucible_does_not_import_the_server() -> None:
    code = (
        "import sys, pycrucible; "
        "bad = [m for m in ('pycrucible.testing', 'fastapi', 'uvicorn') if m in sys.modules]; "
        "print(bad); sys.exit(1 if bad else 0)"
    )
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[3])}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_resumable_upload_continues_after_a_restart(tmp_path: Path) -> None:
    data = bytes(range(256)) * 40
    digest = hashlib.sha256(data).hexdigest()
    with LocalCrucible(tmp_path, admin_key="admin-1", user_key="user-1") as first:
        headers = _auth(first.user_key)
        made = httpx.post(f"{first.url}/datasets", json={"dataset_name": "big"}, headers=headers)
        dsid = made.json()["unique_id"]
        session = httpx.post(
            f"{first.url}/datasets/{dsid}/upload/initiate",
            json={"filename": "big.raw", "size": len(data), "sha256_hash": digest},
            headers=headers,
        ).json()
        half = httpx.put(
            session["resumable_uri"],
            content=data[:4000],
            headers={"Content-Range": f"bytes 0-3999/{len(data)}"},
        )
        assert half.status_code == 308
        first_url = first.url
    with LocalCrucible(tmp_path) as second:
        uri = session["resumable_uri"].replace(first_url, second.url)
        rest = httpx.put(
            uri,
            content=data[4000:],
            headers={"Content-Range": f"bytes 4000-{len(data) - 1}/{len(data)}"},
        )
        assert rest.status_code == 200
        done = httpx.post(
            f"{second.url}/datasets/{dsid}/upload/complete",
            json={"upload_id": session["upload_id"], "sha256_hash": digest},
            headers=_auth(second.user_key),
        )
        assert done.status_code == 200
        assert done.json()["sha256_hash"] == digest
        back = httpx.get(f"{second.url}/datasets/{dsid}/download/big.raw", headers=headers)
        assert back.content == data
