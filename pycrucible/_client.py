"""`CrucibleClient`: one object per API connection, for seed-era (v1) and API v3 servers.

`client.datasets`, `client.metadata`, `client.files`, `client.samples`, `client.registry`
(instruments, projects, users), `client.processing`, `client.access`, `client.pipeline` and
`client.post_seed` (endpoints added later) hold the seed-era (v1) methods; they share one `Core`.
The upstream pycrucible's later names come from `UpstreamNames` (`pycrucible/_upstream_names.py`).

Versions. The API version comes from `api_version=`, `CRUCIBLE_API_VERSION` or the config
file's `api_version`; otherwise it is detected once, at the first call that needs it, from
`GET /health/ready`. The design for precise static types is one version-specific client per
version, reached from the one `CrucibleClient`: `client.v3` (a `CrucibleClientV3`, typed with the
`crucible_openapi.v3` models) and `client.v1` (the client itself, typed with the seed-era
models). Why: each version's methods keep one exact return type (no unions), mypy checks every
call against that version's generated layer, and one object still owns one connection pool.
The seed-era flat names (`client.list_datasets(...)`) work on both: on a v3 server they call
`client.v3`'s method of the same name (its records read the same way: `ds["unique_id"]`,
`ds.dataset_name`); their static types are the seed-era ones, so code that wants the v3 types
writes `client.v3.list_datasets(...)`.
"""

from __future__ import annotations

import os
import ssl
import threading
import time
from collections.abc import Callable
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self

import httpx
from crucible_openapi.v1 import AuthenticatedClient

from pycrucible._api_version import detect_api_version, warn_if_seed_era_url
from pycrucible._config import Settings, resolve_settings
from pycrucible._core import Core
from pycrucible._delegate import delegate
from pycrucible._http import check_url
from pycrucible._redact import get_logger
from pycrucible._resources.access import Access
from pycrucible._resources.datasets import Datasets
from pycrucible._resources.files import Files
from pycrucible._resources.metadata import Metadata
from pycrucible._resources.pipeline import Pipeline
from pycrucible._resources.post_seed import PostSeed
from pycrucible._resources.processing import Processing
from pycrucible._resources.registry import Registry
from pycrucible._resources.samples import Samples
from pycrucible._upstream_names import UpstreamNames
from pycrucible.errors import UnsupportedByServerError

if TYPE_CHECKING:
    # The v3 layer (its client, resources and generated package) loads when `client.v3` is
    # first used, so seed-era work never imports it.
    from pycrucible._v3.client import CrucibleClientV3

__all__ = ["CrucibleClient"]

log = get_logger("client")


