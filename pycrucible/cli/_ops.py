"""What the operations commands share (ingestion, access, deletion, members, service accounts).

* `OpsGroup` / `OpsCommand`: a usage mistake (missing option, bad choice) becomes one `Error:`
  line and a `Hint:` naming the command's help, exit code 2.
* `explained`: turns "no such record" (404) and "not allowed" (403) into one `Error:` line and
  a `Hint:` for that command (exit code 1), and bad input caught before the network into
  exit code 2 with a hint.
* `need_v3`: the v3 client, or exit code 2 with "needs API v3" on a seed-era server.
* `record_command`: a command that makes one API v3 call on one id and prints its answer
  (`access public`, `deletion show`, `service-accounts revoke`, ...).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import click

from pycrucible._v3._workflow import check_mfid
from pycrucible.cli._app import (
    EXIT_API,
    EXIT_TIMEOUT,
    CommandError,
    State,
    elevate_option,
    pass_state,
)
from pycrucible.cli._lists import needs_v3
from pycrucible.cli._output import Output, emit, output_options, plain
from pycrucible.errors import (
    ConflictError,
    CrucibleError,
    NotFoundError,
    PermissionDeniedError,
    UnprocessableEntityError,
)

if TYPE_CHECKING:
    from pycrucible._v3.client import CrucibleClientV3

__all__ = [
    "MFID",
    "ApiProblem",
    "OpsCommand",
    "OpsGroup",
    "WaitProblem",
    "explained",
    "need_v3",
    "record_command",
]

F = TypeVar("F", bound=Callable[..., Any])
T = TypeVar("T")


class ApiProblem(click.ClickException):
    """The API refused a call in an everyday way (no such record, not allowed): one `Error:`
    line and a `Hint:` line, exit code 1.

    Args:
        message: What went wrong (the server's answer).
        hint: What to do about it.
    """

    exit_code = EXIT_API

    def __init__(self, message: str, *, hint: str) -> None:
        super().__init__(message)
        self.hint = hint

    def show(self, file: Any = None) -> None:
        """Prints the message and the hint to stderr."""
        click.secho(f"Error: {self.message}", err=True, fg="red")
        click.echo(f"Hint: {self.hint}", err=True)


class WaitProblem(ApiProblem):
    """A wait ran out of time (exit code 3); the request goes on, and the hint says how to
    follow it again."""

    exit_code = EXIT_TIMEOUT


def _with_help_hint(ctx: click.Context, step: Callable[[], T]) -> T:
    """Runs a parsing step; a usage mistake becomes a `CommandError` naming the help."""
    try:
        return step()
    except click.UsageError as exc:
        raise CommandError(exc.format_message(), hint=f"see `{ctx.command_path} --help`") from exc


class OpsCommand(click.Command):
    """A command whose usage mistakes read `Error: ...` then `Hint: see ... --help`."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        """Parses the arguments; a usage mistake becomes a `CommandError` with a hint."""
        return _with_help_hint(ctx, lambda: super(OpsCommand, self).parse_args(ctx, args))


class OpsGroup(click.Group):
    """A group of `OpsCommand`s; an unknown subcommand also gets a hint."""

    command_class = OpsCommand

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        """Finds the subcommand; an unknown one becomes a `CommandError` with a hint."""
        return _with_help_hint(ctx, lambda: super(OpsGroup, self).resolve_command(ctx, args))


class MfidType(click.ParamType[str, Any]):
    """A record's MFID (26 characters of 0-9 and a-z), checked before anything is sent."""

    name = "MFID"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        """Returns the MFID, or fails with a usage error."""
        try:
            return check_mfid(value, param.human_readable_name if param else "id")
        except ValueError as exc:
            self.fail(str(exc), param, ctx)


MFID = MfidType()


def explained(
    *, missing: str, denied: str, bad_input: str | None = None, conflict: str | None = None
) -> Callable[[F], F]:
    """Gives a command's everyday failures one `Error:` line and a `Hint:`.

    Args:
        missing: The hint for "no such record" (404, or the API's `null`).
        denied: The hint for "not allowed" (403).
        bad_input: The hint for input refused before the network (exit code 2); the
            command's help when None.
        conflict: The hint for a clash with what the server holds (409), or None to leave
            it to the general error handling.
    """

    def wrap(function: F) -> F:
        @functools.wraps(function)
        def run(*args: Any, **kwargs: Any) -> Any:
            try:
                return function(*args, **kwargs)
            except NotFoundError as exc:
                if exc.detail == "Not Found":
                    raise  # no such route: the group's own hint names the base URL
                raise ApiProblem(str(exc), hint=missing) from exc
            except PermissionDeniedError as exc:
                raise ApiProblem(str(exc), hint=denied) from exc
            except ConflictError as exc:
                if conflict is None:
                    raise
                raise ApiProblem(str(exc), hint=conflict) from exc
            except UnprocessableEntityError as exc:
                ctx = click.get_current_context()
                hint = f"the server refused the input: see `{ctx.command_path} --help`"
                raise ApiProblem(str(exc), hint=hint) from exc
            except ValueError as exc:
                if isinstance(exc, CrucibleError):
                    raise  # configuration and parser errors keep their own messages
                ctx = click.get_current_context()
                hint = bad_input or f"nothing was sent; see `{ctx.command_path} --help`"
                raise CommandError(str(exc), hint=hint) from exc

        return run  # type: ignore[return-value]

    return wrap


def need_v3(state: State, command: str) -> CrucibleClientV3:
    """The API v3 client, or a usage error on a seed-era server.

    Args:
        state: The invocation's state (its client asks the server's version once).
        command: The command's words after `crucible`, for the message.

    Raises:
        CommandError: The server speaks the seed-era API (v1); exit code 2.
    """
    needs_v3(state, command)
    return state.client.v3


def record_command(
    group: click.Group,
    name: str,
    argument: Callable[[Callable[..., Any]], Callable[..., Any]],
    call: Callable[[CrucibleClientV3, Any], Any],
    *,
    help_text: str,
    missing: str,
    denied: str,
    said: Callable[[Any, Any], str] | None = None,
    elevate: bool = False,
) -> click.Command:
    """Registers `crucible GROUP NAME ID`: one API v3 call on one id, its answer printed.

    Args:
        group: The command group (`access`, `deletion`, ...).
        name: The command's name in the group.
        argument: The command's one argument (`click.argument("mfid", type=MFID)`).
        call: Makes the API call from the v3 client and the argument's value.
        help_text: The command's help.
        missing: The hint for "no such record" (see `explained`).
        denied: The hint for "not allowed".
        said: The stderr line from the argument's value and the answer, or None for none.
        elevate: Whether the command takes `--elevate`.

    Returns:
        The command, registered on `group`.
    """

    def command(state: State, out: Output, **given: Any) -> None:
        (value,) = given.values()
        result = call(need_v3(state, f"{group.name} {name}"), value)
        if said is not None:
            plain(said(value, result))
        emit(result, out=out)

    command.__doc__ = help_text
    function: Callable[..., Any] = explained(missing=missing, denied=denied)(command)
    function = pass_state(function)
    if elevate:
        function = elevate_option(function)
    function = argument(output_options(function))
    return group.command(name)(function)
