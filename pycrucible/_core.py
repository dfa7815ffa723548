"""What every resource mixin of `CrucibleClient` builds on: calling generated operations.

Generated operations are passed as their modules (`crucible_openapi.v1.api.datasets.get_dataset`)
and called through `sync_detailed`, with transport errors translated and error statuses already
raised by the `api` client's response hook.

Creates that may safely be repeated (they carry a client-chosen `unique_id`, or are upserts /
"adding twice is harmless" operations) are sent by `_send_idempotent`: it builds the request
with the generated module's own `_get_kwargs` and parses with its `_build_response`, and adds
the `IDEMPOTENT` request extension so the retrying transport may repeat it after a lost answer.
The generated functions take no extensions, hence this small detour through their helpers.
"""

from __future__ import annotations

import inspect
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from types import ModuleType
from typing import Any, TypeVar

from crucible_openapi.v1 import AuthenticatedClient
from crucible_openapi.v1.types import Response

from pycrucible._http import HttpClients, invoke, parse_list, parse_one
from pycrucible._transport import IDEMPOTENT, attempts
from pycrucible.errors import ConflictError

__all__ = ["ClientCore", "answers_own_retry"]

T = TypeVar("T")


def _parameters(module: ModuleType) -> list[str]:
    return [
        name
        for name, param in inspect.signature(module._get_kwargs).parameters.items()
        if param.kind is inspect.Parameter.KEYWORD_ONLY
    ]


def answers_own_retry(exc: ConflictError, *, chosen_id: bool) -> bool:
    """Whether a create's 409 only reports the record an earlier attempt of this call made.

    A fresh client-generated id cannot belong to anybody else, so its 409 always answers our
    own retry. An id the caller chose is treated the same only when the request was actually
    sent more than once (the first answer was lost); otherwise the id was already taken.
    """
    return not chosen_id or attempts(exc.response) > 1


class ClientCore:
    """State and call helpers shared by the resource mixins (not used on its own)."""

    _http: HttpClients
    _sleep: Callable[[float], None] = staticmethod(time.sleep)
    _clock: Callable[[], float] = staticmethod(time.monotonic)
    _state_dir: Path

    @property
    def _api(self) -> AuthenticatedClient:
        return self._http.api

    def _call(self, module: ModuleType, /, **kwargs: Any) -> Response[Any]:
        """Calls `module.sync_detailed(client=api, **kwargs)`."""
        return invoke(module.sync_detailed, client=self._api, **kwargs)

    def _send_idempotent(self, module: ModuleType, /, **kwargs: Any) -> Response[Any]:
        """Sends the operation with the `IDEMPOTENT` extension, so it may be retried."""
        api = self._api
        request = module._get_kwargs(**kwargs)

        def operation(*, client: AuthenticatedClient) -> Response[Any]:
            response = client.get_httpx_client().request(**request, extensions={IDEMPOTENT: True})
            built: Response[Any] = module._build_response(client=client, response=response)
            return built

        operation.__module__ = module.__name__
        return invoke(operation, client=api)

    def _one(self, module: ModuleType, cls: type[T], what: str, /, **kwargs: Any) -> T:
        """Calls the operation and returns its record; 200 + `null` raises `NotFoundError`."""
        return parse_one(self._call(module, **kwargs), cls, what)

    def _list(self, module: ModuleType, cls: type[T], what: str, /, **kwargs: Any) -> list[T]:
        """Calls the operation and returns its list of records."""
        return parse_list(self._call(module, **kwargs), cls, what)

    @staticmethod
    def _filters(
        module: ModuleType, filters: Mapping[str, Any], *, exclude: tuple[str, ...] = ()
    ) -> dict[str, Any]:
        """Checks filter names against the operation's query parameters, dropping `None`s.

        Raises:
            ValueError: An unknown filter name (the valid ones are listed).
        """
        known = [name for name in _parameters(module) if name not in exclude]
        unknown = sorted(set(filters) - set(known))
        if unknown:
            raise ValueError(
                f"unknown filter(s) {', '.join(unknown)}; valid filters: {', '.join(known)}"
            )
        return {key: value for key, value in filters.items() if value is not None}
