"""Every Python snippet of this repository's README runs against the local server.

Only placeholders change: the URL, the key, `"dataset-id"` (a dataset the user owns) and the
example file names (small files made in a scratch folder). The blocks run in order in one
namespace, as a reader would paste them.
"""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Any

import pytest

from pycrucible import CrucibleClient
from pycrucible.testing import LocalCrucible

README = Path(__file__).resolve().parents[3] / "README.md"
BLOCK = re.compile(r"```python\n(.*?)```", re.DOTALL)


def _blocks() -> list[str]:
    return BLOCK.findall(README.read_text(encoding="utf-8"))


def test_readme_has_the_expected_snippets() -> None:
    text = "\n".join(_blocks())
    for needle in (
        "CrucibleClient(",
        "update_scientific_metadata",
        "add_sample(",
        "wait_for_request_completion",
        "upload_new_dataset(",
        "LocalCrucible()",
        "client.raw",
        "parse_file(",
    ):
        assert needle in text, needle


def test_every_readme_snippet_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for name in ("path/to/file.dat", "data.hdf5", "scan_0001.h5"):
        Path(name).parent.mkdir(parents=True, exist_ok=True)
        Path(name).write_bytes(name.encode() * 100)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("CRUCIBLE_API_VERSION", raising=False)  # as a reader runs it: detected

    with LocalCrucible(worker_delay=0.02) as server:
        with CrucibleClient(server.url, server.user_key) as setup:
            dsid = setup.create_dataset(dataset_name="readme target").unique_id
        namespace: dict[str, Any] = {}
        main: CrucibleClient | None = None
        for block in _blocks():
            code = (
                block.replace("https://crucible.lbl.gov/api/v3", server.url_v3)
                .replace("https://your-crucible-api.com", server.url)
                .replace("your-api-key", server.user_key)
                .replace('"dataset-id"', repr(dsid))
            )
            exec(compile(code, str(README), "exec"), namespace)
            client = namespace.get("client")
            if isinstance(client, CrucibleClient) and client.api_url == server.url_v3:
                assert client.api_version == "v3"  # detected from the server
                assert namespace["typed"]["scientific_metadata"] == {"temperature": 77}
                client.close()
                continue
            if isinstance(client, CrucibleClient) and main is None:
                main = client
                # Waits poll every 5 s by default; keep the walk-through quick.
                main._sleep = lambda seconds: time.sleep(min(seconds, 0.02))
            if isinstance(client, CrucibleClient) and client.closed:
                namespace["client"] = main  # a self-contained snippet closed its own client

        assert main is not None
        client = main
        assert namespace["new_dataset"]["dataset_name"] == "My Experiment"
        assert client.get_scientific_metadata(dsid)["instrument_settings"]["spot_size"] == 3
        assert namespace["child"]["unique_id"] in [
            s["unique_id"] for s in client.list_samples(dataset_id=dsid)
        ]
        assert namespace["result"].ingestion["status"] == "complete"
        assert client.get_scientific_metadata(namespace["parsed"].dsid) == {
            "temperature_K": 77,
            "operator": "ada",
        }
        assert namespace["response"].status_code == 200
        client.close()
