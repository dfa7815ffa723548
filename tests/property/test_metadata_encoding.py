"""Property: scientific-metadata encoding keeps meaning, and refuses what JSON cannot carry.

Values are drawn together with what they must encode to (a small model of the rules in
`pycrucible._metadata`), nested in dicts, lists, tuples and sets:

* plain JSON comes out equal, as a new object (the caller's dict is never shared or changed);
* rich values (dates, times, paths, UUIDs, decimals, tuples, sets, int keys, numpy-like
  scalars and arrays) come out as the modelled JSON, which decodes back to the original;
* encoding is idempotent and survives a JSON round trip; through the local server, what
  `get_scientific_metadata` returns is exactly what was encoded;
* a value JSON cannot carry (NaN, infinities, bytes, arbitrary objects, odd keys), wherever it
  hides, raises `ValueError` naming its exact key path.
"""

from __future__ import annotations

import copy
import datetime
import decimal
import json
import math
import re
import uuid
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

import pytest
from _property_strategies import JSON, SCALARS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pycrucible import CrucibleClient
from pycrucible._metadata import encode_metadata

if TYPE_CHECKING:
    from pycrucible.testing import LocalCrucible

EXAMPLES = settings(max_examples=60, deadline=None)
Pair = tuple[Any, Any]  # (value given, JSON expected)


class ScalarLike:
    """Quacks like a numpy scalar: `.item()` gives the Python value."""

    def __init__(self, value: Any) -> None:
        self._value = value

    def item(self) -> Any:
        return self._value


class ArrayLike:
    """Quacks like a numpy array: `.tolist()` gives nested lists."""

    def __init__(self, values: list[Any]) -> None:
        self._values = values

    def tolist(self) -> list[Any]:
        return self._values


def _decimal_pair(value: decimal.Decimal) -> Pair:
    if value == value.to_integral_value():
        return value, int(value)
    return value, float(value)


DECIMALS = st.decimals(min_value=-(10**30), max_value=10**30, allow_nan=False)
_path_parts = st.lists(st.text("abcxyz_-. ", min_size=1, max_size=5), min_size=1, max_size=3)
RICH_LEAVES: st.SearchStrategy[Pair] = st.one_of(
    SCALARS.map(lambda value: (value, value)),
    st.datetimes(timezones=st.sampled_from([None, datetime.UTC])).map(
        lambda when: (when, when.isoformat())
    ),
    st.dates().map(lambda day: (day, day.isoformat())),
    st.times().map(lambda at: (at, at.isoformat())),
    _path_parts.map(lambda parts: (PurePosixPath(*parts), str(PurePosixPath(*parts)))),
    _path_parts.map(lambda parts: (Path(*parts), str(Path(*parts)))),
    st.uuids().map(lambda key: (key, str(key))),
    DECIMALS.map(_decimal_pair),
    SCALARS.map(lambda value: (ScalarLike(value), value)),
    st.frozensets(st.integers(), max_size=4).map(lambda items: (items, sorted(items))),
    st.sets(st.text(max_size=4), max_size=4).map(lambda items: (items, sorted(items))),
)


def _containers(inner: st.SearchStrategy[Pair]) -> st.SearchStrategy[Pair]:
    pairs = st.lists(inner, max_size=3)
    return st.one_of(
        pairs.map(lambda ps: ([v for v, _ in ps], [e for _, e in ps])),
        pairs.map(lambda ps: (tuple(v for v, _ in ps), [e for _, e in ps])),
        pairs.map(lambda ps: (ArrayLike([v for v, _ in ps]), [e for _, e in ps])),
        st.dictionaries(st.text(max_size=6), inner, max_size=3).map(
            lambda d: ({k: v for k, (v, _) in d.items()}, {k: e for k, (_, e) in d.items()})
        ),
        st.dictionaries(st.integers(), inner, max_size=3).map(
            lambda d: ({k: v for k, (v, _) in d.items()}, {str(k): e for k, (_, e) in d.items()})
        ),
    )


RICH = st.recursive(RICH_LEAVES, _containers, max_leaves=12)
TOP: st.SearchStrategy[Pair] = st.dictionaries(st.text(max_size=8), RICH, max_size=4).map(
    lambda d: ({k: v for k, (v, _) in d.items()}, {k: e for k, (_, e) in d.items()})
)


