"""Upload progress as a person sees it: the real command on a pseudo-terminal."""

from __future__ import annotations

import os
import pty
import re
import select
import subprocess
import sys
import time
from pathlib import Path

from pycrucible import CrucibleClient
from pycrucible.testing import LocalCrucible


def _run_on_a_terminal(args: list[str], env: dict[str, str], limit: float = 60) -> tuple[int, str]:
    """Runs a command with stdin, stdout and stderr on a pseudo-terminal; returns what it drew."""
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        args, stdin=follower, stdout=follower, stderr=follower, env=env, close_fds=True
    )
    os.close(follower)
    chunks: list[bytes] = []
    deadline = time.monotonic() + limit
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([leader], [], [], 0.2)
            if ready:
                try:
                    data = os.read(leader, 65536)
                except OSError:  # the other side closed
                    break
                if not data:
                    break
                chunks.append(data)
            elif process.poll() is not None:
                break
    finally:
        os.close(leader)
        if process.poll() is None:
            process.kill()
    return process.wait(timeout=10), b"".join(chunks).decode("utf-8", "replace")


def _upload_on_a_terminal(server: LocalCrucible, tmp_path: Path, **settings: str) -> str:
    data = tmp_path / "scan.bin"
    data.write_bytes(os.urandom(3_000_000))
    with CrucibleClient(server.url, server.user_key) as client:
        dsid = str(client.create_dataset(dataset_name="terminal")["unique_id"])
    env = {
        **os.environ,
        "CRUCIBLE_API_URL": server.url,
        "CRUCIBLE_API_KEY": server.user_key,
        "CRUCIBLE_CONFIG": str(tmp_path / "config.toml"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        **settings,
    }
    command = [sys.executable, "-m", "pycrucible.cli", "datasets", "upload", dsid, str(data)]
    code, screen = _run_on_a_terminal(command, env)
    assert code == 0, screen
    return screen


def test_upload_shows_bytes_and_rate_on_a_terminal(server: LocalCrucible, tmp_path: Path) -> None:
    screen = _upload_on_a_terminal(server, tmp_path)
    # The status line: files, bytes of the total, percent, then this run's rate.
    assert re.search(r"1 file\(s\): 3\.0 MB of 3\.0 MB \(100%\), [\d.]+ [kMG]?B/s", screen), screen
    assert "\r" in screen  # redrawn in place, not one line per update
    assert "uploaded scan.bin (3000000 bytes" in screen
    assert "checking" not in screen  # small files are hashed while they are sent


def test_a_large_upload_shows_a_labelled_checksum_pass_first(
    server: LocalCrucible, tmp_path: Path
) -> None:
    screen = _upload_on_a_terminal(server, tmp_path, CRUCIBLE_RESUMABLE_THRESHOLD="1000000")
    checked = screen.index("checking scan.bin (SHA-256): 3.0 MB of 3.0 MB (100%)")
    sent = screen.index("1 file(s): 3.0 MB of 3.0 MB (100%)")
    assert checked < sent
    # Sending starts from 0 with its own rate clock, after the checksum pass.
    assert re.search(r"1 file\(s\): [\d.]+ [kM]?B of 3\.0 MB \(\d+%\)", screen[checked:])
