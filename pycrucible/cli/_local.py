"""`crucible config|serve|demo|completion`: settings and the local server."""

from __future__ import annotations

import errno
import sys
from pathlib import Path
from typing import Any

import click

from pycrucible import _config
from pycrucible._config_legacy import legacy_config_files, load_legacy_config
from pycrucible.cli._app import CommandError, cli
from pycrucible.cli._output import Output, emit, output_options, plain

_SETTABLE = tuple(_config.ENV_VARS)


@cli.group()
def config() -> None:
    """The config file the client reads (after arguments and environment variables)."""


def _read_key(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().strip()
    return str(click.prompt("API key (input hidden)", hide_input=True)).strip()


@config.command("init")
@click.option("--api-url", help="Crucible API base URL.")
@click.option("--api-key-stdin", is_flag=True, help="Read the API key from stdin, not a prompt.")
@click.option("--path", type=click.Path(dir_okay=False, path_type=Path), help="Config file path.")
def config_init(api_url: str | None, api_key_stdin: bool, path: Path | None) -> None:
    """Write the config file (mode 0600) with the API URL and key."""
    url = api_url or str(click.prompt("Crucible API URL")).strip()
    key = _read_key(api_key_stdin)
    if not key:
        raise click.BadParameter("the API key is empty", param_hint="API key")
    written = _config.save_config({"api_url": url, "api_key": key}, path)
    plain(f"wrote {written} (readable only by you)")


@config.command("show")
@click.option("--path", type=click.Path(dir_okay=False, path_type=Path), help="Config file path.")
@output_options
def config_show(path: Path | None, out: Output) -> None:
    """Show each setting and where it comes from; the key is never shown."""
    try:
        resolved = _config.resolve_sources({}, config_file=path)
    except ValueError as exc:
        raise CommandError(str(exc)) from exc
    rows = []
    for name in _SETTABLE:
        value, source = resolved[name]
        shown = "" if value is None else str(value)
        if name == "api_key" and shown:
            shown = "(set, hidden)"
        rows.append({"setting": name, "value": shown, "source": source})
    emit(rows, out=out, columns=("setting", "value", "source"), truncate=False)


@config.command("import")
@click.option("--path", type=click.Path(dir_okay=False, path_type=Path), help="Config file path.")
@click.option("--overwrite", is_flag=True, help="Replace values our file already has.")
def config_import(path: Path | None, overwrite: bool) -> None:
    """Write our config file from nano-crucible's or the upstream pycrucible's config.ini."""
    found = load_legacy_config()
    if not found:
        looked = ", ".join(str(file) for file, _ in legacy_config_files())
        raise CommandError(f"no other Crucible client's settings found (looked for {looked})")
    stored = _config.load_config(path or _config.config_path())
    taken = []
    for name, (value, source) in sorted(found.items()):
        if name in stored and not overwrite:
            continue
        stored[name] = _typed(name, str(value))
        taken.append(f"{name} (from {source})")
    if not taken:
        plain("nothing to import: the config file already has every value (see --overwrite)")
        return
    written = _config.save_config(stored, path)
    plain(f"wrote {written}: " + ", ".join(taken))


def _typed(name: str, value: str) -> Any:
    try:
        return _config.coerce_setting(name, value, "the command line")
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="VALUE") from exc


@config.command("set")
@click.argument("name", type=click.Choice(_SETTABLE))
@click.argument("value", required=False)
@click.option("--path", type=click.Path(dir_okay=False, path_type=Path), help="Config file path.")
def config_set(name: str, value: str | None, path: Path | None) -> None:
    """Set one setting; for api_key, leave VALUE out to type it hidden."""
    if value is None:
        if name != "api_key":
            raise click.BadParameter("a value is required", param_hint="VALUE")
        value = _read_key(from_stdin=not sys.stdin.isatty())
    stored = _config.load_config(path or _config.config_path())
    stored[name] = _typed(name, value)
    written = _config.save_config(stored, path)
    plain(f"set {name} in {written}")


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=int, default=8000, show_default=True)
@click.option("--data-dir", type=click.Path(file_okay=False, path_type=Path), help="State folder.")
@click.option("--admin-key", help="Admin API key (random if omitted).")
@click.option("--user-key", help="Normal user's API key (random if omitted).")
def serve(
    host: str, port: int, data_dir: Path | None, admin_key: str | None, user_key: str | None
) -> None:
    """Run a local Crucible server for tests and development (not for production).

    Without --data-dir its data lives in a temporary folder that is deleted when it stops
    (Ctrl-C, or `kill` with its process id when it runs in the background).
    """
    try:
        from pycrucible.testing.__main__ import main as serve_main
    except ImportError as exc:
        raise CommandError(str(exc)) from exc

    args = ["--host", host, "--port", str(port)]
    for flag, value in (("--data-dir", data_dir), ("--admin-key", admin_key)):
        if value is not None:
            args += [flag, str(value)]
    if user_key is not None:
        args += ["--user-key", user_key]
    try:
        serve_main(args)
    except OSError as exc:
        if exc.errno != errno.EADDRINUSE:
            raise
        raise CommandError(
            f"port {port} on {host} is already in use",
            hint=f"pick another: crucible serve --port {port + 1} (--port 0 takes any free port)",
        ) from exc


@cli.command()
@click.option(
    "--api-version",
    type=click.Choice(["v3", "v1"]),
    default="v3",
    show_default=True,
    help="The local server's API v3, or its seed-era API (v1).",
)
def demo(api_version: str) -> None:
    """Run the README journey end to end against a throw-away local server."""
    from pycrucible._demo import run_demo

    try:
        run_demo(click.echo, api_version)
    except ImportError as exc:
        raise CommandError(str(exc)) from exc


@cli.command()
@click.argument("shell", type=click.Choice(["bash", "zsh", "fish"]))
def completion(shell: str) -> None:
    """Print the shell completion script: `eval "$(crucible completion bash)"`."""
    from click.shell_completion import get_completion_class

    completion_class = get_completion_class(shell)
    if completion_class is None:  # pragma: no cover - the choice above rules this out
        raise click.BadParameter(shell)
    click.echo(completion_class(cli, {}, "crucible", "_CRUCIBLE_COMPLETE").source())
