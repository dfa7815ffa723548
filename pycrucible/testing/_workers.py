"""Simulated backend workers: ingestion, SciCat, Google Drive and carrier segmentation.

Every request moves ``requested → started → <terminal>``, one step per ``delay`` seconds. The
state lives in the database (column ``due``: when the next step is due, Unix seconds), so requests
left unfinished by a stopped server carry on after a restart. With ``delay=None`` the workers are
frozen: requests keep their status until the delay is set again or an admin PATCHes them (a PATCH
takes the request away from the simulation, as if a real worker had reported).
"""

from __future__ import annotations

import base64
import logging
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import PurePosixPath

from pycrucible.testing._db import Database, Row
from pycrucible.testing._files import IMAGE_EXTENSIONS, FileStore, make_png
from pycrucible.testing._records import find_stored_file, record_file

logger = logging.getLogger("pycrucible.testing")

TERMINAL_STATUSES = frozenset(
    {"complete", "completed", "failed", "not supported", "file not found", "file too large"}
)
KNOWN_INGESTORS = frozenset(
    {
        "ApiUploadIngestor",
        "AFMIngestor",
        "TitanXSessionIngestor",
        "Team05SessionIngestor",
        "SimpleTiledImageScopeFoundryH5Ingestor",
        "BioGlowIngestor",
        "QSpleemSVRampIngestor",
        "QSpleemImageIngestor",
        "QSpleemARRESEKIngestor",
        "QSpleemARRESMMIngestor",
        "CanonCaptureScopeFoundryH5Ingestor",
        "SingleSpecScopeFoundryH5Ingestor",
        "HyperspecScopeFoundryH5Ingestor",
        "HyperspecSweepScopeFoundryH5Ingestor",
        "ToupcamLiveScopeFoundryH5Ingestor",
        "CLSyncRasterScanIngestor",
        "CLHyperspecIngestor",
        "SpinbotSpecLineIngestor",
        "SpinbotCameraCaptureIngestor",
        "SpinbotPhotoRunIngestor",
        "InSituPlIngestor",
        "CziIngestor",
        "DigitalMicrographIngestor",
        "SerIngestor",
        "BcfIngestor",
        "EmdIngestor",
        "SpinbotSpecRunIngestor",
        "ImageIngestor",
        "CrucibleDatasetIngestor",
    }
)


def now_iso() -> str:
    """Return the current time as an ISO 8601 string with a UTC offset."""
    return datetime.now(UTC).isoformat()


