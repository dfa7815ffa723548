"""A local Crucible server for tests, benchmarks, demos and offline pipeline development.

Install it with the ``server`` extra. It is a **test and development server, not for
production**: it listens on loopback (127.0.0.1) by default, keeps plain API keys in its data
directory and has no rate limits.

It implements every operation of the project's ``openapi-v1.json`` over real HTTP (FastAPI and
uvicorn), with the real API's quirks: integer ``id`` plus 26-character MFID ``unique_id`` on
records (a repeated client-chosen ``unique_id`` answers 409); 200 with a JSON ``null`` for unknown
single records and 404 for sub-collections of unknown ones; 401 for a missing or malformed
``Authorization`` header, 400 for an unknown key, 403 for admin-only operations and records the
caller may not access; FastAPI's 422 for malformed input (integer body fields also take
decimal-digit strings such as ``{"id": "8"}``, as the real API's lax validation does); exact,
case-sensitive filters except the case-insensitive substring ``keyword``; scientific metadata
replaced by POST and deep-merged by PATCH; parent/child links without self-links or cycles;
``DELETE /datasets/{dsid}`` answering 501.

API v3 is served by the same server under ``/api/v3`` (`LocalCrucible.url_v3`), from the
same data directory and with the same API keys; the seed-era API stays at the root and also
answers under ``/testapi`` and ``/api/v1``. ``GET /api/v3/openapi.json`` publishes the v3
contract. Records are not shared between the versions (v3 uses MFIDs and role-based grants;
see `pycrucible.testing.v3`).

Every request and response of both versions is checked against its contract
(``enforce_contract=True``, the default): a v3 request the contract forbids answers FastAPI's
422 (``extra_forbidden`` for unknown query parameters and body fields), and a response that
breaks the contract answers 500 with a ``detail`` naming the operationId (and is logged), so
the test that caused it fails. ``LocalCrucible(enforce_contract=False)`` (or
``--no-contract-check``) turns the response check off for benchmarks.

Start it from Python:

    from pycrucible.testing import LocalCrucible

    with LocalCrucible() as server:           # temporary data directory, random keys
        server.url, server.user_key, server.admin_key, server.user_orcid

or from a shell:

    python -m pycrucible.testing --port 8000 --data-dir ./crucible-data --user-key secret

State: SQLite (``crucible.sqlite3``) and files (``storage/<dsid>/<name>``, resumable parts in
``uploads/``) under the data directory; a restart on the same directory gives the same state and
keeps the API keys. The data directory is private (0700, the database 0600): it holds the keys
and the signing secret. Keys generated on first use are shown once on the console by the command
line, never logged. A fresh directory is seeded with an admin, a normal user, a project
(``LOCAL-DEMO``, the normal user a member) and an instrument (``demo-microscope``).

Limits: request bodies other than file uploads above 16 MiB (``max_json_body``) answer 413;
free-form metadata nested more than 64 levels deep answers 422 before anything is stored.

Access control is enforced: a normal user reads public datasets, their own, those of projects
they belong to and those granted to one of their access groups (``POST
/datasets/{dsid}/access_groups``); removing the user from the group removes the access.
Ownership: the caller owns what they create; only an admin creates records for another user, and
only the owner or an admin changes a record's owner (write access through a group does not). An
empty or unknown owner and an unknown ``project_id`` answer 422; a normal user may only use
projects they belong to (403). ``/keywords`` and keyword counts cover only readable datasets.

Files: multipart uploads are streamed to disk and recorded with size and SHA-256, flat as
``api-uploads/<name>`` like the real API (the same name in two datasets: the same path in each, the
bytes kept apart per dataset); resumable uploads use ``resumable_uri`` =
``<url>/uploads/<upload_id>`` (no API key, ``Content-Range``, 308 with ``Range`` while incomplete).
``GET /datasets/{dsid}/download_links`` answers signed URLs
``<url>/storage/<dsid>/<path>?expires=<unix s>&signature=<HMAC-SHA256 hex>`` served by the same
process without an API key (1 hour by default, 403 once expired or altered, HTTP Range supported).
`LocalCrucible.storage_log` lists each storage request with whether it carried an
``Authorization`` header, and every header it carried.

Workers: ingestion, SciCat, Google Drive and carrier-segmentation requests move ``requested →
started → complete`` one step per ``worker_delay`` seconds (0.05 by default); an unknown ingestion
class ends ``not supported``, a missing file ``file not found``. Ingesting an image adds a
thumbnail and a produced ``<name>_thumbnail.png`` file; a Drive transfer adds a transfer folder and
its ``Organized/...`` copy, both with status ``current`` as in the real API. ``worker_delay=None``
(or setting `LocalCrucible.worker_delay` to None) freezes them.

Fault injection (`LocalCrucible.faults`, a `FaultInjector`) makes the next N
requests, optionally only for a path prefix and/or method, fail:

    server.faults.add("status", status=503, times=2, path_prefix="/datasets")
    server.faults.add("status", status=429, retry_after=1)          # with Retry-After: 1
    server.faults.add("status", status=403, detail="Signed URL expired")  # its own detail
    server.faults.add("drop", method="POST")                         # close without answering
    server.faults.add("drop_after", method="POST")                   # process, lose the answer
    server.faults.add("delay", seconds=2.5)
    server.faults.add("status", status=503, skip=2, method="GET")   # the third GET fails
    server.faults.add("truncate", after_bytes=1000, path_prefix="/storage/")
    server.faults.add("corrupt_request", offset=9, path_prefix="/storage/v3-parts/")  # body in
    server.faults.add("drop", times=None, probability=0.004, seed=7)  # 0.4% of all, repeatable
    rule = server.faults.add("corrupt", offset=0, path_prefix="/datasets/")
    ...
    assert rule.consumed == 1
    server.faults.clear()

Tests can also count records (``server.count("datasets")``), add users with their own keys
(``server.add_user(orcid) -> api_key``), and read or clear the storage log.

The same is available over HTTP with the admin key: ``POST /_control/faults`` (body: the
arguments of `FaultInjector.add`), ``GET`` and ``DELETE /_control/faults``; ``PUT
/_control/workers`` ``{"delay": seconds or null}``; ``POST /_control/users`` (a user with an API
key); ``GET /_control/storage_log``; ``GET``/``PUT /_control/uploads``
``{"multipart_enabled": bool, "part_size": bytes}`` (API v3: switch new signed multipart
uploads off, so they answer 503, or change their part size). Requests under ``/_control`` are
never faulted.

API v3 files: uploads go to the storage stand-in under ``/storage/v3-*`` (signed part URLs
carrying the part's CRC32C, resumable session URIs, and a token route), stored contents under
``storage/v3/<dataset>/<file>``; files become downloadable once an ingestion request for them
completes. Fault rules, the storage log and worker control apply to these paths as to the
others (`pycrucible.testing._v3_blobs` has the layout).
"""

from pycrucible.testing import _extra  # noqa: F401  (names the extra when it is missing)
from pycrucible.testing._faults import Fault, FaultInjector, FaultKind
from pycrucible.testing._server import LocalCrucible
from pycrucible.testing._state import StorageRequest

__all__ = ["Fault", "FaultInjector", "FaultKind", "LocalCrucible", "StorageRequest"]
