"""Aligned words inside one link: which word of the rewrite stands for which word of the base.

The link's word diff (:func:`drift.diffing.word_diff`) gives the anchors: words in its kept runs are
``"same"``. Inside each replaced region the words of both sides are paired by how they relate,
the closest relation first (:data:`drift.vocabulary.WORD_RELATIONS`):

1. ``same``: the same folded word, moved (inside the region, or from another one: see below);
2. ``form``: the same word in another form: case, accents, British/American spelling, inflection
   (a shared stem, or a shared lemma in the language's :mod:`drift.lexicon`: *went*/*go*), the
   article *a*/*an*;
3. ``equivalent``: one name by another alias (*America*/*USA*, :data:`drift.shifts.lexicons.ALIASES`);
4. ``synonym``: a shared WordNet synset (*died*/*perished*);
5. ``antonym``: a WordNet antonym (*tiny*/*big*, *died*/*were born*; for function words the only
   relation, and only in a short region, :data:`SMALL_REGION`: *more*/*less*, *few*/*many*,
   *before*/*after*); the wider :meth:`drift.lexicon.Lexicon.are_opposed` (*released* →
   *imprisoned*, *widely* → *narrowly*) is left to detectors, which use it only for a word
   replaced in place (:mod:`drift.shifts.lexical`);
6. ``vaguer``: the rewrite's word is a hypernym of the base's, at most :data:`VAGUER_DEPTH` levels up
   (*boats* → *vessels*);
7. ``related``: the other way round, the rewrite's word is more specific (*drug* → *narcotics*);

Figures pair by value whatever the script or language, read as :mod:`drift.shifts.numbers` reads
them across languages (:func:`drift.shifts.numerals.read_figures`: digits in any script, CJK
numerals, scale and spelled words, months): one value is ``equivalent`` (三百 ↔ 300, "1,5
millones" ↔ "1.5 million", the words of a figure pair as one span); the figures still unpaired
pair in reading order, a kind with its kind, as ``changed`` (21 → 12, 三百 → 30). Across
languages, a base name (:func:`drift.shifts.crosslingual.names`) pairs as ``equivalent`` with the
capitalised word that carries it by transliteration or CLDR exonym
(:func:`drift.shifts.crosslingual.carried`: Дональда ↔ Donald, Москве ↔ Moscow). A vaguer or more
specific word in a region longer than :data:`SMALL_REGION` pairs only near its place
(:data:`LOOSE_PLACE`).

The words still unpaired pair by place, between the same anchors, as ``changed`` (a content word
with a content word, a function word with a function word; identical words as ``same``), only
within :data:`NEAR` words of where the other side's order puts them, never a word whose every copy
the other side has elsewhere (moved: *Venezuela* ↔ *Vladimir*), within one sentence when both sides
have as many, and, in a region longer than :data:`SMALL_REGION` (a rewording, not a word replaced
in place), only words of one shape (figure, month or weekday, capitalised name, other) and of a
WordNet part of speech in common. The rest have no counterpart (relation ``changed``, the other
side ``None``), except that a content word alone in one region and the same word (or form) alone
in another pair as a moved word. Relations 4–7 need a lexicon for the link's language and are
skipped where :func:`drift.lexicon.lexicon` has none; across languages neither they nor the
pairing by place apply. Token-embedding similarity is not used: no embedding backend of drift
exposes token vectors yet. Scripts without spaces are tokenised one character at a time
(:func:`drift.shifts.text.tokenize`), so their characters pair the same way.

Measured on DEMETR dev (``benchmarks/wordalign.py``), before → after figures and names: source
figures paired with an equal English figure (``src_sent`` → ``mt_sent``) 0.633 → 0.995, source
names the English carries paired 0.548 → 0.977, a changed figure paired as ``changed``
(``src_sent`` → ``pert_sent``) 0.000 → 0.991; antonym items with an antonym pair 0.588 → 0.625
(opposite prepositions and time deixis, the article's two forms as one word), faithful pairs with
one 0.010, unchanged. Left over figures pair across regions too (:func:`_figures_left`).

Cost (word diff included, 2 busy cores, warm lexicon): 1.5–4 ms per one-sentence English DEMETR
link, 4–9 ms for two independent translations of a sentence or a source and its translation
(names matched across scripts), 3–12 ms per link of the example corpus, 6–25 ms for a sentence
with its words shuffled; the English lexicon loads once in 0.3–0.8 s. Figures are read only when a
changed word may be one (:func:`may_be_figure`).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple, TypeVar

from drift.diffing import word_diff
from drift.lexicon import Lexicon, lexicon
from drift.report import Document, Sentence, WordPair
from drift.shifts.crosslingual import carried, names
from drift.shifts.lexicons import ALIASES, MONTHS, STOPWORDS, WEEKDAYS
from drift.shifts.numerals import Figure, month_names, number_words, primary, read_figures, scale_words
from drift.shifts.text import Side, Token, stem

__all__ = ["AlignedWord", "align_words", "changed_pairs", "may_be_figure", "word_alignment"]

T = TypeVar("T")

#: Relations found by looking at both words, closest first (the order pairs are taken in).
_RANK = ("same", "form", "equivalent", "synonym", "antonym", "vaguer", "related")
#: How many hypernym levels up a word may be and still count as a vaguer one (WordNet's verb and
#: upper noun levels are generic: three levels made *piling* → *met* "vaguer").
VAGUER_DEPTH = 2
#: A region of at most this many words on each side is a substitution, where function words pair
#: by meaning too (*more* → *less*); in a longer rewrite their opposites are noise (*out* ↔ *in*).
SMALL_REGION = 3
#: Above this many candidate pairs in one region only spelling relations are tried (cost bound).
MAX_LEXICAL_PAIRS = 2500
#: Words left without a relation pair by place only this many words away from where the other
#: side's order puts them (counted from the nearer anchor); a word farther off was moved, not
#: replaced (*Venezuela* ↔ *Vladimir*), and stays unpaired.
NEAR = 2
#: A vaguer or more specific word (WordNet's loosest relations) in a region of more than
#: :data:`SMALL_REGION` words pairs only this close in relative place (0 = same place, 1 = the
#: other end): far apart, a hypernym match is a chance sense (*agency* ↔ *exit*).
LOOSE_PLACE = 0.25


@dataclass(frozen=True)
class _Link:
    """What the pairing of one link reads: both sides, the lexicon, whether words may pair by
    place, each side's figures by token, and the name words matched across scripts."""

    base: Side
    rewrite: Side
    lex: Lexicon | None
    in_order: bool
    base_figures: dict[int, Figure]
    rewrite_figures: dict[int, Figure]
    names: frozenset[tuple[int, int]]

    @functools.cached_property
    def counts(self) -> tuple[Counter[str], Counter[str]]:
        """How often each folded content word occurs on each side."""
        b, r = (Counter(t.norm for t in side.tokens if t.is_content) for side in (self.base, self.rewrite))
        return b, r

    def moved(self, norm: str, base_side: bool) -> bool:
        """Whether a word of one side has every copy on the other side too (so this one was moved
        and pairs with its copy, :func:`_moved`, not with a word in its place)."""
        mine, theirs = self.counts if base_side else self.counts[::-1]
        return theirs[norm] >= mine[norm] > 0


