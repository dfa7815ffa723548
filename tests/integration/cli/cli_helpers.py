"""Shared helpers of the CLI tests on API v3 (and v1): environment, runs, JSON output."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner, Result

from pycrucible.cli._commands import cli


def cli_env(url: str, key: str, tmp_path: Path, **extra: str) -> dict[str, str]:
    """The environment of one `crucible` run: URL, key, an empty config file, a private cache.

    The API version is named (v3 for an `/api/v3` URL, else v1), as the test suite does
    everywhere instead of asking the server. `COLUMNS` is 100 unless given (tables fit the
    terminal width).
    """
    return {
        "CRUCIBLE_API_URL": url,
        "CRUCIBLE_API_KEY": key,
        "CRUCIBLE_API_VERSION": "v3" if url.rstrip("/").endswith("/api/v3") else "v1",
        "CRUCIBLE_CONFIG": str(tmp_path / "config.toml"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "COLUMNS": "100",
        **extra,
    }


def run(env: dict[str, str], *args: str) -> Result:
    """Runs `crucible ARGS`; checks that no traceback and no API key reach the user."""
    result = CliRunner().invoke(cli, list(args), env=env)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    assert "Traceback" not in result.output
    key = env.get("CRUCIBLE_API_KEY")
    if key:
        assert key not in result.output
    return result


def run_ok(env: dict[str, str], *args: str) -> Result:
    """Runs `crucible ARGS` and checks it exited 0."""
    result = run(env, *args)
    assert result.exit_code == 0, (args, result.output)
    return result


def json_of(env: dict[str, str], *args: str) -> Any:
    """The parsed `--json` output of `crucible ARGS --json`."""
    return json.loads(run_ok(env, *args, "--json").stdout)


def jsonl_of(env: dict[str, str], *args: str) -> list[Any]:
    """The parsed lines of `crucible ARGS --jsonl`."""
    return [json.loads(line) for line in run_ok(env, *args, "--jsonl").stdout.splitlines()]


def error_lines(result: Result) -> list[str]:
    """The stderr lines of a failed run: one `Error:` line (and a `Hint:` line)."""
    lines = result.stderr.splitlines()
    assert [line for line in lines if line.startswith("Error: ")], result.output
    assert len([line for line in lines if line.startswith("Error: ")]) == 1, result.output
    return lines


def error_and_hint(result: Result) -> str:
    """The one `Error:` line of a failed command; a `Hint:` line must follow it."""
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1, result.stderr
    assert "\nHint: " in result.stderr, result.stderr
    return errors[0]
