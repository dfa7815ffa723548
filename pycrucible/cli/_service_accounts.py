"""`crucible service-accounts list|create|rotate|revoke` (platform admins, API v3).

A service account's API key is shown once, by `create` and `rotate`, and only on request:
`--show-key` prints it on stdout (alone, or in `--json`), `--key-file PATH` writes it to a new
file with mode 0600. Without either, the key is not shown anywhere: `rotate` makes a new one.
The key never reaches a log line (the client redacts every key it receives).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import click

from pycrucible.cli._app import CommandError, State, cli, pass_state
from pycrucible.cli._lists import probe
from pycrucible.cli._ops import MFID, OpsGroup, explained, need_v3, record_command
from pycrucible.cli._output import (
    Output,
    emit,
    emit_rows,
    limited,
    list_options,
    output_options,
    plain,
    to_jsonable,
)

ACCOUNT_COLUMNS = ("unique_id", "username", "platform_role", "api_key_status")

_MISSING = "check the MFID: `crucible service-accounts list` shows the service accounts"
_DENIED = "service accounts are managed by platform admins (an admin's key, elevated mode)"


@cli.group("service-accounts", cls=OpsGroup)
def service_accounts() -> None:
    """Service accounts for instruments and pipelines (platform admins, API v3)."""


def _key_options(function: Any) -> Any:
    function = click.option(
        "--key-file",
        type=click.Path(dir_okay=False, path_type=Path),
        help="Write the key to this new file (mode 0600; an existing file is never replaced).",
    )(function)
    return click.option(
        "--show-key", is_flag=True, help="Print the key on stdout (it is shown this once)."
    )(function)


@contextlib.contextmanager
def _key_file(path: Path | None, show_key: bool) -> Iterator[IO[str] | None]:
    """Opens the key file before anything is sent, so a bad path costs no key.

    The file is created empty with mode 0600 (never over an existing file) and removed again
    if the command fails before the key is written.

    Raises:
        CommandError: Both --show-key and --key-file, or a path that cannot be created.
    """
    if path is None:
        yield None
        return
    if show_key:
        raise CommandError(
            "give --show-key or --key-file, not both",
            hint="--key-file keeps the key off the terminal",
        )
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError as exc:
        raise CommandError(
            f"{path} exists: the key file is never replaced",
            hint="choose a new path (nothing was sent)",
        ) from exc
    except OSError as exc:
        raise CommandError(
            f"cannot create {path}: {exc.strerror}", hint="choose another path (nothing was sent)"
        ) from exc
    written = False
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            yield handle
            written = handle.tell() > 0
    finally:
        if not written:
            path.unlink(missing_ok=True)


def _give_key(
    key: Any,
    *,
    verb: str,
    show_key: bool,
    handle: IO[str] | None,
    path: Path | None,
    out: Output,
) -> None:
    """Hands over a new key as asked, and says where it went."""
    record = to_jsonable(key)
    secret = record.pop("api_key")
    who = f"service account {record.get('unique_id')} ({record.get('username') or '?'})"
    if handle is not None and path is not None:
        handle.write(secret + "\n")
        handle.flush()
        record["key_file"] = str(path)
        plain(f"{verb} {who}; its API key is in {path} (mode 0600)")
    elif show_key:
        plain(f"{verb} {who}; its API key is shown this once: keep it")
    else:
        plain(f"{verb} {who}; its API key was not shown")
        plain(
            f"Hint: `crucible service-accounts rotate {record.get('unique_id')} --show-key` "
            "(or --key-file PATH) issues a new key; the one just made then stops working"
        )
    if out.machine:
        if show_key:
            record["api_key"] = secret
        emit(record, out=out)
    elif show_key:
        click.echo(secret)  # alone on stdout, for `KEY=$(crucible ... --show-key)`
    else:
        emit(record, out=out)


@service_accounts.command("list")
@click.option("--query", "-q", help="Only usernames containing this (3 characters or more).")
@list_options
@output_options
@pass_state
@explained(missing=_MISSING, denied=_DENIED)
def list_accounts(state: State, query: str | None, limit: int | None, out: Output) -> None:
    """List service accounts with their platform role and key status."""
    v3 = need_v3(state, "service-accounts list")
    rows = v3.service_accounts.list(query, probe(limit))
    emit_rows(limited(rows, limit, "service accounts"), out=out, columns=ACCOUNT_COLUMNS)


@service_accounts.command("create")
@click.argument("username")
@click.option("--unique-id", help="Choose its MFID (default: the server mints one).")
@_key_options
@output_options
@pass_state
@explained(
    missing=_MISSING,
    denied=_DENIED,
    conflict="the username (or MFID) is taken: `crucible service-accounts list -q NAME`",
)
def create_account(
    state: State,
    username: str,
    unique_id: str | None,
    show_key: bool,
    key_file: Path | None,
    out: Output,
) -> None:
    """Create a service account; its key only with --show-key or --key-file."""
    v3 = need_v3(state, "service-accounts create")
    with _key_file(key_file, show_key) as handle:
        key = v3.service_accounts.create(username, unique_id)
        _give_key(key, verb="created", show_key=show_key, handle=handle, path=key_file, out=out)


@service_accounts.command("rotate")
@click.argument("sa_mfid", type=MFID)
@_key_options
@output_options
@pass_state
@explained(missing=_MISSING, denied=_DENIED)
def rotate_key(
    state: State, sa_mfid: str, show_key: bool, key_file: Path | None, out: Output
) -> None:
    """Issue a new key for a service account: the old one stops working at once."""
    v3 = need_v3(state, "service-accounts rotate")
    with _key_file(key_file, show_key) as handle:
        key = v3.service_accounts.rotate_key(sa_mfid)
        _give_key(
            key,
            verb="new key for",
            show_key=show_key,
            handle=handle,
            path=key_file,
            out=out,
        )


record_command(
    service_accounts,
    "revoke",
    click.argument("sa_mfid", type=MFID),
    lambda v3, sa_mfid: v3.service_accounts.revoke(sa_mfid),
    help_text="Revoke a service account's key; the account stays (`rotate` gives it a new key).",
    missing=_MISSING,
    denied=_DENIED,
    said=lambda sa_mfid, _: f"revoked the API key of service account {sa_mfid}",
)
