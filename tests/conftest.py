"""Shared fixtures: the example corpus and reports built from it once per test session."""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")

import drift  # noqa: E402
from drift.corpus import example_paths  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
CHECKER = SHARED / "tools" / "check_report.py"


@pytest.fixture(scope="session")
def seeds() -> dict[str, Path]:
    """The example corpus by id: "002" is the base."""
    return {p.name.split("_")[0]: p for p in example_paths()}


@pytest.fixture(scope="session")
def docs(seeds) -> dict:
    """The example corpus read as documents, by id."""
    from drift.pipeline import read_document

    return {k: read_document(p, role="base" if k == "002" else "rewrite", doc_id=k) for k, p in seeds.items()}


@pytest.fixture(scope="session")
def cache_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("vector-cache")


@pytest.fixture(scope="session")
def example_report(cache_dir) -> drift.Report:
    """The example corpus compared with the default model (all-MiniLM-L6-v2)."""
    return drift.compare(*example_paths(), cache_dir=cache_dir)


@pytest.fixture(scope="session")
def example_report_use(cache_dir) -> drift.Report:
    """The example corpus compared with the multilingual Universal Sentence Encoder."""
    return drift.compare(*example_paths(), model="use", cache_dir=cache_dir)


@pytest.fixture(scope="session")
def check_report():
    """``check_report(path, inputs=None) -> list of violations`` from ../shared/tools/check_report.py."""
    if not CHECKER.exists():
        pytest.skip(f"{CHECKER} is not there")
    spec = importlib.util.spec_from_file_location("check_report", CHECKER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)

    def run(path: Path, inputs: Path | None = None) -> list[str]:
        import contextlib
        import io

        out = io.StringIO()
        args = ["check_report.py", str(path), "--quiet-warnings"]
        if inputs is not None:
            args += ["--inputs", str(inputs)]
        with contextlib.redirect_stdout(out):
            module.main(args)
        return [line for line in out.getvalue().splitlines() if line.startswith("VIOLATION")]

    return run


@pytest.fixture(scope="session")
def repo_script():
    """Load one of the repository's scripts/*.py as a module: ``repo_script("build_lexicon")``."""
    scripts = Path(__file__).resolve().parents[1] / "scripts"

    def load(name: str):
        spec = importlib.util.spec_from_file_location(name, scripts / f"{name}.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module  # dataclasses in a script look their module up there
        spec.loader.exec_module(module)
        return module
    return load
