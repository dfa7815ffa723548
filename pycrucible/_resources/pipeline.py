"""The one-call pipeline of instrument scripts: create, describe, upload, ingest, wait.

Safe to run again after a crash, at any step:

* the dataset's `unique_id` is derived from what identifies the acquisition (owner, project,
  name, measurement, session, instrument, and every file's name and SHA-256), unless you give
  one; a second run asks for the same id, gets 409 and carries on with the existing dataset;
* metadata is merged (PATCH) and only missing keywords are added, so repeating is harmless;
* files whose SHA-256 the dataset already records are not uploaded again;
* the ingestion request id is kept in a small journal (`<state_dir>/pipeline/<id>.json`), so a
  second run follows the earlier request (still running or successful) instead of queueing
  another; an earlier request that failed is requested again.

Metadata, `creation_time` and `public` are deliberately not part of the derived id: scripts
often put "now" in them, and a re-run must still find the same dataset.
"""

from __future__ import annotations

import datetime
import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs
from crucible_openapi.v1.models import Dataset, DatasetCreate, ProcessingRequest
from crucible_openapi.v1.types import Unset

from pycrucible._checks import check_files, check_id, check_text, mfid_from_digest
from pycrucible._config import write_private_file
from pycrucible._core import Core, Resource, per_call, per_call_headers
from pycrucible._metadata import encode_metadata
from pycrucible._redact import get_logger
from pycrucible._resources.dataset_fields import check_keywords, new_dataset_body
from pycrucible._resources.datasets import Datasets
from pycrucible._resources.files import Files, PathArg
from pycrucible._resources.metadata import Metadata
from pycrucible._resources.processing import (
    DEFAULT_POLL_INTERVAL,
    DEFAULT_WAIT_TIMEOUT,
    Processing,
)
from pycrucible._resources.registry import Registry
from pycrucible._transfers.io import size_and_sha256
from pycrucible._transfers.uploads import UploadedFile
from pycrucible._types import ProgressCallback
from pycrucible._wait import check_seconds, statuses
from pycrucible.errors import ConflictError, NotFoundError
from pycrucible.parsers import parsed_metadata

__all__ = ["Pipeline", "PipelineResult", "derive_unique_id"]

log = get_logger("pipeline")


@attrs.frozen
class PipelineResult:
    """What `upload_new_dataset` did.

    Attributes:
        dataset: The dataset record.
        created: False when an earlier run had already created it.
        files: One entry per file; `method == "existing"` for files the dataset already had.
        ingestion: The ingestion request (the final one when waited for); None when not asked.
    """

    dataset: Dataset
    created: bool
    files: list[UploadedFile]
    ingestion: ProcessingRequest | None

    @property
    def dsid(self) -> str:
        """The dataset's `unique_id`."""
        return self.dataset.unique_id


def derive_unique_id(identity: Mapping[str, Any], files: Iterable[tuple[str, str]]) -> str:
    """Returns the MFID-shaped id that the same acquisition always gets.

    Args:
        identity: Fields that identify the acquisition (None values are ignored).
        files: (file name, hex SHA-256) of every file.
    """
    document = {
        "version": 1,
        "identity": {k: v for k, v in sorted(identity.items()) if v is not None},
        "files": sorted([name, digest] for name, digest in files),
    }
    text = json.dumps(document, sort_keys=True, separators=(",", ":"))
    return mfid_from_digest(hashlib.sha256(text.encode("utf-8")).digest())


_NEW = attrs.fields(DatasetCreate)
# The fields that identify an acquisition, named through the generated model so a renamed
# field fails type-checking here. Metadata, `creation_time` and `public` are left out on purpose.
IDENTITY_FIELDS = (
    _NEW.dataset_name,
    _NEW.owner_orcid,
    _NEW.project_id,
    _NEW.instrument_name,
    _NEW.measurement,
    _NEW.session_name,
    _NEW.data_format,
)


def identity_of(body: DatasetCreate, owner_orcid: str | None) -> dict[str, Any]:
    """The identifying fields of a new dataset's body (unset ones left out), with its owner."""
    identity: dict[str, Any] = {}
    for field in IDENTITY_FIELDS:
        value = getattr(body, field.name)
        if value is not None and not isinstance(value, Unset):
            identity[field.name] = value
    identity[_NEW.owner_orcid.name] = owner_orcid
    return identity


