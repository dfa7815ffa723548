"""Choosing the API version: the setting, the one detection, and what it refuses."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest

from pycrucible import CrucibleClient, ServerError, UnexpectedResponseError
from pycrucible._config import normalise_api_version

URL = "https://crucible.test/api/v3"


def client_answering(
    clean_env: Path, monkeypatch: pytest.MonkeyPatch, *answers: httpx.Response
) -> tuple[CrucibleClient, list[httpx.Request]]:
    monkeypatch.delenv("CRUCIBLE_API_VERSION", raising=False)
    seen: list[httpx.Request] = []
    script = list(answers)

    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return script.pop(0) if len(script) > 1 else script[0]

    client = CrucibleClient(
        URL, "unit-key-3c1d", transport=httpx.MockTransport(handle), max_retries=0
    )
    return client, seen


def ready(version: str) -> httpx.Response:
    body = {"status": "ok", "build": {"api_version": version}}
    return httpx.Response(200, content=json.dumps(body).encode())


def test_v3_is_detected_once_and_lazily(clean_env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    client, seen = client_answering(clean_env, monkeypatch, ready("3.3.0"))
    assert seen == []  # nothing asked at construction
    assert client.api_version == "v3"
    assert client.api_version == "v3"
    assert [r.url.path for r in seen] == ["/api/v3/health/ready"]
    assert "Authorization" in seen[0].headers


def test_a_missing_route_means_the_seed_era(
    clean_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    client, _ = client_answering(clean_env, monkeypatch, httpx.Response(404, json={}))
    assert client.api_version == "v1"


def test_a_failed_detection_is_not_remembered(
    clean_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    client, seen = client_answering(
        clean_env, monkeypatch, httpx.Response(503, json={"detail": "starting"}), ready("3.3.0")
    )
    with pytest.raises(ServerError):
        _ = client.api_version
    assert client.api_version == "v3"
    assert len(seen) == 2


def test_an_unknown_version_is_refused_by_name(
    clean_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    client, _ = client_answering(clean_env, monkeypatch, ready("4.0.0"))
    with pytest.raises(UnexpectedResponseError, match=r"'4\.0\.0'"):
        _ = client.api_version


def test_the_setting_skips_detection(clean_env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    client, seen = client_answering(clean_env, monkeypatch, ready("3.3.0"))
    pinned = CrucibleClient(URL, "unit-key-3c1d", api_version="V1")
    assert pinned.api_version == "v1"
    assert seen == []
    client.close()
    pinned.close()


def test_the_config_file_names_the_version(
    clean_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CRUCIBLE_API_VERSION", raising=False)
    config = clean_env / "config.toml"
    config.write_text(f'api_url = "{URL}"\napi_key = "k-9"\napi_version = "v3"\n')
    config.chmod(0o600)
    with CrucibleClient(config_file=config) as client:
        assert client.api_version == "v3"


@pytest.mark.parametrize(
    ("raw", "expected"), [("v3", "v3"), ("3", "v3"), (" V1 ", "v1"), (1, "v1")]
)
def test_version_spellings(raw: object, expected: str) -> None:
    assert normalise_api_version(raw, "test") == expected


@pytest.mark.parametrize("raw", ["v2", "", "latest", True])
def test_bad_versions_are_refused(raw: object) -> None:
    with pytest.raises(ValueError, match="'v1' or 'v3'"):
        normalise_api_version(raw, "test")
