"""`upload_new_dataset` on API v3: create, describe, upload, ingest every file, wait.

Safe to run again after a crash, at any step, without duplicates. API v3 lets the server answer
every question a re-run has, so no local journal is needed (a re-run on another machine is as
safe as one on the same machine):

* the dataset's MFID is minted by the client, derived (as on v1, `derive_unique_id`) from what
  identifies the acquisition: owner, project, name, measurement, session, instrument, format,
  and every file's name and SHA-256. A second run asks for the same MFID, gets 409 and carries
  on with the existing dataset;
* metadata is merged (PATCH) and only missing keywords are added;
* files whose SHA-256 the dataset already has are not uploaded again (and the server dedups by
  SHA-256 at initiate, should a first run have stopped between storing a file and listing it);
* a file whose ingestion was already requested (`GET /ingestion_requests?dataset_mfid=`) is
  followed instead of being requested again, unless that request failed or was only recorded
  (`not_requested`). This also covers a request whose answer was lost, which a journal written
  after the answer could not.
"""

from __future__ import annotations

import datetime
import functools
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, Unpack

import attrs
from crucible_openapi.v3.api.account import get_account
from crucible_openapi.v3.api.datasets import create_dataset
from crucible_openapi.v3.models import (
    AccountInfo,
    Dataset,
    DatasetCreate,
    FileRecord,
    IngestionRequest,
)

from pycrucible._checks import check_datetime, check_files, check_id, check_text
from pycrucible._http import invoke, invoke_idempotent, parse_one
from pycrucible._metadata import encode_metadata
from pycrucible._redact import get_logger
from pycrucible._resources.dataset_fields import check_keywords
from pycrucible._resources.files import PathArg
from pycrucible._resources.pipeline import derive_unique_id
from pycrucible._transfers.io import size_and_sha256
from pycrucible._types import ProgressCallback
from pycrucible._v3._base import V3Core, V3Resource, opt, per_call_wait
from pycrucible._v3.contract import ingestion_statuses
from pycrucible._v3.datasets import Datasets
from pycrucible._v3.files import Files
from pycrucible._v3.ingestion import (
    DEFAULT_POLL_INTERVAL,
    DEFAULT_WAIT_TIMEOUT,
    Ingestion,
    IngestionRequests,
    WaitKwargs,
    follow,
)
from pycrucible._v3.metadata import Metadata
from pycrucible._wait import check_seconds
from pycrucible.errors import ConflictError
from pycrucible.parsers import parsed_metadata

__all__ = ["Pipeline", "PipelineResult"]

log = get_logger("pipeline")

_NEW = attrs.fields(DatasetCreate)
# Statuses after which the pipeline requests ingestion again: the request failed, or it was
# only recorded and no worker will run it.
_NOT_RUNNING = "not_requested"


@attrs.frozen
class PipelineResult:
    """What `upload_new_dataset` did on API v3.

    Attributes:
        dataset: The dataset record.
        created: False when an earlier run had already created it.
        files: The file records, one per file given, in that order.
        existing: Names of the files the dataset already had (not uploaded again).
        ingestion: One request per file (the final ones when waited for); empty when not asked.
    """

    dataset: Dataset
    created: bool
    files: list[FileRecord]
    existing: list[str]
    ingestion: IngestionRequests

    @property
    def dsid(self) -> str:
        """The dataset's MFID (`unique_id`)."""
        return self.dataset.unique_id


