"""`import pycrucible` time against a bare `import httpx`, in a clean venv with the core install.

Whole processes are timed: `python -c "import httpx"` and `python -c "import pycrucible"`,
paired and interleaved (each round runs both, in a shuffled order), in one virtual environment
holding pycrucible's core install only (no extras: httpx then does not load its own command
line, which it does when click and rich are importable, as they are in the dev venv). The
figures are the medians of each and the ratio pycrucible ÷ httpx (also the median of the
per-round ratios). `from pycrucible import CrucibleClient` (the client and the generated
layers it loads) is timed the same way, as is nano-crucible's client when its package
installs (in a venv of its own), for scale.

The venvs live in a bench folder under the temporary directory (`--venvs` to choose), kept
between runs; pycrucible itself is reinstalled (no dependencies) at every run so the figures
are those of the working tree.

Dependencies: `importlib.metadata.requires("pycrucible-client")` without extras, walked
recursively, with environment markers evaluated for this interpreter.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import subprocess
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path

from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from bench._harness import ROOT, Report, median, write

DISTRIBUTION = "pycrucible-client"
NANO_DISTRIBUTION = "nano-crucible"
NANO_PROGRAM = "from crucible import CrucibleClient"


def _pip(venv: Path, *args: str) -> bool:
    done = subprocess.run(
        [str(venv / "bin" / "python"), "-m", "pip", "--disable-pip-version-check", "-q", *args],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        sys.stderr.write(done.stderr[-2000:])
    return done.returncode == 0


def _venv(folder: Path, stamp: str, *requirements: str) -> Path | None:
    """A venv at `folder` with `requirements`, made once per `stamp` (None if install fails)."""
    marker = folder / ".bench-stamp"
    if marker.exists() and marker.read_text() == stamp:
        return folder
    subprocess.run([sys.executable, "-m", "venv", "--clear", str(folder)], check=True)
    if requirements and not _pip(folder, "install", *requirements):
        return None
    marker.write_text(stamp)
    return folder


def core_venv(base: Path, project: Path = ROOT) -> Path:
    """The clean venv with pycrucible's core install (dependencies cached; the code fresh).

    Args:
        base: Folder of the cached venvs.
        project: The source tree to install (this one by default; another checkout to
            compare, e.g. an older commit exported with `git archive`).
    """
    stamp = hashlib.sha256((project / "pyproject.toml").read_bytes()).hexdigest() + sys.version
    venv = _venv(base / "core", stamp, str(project))
    if venv is None:
        raise SystemExit("could not install pycrucible's core into the bench venv")
    # The working tree as it is now, without touching the cached dependencies.
    if not _pip(venv, "install", "--no-deps", "--force-reinstall", str(project)):
        raise SystemExit("could not reinstall pycrucible into the bench venv")
    return venv


def nano_venv(base: Path) -> Path | None:
    """A venv with nano-crucible's client, or None when it does not install here."""
    return _venv(base / "nano", NANO_DISTRIBUTION + sys.version, NANO_DISTRIBUTION)


def _time(python: Path, code: str) -> float:
    # Run from the venv's folder: `python -c` puts the working directory first on sys.path,
    # and a source checkout there would shadow the installed package.
    started = time.perf_counter()
    subprocess.run(
        [str(python), "-c", code], check=True, stdout=subprocess.DEVNULL, cwd=python.parent
    )
    return time.perf_counter() - started


def runtime_dependencies(distribution: str = DISTRIBUTION) -> list[str]:
    """Every distribution installed because `distribution` (without extras) needs it.

    Returns:
        The canonical names, sorted (not including `distribution` itself).
    """
    environment = {str(key): str(value) for key, value in default_environment().items()}
    environment["extra"] = ""
    seen: set[str] = set()
    pending = [distribution]
    while pending:
        name = pending.pop()
        for text in metadata.requires(name) or []:
            requirement = Requirement(text)
            if requirement.marker is not None and not requirement.marker.evaluate(environment):
                continue
            dependency = canonicalize_name(requirement.name)
            if dependency not in seen:
                seen.add(dependency)
                pending.append(dependency)
    return sorted(seen)


def measure(programs: dict[str, tuple[Path, str]], runs: int) -> dict[str, list[float]]:
    """Runs every program once per round, in a shuffled order each round.

    Args:
        programs: Name -> (interpreter, code).
        runs: Rounds.

    Returns:
        Name -> seconds of each round's whole process.
    """
    for python, code in programs.values():  # warm the file system cache
        _time(python, code)
    times: dict[str, list[float]] = {name: [] for name in programs}
    order = list(programs)
    shuffle = random.Random(14)
    for _ in range(runs):
        shuffle.shuffle(order)
        for name in order:
            times[name].append(_time(*programs[name]))
    return times


def run(runs: int = 21, base: Path | None = None, nano: bool = True, project: Path = ROOT) -> None:
    """Runs the benchmark and prints its table.

    Args:
        runs: Rounds (each runs every program once).
        base: Folder for the cached venvs.
        nano: Also time nano-crucible's client (when it installs).
        project: The pycrucible source tree to install and time.
    """
    base = base or Path(tempfile.gettempdir()) / "pycrucible-bench" / "import-time"
    base.mkdir(parents=True, exist_ok=True)
    python = core_venv(base, project) / "bin" / "python"
    programs = {
        "python -c pass": (python, "pass"),
        "import httpx": (python, "import httpx"),
        "import pycrucible": (python, "import pycrucible"),
        "from pycrucible import CrucibleClient": (python, "from pycrucible import CrucibleClient"),
    }
    other = nano_venv(base) if nano else None
    if other is not None:
        programs[f"nano-crucible: {NANO_PROGRAM}"] = (other / "bin" / "python", NANO_PROGRAM)
    times = measure(programs, runs)
    httpx = median(times["import httpx"])
    report = Report(
        f"import time, whole process ({runs} paired rounds, shuffled; clean venv, core install)",
        ["program", "median", "÷ import httpx", "per-round ratio (median)"],
    )
    for name, values in times.items():
        pairs = [a / b for a, b in zip(values, times["import httpx"], strict=True)]
        report.add(
            name,
            f"{median(values) * 1000:.0f} ms",
            f"{median(values) / httpx:.2f}x",
            f"{median(pairs):.2f}x",
        )
    report.note("target: import pycrucible ≤ 1.2x import httpx")
    if nano and other is None:
        report.note(f"{NANO_DISTRIBUTION} did not install here; not timed")
    dependencies = runtime_dependencies()
    report.note(
        f"installed runtime dependencies of {DISTRIBUTION} (no extras, recursive): "
        f"{len(dependencies)}: {', '.join(dependencies)}"
    )
    report.print()


def main() -> None:
    """Command line: `python -m bench.import_time [--runs N] [--venvs DIR] [--no-nano]`.

    `--project DIR` times another source tree (for a before/after comparison).
    """
    parser = argparse.ArgumentParser(description="import time benchmark")
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--venvs", type=Path, default=None, help="folder for the cached venvs")
    parser.add_argument("--no-nano", action="store_true", help="skip nano-crucible")
    parser.add_argument(
        "--project", type=Path, default=ROOT, help="pycrucible source tree to time (default: this)"
    )
    args = parser.parse_args()
    run(args.runs, args.venvs, nano=not args.no_nano, project=args.project)
    write()


if __name__ == "__main__":
    main()
