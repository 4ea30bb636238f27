"""The pipeline: read → split → embed → align → diff and detect shifts → score → report.

>>> import drift
>>> report = drift.compare(*drift.load_example(), model="use")     # doctest: +SKIP
>>> report.summary_frame()                                        # doctest: +SKIP
"""

from __future__ import annotations

import contextlib
import contextvars
import os
import sys
import threading
import warnings
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import NamedTuple

import numpy as np
import regex

from drift import __version__, threads
from drift.alignment import AlignConfig, AlignedPair, align
from drift.cache import report_slot
from drift.diffing import word_diff
from drift.embedding import (
    UNCOVERED_CONFIDENCE,
    CachedEmbedder,
    DeferredEmbedder,
    Embedder,
    coverage_notices,
    coverage_of,
    load_embedder,
    null_similarities,
    primary_language,
)
from drift.errors import (
    DriftWarning,
    EmptyDocumentError,
    InputError,
    ModelError,
    NoReadableRewriteError,
)
from drift.language import detect_language, other_languages
from drift.normalising import comparison_form
from drift.parsing import MODEL_LANG, parse_sides, parser_notice
from drift.parsing import preload as preload_parser
from drift.reading import read_text
from drift.report import Comparison, Document, Link, ModelInfo, Notice, Report, WordPair
from drift.scoring import SimilarityCalibration, comparison_drift, link_drift
from drift.segmenting import (
    PYSBD_WINDOW,
    is_standalone,
    long_lines,
    presplit,
    split_sentences,
    splitter_for,
)
from drift.shifts import addition_shift, detect_side_shifts, omission_shift
from drift.shifts.text import Side
from drift.wordalign import align_words

Source = str | bytes | os.PathLike[str]
#: Unrelated sentence pairs sampled per comparison to calibrate similarity for the model in use.
CALIBRATION_SAMPLE = 2000


def read_document(source: Source | Document, *, role: str, doc_id: str | None = None,
                  default_id: str | None = None, presplit_lines: bool = False,
                  language: str | None = None, input_format: str = "auto") -> Document:
    """Read, split and identify one document (a :class:`Document` passes through with ``role`` set).

    Its id is ``doc_id``, else its file's stem, else ``default_id`` (else its role);
    ``input_format`` is ``"auto"``, ``"text"`` or ``"html"`` (see :mod:`drift.reading`)."""
    return _read(source, role=role, doc_id=doc_id, default_id=default_id, presplit_lines=presplit_lines,
                 language=language, input_format=input_format)[0]


def _read(source: Source | Document, *, role: str, doc_id: str | None, default_id: str | None,
          presplit_lines: bool, language: str | None = None, input_format: str = "auto"
          ) -> tuple[Document, tuple[str, ...]]:
    """The document, and the doubts a reader must see about how it was read."""
    if isinstance(source, Document):
        return replace(source, id=doc_id or source.id, role=role), ()
    read = read_text(source, name=doc_id, default_name=default_id or role, input_format=input_format)
    language = language or detect_language(read.text)
    sentences = presplit(read.text) if presplit_lines else split_sentences(read.text, language)
    doc = Document(read.id, role, read.text, tuple(sentences), language, input_format=read.input_format,
                   encoding=read.encoding, repairs=read.repairs)
    if not doc.content_indices:
        raise EmptyDocumentError(doc.id, "the document holds only page furniture, no article text")
    if not any(c.isalnum() for i in doc.content_indices for c in doc.sentence_text(i)):
        raise EmptyDocumentError(doc.id, "the document holds no words, only punctuation or symbols")
    return doc, read.doubts


