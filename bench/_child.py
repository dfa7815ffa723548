"""Entry point of a benchmark child process: `python -m bench._child MODULE:FUNCTION JSON`.

Imports `bench.MODULE`, calls `FUNCTION(**json.loads(JSON))` and prints the returned dict as
one JSON line, the only thing the parent reads.
"""

from __future__ import annotations

import importlib
import json
import sys


def main(argv: list[str]) -> None:
    """Runs the named function with the JSON arguments and prints its result."""
    target, arguments = argv
    module_name, _, function_name = target.partition(":")
    module = importlib.import_module(f"bench.{module_name}")
    result = getattr(module, function_name)(**json.loads(arguments))
    sys.stdout.write(json.dumps(result) + "\n")


if __name__ == "__main__":
    main(sys.argv[1:])