@dataclass(frozen=True)
class AlignedWord:
    """One word pair of a link: token indices into each :class:`~drift.shifts.text.Side` (``None``
    for a word with no counterpart) and the relation (:data:`drift.vocabulary.WORD_RELATIONS`)."""

    base: int | None
    rewrite: int | None
    relation: str


def word_alignment(base: Side, rewrite: Side, diff: Sequence[tuple[int, str]] | None = None,
                   language: str | None = None) -> tuple[AlignedWord, ...]:
    """Every word (not punctuation) of both sides, paired, in reading order of the base.

    ``diff``: the link's word diff (recomputed when missing or when it does not rebuild both sides'
    texts). ``language``: the lexicon to use; by default the documents' language. When the two
    documents are in different languages (a translation), no lexicon is used and words left
    without a relation stay unpaired: their order says nothing across languages. Cached per pair
    of sides (in ``base.memo``).
    """
    key = ("wordalign", id(rewrite), language)
    cached = base.memo.get(key)
    if cached is not None and cached[0] is rewrite:  # held, so its id is not reused by another side
        return cached[1]
    b, r = base.doc.language, rewrite.doc.language
    cross = language is None and b is not None and r is not None and primary(b) != primary(r)
    lex = None if cross else lexicon(language or b or r)
    bl, rl = (primary(b), primary(r)) if cross else (primary(language or b or r),) * 2
    regions = _regions(base, rewrite, _checked(base, rewrite, diff))
    figures = any(may_be_figure(side.tokens[k], lang) for kept, b_all, r_all in regions
                  if not kept or _norms(base, b_all) != _norms(rewrite, r_all)
                  for side, lang, words in ((base, bl, b_all), (rewrite, rl, r_all)) for k in words)
    link = _Link(base, rewrite, lex, not cross, _figures(base, bl) if figures else {},
                 _figures(rewrite, rl) if figures else {},
                 _name_pairs(base, rewrite, bl, rl) if cross else frozenset())
    result = _align(link, regions)
    base.memo[key] = (rewrite, result)
    return result