def read_documents(base: Source | Document, rewrites: Sequence[Source | Document], *,
                   ids: Sequence[str | None] | None = None, presplit: bool = False,
                   input_format: str = "auto") -> tuple[list[Document], list[Notice]]:
    """Read a base and its rewrites: the documents read (base first, ids made unique) and notices.

    A rewrite that cannot be read is left out with an ``unreadable`` notice (its id, why) and a
    :class:`~drift.errors.DriftWarning`; an encoding guessed on weak evidence gets a
    ``weak-encoding-evidence`` notice. Raises the base's :class:`~drift.errors.InputError` when the
    base cannot be read, the rewrite's own error when the only rewrite cannot, and
    :class:`~drift.errors.NoReadableRewriteError` when none of several can."""
    sources = [base, *rewrites]
    names = list(ids) if ids is not None else [None] * len(sources)
    if len(names) != len(sources):
        raise ValueError(f"{len(names)} ids for {len(sources)} documents")
    read: list[tuple[Document, tuple[str, ...]]] = []
    failures: list[InputError] = []
    for k, (source, name) in enumerate(zip(sources, names, strict=True)):
        role, default_id = ("base", "base") if k == 0 else ("rewrite", f"rewrite-{k}")
        try:
            read.append(_read(source, role=role, doc_id=name, default_id=default_id, presplit_lines=presplit,
                              input_format=input_format))
        except InputError as e:
            if k == 0:
                raise
            failures.append(e)
    if len(read) == 1:
        if len(failures) == 1:
            raise failures[0]
        raise NoReadableRewriteError(failures)
    docs = _unique_ids([doc for doc, _ in read])
    notices = [Notice("weak-encoding-evidence", doubt, doc.id)
               for doc, (_, doubts) in zip(docs, read, strict=True) for doubt in doubts]
    for e in failures:
        message = f"could not be read and was left out: {e.problem}"
        warnings.warn(f"drift: {e.document}: {message}", DriftWarning, stacklevel=3)
        notices.append(Notice("unreadable", message, e.document))
    return docs, notices


def long_line_notice(doc: Document, *, presplit: bool = False) -> Notice | None:
    """A ``long-line`` notice when ``doc`` has lines longer than
    :data:`drift.segmenting.LONG_LINE` characters (a page flattened to one line): its sentences
    were found without its paragraphs (by pysbd in windows, :data:`drift.segmenting.PYSBD_WINDOW`),
    and none of it can be told to be a heading; with ``presplit`` such a line is one sentence.
    ``None`` otherwise."""
    lengths = long_lines(doc.text)
    if not lengths:
        return None
    what = (f"a line of {lengths[0]:,} characters" if len(lengths) == 1
            else f"{len(lengths)} lines of up to {max(lengths):,} characters")
    if presplit:
        how = "read one sentence per line, it is compared as one sentence"
    else:
        how = "its sentences were found without its paragraphs" + (
            f", by the sentence splitter {PYSBD_WINDOW:,} characters at a time"
            if splitter_for(primary_language(doc.language or "en")) == "pysbd" else "")
        how += ", and no heading could be told from the body text"
    return Notice("long-line", f"{doc.id} has {what}, with no line breaks (a page flattened to one "
                  f"line?): {how}", doc.id)


