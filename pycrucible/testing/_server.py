"""LocalCrucible: the local server running in a background thread."""

from __future__ import annotations

import logging
import os
import socket
import tempfile
import threading
import time
from pathlib import Path
from types import TracebackType

import uvicorn
from fastapi import FastAPI

from pycrucible.testing._app import V3_PREFIX, create_app, serve_app
from pycrucible.testing._faults import FaultInjector
from pycrucible.testing._limits import DEFAULT_MAX_JSON_BODY
from pycrucible.testing._seed import ADMIN_ORCID, USER_ORCID, add_account
from pycrucible.testing._state import (
    DEFAULT_CHUNK_SIZE_HINT,
    DEFAULT_LINK_LIFETIME,
    Backend,
    StorageLog,
    StorageRequest,
    open_backend,
)
from pycrucible.testing.v3.app import create_v3_app

logger = logging.getLogger("pycrucible.testing")

COUNTABLE = frozenset(
    {
        "datasets",
        "samples",
        "users",
        "projects",
        "instruments",
        "files",
        "thumbnails",
        "requests",
        "dataset_keywords",
        "dataset_links",
        "sample_links",
        "dataset_samples",
        "dataset_grants",
        "drive_locations",
        "upload_sessions",
    }
)


class LocalCrucible:
    """A local Crucible server (a test and development server, not for production).

    It serves the whole API of ``openapi-v1.json`` over real HTTP with uvicorn in a background
    thread, on a loopback port, with records in SQLite and files under ``data_dir``:

        with LocalCrucible() as server:
            client = CrucibleClient(api_url=server.url, api_key=server.user_key)

    Args:
        data_dir: Directory holding the state; the same directory after a restart gives the
            same state. None uses a temporary directory removed by `stop`.
        admin_key: API key of the seed admin; None keeps the one stored in ``data_dir`` (or
            makes a random one).
        user_key: API key of the seed normal user; None keeps the stored one (or makes one).
        worker_delay: Seconds per simulated worker step (``requested → started → complete``);
            None freezes the workers so requests stay ``requested``.
        host: Interface to listen on; loopback by default.
        port: TCP port; 0 picks a free one.
        chunk_size_hint: Chunk size suggested to resumable uploads, in bytes.
        link_lifetime: Default lifetime of signed download URLs, in seconds.
        max_json_body: Largest request body accepted outside file uploads, in bytes; larger
            ones answer 413.
        startup_timeout: Seconds to wait for the server to accept connections.
        enforce_contract: Check every response of both API versions (and every seed-era
            request) against its contract; a response that breaks it answers 500 naming the
            operation. On by default; turn it off only for benchmarks.
    """

    def __init__(
        self,
        data_dir: str | os.PathLike[str] | None = None,
        *,
        admin_key: str | None = None,
        user_key: str | None = None,
        worker_delay: float | None = 0.05,
        host: str = "127.0.0.1",
        port: int = 0,
        chunk_size_hint: int = DEFAULT_CHUNK_SIZE_HINT,
        link_lifetime: int = DEFAULT_LINK_LIFETIME,
        max_json_body: int = DEFAULT_MAX_JSON_BODY,
        startup_timeout: float = 10.0,
        enforce_contract: bool = True,
    ) -> None:
        self._enforce_contract = enforce_contract
        self._wanted_dir = None if data_dir is None else Path(data_dir)
        self._keys = (admin_key, user_key)
        self._worker_delay = worker_delay
        self._host = host
        self._port = port
        self._chunk_size_hint = chunk_size_hint
        self._link_lifetime = link_lifetime
        self._max_json_body = max_json_body
        self._startup_timeout = startup_timeout
        self._faults = FaultInjector()
        self._storage_log = StorageLog()
        self._temp: tempfile.TemporaryDirectory[str] | None = None
        self._backend: Backend | None = None
        self._app: FastAPI | None = None
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self._url: str | None = None

    # -- lifecycle -------------------------------------------------------------------------

    def start(self) -> LocalCrucible:
        """Open the state and serve it; return once the port accepts connections.

        Raises:
            RuntimeError: The server is running already, or did not start in time.
        """
        if self._thread is not None:
            raise RuntimeError("the server is running already")
        if self._wanted_dir is None:
            self._temp = tempfile.TemporaryDirectory(prefix="crucible-")
            data_dir = Path(self._temp.name)
        else:
            data_dir = self._wanted_dir
        backend = open_backend(
            data_dir,
            admin_key=self._keys[0],
            user_key=self._keys[1],
            worker_delay=self._worker_delay,
            chunk_size_hint=self._chunk_size_hint,
        )
        backend.faults = self._faults
        backend.storage_log = self._storage_log
        backend.link_lifetime = self._link_lifetime
        backend.max_json_body = self._max_json_body
        self._backend = backend
        self._app = create_app(backend)
        v3_app = create_v3_app(backend)
        family = socket.AF_INET6 if ":" in self._host else socket.AF_INET
        # IPPROTO_TCP explicitly: asyncio sets TCP_NODELAY on accepted connections only when the
        # listening socket says so, and without it every response waits ~40 ms for delayed ACKs.
        sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((self._host, self._port))
        port = sock.getsockname()[1]
        config = uvicorn.Config(
            serve_app(self._app, backend, v3_app, enforce_contract=self._enforce_contract),
            http="h11",
            ws="none",
            lifespan="on",
            log_config=None,
            access_log=False,
            timeout_graceful_shutdown=2,
        )
        server = self._server = uvicorn.Server(config)
        thread = self._thread = threading.Thread(
            target=server.run, kwargs={"sockets": [sock]}, name="crucible-server", daemon=True
        )
        thread.start()
        host = f"[{self._host}]" if family == socket.AF_INET6 else self._host
        self._url = f"http://{host}:{port}"
        try:
            self._wait_until_serving(server, thread, port)
        except BaseException:
            self.stop()
            sock.close()
            raise
        logger.info("local Crucible (test server) listening on %s", self._url)
        return self

    def _wait_until_serving(
        self, server: uvicorn.Server, thread: threading.Thread, port: int
    ) -> None:
        deadline = time.monotonic() + self._startup_timeout
        while not server.started:
            if not thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the local Crucible server did not start")
            time.sleep(0.005)
        with socket.create_connection((self._host, port), timeout=self._startup_timeout):
            pass

    def stop(self) -> None:
        """Stop serving, close the state and free the port (idempotent)."""
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout=10)
        if self._backend is not None:
            self._backend.close()
        if self._temp is not None:
            self._temp.cleanup()
        self._server = self._thread = self._backend = self._temp = None
        self._url = None

    def __enter__(self) -> LocalCrucible:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    # -- what tests use ----------------------------------------------------------------------

    @property
    def backend(self) -> Backend:
        """The running server's state (database, files, workers)."""
        if self._backend is None:
            raise RuntimeError("the server is not running")
        return self._backend

    @property
    def url(self) -> str:
        """Base URL of the API, e.g. ``http://127.0.0.1:54321`` (the API is at the root)."""
        if self._url is None:
            raise RuntimeError("the server is not running")
        return self._url

    @property
    def url_v3(self) -> str:
        """Base URL of API v3, e.g. ``http://127.0.0.1:54321/api/v3``.

        The same server, data directory and API keys as `url` (the seed-era API, which
        also answers under ``/testapi`` and ``/api/v1``). Records are not shared between the
        versions; accounts are.
        """
        return self.url + V3_PREFIX

    @property
    def enforce_contract(self) -> bool:
        """Whether requests and responses are checked against the contracts."""
        return self._enforce_contract

    @property
    def app(self) -> FastAPI:
        """The FastAPI application being served."""
        if self._app is None:
            raise RuntimeError("the server is not running")
        return self._app

    @property
    def data_dir(self) -> Path:
        """Directory holding the database and the stored files."""
        return self.backend.data_dir

    @property
    def admin_key(self) -> str:
        """API key of the seed admin."""
        return self.backend.admin_key

    @property
    def user_key(self) -> str:
        """API key of the seed normal user."""
        return self.backend.user_key

    @property
    def admin_orcid(self) -> str:
        """ORCID of the seed admin."""
        return ADMIN_ORCID

    @property
    def user_orcid(self) -> str:
        """ORCID of the seed normal user (a member of the seed project)."""
        return USER_ORCID

    @property
    def faults(self) -> FaultInjector:
        """Fault rules applied to incoming requests (kept across restarts)."""
        return self._faults

    @property
    def storage_log(self) -> list[StorageRequest]:
        """Requests made to signed storage URLs so far, oldest first."""
        return self._storage_log.entries()

    def clear_storage_log(self) -> None:
        """Forget the storage requests recorded so far."""
        self._storage_log.clear()

    @property
    def worker_delay(self) -> float | None:
        """Seconds per simulated worker step; None when the workers are frozen."""
        return self._worker_delay

    @worker_delay.setter
    def worker_delay(self, value: float | None) -> None:
        self._worker_delay = value
        if self._backend is not None:
            self._backend.workers.delay = value

    def count(self, table: str) -> int:
        """Count the rows of a table, e.g. ``datasets``, ``samples``, ``files``, ``requests``.

        Raises:
            ValueError: Not a table that can be counted.
        """
        if table not in COUNTABLE:
            raise ValueError(f"cannot count {table!r}; choose one of {sorted(COUNTABLE)}")
        return int(self.backend.db.scalar(f"SELECT COUNT(*) FROM {table}"))

    def add_user(
        self,
        orcid: str,
        *,
        first_name: str | None = None,
        last_name: str | None = None,
        email: str | None = None,
        admin: bool = False,
    ) -> str:
        """Create a user (with a personal access group) and return a new API key for them.

        Raises:
            ValueError: A user with this ORCID exists.
        """
        values: dict[str, object] = {
            "orcid": orcid,
            "first_name": first_name,
            "last_name": last_name,
            "email": email,
        }
        return add_account(self.backend.db, values, admin=admin)

    def __repr__(self) -> str:
        state = self._url or "stopped"
        return f"LocalCrucible({state})"
