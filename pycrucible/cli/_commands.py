"""Assembles the command tree: importing the command modules registers them on `cli`."""

from pycrucible.cli import (
    _catalog,
    _datasets,
    _files,
    _local,
    _processing,
    _search,
    _status,
)
from pycrucible.cli._app import cli

__all__ = ["cli"]

_REGISTERED = (_catalog, _datasets, _files, _local, _processing, _search, _status)