def _only_json(value: Any) -> bool:
    if value is None or isinstance(value, bool | int | str):
        return True
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, list):
        return all(_only_json(item) for item in value)
    if isinstance(value, dict):
        return all(isinstance(k, str) and _only_json(v) for k, v in value.items())
    return False


@EXAMPLES
@given(st.dictionaries(st.text(max_size=8), JSON, max_size=5))
def test_plain_json_comes_out_equal_and_unshared(metadata: dict[str, Any]) -> None:
    before = copy.deepcopy(metadata)
    encoded = encode_metadata(metadata)
    assert encoded == metadata
    assert encoded is not metadata
    encoded["added by the caller later"] = 1
    for value in encoded.values():
        if isinstance(value, list | dict):
            value.clear()
    assert metadata == before


@EXAMPLES
@given(TOP)
def test_rich_values_become_the_modelled_json(pair: Pair) -> None:
    given_value, expected = pair
    encoded = encode_metadata(given_value)
    assert encoded == expected
    assert _only_json(encoded)
    assert json.loads(json.dumps(encoded, allow_nan=False)) == encoded
    assert encode_metadata(encoded) == encoded  # idempotent


@EXAMPLES
@given(
    st.datetimes(timezones=st.sampled_from([None, datetime.UTC])),
    st.uuids(),
    DECIMALS,
)
def test_rich_values_decode_back(when: datetime.datetime, key: uuid.UUID, amount: Any) -> None:
    encoded = encode_metadata({"when": when, "key": key, "amount": amount})
    assert datetime.datetime.fromisoformat(encoded["when"]) == when
    assert uuid.UUID(encoded["key"]) == key
    if isinstance(encoded["amount"], int):
        assert decimal.Decimal(encoded["amount"]) == amount
    else:
        assert encoded["amount"] == float(amount)


BAD_VALUES = st.sampled_from(
    [math.nan, math.inf, -math.inf, decimal.Decimal("NaN"), decimal.Decimal("-Infinity")]
) | st.sampled_from([b"raw bytes", bytearray(b"x"), object(), {1.5: "float key"}])


@st.composite
def hidden_bad_value(draw: st.DrawFn) -> tuple[dict[str, Any], str]:
    """A metadata dict with one bad value somewhere, and that value's key path."""
    steps = draw(st.lists(st.one_of(st.text(max_size=5), st.integers(0, 3)), max_size=4))
    value: Any = draw(BAD_VALUES)  # a bad key is reported at the path of its mapping
    suffix = ""
    for step in reversed(steps):
        if isinstance(step, str):
            siblings = draw(st.dictionaries(st.text(max_size=5), JSON, max_size=2))
            siblings.pop(step, None)
            value = {**siblings, step: value}
            suffix = f"[{step!r}]{suffix}"
        else:
            before = draw(st.lists(JSON, min_size=step, max_size=step))
            after = draw(st.lists(JSON, max_size=2))
            value = [*before, value, *after]
            suffix = f"[{step}]{suffix}"
    top_key = draw(st.text(max_size=5))
    return {top_key: value}, f"metadata[{top_key!r}]{suffix}"


@EXAMPLES
@given(hidden_bad_value())
def test_a_bad_value_anywhere_is_refused_with_its_path(case: tuple[dict[str, Any], str]) -> None:
    metadata, path = case
    with pytest.raises(ValueError, match="^" + re.escape(path) + ": "):
        encode_metadata(metadata)


# -- through the local server ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[CrucibleClient, str]]:
    testing = pytest.importorskip("pycrucible.testing")
    server: LocalCrucible
    with (
        testing.LocalCrucible(worker_delay=None) as server,
        CrucibleClient(
            server.url, server.user_key, state_dir=tmp_path_factory.mktemp("state")
        ) as made,
    ):
        yield made, made.create_dataset(dataset_name="metadata round trips").unique_id


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(pair=TOP)
def test_what_the_server_keeps_is_what_was_encoded(
    client: tuple[CrucibleClient, str], pair: Pair
) -> None:
    api, dsid = client
    given_value, expected = pair
    api.update_scientific_metadata(dsid, given_value, overwrite=True)
    assert api.get_scientific_metadata(dsid) == expected
