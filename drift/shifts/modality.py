"""Modality: how certain the rewrite says something is ("would include" → "might include").

Modals are paired across the link by word, then by strength (see ``MODALS`` in :mod:`lexicons`);
the rest in reading order. A possibility turned into a certainty ("may" → "will") is a key change;
anything else ("would" → "might", a modal added or dropped) is a nuance.

Where the English parse is available (:mod:`drift.parsing`) it reads each modal in its sentence,
so that grammar is not taken for certainty (Quirk et al. §4.53, §14.31): "would" in a clause
reported after a past verb ("he explained that it would be held") is the past of "will"; "would"
answering an "if" clause is the conditional, not a guess; "need to" and "have to" oblige as
"must" does. A capitalised "May" that :func:`drift.shifts.numbers.calendar_at` reads as the month
("in May", "May 5") is a date, left to the figures detector.
"""

from __future__ import annotations

from drift.parsing import parse_side
from drift.report import Shift
from drift.shifts.lexicons import MODALS
from drift.shifts.numbers import calendar_at
from drift.shifts.registry import register
from drift.shifts.text import Side, quote

_LEVEL = {1: "possible", 2: "expected", 3: "certain"}


def _modals(side: Side) -> list[tuple[int, str, int]]:
    """(token index, modal, level) of each modal of a side, read in its sentence where parsed."""
    parsed = parse_side(side)
    out = []
    for k, t in enumerate(side.tokens):
        if t.norm not in MODALS or calendar_at(side.tokens, k) is not None:
            continue
        hit = parsed.token_at(t.start) if parsed is not None else None
        role = _grammatical_use(hit[1]) if hit is not None else None
        if role == "conditional":
            continue
        out.append((k, "will", MODALS["will"]) if role == "backshifted" else (k, t.norm, MODALS[t.norm]))
    if parsed is not None:
        at = {t.start: k for k, t in enumerate(side.tokens)}
        for sk, t in parsed.tokens():
            if t.lemma_ in ("need", "have") and t.i + 2 < len(t.doc) and t.nbor(1).lower_ == "to" \
                    and t.nbor(2).dep_ == "xcomp" and t.nbor(2).head.i == t.i:
                k = at.get(parsed.span(sk, t)[0])
                if k is not None:
                    out.append((k, "must", MODALS["must"]))
        out.sort()
    return out


def _grammatical_use(t: object) -> str | None:
    """"backshifted" for "would" as the past of "will" in reported speech, "conditional" for "would"
    answering an "if" clause, else ``None``."""
    if t.lower_ != "would":
        return None
    verb = t.head
    if any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)
           for c in verb.children):
        return "conditional"
    if verb.dep_ == "ccomp" and verb.head.tag_ == "VBD":
        return "backshifted"
    return None


def detect(base: Side, rewrite: Side) -> list[Shift]:
    bm, rm = _modals(base), _modals(rewrite)
    for same in (lambda b, r: b[1] == r[1], lambda b, r: b[2] == r[2]):
        for b in list(bm):
            r = next((r for r in rm if same(b, r)), None)
            if r is not None:
                bm.remove(b)
                rm.remove(r)
    shifts: list[Shift] = []
    for (bk, _, bs), (rk, _, rs) in zip(bm, rm, strict=False):
        severity = 2 if bs == 1 and rs == 3 else 1  # "may" → "will": a possibility made certain
        shifts.append(Shift("modality", severity, base.span(bk, bk), rewrite.span(rk, rk),
                            f"{quote(base.tokens[bk].text)} became {quote(rewrite.tokens[rk].text)}: "
                            f"{_LEVEL[bs]} became {_LEVEL[rs]}"))
    for bk, _, bs in bm[len(rm):]:
        shifts.append(Shift("modality", 1, base.span(bk, bk), None,
                            f"the rewrite drops {quote(base.tokens[bk].text)}: what was {_LEVEL[bs]} "
                            "is stated plainly"))
    for rk, _, rs in rm[len(bm):]:
        shifts.append(Shift("modality", 1, None, rewrite.span(rk, rk),
                            f"the rewrite adds {quote(rewrite.tokens[rk].text)}: what the base states "
                            f"plainly becomes {_LEVEL[rs]}"))
    return shifts


register("modality", lambda c: detect(c.base, c.rewrite), shift_types=("modality",), languages=("en",))
