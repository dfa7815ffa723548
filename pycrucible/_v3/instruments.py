"""`client.v3.instruments`: instruments by MFID or slug, registration, status, service accounts."""

from __future__ import annotations

import builtins
from typing import Any, Unpack

from crucible_openapi.v3.api.instruments import (
    create_instrument,
    get_instrument,
    list_instruments,
    search_instruments,
    update_instrument,
)
from crucible_openapi.v3.models import (
    Instrument,
    InstrumentCreate,
    InstrumentOffsetPage,
    InstrumentSearchResults,
)
from crucible_openapi.v3.types import UNSET, Unset

from pycrucible._checks import check_text, one_of
from pycrucible._http import invoke, invoke_idempotent, parse_one
from pycrucible._records import as_record
from pycrucible._redact import get_logger
from pycrucible._v3._base import CallKwargs, opt_text, per_call
from pycrucible._v3._lists import page_limit, read_page, total_of
from pycrucible._v3._refs import check_page_size
from pycrucible._v3._search import check_search
from pycrucible._v3.identity import (
    check_lookup_slug,
    check_new_slug,
    check_user_ref,
    exactly_one,
    is_mfid,
    slug_from_name,
)
from pycrucible._v3.instrument_admin import InstrumentAdmin, instrument_update
from pycrucible._v3.pages import OffsetPages
from pycrucible.errors import ConflictError, NotFoundError, UnprocessableEntityError

__all__ = ["Instruments"]

log = get_logger("client")

PAGE_SIZE = 100


