"""The API v3 identity checks, and the seed-era registry names' signatures on `client.v3`."""

from __future__ import annotations

import inspect

import pytest

from pycrucible import CrucibleClient, NotFoundError
from pycrucible._v3.client import CrucibleClientV3
from pycrucible._v3.identity import (
    check_email,
    check_mfid,
    check_new_slug,
    check_orcid,
    check_user_id,
    check_user_ref,
    check_username,
    exactly_one,
    slug_from_name,
)
from pycrucible.errors import AmbiguousMatchError

MFID = "0tbgz0v9pkfqs5e2xg2e1wn3y8"


def test_mfid_and_orcid() -> None:
    assert check_mfid(MFID, "x") == MFID
    assert check_orcid("0000-0002-1825-009X", "x") == "0000-0002-1825-009X"
    for bad in (MFID.upper(), MFID[:-1], MFID[:-1] + "u", 7, None):
        with pytest.raises(ValueError, match="MFID"):
            check_mfid(bad, "x")
    for bad in ("0000-0002-1825-00", "0000-0002-1825-009x", "0000000218250097"):
        with pytest.raises(ValueError, match="ORCID"):
            check_orcid(bad, "x")
    assert check_user_id(MFID, "u") == MFID
    with pytest.raises(ValueError, match="ORCID or a user MFID"):
        check_user_id("uma", "u")


def test_new_slugs() -> None:
    for good in ("abc", "MFP08540", "demo-microscope", "a_b-c", "x" * 25):
        assert check_new_slug(good, "s") == good
    for bad in ("ab", "-abc", "_abc", "a b c", "x" * 26, "a/bc", "", 12):
        with pytest.raises(ValueError, match="3 to 25"):
            check_new_slug(bad, "s")


def test_usernames_are_normalised_and_checked() -> None:
    assert check_username("  Uma ") == "uma"
    assert check_username("lab-bot_2") == "lab-bot_2"
    for bad in ("um", "2uma", "uma--x", "uma_", "ü-ma", "x" * 25, 5):
        with pytest.raises(ValueError, match="username"):
            check_username(bad)


def test_user_references_are_classified() -> None:
    assert check_user_ref("0000-0002-1825-0097", "u") == ("id", "0000-0002-1825-0097")
    assert check_user_ref(MFID, "u") == ("id", MFID)
    assert check_user_ref("Ada.Admin@example.org", "u") == ("email", "Ada.Admin@example.org")
    assert check_user_ref(" Ada ", "u") == ("username", "ada")
    for bad in ("Jane Doe", "a@b@c", "", None):
        with pytest.raises(ValueError, match="u must be"):
            check_user_ref(bad, "u")
    with pytest.raises(ValueError, match="e-mail"):
        check_email("no at sign")


def test_exactly_one() -> None:
    assert exactly_one(["a"], 1, "thing", "hint") == "a"
    assert exactly_one(["a"], None, "thing", "hint") == "a"
    with pytest.raises(NotFoundError, match="thing not found"):
        exactly_one([], 0, "thing", "hint")
    with pytest.raises(AmbiguousMatchError, match="2 records match thing; hint"):
        exactly_one(["a", "b"], 2, "thing", "hint")
    with pytest.raises(AmbiguousMatchError, match="3 records"):
        exactly_one(["a"], 3, "thing", "hint")  # the total counts, not the page


def test_slugs_made_from_instrument_names() -> None:
    assert slug_from_name("Titan 80-300 TEM") == "titan-80-300-tem"
    assert slug_from_name("  X-ray / Diffractometer #2 ") == "x-ray-diffractometer-2"
    made = slug_from_name("A very long instrument name that goes on")
    assert len(made) <= 25
    assert check_new_slug(made, "s") == made
    with pytest.raises(ValueError, match="instrument_id="):
        slug_from_name("Ω!")


REGISTRY_NAMES = (
    "list_instruments",
    "get_instrument",
    "get_or_add_instrument",
    "list_projects",
    "get_project",
    "get_or_add_project",
    "add_project",
    "get_project_users",
    "add_user_to_project",
    "get_user",
    "get_user_by_email",
    "add_user",
    "get_or_add_user",
    "whoami",
)
PER_CALL = {"self", "timeout", "extra_headers"}


@pytest.mark.parametrize("name", REGISTRY_NAMES)
def test_v3_aliases_accept_the_seed_calls(name: str) -> None:
    seed = inspect.signature(getattr(CrucibleClient, name)).parameters
    v3 = inspect.signature(getattr(CrucibleClientV3, name)).parameters
    positional = (inspect.Parameter.POSITIONAL_OR_KEYWORD, inspect.Parameter.POSITIONAL_ONLY)
    seed_order = [p for p, v in seed.items() if v.kind in positional and p not in PER_CALL]
    v3_order = [p for p, v in v3.items() if v.kind in positional and p != "self"]
    assert v3_order[: len(seed_order)] == seed_order
    # Every seed keyword is taken (a seed `**kwargs` is not a keyword: v3 has `**options`).
    named = {p for p, v in seed.items() if v.kind is not inspect.Parameter.VAR_KEYWORD}
    assert named - PER_CALL <= set(v3)
    assert getattr(CrucibleClientV3, name).__doc__