def align_words(base: Side, rewrite: Side, diff: Sequence[tuple[int, str]] | None = None,
                language: str | None = None) -> tuple[WordPair, ...]:
    """The link's aligned words as report :class:`~drift.report.WordPair`: spans index each
    document's text. A run of ``same`` words, or of words without counterpart on one side, within
    one sentence, is one pair spanning the run; so is a word paired with a two-word entry ("died" ↔
    "were born"); other pairs are one word each."""
    groups: list[list[AlignedWord]] = []
    for pair in word_alignment(base, rewrite, diff, language):
        if groups and _joins(groups[-1][-1], pair, base, rewrite):
            groups[-1].append(pair)
        else:
            groups.append([pair])
    return tuple(WordPair(_span(base, [p.base for p in g]), _span(rewrite, [p.rewrite for p in g]),
                          g[0].relation) for g in groups)


def changed_pairs(base: Side, rewrite: Side, diff: Sequence[tuple[int, str]] | None = None,
                  language: str | None = None) -> list[tuple[Token | None, Token | None, str]]:
    """The pairs that are not ``same``, as ``(base token or None, rewrite token or None, relation)``,
    one word each: what a detector reasons over (*tiny* → *big* is ``antonym``)."""
    return [(None if p.base is None else base.tokens[p.base],
             None if p.rewrite is None else rewrite.tokens[p.rewrite], p.relation)
            for p in word_alignment(base, rewrite, diff, language) if p.relation != "same"]


# -- internals ---------------------------------------------------------------------------------


def _checked(base: Side, rewrite: Side, diff: Sequence[tuple[int, str]] | None) -> Sequence[tuple[int, str]]:
    b_text, r_text = base.text, rewrite.text
    if diff is None or "".join(t for op, t in diff if op <= 0) != b_text \
            or "".join(t for op, t in diff if op >= 0) != r_text:
        return word_diff(b_text, r_text)
    return diff


def _regions(base: Side, rewrite: Side, diff: Sequence[tuple[int, str]]
             ) -> list[tuple[bool, list[int], list[int]]]:
    """The diff as ``(kept, base token indices, rewrite token indices)`` regions, in order; a
    token belongs to the part its first character is in."""
    regions: list[tuple[bool, list[int], list[int]]] = []
    bi = ri = bpos = rpos = 0
    for op, text in diff:
        b_end = bpos + len(text) if op <= 0 else bpos
        r_end = rpos + len(text) if op >= 0 else rpos
        b_toks, r_toks = [], []
        while bi < len(base.tokens) and base.jstarts[bi] < b_end:
            b_toks.append(bi)
            bi += 1
        while ri < len(rewrite.tokens) and rewrite.jstarts[ri] < r_end:
            r_toks.append(ri)
            ri += 1
        kept = op == 0
        if regions and not kept and not regions[-1][0]:
            regions[-1][1].extend(b_toks)
            regions[-1][2].extend(r_toks)
        else:
            regions.append((kept, b_toks, r_toks))
        bpos, rpos = b_end, r_end
    return regions


def _align(link: _Link, regions: list[tuple[bool, list[int], list[int]]]) -> tuple[AlignedWord, ...]:
    base, rewrite = link.base, link.rewrite
    out: list[AlignedWord] = []
    for kept, b_all, r_all in regions:
        b_words = [k for k in b_all if base.tokens[k].is_word]
        r_words = [k for k in r_all if rewrite.tokens[k].is_word]
        if kept and _norms(base, b_words) == _norms(rewrite, r_words):
            out.extend(AlignedWord(b, r, "same") for b, r in zip(b_words, r_words, strict=True))
        else:
            out.extend(_pair_region(link, b_words, r_words))
    return tuple(_figures_left(link, _moved(base, rewrite, out)))


def _figures(side: Side, language: str) -> dict[int, Figure]:
    """Each word token of a side that belongs to a figure, read in the side's language and script
    by :func:`drift.shifts.numerals.read_figures` (as :mod:`drift.shifts.numbers` reads them
    across languages), → that figure (spans in document offsets)."""
    out: dict[int, Figure] = {}
    toks = side.tokens
    k = 0
    for i in side.indices:
        s = side.doc.sentences[i]
        for f in read_figures(side.doc.text[s.start:s.end], language or None):
            start, end = f.start + s.start, f.end + s.start
            while k < len(toks) and toks[k].end <= start:
                k += 1
            j = k
            while j < len(toks) and toks[j].start < end:
                if toks[j].is_word:
                    out[j] = Figure(start, end, f.values, f.kind, f.key)
                j += 1
    return out


def _norms(side: Side, tokens: list[int]) -> list[str]:
    """The folded words among ``tokens``."""
    return [side.tokens[k].norm for k in tokens if side.tokens[k].is_word]


