"""Secrets at rest and on the way: private files, and a warning before plain http leaves the host.

* The config file written by `crucible config init` / `config set` is 0600 (its new folder
  0700) even under a permissive umask and when it replaces a world-readable file; the key is
  not echoed.
* Resume state of an interrupted upload (it holds the upload URI, a credential) is 0600 in a
  0700 folder.
* A client whose key would travel over plain http to a host other than this one warns when it
  is created, before any request (none is sent); https, and loopback over http, do not warn.
"""

from __future__ import annotations

import os
import stat
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import httpx
import pytest

from pycrucible import CrucibleClient, TransferError

if TYPE_CHECKING:
    from pycrucible.testing import LocalCrucible

KEY = "very-secret-key-for-file-tests"
MIB = 1024 * 1024


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def open_umask() -> Iterator[None]:
    """A umask that would leave new files world-readable and writable."""
    old = os.umask(0)
    yield
    os.umask(old)


def _crucible(*args: str, stdin: str = "") -> str:
    click_testing = pytest.importorskip("click.testing")
    from pycrucible.cli._commands import cli

    result = click_testing.CliRunner().invoke(cli, list(args), input=stdin)
    assert result.exit_code == 0, result.output
    return str(result.output)


def test_config_init_writes_a_private_file(clean_env: Path, open_umask: None) -> None:
    output = _crucible(
        "config",
        "init",
        "--api-url",
        "https://crucible.example.org/api",
        "--api-key-stdin",
        stdin=KEY + "\n",
    )
    config = clean_env / "config" / "pycrucible" / "config.toml"
    assert _mode(config) == 0o600
    assert _mode(config.parent) == 0o700
    assert KEY in config.read_text()
    assert KEY not in output


def test_config_replacing_a_readable_file_makes_it_private(
    clean_env: Path, open_umask: None
) -> None:
    config = clean_env / "elsewhere" / "config.toml"
    config.parent.mkdir()
    config.write_text('api_url = "https://crucible.example.org/api"\n')
    config.chmod(0o644)
    _crucible("config", "set", "api_key", KEY, "--path", str(config))
    assert _mode(config) == 0o600
    assert KEY in config.read_text()
    shown = _crucible("config", "show", "--path", str(config))
    assert KEY not in shown
    assert [p.name for p in config.parent.iterdir()] == ["config.toml"]  # no temporary left


def test_resume_state_is_private(server: LocalCrucible, tmp_path: Path, open_umask: None) -> None:
    state = tmp_path / "state"
    source = tmp_path / "scan.h5"
    source.write_bytes(os.urandom(2 * MIB))
    with CrucibleClient(
        server.url,
        server.user_key,
        state_dir=state,
        sleep=lambda seconds: None,
        resumable_threshold=MIB,
        upload_chunk_size=256 * 1024,
    ) as client:
        dsid = client.create_dataset(dataset_name="private state").unique_id
        server.faults.add("drop", method="PUT", path_prefix="/uploads/", times=None)
        with pytest.raises(TransferError):
            client.upload_dataset(dsid, source)
    files = [p for p in state.rglob("*") if p.is_file()]
    assert files
    for path in files:
        assert _mode(path) == 0o600, path
        assert _mode(path.parent) == 0o700, path.parent


def _refuse(request: httpx.Request) -> httpx.Response:
    raise AssertionError(f"no request may be sent, got {request.method} {request.url}")


@pytest.mark.parametrize(
    "url", ["http://192.0.2.1:8000", "http://192.0.2.1/testapi", "http://[2001:db8::1]:8000"]
)
def test_plain_http_to_another_host_warns_before_any_request(clean_env: Path, url: str) -> None:
    with pytest.warns(UserWarning, match="unencrypted") as caught:
        client = CrucibleClient(url, KEY, transport=httpx.MockTransport(_refuse))
    client.close()
    assert all(KEY not in str(warning.message) for warning in caught)


@pytest.mark.parametrize(
    "url",
    [
        "https://192.0.2.1:8443",
        "http://127.0.0.1:8000",
        "http://127.0.0.2:8000",
        "http://localhost:8000",
        "http://[::1]:8000",
    ],
)
def test_https_and_loopback_do_not_warn(clean_env: Path, url: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        CrucibleClient(url, KEY, transport=httpx.MockTransport(_refuse)).close()


def test_plain_http_url_from_the_environment_warns_too(
    clean_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CRUCIBLE_API_URL", "http://192.0.2.1:8000")
    monkeypatch.setenv("CRUCIBLE_API_KEY", KEY)
    with pytest.warns(UserWarning, match="192.0.2.1"):
        CrucibleClient(transport=httpx.MockTransport(_refuse)).close()
