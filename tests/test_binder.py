"""Binder, simulated: a fresh virtual environment from binder/, postBuild, then every notebook offline.

The Binder image has no torch (binder/requirements.txt): drift runs there on the multilingual USE
model, which binder/start selects with DRIFT_MODEL=use. This test proves the notebooks need nothing
more than what those files install.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BINDER = ROOT / "binder"


def _run(cmd, **kwargs) -> subprocess.CompletedProcess:
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=1800, **kwargs)
    assert result.returncode == 0, f"{cmd}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return result


@pytest.mark.slow
def test_binder_files_build_an_environment_that_runs_every_notebook(tmp_path):
    repo = tmp_path / "repo"
    shutil.copytree(ROOT, repo, ignore=shutil.ignore_patterns(".venv", ".git", "artifacts", "*.egg-info",
                                                              "__pycache__", ".pytest_cache"))
    venv = tmp_path / "binder-venv"
    _run([sys.executable, "-m", "venv", str(venv)])
    python = venv / "bin" / "python"
    home = tmp_path / "home"
    home.mkdir()
    env = {"PATH": f"{venv / 'bin'}:{os.environ['PATH']}", "HOME": str(home), "LANG": "C.UTF-8",
           "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    # What repo2docker does: requirements.txt from the repository root, then postBuild; the base
    # image brings JupyterLab and a kernel, which are added here with the notebook runner.
    _run([str(python), "-m", "pip", "install", "-q", "-r", "binder/requirements.txt",
          "jupyterlab", "ipykernel", "nbclient", "nbformat"], cwd=repo, env=env)
    _run(["bash", "binder/postBuild"], cwd=repo, env=env)
    assert _run([str(python), "-c", "import importlib.util as u; print(u.find_spec('torch') is None)"],
                env=env).stdout.strip() == "True", "the Binder image must stay free of torch"
    runner = (
        "import sys, nbformat, nbclient\n"
        "for path in sys.argv[1:]:\n"
        "    nb = nbformat.read(path, as_version=4)\n"
        "    nbclient.NotebookClient(nb, timeout=900, kernel_name='python3',\n"
        "                            resources={'metadata': {'path': 'notebooks'}}).execute()\n"
        "    print('ran', path)\n")
    notebooks = sorted(str(p.relative_to(repo)) for p in (repo / "notebooks").glob("*.ipynb"))
    result = _run(["bash", "binder/start", str(python), "-c", runner, *notebooks], cwd=repo,
                  env={**env, "HF_HUB_OFFLINE": "1", "JUPYTER_PLATFORM_DIRS": "1"})
    assert result.stdout.count("ran notebooks/") == len(notebooks) >= 3
