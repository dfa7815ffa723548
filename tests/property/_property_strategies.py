"""Hypothesis strategies shared by the property tests: JSON values as a server sends them."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

SCALARS: st.SearchStrategy[Any] = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=12)
)


def _containers(inner: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)


JSON: st.SearchStrategy[Any] = st.recursive(SCALARS, _containers, max_leaves=10)
"""Any JSON value: scalars, and lists and objects of them, a few levels deep."""
