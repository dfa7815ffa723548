"""The `crucible` command (installed with the `cli` extra).

Exit codes: 0 ok, 1 API or transfer error, 2 usage error, 3 wait timeout, 4 request failed.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["main"]


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point of the `crucible` console script.

    Args:
        argv: Arguments without the program name; `sys.argv[1:]` when None.
    """
    try:
        from pycrucible.cli._commands import cli
    except ModuleNotFoundError as exc:  # pragma: no cover - depends on the installed extras
        if exc.name != "click":
            raise
        import sys

        sys.stderr.write(
            "the crucible command needs the cli extra: pip install 'pycrucible-client[cli]'\n"
        )
        raise SystemExit(2) from exc
    cli.main(args=list(argv) if argv is not None else None, prog_name="crucible")
