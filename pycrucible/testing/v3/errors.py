"""Errors of API v3 in the contract's shapes."""

from __future__ import annotations

from fastapi import HTTPException


def unprocessable(message: str, *loc: str | int, value: object = None) -> HTTPException:
    """Return a 422 in FastAPI's shape (``detail``: a list with ``type``, ``loc``, ``msg``).

    Args:
        message: What is wrong.
        loc: Where, e.g. ``"body", "project_id"`` (default: the body).
        value: The offending input.
    """
    where = list(loc) or ["body"]
    return HTTPException(
        422, [{"type": "value_error", "loc": where, "msg": message, "input": value}]
    )