class Instruments(InstrumentAdmin):
    """`client.v3.instruments`: list, get, register, update, set the status of instruments, and
    bind service accounts to them."""

    @per_call
    def list(
        self,
        limit: int | None = None,
        status: str | None = None,
        *,
        page_size: int = PAGE_SIZE,
        manufacturer: str | None = None,
        model: str | None = None,
        location: str | None = None,
        instrument_type: str | None = None,
        **options: Unpack[CallKwargs],
    ) -> OffsetPages[Instrument]:
        """Lists instruments, fetching offset pages as needed.

        Args:
            limit: Stop after this many instruments (None: all of them).
            status: `active` (the server's default), `maintenance` or `decommissioned`.
            page_size: Instruments per request (1 to 1000).
            manufacturer: Only instruments of this manufacturer (exact).
            model: Only instruments of this model (exact).
            location: Only instruments at this location (exact).
            instrument_type: Only instruments of this type (exact).
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=` (every page).

        Returns:
            A lazy iterable of instruments (`for i in ...`, `.count()`, `.to_list()`).

        Raises:
            ValueError: A bad argument (before any request).
        """
        check_page_size(page_size, limit)
        size = page_limit(page_size, limit)
        filters = {
            "status": opt_text(status, "status"),
            "manufacturer": opt_text(manufacturer, "manufacturer"),
            "model": opt_text(model, "model"),
            "location": opt_text(location, "location"),
            "instrument_type": opt_text(instrument_type, "instrument_type"),
        }

        def fetch(offset: int) -> tuple[builtins.list[Instrument], int | None]:
            response = invoke(
                list_instruments.sync_detailed,
                client=self._api,
                status=filters["status"],
                manufacturer=filters["manufacturer"],
                model=filters["model"],
                location=filters["location"],
                instrument_type=filters["instrument_type"],
                limit=size,
                offset=offset,
            )
            page = read_page(response, InstrumentOffsetPage, "instrument list")
            return as_record(page.items), total_of(page.total)

        return OffsetPages(fetch, limit)

    @per_call
    def get(
        self,
        ref: str,
        include_metadata: bool = False,
        include_members: bool = False,
        **options: Unpack[CallKwargs],
    ) -> Instrument:
        """Reads one instrument by MFID or by slug (`instrument_id`, any status).

        Args:
            ref: The instrument's MFID or slug.
            include_metadata: Also return its `scientific_metadata`.
            include_members: Also return its `members` (owner and maintainers; None unless
                you have a role on it).
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=`.

        Raises:
            ValueError: Not an MFID or slug (before any request).
            NotFoundError: No such instrument.
            AmbiguousMatchError: Several instruments have this slug.
        """
        value = check_lookup_slug(ref, "ref")
        metadata = True if include_metadata else UNSET
        members = True if include_members else UNSET
        if is_mfid(value):
            try:
                response = invoke(
                    get_instrument.sync_detailed,
                    value,
                    client=self._api,
                    include_metadata=metadata,
                    include_members=members,
                )
                return parse_one(response, Instrument, f"instrument {value}")
            except NotFoundError:
                log.debug("no instrument with MFID %s; trying it as a legacy slug", value)
        return self._one(
            f"instrument {value!r}",
            instrument_id=value,
            include_metadata=metadata,
            include_members=members,
        )

    def _one(
        self,
        what: str,
        *,
        instrument_id: str | Unset = UNSET,
        instrument_name: str | Unset = UNSET,
        include_metadata: bool | Unset = UNSET,
        include_members: bool | Unset = UNSET,
    ) -> Instrument:
        response = invoke(
            list_instruments.sync_detailed,
            client=self._api,
            instrument_id=instrument_id,
            instrument_name=instrument_name,
            include_metadata=include_metadata,
            include_members=include_members,
            limit=2,
        )
        page = read_page(response, InstrumentOffsetPage, "instrument lookup")
        found = exactly_one(page.items, total_of(page.total), what, "use its MFID")
        return as_record(found)

    def _mfid(self, ref: str) -> str:
        value = check_lookup_slug(ref, "ref")
        return value if is_mfid(value) else self.get(value).unique_id

    @per_call
    def lookup(
        self,
        instrument_name: str | None = None,
        instrument_id: str | None = None,
        **options: Unpack[CallKwargs],
    ) -> Instrument:
        """Finds one instrument by its exact name or by its id (the seed-era `get_instrument`).

        Args:
            instrument_name: The instrument's exact name (among active instruments).
            instrument_id: Its MFID or slug (API v3 has no integer ids).
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=`.

        Raises:
            ValueError: Neither or both given, or an integer id (before any request).
            NotFoundError: No such instrument.
            AmbiguousMatchError: Several instruments have this name: use the slug or MFID.
        """
        if (instrument_name is None) == (instrument_id is None):
            raise ValueError("give exactly one of instrument_name or instrument_id")
        if instrument_id is not None:
            if not isinstance(instrument_id, str):
                raise ValueError(
                    f"instrument_id is the slug or MFID on API v3, got {instrument_id!r}"
                )
            return self.get(instrument_id)
        name = check_text(instrument_name, "instrument_name")
        return self._one(f"instrument named {name!r}", instrument_name=name)

    @per_call
    def create(
        self,
        instrument_id: str,
        instrument_name: str,
        location: str,
        *,
        owner: str | None = None,
        manufacturer: str | None = None,
        model: str | None = None,
        description: str | None = None,
        instrument_type: str | None = None,
        other_id: str | None = None,
        other_id_source: str | None = None,
        **options: Unpack[CallKwargs],
    ) -> Instrument:
        """Registers an instrument; when one with this slug exists, returns it instead. Safe
        to retry (the slug is unique).

        Args:
            instrument_id: Its slug: 3 to 25 letters, digits, `_` or `-`.
            instrument_name: Its name.
            location: Where it is.
            owner: Its owner, a user (ORCID, MFID, username or e-mail; default: you; another
                user needs an administrator).
            manufacturer: Maker.
            model: Model.
            description: Free text.
            instrument_type: Kind of instrument.
            other_id: Its id in another registry.
            other_id_source: That registry's name.
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=`.

        Raises:
            ValueError: A bad argument (before any request).
            PermissionDeniedError: Service accounts cannot register instruments.
        """
        slug = check_new_slug(instrument_id, "instrument_id")
        body = InstrumentCreate(
            instrument_id=slug,
            instrument_name=check_text(instrument_name, "instrument_name"),
            location=check_text(location, "location"),
            owner=UNSET if owner is None else check_user_ref(owner, "owner")[1],
            manufacturer=opt_text(manufacturer, "manufacturer"),
            model=opt_text(model, "model"),
            description=opt_text(description, "description"),
            instrument_type=opt_text(instrument_type, "instrument_type"),
            other_id=opt_text(other_id, "other_id"),
            other_id_source=opt_text(other_id_source, "other_id_source"),
        )
        try:
            response = invoke_idempotent(
                create_instrument.sync_detailed, client=self._api, body=body
            )
        except (ConflictError, UnprocessableEntityError) as exc:  # a deployment refusing a repeat
            if "exist" not in str(exc.detail).lower():
                raise
            log.info("instrument %s already exists; returning it", slug)
            return self.get(slug)
        log.info("registered instrument %s", slug)
        return parse_one(response, Instrument, f"new instrument {slug}")

    @per_call
    def get_or_create(
        self,
        instrument_name: str,
        location: str | None = None,
        owner: str | None = None,
        *,
        instrument_id: str | None = None,
        manufacturer: str | None = None,
        model: str | None = None,
        description: str | None = None,
        instrument_type: str | None = None,
        instrument_owner: str | None = None,
        **options: Unpack[CallKwargs],
    ) -> Instrument:
        """Returns the instrument with this name, registering it first when there is none (the
        seed-era `get_or_add_instrument`).

        Args:
            instrument_name: The instrument's exact name.
            location: Where it is (required to register it on API v3).
            owner: Its owner, a user (ORCID, MFID, username or e-mail; default: you).
            instrument_id: Its slug when registering (default: made from the name, e.g.
                `"titan-80-300-tem"`).
            manufacturer: Maker; this and the next ones are used only when registering.
            model: Model.
            description: Free text.
            instrument_type: Kind of instrument.
            instrument_owner: The upstream pycrucible's name for `owner`.
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=`.

        Raises:
            ValueError: A bad argument (before any request), or no `location` to register a
                new instrument, or the slug belongs to an instrument of another name.
        """
        name = check_text(instrument_name, "instrument_name")
        owner = one_of(owner, instrument_owner, "owner", "instrument_owner")
        slug = check_new_slug(instrument_id, "instrument_id") if instrument_id else None
        slug = slug or slug_from_name(name)
        if owner is not None:
            check_user_ref(owner, "owner")
        try:
            return self._one(f"instrument named {name!r}", instrument_name=name)
        except NotFoundError:
            pass
        if location is None:
            raise ValueError(f"instrument {name!r} does not exist; pass location= to register it")
        made = self.create(
            slug,
            name,
            location,
            owner=owner,
            manufacturer=manufacturer,
            model=model,
            description=description,
            instrument_type=instrument_type,
        )
        if made.instrument_name != name:
            raise ValueError(
                f"instrument_id {slug!r} belongs to the instrument {made.instrument_name!r}; "
                "pass another instrument_id="
            )
        return made

    @per_call
    def update(self, /, ref: str, **fields: Any) -> Instrument:
        """Changes an instrument's fields (editors and up).

        Args:
            ref: The instrument's MFID or slug.
            **fields: `instrument_id` (a new slug), `instrument_name`, `location`,
                `manufacturer`, `model`, `description`, `instrument_type`, `other_id`,
                `other_id_source`; and the per-call `timeout=`, `extra_headers=`,
                `privilege_mode=`.

        Raises:
            ValueError: A field API v3 does not let you edit here (before any request).
        """
        body = instrument_update(fields)
        mfid = self._mfid(ref)
        response = invoke(update_instrument.sync_detailed, mfid, client=self._api, body=body)
        return parse_one(response, Instrument, f"instrument {mfid}")

    @per_call
    def search(
        self,
        q: str,
        limit: int = 20,
        *,
        status: str | None = None,
        **options: Unpack[CallKwargs],
    ) -> builtins.list[Instrument]:
        """Finds instruments whose name, type or manufacturer contains `q`.

        Args:
            q: At least 3 characters.
            limit: At most this many instruments (1 to 50).
            status: Only instruments with this status.
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=`.

        Raises:
            ValueError: A bad argument (before any request).
        """
        text = check_search(q, limit)
        response = invoke(
            search_instruments.sync_detailed,
            client=self._api,
            q=text,
            limit=limit,
            status=opt_text(status, "status"),
        )
        return as_record(read_page(response, InstrumentSearchResults, "instrument search").items)
