"""The example notebook runs from top to bottom (the notebook extra is a test dependency)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

NOTEBOOK = Path(__file__).resolve().parents[2] / "examples" / "analysis.ipynb"


def test_analysis_notebook_executes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every cell of examples/analysis.ipynb runs without error and draws the chart."""
    import nbclient
    import nbformat
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    src = str(NOTEBOOK.parents[1] / "src")
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(
        p for p in (src, os.environ.get("PYTHONPATH", "")) if p
    ))
    client = nbclient.NotebookClient(
        notebook, timeout=120, kernel_name="python3",
        resources={"metadata": {"path": str(NOTEBOOK.parent)}},
    )
    client.execute()
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    assert any("image/png" in o.get("data", {}) for o in outputs), "the chart was not drawn"
    text = "".join(str(o.get("text", "")) for o in outputs)
    assert "（七）总计: 3863" in text  # 69 + 0 + 26 + 3050 + 718, the 2021-template reports
