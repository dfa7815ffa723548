"""The root of the `crucible` command: global options, the shared client, exit codes.

Exit codes (stable, for scripts):

* 0: success
* 1: the API or a transfer failed (the server's `detail` is shown)
* 2: usage error (bad option, bad input caught before the network, missing settings)
* 3: a wait ran out of time (`--wait --timeout`)
* 4: a processing request ended in a failure status
* 130: interrupted (Ctrl-C); a transfer says how far it got, and running it again resumes
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

import click

from pycrucible.cli._progress import TransferProgress
from pycrucible.errors import (
    APIConnectionError,
    AuthenticationError,
    ConfigurationError,
    CrucibleError,
    EtagMismatchError,
    NotFoundError,
    ParserError,
    PermissionDeniedError,
    RequestFailedError,
    WaitTimeoutError,
)

if TYPE_CHECKING:
    from pycrucible import CrucibleClient

__all__ = [
    "EXIT_API",
    "EXIT_FAILED",
    "EXIT_INTERRUPTED",
    "EXIT_TIMEOUT",
    "EXIT_USAGE",
    "CommandError",
    "State",
    "cli",
    "elevate_option",
    "pass_state",
]

EXIT_API = 1
EXIT_USAGE = 2
EXIT_TIMEOUT = 3
EXIT_FAILED = 4
EXIT_INTERRUPTED = 130

_KEY_HINT = "check the API key: `crucible config init`, or set CRUCIBLE_API_KEY"


class State:
    """Per-invocation settings and the lazily built client.

    Args:
        api_url: `--api-url`, or None to use the environment or config file.
        api_key: `--api-key`, or None likewise.
        progress: Whether progress bars may be drawn.
        elevate: `--elevate`: send the API v3 privilege header in elevated mode.
    """

    def __init__(
        self, api_url: str | None, api_key: str | None, progress: bool, elevate: bool = False
    ) -> None:
        self.api_url = api_url
        self.api_key = api_key
        self.progress = progress
        self.elevate = elevate
        self.transfer: TransferProgress | None = None
        self._client: CrucibleClient | None = None

    @property
    def client(self) -> CrucibleClient:
        """The `CrucibleClient`, built on first use and closed when the command ends."""
        if self._client is None:
            from pycrucible import CrucibleClient

            self._client = CrucibleClient(
                api_url=self.api_url,
                api_key=self.api_key,
                privilege_mode="elevated" if self.elevate else None,
            )
            if self.elevate and self._client.api_version == "v1":
                click.echo(
                    "Warning: --elevate has no effect: this server speaks the seed-era API (v1), "
                    "which has no privilege modes",
                    err=True,
                )
        return self._client

    def default_limit(self) -> int:
        """The `default_limit` setting: rows a list shows without `--limit` or `--all`."""
        return self.client.settings.default_limit

    @contextmanager
    def track(self, verb: str, *, draw: bool = True) -> Iterator[TransferProgress]:
        """Follows one command's transfers: a status line on a terminal, and what an
        interruption reports.

        Args:
            verb: What happens to the bytes ("sent", "received").
            draw: False to draw nothing (for example with `--json`).
        """
        self.transfer = TransferProgress(verb, draw=draw and self.progress)
        try:
            yield self.transfer
        finally:
            self.transfer.close()

    def close(self) -> None:
        """Closes the client if one was built."""
        if self._client is not None:
            self._client.close()
            self._client = None


pass_state = click.make_pass_decorator(State)


def _set_elevate(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    state = ctx.find_object(State)
    if value and state is not None:
        state.elevate = True


def elevate_option(function: Callable[..., Any]) -> Callable[..., Any]:
    """Adds `--elevate` to one command (the same as the global `crucible --elevate`)."""
    return click.option(
        "--elevate",
        is_flag=True,
        expose_value=False,
        callback=_set_elevate,
        help="API v3: act with your administrator rights (elevated privilege mode).",
    )(function)


_PARSER_HINT = "nothing was sent; --parser none uploads the files without reading metadata"


def _hint(exc: CrucibleError, state: State | None = None) -> str | None:
    if isinstance(exc, AuthenticationError):
        return _KEY_HINT
    if isinstance(exc, PermissionDeniedError) and state is not None and state.elevate:
        return "only a platform administrator's own key may use --elevate: run without it"
    if isinstance(exc, EtagMismatchError):
        return (
            "the file changed since its ETag was read; nothing was replaced: see its current "
            "ETag with `crucible files get DSID FILE`, then run again with --if-match ETAG"
        )
    if isinstance(exc, PermissionDeniedError):
        return "your key may lack the rights for this (admin-only?), or " + _KEY_HINT
    if isinstance(exc, APIConnectionError):
        return "check the API URL (`crucible config show`) and your network"
    if isinstance(exc, NotFoundError) and exc.detail == "Not Found":
        # FastAPI's answer for a path it has no route for, not the API's "no such record".
        return (
            "the server has no such route: check the API URL's base path "
            "(for example .../api/v3, or .../api/v1 for a seed-era server): "
            "see `crucible config show`"
        )
    if isinstance(exc, NotFoundError):
        return "check the id: `crucible datasets list` (samples, ...) shows what you can read"
    return None


class CommandError(click.ClickException):
    """An everyday set-up or usage problem, shown as one `Error:` line (and a `Hint:` line),
    never a traceback; exit code 2.

    Args:
        message: What went wrong.
        hint: What to do about it, or None.
    """

    exit_code = EXIT_USAGE

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.hint = hint

    def show(self, file: Any = None) -> None:
        """Prints the message and the hint to stderr."""
        _show_error(self.message, self.hint)


def _show_error(message: str, hint: str | None) -> None:
    click.secho(f"Error: {message}", err=True, fg="red")
    if hint:
        click.echo(f"Hint: {hint}", err=True)


def _fail(message: str, code: int, hint: str | None = None) -> click.exceptions.Exit:
    _show_error(message, hint)
    return click.exceptions.Exit(code)


def _os_message(exc: OSError) -> str:
    where = f": {exc.filename}" if exc.filename else ""
    return f"{exc.strerror or exc}{where}"


def _reader_gone() -> click.exceptions.Exit:
    """Ends quietly when stdout's reader has gone; what it did not read is not printed."""
    try:
        # Later writes (and the final flush) go nowhere instead of failing again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # no real file behind stdout (tests)
        pass
    return click.exceptions.Exit(0)