class CrucibleClient(UpstreamNames):
    """The Crucible API client: datasets, files, metadata, samples, instruments, projects,
    users, processing requests and access control.

    Settings come, in this order, from the arguments, the environment (`CRUCIBLE_API_URL`,
    `CRUCIBLE_API_KEY`, `CRUCIBLE_TIMEOUT`, `CRUCIBLE_CONNECT_TIMEOUT`,
    `CRUCIBLE_TRANSFER_TIMEOUT`, `CRUCIBLE_MAX_RETRIES`, `CRUCIBLE_RESPONSE_DEADLINE`,
    `CRUCIBLE_MAX_RESPONSE_BYTES`, `CRUCIBLE_STATE_DIR`, `CRUCIBLE_UPLOAD_CHUNK_SIZE`,
    `CRUCIBLE_RESUMABLE_THRESHOLD`, `CRUCIBLE_DOWNLOAD_WORKERS`, `CRUCIBLE_PRIVILEGE_MODE`,
    `CRUCIBLE_PROGRESS`: tqdm bars for transfers and waits not given `progress=`), the
    config file (`$CRUCIBLE_CONFIG`, else `~/.config/pycrucible/config.toml`), the other Crucible
    clients' settings (nano-crucible's and the upstream pycrucible's `config.ini` and environment
    variables, converted) and the defaults. Proxies come
    from `proxy=`, else from `HTTPS_PROXY` / `HTTP_PROXY` / `ALL_PROXY` (with `NO_PROXY`).

    Every method also takes the keyword arguments `extra_headers=` (sent with each request of
    the call) and `timeout=` (seconds for each request of the call; for the methods that wait,
    `timeout=` keeps its meaning of the wait's deadline).

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
        upload_chunk_size: Bytes per resumable-upload chunk, a multiple of 256 KiB
            (default 16 MiB).
        resumable_threshold: Files of at least this many bytes use the resumable upload
            (default 100 MiB).
        download_workers: Files downloaded at once (default 8).
        api_version: `"v1"` (seed era) or `"v3"`; default: detected once from the server
            (`GET /health/ready`). A `/api/v1` or `/api/v2` URL warns (`DeprecationWarning`)
            and means v1.
        privilege_mode: API v3 only: `"normal"` or `"elevated"`, sent as the
            `Crucible-Privilege-Mode` header on every API request (default: no header, the
            server's own default). Every v3 method also takes `privilege_mode=` for one call.
        config_file: Config file to read instead of the default one.
        state_dir: Folder for resumable-upload state and pipeline journals
            (default `~/.cache/pycrucible`).
        verify: TLS verification: True (default), False, a CA bundle path or an
            `ssl.SSLContext`.
        proxy: Proxy URL for every request (overrides the proxy environment variables).
        http_client: Your own `httpx.Client`, used as it is to send every request (its
            transport, proxies, TLS settings and hooks apply); retries still apply. You close it.
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
        upload_chunk_size: int | None = None,
        resumable_threshold: int | None = None,
        download_workers: int | None = None,
        api_version: str | None = None,
        privilege_mode: str | None = None,
        config_file: str | os.PathLike[str] | None = None,
        state_dir: str | os.PathLike[str] | None = None,
        verify: bool | str | ssl.SSLContext = True,
        proxy: str | None = None,
        http_client: httpx.Client | None = None,
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
            "upload_chunk_size": upload_chunk_size,
            "resumable_threshold": resumable_threshold,
            "download_workers": download_workers,
            "api_version": api_version,
            "privilege_mode": privilege_mode,
        }
        settings = resolve_settings(arguments, config_file=config_file)
        pause = sleep if sleep is not None else time.sleep
        self.api_url = check_url(settings.api_url)
        seed_era_url = warn_if_seed_era_url(self.api_url)
        self._api_version = settings.api_version or ("v1" if seed_era_url else None)
        self._privilege_mode = settings.privilege_mode
        self._version_lock = threading.Lock()
        self._v3: CrucibleClientV3 | None = None
        core = Core.connect(
            self.api_url,
            settings,
            transport=transport,
            verify=verify,
            proxy=proxy,
            http_client=http_client,
            sleep=pause,
            clock=clock if clock is not None else time.monotonic,
        )
        self._core = core
        self.registry = Registry(core)
        self.metadata = Metadata(core)
        self.datasets = Datasets(core, metadata=self.metadata, registry=self.registry)
        self.files = Files(core)
        self.samples = Samples(core)
        self.processing = Processing(core)
        self.post_seed = PostSeed(core, samples=self.samples)
        self.access = Access(core)
        self.pipeline = Pipeline(
            core,
            datasets=self.datasets,
            metadata=self.metadata,
            files=self.files,
            processing=self.processing,
            registry=self.registry,
        )
        self._closed = False
        log.debug("client for %s ready", self.api_url)

    @property
    def settings(self) -> Settings:
        """The resolved settings (read-only; the key never shows in its `repr`)."""
        return self._core.settings

    @property
    def upload_chunk_size(self) -> int:
        """Bytes per resumable-upload chunk."""
        return self._core.settings.upload_chunk_size

    @property
    def resumable_threshold(self) -> int:
        """Files of at least this many bytes use the resumable upload."""
        return self._core.settings.resumable_threshold

    @property
    def download_workers(self) -> int:
        """Files downloaded at once."""
        return self._core.settings.download_workers

    @property
    def raw(self) -> AuthenticatedClient:
        """The generated typed client on the same pooled, authenticated, retrying connection.

        Call any `crucible_openapi.v1.api.<tag>.<operation>.sync_detailed(client=client.raw, ...)`;
        it returns the generated `Response` with its status code (errors do not raise here).
        """
        return self._core.http.raw

    @property
    def api_version(self) -> str:
        """`"v1"` or `"v3"`: as set, else asked of the server once (`GET /health/ready`).

        Raises:
            APIConnectionError: The server could not be reached to ask.
            UnexpectedResponseError: The server speaks a version this client does not.
        """
        version = self._api_version
        if version is None:
            with self._version_lock:
                if self._api_version is None:
                    raw = self._core.http.raw.get_httpx_client()
                    self._api_version = detect_api_version(raw)
                    log.info("%s speaks API %s", self.api_url, self._api_version)
                version = self._api_version
        return version

    @property
    def v3(self) -> CrucibleClientV3:
        """The API v3 client on this client's connection, typed with the v3 models.

        Raises:
            UnsupportedByServerError: The server speaks the seed-era API (v1).
        """
        if self._v3 is None:
            if self.api_version != "v3":
                raise UnsupportedByServerError("client.v3", self.api_version, "client.v1")
            from pycrucible._v3._base import V3Core
            from pycrucible._v3.client import CrucibleClientV3

            core = self._core
            self._v3 = CrucibleClientV3(
                V3Core(core.http, core.settings, sleep=core.sleep, clock=core.clock),
                privilege_mode=self._privilege_mode,
            )
        return self._v3

    @property
    def v1(self) -> Self:
        """This client, typed with the seed-era (v1) models.

        Raises:
            UnsupportedByServerError: The server speaks API v3.
        """
        if self.api_version != "v1":
            raise UnsupportedByServerError("client.v1", self.api_version, "client.v3")
        return self

    def _flat_target(self, resource: str, name: str) -> Callable[..., Any] | None:
        """Where a flat seed-era name goes: None for the v1 resource, else the v3 method."""
        if self.api_version == "v1":
            return None
        method: Callable[..., Any] = getattr(self.v3, name)
        return method

    @property
    def closed(self) -> bool:
        """True once `close()` was called."""
        return self._closed

    def close(self) -> None:
        """Closes the connection pool. Calling it twice is harmless."""
        if not self._closed:
            self._closed = True
            self._core.http.close()

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
        version = f", api_version={self._api_version!r}" if self._api_version else ""
        return f"CrucibleClient(api_url={self.api_url!r}{version}{state})"

    # The seed-era flat names, each calling the same method of a resource.

    list_datasets = delegate("datasets", Datasets.list_datasets)
    get_dataset = delegate("datasets", Datasets.get_dataset)
    create_dataset = delegate("datasets", Datasets.create_dataset)
    update_dataset = delegate("datasets", Datasets.update_dataset)
    delete_dataset = delegate("datasets", Datasets.delete_dataset)
    link_datasets = delegate("datasets", Datasets.link_datasets)
    list_children_of_dataset = delegate("datasets", Datasets.list_children_of_dataset)
    list_parents_of_dataset = delegate("datasets", Datasets.list_parents_of_dataset)

    get_scientific_metadata = delegate("metadata", Metadata.get_scientific_metadata)
    update_scientific_metadata = delegate("metadata", Metadata.update_scientific_metadata)
    add_dataset_keyword = delegate("metadata", Metadata.add_dataset_keyword)
    get_dataset_keywords = delegate("metadata", Metadata.get_dataset_keywords)
    get_keywords = delegate("metadata", Metadata.get_keywords)

    upload_dataset = delegate("files", Files.upload_dataset)
    download_dataset = delegate("files", Files.download_dataset)
    get_dataset_download_links = delegate("files", Files.get_dataset_download_links)
    get_associated_files = delegate("files", Files.get_associated_files)
    add_associated_file = delegate("files", Files.add_associated_file)
    get_thumbnails = delegate("files", Files.get_thumbnails)
    add_thumbnail = delegate("files", Files.add_thumbnail)

    list_samples = delegate("samples", Samples.list_samples)
    get_sample = delegate("samples", Samples.get_sample)
    add_sample = delegate("samples", Samples.add_sample)
    add_sample_to_dataset = delegate("samples", Samples.add_sample_to_dataset)
    add_dataset_to_sample = delegate("samples", Samples.add_dataset_to_sample)
    remove_sample_from_dataset = delegate("samples", Samples.remove_sample_from_dataset)
    link_samples = delegate("samples", Samples.link_samples)
    list_parents_of_sample = delegate("samples", Samples.list_parents_of_sample)
    list_children_of_sample = delegate("samples", Samples.list_children_of_sample)
    add_sample_metadata = delegate("samples", Samples.add_sample_metadata)
    get_sample_metadata = delegate("samples", Samples.get_sample_metadata)

    list_instruments = delegate("registry", Registry.list_instruments)
    get_instrument = delegate("registry", Registry.get_instrument)
    get_or_add_instrument = delegate("registry", Registry.get_or_add_instrument)
    list_projects = delegate("registry", Registry.list_projects)
    get_project = delegate("registry", Registry.get_project)
    get_or_add_project = delegate("registry", Registry.get_or_add_project)
    add_project = delegate("registry", Registry.add_project)
    get_project_users = delegate("registry", Registry.get_project_users)
    add_user_to_project = delegate("registry", Registry.add_user_to_project)
    get_user = delegate("registry", Registry.get_user)
    get_user_by_email = delegate("registry", Registry.get_user_by_email)
    add_user = delegate("registry", Registry.add_user)
    get_or_add_user = delegate("registry", Registry.get_or_add_user)
    whoami = delegate("registry", Registry.whoami)

    request_ingestion = delegate("processing", Processing.request_ingestion)
    send_to_scicat = delegate("processing", Processing.send_to_scicat)
    request_google_drive_transfer = delegate("processing", Processing.request_google_drive_transfer)
    get_request_status = delegate("processing", Processing.get_request_status)
    get_ingestion_status = delegate("processing", Processing.get_ingestion_status)
    get_scicat_status = delegate("processing", Processing.get_scicat_status)
    wait_for_request_completion = delegate("processing", Processing.wait_for_request_completion)
    get_current_google_drive_info = delegate("processing", Processing.get_current_google_drive_info)
    get_organized_google_drive_info = delegate(
        "processing", Processing.get_organized_google_drive_info
    )
    update_ingestion_status = delegate("processing", Processing.update_ingestion_status)
    update_scicat_upload_status = delegate("processing", Processing.update_scicat_upload_status)
    update_transfer_status = delegate("processing", Processing.update_transfer_status)

    get_dataset_access_groups = delegate("access", Access.get_dataset_access_groups)
    add_dataset_access_group = delegate("access", Access.add_dataset_access_group)
    get_user_access_groups = delegate("access", Access.get_user_access_groups)
    add_user_to_access_group = delegate("access", Access.add_user_to_access_group)
    remove_user_from_access_group = delegate("access", Access.remove_user_from_access_group)
    get_user_datasets = delegate("access", Access.get_user_datasets)
    get_user_dataset_access = delegate("access", Access.get_user_dataset_access)

    upload_new_dataset = delegate("pipeline", Pipeline.upload_new_dataset)
