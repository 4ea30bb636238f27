"""Words swapped for their opposite, or for a vaguer word, read on the link's aligned words.

The words of the two sides are paired by :func:`drift.wordalign.changed_pairs` (same, form,
synonym, antonym, hypernym, … from the language's :mod:`drift.lexicon`, Open English WordNet for
English). Two relations are meaning shifts:

- ``antonym``: a word replaced by its opposite (*tiny* → *big*, *presence* → *absence*, *won* →
  *lost*; WordNet antonyms direct, through similar-to and through derivation, and a synonym with a
  negative prefix: *selected* → *unchosen*). The statement now says the reverse: a ``reversal`` of
  severity 3, "reversed" on drift's scale; an opposite among function words (*before* → *after*,
  *last* → *this* week) only as a one-word substitution and, for prepositions, only as
  prepositions (not a phrasal verb's particle: "take over"). A wider net,
  :meth:`~drift.lexicon.Lexicon.are_opposed` (opposites one step further in WordNet: *widely* →
  *narrowly*, *former* → *current*, *released* → *imprisoned*, *growing* → *shrinking*, unless a
  sense of one may say what the other says), is used only for a one-word substitution (the pair
  is the whole change, an article's form or a dropped particle aside: "pointed out" →
  "concealed"), where a paraphrase rarely lands on such a word by chance; every opposite is read
  in the part of speech the parse gives it where that decides ("ago" → "earlier" are adverbs).
  Figures are never opposites (*four* → *five* is a changed figure, :mod:`drift.shifts.numbers`).
  A word replaced in place (a one-word substitution) by a word of clearly opposite value, which
  WordNet does not oppose (*hurt* → *help*, *suffer* → *benefit*, *enjoy* → *loathe*, *anger* →
  *happiness*: prior polarity from :mod:`drift.valence`), is a ``reversal`` of severity 2
  (:data:`EVALUATIVE_SEVERITY`).
- ``vaguer``: a word replaced by its hypernym (*car* → *vehicle*, *urine* → *waste*): information
  lost, a nuance (``other``, severity 1).

An opposite under a negation on one side only ("lost" → "did not win") says the same thing and is
left alone; a negator as the opposite ("often" → "seldom") is a negation, read by
:mod:`drift.shifts.polarity`.
"""

from __future__ import annotations

from collections.abc import Sequence

from drift.lexicon import Lexicon, lexicon
from drift.parsing import parse_side
from drift.report import Shift
from drift.shifts.lexicons import NEGATORS, WEAK_NEGATORS
from drift.shifts.registry import LinkContext, register
from drift.shifts.text import Side, Token, quote, stem

#: How many words before a word a negation may stand and still apply to it ("did not win").
NEGATION_REACH = 4


def _negated(side: Side, k: int) -> bool:
    """Whether a negator stands within :data:`NEGATION_REACH` words before token k, in its sentence."""
    sent = side.tokens[k].sent
    return any(side.tokens[j].norm in NEGATORS for j in range(max(0, k - NEGATION_REACH), k)
               if side.tokens[j].sent == sent)


def _context(side: Side, k: int) -> set[str]:
    """Keys of the content words within :data:`NEGATION_REACH` tokens of token k, in its sentence."""
    sent = side.tokens[k].sent
    lo, hi = max(0, k - NEGATION_REACH), k + NEGATION_REACH + 1
    return {t.key for j, t in enumerate(side.tokens[lo:hi], lo) if j != k and t.sent == sent and t.is_content}


def _same_place(base: Side, bk: int, rewrite: Side, rk: int, alone: bool) -> bool:
    """Whether two words stand in the same statement: a one-word substitution (where a participle
    may face an adjective: "injured" → "unharmed"), or words that share a neighbouring content
    word and (with the parse) their part of speech, a participle with an adjective among them
    ("well-known" → "unknown"; "citing … sources" and "unnamed sources" are no opposites)."""
    if alone:
        return True
    if not _context(base, bk) & _context(rewrite, rk):
        return False
    b, r = _pos(base, bk), _pos(rewrite, rk)
    return b is None or r is None or b == r or {b, r} <= {"VERB", "AUX", "PART."} \
        or {b, r} <= {"PART.", "ADJ"}


def _pos(side: Side, k: int) -> str | None:
    """spaCy's coarse part of speech of token k (``"PART."`` for a past participle, Penn tag
    ``VBN``), or ``None`` without the parse."""
    parsed = parse_side(side)
    if parsed is None:
        return None
    start = side.tokens[k].start
    return next(("PART." if tok.tag_ == "VBN" else tok.pos_ for j, tok in parsed.tokens()
                 if parsed.span(j, tok)[0] == start), None)


