"""API v3 of the local Crucible server, served under ``/api/v3`` (:attr:`LocalCrucible.url_v3`).

Layout:

- ``app.py``: :func:`create_v3_app` and ``V3_ROUTERS``, the tuple of every router;
- ``db.py``: the ``v3_*`` tables (same SQLite file as API v1) and small helpers;
- ``auth.py``: the API key, platform role and ``Crucible-Privilege-Mode`` → :class:`Principal`;
- ``access.py``: role-based access (grants, projects, public) and ``capabilities``;
- ``records.py``: users, projects, instruments and the dataset/sample view;
- ``listing.py``: keyset and offset pages (1000-row cap);
- ``ids.py``: MFIDs, API keys, cursors;
- ``routes/<resource>.py``: one ``router`` per resource.

How to add a router: write ``routes/<resource>.py`` with ``router = APIRouter()`` and route
functions named exactly as the contract's operationIds, paths relative to ``/api/v3``; add
``<resource>.router`` to ``V3_ROUTERS`` in ``app.py``.

How to read the request: the contract middleware
(:class:`pycrucible.testing._enforce.ContractMiddleware`) has already checked it against
``openapi.json`` (422 ``extra_forbidden`` for unknown query parameters and body fields).
Read the converted query with ``query_params(request)`` and the JSON body with
``json_body(request)`` (both in :mod:`pycrucible.testing._enforce`); declare path parameters
as plain ``str`` (or ``int``) arguments. Do not write pydantic models of the contract.
Responses are checked too: one that breaks the contract answers 500 naming the operation.

How to read the principal: add ``principal: PrincipalDep`` (and ``backend: BackendDep``) from
:mod:`pycrucible.testing.v3.auth`; ``principal.elevated`` is True for a platform admin in
elevated mode (``ElevatedDep`` requires it).

How to check access (one function): ``table, row = require_role(backend.db, principal, mfid,
"editor")`` from :mod:`pycrucible.testing.v3.access` returns the dataset or sample, or raises
404 (unknown) / 403 (role too low). Roles: viewer < contributor < editor < admin < owner.

How to mint ids: ``mint_mfid()`` and ``mint_api_key()`` from :mod:`pycrucible.testing.v3.ids`.

Records made through v1 are not visible through v3 (different ids and access models); the
accounts and their API keys are shared.
"""

from pycrucible.testing.v3.app import create_v3_app

__all__ = ["create_v3_app"]
