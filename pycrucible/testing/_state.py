"""Everything one server instance holds: database, files, signer, workers, faults, logs."""

from __future__ import annotations

import logging
import secrets
import threading
from dataclasses import dataclass, field
from pathlib import Path

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from pycrucible.testing._db import Database
from pycrucible.testing._faults import FaultInjector
from pycrucible.testing._files import FileStore, Signer
from pycrucible.testing._limits import DEFAULT_MAX_JSON_BODY
from pycrucible.testing._seed import ADMIN_ORCID, USER_ORCID, ensure_key, seed
from pycrucible.testing._workers import WorkerSimulator

logger = logging.getLogger("pycrucible.testing")

STORAGE_PREFIX = "/storage/"
DEFAULT_CHUNK_SIZE_HINT = 8 * 1024 * 1024
DEFAULT_LINK_LIFETIME = 3600


@dataclass(frozen=True)
class StorageRequest:
    """One request to a signed storage URL, as the server saw it.

    Attributes:
        path: The request path, e.g. ``/storage/<dsid>/scan.h5``.
        had_authorization: Whether an ``Authorization`` header was sent (clients must not).
        status: The status code answered, or None when the connection was dropped.
        headers: Every request header as sent (lower-case name, value), so tests can check
            that no credential of the API reached storage under any header name (not part of
            equality: entries compare by path, authorization and status).
    """

    path: str
    had_authorization: bool
    status: int | None
    headers: tuple[tuple[str, str], ...] = field(default=(), compare=False)


class StorageLog:
    """Thread-safe record of every request made to signed storage URLs."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._entries: list[StorageRequest] = []
        self._clears = 0

    def record(self, entry: StorageRequest) -> tuple[int, int]:
        """Append one request; return where it is, for `replace`."""
        with self._lock:
            self._entries.append(entry)
            return self._clears, len(self._entries) - 1

    def replace(self, where: tuple[int, int], entry: StorageRequest) -> None:
        """Replace a recorded request (nothing happens when the log was cleared since)."""
        with self._lock:
            if where[0] == self._clears:
                self._entries[where[1]] = entry

    def entries(self) -> list[StorageRequest]:
        """Return a copy of the requests so far, oldest first."""
        with self._lock:
            return list(self._entries)

    def clear(self) -> None:
        """Forget every recorded request."""
        with self._lock:
            self._entries.clear()
            self._clears += 1


class StorageLogMiddleware:
    """ASGI middleware recording each storage request in a `StorageLog`.

    Args:
        app: The wrapped ASGI application.
        log: Where to record.
    """

    def __init__(self, app: ASGIApp, log: StorageLog) -> None:
        self.app = app
        self.log = log

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        app = self.app
        if scope["type"] != "http" or not scope["path"].startswith(STORAGE_PREFIX):
            await app(scope, receive, send)
            return
        had_authorization = any(name.lower() == b"authorization" for name, _ in scope["headers"])
        headers = tuple(
            (name.decode("latin-1").lower(), value.decode("latin-1"))
            for name, value in scope["headers"]
        )
        # Recorded on arrival and completed before the answer leaves: a client never sees an
        # answer (or a dropped connection) before its request is in the log.
        path = scope["path"]
        where = self.log.record(StorageRequest(path, had_authorization, None, headers))

        async def recording_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                status = int(message["status"])
                self.log.replace(where, StorageRequest(path, had_authorization, status, headers))
            await send(message)

        await app(scope, receive, recording_send)


@dataclass
class Backend:
    """The state behind one server's HTTP app.

    Attributes:
        data_dir: Directory holding ``crucible.sqlite3``, ``storage/`` and ``uploads/``.
        db: The records.
        files: The stored files.
        signer: Signs storage URLs with the server's secret.
        workers: The simulated workers.
        faults: Fault rules applied to incoming requests.
        storage_log: Requests made to signed storage URLs.
        admin_key: API key of the seed admin.
        user_key: API key of the seed normal user.
        chunk_size_hint: ``chunk_size_hint`` of new resumable uploads, in bytes.
        link_lifetime: Default lifetime of signed URLs, in seconds.
        generated_keys: API keys made by this opening (first use of a data directory), by the
            seed account's ORCID; empty when every key was given or stored before.
        max_json_body: Largest request body accepted outside file uploads, in bytes (larger
            ones answer 413).
    """

    data_dir: Path
    db: Database
    files: FileStore
    signer: Signer
    workers: WorkerSimulator
    admin_key: str
    user_key: str
    faults: FaultInjector = field(default_factory=FaultInjector)
    storage_log: StorageLog = field(default_factory=StorageLog)
    chunk_size_hint: int = DEFAULT_CHUNK_SIZE_HINT
    link_lifetime: int = DEFAULT_LINK_LIFETIME
    max_json_body: int = DEFAULT_MAX_JSON_BODY
    generated_keys: dict[str, str] = field(default_factory=dict, repr=False)

    def close(self) -> None:
        """Stop the workers and close the database."""
        self.workers.stop()
        self.db.close()


def open_backend(
    data_dir: Path,
    *,
    admin_key: str | None = None,
    user_key: str | None = None,
    worker_delay: float | None = 0.05,
    chunk_size_hint: int = DEFAULT_CHUNK_SIZE_HINT,
) -> Backend:
    """Open (and on first use seed) the state kept in a data directory.

    Args:
        data_dir: The directory; created when missing.
        admin_key: API key for the seed admin; None keeps the stored one (or makes one).
        user_key: API key for the seed normal user; None keeps the stored one (or makes one).
        worker_delay: Seconds per simulated worker step; None freezes the workers.
        chunk_size_hint: Chunk size suggested to resumable uploads, in bytes.
    """
    make_private_dir(data_dir)
    db = Database(data_dir / "crucible.sqlite3")
    seed(db)
    secret = db.get_setting("signing_secret")
    if secret is None:
        secret = secrets.token_hex(32)
        db.set_setting("signing_secret", secret)
    files = FileStore(data_dir)
    admin, admin_generated = ensure_key(db, ADMIN_ORCID, admin_key)
    user, user_generated = ensure_key(db, USER_ORCID, user_key)
    generated = {}
    if admin_generated:
        generated[ADMIN_ORCID] = admin
    if user_generated:
        generated[USER_ORCID] = user
    return Backend(
        data_dir=data_dir,
        db=db,
        files=files,
        signer=Signer(bytes.fromhex(secret)),
        workers=WorkerSimulator(db, files, worker_delay),
        admin_key=admin,
        user_key=user,
        generated_keys=generated,
        chunk_size_hint=chunk_size_hint,
    )


def make_private_dir(path: Path) -> None:
    """Create a directory readable by its owner only (0700), or make an existing one so.

    The data directory holds the API keys and the signing secret.
    """
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    try:
        path.chmod(0o700)
    except OSError as exc:
        logger.warning("could not make %s private (0700): %s", path, exc)
