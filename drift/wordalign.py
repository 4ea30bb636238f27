"""Aligned words inside one link: which word of the rewrite stands for which word of the base.

The link's word diff (:func:`drift.diffing.word_diff`) gives the anchors: words in its kept runs are
``"same"``. Inside each replaced region the words of both sides are paired by how they relate,
the closest relation first (:data:`drift.vocabulary.WORD_RELATIONS`):

1. ``same``: the same folded word, moved inside the region;
2. ``form``: the same word in another form: case, accents, British/American spelling, inflection
   (a shared stem, or a shared lemma in the language's :mod:`drift.lexicon`: *went*/*go*);
3. ``equivalent``: one name by another alias (*America*/*USA*, :data:`drift.shifts.lexicons.ALIASES`);
4. ``synonym``: a shared WordNet synset (*died*/*perished*);
5. ``antonym``: a WordNet antonym (*tiny*/*big*, *died*/*were born*; function words only with
   each other: *more*/*less*);
6. ``vaguer``: the rewrite's word is a hypernym of the base's, at most :data:`VAGUER_DEPTH` levels up
   (*boats* → *vessels*);
7. ``related``: the other way round, the rewrite's word is more specific (*drug* → *narcotics*);

and the words still unpaired are paired in order, between the same anchors, as ``changed`` (a
content word with a content word, a function word with a function word); the rest have no
counterpart. Relations 4–7 need a lexicon for the link's language and are skipped across languages
or where :func:`drift.lexicon.lexicon` has none; token-embedding similarity is not used because no
embedding backend of drift exposes token vectors yet. Scripts without spaces are tokenised one
character at a time (:func:`drift.shifts.text.tokenize`), so their characters pair the same way.

Cost: about a millisecond per changed link on news text (``benchmarks/wordalign.py``).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

from drift.diffing import word_diff
from drift.lexicon import Lexicon, lexicon
from drift.report import WordPair
from drift.shifts.lexicons import ALIASES, STOPWORDS
from drift.shifts.text import Side, Token, stem

__all__ = ["AlignedWord", "align_words", "changed_pairs", "word_alignment"]

#: Relations found by looking at both words, closest first (the order pairs are taken in).
_RANK = ("same", "form", "equivalent", "synonym", "antonym", "vaguer", "related")
#: How many hypernym levels up a word may be and still count as a vaguer one (WordNet's verb and
#: upper noun levels are generic: three levels made *piling* → *met* "vaguer").
VAGUER_DEPTH = 2
#: Above this many candidate pairs in one region only spelling relations are tried (cost bound).
MAX_LEXICAL_PAIRS = 2500


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
    texts). ``language``: the lexicon to use; by default the base document's language when both
    sides share it, else none. Cached per pair of sides (in ``base.memo``).
    """
    key = ("wordalign", id(rewrite), language)
    if key not in base.memo:
        lex = _lexicon(base, rewrite, language)
        base.memo[key] = _align(base, rewrite, _checked(base, rewrite, diff), lex)
    return base.memo[key]


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


def _lexicon(base: Side, rewrite: Side, language: str | None) -> Lexicon | None:
    if language is None:
        b, r = base.doc.language, rewrite.doc.language
        language = b if (b == r or r is None) else (r if b is None else None)
    return lexicon(language)


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


def _align(base: Side, rewrite: Side, diff: Sequence[tuple[int, str]], lex: Lexicon | None
           ) -> tuple[AlignedWord, ...]:
    out: list[AlignedWord] = []
    for kept, b_all, r_all in _regions(base, rewrite, diff):
        b_words = [k for k in b_all if base.tokens[k].is_word]
        r_words = [k for k in r_all if rewrite.tokens[k].is_word]
        if kept and [base.tokens[k].norm for k in b_words] == [rewrite.tokens[k].norm for k in r_words]:
            out.extend(AlignedWord(b, r, "same") for b, r in zip(b_words, r_words, strict=True))
        else:
            out.extend(_pair_region(base, rewrite, b_words, r_words, lex))
    return tuple(out)


