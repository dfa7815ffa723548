"""The command's transfer status line and what an interruption says (no server needed)."""

from __future__ import annotations

import click
import pytest
from click.testing import CliRunner

from pycrucible.cli._app import EXIT_INTERRUPTED, CrucibleGroup, State
from pycrucible.cli._progress import TransferProgress, human_bytes


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_bytes_read_like_a_person_writes_them() -> None:
    assert human_bytes(999) == "999 B"
    assert human_bytes(1_500) == "1.5 kB"
    assert human_bytes(12_300_000) == "12.3 MB"
    assert human_bytes(1_200_000_000) == "1.2 GB"


def test_rate_starts_with_the_first_byte_and_counts_only_this_run() -> None:
    clock = Clock()
    progress = TransferProgress("sent", draw=False, clock=clock)
    progress("a.h5", 0, 10_000_000)
    clock.now += 30  # a slow start (hashing, say) does not count
    progress("a.h5", 1_000_000, 10_000_000)
    clock.now += 1
    progress("a.h5", 5_000_000, 10_000_000)
    assert progress.line() == "1 file(s): 5.0 MB of 10.0 MB (50%), 4.0 MB/s"
    assert progress.summary() == "5.0 MB of 10.0 MB (50%) sent"


def test_a_resumed_transfer_says_so_once(capsys: pytest.CaptureFixture[str]) -> None:
    clock = Clock()
    progress = TransferProgress("sent", draw=False, clock=clock)
    progress("big.h5", 4_000_000, 10_000_000)
    progress("big.h5", 5_000_000, 10_000_000)
    clock.now += 1
    progress("big.h5", 6_000_000, 10_000_000)
    assert capsys.readouterr().err == "big.h5: resuming at 40%\n"
    assert progress.line().endswith("(60%), 1.0 MB/s")


def test_a_file_already_there_is_not_a_resume(capsys: pytest.CaptureFixture[str]) -> None:
    progress = TransferProgress("sent", draw=False, clock=Clock())
    progress("same.h5", 10, 10)
    assert capsys.readouterr().err == ""


def test_several_files_share_one_line() -> None:
    progress = TransferProgress("received", draw=False, clock=Clock())
    progress("a", 0, 1_000)
    progress("b", 0, None)
    progress("b", 500, None)
    assert progress.line() == "2 file(s): 500 B"


def _interrupted_group() -> click.Group:
    @click.group(cls=CrucibleGroup)
    @click.pass_context
    def root(ctx: click.Context) -> None:
        ctx.obj = State(None, None, progress=False)

    @root.command()
    @click.pass_obj
    def upload(state: State) -> None:
        with state.track("sent") as progress:
            progress("scan.h5", 0, 4_000_000)
            progress("scan.h5", 1_000_000, 4_000_000)
            raise KeyboardInterrupt

    @root.command()
    def other() -> None:
        raise KeyboardInterrupt

    return root


def test_ctrl_c_during_a_transfer_says_how_far_it_got_and_how_to_resume() -> None:
    result = CliRunner().invoke(_interrupted_group(), ["upload"])
    assert result.exit_code == EXIT_INTERRUPTED
    assert "Error: interrupted: 1.0 MB of 4.0 MB (25%) sent" in result.stderr
    assert "Hint: run the same command again to resume" in result.stderr
    assert "Aborted!" not in result.output


def test_ctrl_c_elsewhere_is_one_line() -> None:
    result = CliRunner().invoke(_interrupted_group(), ["other"])
    assert result.exit_code == EXIT_INTERRUPTED
    assert result.stderr == "Error: interrupted\n"
