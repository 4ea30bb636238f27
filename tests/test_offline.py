"""drift runs with the network switched off, never unpickles, and its vector cache survives damage."""

from __future__ import annotations

import gc
import json
import multiprocessing
import os
import random
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from test_properties import FakeEmbedder

from drift.cache import text_key
from drift.embedding import load_embedder

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "drift"

_NO_NETWORK = r"""
import json, socket, sys
attempts = []

def _blocked(name):
    def refuse(*args, **kwargs):
        attempts.append(f"{name}{args[1:3] if name == 'connect' else args[:2]!r}"[:200])
        raise OSError(f"network disabled by the test ({name})")
    return refuse

socket.socket.connect = _blocked("connect")
socket.socket.connect_ex = _blocked("connect_ex")
socket.create_connection = _blocked("create_connection")
socket.getaddrinfo = _blocked("getaddrinfo")

import drift
model = sys.argv[1] if sys.argv[1] != "default" else None
report = drift.compare(*drift.load_example(), model=model, cache_dir=sys.argv[2])
report.to_html()
print("RESULT=" + json.dumps({"attempts": attempts, "model": report.model.name,
                              "comparisons": len(report.comparisons)}))
"""


@pytest.mark.slow  # a fresh process loads the model and runs the example corpus: 20-150 s here
@pytest.mark.parametrize("model", ["default", "use"])
def test_the_whole_pipeline_runs_with_the_network_off(model, tmp_path):
    env = {k: v for k, v in os.environ.items()
           if k not in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE", "HF_HOME", "DRIFT_CACHE_DIR")}
    env.update(HOME=str(tmp_path / "home"), XDG_CACHE_HOME=str(tmp_path / "xdg"), PYTHONPATH=str(REPO))
    done = subprocess.run([sys.executable, "-c", _NO_NETWORK, model, str(tmp_path / "cache")],
                          capture_output=True, text=True, env=env, timeout=900, cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(next(x for x in done.stdout.splitlines() if x.startswith("RESULT="))[7:])
    assert result["attempts"] == [], result["attempts"]
    assert result["comparisons"] == 4
    assert result["model"] == ("all-MiniLM-L6-v2" if model == "default"
                               else "universal-sentence-encoder-multilingual-3")
    assert not (tmp_path / "home").exists() or not any((tmp_path / "home").rglob("*.pkl"))


# -- no pickle ---------------------------------------------------------------------------------

_PICKLE_USES = [
    (re.compile(r"^\s*(import|from)\s+(pickle|cPickle|_pickle|dill|cloudpickle|joblib|shelve)\b", re.M),
     "imports a pickle module"),
    (re.compile(r"\bpickle\.(load|loads|Unpickler)\b"), "unpickles"),
    (re.compile(r"allow_pickle\s*=\s*True"), "np.load with allow_pickle=True"),
    (re.compile(r"\bread_pickle\("), "pandas read_pickle"),
    (re.compile(r"\btorch\.load\((?![^)]*weights_only\s*=\s*True)"), "torch.load without weights_only=True"),
]


def test_drift_never_unpickles():
    sources = sorted(PACKAGE.rglob("*.py"))
    assert len(sources) > 10
    found = [f"{path.relative_to(REPO)}: {what}" for path in sources
             for pattern, what in _PICKLE_USES if pattern.search(path.read_text(encoding="utf-8"))]
    assert found == []


def test_the_pickle_check_would_catch_a_use(tmp_path):
    bad = "import numpy as np\nimport pickle\nx = np.load(p, allow_pickle=True)\nm = torch.load(f)\n"
    ok = "m = torch.load(f, map_location='cpu', weights_only=True)\n"
    assert sum(bool(p.search(bad)) for p, _ in _PICKLE_USES) == 3
    assert not any(p.search(ok) for p, _ in _PICKLE_USES)


# -- a damaged cache -----------------------------------------------------------------------------

TEXTS = [f"Sentence {i}: Maduro said the US has {i * 7} troops near Caracas." for i in range(40)]


def _expected(texts):
    return FakeEmbedder().encode(texts)


def _fill(directory: Path) -> None:
    cached = load_embedder(FakeEmbedder(), cache_dir=directory)
    cached.encode(TEXTS)
    del cached
    gc.collect()  # closes the SQLite connection, checkpointing the WAL


def test_garbage_over_the_cache_file_is_moved_aside_and_recomputed(tmp_path):
    _fill(tmp_path)
    db = tmp_path / "vectors.sqlite"
    db.write_bytes(os.urandom(8192))
    fresh = load_embedder(FakeEmbedder(), cache_dir=tmp_path)
    assert np.array_equal(fresh.encode(TEXTS), _expected(TEXTS))
    assert fresh.encoded == len(TEXTS)
    assert (tmp_path / "vectors.corrupt").exists()
    del fresh
    gc.collect()
    again = load_embedder(FakeEmbedder(), cache_dir=tmp_path)
    assert np.array_equal(again.encode(TEXTS), _expected(TEXTS)) and again.encoded == 0


def test_a_truncated_cache_file_still_gives_the_right_vectors(tmp_path):
    _fill(tmp_path)
    db = tmp_path / "vectors.sqlite"
    db.write_bytes(db.read_bytes()[: max(db.stat().st_size // 2, 100)])
    fresh = load_embedder(FakeEmbedder(), cache_dir=tmp_path)  # may warn: the cache is unusable
    texts = TEXTS + ["A new sentence."]
    assert np.array_equal(fresh.encode(texts), _expected(texts))


@pytest.mark.parametrize("damage", [b"\x00" * 10, b"", np.full(64, np.nan, np.float32).tobytes(),
                                    np.ones(65, np.float32).tobytes()])
def test_a_row_of_the_wrong_length_or_not_finite_is_recomputed(tmp_path, damage):
    _fill(tmp_path)
    with sqlite3.connect(tmp_path / "vectors.sqlite") as db:
        changed = db.execute("UPDATE vectors SET vector = ? WHERE key = ?", (damage, text_key(TEXTS[3])))
        assert changed.rowcount == 1
    db.close()
    fresh = load_embedder(FakeEmbedder(), cache_dir=tmp_path)
    assert np.array_equal(fresh.encode(TEXTS), _expected(TEXTS))
    assert fresh.encoded == 1
    del fresh
    gc.collect()
    repaired = load_embedder(FakeEmbedder(), cache_dir=tmp_path)
    assert np.array_equal(repaired.encode(TEXTS), _expected(TEXTS)) and repaired.encoded == 0


# -- concurrent runs sharing one cache -----------------------------------------------------------

SHARED = [f"Shared sentence {i} about strikes on boats in the Caribbean, {i} killed." for i in range(600)]


def _encode_worker(directory: str, worker: int) -> None:
    from test_properties import FakeEmbedder as Fake

    from drift.embedding import load_embedder as load

    texts = SHARED[worker * 100: worker * 100 + 300]  # each overlaps its neighbours by 200
    rng = random.Random(worker)
    rng.shuffle(texts)
    cached = load(Fake(), cache_dir=directory)
    for k in range(0, len(texts), 7):  # many small writes, so the processes interleave
        vectors = cached.encode(texts[k:k + 7])
        assert np.array_equal(vectors, Fake().encode(texts[k:k + 7]))


def test_four_processes_sharing_a_cache_leave_it_valid(tmp_path):
    context = multiprocessing.get_context("spawn")
    processes = [context.Process(target=_encode_worker, args=(str(tmp_path), k)) for k in range(4)]
    for p in processes:
        p.start()
    for p in processes:
        p.join(timeout=300)
    assert [p.exitcode for p in processes] == [0, 0, 0, 0]
    union = SHARED[:600]
    with sqlite3.connect(tmp_path / "vectors.sqlite") as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        rows = dict(db.execute("SELECT key, vector FROM vectors WHERE model = ?", ("fake-hashed-bow",)))
    db.close()
    assert len(rows) == len(union)
    expected = _expected(union)
    for text, vector in zip(union, expected, strict=True):
        assert np.array_equal(np.frombuffer(rows[text_key(text)], dtype=np.float32), vector), text
    reader = load_embedder(FakeEmbedder(), cache_dir=tmp_path)
    assert np.array_equal(reader.encode(union), expected) and reader.encoded == 0