def may_be_figure(token: Token, language: str) -> bool:
    """Whether a word may belong to a figure :func:`~drift.shifts.numerals.read_figures` reads
    (a digit or numeral in any script, a number, scale or month word of the language, a Roman
    numeral): a cheap test that spares reading figures where no changed word can be one."""
    if not token.is_word:
        return False
    return any(unicodedata.numeric(c, None) is not None for c in token.text) \
        or token.norm in _figure_words(language) or token.norm[:3] in _figure_words(language) \
        or _ROMAN.fullmatch(token.norm) is not None


_ROMAN = re.compile(r"[ivxlcdm]+")


@functools.lru_cache(maxsize=64)
def _figure_words(language: str) -> frozenset[str]:
    """The number words, scale words and month-name beginnings (three letters: months are
    inflected) of a language, folded, with English's (figures are read in English too)."""
    out: set[str] = set()
    for lang in {language or "en", "en"}:
        out.update(w for words in number_words(lang) for w in words)
        out.update(scale_words(lang))
        out.update(m[:3] for m in month_names(lang))
    return frozenset(out)


def _name_pairs(base: Side, rewrite: Side, base_language: str, rewrite_language: str
                ) -> frozenset[tuple[int, int]]:
    """(base token, rewrite token) pairs of one name across languages and scripts: a word of a
    base name (:func:`drift.shifts.crosslingual.names`) and a capitalised rewrite word that carries
    it (:func:`drift.shifts.crosslingual.carried`: transliteration with inflection, CLDR exonyms),
    Дональда ↔ Donald, Москве ↔ Moscow."""
    spans = names(base, base_language)
    if not spans:
        return frozenset()
    b_toks = [k for k, t in enumerate(base.tokens)
              if t.is_word and any(s <= t.start and t.end <= e for s, e, _ in spans)]
    r_toks = [k for k, t in enumerate(rewrite.tokens) if t.is_word and t.is_cap and not t.is_number]
    return frozenset((b, r) for b in b_toks for r in r_toks
                     if _carries(base.tokens[b].text, base_language, rewrite.tokens[r].text,
                                 rewrite_language))


@functools.lru_cache(maxsize=65536)
def _carries(word: str, language: str, other: str, other_language: str) -> bool:
    doc = Document(id="word", role="rewrite", text=other, sentences=(Sentence(0, len(other)),),
                   language=other_language)
    return carried([word], language, Side(doc, (0,)), other_language)


def _moved(base: Side, rewrite: Side, pairs: list[AlignedWord]) -> list[AlignedWord]:
    """Pair a content word left without counterpart in one region with the same word (or form)
    left alone in another: a moved word, not a deleted one plus an added one."""
    lone_b = [k for k, p in enumerate(pairs) if p.rewrite is None and _movable(base.tokens[p.base])]
    lone_r = [k for k, p in enumerate(pairs) if p.base is None and _movable(rewrite.tokens[p.rewrite])]
    if not lone_b or not lone_r:
        return pairs
    out = list(pairs)
    dropped: set[int] = set()
    for relation, form in (("same", lambda t: t.norm), ("form", lambda t: stem(t.norm))):
        forms = {kr: form(rewrite.tokens[pairs[kr].rewrite]) for kr in lone_r}  # once, not per base word
        for kb in lone_b:
            if out[kb].rewrite is not None:
                continue
            want = form(base.tokens[out[kb].base])
            for kr in lone_r:
                if kr not in dropped and forms[kr] == want:
                    out[kb] = AlignedWord(out[kb].base, pairs[kr].rewrite, relation)
                    dropped.add(kr)
                    break
    return [p for k, p in enumerate(out) if k not in dropped]