class _Journal:
    """The pipeline's memory of one dataset (the ingestion request it queued)."""

    def __init__(self, folder: Path, dsid: str) -> None:
        self.path = folder / f"{dsid}.json"

    @per_call
    def read(
        self, *, timeout: float | None = None, extra_headers: Mapping[str, str] | None = None
    ) -> dict[str, Any]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    @per_call
    def write(
        self,
        data: Mapping[str, Any],
        *,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> None:
        write_private_file(self.path, json.dumps(dict(data)))


class Pipeline(Resource):
    """The one-call pipeline (`client.pipeline`), built on the other resources.

    Args:
        core: The client's shared core.
        datasets: Dataset creates and reads.
        metadata: Metadata and keywords.
        files: Uploads and file records.
        processing: Ingestion requests and waits.
        registry: The caller's account (the owner part of a derived id).
    """

    def __init__(
        self,
        core: Core,
        *,
        datasets: Datasets,
        metadata: Metadata,
        files: Files,
        processing: Processing,
        registry: Registry,
    ) -> None:
        super().__init__(core)
        self._datasets = datasets
        self._metadata = metadata
        self._files = files
        self._processing = processing
        self._registry = registry

    @per_call_headers
    def upload_new_dataset(
        self,
        files: PathArg | Sequence[PathArg],
        *,
        dataset_name: str | None = None,
        unique_id: str | None = None,
        public: bool = False,
        owner_orcid: str | None = None,
        project_id: str | None = None,
        instrument_name: str | None = None,
        measurement: str | None = None,
        session_name: str | None = None,
        creation_time: datetime.datetime | str | None = None,
        data_format: str | None = None,
        scientific_metadata: Mapping[str, Any] | None = None,
        parser: str = "none",
        keywords: Iterable[str] = (),
        ingest: bool = True,
        ingestor: str | None = None,
        wait: bool = False,
        timeout: float = DEFAULT_WAIT_TIMEOUT,
        poll_interval: float = DEFAULT_POLL_INTERVAL,
        raise_on_failure: bool = False,
        progress: ProgressCallback | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> PipelineResult:
        """Creates a dataset with metadata and keywords, uploads its files, requests ingestion
        and optionally waits: what an instrument script does after every acquisition.

        Running it again with the same files and fields (after a crash, say) finds the same
        dataset, skips files already uploaded and follows the ingestion already requested.

        Args:
            files: The data files; the first is the dataset's main file (the one ingested).
            dataset_name: Human-readable name.
            unique_id: The dataset's MFID; derived from the files and fields below when None.
            public: Readable by everybody.
            owner_orcid: Owner, when not the key's user.
            project_id: Project slug.
            instrument_name: Instrument name (registered when missing, with an admin key).
            measurement: Measurement kind.
            session_name: Acquisition session.
            creation_time: Acquisition time.
            data_format: File format.
            scientific_metadata: Experimental parameters, merged into the dataset's metadata.
            parser: Metadata parser for the first file (see `pycrucible.parsers`): "none"
                (the default) reads nothing, "auto" picks by suffix, or a parser's name.
                What it reads goes under `scientific_metadata`, whose keys win.
            keywords: Keywords to tag it with.
            ingest: Request ingestion of the main file.
            ingestor: Ingestion class; the server picks when None.
            wait: Wait for the ingestion to finish.
            timeout: Seconds to wait at most.
            poll_interval: Seconds between status polls while waiting.
            raise_on_failure: When waiting, raise `RequestFailedError` if ingestion fails;
                by default the result carries the final request and its status, as
                `wait_for_request_completion` does.
            progress: Upload progress callback (file name, bytes sent, total).

        Returns:
            A `PipelineResult`.

        Raises:
            FileNotFoundError: A file does not exist (nothing was sent).
            ValueError: Bad input (nothing was sent).
            ParserError: The parser could not read the first file (nothing was sent).
        """
        paths = check_files(files)
        given = dict(scientific_metadata) if scientific_metadata is not None else None
        merged = parsed_metadata(paths[0], parser, given)
        metadata = None
        if merged is not None:
            metadata = encode_metadata(merged, "scientific_metadata")
        words = check_keywords(keywords)
        if ingestor is not None:
            check_text(ingestor, "ingestor")
        if wait:
            check_seconds("timeout", timeout)
            check_seconds("poll_interval", poll_interval)
        hashed = [(path, *size_and_sha256(path)) for path in paths]
        _, main_size, main_sha = hashed[0]
        body = new_dataset_body(
            None,
            dataset_name=dataset_name,
            public=public,
            owner_orcid=owner_orcid,
            project_id=project_id,
            instrument_name=instrument_name,
            measurement=measurement,
            session_name=session_name,
            creation_time=creation_time,
            data_format=data_format,
        )
        if unique_id is not None:
            check_id(unique_id, "unique_id")
        else:
            owner = owner_orcid or self._caller_orcid()
            unique_id = derive_unique_id(
                identity_of(body, owner), [(p.name, sha) for p, _, sha in hashed]
            )
        dsid = check_id(unique_id, "unique_id")
        body.unique_id = dsid
        body.size = main_size
        body.sha256_hash_file_to_upload = main_sha

        dataset, created = self._create_or_find(body)
        if metadata:
            self._metadata.update_scientific_metadata(dsid, metadata)
        if words:
            have = {k.keyword for k in self._metadata.get_dataset_keywords(dsid)}
            for word in words:
                if word not in have:
                    self._metadata.add_dataset_keyword(dsid, word)
        uploaded = self._upload_missing(dsid, hashed, progress)
        request = None
        if ingest:
            request = self._ingest_once(dsid, uploaded[0], ingestor)
            if wait:
                request = self._processing.wait_for_request_completion(
                    dsid,
                    request.id,
                    "ingest",
                    poll_interval,
                    timeout=timeout,
                    raise_on_failure=raise_on_failure,
                )
        return PipelineResult(dataset=dataset, created=created, files=uploaded, ingestion=request)

    def _caller_orcid(self) -> str | None:
        account = self._registry.whoami()
        info = account.user_info
        return getattr(info, "orcid", None) if info else None

    def _create_or_find(self, body: DatasetCreate) -> tuple[Dataset, bool]:
        dsid = str(body.unique_id)
        try:
            return self._datasets.create_checked(
                body, user_chose_id=True, metadata=None, words=[]
            ), True
        except ConflictError:
            log.info("dataset %s exists (an earlier run); carrying on with it", dsid)
            return self._datasets.get_dataset(dsid), False

    def _upload_missing(
        self,
        dsid: str,
        hashed: list[tuple[Path, int, str]],
        progress: ProgressCallback | None,
    ) -> list[UploadedFile]:
        known = {f.sha256_hash: f for f in self._files.get_associated_files(dsid) if f.sha256_hash}
        missing = [path for path, _, sha in hashed if sha not in known]
        sent = (
            {u.sha256: u for u in self._files.upload_dataset(dsid, missing, progress=progress)}
            if missing
            else {}
        )
        results = []
        for path, size, sha in hashed:
            if sha in sent:
                results.append(sent[sha])
            else:
                log.info("%s: the dataset already has %s, not uploading it again", dsid, path.name)
                results.append(
                    UploadedFile(
                        path=path,
                        name=path.name,
                        size=size,
                        sha256=sha,
                        server_path=known[sha].filename,
                        method="existing",
                    )
                )
        return results

    def _ingest_once(
        self, dsid: str, main: UploadedFile, ingestor: str | None
    ) -> ProcessingRequest:
        journal = _Journal(self._state_dir / "pipeline", dsid)
        earlier = journal.read().get("ingestion_request_id")
        if isinstance(earlier, int):
            try:
                request = self._processing.get_ingestion_status(dsid, earlier)
            except NotFoundError:
                log.info("%s: ingestion request %s is gone; requesting again", dsid, earlier)
            else:
                known = statuses()
                status = str(request.status).strip().lower()
                if status not in known.failure:
                    log.info("%s: following ingestion request %s of an earlier run", dsid, earlier)
                    return request
                log.info(
                    "%s: ingestion request %s ended %r; requesting again", dsid, earlier, status
                )
        request = self._processing.request_ingestion(dsid, main.server_path or main.name, ingestor)
        journal.write({"ingestion_request_id": request.id})
        return request