class Pipeline(V3Resource):
    """The one-call pipeline on API v3 (`client.v3.pipeline`), built on the other resources.

    Args:
        core: The shared v3 core.
        datasets: Dataset reads and keywords.
        metadata: Metadata merges.
        files: File records and uploads.
        ingestion: Ingestion requests and waits.
    """

    def __init__(
        self,
        core: V3Core,
        *,
        datasets: Datasets,
        metadata: Metadata,
        files: Files,
        ingestion: Ingestion,
    ) -> None:
        super().__init__(core)
        self._datasets = datasets
        self._metadata = metadata
        self._files = files
        self._ingestion = ingestion

    @per_call_wait
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
        **options: Unpack[WaitKwargs],
    ) -> PipelineResult:
        """Creates a dataset with metadata and keywords, uploads its files, requests ingestion
        of each and optionally waits: what an instrument script does after every acquisition.

        Running it again with the same files and fields (after a crash, say) finds the same
        dataset, skips files already uploaded and follows the ingestion already requested.

        Args:
            files: The data files.
            dataset_name: Human-readable name.
            unique_id: The dataset's MFID; derived from the files and fields below when None.
            public: Readable by everybody.
            owner_orcid: Owner (ORCID or user MFID), when not the key's user.
            project_id: Project slug.
            instrument_name: Instrument name.
            measurement: Measurement kind.
            session_name: Acquisition session.
            creation_time: Acquisition time (the dataset's `timestamp` on API v3).
            data_format: File format.
            scientific_metadata: Experimental parameters, merged into the dataset's metadata.
            parser: Metadata parser for the first file (see `pycrucible.parsers`): "none"
                (the default) reads nothing, "auto" picks by suffix, or a parser's name.
                What it reads goes under `scientific_metadata`, whose keys win.
            keywords: Keywords to tag it with.
            ingest: Request ingestion of every file.
            ingestor: Ingestion class; the server picks per file when None.
            wait: Wait for every ingestion to finish.
            timeout: Seconds to wait at most (for all the files together).
            poll_interval: Seconds between status polls while waiting.
            raise_on_failure: When waiting, raise `RequestFailedError` if an ingestion fails;
                by default the result carries the final requests and their statuses.
            progress: Called with (file name, bytes, bytes) as each file is stored.
            **options: Per-call `extra_headers=`, `privilege_mode=`.

        Returns:
            A `PipelineResult`.

        Raises:
            FileNotFoundError: A file does not exist (nothing was sent).
            ValueError: Bad input (nothing was sent).
            ParserError: The parser could not read the first file (nothing was sent).
            WaitTimeoutError: Waiting, an ingestion was still running at the deadline.
            RequestFailedError: Waiting with `raise_on_failure`, an ingestion failed.
        """
        paths = check_files(files)
        given = dict(scientific_metadata) if scientific_metadata is not None else None
        merged = parsed_metadata(paths[0], parser, given)
        metadata = None
        if merged is not None:
            metadata = encode_metadata(merged, "scientific_metadata")
        words = check_keywords(keywords)
        kind = check_text(ingestor, "ingestor") if ingestor is not None else None
        if wait:
            check_seconds("timeout", timeout)
            check_seconds("poll_interval", poll_interval)
        when = None
        if creation_time is not None:
            when = check_datetime(creation_time, "creation_time")
        # What identifies the acquisition: the fields of the v1 derivation, under the same names
        # (named through the generated model), so an acquisition by the same owner id gets the
        # same MFID on both API versions.
        fields = {
            _NEW.dataset_name.name: dataset_name,
            _NEW.owner_orcid.name: owner_orcid,
            _NEW.project_id.name: project_id,
            _NEW.instrument_name.name: instrument_name,
            _NEW.measurement.name: measurement,
            _NEW.session_name.name: session_name,
            _NEW.data_format.name: data_format,
        }
        for name, value in fields.items():
            if value is not None:
                check_text(value, name)
        if unique_id is not None:
            check_id(unique_id, "unique_id")
        hashed = [(path, *size_and_sha256(path)) for path in paths]
        if unique_id is None:
            identity = {name: value for name, value in fields.items() if value is not None}
            identity[_NEW.owner_orcid.name] = owner_orcid or self._caller_id()
            unique_id = derive_unique_id(identity, [(p.name, sha) for p, _, sha in hashed])
        dsid = check_id(unique_id, "unique_id")
        body = DatasetCreate(
            unique_id=dsid,
            public=public,
            dataset_name=dataset_name,
            measurement=measurement,
            session_name=session_name,
            data_format=data_format,
            timestamp=when,
            owner_orcid=opt(owner_orcid),
            project_id=opt(project_id),
            instrument_name=opt(instrument_name),
        )

        dataset, created = self._create_or_find(body)
        if metadata:
            self._metadata.update(dsid, metadata)
        if words:
            have = {k.keyword for k in self._datasets.keywords(dsid)}
            for word in words:
                if word not in have:
                    self._datasets.add_keyword(dsid, word)
        records, existing = self._upload_missing(dsid, hashed, progress)
        requests = IngestionRequests()
        if ingest:
            requests = self._ingest_once(dsid, records, kind)
            if wait:
                requests = self._wait_all(
                    dsid, records, requests, timeout, poll_interval, raise_on_failure
                )
        return PipelineResult(
            dataset=dataset, created=created, files=records, existing=existing, ingestion=requests
        )

    def _caller_id(self) -> str:
        account = parse_one(
            invoke(get_account.sync_detailed, client=self._api), AccountInfo, "account"
        )
        return account.user_unique_id

    def _create_or_find(self, body: DatasetCreate) -> tuple[Dataset, bool]:
        try:
            response = invoke_idempotent(create_dataset.sync_detailed, client=self._api, body=body)
            parse_one(response, Dataset, "new dataset")
        except ConflictError:
            log.info("dataset %s exists (an earlier run); carrying on with it", body.unique_id)
            return self._datasets.get(body.unique_id), False
        log.info("created dataset %s", body.unique_id)
        return self._datasets.get(body.unique_id), True

    def _upload_missing(
        self,
        dsid: str,
        hashed: list[tuple[Path, int, str]],
        progress: ProgressCallback | None,
    ) -> tuple[list[FileRecord], list[str]]:
        known = {f.sha256_hash: f for f in self._files.list(dsid) if isinstance(f.sha256_hash, str)}
        records: list[FileRecord] = []
        existing: list[str] = []
        for path, size, sha in hashed:
            record = known.get(sha)
            if record is not None:
                log.info("%s: the dataset already has %s, not uploading it again", dsid, path.name)
                existing.append(path.name)
            else:
                record = self._files.upload(dsid, path)[0]
                known[sha] = record
            if progress is not None:
                progress(path.name, size, size)
            records.append(record)
        return records, existing

    def _ingest_once(
        self, dsid: str, records: list[FileRecord], kind: str | None
    ) -> IngestionRequests:
        latest: dict[str, IngestionRequest] = {}
        for request in self._ingestion.list(dataset_mfid=dsid):
            file = request.file_mfid
            if isinstance(file, str) and (file not in latest or request.id > latest[file].id):
                latest[file] = request
        failure = ingestion_statuses().failure
        requests = IngestionRequests()
        asked: dict[str, IngestionRequest] = {}
        for record in records:
            if record.mfid in asked:  # the same content given twice is one file
                requests.append(asked[record.mfid])
                continue
            earlier = latest.get(record.mfid)
            status = str(earlier.status).strip().lower() if earlier is not None else None
            if earlier is not None and status not in failure and status != _NOT_RUNNING:
                log.info("%s: following ingestion request %s of an earlier run", dsid, earlier.id)
                request = earlier
            else:
                if earlier is not None:
                    log.info("%s: request %s ended %r; requesting again", dsid, earlier.id, status)
                request = self._ingestion.request(record.mfid, kind)
            asked[record.mfid] = request
            requests.append(request)
        return requests

    def _wait_all(
        self,
        dsid: str,
        records: list[FileRecord],
        requests: IngestionRequests,
        timeout: float,
        poll: float,
        raise_on_failure: bool,
    ) -> IngestionRequests:
        deadline = self._clock() + timeout
        finished = IngestionRequests()
        for record, request in zip(records, requests, strict=True):
            rid = request.id
            finished.append(
                follow(
                    self._core,
                    functools.partial(self._ingestion.get, rid),
                    what=f"ingestion request {rid} of {record.filename} in dataset {dsid}",
                    timeout=max(deadline - self._clock(), 1e-3),
                    poll=poll,
                    raise_on_failure=raise_on_failure,
                    progress=None,
                    poll_name="poll_interval",
                )
            )
        return finished
