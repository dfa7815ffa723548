"""The seed-era access names on API v3 take the seed-era calls (same order, names, defaults)."""

from __future__ import annotations

import inspect

import pytest

from pycrucible._resources.access import Access as AccessV1
from pycrucible._v3.client import CrucibleClientV3

ALIASED = [
    "get_dataset_access_groups",
    "add_dataset_access_group",
    "get_user_access_groups",
    "add_user_to_access_group",
    "remove_user_from_access_group",
    "get_user_dataset_access",
]


def seed_parameters(function: object) -> list[inspect.Parameter]:
    """The parameters a seed-era call may pass (not self, nor the per-call options)."""
    assert callable(function)
    return [
        p
        for p in inspect.signature(function).parameters.values()
        if p.name != "self"
        and p.kind is not inspect.Parameter.VAR_KEYWORD
        and p.name not in ("timeout", "extra_headers")
    ]


@pytest.mark.parametrize("name", ALIASED)
def test_v3_alias_takes_the_seed_call(name: str) -> None:
    seed = seed_parameters(getattr(AccessV1, name))
    v3 = seed_parameters(getattr(CrucibleClientV3, name))
    assert [(p.name, p.default) for p in v3[: len(seed)]] == [(p.name, p.default) for p in seed]
    positional = (inspect.Parameter.POSITIONAL_OR_KEYWORD, inspect.Parameter.POSITIONAL_ONLY)
    assert all(p.kind in positional for p in v3[: len(seed)])
    assert all(p.default is not inspect.Parameter.empty for p in v3[len(seed) :])


def test_every_seed_access_name_exists_on_v3() -> None:
    seed_names = {n for n, _ in inspect.getmembers(AccessV1, inspect.isfunction) if n[0] != "_"}
    assert seed_names <= {*ALIASED, "get_user_datasets"}
    assert all(callable(getattr(CrucibleClientV3, name)) for name in seed_names)