def _figures_left(link: _Link, pairs: list[AlignedWord]) -> list[AlignedWord]:
    """Pair figures left without counterpart in different regions (a figure the word diff cut,
    "12:00" → "11:00" with "00" kept): one value as ``equivalent``, then in reading order a kind
    with its kind, then a count, ordinal or year with another of the three, as ``changed``. Only
    a figure whose unpaired words follow each other pairs, so that each pair is one span."""
    if not link.base_figures or not link.rewrite_figures:
        return pairs
    lone: list[dict[Figure, list[int]]] = [{}, {}]   # per side: figure → positions in ``pairs``
    for pos, p in enumerate(pairs):
        for side, k, other, figures in ((0, p.base, p.rewrite, link.base_figures),
                                        (1, p.rewrite, p.base, link.rewrite_figures)):
            if other is None and k in figures:
                lone[side].setdefault(figures[k], []).append(pos)
    free = []
    for side, which, found in ((link.base, "base", lone[0]), (link.rewrite, "rewrite", lone[1])):
        words = {f: [getattr(pairs[x], which) for x in at] for f, at in found.items()}
        free.append([(f, at, words[f][0] / len(side.tokens), _in_digits(side, words[f]))
                     for f, at in found.items() if _consecutive(side, words[f])])
    matched = _changed_figures(free[0], free[1], equal=True)
    if not matched:
        return pairs
    replace: dict[int, list[AlignedWord]] = {}
    dropped: set[int] = set()
    for b_at, r_at, rel in matched:
        b_tok = [pairs[x].base for x in b_at]
        r_tok = [pairs[x].rewrite for x in r_at]
        replace[b_at[0]] = [AlignedWord(i, j, rel) for i, js in _staircase(tuple(b_tok), tuple(r_tok))
                            for j in js]
        dropped.update(b_at[1:])
        dropped.update(r_at)
    out: list[AlignedWord] = []
    for pos, p in enumerate(pairs):
        if pos in replace:
            out.extend(replace[pos])
        elif pos not in dropped:
            out.append(p)
    return out


def _consecutive(side: Side, tokens: list[int | None]) -> bool:
    """Whether word tokens follow each other in one sentence with no other word between them."""
    ks = sorted(k for k in tokens if k is not None)
    toks = side.tokens
    return len(ks) == len(tokens) and all(
        toks[a].sent == toks[b].sent and not any(toks[x].is_word for x in range(a + 1, b))
        for a, b in zip(ks, ks[1:], strict=False))


def _in_digits(side: Side, tokens: list[int]) -> bool:
    """Whether a figure is written with digits (of any script), not numerals or words."""
    return any(c.isdigit() for k in tokens for c in side.tokens[k].text)


#: Kinds of figure a changed figure may turn into another of (a count read as a year: "950" → "1000").
_COUNTED = frozenset({"count", "ordinal", "year"})


def _changed_figures(base: list[tuple[Figure, T, float, bool]], rewrite: list[tuple[Figure, T, float, bool]],
                     equal: bool = False) -> list[tuple[T, T, str]]:
    """Pair leftover figures ``(figure, where, relative place 0–1, in digits)`` of two sides:
    with ``equal``, one value first (``equivalent``); then figures of different values as
    ``changed``, the likeliest pair first: the same kind before a count, ordinal or year for
    another of them, both in digits (or both not) before a numeral for a digit, then the
    nearer place."""
    candidates = []
    for a, (bf, _, bp, bd) in enumerate(base):
        for b, (rf, _, rp, rd) in enumerate(rewrite):
            if bf.same(rf):
                if equal:
                    candidates.append(((0, 0, abs(bp - rp)), a, b, "equivalent"))
            elif bf.kind == rf.kind or {bf.kind, rf.kind} <= _COUNTED:
                candidates.append(((1 + (bf.kind != rf.kind), bd != rd, abs(bp - rp)), a, b, "changed"))
    out: list[tuple[T, T, str]] = []
    used_a: set[int] = set()
    used_b: set[int] = set()
    for _, a, b, rel in sorted(candidates):
        if a not in used_a and b not in used_b:
            used_a.add(a)
            used_b.add(b)
            out.append((base[a][1], rewrite[b][1], rel))
    return out


def _movable(token: Token) -> bool:
    return token.is_content or token.is_number


class _Unit(NamedTuple):
    """One word, or two neighbouring words that make one lexicon entry, with its comparison forms."""

    at: tuple[int, ...]     # positions in the region's word list
    text: str               # folded, words joined by a space
    stem: str
    key: str                # stem with name aliases resolved (Token.key)
    alias: str
    number: bool
    function: bool          # a stopword
    cased: str              # as written, case folded ("US" and "us" differ in ``text``, not here)

    @classmethod
    def of(cls, tokens: list[Token], at: tuple[int, ...]) -> _Unit:
        text = " ".join(t.norm for t in tokens)
        return cls(at, text, stem(text), tokens[0].key if len(tokens) == 1 else text,
                   ALIASES.get(text, text), any(t.is_number for t in tokens), text in STOPWORDS,
                   " ".join(t.text.casefold() for t in tokens))


