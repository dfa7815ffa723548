"""Signed-link expiry and renewal of `CrucibleFileSystem` (its own logic, no network)."""

from __future__ import annotations

from collections.abc import Hashable

import pytest

pytest.importorskip("fsspec")

from pycrucible.fs import CrucibleFileSystem
from pycrucible.fs._links import DEFAULT_LIFETIME, Link, LinkCache, link_expiry


def test_expiry_from_the_api_then_the_url_then_the_default() -> None:
    url = "https://storage.example/x?expires=2000&signature=ab"
    assert link_expiry(url, 1000.0, expires_in=60) == 1060.0
    assert link_expiry(url, 1000.0) == 2000.0
    goog = "https://s.example/o?X-Goog-Date=20260101T000000Z&X-Goog-Expires=900&X-Goog-Signature=f"
    assert link_expiry(goog, 0.0) == 1767225600.0 + 900
    amz = "https://s.example/o?X-Amz-Date=20260101T000000Z&X-Amz-Expires=30"
    assert link_expiry(amz, 0.0) == 1767225600.0 + 30
    assert link_expiry("https://s.example/o?expires=soon", 5.0) == 5.0 + DEFAULT_LIFETIME
    assert link_expiry("https://s.example/o", 5.0, expires_in=True) == 5.0 + DEFAULT_LIFETIME


def test_a_link_is_renewed_before_it_expires() -> None:
    now = [1000.0]
    cache = LinkCache(clock=lambda: now[0], margin=60)
    made: list[float] = []

    def fetch() -> dict[Hashable, Link]:
        made.append(now[0])
        return {"f": Link(f"u{len(made)}", now[0], now[0] + 3600)}

    assert cache.get("f", fetch).url == "u1"
    now[0] += 3500  # 100 s left: still used
    assert cache.get("f", fetch).url == "u1"
    now[0] += 50  # 50 s left, under the 60 s margin: renewed
    assert cache.get("f", fetch).url == "u2"
    cache.forget("f")
    assert cache.get("f", fetch).url == "u3"
    assert cache.fetches == 3


def test_short_lived_links_keep_three_quarters_of_their_life() -> None:
    link = Link("u", fetched_at=0.0, expires_at=8.0)
    assert link.fresh(5.9)
    assert not link.fresh(6.0)


def test_paths_lose_the_protocol_and_slashes() -> None:
    strip = CrucibleFileSystem._strip_protocol
    assert strip("crucible://abc/raw/x.h5") == "abc/raw/x.h5"
    assert strip("crucible://abc/") == "abc"
    assert strip("/abc/x") == "abc/x"
    assert strip(["crucible://a/b", "c"]) == ["a/b", "c"]


def test_no_key_anywhere_is_a_clear_error_before_any_request(clean_env: object) -> None:
    with pytest.raises(ValueError, match="CRUCIBLE_API_KEY"):
        CrucibleFileSystem("http://127.0.0.1:9", api_version="v3", skip_instance_cache=True)


def test_the_key_stays_out_of_options_token_and_pickle(clean_env: object) -> None:
    import pickle

    secret = "not-a-real-key-7f3a9c"
    fs = CrucibleFileSystem("http://127.0.0.1:9", api_key=secret, api_version="v3")
    assert fs.storage_options == {"api_version": "v3"}
    assert fs.storage_args == ("http://127.0.0.1:9",)
    assert secret not in str(fs._fs_token)
    assert secret not in repr(fs)
    assert secret.encode() not in pickle.dumps(fs)
    again = CrucibleFileSystem("http://127.0.0.1:9", api_key=secret, api_version="v3")
    assert again is not fs  # explicit keys are never served from the instance cache
    fs.close()
    again.close()


def test_a_closed_filesystem_is_not_handed_out_again(
    clean_env: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CRUCIBLE_API_KEY", "not-a-real-key-0b1c")
    first = CrucibleFileSystem("http://127.0.0.1:9", api_version="v3")
    assert CrucibleFileSystem("http://127.0.0.1:9", api_version="v3") is first
    first.close()
    second = CrucibleFileSystem("http://127.0.0.1:9", api_version="v3")
    assert second is not first
    assert not second.client.closed
    second.close()
