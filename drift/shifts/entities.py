"""Actors and places named on one side only: dropped, added, or one swapped for another.

Names are runs of capitalised words ("Cartel de los Soles", "Vladimir Padrino Lopez"), compared
by their words without titles, accents or abbreviation dots, with capital-city metonyms resolved
("Washington" is the US government). A name the rewrite still carries in any form — "Maduro" for
"President Nicolas Maduro", "Venezuelan" for "Venezuela" — is kept.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from drift.report import Document, Shift
from drift.shifts.lexicons import (
    MONTHS,
    PLACE_WORDS,
    REPORTING_STANCE,
    STOPWORDS,
    TITLES,
    WEEKDAYS,
    word_set,
)
from drift.shifts.registry import register
from drift.shifts.text import Side, has_key, quote, tokenize

_CONNECTORS = word_set("de los la las del da do dos van von bin al el di le of")


@dataclass
class Name:
    first: int
    last: int
    keys: frozenset[str]
    actor: bool


@functools.lru_cache(maxsize=64)
def mid_sentence_caps(doc: Document) -> frozenset[str]:
    """Words the document capitalises inside sentences: names, not sentence openers."""
    out = set()
    for i in range(len(doc.sentences)):
        toks = tokenize(doc.sentence_text(i))
        for a, b in zip(toks, toks[1:], strict=False):
            if b.is_cap and b.is_word and a.norm not in ('"', ":", "."):
                out.add(b.norm)
    return frozenset(out)


def find_names(side: Side, known: frozenset[str]) -> list[Name]:
    toks = side.tokens
    names: list[Name] = []
    i = 0
    while i < len(toks):
        t = toks[i]
        opener = i == 0 or toks[i - 1].sent != t.sent or toks[i - 1].norm in ('"', ":")
        # a sentence's first word is a name if the documents capitalise it elsewhere, or if another
        # capitalised word follows it ("Delcy Rodriguez said …")
        named_next = i + 1 < len(toks) and toks[i + 1].is_cap and toks[i + 1].is_word \
            and toks[i + 1].sent == t.sent
        if not (t.is_word and t.is_cap and not t.is_number) or t.norm in MONTHS or t.norm in WEEKDAYS \
                or side.in_heading(i) \
                or (opener and (t.norm in STOPWORDS or (t.norm not in known and not named_next))):
            i += 1
            continue
        j = i
        while j + 1 < len(toks) and toks[j + 1].sent == t.sent:
            n = toks[j + 1]
            if n.is_word and n.is_cap and n.norm not in MONTHS and n.norm not in WEEKDAYS:
                j += 1
            elif n.norm in _CONNECTORS and j + 2 < len(toks) and toks[j + 2].is_cap and toks[j + 2].is_word:
                j += 2
            else:
                break
        words = [x for x in toks[i:j + 1] if x.norm not in _CONNECTORS]
        keys = frozenset(x.key for x in words if x.norm not in TITLES and x.norm not in STOPWORDS)
        if keys:
            before = toks[i - 1].norm if i > 0 else ""
            after = toks[j + 1].norm if j + 1 < len(toks) else ""
            person = (len(keys) >= 2 and before != "the" and not (keys & PLACE_WORDS)
                      and all(x.norm not in PLACE_WORDS for x in words))
            according = before == "to" and i >= 2 and toks[i - 2].norm == "according"
            actor = person or after in REPORTING_STANCE or before == "by" or according
            names.append(Name(i, j, keys, actor))
        i = j + 1
    return names


def _present(name: Name, other: Side) -> bool:
    return any(has_key(k, other.keys) for k in name.keys)


def detect(base: Side, rewrite: Side) -> list[Shift]:
    known = mid_sentence_caps(base.doc) | mid_sentence_caps(rewrite.doc)
    dropped = [n for n in find_names(base, known) if not _present(n, rewrite)]
    added = [n for n in find_names(rewrite, known) if not _present(n, base)]
    base_doc_keys = base.doc_keys
    shifts: list[Shift] = []
    used: set[int] = set()
    for n in dropped:
        bs = base.span(n.first, n.last)
        bw = base.words(bs)
        # a swap: the link loses one actor and gains another the base never names
        partner = next((k for k, a in enumerate(added) if k not in used and a.actor and n.actor
                        and not any(has_key(x, base_doc_keys) for x in a.keys)), None)
        if partner is not None:
            used.add(partner)
            a = added[partner]
            rs = rewrite.span(a.first, a.last)
            shifts.append(Shift("entity", 2, bs, rs, f"{quote(bw)} became {quote(rewrite.words(rs))}: "
                                "a different actor"))
            continue
        elsewhere = _present(n, rewrite.whole)  # the aligner may have put it in another link
        shifts.append(Shift("entity", 2 if n.actor and not elsewhere else 1, bs, None,
                            f"the rewrite no longer names {quote(bw)}"
                            + (" here" if elsewhere else "")))
    for k, a in enumerate(added):
        if k in used or any(has_key(x, base_doc_keys) for x in a.keys):
            continue
        rs = rewrite.span(a.first, a.last)
        shifts.append(Shift("entity", 1, None, rs,
                            f"the rewrite names {quote(rewrite.words(rs))}, which the base does not name"))
    return shifts


register("entities", lambda c: detect(c.base, c.rewrite), shift_types=("entity",), languages=("en",))
