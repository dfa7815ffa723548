"""The demo journey on API v3: what runs today, and what waits for seed functions on v3."""

from __future__ import annotations

import pytest

from pycrucible import CrucibleClient
from pycrucible._demo import missing_on_v3, run_demo
from pycrucible._v3.client import CrucibleClientV3

# The steps whose seed functions are on API v3 already: they must run.
RUNS_ON_V3_TODAY = {1, 3, 4, 6, 9}


def test_missing_on_v3_asks_the_v3_client(user: CrucibleClient) -> None:
    assert missing_on_v3(user, "get_dataset", "get_dataset(include_metadata=)") == []
    assert missing_on_v3(user, "get_dataset(no_such_argument=)") == [
        "get_dataset(no_such_argument=)"
    ]
    assert missing_on_v3(user, "no_such_function") == ["no_such_function"]


def test_the_journey_on_v3() -> None:
    lines: list[str] = []
    result = run_demo(lines.append)
    assert result.api_version == "v3"
    assert set(result.ran) >= RUNS_ON_V3_TODAY
    assert set(result.ran).isdisjoint(result.waiting)
    assert set(result.ran) | set(result.waiting) == set(range(1, 11))
    for waiting in result.waiting.values():
        for call in waiting:
            name, _, argument = call.partition("(")
            # Only what the v3 client truly lacks is waited for.
            assert argument or not hasattr(CrucibleClientV3, name), call
    assert "SciCat sync is not part of API v3" in lines[5]
    assert len(lines) == 11
    if not result.waiting:
        assert "every step of the journey worked" in lines[-1]
    for number, waiting in result.waiting.items():
        assert lines[number - 1] == f"{number}. (waits for {', '.join(waiting)} on API v3: not run)"
        assert all(call in lines[-1] for call in waiting)


def test_an_unknown_api_version_is_refused_before_anything_starts() -> None:
    lines: list[str] = []
    with pytest.raises(ValueError, match="api_version must be one of"):
        run_demo(lines.append, "v2")
    assert lines == []
