"""Metadata parsers: JSON-compatible metadata read from a scientific file before upload.

A parser is a `Parser`: a name, the file suffixes it claims and a function from a path to a
dict. The built-ins cover JSON and YAML sidecars, CSV headers, HDF5 files, TIFF/PNG/JPEG tags
and LAMMPS input and log files. Other packages add parsers through the entry-point group
`pycrucible.parsers`; each entry point loads a `Parser`, any object with `name`, `suffixes`
and `parse(path)`, or a callable (a class, say) returning one of those:

    [project.entry-points."pycrucible.parsers"]
    xrd = "my_lab.crucible_parsers:XRD_PARSER"

`parse_file(path, parser="auto")` picks the parser by suffix; `parser="none"` reads nothing.
"""

from __future__ import annotations

import logging
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any

from pycrucible.errors import ParserError
from pycrucible.parsers._base import Parser, check_json
from pycrucible.parsers._binary import HDF5_PARSER, IMAGE_PARSER
from pycrucible.parsers._lammps import LAMMPS_INPUT_PARSER, LAMMPS_LOG_PARSER
from pycrucible.parsers._text import CSV_PARSER, JSON_PARSER, YAML_PARSER

__all__ = [
    "ENTRY_POINT_GROUP",
    "Parser",
    "ParserError",
    "available_parsers",
    "find_parser",
    "parse_file",
    "parsed_metadata",
]

logger = logging.getLogger(__name__)

ENTRY_POINT_GROUP = "pycrucible.parsers"
AUTO = "auto"
NONE = "none"

BUILTINS: tuple[Parser, ...] = (
    JSON_PARSER,
    YAML_PARSER,
    CSV_PARSER,
    HDF5_PARSER,
    IMAGE_PARSER,
    LAMMPS_INPUT_PARSER,
    LAMMPS_LOG_PARSER,
)


def _looks_like_parser(value: Any) -> bool:
    return isinstance(value, Parser) or (
        not isinstance(value, type)
        and isinstance(getattr(value, "name", None), str)
        and callable(getattr(value, "parse", None))
    )


def _as_parser(value: Any) -> Parser:
    """A `Parser`, or any object with `name`, `suffixes` and `parse(path)`, as a `Parser`."""
    if isinstance(value, Parser):
        return value
    if not _looks_like_parser(value):
        raise TypeError("not a parser: it needs name, suffixes and parse(path)")
    suffixes = getattr(value, "suffixes", ())
    if isinstance(suffixes, str) or not all(isinstance(x, str) for x in suffixes):
        raise TypeError("suffixes must be a sequence of strings")
    return Parser(str(value.name), tuple(suffixes), value.parse)


def _plugins() -> list[Parser]:
    found: list[Parser] = []
    for point in entry_points(group=ENTRY_POINT_GROUP):
        try:
            loaded: Any = point.load()
            parser = _as_parser(loaded if _looks_like_parser(loaded) else loaded())
        except Exception as exc:  # a broken plugin must not stop the others
            logger.warning("parser plugin %r could not be loaded: %s", point.name, exc)
            continue
        found.append(parser)
    return found


def available_parsers() -> dict[str, Parser]:
    """Every parser by name: the built-ins, then the plugins (read afresh on each call).

    A plugin with a built-in's name replaces it, so an instrument team can ship a better one.

    Returns:
        Parsers by name, in the order `auto` tries them (plugins first).
    """
    by_name = {parser.name: parser for parser in BUILTINS}
    plugins = _plugins()
    for parser in plugins:
        by_name.pop(parser.name, None)
    return {**{p.name: p for p in plugins}, **by_name}


def find_parser(path: str | Path, parser: str = AUTO) -> Parser | None:
    """The parser that `parse_file` would use, without reading the file.

    Args:
        path: The file.
        parser: "auto" (by suffix), "none", or a parser's name.

    Returns:
        The parser, or None for "none" and for "auto" when no parser claims the suffix.

    Raises:
        ParserError: `parser` names no known parser.
    """
    if not isinstance(parser, str) or not parser:
        raise ParserError(f"parser must be 'auto', 'none' or a parser name, not {parser!r}")
    if parser == NONE:
        return None
    parsers = available_parsers()
    if parser == AUTO:
        # The longest claimed ending wins ("log.lammps" over ".lammps"); plugins win ties.
        name = Path(path).name.lower()
        best: Parser | None = None
        best_length = 0
        for candidate in parsers.values():
            for suffix in candidate.suffixes:
                if name.endswith(suffix.lower()) and len(suffix) > best_length:
                    best, best_length = candidate, len(suffix)
        return best
    if parser not in parsers:
        known = ", ".join(sorted(parsers))
        raise ParserError(
            f"unknown parser {parser!r} (known: auto, none, {known})", path=path, parser=parser
        )
    return parsers[parser]


def parse_file(path: str | Path, parser: str = AUTO) -> dict[str, Any]:
    """Reads a file's metadata.

    Args:
        path: The file.
        parser: "auto" picks by suffix (an empty dict when no parser claims it), "none" reads
            nothing (an empty dict), or a parser's name (see `available_parsers`).

    Returns:
        JSON-compatible metadata.

    Raises:
        ParserError: The file is missing, unreadable or malformed for the parser, the parser
            is unknown, or it returned something that is not JSON-compatible.
        ParserDependencyError: The parser needs an optional library; the message names the
            extra to install.
    """
    chosen = find_parser(path, parser)
    if chosen is None:
        return {}
    target = Path(path)
    if not target.is_file():
        raise ParserError(
            f"parser {chosen.name!r} cannot read {path}: no such file",
            path=path,
            parser=chosen.name,
        )
    result = chosen.parse(target)
    check_json(result, target, chosen.name)
    logger.debug("parser %s read %d top-level keys from %s", chosen.name, len(result), target)
    return result


def parsed_metadata(
    path: str | Path, parser: str, caller: dict[str, Any] | None
) -> dict[str, Any] | None:
    """The metadata to upload: the file's parsed metadata with the caller's keys on top.

    Args:
        path: The file to parse (a dataset's main file).
        parser: As for `parse_file`.
        caller: The caller's own metadata, whose keys win; None when there is none.

    Returns:
        The merged metadata, or `caller` unchanged when nothing was parsed.
    """
    parsed = parse_file(path, parser)
    if not parsed:
        return caller
    return {**parsed, **(caller or {})}
