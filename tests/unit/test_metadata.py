"""Metadata encoding: what becomes JSON, and what is refused with its key path named."""

from __future__ import annotations

import datetime
import json
import uuid
from decimal import Decimal
from pathlib import Path, PurePosixPath
from typing import Any

import pytest
from _client_fakes import FakeAPI, reply

from pycrucible import CrucibleClient
from pycrucible._metadata import encode_metadata


class FakeScalar:
    """Quacks like a numpy scalar (`.item()`), without numpy."""

    def __init__(self, value: Any) -> None:
        self.value = value

    def item(self) -> Any:
        return self.value


class FakeArray:
    """Quacks like a numpy array (`.tolist()`)."""

    def __init__(self, values: list[Any]) -> None:
        self.values = values

    def tolist(self) -> list[Any]:
        return self.values


class SelfListing:
    def tolist(self) -> SelfListing:
        return SelfListing()


def test_plain_json_passes_through() -> None:
    data = {"a": 1, "b": 2.5, "c": "x", "d": None, "e": True, "f": [1, {"g": []}]}
    assert encode_metadata(data) == data


def test_dates_times_paths_uuids() -> None:
    when = datetime.datetime(2025, 10, 15, 9, 30, tzinfo=datetime.UTC)
    key = uuid.UUID("12345678-1234-5678-1234-567812345678")
    encoded = encode_metadata(
        {
            "when": when,
            "day": datetime.date(2025, 10, 15),
            "at": datetime.time(9, 30),
            "file": Path("/data/run7.h5"),
            "posix": PurePosixPath("a/b"),
            "id": key,
        }
    )
    assert encoded == {
        "when": "2025-10-15T09:30:00+00:00",
        "day": "2025-10-15",
        "at": "09:30:00",
        "file": "/data/run7.h5",
        "posix": "a/b",
        "id": str(key),
    }


def test_decimals_become_numbers() -> None:
    encoded = encode_metadata({"n": Decimal("200"), "x": Decimal("298.15"), "z": Decimal("-0")})
    assert encoded == {"n": 200, "x": 298.15, "z": 0}
    assert type(encoded["n"]) is int
    assert type(encoded["x"]) is float


def test_tuples_and_sets_become_lists() -> None:
    encoded = encode_metadata({"t": (1, 2), "s": {3, 1, 2}, "f": frozenset({"b", "a"})})
    assert encoded == {"t": [1, 2], "s": [1, 2, 3], "f": ["a", "b"]}


def test_numpy_like_values_by_duck_typing() -> None:
    encoded = encode_metadata(
        {
            "gain": FakeScalar(3),
            "flag": FakeScalar(True),
            "image": FakeArray([[1, 2], [3, 4]]),
            "when": FakeScalar(datetime.date(2025, 1, 2)),
        }
    )
    assert encoded == {"gain": 3, "flag": True, "image": [[1, 2], [3, 4]], "when": "2025-01-02"}


def test_int_keys_become_text() -> None:
    assert encode_metadata({1: "a"}) == {"1": "a"}
    assert json.loads(json.dumps(encode_metadata({"x": {2: 3}}))) == {"x": {"2": 3}}


@pytest.mark.parametrize(
    ("data", "where"),
    [
        ({"t": float("nan")}, "metadata['t']"),
        ({"a": {"b": [1, float("inf")]}}, "metadata['a']['b'][1]"),
        ({"d": Decimal("NaN")}, "metadata['d']"),
        ({"x": object()}, "metadata['x']"),
        ({"b": b"bytes"}, "metadata['b']"),
        ({"c": 1 + 2j}, "metadata['c']"),
        ({"s": {"k": SelfListing()}}, "metadata['s']['k']"),
        ({"arr": FakeArray([1.0, float("nan")])}, "metadata['arr'][1]"),
        ({(1, 2): "tuple key"}, "metadata"),
    ],
)
def test_refused_values_name_their_key_path(data: dict[Any, Any], where: str) -> None:
    with pytest.raises(ValueError, match=r"^metadata") as caught:
        encode_metadata(data)
    assert str(caught.value).startswith(where)


def test_cycles_are_refused() -> None:
    loop: dict[str, Any] = {}
    loop["self"] = loop
    with pytest.raises(ValueError, match="nested more than"):
        encode_metadata(loop)


def test_top_level_must_be_a_mapping() -> None:
    with pytest.raises(ValueError, match="must be a dict"):
        encode_metadata([1, 2])


def test_bad_metadata_sends_nothing(client: CrucibleClient, fake: FakeAPI) -> None:
    with pytest.raises(ValueError, match=r"metadata\['voltage'\]"):
        client.update_scientific_metadata("d1", {"voltage": float("nan")})
    with pytest.raises(ValueError, match=r"scientific_metadata\['x'\]"):
        client.create_dataset(dataset_name="x", scientific_metadata={"x": object()})
    with pytest.raises(ValueError, match=r"fields\['when'\]"):
        client.add_sample_metadata("s1", "batch", when=object())
    assert fake.requests == []


def test_encoded_metadata_is_what_is_sent(client: CrucibleClient, fake: FakeAPI) -> None:
    fake.on(
        "PATCH",
        "/datasets/d1/scientific_metadata",
        lambda r: reply(200, {"dataset_id": "d1", "scientific_metadata": json.loads(r.content)}),
    )
    fake.on(
        "POST",
        "/datasets/d1/scientific_metadata",
        lambda r: reply(200, {"dataset_id": "d1", "scientific_metadata": json.loads(r.content)}),
    )
    merged = client.update_scientific_metadata("d1", {"v": Decimal("2.5"), "p": Path("x")})
    assert merged == {"v": 2.5, "p": "x"}
    assert fake.sent() == [("PATCH", "/datasets/d1/scientific_metadata")]
    client.update_scientific_metadata("d1", {"a": 1}, overwrite=True)
    assert fake.sent()[-1] == ("POST", "/datasets/d1/scientific_metadata")
