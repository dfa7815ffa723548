"""Property: records parse whatever the server adds, and give back exactly what they were given.

Strategies are derived from each generated model's type hints, so every record class of
`crucible_openapi.v1.models` is covered and a regenerated model is covered without edits. For a
random record with random unknown fields (also inside nested records):

* `to_dict()` of `from_dict(wire)` is `wire`, unknown fields and nested ones included;
* the dict-style view pycrucible adds (`record[key]`, `in`, `keys()`) reads the same data;
* statuses are free text: any value, known or not, survives, and the wait treats every status it
  does not know as final instead of polling forever;
* a date the client cannot parse is kept verbatim; one it can parse keeps its instant.
"""

from __future__ import annotations

import datetime
import inspect
import types
import typing
from collections.abc import Mapping
from typing import Any

import attrs
import crucible_openapi.v1.models as models
import pytest
from _property_strategies import JSON
from crucible_openapi.v1.models import ProcessingRequest
from crucible_openapi.v1.types import UNSET, Unset
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import pycrucible  # noqa: F401 - installs the dict-style view on the records
from pycrucible._records import as_record
from pycrucible._wait import statuses, wait_for_request
from pycrucible.errors import RequestFailedError

EXAMPLES = settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])

ZONES = st.sampled_from(
    [None, datetime.UTC, datetime.timezone(datetime.timedelta(hours=-7, minutes=-30))]
)
EXTRA_KEYS = st.text(min_size=1, max_size=10).map(lambda text: "extra_" + text)

RECORDS = sorted(
    (
        cls
        for _, cls in inspect.getmembers(models, inspect.isclass)
        if attrs.has(cls) and hasattr(cls, "from_dict") and cls.__name__ != "UploadFilesBody"
    ),
    key=lambda cls: cls.__name__,
)


def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls, localns=vars(models))


def strategy_for(hint: Any) -> st.SearchStrategy[Any]:
    """A strategy for values of one annotated field type."""
    origin = typing.get_origin(hint)
    if hint is Unset:
        return st.just(UNSET)
    if hint is type(None):
        return st.none()
    if origin in (types.UnionType, typing.Union):
        return st.one_of([strategy_for(arg) for arg in typing.get_args(hint)])
    if origin is list:
        return st.lists(strategy_for(typing.get_args(hint)[0]), max_size=2)
    if hint is Any:
        return JSON
    simple: dict[Any, st.SearchStrategy[Any]] = {
        str: st.text(max_size=16),
        int: st.integers(),
        bool: st.booleans(),
        float: st.floats(allow_nan=False, allow_infinity=False),
        datetime.datetime: st.datetimes(timezones=ZONES),
    }
    if hint in simple:
        return simple[hint]
    if attrs.has(hint):
        return records(hint)
    raise NotImplementedError(f"no strategy for {hint!r}")


def records(cls: type) -> st.SearchStrategy[Any]:
    """Random instances of a generated record class, with random unknown fields."""
    hints = _hints(cls)
    fields = {
        field.name: strategy_for(hints[field.name])
        for field in attrs.fields(cls)
        if field.name != "additional_properties"
    }
    extra_value = strategy_for(typing.get_args(hints["additional_properties"])[1])
    extras = st.dictionaries(EXTRA_KEYS, extra_value, max_size=3)

    def build(values: dict[str, Any], unknown: dict[str, Any]) -> Any:
        record = cls(**values)
        record.additional_properties = dict(unknown)
        return record

    return st.builds(build, st.fixed_dictionaries(fields), extras)


@pytest.mark.parametrize("cls", RECORDS, ids=lambda cls: cls.__name__)
@EXAMPLES
@given(data=st.data())
def test_wire_form_survives_a_parse(cls: type, data: st.DataObject) -> None:
    wire = data.draw(records(cls)).to_dict()
    parsed = cls.from_dict(wire)  # type: ignore[attr-defined]
    assert parsed.to_dict() == wire
    assert parsed.from_dict(parsed.to_dict()).to_dict() == wire


