"""Seed-era list names over lazy pages: a list comes back, with the seed-era default limit."""

from __future__ import annotations

from collections.abc import Iterator

from pycrucible._delegate import delegate_list


class Rows:
    def __init__(self) -> None:
        self.calls: list[int | None] = []

    def list(self, prefix: str = "r", limit: int | None = None) -> Iterator[str]:
        self.calls.append(limit)
        count = 250 if limit is None else min(limit, 250)
        return (f"{prefix}{i}" for i in range(count))


class Client:
    list_rows = delegate_list("rows", Rows.list, default_limit=100)
    list_all = delegate_list("rows", Rows.list)

    def __init__(self) -> None:
        self.rows = Rows()


def test_a_list_comes_back_with_the_seed_default_limit() -> None:
    client = Client()
    got = client.list_rows()
    assert isinstance(got, list)
    assert len(got) == 100
    assert client.rows.calls == [100]


def test_a_given_limit_wins_by_keyword_or_position() -> None:
    client = Client()
    assert len(client.list_rows(limit=7)) == 7
    assert len(client.list_rows("x", 3)) == 3
    assert client.list_rows("x", None) == [f"x{i}" for i in range(250)]
    assert client.rows.calls == [7, 3, None]


def test_without_a_default_every_row_comes_back() -> None:
    client = Client()
    assert len(client.list_all()) == 250
    assert client.list_all.__name__ == "list"
