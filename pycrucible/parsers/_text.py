"""Text formats: JSON and YAML sidecar files, and a CSV header summary."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from pycrucible.parsers._base import Parser, plain, require

__all__ = ["CSV_PARSER", "JSON_PARSER", "YAML_PARSER"]

# Bytes of a CSV file read to guess its delimiter.
_SNIFF_BYTES = 64 * 1024
_DELIMITERS = ",;\t|"


def _object(value: Any, kind: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ValueError(f"a {kind} sidecar must hold an object (a mapping) at the top")
    return value


def _json(path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8") as handle:
        value = json.load(handle)
    return _object(value, "JSON")


def _yaml(path: Path) -> dict[str, Any]:
    yaml = require("yaml", "yaml", "yaml")
    with path.open(encoding="utf-8") as handle:
        # safe_load builds plain Python values only; dates become text below.
        value = yaml.safe_load(handle)
    return {str(k): plain(v) for k, v in _object(value, "YAML").items()}


def _csv(path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8", newline="") as handle:
        sample = handle.read(_SNIFF_BYTES)
        if not sample.strip():
            raise ValueError("the file is empty")
        try:
            delimiter = csv.Sniffer().sniff(sample, delimiters=_DELIMITERS).delimiter
        except csv.Error:
            # One column, or no delimiter the sniffer is sure of: the first line decides.
            first = sample.splitlines()[0]
            delimiter = (
                max(_DELIMITERS, key=first.count) if any(d in first for d in _DELIMITERS) else ","
            )
        handle.seek(0)
        reader = csv.reader(handle, delimiter=delimiter, strict=True)
        columns = next(reader)
        rows = 0
        for row in reader:
            if row:
                rows += 1
    return {
        "columns": [c.strip() for c in columns],
        "column_count": len(columns),
        "row_count": rows,
        "delimiter": delimiter,
    }


JSON_PARSER = Parser("json", (".json",), _json)
YAML_PARSER = Parser("yaml", (".yaml", ".yml"), _yaml)
CSV_PARSER = Parser("csv", (".csv", ".tsv"), _csv)
