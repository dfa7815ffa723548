"""`python -m pycrucible.cli` runs the `crucible` command."""

from pycrucible.cli import main

main()
