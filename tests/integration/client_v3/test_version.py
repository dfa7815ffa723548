"""Choosing the API version over HTTP: detection from /health/ready, the setting, the warning."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from pycrucible import CrucibleClient, UnsupportedByServerError
from pycrucible.testing import LocalCrucible
from pycrucible.v3 import CrucibleClientV3


def test_detects_v3_from_health_ready(
    server: LocalCrucible, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("CRUCIBLE_API_VERSION", raising=False)
    with CrucibleClient(server.url_v3, server.user_key, state_dir=tmp_path) as client:
        assert client.api_version == "v3"
        assert isinstance(client.v3, CrucibleClientV3)
        with pytest.raises(UnsupportedByServerError, match="v3"):
            client.v1  # noqa: B018 - the property raises


def test_detects_v1_where_health_ready_is_missing(
    server: LocalCrucible, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("CRUCIBLE_API_VERSION", raising=False)
    with CrucibleClient(server.url, server.user_key, state_dir=tmp_path) as client:
        assert client.api_version == "v1"
        assert client.v1 is client
        with pytest.raises(UnsupportedByServerError, match="API v1"):
            client.v3  # noqa: B018 - the property raises


def test_environment_chooses_the_version_without_asking(
    server: LocalCrucible, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("CRUCIBLE_API_VERSION", "3")
    with CrucibleClient(server.url_v3, server.user_key, state_dir=tmp_path) as client:
        assert client.api_version == "v3"
        assert "api_version='v3'" in repr(client)


def test_seed_era_url_warns_once_and_means_v1(
    server: LocalCrucible, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("CRUCIBLE_API_VERSION", raising=False)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        client = CrucibleClient(server.url + "/api/v1", server.user_key, state_dir=tmp_path)
    with client:
        deprecations = [w for w in caught if issubclass(w.category, DeprecationWarning)]
        assert len(deprecations) == 1
        assert "api/v3" in str(deprecations[0].message)
        assert client.api_version == "v1"
        assert client.list_datasets(limit=1) is not None


def test_bad_version_setting_fails_before_the_network(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="'v1' or 'v3'"):
        CrucibleClient("http://127.0.0.1:9", "k", api_version="v2", state_dir=tmp_path)