@dataclass
class Analyzer:
    """Compares rewrites with a base using one embedding model; reuse it across many documents.

    Each distinct sentence is encoded once per analyzer (and once per cache directory across runs).
    """

    embedder: CachedEmbedder
    align_config: AlignConfig = field(default_factory=AlignConfig)
    nli: object | None = None  # a drift.nli.NLIScorer, when the user switches NLI evidence on

    @classmethod
    def create(cls, model: str | os.PathLike[str] | Embedder | None = None, *,
               multilingual: bool | None = None, languages: Iterable[str | None] = (),
               cache_dir: str | Path | bool | None = True, nli_model: str | os.PathLike[str] | None = None,
               align_config: AlignConfig | None = None) -> Analyzer:
        """An analyzer with ``model``, or when None the default model for documents in
        ``languages`` (see :func:`drift.embedding.default_model`)."""
        nli = None
        if nli_model is not None:
            from drift.nli import NLIScorer

            nli = NLIScorer(nli_model)
        return cls(load_embedder(model, multilingual=multilingual, languages=languages, cache_dir=cache_dir),
                   align_config or AlignConfig(), nli)

    @property
    def model(self) -> ModelInfo:
        return ModelInfo(self.embedder.name, self.embedder.dim)

    def compare_documents(self, base: Document, rewrite: Document) -> Comparison:
        """Align ``rewrite`` with ``base``, diff and score every link."""
        base_idx, base_texts, base_standalone = _content(base)
        rewrite_idx, rewrite_texts, rewrite_standalone = _content(rewrite)
        base_vectors = self.embedder.encode(base_texts)
        rewrite_vectors = self.embedder.encode(rewrite_texts)
        coverage = coverage_of(self.embedder)
        uncovered = next((lang for lang in (base.language, rewrite.language)
                          if coverage.covers(lang) is False), None)
        pairs = _in_order(base_vectors, rewrite_vectors, base_texts, rewrite_texts) \
            if uncovered is not None else None
        if pairs is None:
            pairs = align(base_vectors, rewrite_vectors, embed=self.embedder.encode,
                          embed_runs=self.embedder.encode_runs, base_texts=base_texts,
                          rewrite_texts=rewrite_texts, config=self.align_config,
                          base_standalone=base_standalone, rewrite_standalone=rewrite_standalone,
                          null=null_similarities(self.embedder))
        calibration = _calibrate(pairs, base_vectors, rewrite_vectors)
        linked = [(tuple(base_idx[i] for i in p.base), tuple(rewrite_idx[j] for j in p.rewrite))
                  for p in pairs]
        # tokenised once for the detectors and the word alignment; parsed together, not link by link
        sides = [(Side(base, b), Side(rewrite, r)) if b and r else None for b, r in linked]
        _parse_ahead([s for s in sides if s is not None and s[0].text != s[1].text])
        links = [self._link(pair, b, r, link_sides, base, rewrite, calibration, uncovered)
                 for pair, (b, r), link_sides in zip(pairs, linked, sides, strict=True)]
        if uncovered is not None:
            links = [replace(link, confidence=min(link.confidence, UNCOVERED_CONFIDENCE))
                     if link.confidence is not None else link for link in links]
        if self.nli is not None:
            links = self._with_nli(links, base, rewrite)
        drift = comparison_drift(links, base, model_reads_both=uncovered is None)
        return Comparison(base.id, rewrite.id, _rounded(drift), tuple(links))

    def _link(self, pair: AlignedPair, b: tuple[int, ...], r: tuple[int, ...],
              sides: tuple[Side, Side] | None, base: Document, rewrite: Document,
              calibration: SimilarityCalibration, uncovered: str | None = None) -> Link:
        """One link (sentence indices ``b`` of the base, ``r`` of the rewrite, and their sides when
        both have some) with its diff, shifts and aligned words. ``uncovered``: a language of the
        pair the model does not read; a sentence left unlinked then says little (the model may simply
        have missed its partner), so its omission or addition is a nuance to check, not a key fact."""
        words: tuple[WordPair, ...] = ()
        if sides is None:
            shift = (omission_shift(base, b, rewrite=rewrite) if not r
                     else addition_shift(rewrite, r, base=base))
            if uncovered is not None and shift.severity > 1:
                shift = replace(shift, severity=1, explanation=f"{shift.explanation} (unsure: the model does "
                                f"not read {uncovered}, so it may have missed this sentence's partner)")
            shifts = [shift]
            diff = [(-1, base.joined(b))] if not r else [(1, rewrite.joined(r))]
        else:
            diff = word_diff(base.joined(b), rewrite.joined(r))
            shifts = detect_side_shifts(*sides, diff)
            words = align_words(*sides, diff)
        similarity = None if pair.similarity is None else _rounded(pair.similarity)
        return Link(base=b, rewrite=r, similarity=similarity,
                    drift=_rounded(link_drift(similarity, shifts, calibration)), moved=pair.moved,
                    diff=tuple(diff), shifts=tuple(shifts), confidence=_rounded(pair.confidence),
                    words=words)

    def _with_nli(self, links: list[Link], base: Document, rewrite: Document) -> list[Link]:
        aligned = [k for k, link in enumerate(links) if link.base and link.rewrite]
        scores = self.nli.scores([base.joined(links[k].base) for k in aligned],
                                 [rewrite.joined(links[k].rewrite) for k in aligned])
        out = list(links)
        for k, score in zip(aligned, scores, strict=True):
            out[k] = replace(links[k], nli={name: _rounded(p) for name, p in score.items()})
        return out

    def iter_compare(self, base: Document, rewrites: Iterable[Document], *, progress: bool = False
                     ) -> Iterator[Comparison]:
        """Comparisons one rewrite at a time, so hundreds of rewrites stream in constant memory."""
        rewrites = list(rewrites)
        iterator: Iterable[Document] = rewrites
        if progress:
            from tqdm.auto import tqdm

            iterator = tqdm(rewrites, desc="drift", unit="rewrite", leave=False)
        for rewrite in iterator:
            yield self.compare_documents(base, rewrite)


