"""Modality: how certain the rewrite says something is ("would include" → "might include").

Modals are paired across the link by word, then by strength (see ``MODALS`` in :mod:`lexicons`);
the rest in reading order. A possibility turned into a certainty ("may" → "will") is a key change;
anything else ("would" → "might", a modal added or dropped) is a nuance.
"""

from __future__ import annotations

from drift.report import Shift
from drift.shifts.lexicons import MODALS
from drift.shifts.registry import register
from drift.shifts.text import Side, quote

_LEVEL = {1: "possible", 2: "expected", 3: "certain"}


def _modals(side: Side) -> list[tuple[int, str, int]]:
    return [(k, t.norm, MODALS[t.norm]) for k, t in enumerate(side.tokens) if t.norm in MODALS]


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
