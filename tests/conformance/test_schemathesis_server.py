"""schemathesis against the live local server with the seed-era contract (openapi-v1.json).

Checks: no server error, documented status codes, content types, response headers and response
schemas for every operation, plus the rejection of schema-violating input (negative cases),
missing required headers and unsupported methods. Three passes: every operation with the admin
key (coverage and fuzzing phases), every operation with the normal user's key (fuzzing), and
stateful sequences that chain operations through links schemathesis infers from the schemas
(with its use-after-free and resource-availability checks).

Left out on purpose: ``ignored_auth`` (the real API answers 400, not 401/403, for a key that
matches no account; the auth tests in tests/integration/server cover that) and
``positive_data_acceptance`` (random identifiers legitimately answer 404 or null).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, settings

from pycrucible.testing import LocalCrucible

ROOT = Path(__file__).resolve().parents[2]
MAX_EXAMPLES = 10
METHODS = {"get", "post", "put", "patch", "delete"}
CHECKS = (
    "not_a_server_error",
    "status_code_conformance",
    "content_type_conformance",
    "response_headers_conformance",
    "response_schema_conformance",
    "negative_data_rejection",
    "missing_required_header",
    "unsupported_method",
    "use_after_free",
    "ensure_resource_availability",
)
# Fixed keys: schemathesis asks for them while collecting, before the server starts.
KEYS = {"admin": "conformance-admin-key", "user": "conformance-user-key"}
CASES: dict[str, Counter[str]] = {"admin": Counter(), "user": Counter(), "stateful": Counter()}


def _schema(*, coverage: bool) -> Any:
    config = schemathesis.Config.from_dict(
        {
            "generation": {
                "max-examples": MAX_EXAMPLES,
                "database": "none",
                "deterministic": True,
                # The API ignores unknown query parameters by design (so does the contract).
                "allow-extra-parameters": False,
            },
            "phases": {"coverage": {"enabled": coverage}},
            "checks": {"enabled": False, **{name: {"enabled": True} for name in CHECKS}},
            "operations": [
                {
                    # Documented: the real API does not implement hard deletion.
                    "include-operation-id": "delete_dataset",
                    "checks": {
                        "not_a_server_error": {"expected-statuses": ["2xx", "3xx", "4xx", "501"]}
                    },
                }
            ],
        }
    )
    return schemathesis.openapi.from_path(ROOT / "openapi-v1.json", config=config)


ADMIN_SCHEMA = _schema(coverage=True)
USER_SCHEMA = _schema(coverage=False)


def _key_provider(role: str) -> type:
    class ApiKey:
        """Sends the role's API key as a bearer token."""

        def get(self, case: schemathesis.Case, ctx: schemathesis.AuthContext) -> str:
            return KEYS[role]

        def set(self, case: schemathesis.Case, data: str, ctx: schemathesis.AuthContext) -> None:
            case.headers = {**(case.headers or {}), "Authorization": f"Bearer {data}"}

    return ApiKey


ADMIN_SCHEMA.auth(refresh_interval=None)(_key_provider("admin"))
USER_SCHEMA.auth(refresh_interval=None)(_key_provider("user"))


@pytest.fixture(scope="module")
def server() -> Iterator[LocalCrucible]:
    with LocalCrucible(
        admin_key=KEYS["admin"], user_key=KEYS["user"], worker_delay=0.01
    ) as running:
        yield running


@pytest.fixture(scope="module")
def session(server: LocalCrucible) -> Iterator[requests.Session]:
    with requests.Session() as http:
        yield http


@ADMIN_SCHEMA.parametrize()
def test_admin_calls_conform(
    case: schemathesis.Case, server: LocalCrucible, session: requests.Session
) -> None:
    CASES["admin"][case.operation.label] += 1
    case.call_and_validate(base_url=server.url, session=session)


@USER_SCHEMA.parametrize()
def test_user_calls_conform(
    case: schemathesis.Case, server: LocalCrucible, session: requests.Session
) -> None:
    CASES["user"][case.operation.label] += 1
    case.call_and_validate(base_url=server.url, session=session)


def test_stateful_sequences_conform() -> None:
    # A server of its own: the sequences must not depend on what earlier tests left behind.
    with (
        LocalCrucible(admin_key=KEYS["admin"], user_key=KEYS["user"], worker_delay=0.01) as server,
        requests.Session() as session,
    ):
        _run_stateful(server, session)


def _run_stateful(server: LocalCrucible, session: requests.Session) -> None:
    class Workflow(ADMIN_SCHEMA.as_state_machine()):  # type: ignore[misc]
        def get_call_kwargs(self, case: schemathesis.Case) -> dict[str, Any]:
            CASES["stateful"][case.operation.label] += 1
            return {"base_url": server.url, "session": session}

    Workflow.run(
        settings=settings(
            max_examples=30,
            stateful_step_count=8,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
    )


def test_every_operation_was_exercised(capsys: pytest.CaptureFixture[str]) -> None:
    if not CASES["admin"]:
        pytest.skip("the schemathesis passes did not run in this session")
    spec = json.loads((ROOT / "openapi-v1.json").read_text())
    operations = sum(len(set(item) & METHODS) for item in spec["paths"].values())
    assert len(CASES["admin"]) == len(CASES["user"]) == operations == 71
    with capsys.disabled():
        print(
            "\nschemathesis: "
            + ", ".join(
                f"{name} {len(counts)} operations / {sum(counts.values())} cases"
                for name, counts in CASES.items()
            )
        )