#: spaCy's coarse parts of speech that restrict the lexicon's senses (:func:`_opposed_as_used`).
_WORDNET_POS = frozenset({"NOUN", "VERB", "ADJ", "ADV"})


def _opposed_as_used(lex: Lexicon, pairs: Sequence, i: int, base: Side, rewrite: Side, alone: bool) -> bool:
    """Whether the words of pair i are opposites (:meth:`~drift.lexicon.Lexicon.are_opposed`) in
    the part of speech the parse gives them both: among other changed words any part of speech
    ("put" → "called" are opposite options, not verbs); in a one-word substitution only an
    adverb ("ago" → "earlier" are adverbs, not the adjectives *past* and *early*), since
    participles and derived forms cross the other lines in WordNet (*welcomed* → *uninvited*,
    *love* → *disdain* through the verbs); two prepositions only as prepositions ("on" → "off
    the project" are opposite adverbs, not prepositions). A word paired with a two-word entry is read with it
    ("died" → "were born")."""
    p = pairs[i]
    b_words = [q.base for q in pairs if q.rewrite == p.rewrite and q.relation == p.relation]
    r_words = [q.rewrite for q in pairs if q.base == p.base and q.relation == p.relation]
    b, r = (_pos(side, k) for side, k in ((base, p.base), (rewrite, p.rewrite)))
    b, r = ("VERB" if x == "PART." else x for x in (b, r))
    pos = b if b == r and (b in ("ADV", "ADP") or (b in _WORDNET_POS and not alone)) \
        and len(b_words) == len(r_words) == 1 else None
    return lex.are_opposed(" ".join(base.tokens[k].norm for k in sorted(set(b_words))),
                           " ".join(rewrite.tokens[k].norm for k in sorted(set(r_words))), pos)


#: How clearly each of two words must be good or bad (|valence| on :func:`drift.valence.valence`'s
#: −1 … 1 scale; 0.125 is half a step of VADER's −4 … 4 ratings) for one replaced by the other to
#: count as a reversal of value. Measured on DEMETR dev (antonym recall / faithful pairs flagged):
#: 0.3 → 0.780 / 1.0 %, 0.25 → 0.791 / 1.0 %, 0.125 → 0.801 / 1.0 %, 0.1 → 0.801 / 1.0 %; disputed
#: ratings are already left out (:data:`drift.valence.MAX_STD`).
CLEAR_VALENCE = 0.125

#: A reversal of value (*enjoy* → *loathe*, *suffer* → *benefit*) is severity 2, a meaning
#: changed, one below a WordNet antonym's 3: the polarity lexicon knows that the two words are
#: good and bad, not that they stand on one scale (*officers* → *criminals* is another referent).
EVALUATIVE_SEVERITY = 2


def _opposite_value(lex: Lexicon, base: Side, bk: int, rewrite: Side, rk: int) -> bool:
    """Whether token bk and token rk are words of clearly opposite prior polarity
    (:func:`drift.valence.valence`, each at least :data:`CLEAR_VALENCE` from neutral) with no
    sense in common (:meth:`~drift.lexicon.Lexicon.are_compatible`) and not of one family (a
    word and its derivation, "Dream" → "Dreamy", say the same thing in another part of speech;
    a negative prefix is WordNet's business, :meth:`~drift.lexicon.Lexicon.are_opposed`)."""
    from drift.valence import valence  # here: the ratings load only when a word needs them

    b_norm, r_norm = base.tokens[bk].norm, rewrite.tokens[rk].norm
    if any(len(stem(x)) >= 4 and y.startswith(stem(x)) for x, y in ((b_norm, r_norm), (r_norm, b_norm))):
        return False
    b, r = (_pos(side, k) for side, k in ((base, bk), (rewrite, rk)))
    vb = valence(base.tokens[bk].norm, b if b in _WORDNET_POS else None)
    vr = valence(rewrite.tokens[rk].norm, r if r in _WORDNET_POS else None)
    if vb is None or vr is None or min(abs(vb), abs(vr)) < CLEAR_VALENCE or (vb > 0) == (vr > 0):
        return False
    return not lex.are_compatible(base.tokens[bk].norm, rewrite.tokens[rk].norm)


def _phrasal(lex: Lexicon, side: Side, k: int) -> bool:
    """Whether token k is the particle of a phrasal verb that WordNet lists with the word before it
    ("take over", "work on"), where it names no place or time."""
    if k == 0 or side.tokens[k - 1].sent != side.tokens[k].sent or not side.tokens[k - 1].is_word:
        return False
    return bool(lex.lemmas(f"{side.tokens[k - 1].norm} {side.tokens[k].norm}", "v"))


