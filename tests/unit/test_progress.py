"""One progress interface: tqdm bars for `progress=True`, the CLI's line, plain callables."""

from __future__ import annotations

import io
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from tqdm import tqdm

from pycrucible import ProgressReporter
from pycrucible._config import resolve_settings
from pycrucible._progress import TqdmProgress, TqdmWait, reporting, waiting
from pycrucible._wait import wait_for_request
from pycrucible.cli._progress import TransferProgress

MADE: list[tuple[Any, io.StringIO]] = []  # every bar made by RecordingBar, with its output


def RecordingBar(**options: Any) -> Any:  # noqa: N802 - stands in for the tqdm class
    """A real tqdm bar writing into a buffer, remembered in MADE."""
    buffer = io.StringIO()
    make: Any = tqdm
    bar = make(file=buffer, mininterval=0, **options)
    MADE.append((bar, buffer))
    return bar


@pytest.fixture(autouse=True)
def _fresh_bars() -> None:
    MADE.clear()


def test_both_adapters_have_the_one_interface() -> None:
    assert isinstance(TqdmProgress(bar=RecordingBar), ProgressReporter)
    assert isinstance(TransferProgress("sent", draw=False), ProgressReporter)


def test_tqdm_adapter_draws_one_bar_per_file_and_closes_it() -> None:
    bars = TqdmProgress("upload", bar=RecordingBar)
    bars("a.bin", 0, 2048)
    bars("b.bin", 512, 1024)  # a resumed file starts part-way
    bars("a.bin", 1024, 2048)
    by_name = {bar.desc: bar for bar, _ in MADE}
    output = {bar.desc: buffer for bar, buffer in MADE}
    assert set(by_name) == {"upload a.bin", "upload b.bin"}
    assert by_name["upload a.bin"].n == 1024
    assert by_name["upload b.bin"].n == 512
    bars("a.bin", 2048, 2048)
    assert by_name["upload a.bin"].n == 2048
    assert by_name["upload a.bin"].disable  # closed at the end of the file
    assert not by_name["upload b.bin"].disable
    bars.close()
    assert by_name["upload b.bin"].disable
    assert "upload a.bin: 100%" in output["upload a.bin"].getvalue()


def test_tqdm_adapter_shows_the_checksum_pass_on_its_own_bar() -> None:
    bars = TqdmProgress(bar=RecordingBar)
    bars.hashing("big.h5", 100, 400)
    bars("big.h5", 0, 400)
    assert sorted(bar.desc for bar, _ in MADE) == ["big.h5", "big.h5 (SHA-256)"]


def test_cli_adapter_follows_the_same_calls() -> None:
    ticks = iter(float(n) for n in range(100))
    line = TransferProgress("sent", draw=False, clock=lambda: next(ticks))
    line("a.bin", 0, 2000)
    line("a.bin", 1000, 2000)
    line.hashing("a.bin", 10, 20)
    assert line.line().startswith("1 file(s): 1.0 kB of 2.0 kB (50%)")
    assert line.summary() == "1.0 kB of 2.0 kB (50%) sent"
    line.close()


def test_reporting_passes_callables_and_refuses_other_things() -> None:
    calls: list[tuple[str, int, int | None]] = []

    def callback(name: str, done: int, total: int | None) -> None:
        calls.append((name, done, total))

    with reporting(callback) as report:
        assert report is callback
    with reporting(None) as report:
        assert report is None
    with reporting(False) as report:
        assert report is None
    with reporting(True, "download") as report:
        assert isinstance(report, TqdmProgress)
    with pytest.raises(TypeError, match="progress must be"), reporting("yes"):  # type: ignore[arg-type]
        pass


def test_progress_true_without_tqdm_names_the_extra() -> None:
    code = (
        "import sys; sys.modules['tqdm'] = sys.modules['tqdm.auto'] = None\n"
        "from pycrucible._progress import reporting\n"
        "try:\n"
        "    with reporting(True):\n"
        "        pass\n"
        "except ImportError as e:\n"
        "    print(e)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert "pip install 'pycrucible-client[progress]'" in done.stdout


class Polled:
    """A request record as polled: only its status matters to a wait."""

    def __init__(self, status: str) -> None:
        self.status = status
        self.error_message = None


def test_a_wait_with_progress_true_shows_polls_and_the_status(
    capsys: pytest.CaptureFixture[str],
) -> None:
    answers = iter([Polled("requested"), Polled("started"), Polled("complete")])
    now = [0.0]

    def sleep(seconds: float) -> None:
        now[0] += seconds

    # As the wait methods call it: `progress=` resolved by `waiting`, records to the bar.
    wanted: Callable[[Polled], None] | bool | None = True  # typed as the wait methods take it
    with waiting(wanted, "ingestion request 7") as report:
        final = wait_for_request(
            lambda: next(answers),
            what="ingestion request 7",
            interval=1.0,
            timeout=60.0,
            raise_on_failure=True,
            sleep=sleep,
            clock=lambda: now[0],
            progress=report,
        )
    assert final.status == "complete"
    drawn = capsys.readouterr().err
    assert "ingestion request 7" in drawn
    assert "3 polls" in drawn
    assert "status complete" in drawn


def test_wait_bar_adapter_counts_polls() -> None:
    bar = TqdmWait("scicat request 2", bar=RecordingBar)
    assert MADE == []  # nothing drawn before the first poll
    bar(Polled("requested"))
    bar(Polled("started"))
    made, output = MADE[0]
    assert made.n == 2
    bar.close()
    assert "status started" in output.getvalue()


def test_a_wait_still_hands_records_to_a_callable() -> None:
    seen: list[str] = []

    def hear(request: Polled) -> None:
        seen.append(request.status)

    with waiting(hear, "x") as report:
        assert report is not None
        report(Polled("started"))
    assert seen == ["started"]


def test_the_progress_setting_is_what_none_means(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("CRUCIBLE_CONFIG", str(tmp_path / "none.toml"))
    monkeypatch.setenv("CRUCIBLE_PROGRESS", "yes")
    settings = resolve_settings({"api_url": "http://127.0.0.1:9", "api_key": "k"})
    assert settings.progress is True
    with reporting(None, "upload", settings.progress) as report:
        assert isinstance(report, TqdmProgress)
    with reporting(False, "upload", settings.progress) as report:
        assert report is None  # an explicit False still wins
    monkeypatch.setenv("CRUCIBLE_PROGRESS", "sometimes")
    with pytest.raises(ValueError, match=r"progress from \$CRUCIBLE_PROGRESS must be true or"):
        resolve_settings({"api_url": "http://127.0.0.1:9", "api_key": "k"})
    monkeypatch.delenv("CRUCIBLE_PROGRESS")
    assert resolve_settings({"api_url": "http://127.0.0.1:9", "api_key": "k"}).progress is False
