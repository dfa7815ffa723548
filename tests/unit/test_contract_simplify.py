"""The local server's contract check keeps fields whose names are schema keywords."""

from __future__ import annotations

from pycrucible.testing._contract import simplify


def test_a_property_named_description_is_kept_while_descriptions_go() -> None:
    schema = {
        "type": "object",
        "description": "A new sample.",
        "properties": {
            "description": {"anyOf": [{"type": "string"}, {"type": "null"}], "description": "x"},
            "examples": {"type": "string"},
        },
        "additionalProperties": False,
    }
    simple = simplify(schema)
    assert "description" not in simple
    assert simple["properties"] == {
        "description": {"type": ["string", "null"]},
        "examples": {"type": "string"},
    }
