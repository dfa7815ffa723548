"""`CrucibleClient`: the friendly client, assembled from one mixin per resource."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from types import TracebackType
from typing import Any, Self

import httpx
from crucible_openapi.v1 import AuthenticatedClient

from pycrucible._api_access import AccessMixin
from pycrucible._api_samples import SamplesMixin
from pycrucible._config import resolve_settings
from pycrucible._http import build_clients, check_url
from pycrucible._limits import ResponseLimits
from pycrucible._pipeline import PipelineMixin
from pycrucible._redact import get_logger
from pycrucible._transport import RetryPolicy

__all__ = ["CrucibleClient"]

log = get_logger("client")


class CrucibleClient(PipelineMixin, SamplesMixin, AccessMixin):
    """The Crucible API client: datasets, files, metadata, samples, instruments, projects,
    users, processing requests and access control.

    Settings come, in this order, from the arguments, the environment (`CRUCIBLE_API_URL`,
    `CRUCIBLE_API_KEY`, `CRUCIBLE_TIMEOUT`, `CRUCIBLE_CONNECT_TIMEOUT`,
    `CRUCIBLE_TRANSFER_TIMEOUT`, `CRUCIBLE_MAX_RETRIES`, `CRUCIBLE_RESPONSE_DEADLINE`,
    `CRUCIBLE_MAX_RESPONSE_BYTES`, `CRUCIBLE_STATE_DIR`), the config file
    (`$CRUCIBLE_CONFIG`, else `~/.config/pycrucible/config.toml`) and the defaults.

    One client holds one pooled HTTP connection set: create it once, share it between threads,
    and close it (or use it as a context manager) when done. The key is sent to the API only,
    never to signed download or upload URLs, and never shows in logs, `repr` or exceptions.

    Args:
        api_url: Base URL of the API, e.g. `https://crucible.lbl.gov/testapi`.
        api_key: Your API key (from `<api_url>/user_apikey`).
        timeout: Seconds to wait for each part of an API answer: no read, write or pool wait
            lasts longer (default 30).
        max_retries: Retries of what is safe to retry (default 3; 0 disables).
        connect_timeout: Seconds to open a connection (default 5).
        transfer_timeout: Seconds without progress on a file transfer (default 300).
        response_deadline: Seconds for a whole API answer, status line to last byte, per
            attempt; a slower answer raises `APITimeoutError` (default 120). File transfers
            have no such deadline.
        max_response_bytes: Largest API answer in bytes once decoded; a larger one raises
            `UnexpectedResponseError` (default 67108864, 64 MiB). File transfers are bounded
            by the dataset's records instead.
        config_file: Config file to read instead of the default one.
        state_dir: Folder for resumable-upload state and pipeline journals
            (default `~/.cache/pycrucible`).
        transport: Inner httpx transport, for tests (`httpx.MockTransport`).
        sleep: Pauses for the given seconds (retries and waits); tests pass a fake.
        clock: Monotonic seconds, for wait deadlines; tests pass a fake.

    Raises:
        ValueError: No URL or key anywhere, or a setting is invalid.

    Example:
        >>> with CrucibleClient() as client:  # doctest: +SKIP
        ...     datasets = client.list_datasets(limit=10)
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
        config_file: str | os.PathLike[str] | None = None,
        state_dir: str | os.PathLike[str] | None = None,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] | None = None,
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
        }
        settings = resolve_settings(arguments, config_file=config_file)
        self._settings = settings
        self._sleep = sleep if sleep is not None else time.sleep
        self._clock = clock if clock is not None else time.monotonic
        self._state_dir = settings.state_dir
        self.api_url = check_url(settings.api_url)
        policy = RetryPolicy(max_retries=settings.max_retries, sleep=self._sleep)
        self._http = build_clients(
            self.api_url,
            settings.api_key,
            timeout=httpx.Timeout(settings.timeout, connect=settings.connect_timeout),
            transfer_timeout=httpx.Timeout(
                settings.transfer_timeout, connect=settings.connect_timeout
            ),
            policy=policy,
            limits=ResponseLimits(
                max_bytes=settings.max_response_bytes,
                deadline=settings.response_deadline,
            ),
            transport=transport,
        )
        self._closed = False
        log.debug("client for %s ready", self.api_url)

    @property
    def raw(self) -> AuthenticatedClient:
        """The generated typed client on the same pooled, authenticated, retrying connection.

        Call any `crucible_openapi.v1.api.<tag>.<operation>.sync_detailed(client=client.raw, ...)`;
        it returns the generated `Response` with its status code (errors do not raise here).
        """
        return self._http.raw

    @property
    def closed(self) -> bool:
        """True once `close()` was called."""
        return self._closed

    def close(self) -> None:
        """Closes the connection pool. Calling it twice is harmless."""
        if not self._closed:
            self._closed = True
            self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        state = ", closed" if self._closed else ""
        return f"CrucibleClient(api_url={self.api_url!r}{state})"
