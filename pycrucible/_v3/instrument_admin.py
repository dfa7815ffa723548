"""What an instrument's admins (its owner or admin maintainers) do: part of
`client.v3.instruments`.

They set its lifecycle status and bind service accounts to it. A bound service account becomes
a contributor on every dataset of the instrument (role `operator` in the lists below).
"""

from __future__ import annotations

import builtins
from typing import Any, Unpack

from crucible_openapi.v3.api.instruments import (
    bind_instrument_service_account,
    list_instrument_service_accounts,
    set_instrument_status,
    unbind_instrument_service_account,
)
from crucible_openapi.v3.models import Instrument, InstrumentUpdate, ProjectMember

from pycrucible._checks import check_text
from pycrucible._http import invoke, invoke_idempotent, parse_list, parse_one
from pycrucible._v3._base import CallKwargs, V3Resource, per_call, update_fields
from pycrucible._v3.identity import check_mfid, check_new_slug

__all__ = ["InstrumentAdmin", "instrument_update"]

_EDITABLE = update_fields(InstrumentUpdate)


def instrument_update(fields: dict[str, Any]) -> InstrumentUpdate:
    """The body of `instruments.update` from its keyword fields, checked before any request.

    Raises:
        ValueError: A field that cannot be edited this way, a bad slug or an empty value.
    """
    unknown = sorted(set(fields) - _EDITABLE)
    if unknown:
        raise ValueError(
            f"instruments.update edits {sorted(_EDITABLE)}, not {unknown} "
            "(the owner and the status have their own calls)"
        )
    if "instrument_id" in fields:
        check_new_slug(fields["instrument_id"], "instrument_id")
    for name, value in fields.items():
        check_text(value, name)
    return InstrumentUpdate.from_dict(fields)


class InstrumentAdmin(V3Resource):
    """The status and service-account methods of `client.v3.instruments` (a base of
    `Instruments`)."""

    def _mfid(self, ref: str) -> str:
        """The MFID of an instrument given by MFID or slug (`Instruments` looks slugs up)."""
        raise NotImplementedError

    @per_call
    def service_accounts(
        self, ref: str, **options: Unpack[CallKwargs]
    ) -> builtins.list[ProjectMember]:
        """The service accounts bound to an instrument (role `operator`).

        Args:
            ref: The instrument's MFID or slug.
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=`.
        """
        mfid = self._mfid(ref)
        response = invoke(list_instrument_service_accounts.sync_detailed, mfid, client=self._api)
        return parse_list(response, ProjectMember, f"service accounts of {mfid}")

    @per_call
    def bind_service_account(
        self, ref: str, account: str, **options: Unpack[CallKwargs]
    ) -> builtins.list[ProjectMember]:
        """Binds a service account to an instrument (its owner or admin maintainers): the
        account becomes a contributor on the instrument's datasets. Binding twice is harmless.

        Args:
            ref: The instrument's MFID or slug.
            account: The service account's MFID.
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=`.

        Returns:
            The bound service accounts after the change.
        """
        sa = check_mfid(account, "account")
        mfid = self._mfid(ref)
        response = invoke_idempotent(
            bind_instrument_service_account.sync_detailed, mfid, sa, client=self._api
        )
        return parse_list(response, ProjectMember, f"service accounts of {mfid}")

    @per_call
    def unbind_service_account(
        self, ref: str, account: str, **options: Unpack[CallKwargs]
    ) -> builtins.list[ProjectMember]:
        """Unbinds a service account from an instrument (its owner or admin maintainers).

        Args:
            ref: The instrument's MFID or slug.
            account: The service account's MFID.
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=`.

        Returns:
            The bound service accounts after the change.
        """
        sa = check_mfid(account, "account")
        mfid = self._mfid(ref)
        response = invoke(
            unbind_instrument_service_account.sync_detailed, mfid, sa, client=self._api
        )
        return parse_list(response, ProjectMember, f"service accounts of {mfid}")

    @per_call
    def set_status(self, ref: str, status: str, **options: Unpack[CallKwargs]) -> Instrument:
        """Sets an instrument's lifecycle status (its owner or admin maintainers).

        Args:
            ref: The instrument's MFID or slug.
            status: `active`, `maintenance` or `decommissioned`.
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=`.
        """
        wanted = check_text(status, "status")
        mfid = self._mfid(ref)
        response = invoke(
            set_instrument_status.sync_detailed, mfid, client=self._api, status=wanted
        )
        return parse_one(response, Instrument, f"instrument {mfid}")
