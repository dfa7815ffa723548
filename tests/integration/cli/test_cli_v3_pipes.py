"""A streamed list into a reader that stops early (`crucible ... --jsonl | head -1`)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from pycrucible import CrucibleClient
from pycrucible.testing import LocalCrucible
from tests.integration.cli.cli_helpers import cli_env

PIPER_ORCID = "0000-0002-0000-0404"


def test_a_reader_that_stops_early_gets_no_error(server: LocalCrucible, tmp_path: Path) -> None:
    # A user of their own: their list holds only these datasets, newest first.
    key = server.add_user(PIPER_ORCID, first_name="Pip")
    with CrucibleClient(server.url_v3, key, api_version="v3") as client:
        # Enough JSON lines (about 2 kB each) to fill a pipe's buffer (64 kB on Linux).
        for i in range(60):
            client.v3.create_dataset(dataset_name=f"pipe {i} " + "x" * 1500)
    env = {**os.environ, **cli_env(server.url_v3, key, tmp_path)}
    command = [sys.executable, "-m", "pycrucible.cli", "datasets", "list", "--all", "--jsonl"]
    with subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    ) as process:
        assert process.stdout is not None
        assert process.stderr is not None
        first = json.loads(process.stdout.readline())
        process.stdout.close()  # as `head -1` does
        errors = process.stderr.read().decode()
        code = process.wait(timeout=60)
    assert first["dataset_name"].startswith("pipe 59 ")
    assert code == 0
    assert errors == ""
