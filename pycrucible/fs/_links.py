"""Signed download links of `CrucibleFileSystem`, cached and renewed before they expire.

A link's expiry comes, in this order, from what the API said with it (`expires_in`, seconds),
from the URL itself (`expires=` Unix seconds as the local server signs them; `X-Goog-Date` +
`X-Goog-Expires` or `X-Amz-Date` + `X-Amz-Expires` of V4 signatures; `Expires=` Unix seconds of
older signatures), else the API's documented lifetime of one hour from when it was fetched. A
cached link is used until `margin` seconds before its expiry (at most a quarter of its life),
then fetched again; a link that storage refuses is dropped (`forget`) and fetched again once by
the caller.
"""

from __future__ import annotations

import threading
import time
from calendar import timegm
from collections.abc import Callable, Hashable
from urllib.parse import parse_qsl, urlsplit

import attrs

from pycrucible._redact import get_logger

__all__ = ["DEFAULT_LIFETIME", "Link", "LinkCache", "link_expiry"]

log = get_logger("fs")

DEFAULT_LIFETIME = 3600.0
"""Seconds a signed link lasts when neither the API nor the URL says (the API's one hour)."""

REFRESH_MARGIN = 60.0
"""Seconds before its expiry that a cached link is renewed (at most a quarter of its life)."""


@attrs.frozen
class Link:
    """One signed URL and when it stops working.

    Attributes:
        url: The signed URL (no API key in it, none needed).
        fetched_at: Unix seconds when the API gave it.
        expires_at: Unix seconds when storage stops accepting it.
    """

    url: str
    fetched_at: float
    expires_at: float

    def fresh(self, now: float, margin: float = REFRESH_MARGIN) -> bool:
        """Whether the link may still be used at `now` (Unix seconds)."""
        life = max(0.0, self.expires_at - self.fetched_at)
        return now < self.expires_at - min(margin, life / 4)


def _v4_expiry(query: dict[str, str], date_key: str, expires_key: str) -> float | None:
    stamp, seconds = query.get(date_key), query.get(expires_key)
    if stamp is None or seconds is None:
        return None
    try:
        start = timegm(time.strptime(stamp, "%Y%m%dT%H%M%SZ"))
        return float(start + int(seconds))
    except ValueError:
        return None


def link_expiry(url: str, fetched_at: float, expires_in: object = None) -> float:
    """When a signed link expires, in Unix seconds (see the module docstring for the sources).

    Args:
        url: The signed URL.
        fetched_at: Unix seconds when the API gave it.
        expires_in: The lifetime the API sent with it, in seconds, if any.

    Returns:
        The expiry time in Unix seconds.
    """
    if isinstance(expires_in, int | float) and not isinstance(expires_in, bool):
        return fetched_at + float(expires_in)
    query = {key.lower(): value for key, value in parse_qsl(urlsplit(url).query)}
    for date_key, expires_key in (
        ("x-goog-date", "x-goog-expires"),
        ("x-amz-date", "x-amz-expires"),
    ):
        found = _v4_expiry(query, date_key, expires_key)
        if found is not None:
            return found
    raw = query.get("expires")
    if raw is not None:
        try:
            return float(int(raw))
        except ValueError:
            pass
    return fetched_at + DEFAULT_LIFETIME


class LinkCache:
    """Signed links by key (a file, or a whole dataset on the seed-era API), renewed in time.

    Thread-safe: Dask and fsspec read from several threads.

    Args:
        clock: Unix seconds now (tests pass a fake).
        margin: Seconds before expiry that a link is renewed (at most a quarter of its life).
    """

    def __init__(
        self, clock: Callable[[], float] = time.time, margin: float = REFRESH_MARGIN
    ) -> None:
        self.clock = clock
        self.margin = margin
        self.fetches = 0
        self._links: dict[Hashable, Link] = {}
        self._lock = threading.Lock()

    def get(self, key: Hashable, fetch: Callable[[], dict[Hashable, Link]]) -> Link:
        """The cached link of `key`, or a new one from `fetch` when none is fresh.

        Args:
            key: What the link is for.
            fetch: Asks the API; returns new links by key (it may give several at once).

        Returns:
            A link that was fresh when checked.

        Raises:
            KeyError: `fetch` gave no link for `key`.
        """
        with self._lock:
            link = self._links.get(key)
        if link is not None and link.fresh(self.clock(), self.margin):
            return link
        if link is not None:
            log.debug("signed link of %r is about to expire; asking for a new one", key)
        fetched = fetch()
        self.fetches += 1
        with self._lock:
            self._links.update(fetched)
        return fetched[key]

    def put(self, links: dict[Hashable, Link]) -> None:
        """Keeps links the API gave along with something else (a dataset's file list)."""
        with self._lock:
            self._links.update(links)

    def forget(self, key: Hashable) -> None:
        """Drops the link of `key` (storage refused it), so the next `get` fetches anew."""
        with self._lock:
            self._links.pop(key, None)

    def clear(self) -> None:
        """Drops every cached link."""
        with self._lock:
            self._links.clear()