def _interrupted(ctx: click.Context) -> click.exceptions.Exit:
    state = ctx.find_object(State)
    transfer = state.transfer if state is not None else None
    if transfer is None:
        return _fail("interrupted", EXIT_INTERRUPTED)
    transfer.close()
    return _fail(
        f"interrupted: {transfer.summary()}",
        EXIT_INTERRUPTED,
        "run the same command again to resume; finished files are not sent again",
    )


class CrucibleGroup(click.Group):
    """A group that turns pycrucible exceptions into messages and the documented exit codes."""

    def invoke(self, ctx: click.Context) -> Any:
        """Runs the command, mapping exceptions to exit codes."""
        try:
            return super().invoke(ctx)
        except WaitTimeoutError as exc:
            raise _fail(str(exc), EXIT_TIMEOUT) from exc
        except RequestFailedError as exc:
            raise _fail(str(exc), EXIT_FAILED) from exc
        except ConfigurationError as exc:
            raise _fail(str(exc), EXIT_USAGE) from exc
        except ParserError as exc:
            # A file the parser cannot read is the user's input: nothing was sent.
            raise _fail(str(exc), EXIT_USAGE, _PARSER_HINT) from exc
        except CrucibleError as exc:
            raise _fail(str(exc), EXIT_API, _hint(exc, ctx.find_object(State))) from exc
        except (ValueError, FileNotFoundError, IsADirectoryError, NotADirectoryError) as exc:
            raise _fail(str(exc), EXIT_USAGE) from exc
        except BrokenPipeError as exc:
            # The reader of stdout stopped (`crucible ... --jsonl | head`): nothing to say.
            raise _reader_gone() from exc
        except OSError as exc:
            # A local file or folder could not be read or written (permissions, full disk...).
            raise _fail(_os_message(exc), EXIT_API) from exc
        except KeyboardInterrupt as exc:
            raise _interrupted(ctx) from exc


def _configure_logging(verbose: int) -> None:
    if verbose <= 0:
        return
    handler = logging.StreamHandler(sys.stderr)
    # On a terminal, clear the line first: a log line never lands on the end of a status line.
    clear = "\r\x1b[K" if sys.stderr.isatty() else ""
    handler.setFormatter(logging.Formatter(clear + "%(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("pycrucible")
    root.addHandler(handler)
    root.setLevel(logging.DEBUG if verbose > 1 else logging.INFO)


@click.group(cls=CrucibleGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--api-url", envvar=None, help="Crucible API base URL (else CRUCIBLE_API_URL/config)."
)
@click.option(
    "--api-key",
    help="API key (prefer CRUCIBLE_API_KEY or `crucible config init`: options show in `ps`).",
)
@click.option("-v", "--verbose", count=True, help="Log what happens (-vv: every HTTP call).")
@click.option("--no-progress", is_flag=True, help="Never draw progress bars.")
@click.option(
    "--elevate",
    is_flag=True,
    help="API v3: act with your administrator rights (sends the elevated privilege mode). "
    "A seed-era (v1) server has no privilege modes: a warning says it has no effect.",
)
@click.version_option(package_name="pycrucible-client", prog_name="crucible")
@click.pass_context
def cli(
    ctx: click.Context,
    api_url: str | None,
    api_key: str | None,
    verbose: int,
    no_progress: bool,
    elevate: bool,
) -> None:
    """Work with Crucible, the Molecular Foundry's data lakehouse, from the shell.

    Commands that print records take --json (one document) or --jsonl (one object per
    line) for scripts. Exit codes: 0 ok, 1 API or transfer error, 2 usage error, 3 wait
    timeout, 4 request ended in failure, 130 interrupted.
    """
    _configure_logging(verbose)
    state = State(api_url, api_key, progress=not no_progress, elevate=elevate)
    ctx.obj = state
    ctx.call_on_close(state.close)
