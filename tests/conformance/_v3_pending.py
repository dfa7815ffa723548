"""API v3 operations of the contract that the local server does not serve yet.

One explicit list, kept in step with the server by tests/conformance/test_server_routes_v3.py
(it fails when an operation here gets served or a served one is missing from the contract).
The schemathesis passes of test_schemathesis_v3.py leave these operations out; every entry is
work that remains. Remove an entry in the same commit that serves the operation.
"""

from __future__ import annotations

# Empty: the server serves all 128 operations. Add an operationId here (with a comment naming
# its method and path) only while its route is being written.
NOT_SERVED_YET: frozenset[str] = frozenset()
