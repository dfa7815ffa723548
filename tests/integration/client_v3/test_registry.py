"""Instruments and projects on API v3, over HTTP: the v3 resources and the seed-era names."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import httpx
import pytest
from crucible_openapi.v3.models import UserPublic

from pycrucible import CrucibleClient, NotFoundError, PermissionDeniedError
from pycrucible.errors import AmbiguousMatchError
from pycrucible.testing import LocalCrucible

_NUMBERS = itertools.count(1)


def _slug(prefix: str) -> str:
    return f"{prefix}-{next(_NUMBERS)}r"


@pytest.fixture(scope="module")
def admin(server: LocalCrucible) -> Iterator[CrucibleClient]:
    """The seed administrator's client on v3 (elevated by the server's default)."""
    with CrucibleClient(server.url_v3, server.admin_key, api_version="v3") as client:
        yield client


# Instruments


def test_create_returns_the_existing_instrument_for_a_known_slug(user: CrucibleClient) -> None:
    slug = _slug("scope")
    made = user.v3.instruments.create(slug, "Scope A", "Building 67", manufacturer="Acme")
    again = user.v3.instruments.create(slug, "Scope A", "Building 67")
    assert again.unique_id == made.unique_id
    assert (made.instrument_id, made["location"], made.manufacturer) == (
        slug,
        "Building 67",
        "Acme",
    )
    assert user.v3.instruments.get(slug.upper()).unique_id == made.unique_id
    assert user.v3.instruments.get(made.unique_id).instrument_id == slug


def test_seed_get_instrument_by_name_and_by_id(user: CrucibleClient) -> None:
    slug = _slug("named")
    made = user.v3.instruments.create(slug, f"Named {slug}", "B2")
    assert user.get_instrument(instrument_name=f"Named {slug}").unique_id == made.unique_id
    assert user.get_instrument(instrument_id=slug)["unique_id"] == made.unique_id
    assert user.get_instrument(None, made.unique_id).instrument_name == f"Named {slug}"
    with pytest.raises(NotFoundError):
        user.get_instrument(instrument_name="no instrument has this name")
    with pytest.raises(ValueError, match="exactly one"):
        user.get_instrument()
    with pytest.raises(ValueError, match="slug or MFID"):
        user.v3.get_instrument(instrument_id=7)  # type: ignore[arg-type]


def test_a_name_two_instruments_share_is_ambiguous(user: CrucibleClient) -> None:
    name = f"Twin {next(_NUMBERS)}"
    first = user.v3.instruments.create(_slug("twin"), name, "B1")
    user.v3.instruments.create(_slug("twin"), name, "B1")
    with pytest.raises(AmbiguousMatchError, match="use its MFID"):
        user.get_instrument(instrument_name=name)
    assert user.get_instrument(instrument_id=first.unique_id).unique_id == first.unique_id


def test_unknown_slug_and_mfid_are_not_found(user: CrucibleClient) -> None:
    with pytest.raises(NotFoundError):
        user.v3.instruments.get("no-such-instrument")
    with pytest.raises(NotFoundError):
        user.v3.instruments.get("01m8t12ayse7frgmd5161281gp")


def test_seed_get_or_add_instrument_registers_once(user: CrucibleClient) -> None:
    name = f"Titan {next(_NUMBERS)} TEM"
    made = user.get_or_add_instrument(name, "Building 72", manufacturer="FEI")
    assert made["instrument_id"] == name.lower().replace(" ", "-")
    assert made["manufacturer"] == "FEI"
    assert user.get_or_add_instrument(name).unique_id == made.unique_id
    with pytest.raises(ValueError, match="location"):
        user.get_or_add_instrument(f"Unknown {next(_NUMBERS)}")


def test_list_instruments_pages_lazily_and_filters_by_status(user: CrucibleClient) -> None:
    maker = f"Maker{next(_NUMBERS)}"
    made = [
        user.v3.instruments.create(_slug("paged"), "Paged", "B3", manufacturer=maker)
        for _ in range(3)
    ]
    pages = user.v3.instruments.list(manufacturer=maker, page_size=2)
    assert sorted(i.unique_id for i in pages) == sorted(m.unique_id for m in made)
    assert pages.count() == 3
    assert len(list(user.v3.instruments.list(manufacturer=maker, limit=1))) == 1
    user.v3.instruments.set_status(made[0].instrument_id or "", "maintenance")
    active = {i.unique_id for i in user.v3.instruments.list(manufacturer=maker)}
    assert made[0].unique_id not in active
    resting = user.v3.instruments.list(status="maintenance", manufacturer=maker).to_list()
    assert [i.unique_id for i in resting] == [made[0].unique_id]
    listed = user.list_instruments()
    assert isinstance(listed, list)  # the seed-era name gives a list, as it did
    assert "demo-microscope" in {i["instrument_id"] for i in listed}


def test_update_and_search_instruments(user: CrucibleClient) -> None:
    slug = _slug("edit")
    made = user.v3.instruments.create(slug, "Before", "B4")
    renamed = _slug("edited")
    after = user.v3.instruments.update(
        slug, instrument_name="Searchable Zeta", instrument_id=renamed
    )
    assert (after.unique_id, after.instrument_id, after.instrument_name) == (
        made.unique_id,
        renamed,
        "Searchable Zeta",
    )
    assert made.unique_id in {i.unique_id for i in user.v3.instruments.search("zeta")}
    with pytest.raises(ValueError, match="owner"):
        user.v3.instruments.update(renamed, owner="uma")
    with pytest.raises(ValueError, match="3 to 25"):
        user.v3.instruments.update(renamed, instrument_id="a b")
    with pytest.raises(ValueError, match="3 characters"):
        user.v3.instruments.search("ze")


def test_bad_instrument_input_fails_before_the_network(user: CrucibleClient) -> None:
    with pytest.raises(ValueError, match="3 to 25"):
        user.v3.instruments.create("x", "X", "B5")
    with pytest.raises(ValueError, match="must be a user"):
        user.v3.instruments.create(_slug("owned"), "Owned", "B5", owner="Jane Doe")
    with pytest.raises(ValueError, match="MFID"):
        user.v3.instruments.bind_service_account("demo-microscope", "robot")


def test_bind_and_unbind_a_service_account(server: LocalCrucible, user: CrucibleClient) -> None:
    made = user.v3.instruments.create(_slug("bound"), "Bound", "B6")
    with httpx.Client(
        base_url=server.url_v3, headers={"Authorization": f"Bearer {server.admin_key}"}
    ) as raw:
        robot = raw.post("/service_accounts", json={"username": f"bot{next(_NUMBERS)}r"}).json()
    bound = user.v3.instruments.bind_service_account(made.instrument_id or "", robot["unique_id"])
    assert [(b.unique_id, b.role) for b in bound] == [(robot["unique_id"], "operator")]
    assert user.v3.instruments.bind_service_account(made.unique_id, robot["unique_id"]) == bound
    listed = user.v3.instruments.service_accounts(made.unique_id)
    assert [b.unique_id for b in listed] == [robot["unique_id"]]
    assert user.v3.instruments.unbind_service_account(made.unique_id, robot["unique_id"]) == []
    with pytest.raises(PermissionDeniedError):
        user.v3.instruments.bind_service_account("demo-microscope", robot["unique_id"])


# Projects


def test_seed_get_project_by_slug_and_mfid(user: CrucibleClient) -> None:
    demo = user.get_project("LOCAL-DEMO")
    assert demo["project_id"] == "LOCAL-DEMO"
    assert demo["role"] == "contributor"
    assert user.v3.projects.get(demo["unique_id"]).project_id == "LOCAL-DEMO"
    with pytest.raises(NotFoundError):
        user.get_project("NO-SUCH-PROJECT")


def test_create_project_led_by_the_caller_and_repeat(
    server: LocalCrucible, user: CrucibleClient
) -> None:
    slug = _slug("P")
    made = user.v3.projects.create(slug, "Molecular Foundry", title="Catalysis")
    assert (made.project_id, made.title, made.role) == (slug, "Catalysis", "owner")
    assert isinstance(made.lead, UserPublic)
    assert made.lead.unique_id == server.user_orcid
    again = user.v3.projects.create(slug, "Molecular Foundry")
    assert again.unique_id == made.unique_id
    with pytest.raises(ValueError, match="3 to 25"):
        user.v3.projects.create("no spaces allowed", "MF")


def test_seed_get_or_add_project_and_add_project(user: CrucibleClient) -> None:
    slug = _slug("MFP")
    made = user.get_or_add_project(slug, "Molecular Foundry", "uma.user@example.org", "T")
    assert (made.project_id, made.title) == (slug, "T")
    assert user.get_or_add_project(slug)["unique_id"] == made["unique_id"]
    assert user.add_project(slug, "Molecular Foundry")["unique_id"] == made["unique_id"]
    with pytest.raises(NotFoundError, match="organization"):
        user.get_or_add_project(_slug("MFP"))


def test_seed_list_projects_yours_and_a_users(server: LocalCrucible, user: CrucibleClient) -> None:
    slug = _slug("listed")
    user.v3.projects.create(slug, "MF")
    projects = user.list_projects()
    assert isinstance(projects, list)
    mine = {p["project_id"]: p["role"] for p in projects}
    assert mine["LOCAL-DEMO"] == "contributor"
    assert mine[slug] == "owner"
    of_user = {p["project_id"]: p["role"] for p in user.list_projects(orcid=server.user_orcid)}
    assert of_user == mine
    by_name = user.v3.projects.list("uma", member_role="owner").to_list()
    assert slug in {p.project_id for p in by_name}
    assert "LOCAL-DEMO" not in {p.project_id for p in by_name}
    assert len(list(user.v3.projects.list(limit=1, page_size=1))) == 1


def test_members_and_their_roles(
    server: LocalCrucible, user: CrucibleClient, admin: CrucibleClient
) -> None:
    number = next(_NUMBERS)
    orcid = f"0000-0002-{number:04d}-000X"
    info = {"username": f"mo{number}", "first_name": "Mo", "last_name": "Member"}
    admin.add_user({**info, "orcid": orcid, "email": f"mo{number}@example.org"})
    slug = _slug("team")
    user.v3.projects.create(slug, "MF")
    team = user.add_user_to_project(slug, orcid)
    assert {(m["unique_id"], m["role"]) for m in team} == {
        (server.user_orcid, "owner"),
        (orcid, "contributor"),
    }
    assert user.add_user_to_project(slug, orcid) == team  # again: harmless
    users = user.get_project_users(slug)
    assert isinstance(users, list)
    roles = {m["unique_id"]: m["role"] for m in users}
    assert roles[orcid] == "contributor"
    changed = user.v3.projects.set_member_role(slug, f"mo{number}@example.org", "editor")
    assert {m.unique_id: m.role for m in changed}[orcid] == "editor"
    left = user.v3.projects.remove_member(slug, orcid)
    assert [m.unique_id for m in left] == [server.user_orcid]
    back = user.v3.projects.add_member(slug, f"MO{number} ", role="viewer")
    assert {m.unique_id: m.role for m in back}[orcid] == "viewer"
    with pytest.raises(ValueError, match="role must be one of"):
        user.v3.projects.add_member(slug, orcid, role="owner")


def test_update_and_search_projects(user: CrucibleClient) -> None:
    slug = _slug("upd")
    user.v3.projects.create(slug, "MF")
    after = user.v3.projects.update(slug, title="Quasar study", status="paused")
    assert (after.title, after.status) == ("Quasar study", "paused")
    assert slug in {p.project_id for p in user.v3.projects.search("quasar")}
    with pytest.raises(ValueError, match="ownership"):
        user.v3.projects.update(slug, project_lead="ada")
