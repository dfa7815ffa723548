"""The example notebook runs start to end in a real kernel against the local server."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import nbformat
import pytest
from nbclient import NotebookClient

NOTEBOOK = Path(__file__).resolve().parents[3] / "docs" / "examples" / "quickstart.ipynb"


def _text(output: Any) -> str:
    if output.get("output_type") == "stream":
        return str(output.get("text", ""))
    data = output.get("data", {})
    return str(data.get("text/html", "")) + str(data.get("text/plain", ""))


@pytest.mark.slow
def test_quickstart_notebook_runs_without_errors(tmp_path: Path) -> None:
    read: Any = nbformat.read  # nbformat has no type hints
    notebook = read(NOTEBOOK, as_version=4)
    assert not any(cell.get("outputs") for cell in notebook.cells if cell.cell_type == "code")
    NotebookClient(
        notebook,
        timeout=300,
        kernel_name="python3",
        resources={"metadata": {"path": str(tmp_path)}},
    ).execute()
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    everything = "\n".join(_text(o) for o in outputs)
    # The lazy list's table, the DataFrame, the upload bar and the verified download.
    assert "<caption>KeysetPages</caption>" in everything
    assert "quickstart scan 2" in everything
    assert "datetime64" in everything
    assert "frame-0001.bin" in everything
    assert "ingestion: complete" in everything
    assert "downloaded frame-0001.bin matches the upload: True" in everything
