"""Where `CrucibleFileSystem` gets a dataset's files and their signed links, per API version.

* API v3 (`V3Source`): every file is its own record (`GET /datasets/{mfid}/files`); each stored
  and ingested file has its own signed link (`GET /files/{mfid}/download_link`), fetched when it
  is first read. Names are the records' `filename`, which may contain folders (`raw/a.h5`).
* Seed era (`V1Source`): the dataset's signed links come together
  (`GET /datasets/{dsid}/download_links`, keys `<dsid>/<path>`); names are those paths. Sizes
  and SHA-256 come from the associated-file records that match a path (by path, else by base
  name). Only stored files (those with a link) are listed: a record without bytes cannot be
  read.

The API key goes to the API only (the client's `api` connection); signed links are read
through its key-less `storage` connection.
"""

from __future__ import annotations

import time
from collections.abc import Hashable
from typing import Any, Protocol

import attrs
import httpx

from pycrucible._client import CrucibleClient
from pycrucible._transfers.paths import matching_records, strip_dataset_prefix
from pycrucible.errors import NotFoundError
from pycrucible.fs._links import Link, link_expiry

__all__ = ["Entry", "Source", "V1Source", "V3Source", "source_for"]

# Time fields a file record may carry (none of them is in the contracts yet).
_TIME_FIELDS = ("created", "created_at", "creation_time", "updated_at", "modified_at", "mtime")


@attrs.frozen
class Entry:
    """One file of a dataset, as the records describe it.

    Attributes:
        dsid: The dataset's MFID.
        name: Its path inside the dataset (`raw/a.h5`).
        size: Bytes, when recorded.
        sha256: Lowercase hex SHA-256, when recorded.
        key: What its signed link is cached under.
        file_mfid: The file record's MFID (API v3 only).
        times: Time fields of the record, as the API gave them.
    """

    dsid: str
    name: str
    size: int | None
    sha256: str | None
    key: Hashable
    file_mfid: str | None = None
    times: dict[str, Any] = attrs.field(factory=dict)


class Source(Protocol):
    """What the filesystem needs of one API version."""

    version: str

    def entries(self, dsid: str) -> tuple[list[Entry], dict[Hashable, Link]]:
        """The dataset's files, and any signed links that came with them (by `Entry.key`).

        Raises:
            NotFoundError: No such dataset, or it is hidden from you.
        """
        ...

    def links(self, entry: Entry) -> dict[Hashable, Link]:
        """New signed links, at least the one of `entry` (by `Entry.key`).

        Raises:
            NotFoundError: The file has no link (not stored or not ingested yet).
        """
        ...


def _digest(value: Any) -> str | None:
    return value.lower() if isinstance(value, str) and value else None


def _size(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


class V3Source:
    """API v3: file records and per-file signed links."""

    version = "v3"

    def __init__(self, client: CrucibleClient) -> None:
        self._files = client.v3.files

    def entries(self, dsid: str) -> tuple[list[Entry], dict[Hashable, Link]]:
        found = []
        for record in self._files.list(dsid):
            if not isinstance(record.filename, str) or not record.filename:
                continue
            extra = record.additional_properties
            found.append(
                Entry(
                    dsid=dsid,
                    name=record.filename.strip("/"),
                    size=_size(record.size),
                    sha256=_digest(record.sha256_hash),
                    key=record.mfid,
                    file_mfid=record.mfid,
                    times={k: extra[k] for k in _TIME_FIELDS if k in extra},
                )
            )
        return found, {}

    def links(self, entry: Entry) -> dict[Hashable, Link]:
        assert entry.file_mfid is not None
        now = time.time()
        link = self._files.link(entry.file_mfid)
        expiry = link_expiry(link.url, now, link.additional_properties.get("expires_in"))
        return {entry.key: Link(link.url, now, expiry)}


class V1Source:
    """The seed-era API: a dataset's signed links at once, sizes from its file records."""

    version = "v1"

    def __init__(self, client: CrucibleClient) -> None:
        self._files = client.files
        self._base = httpx.URL(client.api_url.rstrip("/") + "/")

    def _links(self, dsid: str) -> dict[Hashable, Link]:
        now = time.time()
        try:
            answer = self._files.get_dataset_download_links(dsid)
        except NotFoundError:
            return {}  # the seed-era API's answer for a dataset without stored files
        links: dict[Hashable, Link] = {}
        for key, url in answer.items():
            name = strip_dataset_prefix(key, dsid).strip("/")
            full = str(self._base.join(url))  # some servers give links relative to the API
            links[(dsid, name)] = Link(full, now, link_expiry(full, now))
        return links

    def entries(self, dsid: str) -> tuple[list[Entry], dict[Hashable, Link]]:
        by_name: dict[str, list[Any]] = {}
        for record in self._files.get_associated_files(dsid):
            by_name.setdefault(record.filename, []).append(record)
        links = self._links(dsid)
        found = []
        for key in sorted(links, key=str):
            assert isinstance(key, tuple)
            name = key[1]
            records = [r for n in matching_records(name, by_name) for r in by_name[n]]
            sizes = {s for s in (_size(r.size) for r in records) if s is not None}
            digests = {d for d in (_digest(r.sha256_hash) for r in records) if d is not None}
            found.append(
                Entry(
                    dsid=dsid,
                    name=name,
                    size=sizes.pop() if len(sizes) == 1 else None,
                    sha256=digests.pop() if len(digests) == 1 else None,
                    key=key,
                )
            )
        return found, links

    def links(self, entry: Entry) -> dict[Hashable, Link]:
        links = self._links(entry.dsid)
        if entry.key not in links:
            raise NotFoundError(
                f"{entry.dsid}/{entry.name} has no download link (it is no longer stored)",
                status_code=404,
                detail="no download link",
            )
        return links


def source_for(client: CrucibleClient) -> Source:
    """The source for the API version the client's server speaks (asked once when unknown)."""
    if client.api_version == "v3":
        return V3Source(client)
    return V1Source(client)