def _pair_region(link: _Link, b_words: list[int], r_words: list[int]) -> list[AlignedWord]:
    """Pair one replaced region's words: by relation, closest first (figures of one value, names
    across scripts among them), then what figures are left in order, then (``in_order``) the rest
    by place between anchors (see the module docstring)."""
    base, rewrite = link.base, link.rewrite
    use_lex = link.lex if len(b_words) * len(r_words) <= MAX_LEXICAL_PAIRS else None
    b_units = _units(base, b_words, use_lex)
    r_units = _units(rewrite, r_words, use_lex)
    candidates = []
    small = max(len(b_words), len(r_words)) <= SMALL_REGION
    for bu, ru in _unit_pairs(link, b_units, r_units, b_words, r_words, use_lex):
        if len(bu.at) > 1 and len(ru.at) > 1:
            continue
        if bu.cased == ru.cased and bu.text != ru.text:
            rel: str | None = "form"   # only the case differs: US → us
        elif (bu.function or ru.function) and not small:
            continue   # function-word opposites only where a few words were replaced (more → less)
        else:
            rel = _relation(bu, ru, use_lex)
        if rel is None and (b_words[bu.at[0]], r_words[ru.at[0]]) in link.names:
            rel = "equivalent"
        place = abs(bu.at[0] / len(b_words) - ru.at[0] / len(r_words))
        if rel in ("vaguer", "related") and not small and place > LOOSE_PLACE:
            continue
        if rel is not None:
            candidates.append((_RANK.index(rel), len(bu.at) + len(ru.at), place, bu.at, ru.at, rel))
    b_figs = _region_figures(b_words, link.base_figures)
    r_figs = _region_figures(r_words, link.rewrite_figures)
    for bf, bi in b_figs:
        for rf, rj in r_figs:
            if bf.same(rf):
                place = abs(bi[0] / len(b_words) - rj[0] / len(r_words))
                candidates.append((_RANK.index("equivalent"), len(bi) + len(rj), place, bi, rj, "equivalent"))
    pairs: dict[int, tuple[tuple[int, ...], str]] = {}   # base position → (rewrite positions, relation)
    used_b: set[int] = set()
    used_r: set[int] = set()

    def take(bi: tuple[int, ...], rj: tuple[int, ...], rel: str) -> None:
        for i, js in _staircase(bi, rj):
            pairs[i] = (js, rel)
        used_b.update(bi)
        used_r.update(rj)

    for *_, bi, rj, rel in sorted(candidates):
        if used_b.isdisjoint(bi) and used_r.isdisjoint(rj):
            take(bi, rj, rel)
    # figures left over pair as changed figures (21 → 12), the likeliest pairs first
    free_b = [(bf, bi, bi[0] / len(b_words), _in_digits(base, [b_words[i] for i in bi]))
              for bf, bi in b_figs if used_b.isdisjoint(bi)]
    free_r = [(rf, rj, rj[0] / len(r_words), _in_digits(rewrite, [r_words[j] for j in rj]))
              for rf, rj in r_figs if used_r.isdisjoint(rj)]
    for bi, rj, _ in _changed_figures(free_b, free_r):
        take(bi, rj, "changed")
    # Pairs in reading order on both sides are anchors; the words between two anchors pair by place.
    anchors = [(-1, -1)]
    for i in sorted(pairs):
        if pairs[i][0][0] > anchors[-1][1]:
            anchors.append((i, pairs[i][0][-1]))
    anchors.append((len(b_words), len(r_words)))
    for (i0, j0), (i1, j1) in zip(anchors, anchors[1:], strict=False) if link.in_order else ():
        free_b = [i for i in range(i0 + 1, i1) if i not in used_b]
        free_r_words = [j for j in range(j0 + 1, j1) if j not in used_r]
        for content in (True, False):
            bs = [i for i in free_b if base.tokens[b_words[i]].is_content == content]
            rs = [j for j in free_r_words if rewrite.tokens[r_words[j]].is_content == content]
            at = 0
            for i in bs:
                for k in range(at, len(rs)):
                    j = rs[k]
                    if min(abs((i - i0) - (j - j0)), abs((i1 - i) - (j1 - j))) <= NEAR \
                            and _shapes_fit(link, b_words[i], r_words[j], small):
                        bt, rt = base.tokens[b_words[i]], rewrite.tokens[r_words[j]]
                        take((i,), (j,), "same" if bt.norm == rt.norm else
                             "form" if bt.text.casefold() == rt.text.casefold() else "changed")
                        at = k + 1
                        break
    found = [(i, 0, j, AlignedWord(b_words[i], r_words[j], rel))
             for i, (rj, rel) in pairs.items() for j in rj]
    found += [(i, 0, -1, AlignedWord(b_words[i], None, "changed"))
              for i in range(len(b_words)) if i not in used_b]
    # a word with no counterpart on the base side goes after the base word paired before it
    paired_with = {j: i for i, (rj, _) in pairs.items() for j in rj}
    last = -1
    for j in range(len(r_words)):
        if j in paired_with:
            last = paired_with[j]
        elif j not in used_r:
            found.append((last, 1, j, AlignedWord(None, r_words[j], "changed")))
    return [p for *_, p in sorted(found, key=lambda x: x[:3])]


