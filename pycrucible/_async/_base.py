"""What every async v3 resource builds on: the async core, and the shared helpers re-exported.

The per-call options (`CallKwargs`, `per_call`, `per_call_wait`: they wrap `async def` methods
in an async wrapper), argument helpers (`opt`, `opt_text`, `update_fields`) and `unsupported`
are those of `pycrucible._v3._base`, imported from here so the generated async modules read
like their sync sources.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

from crucible_openapi.v3 import AuthenticatedClient

from pycrucible._async._http import AsyncHttpClients
from pycrucible._async._transport import AsyncSleep
from pycrucible._config import Settings
from pycrucible._v3._base import API_VERSION as API_VERSION
from pycrucible._v3._base import PRIVILEGE_HEADER as PRIVILEGE_HEADER
from pycrucible._v3._base import CallKwargs as CallKwargs
from pycrucible._v3._base import RedactedV3Client
from pycrucible._v3._base import check_privilege_mode as check_privilege_mode
from pycrucible._v3._base import opt as opt
from pycrucible._v3._base import opt_text as opt_text
from pycrucible._v3._base import per_call as per_call
from pycrucible._v3._base import per_call_wait as per_call_wait
from pycrucible._v3._base import unsupported as unsupported
from pycrucible._v3._base import update_fields as update_fields

__all__ = [
    "API_VERSION",
    "PRIVILEGE_HEADER",
    "AsyncV3Core",
    "AsyncV3Resource",
    "CallKwargs",
    "check_privilege_mode",
    "opt",
    "opt_text",
    "per_call",
    "per_call_wait",
    "unsupported",
    "update_fields",
]


class AsyncV3Core:
    """What the async v3 resources of one client share: connections, settings, sleep, clock.

    Args:
        http: The pooled, authenticated, retrying async clients, with the v3 base URL.
        settings: The resolved settings (key, state folder, transfer sizes).
        sleep: Awaited to pause for the given seconds (waits); `asyncio.sleep` by default.
        clock: Monotonic seconds (wait deadlines).
    """

    def __init__(
        self,
        http: AsyncHttpClients,
        settings: Settings,
        *,
        sleep: AsyncSleep = asyncio.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.http = http
        self.settings = settings
        self.sleep = sleep
        self.clock = clock
        api = RedactedV3Client(
            base_url=str(http.http.base_url).rstrip("/"),
            token=settings.api_key,
            raise_on_unexpected_status=False,
        )
        api.set_async_httpx_client(http.http)
        self.api = api


class AsyncV3Resource:
    """Base of the async v3 resource objects: the shared core and short names for it."""

    def __init__(self, core: AsyncV3Core) -> None:
        self._core = core

    @property
    def _api(self) -> AuthenticatedClient:
        return self._core.api

    @property
    def _http(self) -> AsyncHttpClients:
        return self._core.http

    async def _sleep(self, seconds: float) -> None:
        await self._core.sleep(seconds)

    def _clock(self) -> float:
        return self._core.clock()
