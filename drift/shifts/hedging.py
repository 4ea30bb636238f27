"""Hedging: the stance of a reporting verb changed ("said" → "claimed"), or a hedge added.

Verbs are paired across the link by stance (see ``REPORTING_VERBS`` in :mod:`lexicons`): a verb
the rewrite matches with one of the same stance is unchanged whatever the word ("said" →
"stated"); the rest are paired in reading order. Besides the four stances of ``REPORTING_VERBS``,
a verb may reject the statement ("denied that …", "dismissed claims that …": ``COUNTER_VERBS``);
"said" ↔ "denied" reverses what the source is reported to hold (severity 2), even when the source
changed too, as long as the statement is the same. In the parse, a factive or tentative verb
reports with a clause even without "that" ("admitted the plan had failed": a factive verb
presupposes its clause true, so the writer now vouches for it, severity 2). Removing a hedge
("alleged", "reportedly") is found by :mod:`drift.shifts.attribution`, because it states a claim
as fact.
"""

from __future__ import annotations

from drift.report import Shift
from drift.shifts.attribution import COUNTER_VERBS, parsed_token, reports_clause
from drift.shifts.lexicons import HEDGES, REPORTING_STANCE, SOURCE_KIND, STOPWORDS, TITLES
from drift.shifts.registry import register
from drift.shifts.text import Side, has_key, quote

#: (base stance, rewrite stance) → (severity, what the change does to the statement).
STANCE_CHANGES = {
    ("neutral", "doubt"): (1, "the rewrite casts doubt on the statement"),
    ("neutral", "tentative"): (1, "the rewrite presents the statement as tentative"),
    ("neutral", "factive"): (2, "the rewrite presents a reported statement as established fact"),
    ("doubt", "neutral"): (1, "the rewrite no longer distances itself from the claim"),
    ("doubt", "tentative"): (1, "the rewrite presents the claim as tentative"),
    ("doubt", "factive"): (2, "the rewrite presents a disputed claim as established fact"),
    ("tentative", "neutral"): (1, "the rewrite drops the tentativeness"),
    ("tentative", "doubt"): (1, "the rewrite casts doubt on the statement"),
    ("tentative", "factive"): (2, "the rewrite presents a tentative statement as established fact"),
    ("factive", "neutral"): (1, "the rewrite no longer presents the statement as established"),
    ("factive", "doubt"): (2, "the rewrite casts doubt on what the base gives as established"),
    ("factive", "tentative"): (2, "the rewrite turns an established statement into a suggestion"),
    **{(st, "counter"): (2, "the rewrite has the source reject what the base has it assert")
       for st in ("neutral", "doubt", "factive", "tentative")},
    **{("counter", st): (2, "the rewrite has the source assert what the base has it reject")
       for st in ("neutral", "doubt", "factive", "tentative")},
}



def _reports(side: Side, k: int) -> bool:
    """Whether token k is used as a reporting verb, not in another sense: "continued to deploy",
    "show off some equipment", "demonstrated their love" report nothing. A factive or tentative
    verb reports only with its clause: "confirmed that …", "…, he confirmed."."""
    toks = side.tokens
    t = toks[k]
    nxt = [x for x in toks[k + 1:k + 6] if x.sent == t.sent]
    if nxt and nxt[0].norm in ("to", "off", "up"):
        return False
    tok = parsed_token(side, k)
    stance = _stance(t.norm)
    if tok is not None:
        if tok.pos_ in ("NOUN", "PROPN"):  # "claims that …" frames; "insurance claims" does not
            return reports_clause(tok) and _stance(tok.head.lower_) != "counter"
        if stance == "counter":  # "denied that …", "dismissed claims that …"
            return reports_clause(tok) or any(c.dep_ == "dobj" and reports_clause(c) for c in tok.children)
        if stance in ("factive", "tentative") and reports_clause(tok):  # "admitted the plan had failed"
            return True
    if stance in ("factive", "tentative", "counter"):
        return any(x.norm in ("that", '"', ":") for x in nxt) or not nxt or not nxt[0].is_word
    return True


