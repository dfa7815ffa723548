"""`AsyncCrucibleClient`: Crucible API v3 for asyncio, with the sync client's surface.

`await client.datasets.get(dsid)`, `async for ds in client.datasets.list(...)`,
`await client.get_dataset(dsid)`, `await client.list_datasets()`: the namespaced resources and
the seed-era flat names of `client.v3` on the sync `CrucibleClient`, as coroutines (the lazy
lists are async iterables). `client.v3` is the client itself, so code written against
`client.v3.<...>` reads the same.

Design. The resources (`pycrucible/_async/<x>.py`) are generated from the sync ones by
`scripts/unasync`: one source of truth, and mypy checks every call against the generated
`asyncio_detailed` functions exactly as it checks the sync side against `sync_detailed`.
Everything that is not I/O is shared with the sync client: settings resolution, argument
checks, the retry decisions (`RetryRules`: what may retry, `Retry-After`, backoff), error
mapping, response limits, parsing, records, redaction and the wait's decisions. Only the I/O
differs: `httpx.AsyncClient` over `AsyncRetryTransport` (pauses with `asyncio.sleep`) and
`AsyncLimitedTransport`, async pages, async waits, and transfers with `asyncio.Semaphore`
(`download_workers` files, `upload_workers` files and parts at a time; disk work in worker
threads).

API versions. The async client speaks API v3 only: the seed-era API (v1) was deprecated in
April 2026. `api_version="v1"` (argument, environment or config file) or a seed-era URL
(`.../api/v1`, `.../api/v2`) raises `UnsupportedByServerError` at once; otherwise the version
is asked of the server (`GET /health/ready`) when the client is entered (`async with`) or by
`await client.check_api_version()`, and a v1 server raises the same error.
"""

from __future__ import annotations

import asyncio
import os
import ssl
import time
import warnings
from collections.abc import Callable
from types import TracebackType
from typing import Any, Self

import httpx

from pycrucible._api_version import version_of, warn_if_seed_era_url
from pycrucible._async._base import AsyncV3Core
from pycrucible._async._http import build_async_clients
from pycrucible._async._transport import AsyncSleep
from pycrucible._async.client import AsyncCrucibleClientV3
from pycrucible._config import Settings, resolve_settings
from pycrucible._http import check_url
from pycrucible._limits import ResponseLimits
from pycrucible._redact import get_logger
from pycrucible._transport import RetryPolicy
from pycrucible.errors import APIStatusError, UnsupportedByServerError

__all__ = ["AsyncCrucibleClient"]

log = get_logger("client")

_V1_GONE = (
    "the sync CrucibleClient (the async client speaks API v3 only; the seed-era API v1 was "
    "deprecated in April 2026)"
)


