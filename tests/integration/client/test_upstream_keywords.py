"""The upstream pycrucible's keyword names and argument orders for seed functions, on both
API versions (users moving to pycrucible keep their calls as written)."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from pycrucible import CrucibleClient, UnsupportedByServerError
from pycrucible.testing import LocalCrucible

_NUMBERS = itertools.count(1)


def _orcid() -> str:
    return f"0000-0003-{next(_NUMBERS):04d}-000X"


@pytest.fixture(scope="module", params=["v1", "v3"])
def admin_any(
    request: pytest.FixtureRequest, server: LocalCrucible, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[CrucibleClient]:
    version = request.param
    url = server.url if version == "v1" else server.url_v3
    state = tmp_path_factory.mktemp(f"upstream-kw-{version}")
    with CrucibleClient(url, server.admin_key, api_version=version, state_dir=state) as client:
        yield client


def _new_dataset(client: CrucibleClient, name: str) -> str:
    made: Any = client.create_dataset(dataset_name=name)
    dsid: str = made["unique_id"]
    return dsid


def test_dataset_lineage_with_the_upstream_keywords(admin_any: CrucibleClient) -> None:
    parent = _new_dataset(admin_any, "kw parent")
    child = _new_dataset(admin_any, "kw child")
    admin_any.link_datasets(parent_dataset_id=parent, child_dataset_id=child)
    children = admin_any.list_children_of_dataset(parent_dataset_id=parent)
    assert [c["unique_id"] for c in children] == [child]
    with pytest.raises(ValueError, match="not both"):
        admin_any.list_children_of_dataset(parent, parent_dataset_id=child)
    with pytest.raises(ValueError, match="needs the dataset"):
        admin_any.list_children_of_dataset()


def test_add_sample_takes_creation_date(admin_any: CrucibleClient) -> None:
    sample = admin_any.add_sample(
        sample_name="dated", creation_date="2025-01-02T03:04:05+00:00", owner_id=None
    )
    back = admin_any.get_sample(sample["unique_id"])
    stored = back.get("date_created") or back.get("timestamp")
    assert isinstance(stored, str)
    assert stored.startswith("2025-01-02T03:04:05")
    with pytest.raises(ValueError, match="not both"):
        admin_any.add_sample(
            sample_name="twice", date_created="2025-01-01", creation_date="2025-02-02"
        )


def test_add_sample_owner_id(admin_any: CrucibleClient) -> None:
    if admin_any.api_version == "v1":
        sample = admin_any.add_sample(sample_name="owned", owner_id=1)
        assert sample["owner_user_id"] == 1
    else:
        with pytest.raises(UnsupportedByServerError, match="owner_orcid"):
            admin_any.add_sample(sample_name="owned", owner_id=1)


def test_get_or_add_instrument_takes_instrument_owner(
    admin_any: CrucibleClient, server: LocalCrucible
) -> None:
    name = f"kw-scope-{next(_NUMBERS)}"
    # v1 stores the owner as text; v3 takes a user.
    owner = "Foundry staff" if admin_any.api_version == "v1" else server.admin_orcid
    made = admin_any.get_or_add_instrument(name, "bay 7", instrument_owner=owner)
    assert made["instrument_name"] == name
    assert admin_any.get_or_add_instrument(name)["unique_id"] == made["unique_id"]
    with pytest.raises(ValueError, match="not both"):
        admin_any.get_or_add_instrument(f"{name}-b", "bay 8", "a", instrument_owner="b")


def test_get_or_add_user_takes_get_user_info_function(admin_any: CrucibleClient) -> None:
    orcid = _orcid()
    number = orcid.split("-")[2]
    seen: list[tuple[str, dict[str, Any]]] = []

    def lookup(who: str, **extra: Any) -> dict[str, Any]:
        seen.append((who, extra))
        info = {"orcid": who, "first_name": "Ada", "last_name": "Upstream"}
        if admin_any.api_version == "v1":
            return {**info, "email": f"ada{number}@example.org", "projects": ["LOCAL-DEMO"]}
        return {**info, "username": f"ada{number}", "projects": ["LOCAL-DEMO"]}

    if admin_any.api_version == "v1":
        made = admin_any.get_or_add_user(orcid, get_user_info_function=lookup, site="lbl")
        assert seen == [(orcid, {"site": "lbl"})]
    else:
        made = admin_any.get_or_add_user(orcid, get_user_info_function=lookup)
        assert seen == [(orcid, {})]
    assert (made.get("orcid") or made["unique_id"]) == orcid  # v3 users: the ORCID is the id
    team = admin_any.get_project_users("LOCAL-DEMO")
    in_project = {u.get("orcid") or u["unique_id"] for u in team}
    assert orcid in in_project  # the `projects` list of the upstream user info was used
    admin_any.get_or_add_user(orcid, get_user_info_function=lookup)
    assert len(seen) == 1  # known now: the function is not called again
    with pytest.raises(ValueError, match="found none"):
        admin_any.get_or_add_user(_orcid(), get_user_info_function=lambda *_, **__: None)


def test_add_user_to_project_in_the_upstream_order(admin_any: CrucibleClient) -> None:
    orcid = _orcid()
    number = orcid.split("-")[2]
    info: dict[str, Any] = {"orcid": orcid, "first_name": "Bo", "last_name": "Order"}
    if admin_any.api_version == "v1":
        admin_any.add_user({**info, "email": f"bo{number}@example.org"})
    else:
        admin_any.add_user({**info, "username": f"bo{number}"})
    team = admin_any.add_user_to_project(orcid, "LOCAL-DEMO")  # the upstream order
    assert orcid in {m.get("orcid") or m.get("unique_id") for m in team}


def test_get_keywords_of_a_dataset(admin_any: CrucibleClient) -> None:
    dsid = _new_dataset(admin_any, "kw keywords")
    admin_any.add_dataset_keyword(dsid, "perovskite")
    assert [k["keyword"] for k in admin_any.get_keywords(dsid, limit=5)] == ["perovskite"]
    if admin_any.api_version == "v3":
        with pytest.raises(UnsupportedByServerError, match="global keyword list"):
            admin_any.get_keywords()


def test_a_misspelt_keyword_is_refused_on_v3(server: LocalCrucible, tmp_path: Path) -> None:
    # The v3 methods take `**options` (per-call settings): anything else is refused, as Python
    # refuses it for the seed-era methods, instead of being ignored.
    with CrucibleClient(server.url_v3, server.user_key, api_version="v3", state_dir=tmp_path) as c:
        dsid = _new_dataset(c, "kw typo")
        with pytest.raises(TypeError, match="include_metdata"):
            c.v3.datasets.get(dsid, include_metdata=True)  # type: ignore[call-arg]
        with pytest.raises(TypeError, match="dataset_nmae"):
            c.v3.datasets.list(dataset_nmae="x")  # type: ignore[call-arg]
        assert c.v3.datasets.get(dsid, timeout=5).unique_id == dsid  # per-call options pass