class WorkerSimulator:
    """Moves processing requests through their statuses in a background thread.

    Args:
        db: The server's database.
        files: The server's file store (ingestion adds thumbnails and produced files).
        delay: Seconds per status step; None freezes the workers.
    """

    def __init__(self, db: Database, files: FileStore, delay: float | None) -> None:
        self._db = db
        self._files = files
        self._delay = delay
        self._wake = threading.Condition()
        self._stopping = False
        self._thread: threading.Thread | None = None
        self.finishers: dict[str, Callable[[Row], tuple[str, str | None]]] = {}
        """Extra request kinds: the function giving a ``started`` request's final status and
        error message (other kinds of the API's versions register theirs here)."""

    @property
    def delay(self) -> float | None:
        """Seconds per status step, or None when the workers are frozen."""
        return self._delay

    @delay.setter
    def delay(self, value: float | None) -> None:
        with self._wake:
            self._delay = value
            self._wake.notify_all()

    def start(self) -> None:
        """Start the worker thread (idempotent)."""
        if self._thread is None:
            self._stopping = False
            self._thread = threading.Thread(target=self._run, name="crucible-workers", daemon=True)
            self._thread.start()

    def stop(self) -> None:
        """Stop the worker thread and wait for it."""
        with self._wake:
            self._stopping = True
            self._wake.notify_all()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def submit(self, kind: str, dataset_id: int, **fields: str | None) -> int:
        """Record a new ``requested`` request and schedule it; return its id."""
        request_id = self._db.insert(
            "requests",
            {
                "kind": kind,
                "dataset_id": dataset_id,
                "status": "requested",
                "time_requested": now_iso(),
                "due": time.time() + (self._delay or 0.0),
                **fields,
            },
        )
        with self._wake:
            self._wake.notify_all()
        return request_id

    def _run(self) -> None:
        while True:
            with self._wake:
                if self._stopping:
                    return
                timeout = self._next_wait()
                if timeout > 0:
                    self._wake.wait(timeout)
                    continue
            self._process_due()

    def _next_wait(self) -> float:
        if self._delay is None:
            return 3600.0
        due = self._db.scalar("SELECT MIN(due) FROM requests WHERE due IS NOT NULL")
        return 3600.0 if due is None else float(due) - time.time()

    def _process_due(self) -> None:
        rows = self._db.all(
            "SELECT * FROM requests WHERE due IS NOT NULL AND due <= ? ORDER BY due, id",
            [time.time()],
        )
        for row in rows:
            try:
                self._advance(row)
            except Exception:  # a failed step must not stop the other workers
                logger.exception("simulated worker failed on request %s", row["id"])
                self._db.update(
                    "requests",
                    row["id"],
                    {"status": "failed", "error_message": "worker error", "due": None},
                )

    def _advance(self, row: Row) -> None:
        delay = self._delay
        if delay is None:
            return
        if row["status"] == "requested":
            changes: dict[str, object] = {"status": "started", "due": time.time() + delay}
        elif row["status"] == "started":
            status, error = self._finish(row)
            changes = {
                "status": status,
                "error_message": error,
                "time_completed": now_iso(),
                "due": None,
            }
        else:
            changes = {"due": None}
        with self._db.transaction():
            # Skip the step if an admin PATCHed the request meanwhile (status changed, or the
            # request taken away from the simulation).
            current = self._db.one("SELECT status, due FROM requests WHERE id = ?", [row["id"]])
            if current and current["status"] == row["status"] and current["due"] is not None:
                self._db.update("requests", row["id"], changes)
        logger.debug("request %s: %s -> %s", row["id"], row["status"], changes.get("status"))

    def _finish(self, row: Row) -> tuple[str, str | None]:
        finisher = self.finishers.get(row["kind"])
        if finisher is not None:
            return finisher(row)
        if row["kind"] == "ingest":
            return self._ingest(row)
        if row["kind"] == "drive":
            self._record_drive_transfer(row["dataset_id"])
        return "complete", None

    def _ingest(self, row: Row) -> tuple[str, str | None]:
        ingestor = row["ingestion_class"]
        if ingestor is not None and ingestor not in KNOWN_INGESTORS:
            return "not supported", f"No ingestor named {ingestor!r}"
        dataset = self._db.one("SELECT * FROM datasets WHERE id = ?", [row["dataset_id"]])
        if dataset is None:
            return "failed", "The dataset no longer exists"
        wanted = row["file_to_upload"] or dataset["file_to_upload"]
        stored = find_stored_file(self._db, dataset["id"], wanted)
        if stored is None:
            return "file not found", f"No stored file matches {wanted!r}"
        name = PurePosixPath(stored["filename"]).name
        suffix = PurePosixPath(name).suffix.lower()
        if dataset["data_format"] is None and suffix:
            self._db.update("datasets", dataset["id"], {"data_format": suffix[1:]})
        if suffix in IMAGE_EXTENSIONS:
            self._add_thumbnail(dataset, name, stored["sha256_hash"] or "")
        return "complete", None

    def _add_thumbnail(self, dataset: Row, source_name: str, sha256: str) -> None:
        png = make_png(sha256.encode())
        produced = f"{PurePosixPath(source_name).stem}_thumbnail.png"
        stored_name = f"{dataset['unique_id']}/{produced}"
        size, digest = self._files.write(stored_name, [png])
        with self._db.transaction():
            record_file(
                self._db, dataset["id"], f"derived/{stored_name}", size, digest, stored_name
            )
            self._db.insert(
                "thumbnails",
                {
                    "dataset_id": dataset["id"],
                    "thumbnail_name": f"{source_name} thumbnail",
                    "thumbnail_b64str": base64.b64encode(png).decode("ascii"),
                },
            )

    def _record_drive_transfer(self, dataset_id: int) -> None:
        dataset = self._db.one("SELECT * FROM datasets WHERE id = ?", [dataset_id])
        if dataset is None:
            return
        project = dataset["project_id"] or "no-project"
        name = dataset["dataset_name"] or dataset["unique_id"]
        folders = (f"Crucible/{project}/{dataset['unique_id']}", f"Organized/{project}/{name}")
        # As in the real API, every location is "current", the Organized/... copy included; a
        # repeated transfer adds nothing for folders already listed.
        with self._db.transaction():
            for folder in folders:
                if self._db.one(
                    "SELECT 1 FROM drive_locations WHERE dataset_id = ? "
                    "AND folder_path_in_drive = ?",
                    [dataset_id, folder],
                ):
                    continue
                self._db.insert(
                    "drive_locations",
                    {
                        "dataset_id": dataset_id,
                        "folder_path_in_drive": folder,
                        "status": "current",
                        "drive_name": "Crucible Data",
                    },
                )
