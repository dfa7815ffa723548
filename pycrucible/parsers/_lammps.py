"""LAMMPS input scripts and log files, read from the LAMMPS command syntax.

An input script is one command per line (`#` starts a comment, `&` continues a line). A log
file echoes the commands it ran and prints thermodynamic output: a header line of column
names (`Step Temp E_pair ...`) then one row per output step, ended by a `Loop time of ...` line.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pycrucible.parsers._base import Parser

__all__ = ["LAMMPS_INPUT_PARSER", "LAMMPS_LOG_PARSER"]

# Commands whose arguments are kept as text, by the metadata key they go under.
_SINGLE = {
    "units": "units",
    "atom_style": "atom_style",
    "boundary": "boundary",
    "dimension": "dimension",
    "timestep": "timestep",
    "pair_style": "pair_style",
    "read_data": "read_data",
    "thermo": "thermo_every",
}


def _commands(lines: list[str]) -> list[list[str]]:
    commands: list[list[str]] = []
    pending = ""
    for raw in lines:
        line = raw.split("#", 1)[0].rstrip()
        if line.endswith("&"):
            pending += line[:-1] + " "
            continue
        words = (pending + line).split()
        pending = ""
        if words:
            commands.append(words)
    return commands


def _number(text: str) -> int | float | str:
    for kind in (int, float):
        try:
            return kind(text)
        except ValueError:
            pass
    return text


def _summary(commands: list[list[str]]) -> dict[str, Any]:
    info: dict[str, Any] = {}
    runs: list[int | float | str] = []
    fixes: list[str] = []
    for command, *args in commands:
        if command in _SINGLE and args:
            value = " ".join(args)
            info[_SINGLE[command]] = _number(value) if len(args) == 1 else value
        elif command == "run" and args:
            runs.append(_number(args[0]))
        elif command == "fix" and len(args) >= 3:
            fixes.append(args[2])
        elif command == "thermo_style" and args:
            info["thermo_style"] = " ".join(args)
    if runs:
        info["run_steps"] = runs
    if fixes:
        info["fixes"] = fixes
    return info


def _read_lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def _input(path: Path) -> dict[str, Any]:
    info = _summary(_commands(_read_lines(path)))
    if not info:
        raise ValueError("no LAMMPS commands found (units, atom_style, run...)")
    return info


def _log(path: Path) -> dict[str, Any]:
    lines = _read_lines(path)
    if lines and lines[0].startswith("LAMMPS ("):
        version = lines[0].strip()[len("LAMMPS (") :].rstrip(")")
    else:
        version = None
    thermo: list[dict[str, Any]] = []
    current: dict[str, Any] | None = None
    for line in lines:
        words = line.split()
        if words[:1] == ["Step"]:
            current = {"columns": words, "rows": 0, "first_step": None, "last_step": None}
            thermo.append(current)
        elif current is not None and line.startswith("Loop time of"):
            current = None
        elif current is not None and len(words) == len(current["columns"]):
            try:
                step = int(words[0])
            except ValueError:
                continue
            current["rows"] += 1
            if current["first_step"] is None:
                current["first_step"] = step
            current["last_step"] = step
    commands = _commands([line for line in lines if not line.startswith(("LAMMPS (", "  "))])
    info = _summary([c for c in commands if c[0] in _SINGLE or c[0] in ("run", "thermo_style")])
    if not thermo and not info:
        raise ValueError("no LAMMPS commands or thermo output found")
    if version:
        info["lammps_version"] = version
    if thermo:
        info["thermo_columns"] = thermo[-1]["columns"]
        info["thermo_runs"] = thermo
        info["steps_run"] = sum(
            run["last_step"] - run["first_step"] for run in thermo if run["rows"]
        )
    return info


LAMMPS_INPUT_PARSER = Parser("lammps-input", (".lmp", ".lammps", ".in.lmp"), _input)
LAMMPS_LOG_PARSER = Parser("lammps-log", ("log.lammps", ".lammps.log"), _log)
