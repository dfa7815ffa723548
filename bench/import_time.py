"""`import pycrucible` time, and the number of installed runtime dependencies.

Import time: fresh interpreters run `import X` and, interleaved with them, an empty program;
the figure is the median of the former minus the median of the latter (the interpreter's own
start-up). `httpx` and `requests` are measured the same way for scale.

Dependencies: `importlib.metadata.requires("pycrucible-client")` without extras, walked
recursively, with environment markers evaluated for this interpreter.

The development environment also holds click and rich (the `cli` extra and the dev tools);
when they are importable, `import httpx` loads httpx's own command line and pays for them.
The "core only" rows hide both (`sys.modules[...] = None`), which is what an installation of
the core alone imports.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from importlib import metadata

from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from bench._harness import Report, median, write

DISTRIBUTION = "pycrucible-client"
MODULES = ("pycrucible", "httpx", "requests")
HIDE_CLI = "import sys; sys.modules['click'] = sys.modules['rich'] = None; "


def _run(code: str) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True)
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


def run(runs: int = 15) -> None:
    """Runs the benchmark and prints its table.

    Args:
        runs: Interpreter launches per program.
    """
    programs = {"": "pass", **{module: f"import {module}" for module in MODULES}}
    for module in MODULES[:2]:
        programs[f"{module} (core only)"] = HIDE_CLI + f"import {module}"
    times: dict[str, list[float]] = {name: [] for name in programs}
    for code in programs.values():  # warm the file system cache
        _run(code)
    for _ in range(runs):
        for name, code in programs.items():
            times[name].append(_run(code))
    bare = median(times[""])
    report = Report(
        f"import time ({runs} fresh interpreters each, median minus bare start-up "
        f"{bare * 1000:.0f} ms)",
        ["import", "time"],
    )
    for name in programs:
        if name:
            report.add(f"import {name}", f"{(median(times[name]) - bare) * 1000:.0f} ms")
    dependencies = runtime_dependencies()
    report.note(
        f"installed runtime dependencies of {DISTRIBUTION} (no extras, recursive): "
        f"{len(dependencies)}: {', '.join(dependencies)}"
    )
    report.print()


def main() -> None:
    """Command line: `python -m bench.import_time [--runs N]`."""
    parser = argparse.ArgumentParser(description="import time benchmark")
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    run(args.runs)
    write()


if __name__ == "__main__":
    main()