def _unit_pairs(link: _Link, b_units: list[_Unit], r_units: list[_Unit], b_words: list[int],
                r_words: list[int], lex: Lexicon | None) -> list[tuple[_Unit, _Unit]]:
    """The pairs of units that may relate: all of them with a lexicon; without one (across
    languages, or a region too large for it) :func:`_relation` compares spellings only, so only
    units that share a spelling key (case-folded form, folded text, stem, name key or alias), the
    two forms of the article, or a name carried across scripts (``link.names``) can pair: found
    through an index instead of by trying every pair of a long region."""
    if lex is not None:
        return [(bu, ru) for bu in b_units for ru in r_units]
    index: dict[tuple[str, str], list[int]] = {}
    for k, bu in enumerate(b_units):
        for key in _spelling_keys(bu):
            index.setdefault(key, []).append(k)
    found = {(k, m) for m, ru in enumerate(r_units) for key in _spelling_keys(ru) for k in index.get(key, ())}
    if link.names:
        b_at = {b_words[bu.at[0]]: k for k, bu in enumerate(b_units) if len(bu.at) == 1}
        r_at = {r_words[ru.at[0]]: m for m, ru in enumerate(r_units) if len(ru.at) == 1}
        found.update((b_at[b], r_at[r]) for b, r in link.names if b in b_at and r in r_at)
    return [(b_units[k], r_units[m]) for k, m in sorted(found)]


def _spelling_keys(unit: _Unit) -> list[tuple[str, str]]:
    """The keys two units without a lexicon must share one of to relate (see :func:`_unit_pairs`)."""
    keys = [("cased", unit.cased), ("text", unit.text), ("stem", unit.stem), ("key", unit.key),
            ("alias", unit.alias)]
    if unit.text in _ARTICLE:
        keys.append(("article", ""))
    return keys


def _region_figures(words: list[int], figures: dict[int, Figure]) -> list[tuple[Figure, tuple[int, ...]]]:
    """The figures with words in a region, in order, each with its words' positions in the region."""
    out: list[tuple[Figure, tuple[int, ...]]] = []
    for pos, k in enumerate(words):
        f = figures.get(k)
        if f is None:
            continue
        if out and out[-1][0] == f:
            out[-1] = (f, (*out[-1][1], pos))
        else:
            out.append((f, (pos,)))
    return out


def _staircase(bi: tuple[int, ...], rj: tuple[int, ...]) -> list[tuple[int, tuple[int, ...]]]:
    """Pair two runs of words as one: each base word with a run of rewrite words, every step moving
    one side by one word, so the pairs join into one span each side (:func:`align_words`)."""
    steps = [(0, 0)]
    a = b = 0
    while (a, b) != (len(bi) - 1, len(rj) - 1):
        if a < len(bi) - 1 and (b == len(rj) - 1 or (a + 1) / len(bi) <= (b + 1) / len(rj)):
            a += 1
        else:
            b += 1
        steps.append((a, b))
    out: dict[int, list[int]] = {}
    for a, b in steps:
        out.setdefault(bi[a], []).append(rj[b])
    return [(i, tuple(js)) for i, js in out.items()]


def _shape(side: Side, figures: dict[int, Figure], k: int) -> str:
    """A word's shape, what a word pairs by place only with: ``figure``, ``date`` (a month or
    weekday), ``name`` (capitalised inside a sentence), ``word``; a sentence's first word is
    ``first`` (either of the last two)."""
    t = side.tokens[k]
    if t.is_number or k in figures:
        return "figure"
    if t.norm in MONTHS or t.norm in WEEKDAYS:
        return "date"
    if not t.is_cap or not t.text[:1].isalpha():
        return "word"
    for x in reversed(side.tokens[:k]):
        if x.sent != t.sent:
            break
        if x.is_word:
            return "name"
    return "first"


def _shapes_fit(link: _Link, b: int, r: int, small: bool) -> bool:
    """Whether two words left without a relation may pair by place: neither a moved word
    (:meth:`_Link.moved`), the same sentence of the link when both sides have as many; then in a
    :data:`SMALL_REGION` (a few words replaced in place, often by another part of speech or
    language: *died* → *death*, *government* → *Regierung*) a figure only with a figure, and in
    a longer region the same shape (:func:`_shape`) and, with a lexicon, a part of speech in
    common where WordNet knows both (*administration* ↛ *intensified*)."""
    bt, rt = link.base.tokens[b], link.rewrite.tokens[r]
    if bt.text.casefold() == rt.text.casefold():
        return True    # US → us
    if link.moved(bt.norm, True) or link.moved(rt.norm, False):
        return False
    if link.base.tokens[-1].sent == link.rewrite.tokens[-1].sent and bt.sent != rt.sent:
        return False
    sb = _shape(link.base, link.base_figures, b)
    sr = _shape(link.rewrite, link.rewrite_figures, r)
    if small and (sb == "figure") == (sr == "figure"):
        return True    # a few words replaced in place: Regierung for government, death for died
    if sb != sr and not ("first" in (sb, sr) and {sb, sr} <= {"first", "name", "word"}):
        return False
    if link.lex is None or not (bt.is_content and rt.is_content):
        return True
    pb, pr = _parts_of_speech(link.lex, bt.norm), _parts_of_speech(link.lex, rt.norm)
    return not pb or not pr or bool(pb & pr)


