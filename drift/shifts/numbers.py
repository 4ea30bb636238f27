"""Figures: changed, blurred ("83" → "dozens"), dropped or added, with equivalents left alone.

Two readers share one registration (``numbers``, cross-lingual): two English sides are read with
the English rules below (qualifiers, vague quantities, units, dates); any other pair — a source and
its translation, or two texts in another language — is compared by value with
:func:`detect_across`, reading each side in its own language and script
(:mod:`drift.shifts.numerals`). Measured on demetr-dev with gold 1-1 links (``benchmarks/demetr.py
translation --gold-links``), changed figures found at severity 2: CJK 0.964, Latin/Cyrillic 0.966,
Devanagari 0.5 (6 items; Hindi spelled numbers are not read: num2words has no Hindi module).

Each figure is read as a range with its qualifier: "at least 21" is [21, ∞), "more than 20" is
[21, ∞) too, so one rewording of the other is no change; "around 15,000" for "15,000" is a nuance.
"15,000" = "15 thousand" = "fifteen thousand". Years and days of the month are dates: a rewrite
that turns "last year" into "2024" resolves a reference rather than adding a figure.

Dates are figures too: a weekday or month name (CLDR's English names, through Babel) replaced by
another is a changed date ("on Tuesday" → "on Thursday"). "May" and "March" are also a modal and
a verb, so they are months only when capitalised and placed as dates are (next to a day number or
year, or after "in", "of", "by", "since", "until" …); :mod:`drift.shifts.modality` asks
:func:`calendar_at` before reading "May" as a modal. Vague quantities are ranges ("hundreds" is
200–999, "several hundred" 300–900): one replaced by another it cannot overlap ("hundreds" →
"thousands") changes the order of magnitude. Two figures set against each other ("214 votes to
187", "2-1") and given in the other order in the rewrite reverse the result: severity 3.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass, replace

from drift.report import Document, Shift
from drift.shifts.lexicons import (
    FRACTIONS,
    MONTHS,
    NUMBER_WORDS,
    QUALIFIERS,
    RELATIVE_TIME,
    SCALES,
    STOPWORDS,
    VAGUE_QUANTITIES,
    word_set,
)
from drift.shifts.numerals import (
    AMBIGUOUS_MONTHS,
    MONTH_BEFORE,
    Figure,
    month_names,
    primary,
    read_figures,
    weekday_names,
)
from drift.shifts.registry import LinkContext, register
from drift.shifts.text import Side, Token, quote, stem, whole

_YEAR_BEFORE = word_set("in since of from until by his her their its the last this early late mid")


@dataclass
class Quantity:
    value: float | None            # None for a vague quantity ("dozens")
    lo: float
    hi: float
    first: int                     # token range, inclusive, qualifier included
    last: int
    number_first: int              # where the figure itself starts
    unit: str | None               # stem of the counted noun ("troop"), if any
    vague: bool = False
    date: bool = False
    qualifier: str = "exact"
    spelled: bool = False          # written in words ("four sources")
    alt: float | None = None       # the other reading of ambiguous separators ("15.000")
    calendar: str = ""             # "weekday" (1..7) or "month" (1..12) for a date written as a name

    def same_value(self, other: Quantity) -> bool:
        if self.calendar != other.calendar:
            return False  # "May" (5) is not "5 people"
        if self.unit == other.unit == "percent" and self.value is not None and other.value is not None:
            # "two-thirds" = "66.7%" ≈ "67 percent": one rounds the other; 4.3 % and 4.1 % differ
            rounded = float(self.value).is_integer() != float(other.value).is_integer()
            return self.value == other.value or (rounded and abs(self.value - other.value) <= 0.5)
        mine, theirs = {self.value, self.alt} - {None}, {other.value, other.alt} - {None}
        return bool(mine & theirs)

    @property
    def key_fact(self) -> bool:
        """Digits or ten and above: the figures news style writes as numbers, the facts to check."""
        return not self.spelled or (self.value is not None and self.value >= 10)


def _parse_digits(text: str) -> tuple[float, float | None]:
    """The value of a figure written in digits, and its other reading when the separators are
    ambiguous across languages: "15.000" is 15 in English but 15,000 in Spanish or German, and
    "1,5" is 1.5 there. English readings come first."""
    parts = re.split(r"[.,]", text)
    seps = re.findall(r"[.,]", text)
    if not seps:
        return float(text), None
    if len(set(seps)) == 2:  # "1,234.5" or "1.234,5": the last separator is the decimal one
        whole, decimal = re.sub(r"[.,]", "", text[:text.rfind(seps[-1])]), parts[-1]
        return float(f"{whole}.{decimal}"), None
    if len(seps) > 1:  # "1,234,567" or "1.234.567": grouping
        return float("".join(parts)), None
    grouped, decimal = float("".join(parts)), float(f"{parts[0]}.{parts[1]}")
    if len(parts[1]) == 3:  # "15,000" groups thousands; "15.000" may be 15 or (Spanish) 15,000
        return (grouped, None) if seps[0] == "," else (decimal, grouped)
    return decimal, None  # "1.5", and the decimal comma of "1,5"


_QUALIFIERS = sorted(QUALIFIERS.items(), key=lambda kv: -len(kv[0]))  # longest phrase first
_VAGUE_SCALES = {**{w: v for w, v in SCALES.items() if len(w) > 2}, "dozen": 12}
#: Vague quantities: the lexicon's, and every plural scale word it lacks read as the lexicon reads
#: "hundreds" (200–999): "billions" is 2–9.99 billion.
_VAGUE_RANGES = {**{f"{w}s": (2 * v, 10 * v - 1) for w, v in _VAGUE_SCALES.items() if w != "dozen"},
                 **VAGUE_QUANTITIES}
_VAGUE = sorted(((tuple(p.split()), r) for p, r in _VAGUE_RANGES.items()), key=lambda kv: -len(kv[0]))
#: :data:`_VAGUE` by first word (each list longest phrase first, as in :data:`_VAGUE`).
_VAGUE_BY_FIRST = {first: [(words, r) for words, r in _VAGUE if words[0] == first]
                   for first in dict.fromkeys(words[0] for words, _ in _VAGUE)}


def _qualifier_before(toks: list[Token], i: int) -> tuple[str, int]:
    """The qualifier ending just before token i, and the index where it starts."""
    for words, kind in _QUALIFIERS:
        n = len(words)
        if i - n >= 0 and tuple(t.norm for t in toks[i - n:i]) == words:
            return kind, i - n
    return "exact", i


def _range(value: float, kind: str) -> tuple[float, float]:
    integral = float(value).is_integer()
    if kind == "min":
        return value, math.inf
    if kind == "gt":
        return (value + 1 if integral else value), math.inf
    if kind == "max":
        return 0.0, value
    if kind == "lt":
        return 0.0, (value - 1 if integral else value)
    if kind == "near":
        return value * 0.9, value
    if kind == "approx":
        return value * 0.9, value * 1.1
    return value, value


def _unit_after(toks: list[Token], j: int) -> str | None:
    """The counted noun: last word of the short phrase after the figure, or its first plural
    ("100 Venezuelan government officials" → officials; "three of the sources" → sources; "four
    sources familiar with" → sources)."""
    k = j + 1
    if k < len(toks) and toks[k].norm == "of":
        k += 1
        while k < len(toks) and toks[k].norm in ("the", "these", "those", "his", "her", "their"):
            k += 1
    words: list[str] = []
    while k < len(toks) and len(words) < 4 and toks[k].is_word and toks[k].norm not in STOPWORDS \
            and not toks[k].is_number:
        words.append(toks[k].norm)
        k += 1
        if words[-1].endswith("s") and not words[-1].endswith("ss"):
            break
    return stem(words[-1]) if words else None




@functools.lru_cache(maxsize=1)
def _english_calendar() -> tuple[dict[str, int], dict[str, int], dict[str, int]]:
    """English weekday names, month names and month abbreviations (CLDR, through Babel), folded."""
    from babel import Locale

    months = Locale.parse("en").months["format"]["abbreviated"]
    short = {name.lower().rstrip("."): int(m) for m, name in months.items()}
    short.setdefault("sept", 9)
    return weekday_names("en"), month_names("en"), short


def calendar_at(toks: list[Token], i: int) -> tuple[str, int] | None:
    """("weekday", 1..7) or ("month", 1..12) when token i is a capitalised weekday or month name
    used as a date, else ``None``. "May" and "March" count only next to a day number or year
    ("May 5", "5 March 2024") or after a word that places a date ("in May", "since March"): a
    capitalised "May" opening a question is the modal, "Theresa May" a name. An abbreviation
    ("Jan", "Sept") counts only next to a number."""
    t = toks[i]
    if not t.text[:1].isupper() or not t.is_word:
        return None
    weekdays, months, short = _english_calendar()
    if t.norm in weekdays:
        return "weekday", weekdays[t.norm]
    same = [k for k in (i - 1, i + 1) if 0 <= k < len(toks) and toks[k].sent == t.sent]
    by_number = any(toks[k].is_number for k in same) or (
        i + 2 < len(toks) and toks[i + 1].norm == "." and toks[i + 2].is_number)
    if t.norm in months and (t.norm not in AMBIGUOUS_MONTHS or by_number
                             or (i - 1 in same and toks[i - 1].norm in MONTH_BEFORE)):
        return "month", months[t.norm]
    if t.norm in short and by_number:
        return "month", short[t.norm]
    return None


def find_quantities(side: Side) -> list[Quantity]:
    toks = side.tokens
    out: list[Quantity] = []
    i = 0
    while i < len(toks):
        t = toks[i]
        calendar = calendar_at(toks, i)
        if calendar is not None:  # "on Tuesday", "in May": a date written as a name
            kind, n = calendar
            out.append(Quantity(float(n), n, n, i, i, i, None, date=True, calendar=kind))
            i += 1
            continue
        # vague quantities, longest phrase first: "tens of thousands", "dozens"
        vague = None
        for words, (lo, hi) in _VAGUE_BY_FIRST.get(t.norm, ()):
            if tuple(x.norm for x in toks[i:i + len(words)]) == words:
                vague = (words, lo, hi)
                break
        if vague is not None:
            words, lo, hi = vague
            j = i + len(words) - 1
            # "several hundred", "a few thousand", "a few dozen": the scale multiplies the range
            while j + 1 < len(toks) and toks[j + 1].norm in _VAGUE_SCALES:
                lo, hi = lo * _VAGUE_SCALES[toks[j + 1].norm], hi * _VAGUE_SCALES[toks[j + 1].norm]
                j += 1
            out.append(Quantity(None, lo, hi, i, j, i, _unit_after(toks, j), vague=True))
            i = j + 1
            continue
        value: float | None = None
        alt: float | None = None
        spelled = False
        j = i
        fraction = _fraction(toks, i)
        if fraction is not None:
            value, j = fraction
            kind, first = _qualifier_before(toks, i)
            lo, hi = _range(value, kind)
            out.append(Quantity(value, lo, hi, first, j, i, "percent", qualifier=kind))
            i = j + 1
            continue
        if t.is_number and (_list_marker(side, i) or _in_name(side, i)):
            i += 1
            continue
        clock = _clock_time(side, i)
        if clock is not None:  # 20:30 = 8:30 p.m.: minutes after midnight, placed like a date
            minutes, j = clock
            out.append(Quantity(minutes, minutes, minutes, i, j, i, None, date=True))
            i = j + 1
            continue
        if t.is_number:
            digits = t.norm
            # "12 000", "3 500 000" with a space, U+00A0, U+202F or U+2009 between the groups
            while re.fullmatch(r"\d{1,3}", t.norm) and j + 1 < len(toks) \
                    and re.fullmatch(r"\d{3}", toks[j + 1].norm) \
                    and side.doc.text[toks[j].end:toks[j + 1].start] in _GROUP_SEPARATORS:
                digits += toks[j + 1].norm
                j += 1
            value, alt = _parse_digits(digits)
            # an ordinal in digits ("2nd base", "9th inning") is written like a word, not a figure
            spelled = j + 1 < len(toks) and toks[j + 1].norm in ("st", "nd", "rd", "th") \
                and toks[j + 1].start == toks[j].end
        elif t.norm in NUMBER_WORDS and t.norm != "half":
            value, spelled = float(NUMBER_WORDS[t.norm]), True
            # twenty-one, twenty one
            if value >= 20 and j + 2 < len(toks) and toks[j + 1].norm == "-" and \
                    toks[j + 2].norm in NUMBER_WORDS and NUMBER_WORDS[toks[j + 2].norm] < 10:
                value += NUMBER_WORDS[toks[j + 2].norm]
                j += 2
        elif t.norm in ("a", "an") and i + 1 < len(toks) and toks[i + 1].norm == "dozen":
            value, spelled, j = 12.0, True, i + 1
        elif t.norm in ("a", "an") and i + 1 < len(toks) and toks[i + 1].norm in SCALES:
            value, spelled = 1.0, True  # "a thousand": the scale below multiplies it
        if value is None:
            i += 1
            continue
        part = _fraction_after(side, j, whole=not spelled or value < 100)
        if part is not None:  # 2 1/2, 2½, two and a half: one figure, not two
            fraction, j = part
            value += fraction
            alt = None if alt is None else alt + fraction
        # "m" is a million after a currency sign ("$5m"); "100 m" is metres
        while j + 1 < len(toks) and toks[j + 1].norm in SCALES \
                and (toks[j + 1].norm != "m" or (i > 0 and toks[i - 1].norm in "$£€")):
            value *= SCALES[toks[j + 1].norm]
            alt = None if alt is None else alt * SCALES[toks[j + 1].norm]
            j += 1
        kind, first = _qualifier_before(toks, i)
        prev = toks[i - 1].norm if i > 0 else ""
        nxt = toks[j + 1].norm if j + 1 < len(toks) else ""
        is_date = (prev in MONTHS or nxt in MONTHS
                   or (t.is_number and "," not in t.text and 1800 <= value <= 2100
                       and (prev in _YEAR_BEFORE or not (j + 1 < len(toks) and toks[j + 1].is_word))))
        unit = None if is_date else _unit_after(toks, j)
        if nxt in ("%", "percent") or (nxt == "per" and j + 2 < len(toks) and toks[j + 2].norm == "cent"):
            j += 1 if nxt != "per" else 2
            unit, is_date = "percent", False
        lo, hi = _range(value, kind)
        out.append(Quantity(value, lo, hi, first, j, i, unit, date=is_date, qualifier=kind,
                            spelled=spelled, alt=alt))
        i = j + 1
    return out


#: Qualifiers that bound a figure from below and from above.
_LOWER, _UPPER = {"min", "gt"}, {"max", "lt"}
_GROUP_SEPARATORS = (" ", "\u00a0", "\u202f", "\u2009")


def _clock_time(side: Side, i: int) -> tuple[float, int] | None:
    """A clock time starting at token i ("20:30", "8:30 p.m."): minutes after midnight and its
    last token."""
    toks = side.tokens
    dotted = re.fullmatch(r"(\d{1,2})\.(\d{2})", toks[i].norm)
    if dotted and i + 1 < len(toks) and toks[i + 1].norm in ("am", "pm", "utc", "gmt", "local", "uhr", "h"):
        h, m, j = int(dotted.group(1)), int(dotted.group(2)), i  # 15.00 UTC, 8.30 p.m.
    elif toks[i].is_number and i + 2 < len(toks) and toks[i + 1].norm == ":" \
            and re.fullmatch(r"\d{2}", toks[i + 2].norm) and re.fullmatch(r"\d{1,2}", toks[i].norm):
        h, m, j = int(toks[i].norm), int(toks[i + 2].norm), i + 2
    else:
        return None
    if h > 24 or m > 59:
        return None
    if j + 1 < len(toks) and toks[j + 1].norm in ("am", "pm"):
        j += 1
        if toks[j].norm == "pm" and h < 12:
            h += 12
    return float(h * 60 + m), j


#: Unicode's vulgar fractions, as a reader reads them.
_VULGAR = {"½": 0.5, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 0.25, "¾": 0.75, "⅕": 0.2, "⅛": 0.125}
#: "and a half", "and a quarter" after a whole number.
_AND_A = {"half": 0.5, "quarter": 0.25, "third": 1 / 3}


def _fraction_after(side: Side, j: int, *, whole: bool) -> tuple[float, int] | None:
    """The fraction that completes the whole number ending at token j, and its last token: a
    glued or spaced "1/2" ("2 1/2"), a vulgar fraction ("2½", "2 ½"), or "and a half"."""
    toks, text = side.tokens, side.doc.text
    if not whole or j + 1 >= len(toks) or toks[j + 1].sent != toks[j].sent:
        return None
    nxt = toks[j + 1]
    if nxt.text in _VULGAR and text[toks[j].end:nxt.start] in ("", " "):
        return _VULGAR[nxt.text], j + 1
    if j + 3 < len(toks) and text[toks[j].end:nxt.start] == " " and nxt.is_number \
            and toks[j + 2].text in ("/", "\u2044") and toks[j + 3].is_number \
            and text[nxt.end:toks[j + 3].start] == toks[j + 2].text:
        a, b = float(nxt.norm), float(toks[j + 3].norm)
        if 0 < a < b <= 16:
            return a / b, j + 3
    if j + 3 < len(toks) and [t.norm for t in toks[j + 1:j + 3]] == ["and", "a"] \
            and toks[j + 3].norm in _AND_A:
        return _AND_A[toks[j + 3].norm], j + 3
    return None


def _list_marker(side: Side, i: int) -> bool:
    """A list marker, not a figure: "1)" or "2)" opening a sentence or following its end."""
    toks = side.tokens
    t = toks[i]
    opens = i == 0 or toks[i - 1].sent != t.sent or toks[i - 1].norm in (".", "!", "?", ":", ";")
    return opens and i + 1 < len(toks) and toks[i + 1].norm == ")" and len(t.norm) <= 2


def _in_name(side: Side, i: int) -> bool:
    """Digits that belong to a name: COVID-19, G7, F-35 (a word just before, with no space)."""
    toks = side.tokens
    if i == 0 or toks[i - 1].sent != toks[i].sent:
        return False
    gap = side.doc.text[toks[i - 1].end:toks[i].start]
    if gap == "" and toks[i - 1].is_word and not toks[i - 1].is_number:
        return True
    return gap == "" and toks[i - 1].norm == "-" and i >= 2 and toks[i - 2].is_word \
        and not toks[i - 2].is_number and side.doc.text[toks[i - 2].end:toks[i - 1].start] == ""


def _fraction(toks: list[Token], i: int) -> tuple[float, int] | None:
    """A fraction starting at token i, as a percentage and its last token: "half" (of), "a third",
    "two-thirds", "three quarters". An ordinal ("the third time") is not one."""
    t = toks[i]
    if t.norm == "half" and (i == 0 or toks[i - 1].norm in ("by", "a", "one", "than", "about", "nearly")
                             or (i + 1 < len(toks) and toks[i + 1].norm == "of")):
        return FRACTIONS["half"], i
    count = 1.0 if t.norm in ("a", "an", "one") else NUMBER_WORDS.get(t.norm)
    if count is None or t.norm == "half":
        return None
    k = i + 1
    if k < len(toks) and toks[k].norm == "-":
        k += 1
    if k < len(toks) and toks[k].norm in FRACTIONS and toks[k].norm not in ("half", "halves"):
        return count * FRACTIONS[toks[k].norm], k
    return None


def _date_slot(side: Side, q: Quantity) -> str:
    """The word that places a date: the month or preposition next to it."""
    toks = side.tokens
    prev = toks[q.first - 1].norm if q.first > 0 else ""
    nxt = toks[q.last + 1].norm if q.last + 1 < len(toks) else ""
    return nxt if nxt in MONTHS else prev


def _words(side: Side, q: Quantity, *, with_unit: bool = True) -> tuple[tuple[int, int], str]:
    last = q.last
    if with_unit and q.unit:
        toks = side.tokens
        k = q.last + 1
        while k < len(toks) and k <= q.last + 6 and toks[k].sent == toks[q.last].sent:
            if toks[k].is_word and stem(toks[k].norm) == q.unit:
                last = k
                break
            k += 1
    span = side.span(q.first, last)
    return span, side.words(span)


#: Words that set one figure against another: "214 votes to 187", "3 against 2", "2-1".
_AGAINST = word_set("to against - versus vs")


def _opposed(side: Side, qs: list[Quantity]) -> list[tuple[Quantity, Quantity]]:
    """Pairs of figures set against each other in one sentence: a figure, at most two words (its
    unit), a word of :data:`_AGAINST`, the other figure ("by 214 votes to 187", "beat Italy 2-1")."""
    toks = side.tokens
    out = []
    for a, b in zip(qs, qs[1:], strict=False):
        if a.vague or b.vague or a.date or b.date or a.value == b.value or b.first != b.number_first:
            continue
        between = toks[a.last + 1:b.first]
        if 1 <= len(between) <= 3 and between[-1].norm in _AGAINST \
                and toks[a.last].sent == toks[b.first].sent \
                and all(t.is_word and not t.is_number for t in between[:-1]):
            out.append((a, b))
    return out


def _swapped(base: Side, rewrite: Side, bq: list[Quantity], rq: list[Quantity]) -> list[Shift]:
    """Two figures set against each other and given in the other order: "by 214 votes to 187" →
    "by 187 votes to 214", "2-1" → "1-2". Severity 3: the result is reversed (the losing side wins)."""
    shifts = []
    r_pairs = _opposed(rewrite, rq)
    for a, b in _opposed(base, bq):
        if any(c.same_value(a) and d.same_value(b) for c, d in r_pairs):
            continue
        hit = next(((c, d) for c, d in r_pairs if c.same_value(b) and d.same_value(a)), None)
        if hit is not None:
            bs, rs = base.span(a.first, b.last), rewrite.span(hit[0].first, hit[1].last)
            shifts.append(Shift("number", 3, bs, rs, f"{quote(base.words(bs))} became "
                                f"{quote(rewrite.words(rs))}: the figures are swapped, the result reversed"))
    return shifts


@functools.lru_cache(maxsize=64)
def doc_values(doc: Document) -> frozenset[float]:
    """Every figure anywhere in a document."""
    return frozenset(v for q in find_quantities(whole(doc)) if not q.calendar
                     for v in (q.value, q.alt) if v is not None)


def detect(base: Side, rewrite: Side) -> list[Shift]:
    bq, rq = find_quantities(base), find_quantities(rewrite)
    shifts: list[Shift] = []
    free_r = list(range(len(rq)))
    base_values, rewrite_values = doc_values(base.doc), doc_values(rewrite.doc)

    def take(pred) -> int | None:
        for k in free_r:
            if pred(rq[k]):
                free_r.remove(k)
                return k
        return None

    pending: list[Quantity] = []
    # 1. the same figure, or an equivalent range ("at least 21" ~ "more than 20")
    for q in bq:
        if q.vague:
            pending.append(q)
            continue
        k = take(lambda r, q=q: not r.vague and r.same_value(q))
        if k is None:
            k = take(lambda r, q=q: not r.vague and not r.calendar and r.lo == q.lo and r.hi == q.hi
                     and not q.date)
        if k is None:
            pending.append(q)
            continue
        r = rq[k]
        # the same figure qualified differently ("15,000" → "around 15,000"); an equal range with
        # other words ("at least 21" → "more than 20") is no change
        if r.same_value(q) and r.qualifier != q.qualifier and (r.lo, r.hi) != (q.lo, q.hi) and not q.date:
            bs, bw = _words(base, q, with_unit=False)
            rs, rw = _words(rewrite, r, with_unit=False)
            if {q.qualifier, r.qualifier} & _LOWER and {q.qualifier, r.qualifier} & _UPPER:
                shifts.append(Shift("number", 2, bs, rs, f"{quote(bw)} became {quote(rw)}: the bound is "
                                    "reversed"))  # more than ↔ fewer than
            else:
                shifts.append(Shift("number", 1, bs, rs, f"{quote(bw)} became {quote(rw)}: the figure is "
                                    "qualified differently"))
    shifts += _swapped(base, rewrite, bq, rq)
    # 2. what is left: blurred, changed, dropped
    reported: set[float] = set()
    for q in pending:
        bs, bw = _words(base, q)
        if q.vague:
            k = take(lambda r, q=q: r.vague and r.unit == q.unit)
            if k is None and sum(p.vague for p in pending) == 1 and sum(rq[x].vague for x in free_r) == 1:
                k = take(lambda r: r.vague)  # the one vague quantity of each side, counting other words
            if k is not None and rq[k].vague and (rq[k].hi < q.lo or rq[k].lo > q.hi):
                bs, bw = _words(base, q, with_unit=False)
                rs, rw = _words(rewrite, rq[k], with_unit=False)
                shifts.append(Shift("number", 2, bs, rs, f"{quote(bw)} became {quote(rw)}: the order "
                                    "of magnitude changed"))
                continue
            if k is None:
                k = take(lambda r, q=q: not r.vague and not r.date and q.lo <= (r.value or 0) <= q.hi
                         and q.unit is not None and r.unit == q.unit)
            if k is not None and not rq[k].vague:
                rs, rw = _words(rewrite, rq[k])
                if rq[k].qualifier != "exact":  # "hundreds" → "about 300": still an estimate
                    shifts.append(Shift("number", 1, bs, rs, f"{quote(bw)} became the estimate "
                                        f"{quote(rw)}, within the same range"))
                    continue
                shifts.append(Shift("number", 2 if rq[k].key_fact else 1, bs, rs,
                                    f"{quote(bw)} became the precise figure {quote(rw)}, which the base "
                                    "does not give"))
            continue
        if q.date:
            if q.calendar:  # "on Tuesday" → "on Thursday", "in March" → "in May"
                k = take(lambda r, q=q: r.calendar == q.calendar)
            else:  # the same date slot: "since 2013" → "since 2014", "November 21" → "November 12"
                k = take(lambda r, q=q: r.date and not r.calendar
                         and _date_slot(rewrite, r) == _date_slot(base, q))
            if k is None and not q.calendar:
                # the only figure left on both sides, and no date: "2015–2019" → "2015–15334"
                rest = [x for x in free_r if not rq[x].vague and not rq[x].date]
                if len(rest) == 1 and sum(not p.vague for p in pending) == 1:
                    k = take(lambda r, x=rest[0]: r is rq[x])
            if k is not None:
                rs, rw = _words(rewrite, rq[k], with_unit=False)
                shifts.append(Shift("number", 2, bs, rs, f"the date {quote(bw)} became {quote(rw)}"))
            elif q.value not in rewrite_values:
                shifts.append(Shift("number", 1, bs, None, f"the rewrite drops the date {quote(bw)}"))
            continue
        k = take(lambda r, q=q: r.vague and r.lo <= q.value <= r.hi)
        if k is not None:
            rs, rw = _words(rewrite, rq[k])
            sev = 2 if q.key_fact else 1
            shifts.append(Shift("number", sev, bs, rs, f"{quote(bw)} was blurred to {quote(rw)}: "
                                "the precise figure is gone"))
            continue
        k = take(lambda r, q=q: not r.vague and not r.date and q.unit is not None and r.unit == q.unit)
        if k is None:
            rest = [x for x in free_r if not rq[x].vague and not rq[x].date]
            if len(rest) == 1 and sum(not p.vague and not p.date for p in pending) == 1:
                k = take(lambda r, x=rest[0]: r is rq[x])
        if k is not None:
            rs, rw = _words(rewrite, rq[k])
            shifts.append(Shift("number", 2, bs, rs, f"the figure {quote(bw)} became {quote(rw)}"))
            continue
        if q.value == 1 or q.value in reported:
            continue  # "one" is as often an article as a figure; a repeated figure is reported once
        reported.add(q.value)
        elsewhere = q.value in rewrite_values
        sev = 2 if q.key_fact and not elsewhere else 1
        where = " here (it appears elsewhere in the rewrite)" if elsewhere else ""
        shifts.append(Shift("number", sev, bs, None, f"the rewrite drops the figure {quote(bw)}{where}"))
    # 3. figures only the rewrite gives
    base_relative = any(t.norm in RELATIVE_TIME for t in base.whole.tokens)
    reported_added: set[float] = set()
    for k in free_r:
        r = rq[k]
        if r.vague or r.value == 1 or r.value in reported_added:
            continue
        reported_added.add(r.value)
        rs, rw = _words(rewrite, r)
        if r.value in base_values:
            continue
        if r.date:
            if not base_relative:
                shifts.append(Shift("number", 1, None, rs, f"the rewrite adds the date {quote(rw)}"))
            continue
        if r.key_fact:
            shifts.append(Shift("addition", 3, None, rs,
                                f"the rewrite adds the figure {quote(rw)}, which the base never gives"))
        else:
            shifts.append(Shift("number", 1, None, rs, f"the rewrite adds the figure {quote(rw)}"))
    return shifts


# -- figures across languages and scripts ---------------------------------------------------------

def _side_figures(side: Side, language: str | None) -> list[Figure]:
    """The figures of a link side, read in its language, with spans on the document's text."""
    out = []
    for i in side.indices:
        s = side.doc.sentences[i]
        for f in read_figures(side.doc.text[s.start:s.end], language):
            out.append(replace(f, start=f.start + s.start, end=f.end + s.start))
    return out


@functools.lru_cache(maxsize=64)
def _doc_figure_values(doc: Document, language: str | None) -> frozenset[float]:
    return frozenset(v for f in read_figures(doc.text, language) for v in f.values)


#: Counts and ordinals: a rank is given either way ("third place", "number three"), so a count and an
#: ordinal of different values are one figure changed.
_RANKS = frozenset(("count", "ordinal"))


def detect_across(base: Side, rewrite: Side, base_language: str | None,
                  rewrite_language: str | None) -> list[Shift]:
    """Figures compared by value, whatever the script or language of either side.

    Each figure is read with :func:`drift.shifts.numerals.read_figures` (digits in any script, CJK
    numerals, scale words, spelled numbers, months, Roman numerals, clock times); a base figure and
    a rewrite figure are the same when one of their readings is equal ("1,5 Milliarden" = "1.5
    billion", "三百" = "300"). What is left over is paired in reading order, a kind with its kind:
    a changed figure (severity 2 when either is written in digits or numerals, or both are of one
    kind, or one is a count and the other an ordinal: "तीसरे नंबर" → "number two"); a figure left
    over on one side alone is dropped or added (severity 2 when it is a
    key figure the other document gives nowhere, else 1). A weekday is the same only as another
    weekday (Dienstag = Tuesday = 火曜日); a score joined by a dash and given in the other order
    ("2-1" → "1-2") reverses the result, severity 3.
    """
    bf, rf = _side_figures(base, base_language), _side_figures(rewrite, rewrite_language)
    free = list(rf)
    left: list[Figure] = []
    for f in bf:
        match = next((r for r in free if r.same(f)), None)
        if match is None:
            left.append(f)
        else:
            free.remove(match)
    shifts: list[Shift] = []
    b_text, r_text = base.doc.text, rewrite.doc.text
    r_scores = _scores(rf, r_text)
    for f, g in _scores(bf, b_text):  # "2-1" → "1-2" in any language: the result reversed
        if not any(p.same(f) and q.same(g) for p, q in r_scores):
            hit = next(((p, q) for p, q in r_scores if p.same(g) and q.same(f)), None)
            if hit is not None:
                shifts.append(Shift("number", 3, (f.start, g.end), (hit[0].start, hit[1].end),
                                    f"{quote(b_text[f.start:g.end])} became "
                                    f"{quote(r_text[hit[0].start:hit[1].end])}: the figures are swapped, "
                                    "the result reversed"))
    for f in left:
        partner = next((r for r in free if r.kind == f.kind), None)
        if partner is None and f.kind in _RANKS:  # "third" → "number two", "3" → "second"
            partner = next((r for r in free if r.kind in _RANKS), None)
        bw = quote(b_text[f.start:f.end])
        if partner is not None:
            free.remove(partner)
            rw = quote(r_text[partner.start:partner.end])
            ranks = {f.kind, partner.kind} <= _RANKS
            sev = 2 if f.key or partner.key or f.kind == partner.kind or ranks else 1
            shifts.append(Shift("number", sev, (f.start, f.end), (partner.start, partner.end),
                                f"the figure {bw} became {rw}"))
            continue
        elsewhere = bool(f.values & _doc_figure_values(rewrite.doc, rewrite_language))
        sev = 2 if f.key and not elsewhere and f.kind != "month" else 1
        shifts.append(Shift("number", sev, (f.start, f.end), None,
                            f"the rewrite drops the figure {bw}" + (" here" if elsewhere else "")))
    for r in free:
        if r.values & _doc_figure_values(base.doc, base_language):
            continue
        rw = quote(r_text[r.start:r.end])
        sev = 2 if r.key and r.kind != "month" else 1
        shifts.append(Shift("number", sev, None, (r.start, r.end),
                            f"the rewrite gives the figure {rw}, which the base does not"))
    return shifts


def _scores(figures: list[Figure], text: str) -> list[tuple[Figure, Figure]]:
    """Two counts joined by a dash alone, a score or a tally in any language ("2-1", "3 – 0")."""
    return [(f, g) for f, g in zip(figures, figures[1:], strict=False)
            if f.kind == g.kind == "count" and f.values != g.values
            and text[f.end:g.start].strip(" \u00a0") in ("-", "\u2013", "\u2212")]


_NON_LATIN_NUMERALS = re.compile(r"[\u0900-\u097f\u3000-\u9fff\uff10-\uff19\u0660-\u0669\u06f0-\u06f9]")


def _english_pair(ctx: LinkContext) -> bool:
    """Both sides English (or of unknown language) in Latin script: the English reader applies."""
    return all(lang is None or primary(lang) == "en" for lang in (ctx.base_language, ctx.rewrite_language)) \
        and not _NON_LATIN_NUMERALS.search(ctx.base.text + ctx.rewrite.text)


def _run(ctx: LinkContext) -> list[Shift]:
    if _english_pair(ctx):
        return detect(ctx.base, ctx.rewrite)
    return detect_across(ctx.base, ctx.rewrite, ctx.base_language, ctx.rewrite_language)


register("numbers", _run, shift_types=("number", "addition"), cross_lingual=True)