def _positive_quantifier(side: Side, k: int) -> bool:
    """Whether token k is *few* or *little* after the article *a*: the positive quantifiers "a
    few", "a little" ("some"), not the negative *few*, *little* ("not many"; Quirk et al. §5.24)."""
    return side.tokens[k].norm in ("few", "little") and k > 0 and side.tokens[k - 1].norm == "a" \
        and side.tokens[k - 1].sent == side.tokens[k].sent


def _alone(pairs: Sequence, i: int, base: Side, rewrite: Side) -> bool:
    """Whether pair i is a one-word substitution: its neighbours in the alignment are unchanged
    (the same word, or its form: "an important" → "a frivolous"), or a function word that one side
    adds or drops beside it ("pointing out" → "concealing", "suffer" → "benefit from"), then an
    unchanged word."""
    def same(j: int) -> bool:
        return not 0 <= j < len(pairs) or pairs[j].relation in ("same", "form")

    def particle(j: int) -> bool:
        q = pairs[j] if 0 <= j < len(pairs) else None
        if q is None or (q.base is None) == (q.rewrite is None):
            return False
        token = base.tokens[q.base] if q.rewrite is None else rewrite.tokens[q.rewrite]
        return not token.is_content

    return all(same(i + step) or (particle(i + step) and same(i + 2 * step)) for step in (-1, 1))


def detect(ctx: LinkContext) -> list[Shift]:
    """Antonym reversals and vaguer words of one aligned link (see the module docstring)."""
    base, rewrite = ctx.base, ctx.rewrite
    lex = lexicon(base.doc.language or rewrite.doc.language or "en")
    from drift.wordalign import may_be_figure, word_alignment  # here: wordalign reads drift.shifts

    pairs = word_alignment(base, rewrite, ctx.diff)
    shifts: list[Shift] = []
    for i, p in enumerate(pairs):
        if p.base is None or p.rewrite is None or p.relation in ("same", "form", "synonym", "equivalent"):
            continue
        bt, rt = base.tokens[p.base], rewrite.tokens[p.rewrite]
        bs, rs = base.span(p.base, p.base), rewrite.span(p.rewrite, p.rewrite)
        alone = _alone(pairs, i, base, rewrite)
        opposite = (p.relation == "antonym" and (alone or (bt.is_content and rt.is_content))) or (
            p.relation in ("changed", "related") and lex is not None and bt.is_content and rt.is_content
            and alone and not may_be_figure(bt, "en") and not may_be_figure(rt, "en"))   # four → five
        if opposite and ({bt.norm, rt.norm} & (NEGATORS | WEAK_NEGATORS)):
            continue  # "often" → "seldom", "someone" → "nobody": a negation (drift.shifts.polarity)
        if opposite and (_positive_quantifier(base, p.base) or _positive_quantifier(rewrite, p.rewrite)):
            continue  # "a few" → "several": a small number either way, not "few" (not many)
        if opposite and lex is not None and not bt.is_content \
                and (_phrasal(lex, base, p.base) or _phrasal(lex, rewrite, p.rewrite)):
            continue  # "take over" → "take under": a phrasal verb's particle, not a place
        evaluative = False
        if opposite and lex is not None and not _opposed_as_used(lex, pairs, i, base, rewrite, alone):
            evaluative = p.relation != "antonym" and _opposite_value(lex, base, p.base, rewrite, p.rewrite)
            if not evaluative:
                continue  # opposites in another sense: "put"/"call" are options, not verbs, apart
        if opposite and lex is not None and (lex.gender_counterpart(bt.norm) or "") in lex.lemmas(rt.norm):
            continue  # king → queen: another person (drift.shifts.entities), not the reverse statement
        if opposite:
            if _negated(base, p.base) != _negated(rewrite, p.rewrite):
                continue  # "lost" → "did not win": the same statement
            if not _same_place(base, p.base, rewrite, p.rewrite, alone):
                continue  # the opposite sits among other words: a rephrasing, not a flip
            if evaluative:
                shifts.append(Shift("reversal", EVALUATIVE_SEVERITY, bs, rs, f"{quote(bt.text)} became "
                                    f"{quote(rt.text)}, a word of the opposite value: the statement "
                                    "is likely reversed"))
            else:
                shifts.append(Shift("reversal", 3, bs, rs, f"{quote(bt.text)} became its opposite, "
                                    f"{quote(rt.text)}: the statement is reversed"))
        elif p.relation == "vaguer" and _content(bt) and _content(rt):
            shifts.append(Shift("other", 1, bs, rs, f"{quote(bt.text)} became the vaguer "
                                f"{quote(rt.text)}: less precise"))
    return shifts


def _content(t: Token) -> bool:
    return t.is_content and not t.is_number


register("lexical", detect, shift_types=("reversal", "other"), languages=("en",))
