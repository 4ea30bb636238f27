"""Additions: rewrite sentences with nothing in the base, invented claim or harmless colour.

An added sentence that gives a figure the base never gives, or names an actor the base never
names in a full statement, adds a factual claim: severity 3 (001's "Maduro says he has 5,000
Russian missiles to defend himself against the US"). Without the base text to check against, such
a sentence is a key fact to verify (2). A full statement of an event with neither (its main verb,
in the English parse, an action verb with a subject, not a linking verb with an adjective or noun
complement: "The minister resigned over the scandal", not "Observers remain watchful"; read by
:func:`drift.shifts.clauses.states_an_event`) is a new claim too (2). Headings, captions and colour
are nuances (1).
"""

from __future__ import annotations

from functools import lru_cache

from drift.report import Document, Shift
from drift.shifts.clauses import states_an_event
from drift.shifts.numbers import find_quantities
from drift.shifts.omissions import english_rules_apply, lost_facts, sentence_span
from drift.shifts.text import Side, has_key, quote

#: Fewest words a sentence needs to state a claim about a new actor (shorter: a heading, a credit).
MIN_CLAIM_WORDS = 6


@lru_cache(maxsize=8)
def _base_facts(base: Document):
    """The figures and word keys of the whole base, read once per base, not once per addition."""
    whole = Side(base, tuple(range(len(base.sentences))))
    return {q.value for q in find_quantities(whole)}, whole.keys


def addition_shift(rewrite_doc: Document, rewrite_idx: tuple[int, ...], *,
                   base: Document | None = None) -> Shift:
    """The shift of rewrite sentence(s) that carry nothing of the base.

    ``base`` (keyword, optional): the whole base document; a figure or name is new only if the
    base never gives it anywhere. Without it, figures and names are reported as facts to check.
    When either document is not English, figures are compared by value and names transliterated
    (:func:`drift.shifts.omissions.lost_facts`); no English word rule runs.
    """
    if not english_rules_apply(rewrite_doc, base):
        span = sentence_span(rewrite_doc, rewrite_idx)
        words = quote(rewrite_doc.text[span[0]:span[1]])
        figures, names = lost_facts(rewrite_doc, rewrite_idx, base)
        if figures or names:
            what = f"the figure {quote(figures[0])}" if figures else f"the name {quote(names[0])}"
            sev = 3 if base is not None else 2
            return Shift("addition", sev, None, span,
                         f"the rewrite adds {words}, with {what} the base never gives")
        return Shift("addition", 1, None, span, f"the rewrite adds {words}, which the base does not say")
    side = Side(rewrite_doc, rewrite_idx)
    toks = side.tokens
    span = side.span(0, max(k for k, t in enumerate(toks) if t.sent == toks[0].sent)) if toks else None
    if span is None:
        s = rewrite_doc.sentences[min(rewrite_idx)]
        span = (s.start, s.end)
    figures = [q for q in find_quantities(side) if not q.vague and not q.date and q.value != 1]
    names = [t for k, t in enumerate(toks) if side.is_actor_name(k)]  # a new place claims nothing
    n_words = sum(t.is_word for t in toks)
    words = quote(side.words(span))
    if base is not None:
        base_values, base_keys = _base_facts(base)
        figures = [q for q in figures if q.value not in base_values]
        names = [t for t in names if not has_key(t.key, base_keys)]
        if figures:
            fig = quote(side.words(side.span(figures[0].first, figures[0].last)))
            return Shift("addition", 3, None, span,
                         f"the rewrite adds {words}, with the figure {fig} the base never gives")
        if names and n_words >= MIN_CLAIM_WORDS:
            who = quote(names[0].text)
            return Shift("addition", 3, None, span,
                         f"the rewrite adds {words}, naming {who}, whom the base never names")
        if n_words >= MIN_CLAIM_WORDS and states_an_event(side):
            return Shift("addition", 2, None, span,
                         f"the rewrite adds {words}: a claim the base does not make")
        return Shift("addition", 1, None, span, f"the rewrite adds {words}, which the base does not say")
    if n_words >= MIN_CLAIM_WORDS and (figures or names or states_an_event(side)):
        return Shift("addition", 2, None, span,
                     f"the rewrite adds {words}: a claim to check against the base")
    return Shift("addition", 1, None, span, f"the rewrite adds {words}")