def _stance(norm: str) -> str | None:
    return "counter" if norm in COUNTER_VERBS else REPORTING_STANCE.get(norm)


def _verbs(side: Side) -> list[tuple[int, str]]:
    return [(k, _stance(t.norm)) for k, t in enumerate(side.tokens)
            if _stance(t.norm) is not None and _reports(side, k)]


def _same_content(base: Side, bk: int, rewrite: Side, rk: int) -> bool:
    """Whether two reporting verbs report the same statement: most content words of the base
    verb's sentence recur in the rewrite verb's sentence."""
    b = {t.key for t in base.tokens if t.sent == base.tokens[bk].sent and t.is_content}
    r = frozenset(t.key for t in rewrite.tokens if t.sent == rewrite.tokens[rk].sent and t.is_content)
    return len(b) >= 2 and sum(has_key(k, r) for k in b) >= 0.5 * len(b)


def _speaker_keys(side: Side, k: int) -> frozenset[str]:
    """Who speaks before a verb: names and kinds of source in the six words before it."""
    sent = side.tokens[k].sent
    out = set()
    for t in side.tokens[max(0, k - 6):k]:
        if t.sent != sent or not t.is_word or t.norm in STOPWORDS or t.norm in TITLES:
            continue
        if t.norm in SOURCE_KIND:
            out.add("kind:" + SOURCE_KIND[t.norm])
        elif t.is_cap or t.norm == "usa":
            out.add(t.key)
    return frozenset(out)


def _nearest_pairs(left: list[tuple[int, str]], right: list[tuple[int, str]], n_left: int, n_right: int
                   ) -> list[tuple[tuple[int, str], tuple[int, str]]]:
    """Pair leftover verbs by where they stand in their link (as a share of its length)."""
    candidates = sorted(((abs(a[0] / max(n_left, 1) - b[0] / max(n_right, 1)), i, j)
                         for i, a in enumerate(left) for j, b in enumerate(right)))
    used_l, used_r, pairs = set(), set(), []
    for _, i, j in candidates:
        if i not in used_l and j not in used_r:
            used_l.add(i)
            used_r.add(j)
            pairs.append((left[i], right[j]))
    return sorted(pairs)


def detect(base: Side, rewrite: Side) -> list[Shift]:
    bv, rv = _verbs(base), _verbs(rewrite)
    # pair verbs of the same stance first: those are unchanged
    free_r = list(rv)
    left_b = []
    for k, stance in bv:
        match = next((x for x in free_r if x[1] == stance), None)
        if match is None:
            left_b.append((k, stance))
        else:
            free_r.remove(match)
    shifts: list[Shift] = []
    for (bk, bst), (rk, rst) in _nearest_pairs(left_b, free_r, len(base.tokens), len(rewrite.tokens)):
        b_who, r_who = _speaker_keys(base, bk), _speaker_keys(rewrite, rk)
        if b_who and r_who and not any(has_key(k, r_who) for k in b_who) and not (
                "counter" in (bst, rst) and _same_content(base, bk, rewrite, rk)):
            continue  # "Trump confirmed" vs "Reuters suggests": two statements, not one reworded
        severity, what = STANCE_CHANGES[(bst, rst)]
        bw, rw = base.tokens[bk].text, rewrite.tokens[rk].text
        shifts.append(Shift("hedging", severity, base.span(bk, bk), rewrite.span(rk, rk),
                            f"{quote(bw)} became {quote(rw)}: {what}"))
    # hedges the rewrite adds where the base attributes nothing
    base_hedged = bv or any(t.norm in HEDGES or t.norm == "according" for t in base.tokens)
    if not base_hedged:
        for k, t in enumerate(rewrite.tokens):
            if t.norm in HEDGES:
                shifts.append(Shift("hedging", 1, None, rewrite.span(k, k),
                                    f"the rewrite adds {quote(t.text)}, casting doubt on a statement "
                                    "the base makes plainly"))
    return shifts


register("hedging", lambda c: detect(c.base, c.rewrite), shift_types=("hedging",), languages=("en",))