def _pair_region(base: Side, rewrite: Side, b_words: list[int], r_words: list[int],
                 lex: Lexicon | None) -> list[AlignedWord]:
    """Pair one replaced region's words: by relation, closest first, then in order (see module)."""
    use_lex = lex if len(b_words) * len(r_words) <= MAX_LEXICAL_PAIRS else None
    b_units = _units(base, b_words, use_lex)
    r_units = _units(rewrite, r_words, use_lex)
    candidates = []
    for bi in b_units:
        for rj in r_units:
            if len(bi) > 1 and len(rj) > 1:
                continue
            rel = _relation(_unit_text(base, b_words, bi), _unit_text(rewrite, r_words, rj),
                            base.tokens[b_words[bi[0]]], rewrite.tokens[r_words[rj[0]]], use_lex)
            if rel is not None:
                place = abs(bi[0] / len(b_words) - rj[0] / len(r_words))
                candidates.append((_RANK.index(rel), len(bi) + len(rj), place, bi, rj, rel))
    pairs: dict[int, tuple[tuple[int, ...], str]] = {}   # first base position → (rewrite positions, relation)
    used_b: set[int] = set()
    used_r: set[int] = set()
    for *_, bi, rj, rel in sorted(candidates):
        if used_b.isdisjoint(bi) and used_r.isdisjoint(rj):
            for i in bi[1:]:
                pairs[i] = (rj, rel)
            pairs[bi[0]] = (rj, rel)
            used_b.update(bi)
            used_r.update(rj)
    # Pairs in reading order on both sides are anchors; the words between two anchors pair in order.
    anchors = [(-1, -1)]
    for i in sorted(pairs):
        if pairs[i][1] != "changed" and pairs[i][0][0] > anchors[-1][1]:
            anchors.append((i, pairs[i][0][-1]))
    anchors.append((len(b_words), len(r_words)))
    for (i0, j0), (i1, j1) in zip(anchors, anchors[1:], strict=False):
        free_b = [i for i in range(i0 + 1, i1) if i not in used_b]
        free_r = [j for j in range(j0 + 1, j1) if j not in used_r]
        for content in (True, False):
            bs = [i for i in free_b if base.tokens[b_words[i]].is_content == content]
            rs = [j for j in free_r if rewrite.tokens[r_words[j]].is_content == content]
            for i, j in zip(bs, rs, strict=False):
                pairs[i] = ((j,), "changed")
                used_b.add(i)
                used_r.add(j)
    found = [AlignedWord(b_words[i], r_words[j], rel) for i, (rj, rel) in pairs.items() for j in rj]
    found += [AlignedWord(b_words[i], None, "changed") for i in range(len(b_words)) if i not in used_b]
    found += [AlignedWord(None, r_words[j], "changed") for j in range(len(r_words)) if j not in used_r]
    return sorted(found, key=lambda p: _order(p, b_words, r_words))


def _units(side: Side, words: list[int], lex: Lexicon | None) -> list[tuple[int, ...]]:
    """Positions of single words, and of two neighbouring words that make one lexicon entry
    ("were born" → *be born*, "took part"), as candidates for a pair."""
    units: list[tuple[int, ...]] = [(i,) for i in range(len(words))]
    if lex is not None:
        for i in range(len(words) - 1):
            a, b = side.tokens[words[i]], side.tokens[words[i + 1]]
            if words[i + 1] == words[i] + 1 and a.sent == b.sent and _is_entry(lex, f"{a.norm} {b.norm}"):
                units.append((i, i + 1))
    return units


def _unit_text(side: Side, words: list[int], unit: tuple[int, ...]) -> str:
    return " ".join(side.tokens[words[i]].norm for i in unit)


@functools.lru_cache(maxsize=65536)
def _is_entry(lex: Lexicon, phrase: str) -> bool:
    return bool(lex.lemmas(phrase))


def _order(p: AlignedWord, b_words: list[int], r_words: list[int]) -> tuple[float, int]:
    if p.base is not None:
        return b_words.index(p.base) / max(len(b_words), 1), 0
    return r_words.index(p.rewrite) / max(len(r_words), 1), 1


def _relation(b_text: str, r_text: str, b: Token, r: Token, lex: Lexicon | None) -> str | None:
    """How two words (or a word and a two-word entry: ``b``/``r`` are their first tokens) relate."""
    if b_text == r_text:
        return "same"
    if " " not in b_text + r_text:
        if stem(b_text) == stem(r_text):
            return "form"
        if b.key == r.key or ALIASES.get(b_text, b_text) == ALIASES.get(r_text, r_text):
            return "equivalent"
    if lex is None or b.is_number or r.is_number:
        return None
    if b_text in STOPWORDS or r_text in STOPWORDS:   # function words: only with each other, opposites
        both = b_text in STOPWORDS and r_text in STOPWORDS
        return "antonym" if both and lex.are_antonyms(b_text, r_text) else None
    return _lexical(lex, b_text, r_text)


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
