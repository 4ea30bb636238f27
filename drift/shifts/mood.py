"""Mood, tense and aspect: a statement turned into a question, or the time of an event moved.

Read from the English parse (:mod:`drift.shifts.clauses`); without a parser nothing is reported.

- a question where the other side states ("Did the comparison reveal …?" for "The comparison
  revealed …"), or the reverse: the claim is no longer asserted, or is now asserted (``modality``,
  severity 1);
- the same verb (by lemma, in the same clause) in another tense ("pushed" → "pushes") or aspect
  ("were found" → "were being found", "are" → "have been") (``other``, severity 1: a nuance a
  reader should see, rarely a change of fact).
"""

from __future__ import annotations

from drift.report import Shift
from drift.shifts import clauses
from drift.shifts.registry import register
from drift.shifts.text import Side, quote


def _question_span(reading: clauses.Reading, k: int) -> tuple[int, int]:
    """The asking part of sentence k: from its fronted auxiliary (or the verb of the clause that
    asks) to the end of the sentence."""
    doc = reading.parsed.sentences[k]
    words = [t.i for t in doc if not t.is_space]
    start = words[0]
    asking = [p for p in reading.predicates if p.sentence == k and p.subject is not None
              and any(g < p.subject for g in p.group if g != p.head)]
    if asking:
        start = min(g for g in asking[-1].group)
    return reading.parsed.span_of(k, (start, words[-1]))


def _questions(base: Side, rewrite: Side, b: clauses.Reading, r: clauses.Reading) -> list[Shift]:
    bq = [k for k, d in enumerate(b.parsed.sentences) if clauses.is_question(d)]
    rq = [k for k, d in enumerate(r.parsed.sentences) if clauses.is_question(d)]
    if bool(bq) == bool(rq):
        return []
    asking, stating, ks = (r, b, rq) if rq else (b, r, bq)
    qs = _question_span(asking, ks[0])
    heads = {p.lemma for p in asking.predicates if p.sentence == ks[0]}
    match = next((p for p in stating.predicates if p.lemma in heads), None)
    ss = stating.parsed.span_of(match.sentence, match.group) if match is not None else None
    if rq:
        return [Shift("modality", 1, ss, qs, f"the rewrite asks {quote(rewrite.words(qs))} where the base "
                      "states it: the claim is no longer asserted")]
    return [Shift("modality", 1, qs, ss, f"the base asks {quote(base.words(qs))}; the rewrite states it "
                  "as a fact")]


def _describe(p: clauses.Predicate) -> str:
    time = p.tense or (f"with {p.modal}" if p.modal else "non-finite")
    return " ".join([*sorted(p.aspect), time])


def _times(base: Side, rewrite: Side, b: clauses.Reading, r: clauses.Reading) -> list[Shift]:
    same = lambda x, y: (x.tense, x.aspect) == (y.tense, y.aspect)  # noqa: E731
    shifts = []
    for bp, rp in clauses.pair(list(b.predicates), list(r.predicates), same):
        finite = (bp.tense and rp.tense) or (bp.modal is not None and bp.modal == rp.modal)
        if same(bp, rp) or not finite:
            continue
        if not clauses.same_clause(b, bp, r, rp):
            continue
        bs, rs = b.parsed.span_of(bp.sentence, bp.group), r.parsed.span_of(rp.sentence, rp.group)
        what = "tense" if bp.tense != rp.tense else "aspect"
        shifts.append(Shift("other", 1, bs, rs, f"{quote(base.words(bs))} became {quote(rewrite.words(rs))}: "
                            f"the {what} changed ({_describe(bp)} → {_describe(rp)})"))
    return shifts


def detect(base: Side, rewrite: Side) -> list[Shift]:
    b, r = clauses.read(base), clauses.read(rewrite)
    if b is None or r is None:
        return []
    return _questions(base, rewrite, b, r) + _times(base, rewrite, b, r)


register("mood", lambda c: detect(c.base, c.rewrite), shift_types=("modality", "other"), languages=("en",))
