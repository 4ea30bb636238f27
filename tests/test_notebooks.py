"""Every notebook runs top to bottom, offline, on the project's own Python."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def test_notebooks_are_committed_without_outputs():
    for path in NOTEBOOKS:
        nb = nbformat.read(path, as_version=4)
        for cell in nb.cells:
            if cell.cell_type == "code":
                assert not cell.outputs and cell.execution_count is None, f"{path.name} has outputs"


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_runs_top_to_bottom(path, tmp_path, monkeypatch):
    # run a copy in a scratch folder, with the repository importable and no network-bound hub
    work = tmp_path / "nb"
    shutil.copytree(ROOT / "notebooks", work)
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("TRANSFORMERS_OFFLINE", "1")
    nb = nbformat.read(work / path.name, as_version=4)
    client = nbclient.NotebookClient(
        nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(work)}},
        kernel_manager_class=_venv_kernel_manager())
    client.execute()
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert not errors, errors[0]["evalue"] if errors else ""
    text = "".join(o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.outputs)
    assert "Traceback" not in text
    if path.stem == "01_quickstart":
        assert_export_shows_the_report(nb)


def assert_export_shows_the_report(nb) -> None:
    """Saved from JupyterLab (which keeps no widget state by default) and exported with nbconvert,
    the explorer's output shows the static report, never a blank box."""
    from nbconvert import HTMLExporter

    explorer_outputs = [o for c in nb.cells if "explore()" in c.source for o in c.outputs
                        if "application/vnd.jupyter.widget-view+json" in o.get("data", {})]
    assert explorer_outputs
    assert all("data-drift-report" in o["data"]["text/html"] for o in explorer_outputs)
    nb.metadata.pop("widgets", None)
    html, _ = HTMLExporter().from_notebook_node(nb)
    assert html.count("data-drift-report") >= len(explorer_outputs)


def _venv_kernel_manager():
    """A kernel manager whose python3 kernel is this interpreter (the venv's), whatever is installed."""
    from jupyter_client.manager import KernelManager

    class VenvKernelManager(KernelManager):
        def format_kernel_cmd(self, extra_arguments=None):
            return [sys.executable, "-m", "ipykernel_launcher", "-f", self.connection_file]

    return VenvKernelManager