class AsyncCrucibleClient(AsyncCrucibleClientV3):
    """The asyncio Crucible client for API v3: namespaced resources and the seed-era names.

    Settings are resolved exactly as `CrucibleClient` resolves them (arguments, environment,
    config file, the other clients' settings, defaults; see its docstring), including
    `privilege_mode`. Every method takes the per-call `timeout=`, `extra_headers=` and
    `privilege_mode=`. Use one client per event loop, as `async with AsyncCrucibleClient() as
    client:`, and share it between tasks: it holds one connection pool.

    Args:
        api_url: Base URL of API v3, e.g. `https://crucible.lbl.gov/api/v3`.
        api_key: Your API key.
        timeout: Seconds for each part of an API answer (default 30).
        max_retries: Retries of what is safe to retry (default 3; 0 disables).
        connect_timeout: Seconds to open a connection (default 5).
        transfer_timeout: Seconds without progress on a file transfer (default 300).
        response_deadline: Seconds for a whole API answer, per attempt (default 120).
        max_response_bytes: Largest API answer in bytes once decoded (default 64 MiB).
        upload_chunk_size: Bytes per resumable-upload chunk (kept for the settings' sake).
        resumable_threshold: Kept for the settings' sake (the sync client's v1 uploads).
        download_workers: Files downloaded at once (default 8).
        upload_workers: Files, and parts over all of them, uploaded at once (default 8).
        api_version: `"v3"` skips asking the server; `"v1"` raises (see the module docstring).
        privilege_mode: `"normal"` or `"elevated"`, sent as `Crucible-Privilege-Mode`.
        config_file: Config file to read instead of the default one.
        state_dir: Folder for resumable-upload state (default `~/.cache/pycrucible`).
        verify: TLS verification: True (default), False, a CA bundle path or an `SSLContext`.
        proxy: Proxy URL for every request (overrides the proxy environment variables).
        http_client: Your own `httpx.AsyncClient`, used as it is to send every request (its
            transport, proxies, TLS settings and hooks apply); retries still apply. You close
            it, on the event loop the client runs on.
        transport: Inner async httpx transport, for tests (`httpx.MockTransport`).
        sleep: Awaited to pause for the given seconds (retries and waits); tests pass a fake.
        clock: Monotonic seconds, for wait deadlines; tests pass a fake.

    Raises:
        ValueError: No URL or key anywhere, or a setting is invalid.
        UnsupportedByServerError: The settings name the seed-era API (v1).

    Example:
        >>> async with AsyncCrucibleClient() as client:  # doctest: +SKIP
        ...     datasets = await client.list_datasets(limit=10)
    """

    def __init__(
        self,
        api_url: str | None = None,
        api_key: str | None = None,
        *,
        timeout: float | None = None,
        max_retries: int | None = None,
        connect_timeout: float | None = None,
        transfer_timeout: float | None = None,
        response_deadline: float | None = None,
        max_response_bytes: int | None = None,
        upload_chunk_size: int | None = None,
        resumable_threshold: int | None = None,
        download_workers: int | None = None,
        upload_workers: int | None = None,
        api_version: str | None = None,
        privilege_mode: str | None = None,
        config_file: str | os.PathLike[str] | None = None,
        state_dir: str | os.PathLike[str] | None = None,
        verify: bool | str | ssl.SSLContext = True,
        proxy: str | None = None,
        http_client: httpx.AsyncClient | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        sleep: AsyncSleep | None = None,
        clock: Callable[[], float] | None = None,
    ) -> None:
        arguments: dict[str, Any] = {
            "api_url": api_url,
            "api_key": api_key,
            "timeout": timeout,
            "max_retries": max_retries,
            "connect_timeout": connect_timeout,
            "transfer_timeout": transfer_timeout,
            "response_deadline": response_deadline,
            "max_response_bytes": max_response_bytes,
            "state_dir": state_dir,
            "upload_chunk_size": upload_chunk_size,
            "resumable_threshold": resumable_threshold,
            "download_workers": download_workers,
            "upload_workers": upload_workers,
            "api_version": api_version,
            "privilege_mode": privilege_mode,
        }
        settings = resolve_settings(arguments, config_file=config_file)
        url = check_url(settings.api_url)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)  # it raises instead
            seed_era_url = warn_if_seed_era_url(url)
        if settings.api_version == "v1" or seed_era_url:
            raise UnsupportedByServerError(
                "AsyncCrucibleClient on the seed-era API", "v1", _V1_GONE
            )
        self._version_checked = settings.api_version == "v3"
        http = build_async_clients(
            url,
            settings.api_key,
            timeout=httpx.Timeout(settings.timeout, connect=settings.connect_timeout),
            transfer_timeout=httpx.Timeout(
                settings.transfer_timeout, connect=settings.connect_timeout
            ),
            policy=RetryPolicy(max_retries=settings.max_retries),
            limits=ResponseLimits(
                max_bytes=settings.max_response_bytes, deadline=settings.response_deadline
            ),
            sleep=sleep,
            transport=transport,
            verify=verify,
            proxy=proxy,
            http_client=http_client,
        )
        core = AsyncV3Core(
            http,
            settings,
            sleep=sleep if sleep is not None else asyncio.sleep,
            clock=clock if clock is not None else time.monotonic,
        )
        super().__init__(core, privilege_mode=settings.privilege_mode)
        self._closed = False
        log.debug("async client for %s ready", self.api_url)

    @property
    def settings(self) -> Settings:
        """The resolved settings (read-only; the key never shows in its `repr`)."""
        return self._core.settings

    @property
    def v3(self) -> Self:
        """This client (the async client speaks API v3 only), so `client.v3.<...>` works."""
        return self

    async def check_api_version(self) -> None:
        """Asks the server once (`GET /health/ready`) that it speaks API v3.

        Raises:
            UnsupportedByServerError: The server speaks the seed-era API (v1).
            UnexpectedResponseError: It names a version this client does not speak.
            APIConnectionError: It could not be reached.
        """
        if self._version_checked:
            return
        try:
            response = await self._core.http.http.get("health/ready")
        except APIStatusError as exc:
            if exc.status_code not in (404, 405):
                raise
            raise UnsupportedByServerError(
                f"AsyncCrucibleClient on {self.api_url}", "v1", _V1_GONE
            ) from None
        version_of(response)
        self._version_checked = True

    @property
    def closed(self) -> bool:
        """True once `aclose()` was awaited."""
        return self._closed

    async def aclose(self) -> None:
        """Closes the connection pool. Calling it twice is harmless."""
        if not self._closed:
            self._closed = True
            await self._core.http.aclose()

    async def __aenter__(self) -> Self:
        try:
            await self.check_api_version()
        except BaseException:
            await self.aclose()
            raise
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    def __repr__(self) -> str:
        state = ", closed" if self._closed else ""
        return f"AsyncCrucibleClient(api_url={self.api_url!r}{state})"