def compare(base: Source | Document, *rewrites: Source | Document, model: str | Embedder | None = None,
            multilingual: bool | None = None, ids: Sequence[str] | None = None, presplit: bool = False,
            cache_dir: str | Path | bool | None = True, nli_model: str | None = None,
            align_config: AlignConfig | None = None, progress: bool = False,
            analyzer: Analyzer | None = None, input_format: str = "auto",
            mixed: MixedLanguages | None = None) -> Report:
    """Compare a base article with its rewrites.

    Each document may be text, bytes, a path, or a :class:`Document`. ``model`` names an
    embedding model (``"use"`` for the multilingual Universal Sentence Encoder, any
    sentence-transformers name or local path, or an :class:`Embedder`); by default drift uses
    all-MiniLM-L6-v2 when every document is in English, else the multilingual model (or with
    ``multilingual=True``; see :func:`drift.embedding.default_model`). A document in a language the
    model does not cover gets a ``language-not-covered`` notice and low-confidence links.
    ``ids`` names the documents (file stems by default); ``presplit`` reads one sentence per line;
    ``input_format`` (``"auto"``, ``"text"``, ``"html"``) says whether inputs are web pages (see
    :mod:`drift.reading`); a document that lost its line breaks gets a ``long-line`` notice
    (:func:`long_line_notice`). A rewrite that cannot be read is left out, with an ``unreadable``
    notice in the report and a :class:`~drift.errors.DriftWarning`; errors as
    :func:`read_documents`. With a cache, the same comparison run again (same inputs, options,
    model, drift code and packages) is served from it (see :class:`drift.cache.ReportCache`).
    ``mixed``: :func:`mixed_languages` of these documents when the caller already ran it (to choose
    the model, as :mod:`drift.batch` does), so it is not run twice; by default compare runs it.
    """
    slot = report_slot([base, *rewrites], cache_dir=cache_dir if analyzer is None else None, model=model,
                       multilingual=multilingual, ids=ids, presplit=presplit, nli_model=nli_model,
                       align_config=align_config, input_format=input_format)
    if slot is not None and (cached := slot[0].get_report(slot[1])) is not None:
        return cached
    # a named model with no cache to serve its vectors is needed: it loads while the documents are read
    early: CachedEmbedder | None = None
    loading: threading.Thread | None = None
    if analyzer is None and isinstance(model, (str, os.PathLike)) and not cache_dir:
        with contextlib.suppress(ModelError):  # raised again, after any input error, by Analyzer.create
            early = load_embedder(model, multilingual=multilingual, cache_dir=False)
        if early is not None and isinstance(early.embedder, DeferredEmbedder):
            loading = early.embedder.prefetch()
    docs, notices = read_documents(base, rewrites, ids=ids, presplit=presplit, input_format=input_format)
    if mixed is None:
        mixed = mixed_languages(docs)
    if loading is not None and nli_model is None and any(_reads_parse(docs[0], d) for d in docs[1:]):
        _load_parser_after(loading, early.embedder)  # type: ignore[union-attr, arg-type]
    notices = [*notices, *mixed.notices,
               *(n for doc in docs if (n := long_line_notice(doc, presplit=presplit)) is not None)]
    if analyzer is None:
        analyzer = Analyzer.create(early or model, multilingual=multilingual,
                                   languages=[*(d.language for d in docs), *sorted(mixed.languages)],
                                   cache_dir=cache_dir, nli_model=nli_model, align_config=align_config)
    with threads.limited():  # the aligner's matrix products too: pools sized to the free cores
        comparisons = tuple(analyzer.iter_compare(docs[0], docs[1:], progress=progress))
    notices = [*notices, *coverage_notices(docs, analyzer.embedder)]
    if (missing := parser_notice()) is not None:
        notices.append(missing)
    report = Report(documents=tuple(docs), comparisons=comparisons, model=analyzer.model,
                    drift_version=__version__, notices=tuple(notices))
    if slot is not None and not any(n.code == "unreadable" for n in notices):
        slot[0].put(slot[1], report.to_json())  # a left-out rewrite is not kept: the user will fix it
    return report


