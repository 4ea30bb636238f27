"""Importing drift, and asking the CLI for help, must not pay for torch (~8 s cold on 2 cores)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
HEAVY = ("torch", "transformers", "sentence_transformers")

_PROBE = """
import json, sys
{body}
print("MODULES=" + json.dumps(sorted(m for m in sys.modules if m.split(".")[0] in {heavy!r})))
"""


def _loaded_after(body: str) -> list[str]:
    code = _PROBE.format(body=body, heavy=set(HEAVY) | {"pandas", "dask", "distributed", "playwright"})
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO,
                          timeout=300)
    assert done.returncode == 0, done.stderr
    line = next(x for x in done.stdout.splitlines() if x.startswith("MODULES="))
    return json.loads(line.removeprefix("MODULES="))


@pytest.mark.parametrize("body", ["import drift", "import drift.pipeline", "import drift.batch",
                                  "import drift.cli"])
def test_importing_drift_does_not_import_torch(body):
    loaded = {m.split(".")[0] for m in _loaded_after(body)}
    assert not loaded & set(HEAVY), f"{body!r} imported {sorted(loaded & set(HEAVY))}"


def test_import_drift_loads_neither_pandas_nor_dask():
    # drift/__init__.py promises heavy libraries load only when a step needs them
    loaded = {m.split(".")[0] for m in _loaded_after("import drift")}
    assert not loaded & {"pandas", "dask", "distributed"}, sorted(loaded)


def test_cli_help_does_not_import_torch():
    body = ("import runpy\nsys.argv = ['drift', '--help']\n"
            "try:\n    runpy.run_module('drift', run_name='__main__')\nexcept SystemExit as e:\n"
            "    assert e.code == 0, e.code")
    loaded = {m.split(".")[0] for m in _loaded_after(body)}
    assert not loaded & set(HEAVY), sorted(loaded & set(HEAVY))


def test_the_use_backend_does_not_import_torch():
    """Encoding, the null distribution and sizing the thread pools all run without torch."""
    body = ("from drift.embedding import load_embedder, null_similarities\n"
            "model = load_embedder('use', cache_dir=False)\nmodel.encode(['Hi.'])\nnull_similarities(model)")
    loaded = {m.split(".")[0] for m in _loaded_after(body)}
    assert not loaded & set(HEAVY), sorted(loaded & set(HEAVY))


def test_the_drift_command_with_the_use_model_does_not_import_torch(tmp_path):
    """Encoding, aligning and parsing (spaCy without thinc's torch interop, see
    drift.parsing.skip_torch_interop) all run without torch."""
    (tmp_path / "a.txt").write_text("The police arrested the protesters on Monday. The mayor said nothing.")
    (tmp_path / "b.txt").write_text("The protesters arrested the police on Monday. The mayor said nothing.")
    body = (f"import runpy\nsys.argv = ['drift', 'compare', {str(tmp_path / 'a.txt')!r}, "
            f"{str(tmp_path / 'b.txt')!r}, '--model', 'use', '--no-cache', '-q']\n"
            "try:\n    runpy.run_module('drift', run_name='__main__')\nexcept SystemExit as e:\n"
            "    assert e.code == 0, e.code\nassert 'spacy' in sys.modules")
    loaded = {m.split(".")[0] for m in _loaded_after(body)}
    assert not loaded & set(HEAVY), sorted(loaded & set(HEAVY))


@pytest.mark.parametrize("module", ["drift.wordalign", "drift.shifts.lexical", "drift.shifts",
                                    "drift.lexicon", "drift.parsing", "drift.pipeline", "drift.html"])
def test_every_module_imports_on_its_own(module):
    out = subprocess.run([sys.executable, "-c", f"import {module}"], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