@functools.lru_cache(maxsize=65536)
def _parts_of_speech(lex: Lexicon, word: str) -> frozenset[str]:
    """WordNet's parts of speech (``n v a r``) a folded word can be a form of; empty if none."""
    return frozenset(p for p in "nvar" if lex.lemmas(word, p))


def _units(side: Side, words: list[int], lex: Lexicon | None) -> list[_Unit]:
    """Single words, and two neighbouring words that make one lexicon entry ("were born" → *be
    born*, "took part"), as candidates for a pair."""
    toks = [side.tokens[k] for k in words]
    units = [_Unit.of([t], (i,)) for i, t in enumerate(toks)]
    if lex is not None:
        for i in range(len(words) - 1):
            a, b = toks[i], toks[i + 1]
            if words[i + 1] == words[i] + 1 and a.sent == b.sent and _is_entry(lex, f"{a.norm} {b.norm}"):
                units.append(_Unit.of([a, b], (i, i + 1)))
    return units


@functools.lru_cache(maxsize=65536)
def _is_entry(lex: Lexicon, phrase: str) -> bool:
    return bool(lex.lemmas(phrase))


#: The two forms of the English indefinite article, chosen by the next word's sound (an
#: important → a frivolous): one word.
_ARTICLE = frozenset({"a", "an"})


def _relation(b: _Unit, r: _Unit, lex: Lexicon | None) -> str | None:
    """How two units relate (see the module docstring), or ``None``."""
    if b.text == r.text:
        return "same"
    if len(b.at) == len(r.at) == 1:
        if b.stem == r.stem or {b.text, r.text} == _ARTICLE:
            return "form"
        if b.key == r.key or b.alias == r.alias:
            return "equivalent"
    if lex is None or b.number or r.number or min(len(b.text), len(r.text)) < 2:
        return None
    if b.function or r.function:   # function words: only opposites (few → many)
        return "antonym" if lex.are_antonyms(b.text, r.text) else None
    return _lexical(lex, b.text, r.text)


@functools.lru_cache(maxsize=65536)
def _lexical(lex: Lexicon, b: str, r: str) -> str | None:
    """The WordNet relation of two folded content words (see the module docstring)."""
    if lex.lemmas(b) & lex.lemmas(r):
        return "form"
    if lex.are_synonyms(b, r):
        return "synonym"
    if lex.are_antonyms(b, r):
        return "antonym"
    if lex.lemmas(r) & lex.hypernyms(b, depth=VAGUER_DEPTH):
        return "vaguer"
    if lex.lemmas(b) & lex.hypernyms(r, depth=VAGUER_DEPTH):
        return "related"
    return None


def _span(side: Side, indices: list[int | None]) -> tuple[int, int] | None:
    if None in indices:
        return None
    return side.tokens[min(indices)].start, side.tokens[max(indices)].end


def _joins(prev: AlignedWord, pair: AlignedWord, base: Side, rewrite: Side) -> bool:
    """Whether ``pair`` continues the group ending in ``prev`` (see :func:`align_words`)."""
    if prev.relation != pair.relation:
        return False
    steps = [_step(side, a, b) for side, a, b in ((base, prev.base, pair.base),
                                                  (rewrite, prev.rewrite, pair.rewrite))]
    if "broken" in steps:
        return False
    if pair.relation == "same" or None in (prev.base, prev.rewrite):
        return steps in (["next", "next"], ["none", "next"], ["next", "none"])
    return sorted(steps) == ["next", "repeat"]


def _step(side: Side, a: int | None, b: int | None) -> str:
    """How token ``b`` follows token ``a`` on one side: none, repeat, next (word), broken."""
    if a is None or b is None:
        return "none" if a is None and b is None else "broken"
    if a == b:
        return "repeat"
    if b > a and side.tokens[a].sent == side.tokens[b].sent and \
            all(not side.tokens[k].is_word for k in range(a + 1, b)):
        return "next"
    return "broken"