class MixedLanguages(NamedTuple):
    """What :func:`mixed_languages` found: the ``mixed-language`` notices and the other languages
    (ISO 639-1 codes) of the lines they are about."""

    notices: list[Notice]
    languages: set[str]


def mixed_languages(docs: Sequence[Document]) -> MixedLanguages:
    """A ``mixed-language`` notice per document with lines in another language than its own
    (:func:`drift.language.other_languages`, read line by line), and those languages, for the
    choice of model: an English article quoting a German paragraph needs the multilingual one.
    Reads every line of every document: run it once per set of documents (see :func:`compare`'s
    ``mixed``)."""
    notices, languages = [], set()
    for doc in docs:
        lines = doc.text.splitlines()
        found = other_languages(lines, doc.language)
        if not found:
            continue
        languages.update(found)
        parts = [f"{len(ks)} line{'s' if len(ks) > 1 else ''} in '{code}' (“{lines[ks[0]].strip()[:60]}…”)"
                 for code, ks in sorted(found.items())]
        notices.append(Notice("mixed-language", f"{doc.id} is in '{doc.language}' but has "
                              f"{'; '.join(parts)}: the model must read both languages for those "
                              "lines to be compared", doc.id))
    return MixedLanguages(notices, languages)


def _content(doc: Document) -> tuple[list[int], list[str], list[bool]]:
    """The content sentences' indices, their comparison forms, and which are headings (standalone)."""
    indices = doc.content_indices
    texts = [comparison_form(doc.sentence_text(i)) for i in indices]
    standalone = [is_standalone(doc.text, doc.sentences[i].start, doc.sentences[i].end) for i in indices]
    return indices, texts, standalone


#: Sentence pairs whose lengths (:func:`reading_length`), after the documents' own length ratio,
#: differ by more than this factor are not read as translations of each other by :func:`_in_order`
#: (a sentence's own ratio stays within about 1.5 of the documents' in faithful translations).
ORDER_LENGTH_RATIO = 2.5
#: Fewest sentence pairs the documents' length ratio is learned from; with fewer, the raw lengths
#: may differ by :data:`ORDER_LENGTH_RATIO_UNKNOWN`.
ORDER_MIN_FOR_RATIO = 3
ORDER_LENGTH_RATIO_UNKNOWN = 3.0
_WIDE = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")


def reading_length(text: str) -> int:
    """A sentence's length that means the same in every script: characters, with a CJK ideograph,
    kana or hangul syllable counted as 3 (the UTF-8 bytes Bertalign's length prior gives it: one
    carries about what 3 letters of an alphabet do), any other letter as 1, whatever its bytes (a
    Devanagari or Cyrillic letter takes 2-3 bytes but no more meaning). Measured on DEMETR dev's
    faithful translations into English (median source/English ratio): Hindi 1.01 (2.57 in bytes),
    Russian 1.00 (1.80), Chinese 0.82, Japanese 0.90, German 1.06, French 1.18."""
    return len(text) + 2 * len(_WIDE.findall(text))


