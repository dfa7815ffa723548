"""The CLI's output helpers: modes, streaming, table width fitting, list options."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import click
import pytest
from click.testing import CliRunner

from pycrucible.cli._output import (
    DEFAULT_LIMIT,
    Output,
    emit,
    emit_rows,
    fit_widths,
    limited,
    list_options,
    output_options,
)

# Name lengths 10 to 39, the longest (39) in the first 20 rows, the table's first chunk.
ROWS = [{"id": f"id{i}", "name": "n" * (10 + (i * 7) % 30), "size": i} for i in range(30)]


def _command(rows: list[dict[str, Any]]) -> click.Command:
    @click.command()
    @list_options
    @output_options
    def show(limit: int | None, out: Output) -> None:
        click.echo(f"limit={limit} mode={out.mode}", err=True)
        emit_rows(limited(iter(rows), limit, "rows"), out=out, columns=("id", "name", "size"))

    return show


def _invoke(*args: str, columns: int = 80) -> Any:
    return CliRunner().invoke(_command(ROWS), list(args), env={"COLUMNS": str(columns)})


def test_output_mode_is_checked() -> None:
    assert Output().mode == "table"
    assert Output("jsonl").machine
    with pytest.raises(ValueError, match="output mode"):
        Output("yaml")
    assert Output.of(True) == Output("json")
    assert Output.of(False) == Output("table")


def test_jsonl_prints_one_object_per_line() -> None:
    result = _invoke("--jsonl", "--limit", "5")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert [json.loads(line)["id"] for line in lines] == [f"id{i}" for i in range(5)]
    assert "there are more" in result.stderr


def test_json_is_one_array_and_all_takes_every_row() -> None:
    result = _invoke("--json", "--all")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == ROWS
    assert "limit=None" in result.stderr
    assert "there are more" not in result.stderr


def test_json_and_jsonl_together_is_a_usage_error() -> None:
    result = _invoke("--json", "--jsonl")
    assert result.exit_code == 2
    assert "not both" in result.output


def test_limit_and_all_together_is_a_usage_error() -> None:
    result = _invoke("--all", "--limit", "3")
    assert result.exit_code == 2
    assert "not both" in result.output


def test_default_limit_without_settings_is_fifty() -> None:
    rows = [{"id": str(i)} for i in range(DEFAULT_LIMIT + 5)]
    result = CliRunner().invoke(_command(rows), ["--jsonl"])
    assert f"limit={DEFAULT_LIMIT}" in result.stderr
    assert len(result.stdout.splitlines()) == DEFAULT_LIMIT


@pytest.mark.parametrize("width", [40, 60, 120])
def test_table_fits_the_terminal_width(width: int) -> None:
    result = _invoke("--all", columns=width)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["ID", "NAME", "SIZE"]
    assert len(lines) == len(ROWS) + 1
    assert max(len(line) for line in lines) <= width
    # The longest name (39 characters) is cut with an ellipsis when it cannot fit.
    assert ("\u2026" in result.stdout) == (width < 4 + 2 + 39 + 2 + 4)


def test_table_columns_stay_aligned_across_chunks() -> None:
    result = _invoke("--all", columns=200)
    lines = result.stdout.splitlines()
    # Rows 0-19 are the first chunk, 20-29 the second (no longer cells): SIZE starts at the
    # same place on every line.
    assert {line.rindex(" ") + 1 for line in lines[1:]} == {lines[0].index("SIZE")}


def test_fit_widths_shrinks_the_widest_first_and_keeps_the_id() -> None:
    assert fit_widths([4, 30, 10], 100) == [4, 30, 10]
    widths = fit_widths([26, 30, 10, 8], 60)
    assert widths[0] == 26
    assert sum(widths) + 6 <= 60
    assert widths[1] >= widths[2] >= widths[3] or widths[3] == 8
    assert widths[1] < 30
    # Never below five characters, even if the table then overflows.
    assert fit_widths([20, 20, 20], 5) == [20, 5, 5]
    assert fit_widths([], 80) == []
    assert fit_widths([10, 64, 30], 50, keep=(0, 1)) == [10, 64, 5]


def test_jsonl_rows_stream_as_they_arrive(capsys: pytest.CaptureFixture[str]) -> None:
    printed: list[str] = []

    def rows() -> Iterator[dict[str, str]]:
        for i in range(3):
            yield {"id": str(i)}
            # Asked for the next row: the line of the row just given is already out.
            printed.append(capsys.readouterr().out)

    emit_rows(rows(), out=Output("jsonl"), columns=("id",))
    assert printed == ['{"id":"0"}\n', '{"id":"1"}\n', '{"id":"2"}\n']


def test_table_shows_its_first_rows_before_the_list_ends(
    capsys: pytest.CaptureFixture[str],
) -> None:
    before_last: list[str] = []

    def rows() -> Iterator[dict[str, str]]:
        for i in range(500):
            if i == 499:
                before_last.append(capsys.readouterr().out)
            yield {"id": str(i)}

    emit_rows(rows(), out=Output("table"), columns=("id",))
    assert before_last[0].startswith("ID\n0\n1\n")
    assert capsys.readouterr().out.endswith("499\n")


def test_emit_keeps_the_as_json_spelling() -> None:
    @click.command()
    def show() -> None:
        emit({"a": 1}, as_json=True)
        emit({"a": 2}, out=Output("jsonl"))
        emit({"a": 3}, out=False)

    result = CliRunner().invoke(show, [])
    assert result.stdout == '{\n  "a": 1\n}\n{"a":2}\na  3\n'


def test_empty_lists() -> None:
    @click.command()
    def show() -> None:
        emit_rows([], out=Output("json"))
        emit_rows([], out=Output("table"))
        emit_rows([], out=Output("jsonl"))

    assert CliRunner().invoke(show, []).stdout == "[]\n(none)\n"


def test_a_json_list_that_fails_partway_prints_no_half_document() -> None:
    def rows() -> Iterator[dict[str, str]]:
        yield {"id": "0"}
        yield {"id": "1"}
        raise RuntimeError("page 2 failed")

    @click.command()
    @output_options
    def show(out: Output) -> None:
        emit_rows(rows(), out=out, columns=("id",))

    as_json = CliRunner().invoke(show, ["--json"])
    assert isinstance(as_json.exception, RuntimeError)
    assert as_json.stdout == ""
    # --jsonl streams: the lines printed before the failure stay, each a whole object.
    as_jsonl = CliRunner().invoke(show, ["--jsonl"])
    assert isinstance(as_jsonl.exception, RuntimeError)
    assert [json.loads(line) for line in as_jsonl.stdout.splitlines()] == [{"id": "0"}, {"id": "1"}]