@pytest.mark.parametrize("cls", RECORDS, ids=lambda cls: cls.__name__)
@EXAMPLES
@given(data=st.data())
def test_dict_view_reads_the_same_data(cls: type, data: st.DataObject) -> None:
    wire = data.draw(records(cls)).to_dict()
    parsed: Any = as_record(cls.from_dict(wire))  # type: ignore[attr-defined]
    assert list(parsed.keys()) == list(wire)
    for key, value in wire.items():
        assert key in parsed
        assert parsed[key] == value
        assert parsed.get(key) == value
    assert parsed.get("extra_surely_absent", "default") == "default"


def _request(status: str, **extra: Any) -> dict[str, Any]:
    return {"id": 7, "status": status, "dataset_id": "0tbhprop000000000000000000", **extra}


@EXAMPLES
@given(status=st.text(max_size=30), unknown=st.dictionaries(EXTRA_KEYS, JSON, max_size=3))
def test_any_status_survives_and_only_finished_ones_end_the_wait(
    status: str, unknown: Mapping[str, Any]
) -> None:
    wire = _request(status, **unknown)
    record = as_record(ProcessingRequest.from_dict(wire))
    assert record.status == status
    assert record["status"] == status
    assert record.to_dict() == wire

    polls: list[int] = []

    def poll() -> ProcessingRequest:
        polls.append(1)
        if len(polls) > 3:
            return ProcessingRequest.from_dict(_request("complete"))
        return ProcessingRequest.from_dict(wire)

    outcome = wait_for_request(
        poll,
        what="request 7",
        interval=1,
        timeout=100,
        raise_on_failure=False,
        sleep=lambda seconds: None,
        clock=lambda: 0.0,
    )
    known = statuses()
    normal = status.strip().lower()
    if normal not in known.success and normal not in known.failure:  # pending, or unknown
        assert outcome.status == "complete"
        assert len(polls) == 4
    else:
        assert outcome.to_dict() == wire  # returned as it came, unknown fields and all
        assert len(polls) == 1
        if normal not in known.success:
            with pytest.raises(RequestFailedError) as caught:
                wait_for_request(
                    lambda: ProcessingRequest.from_dict(wire),
                    what="request 7",
                    interval=1,
                    timeout=100,
                    raise_on_failure=True,
                    sleep=lambda seconds: None,
                    clock=lambda: 0.0,
                )
            assert caught.value.request.to_dict() == wire


UNPARSEABLE_DATES = st.one_of(
    st.text(max_size=20).filter(lambda text: not _parses(text)),
    st.sampled_from(["yesterday", "2025-13-45T00:00:00", "15/10/2025 09:30", ""]),
)


def _parses(text: str) -> bool:
    try:
        datetime.datetime.fromisoformat(text)
    except ValueError:
        return False
    return True


@EXAMPLES
@given(when=UNPARSEABLE_DATES)
def test_a_date_the_client_cannot_read_is_kept_verbatim(when: str) -> None:
    wire = _request("complete", time_requested=when)
    assert ProcessingRequest.from_dict(wire).to_dict() == wire


@EXAMPLES
@given(
    when=st.datetimes(timezones=ZONES),
    spelling=st.sampled_from(["T", " "]),
    zulu=st.booleans(),
)
def test_a_date_the_client_reads_keeps_its_instant(
    when: datetime.datetime, spelling: str, zulu: bool
) -> None:
    text = when.isoformat(sep=spelling)
    if zulu and when.tzinfo is datetime.UTC:
        text = text.replace("+00:00", "Z")
    record = ProcessingRequest.from_dict(_request("complete", time_completed=text))
    assert isinstance(record.time_completed, datetime.datetime)
    back = datetime.datetime.fromisoformat(record.to_dict()["time_completed"])
    assert back == when
    assert back.utcoffset() == when.utcoffset()
