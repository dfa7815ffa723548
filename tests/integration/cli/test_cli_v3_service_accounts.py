"""`crucible service-accounts ...` against the local server's API v3: the key is shown once,
only on request, and never logged."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

from pycrucible import CrucibleClient
from pycrucible.errors import AuthenticationError
from pycrucible.testing import LocalCrucible
from tests.integration.cli.cli_helpers import cli_env, error_and_hint, json_of, run


def works(server: LocalCrucible, key: str) -> bool:
    """Whether an API key is accepted (a whoami on API v3)."""
    with CrucibleClient(server.url_v3, key, api_version="v3", max_retries=0) as client:
        try:
            client.v3.whoami()
        except AuthenticationError:
            return False
    return True


def test_create_without_asking_shows_no_key(admin: dict[str, str]) -> None:
    result = run(admin, "service-accounts", "create", "bot-quiet", "--json")
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["username"] == "bot-quiet"
    assert "api_key" not in record
    assert "was not shown" in result.stderr
    assert f"service-accounts rotate {record['unique_id']} --show-key" in result.stderr
    table = run(admin, "service-accounts", "create", "bot-quiet-2")
    assert table.exit_code == 0
    assert "api_key" not in table.output


def test_show_key_prints_it_once_and_it_works(server: LocalCrucible, admin: dict[str, str]) -> None:
    result = run(admin, "service-accounts", "create", "bot-shown", "--show-key")
    assert result.exit_code == 0, result.output
    [key] = result.stdout.split()
    assert key not in result.stderr
    assert works(server, key)
    as_json = json_of(admin, "service-accounts", "create", "bot-shown-json", "--show-key")
    assert works(server, as_json["api_key"])
    listed = json_of(admin, "service-accounts", "list", "--all")
    assert {"bot-shown", "bot-shown-json"} <= {row["username"] for row in listed}
    assert all("api_key" not in row for row in listed)
    found = json_of(admin, "service-accounts", "list", "--query", "shown")
    assert {row["username"] for row in found} == {"bot-shown", "bot-shown-json"}


def test_key_file_is_private_and_never_replaced(
    server: LocalCrucible, admin: dict[str, str], tmp_path: Path
) -> None:
    path = tmp_path / "bot.key"
    result = run(admin, "service-accounts", "create", "bot-filed", "--key-file", str(path))
    assert result.exit_code == 0, result.output
    key = path.read_text().strip()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert key not in result.output
    assert works(server, key)
    before = len(json_of(admin, "service-accounts", "list", "--all"))
    again = run(admin, "service-accounts", "create", "bot-filed-2", "--key-file", str(path))
    assert again.exit_code == 2
    assert "never replaced" in error_and_hint(again)
    assert path.read_text().strip() == key
    assert len(json_of(admin, "service-accounts", "list", "--all")) == before  # nothing made
    other = tmp_path / "taken.key"
    taken = run(admin, "service-accounts", "create", "bot-filed", "--key-file", str(other))
    assert taken.exit_code == 1
    assert "409" in error_and_hint(taken)
    assert not other.exists()  # the file made before the request is gone again
    both = run(admin, "service-accounts", "create", "bot-x", "--show-key", "--key-file", "k")
    assert both.exit_code == 2
    error_and_hint(both)


def test_rotate_stops_the_old_key_and_revoke_stops_the_new(
    server: LocalCrucible, admin: dict[str, str], tmp_path: Path
) -> None:
    made = json_of(admin, "service-accounts", "create", "bot-rotated", "--show-key")
    old = made["api_key"]
    rotated = run(admin, "service-accounts", "rotate", made["unique_id"], "--show-key")
    assert rotated.exit_code == 0, rotated.output
    new = rotated.stdout.strip()
    assert new != old
    assert not works(server, old)
    assert works(server, new)
    quiet = run(
        admin, "service-accounts", "rotate", made["unique_id"], "--key-file", str(tmp_path / "n")
    )
    assert quiet.exit_code == 0, quiet.output
    newest = (tmp_path / "n").read_text().strip()
    assert not works(server, new)
    assert works(server, newest)
    revoked = run(admin, "service-accounts", "revoke", made["unique_id"])
    assert revoked.exit_code == 0, revoked.output
    assert "revoked the API key" in revoked.stderr
    assert not works(server, newest)


def test_the_key_never_reaches_the_log(server: LocalCrucible, tmp_path: Path) -> None:
    env = {**os.environ, **cli_env(server.url_v3, server.admin_key, tmp_path)}
    command = [sys.executable, "-m", "pycrucible.cli", "-vv", "service-accounts"]
    made = subprocess.run(
        [*command, "create", "bot-logged", "--show-key", "--json"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert made.returncode == 0, made.stderr
    record = json.loads(made.stdout)
    assert "service_accounts" in made.stderr  # -vv logs every HTTP call
    assert record["api_key"] not in made.stderr
    rotated = subprocess.run(
        [*command, "rotate", record["unique_id"], "--show-key"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert rotated.returncode == 0, rotated.stderr
    new = rotated.stdout.strip()
    assert works(server, new)
    assert "rotate_key" in rotated.stderr
    assert new not in rotated.stderr


def test_everyday_mistakes(server: LocalCrucible, admin: dict[str, str], tmp_path: Path) -> None:
    user = cli_env(server.url_v3, server.user_key, tmp_path)
    denied = run(user, "service-accounts", "list")
    assert denied.exit_code == 1
    assert "403" in error_and_hint(denied)
    unknown = run(admin, "service-accounts", "rotate", "0" * 26, "--show-key")
    assert unknown.exit_code == 1
    error_and_hint(unknown)
    not_an_id = run(admin, "service-accounts", "revoke", "bot-quiet")
    assert not_an_id.exit_code == 2
    assert "must be an MFID" in error_and_hint(not_an_id)
    short = run(admin, "service-accounts", "create", "ab")
    assert short.exit_code == 2
    assert "username" in error_and_hint(short)
    seed = cli_env(server.url, server.admin_key, tmp_path)
    for args in (("list",), ("create", "bot-v1"), ("rotate", "0" * 26), ("revoke", "0" * 26)):
        result = run(seed, "service-accounts", *args)
        assert result.exit_code == 2, (args, result.output)
        assert "needs API v3" in error_and_hint(result)
