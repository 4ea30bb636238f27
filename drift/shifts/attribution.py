"""Attribution: content the base gives as someone's claim that the rewrite states as fact.

The base frames content: "which it describes as a drug trafficking cartel led by Maduro",
"Caracas says the US is seeking regime change", "alleged drug boats". When the rewrite keeps the
framed words ("which Maduro leads as a drug trafficking cartel") but no frame of any kind stands
near them, the allegation now reads as fact (severity 3; 2 when the lost frame only named a
source, "Reuters reported"). When the framed words are gone too, that is an omission, found by
:mod:`drift.shifts.omissions`.
"""

from __future__ import annotations

from dataclasses import dataclass

from drift.report import Shift
from drift.shifts.lexicons import FRAMES, HEDGES, REPORTING_STANCE
from drift.shifts.text import Side, has_key, quote

#: Tokens that end the clause a frame governs.
_CLAUSE_END = frozenset(", ; . : ! ? ( ) \" while but whereas".split())
#: Share of the framed content words the rewrite must keep for the content to count as kept.
KEPT_SHARE = 0.6
#: How far (in tokens) from the kept content a rewrite frame may stand and still cover it.
FRAME_REACH = 15


@dataclass
class Frame:
    cls: str         # "allegation" or "source"
    first: int       # the frame's own tokens
    last: int
    scope: list[int]  # content-word token indices it governs


def _patterns() -> list[tuple[str, tuple[str, ...]]]:
    pats = [(cls, p) for cls, ps in FRAMES.items() for p in ps]
    return sorted(pats, key=lambda cp: -len(cp[1]))


_PATTERNS = _patterns()


def find_frames(side: Side) -> list[Frame]:
    toks = side.tokens
    frames: list[Frame] = []
    taken: set[int] = set()
    for i in range(len(toks)):
        if i in taken:
            continue
        for cls, pat in _PATTERNS:
            n = len(pat)
            window = toks[i:i + n]
            if len(window) == n and all(p == "*" or p == t.norm for p, t in zip(pat, window)) \
                    and all(t.sent == toks[i].sent for t in window):
                last = i + n - 1
                taken.update(range(i, last + 1))
                frames.append(Frame(cls, i, last, _scope(side, i, last, cls, pat)))
                break
    return frames


def _scope(side: Side, first: int, last: int, cls: str, pat: tuple[str, ...]) -> list[int]:
    """Content words the frame governs: the clause after it, or before it ("…, he said")."""
    toks = side.tokens
    sent = toks[first].sent
    limit = 3 if len(pat) == 1 and pat[0] in HEDGES else 12  # "alleged drug boats": the noun phrase

    def collect(indices) -> list[int]:
        out = []
        for k in indices:
            t = toks[k]
            if t.sent != sent or t.norm in _CLAUSE_END:
                break
            if t.is_content:
                out.append(k)
            if len(out) >= limit:
                break
        return out

    after = collect(range(last + 1, len(toks)))
    if len(after) >= 2 or (limit == 3 and after):
        return after
    return collect(range(first - 1, -1, -1))[::-1]


def _kept_region(scope: list[int], base: Side, rewrite: Side) -> list[int]:
    """Rewrite tokens that carry the scope's words, in the rewrite sentence holding most of them."""
    keys = {base.tokens[k].key for k in scope}
    hits = [k for k, t in enumerate(rewrite.tokens) if t.is_content and has_key(t.key, keys)]
    if not hits:
        return []
    sents = [rewrite.tokens[k].sent for k in hits]
    best = max(set(sents), key=sents.count)
    return [k for k in hits if rewrite.tokens[k].sent == best]


def _covered(region: list[int], rewrite: Side, frames: list[Frame]) -> bool:
    lo, hi = min(region), max(region)
    sent = rewrite.tokens[lo].sent
    for f in frames:
        if rewrite.tokens[f.first].sent == sent and lo - FRAME_REACH <= f.first <= hi + FRAME_REACH:
            return True
    return any((t.norm in HEDGES or t.norm in REPORTING_STANCE) and t.sent == sent
               for t in rewrite.tokens[max(0, lo - FRAME_REACH):hi + FRAME_REACH + 1])


def detect(base: Side, rewrite: Side) -> list[Shift]:
    rewrite_frames = find_frames(rewrite)
    shifts: list[Shift] = []
    for f in find_frames(base):
        if len(f.scope) < 2:
            continue
        kept = [k for k in f.scope if rewrite.has(base.tokens[k])]
        if len(kept) / len(f.scope) < KEPT_SHARE:
            continue
        region = _kept_region(f.scope, base, rewrite)
        if not region or _covered(region, rewrite, rewrite_frames):
            continue
        first = min(f.first, f.scope[0])
        last = max(f.last, f.scope[-1])
        # include a relative pronoun that opens the framed clause: "which it describes as …"
        if first > 0 and base.tokens[first - 1].norm in ("which", "who", "that") and f.first <= f.scope[0]:
            first -= 1
        bs = base.span(first, last)
        rs = rewrite.span(min(region), max(region))
        frame_words = base.words(base.span(f.first, f.last))
        if f.cls == "allegation":
            shifts.append(Shift("attribution", 3, bs, rs, f"the base gives {quote(base.words(bs))} as a claim "
                                f"({quote(frame_words)}); the rewrite states {quote(rewrite.words(rs))} "
                                "as fact"))
        else:
            shifts.append(Shift("attribution", 2, bs, rs, f"the base attributes {quote(base.words(bs))} "
                                f"({quote(frame_words)}); the rewrite drops who said so"))
    return shifts
