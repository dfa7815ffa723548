"""The parser interface and the helpers every parser shares."""

from __future__ import annotations

import importlib
import math
import numbers
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from pycrucible.errors import ParserDependencyError, ParserError

__all__ = ["Parser", "check_json", "require"]

ParseFunction = Callable[[Path], dict[str, Any]]


@dataclass(frozen=True)
class Parser:
    """A metadata parser.

    Attributes:
        name: Its name, as given to `parse_file(..., parser=NAME)` and `--parser NAME`.
        suffixes: File name endings it claims for `parser="auto"` (".h5", ".tar.gz"; any case).
        function: Reads a file and returns JSON-compatible metadata. It may raise anything
            for a bad file: `parse` turns that into a `ParserError` naming the file and parser.
    """

    name: str
    suffixes: tuple[str, ...]
    function: ParseFunction

    def parse(self, path: Path) -> dict[str, Any]:
        """Parses a file.

        Args:
            path: The file.

        Returns:
            The metadata.

        Raises:
            ParserError: The file could not be read or is malformed.
        """
        try:
            result = self.function(path)
        except ParserError as exc:
            if exc.path is None:
                exc.path = path
            raise
        except Exception as exc:
            reason = str(exc) or type(exc).__name__
            raise ParserError(
                f"parser {self.name!r} could not read {path}: {reason}",
                path=path,
                parser=self.name,
            ) from exc
        if not isinstance(result, dict):
            raise ParserError(
                f"parser {self.name!r} returned {type(result).__name__} for {path}, not a dict",
                path=path,
                parser=self.name,
            )
        return result


def require(module: str, extra: str, parser: str) -> ModuleType:
    """Imports an optional library.

    Args:
        module: The module to import ("h5py").
        extra: The pycrucible extra that installs it ("hdf5").
        parser: The parser that needs it, for the message.

    Returns:
        The module.

    Raises:
        ParserDependencyError: It is not installed.
    """
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise ParserDependencyError(
            f"parser {parser!r} needs {module}, which is not installed: "
            f"pip install 'pycrucible-client[{extra}]'",
            parser=parser,
        ) from exc


def check_json(value: Any, path: Path, parser: str, where: str = "metadata") -> None:
    """Checks that parsed metadata is JSON-compatible (finite numbers, string keys).

    Raises:
        ParserError: It is not.
    """
    if value is None or isinstance(value, (str, bool, int)):
        return
    if isinstance(value, float):
        if math.isfinite(value):
            return
        problem = f"{where} is {value}, not a finite number"
    elif isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str):
                problem = f"{where} has a non-text key {key!r}"
                break
            check_json(item, path, parser, f"{where}.{key}")
        else:
            return
    elif isinstance(value, list):
        for index, item in enumerate(value):
            check_json(item, path, parser, f"{where}[{index}]")
        return
    else:
        problem = f"{where} is a {type(value).__name__}, not JSON-compatible"
    raise ParserError(f"parser {parser!r} on {path}: {problem}", path=path, parser=parser)


def plain(value: Any) -> Any:
    """Turns numpy scalars, arrays and bytes (as h5py and Pillow give them) into JSON values.

    Non-finite floats become their text ("nan", "inf"); unknown objects their `str`.
    """
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    if isinstance(value, float):
        return value if math.isfinite(value) else str(value)
    if value is None or isinstance(value, (str, bool, int)):
        return value
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    if isinstance(value, dict):
        return {str(key): plain(item) for key, item in value.items()}
    tolist = getattr(value, "tolist", None)
    if callable(tolist):
        return plain(tolist())
    if isinstance(value, numbers.Real):  # TIFF rationals and other exact numbers
        return plain(float(value))
    return str(value)
