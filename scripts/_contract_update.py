"""Fetches a server's published OpenAPI document, normalises it and reports the change.

Run by ``scripts/regenerate --from URL``, which regenerates the package afterwards. Exit status:
0 done (or, with ``--check``, no breaking change), 1 a breaking change with ``--check``, 2 bad
arguments, 3 the document could not be fetched or is not a usable OpenAPI 3.1 document.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import httpx
from _contract_normalise import normalise
from _contract_report import compare
from openapi_spec_validator import validate
from openapi_spec_validator.validation.exceptions import OpenAPIValidationError

FETCH_TIMEOUT_S = 60.0


class UnusableDocumentError(Exception):
    """The URL gave no usable OpenAPI 3.1 document."""


def fetch(url: str) -> dict[str, Any]:
    """Downloads and parses an OpenAPI document.

    Args:
        url: Where the server publishes it (``https://.../api/v3/openapi.json``).

    Returns:
        The parsed document.

    Raises:
        UnusableDocumentError: The request failed, or the answer is not a JSON OpenAPI 3.1 object.
    """
    try:
        response = httpx.get(url, timeout=FETCH_TIMEOUT_S, follow_redirects=True)
        response.raise_for_status()
        document = response.json()
    except (httpx.HTTPError, httpx.InvalidURL) as exc:
        raise UnusableDocumentError(f"cannot fetch {url}: {exc}") from exc
    except ValueError as exc:
        raise UnusableDocumentError(f"{url} did not answer JSON: {exc}") from exc
    if not isinstance(document, dict) or not str(document.get("openapi", "")).startswith("3.1"):
        raise UnusableDocumentError(f"{url} did not answer an OpenAPI 3.1 document")
    return document


def dump(document: dict[str, Any]) -> str:
    """The contract file's text: two-space JSON with a final newline."""
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Command line entry point; see the module docstring for the exit status.

    Args:
        argv: Arguments without the program name (default: ``sys.argv[1:]``).

    Returns:
        The exit status.
    """
    parser = argparse.ArgumentParser(
        prog="scripts/regenerate --from",
        description="Normalise a server's OpenAPI document against ours and report the change.",
    )
    parser.add_argument("url", help="where the server publishes its openapi.json")
    parser.add_argument("--spec", type=Path, required=True, help="our contract (read only)")
    parser.add_argument("--write", type=Path, help="write the normalised document here")
    parser.add_argument("--report", type=Path, help="write the report here, not to stdout")
    parser.add_argument("--check", action="store_true", help="exit 1 on a breaking change")
    args = parser.parse_args(argv)

    ours = json.loads(args.spec.read_text(encoding="utf-8"))
    try:
        candidate = normalise(fetch(args.url), ours)
        validate(candidate)
    except UnusableDocumentError as exc:
        sys.stderr.write(f"{exc}\n")
        return 3
    except OpenAPIValidationError as exc:
        sys.stderr.write(f"{args.url} is not a valid OpenAPI 3.1 document: {exc}\n")
        return 3

    report = compare(ours, candidate)
    text = report.render(args.spec.name, args.url)
    if args.report:
        args.report.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    if args.check:
        return 1 if report.breaking else 0
    if args.write and report.changes:
        args.write.write_text(dump(candidate), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