def _in_order(base_vectors: np.ndarray, rewrite_vectors: np.ndarray, base_texts: Sequence[str],
              rewrite_texts: Sequence[str]) -> list[AlignedPair] | None:
    """Where the model does not read a document's language, its cosines say nothing; a translation
    that keeps the base's sentence count and each sentence's length (:func:`reading_length`, as in
    Gale and Church's length-based alignment, scaled by the documents' own length ratio) is then
    linked in order, 1-1.
    ``None`` when the counts or a pair's lengths disagree (the sentences are then left to the
    aligner, and unlinked ones carry only nuances)."""
    if len(base_texts) != len(rewrite_texts) or not base_texts:
        return None
    lengths = [(reading_length(b), reading_length(r)) for b, r in zip(base_texts, rewrite_texts, strict=True)]
    if len(lengths) >= ORDER_MIN_FOR_RATIO:  # the pair's own ratio (the median: robust to one)
        ratio, limit = float(np.median([a / max(b, 1) for a, b in lengths])), ORDER_LENGTH_RATIO
    else:  # too few sentences to learn it from
        ratio, limit = 1.0, ORDER_LENGTH_RATIO_UNKNOWN
    if any(max(a, b * ratio) > limit * max(min(a, b * ratio), 1) for a, b in lengths):
        return None
    sims = np.einsum("ij,ij->i", base_vectors, rewrite_vectors)
    return [AlignedPair((i,), (i,), float(sims[i]), UNCOVERED_CONFIDENCE, False)
            for i in range(len(base_texts))]


def _reads_parse(base: Document, rewrite: Document) -> bool:
    """Whether the detectors of a pair read the English parse (both documents English, or of
    unknown language, as :mod:`drift.shifts.registry` matches them)."""
    return all(d.language is None or primary_language(d.language) == MODEL_LANG for d in (base, rewrite))


def _parse_ahead(sides: Sequence[tuple[Side, Side]]) -> None:
    """Parse, in one batch, the sentences of the links whose detectors read the English parse
    (:func:`_reads_parse`)."""
    english = [side for pair in sides for side in pair if _reads_parse(pair[0].doc, pair[1].doc)]
    if english:
        parse_sides(english)


def _load_parser_after(loading: threading.Thread, embedder: DeferredEmbedder) -> None:
    """Load the English parser in a thread once ``loading`` (the embedding model's load) has
    ended and succeeded, so that spaCy's import and model (1-2 s) load while the sentences are
    encoded and aligned rather than after, and never beside another heavy import (the model's
    torch; see :func:`drift.parsing.skip_torch_interop`). Not beside a torch model's encoding:
    torch's OpenMP workers spin while the encoding thread waits for the GIL (measured on the
    example corpus with MiniLM: +4 s CPU, +3 s wall). Runs in the caller's context, so a
    :func:`drift.parsing.disabled` block holds there too."""
    def load() -> None:
        loading.join()
        if embedder.loaded and "torch" not in sys.modules:
            with threads.background():
                preload_parser()

    threading.Thread(target=contextvars.copy_context().run, args=(load,), name="drift-parser-load").start()


def _unique_ids(docs: list[Document]) -> list[Document]:
    seen: dict[str, int] = {}
    out = []
    for d in docs:
        n = seen.get(d.id, 0)
        seen[d.id] = n + 1
        out.append(d if n == 0 else replace(d, id=f"{d.id}-{n + 1}"))
    return out


def _calibrate(pairs: Sequence[AlignedPair], base_vectors: np.ndarray, rewrite_vectors: np.ndarray
               ) -> SimilarityCalibration:
    matched = [p.similarity for p in pairs if p.similarity is not None]
    unrelated: np.ndarray = np.zeros(0, dtype=np.float32)
    if len(base_vectors) and len(rewrite_vectors):
        rng = np.random.default_rng(0)
        i = rng.integers(0, len(base_vectors), CALIBRATION_SAMPLE)
        j = rng.integers(0, len(rewrite_vectors), CALIBRATION_SAMPLE)
        unrelated = np.einsum("ij,ij->i", base_vectors[i], rewrite_vectors[j])
    return SimilarityCalibration.from_similarities(matched, unrelated)


def _rounded(x: float | None) -> float | None:
    return None if x is None else round(float(x), 4)
